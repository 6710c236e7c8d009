// Dumps the lexicon of compromise (MIT) as JSON {"word": "Tag|Tag", ...}
// with sorted keys, for gazgen's -compromise flag.
// Usage: NODE_PATH=$tmp/node_modules node compromise-lexicon.js > $tmp/compromise-lexicon.json
const nlp = require("compromise");
const lex = nlp.model().one.lexicon;
const out = {};
for (const k of Object.keys(lex).sort()) {
  const t = lex[k];
  out[k] = Array.isArray(t) ? t.join("|") : String(t);
}
process.stdout.write(JSON.stringify(out));
