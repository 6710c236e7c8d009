// Dumps the person first and last names of every @faker-js/faker locale
// (MIT) as JSON {"first": [...], "last": [...]}, for gazgen's -faker flag.
// Usage: NODE_PATH=$tmp/node_modules node faker-names.js > $tmp/faker-names.json
const { allLocales } = require("@faker-js/faker");
const out = { first: new Set(), last: new Set() };
function addAll(set, v) {
  if (!v) return;
  if (Array.isArray(v)) { v.forEach((x) => typeof x === "string" && set.add(x)); return; }
  if (typeof v === "object") Object.values(v).forEach((x) => addAll(set, x));
}
for (const name of Object.keys(allLocales).sort()) {
  const p = allLocales[name].person;
  if (!p) continue;
  addAll(out.first, p.first_name);
  addAll(out.first, p.middle_name);
  addAll(out.last, p.last_name);
}
process.stdout.write(JSON.stringify({ first: [...out.first].sort(), last: [...out.last].sort() }));
