// Package htmlview writes a graph as one self-contained HTML page to
// explore it in a browser: search by name or alias, filter by entity type
// (and by relation type and date range when the graph has them), zoom and
// pan, and click an entity to read its aliases, its neighbours and the
// passages behind each of its links.
//
// The page works offline: the data, the style, the script and the
// library are inlined, and nothing is fetched when it opens. Its bytes
// depend only on the graph and the options (sorted data, no timestamp,
// no random seed), so the same graph always gives the same file.
//
// # The library
//
// The page draws with d3 (https://d3js.org): d3-selection, d3-zoom and the
// modules they need (d3-dispatch, d3-drag, d3-timer, d3-color,
// d3-interpolate, d3-ease, d3-transition), vendored minified under
// assets/vendor with their licences (ISC; d3-ease BSD-3-Clause; see
// NOTICE). d3 was chosen over sigma.js and Cytoscape.js because it draws
// SVG: every entity is a DOM element carrying its name in data-id, which
// a browser test, a screen reader and the browser's own find can reach,
// and 150 entities with 1,500 links (more than a default view keeps) is
// well within what SVG draws smoothly. The modules are small (about 65 KB
// together), depend on nothing else, and are kept by the d3 project.
//
// # The layout
//
// Write places the entities itself (layout.go), with a force simulation
// in the manner of d3-force: links pull like springs, stronger ones
// shorter; entities repel and do not overlap. Running it in Go rather
// than in the browser keeps the page quick to open on a slow machine
// (the simulation is the costliest step) and makes the picture part of
// the deterministic output.
//
// # The data
//
// The page embeds its data as JSON in a script element (see page in
// page.go for the fields): the entities with their place, the
// co-occurrence links, then the relations as typed links (directed from
// head to tail, but for a symmetric type), each with its evidence; the
// days each was first and last seen and its counts per period (the
// graph's slice, else months); and what Options.Docs says of the cited
// documents. What a graph lacks, the page does not offer: a relation
// filter only when there are relations, a date-range slider only when
// something has dates, community colours only for an analysed graph,
// links to documents only for those with a URL.
package htmlview
