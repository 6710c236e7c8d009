/* entigraph interactive view. The data is the JSON in #graph-data (see
   graph/htmlview/page.go); optional fields switch controls on. */
(function () {
  "use strict";

  var COLORS = { PERSON: "#8ecae6", ORG: "#ffb703", LOC: "#95d5b2" };
  var OTHER_COLOR = "#cdb4db";
  var COOCCURRENCE = "co-occurrence";
  var LABELS_AT_SCALE_1 = 60; // labelled nodes at most at zoom 1; more as one zooms in

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = data.nodes, links = data.links, sources = data.sources || {};
  var byId = new Map();
  nodes.forEach(function (n, i) { n.index = i; n.adj = []; byId.set(n.id, n); });
  links = links.filter(function (l) { return byId.has(l.source) && byId.has(l.target); });
  links.forEach(function (l, i) {
    l.key = i; // two relations may join the same pair, even both ways
    l.s = byId.get(l.source); l.t = byId.get(l.target);
    l.s.adj.push(l); l.t.adj.push(l);
  });

  var state = { colorBy: data.color_by || "type", types: new Set(), relations: new Set(), from: "", to: "", selected: null, near: new Set(), matches: new Set() };

  // COMMUNITY_COLORS are the DOT writer's (ColorBrewer Set3); later
  // communities are OTHER_COMMUNITY.
  var COMMUNITY_COLORS = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"];
  var OTHER_COMMUNITY = "#f7f7f7";
  function color(type) { return COLORS[type] || OTHER_COLOR; }
  function communityColor(c) { return COMMUNITY_COLORS[c] || OTHER_COMMUNITY; }
  function fill(n) { return state.colorBy === "community" && n.stats ? communityColor(n.stats.community) : color(n.type); }
  function relType(l) { return l.type || COOCCURRENCE; }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }
  function plural(n, word, words) { return n.toLocaleString("en") + " " + (n === 1 ? word : words || word + "s"); }
  // fold lowercases and strips accents, so "Jose" finds "José".
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  // ---- Sizes and ranks --------------------------------------------------
  var maxMentions = Math.max(1, Math.max.apply(null, nodes.map(function (n) { return n.mentions; }).concat([1])));
  // The same radius as layout.go's, so circles do not overlap.
  nodes.forEach(function (n) { n.r = 3 + 11 * Math.log1p(Math.max(n.mentions, 0)) / Math.log1p(maxMentions); });
  var ranked = nodes.slice().sort(function (a, b) { return b.mentions - a.mentions || (a.id < b.id ? -1 : 1); });
  ranked.forEach(function (n, i) { n.rank = i; });
  // l.w scales strength to 0..1, for co-occurrences and relations apart
  // (a measure and a sentence count), as layout.go does.
  [false, true].forEach(function (rel) {
    var ls = links.filter(function (l) { return !!l.type === rel; });
    var lo = d3min(ls, function (l) { return l.strength; }), hi = d3max(ls, function (l) { return l.strength; });
    ls.forEach(function (l) { l.w = hi > lo ? (l.strength - lo) / (hi - lo) : 0.5; });
  });

  // ---- Layout: computed by the Go writer (layout.go); data made by
  // hand without it gets a spiral, most mentioned in the middle.
  function layout() {
    var golden = Math.PI * (3 - Math.sqrt(5));
    ranked.forEach(function (n, k) {
      if (typeof n.x === "number" && typeof n.y === "number") return;
      var r = 10 * Math.sqrt(0.5 + k);
      n.x = r * Math.cos(k * golden); n.y = r * Math.sin(k * golden);
    });
  }

  // ---- Drawing ------------------------------------------------------------
  var svg = d3.select("#graph"), viewport = d3.select("#viewport");
  var linkLayer = d3.select("#links"), nodeLayer = d3.select("#nodes");
  var zoom = d3.zoom().scaleExtent([0.1, 12]).on("zoom", function (ev) {
    viewport.attr("transform", ev.transform);
    labelByZoom(ev.transform.k);
  });
  svg.call(zoom).on("dblclick.zoom", null);
  svg.on("click", function (ev) { if (ev.target === svg.node()) select(null); });

  function visibleNode(n) {
    return state.types.has(n.type) && inRange(n);
  }
  function visibleLink(l) {
    return state.relations.has(relType(l)) && visibleNode(l.s) && visibleNode(l.t) && inRange(l);
  }

  // draw joins the visible nodes and links: one DOM element per visible
  // node, carrying the entity's name in data-id.
  function draw() {
    var vn = nodes.filter(visibleNode), vl = links.filter(visibleLink);
    linkLayer.selectAll("line").data(vl, function (l) { return l.key; })
      .join(function (enter) {
        return enter.append("line")
          .classed("directed", function (l) { return !!l.directed; })
          .attr("marker-end", function (l) { return l.directed ? "url(#arrow)" : null; })
          .attr("stroke-width", function (l) { return 0.8 + 3.2 * l.w; });
      })
      .each(function (l) { placeLine(this, l); });
    nodeLayer.selectAll("g.node").data(vn, function (n) { return n.id; })
      .join(function (enter) {
        var g = enter.append("g").attr("class", "node")
          .attr("data-id", function (n) { return n.id; })
          .attr("tabindex", "0").attr("role", "button")
          .attr("aria-label", function (n) { return n.label + ", " + n.type; })
          .on("keydown", function (ev, n) {
            if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(n, true); }
          })
          .attr("transform", function (n) { return "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"; })
          .on("click", function (ev, n) { ev.stopPropagation(); select(n); });
        g.append("circle").attr("r", function (n) { return n.r; }).attr("fill", fill);
        g.append("text").attr("x", function (n) { return n.r + 3; }).attr("dy", "0.35em").text(function (n) { return n.label; });
        g.append("title").text(function (n) { return n.label + " (" + n.type + "), " + plural(n.mentions, "mention"); });
        return g;
      })
      .call(d3.drag().on("drag", function (ev, n) {
        n.x = ev.x; n.y = ev.y;
        d3.select(this).attr("transform", "translate(" + n.x + "," + n.y + ")");
        linkLayer.selectAll("line").filter(function (l) { return l.s === n || l.t === n; }).each(function (l) { placeLine(this, l); });
      }));
    d3.select("#summary").text(plural(vn.length, "entity", "entities") + ", " + plural(vl.length, "link") +
      (vn.length < nodes.length || vl.length < links.length ? " shown (of " + nodes.length + " and " + links.length + ")" : "") +
      (data.docs ? ", from " + plural(data.docs, "document") : "") + (data.period ? ", in " + data.period : "") +
      "; link strength: " + data.measure + ".");
    highlight(); // and labels
  }

  // placeLine draws a link between the rims of its nodes, so an arrow
  // head is not hidden under the target.
  function placeLine(line, l) {
    var dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    var a = l.directed ? l.s.r / d : 0, b = l.directed ? (l.t.r + 1) / d : 0;
    line.setAttribute("x1", (l.s.x + dx * a).toFixed(1));
    line.setAttribute("y1", (l.s.y + dy * a).toFixed(1));
    line.setAttribute("x2", (l.t.x - dx * b).toFixed(1));
    line.setAttribute("y2", (l.t.y - dy * b).toFixed(1));
  }

  // labelByZoom keeps labels the same size on screen, so zooming in
  // spreads them apart, and labels more entities the closer one looks.
  // A label that would overlap the label of a more mentioned entity is
  // hidden too (its entity's title and the details still name it).
  function labelByZoom(k) {
    nodeLayer.attr("font-size", (12 / k).toFixed(3) + "px");
    var limit = LABELS_AT_SCALE_1 * k * k, placed = [];
    var shown = new Set(), sel = state.selected;
    // With an entity selected, only it and its neighbours are labelled,
    // it first.
    var order = sel ? [sel].concat(ranked.filter(function (n) { return n !== sel && state.near.has(n); })) : ranked;
    order.forEach(function (n) {
      if ((!sel && n.rank >= limit) || !visibleNode(n)) return;
      // The label's box on screen: 12px text, about 0.6em a letter.
      var x = n.x * k + n.r * k + 3, y = n.y * k - 7, w = n.label.length * 7.2, h = 14;
      for (var i = 0; i < placed.length; i++) {
        var b = placed[i];
        if (x < b[0] + b[2] && b[0] < x + w && y < b[1] + b[3] && b[1] < y + h) return;
      }
      placed.push([x, y, w, h]);
      shown.add(n);
    });
    nodeLayer.selectAll("g.node").classed("nolabel", function (n) { return !shown.has(n); });
  }

  function fit() {
    var vn = nodes.filter(visibleNode);
    if (!vn.length) return;
    var x0 = d3min(vn, function (n) { return n.x - n.r; }), x1 = d3max(vn, function (n) { return n.x + n.r + 60; });
    var y0 = d3min(vn, function (n) { return n.y - n.r; }), y1 = d3max(vn, function (n) { return n.y + n.r; });
    var box = svg.node().getBoundingClientRect();
    var w = box.width || 800, h = box.height || 600;
    var k = Math.min(2, 0.95 * Math.min(w / (x1 - x0 || 1), h / (y1 - y0 || 1)));
    svg.call(zoom.transform, d3.zoomIdentity.translate(w / 2, h / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2));
  }
  function d3min(a, f) { return a.reduce(function (m, x) { return Math.min(m, f(x)); }, Infinity); }
  function d3max(a, f) { return a.reduce(function (m, x) { return Math.max(m, f(x)); }, -Infinity); }

  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  function centre(n) {
    var box = svg.node().getBoundingClientRect();
    var k = Math.max(1.5, d3.zoomTransform(svg.node()).k);
    var to = d3.zoomIdentity.translate(box.width / 2, box.height / 2).scale(k).translate(-n.x, -n.y);
    if (reducedMotion.matches) svg.call(zoom.transform, to);
    else svg.transition().duration(400).call(zoom.transform, to);
  }

  // ---- Selection and details --------------------------------------------
  function select(n, recentre) {
    state.selected = n;
    highlight();
    showDetails(n);
    if (n && recentre) centre(n);
  }

  function highlight() {
    var n = state.selected;
    var near = new Set();
    if (n) {
      near.add(n);
      n.adj.forEach(function (l) { if (visibleLink(l)) { near.add(l.s); near.add(l.t); } });
    }
    state.near = near;
    svg.classed("focus", !!n);
    nodeLayer.selectAll("g.node")
      .classed("near", function (d) { return near.has(d); })
      .classed("selected", function (d) { return d === n; })
      .classed("match", function (d) { return state.matches.has(d); });
    linkLayer.selectAll("line").classed("near", function (l) { return !!n && (l.s === n || l.t === n); });
    labelByZoom(d3.zoomTransform(svg.node()).k);
  }

  function showDetails(n) {
    var box = document.getElementById("details");
    box.textContent = "";
    box.hidden = !n;
    if (!n) return;
    box.appendChild(el("h2", null, n.label));
    var meta = n.type + " · " + plural(n.mentions, "mention") + " in " + plural(n.docs, "document");
    if (n.first_seen) meta += " · seen " + span(n);
    box.appendChild(el("p", { "class": "meta" }, meta));
    if (n.aliases && n.aliases.length) {
      box.appendChild(el("h3", null, "Also named"));
      var ul = el("ul", { "class": "aliases" });
      n.aliases.forEach(function (a) { ul.appendChild(el("li", null, a.name + " (" + a.count + ")")); });
      box.appendChild(ul);
    }
    var adj = n.adj.filter(visibleLink).sort(function (a, b) {
      return b.strength - a.strength || b.weight - a.weight || (other(a, n).id < other(b, n).id ? -1 : 1);
    });
    box.appendChild(el("h3", null, plural(adj.length, "link") + " (strongest first)"));
    var names = namesOf(n);
    adj.forEach(function (l) { box.appendChild(neighbour(l, n, names)); });
  }

  // span is when an entity or link was seen: one day, or from one to another.
  function span(x) {
    var a = day(x.first_seen), b = day(x.last_seen || x.first_seen);
    return a === b ? a : a + " to " + b;
  }
  function other(l, n) { return l.s === n ? l.t : l.s; }
  function namesOf(n) { return [n.label].concat((n.aliases || []).map(function (a) { return a.name; })); }

  function neighbour(l, n, names) {
    var m = other(l, n);
    var div = el("div", { "class": "neighbour", "data-neighbour": m.id });
    if (l.directed) div.appendChild(document.createTextNode(l.s === n ? "→ " : "← "));
    var b = el("button", { type: "button" }, m.label);
    b.addEventListener("click", function () { select(m, true); });
    div.appendChild(b);
    if (l.type) div.appendChild(el("span", { "class": "reltype" }, l.label || l.type));
    var info = " " + m.type + " · " + (l.type ? "stated " + plural(l.units, "time") : plural(l.units, "time") + " together") +
      " in " + plural(l.docs, "document");
    if (l.first_seen) info += " · " + span(l);
    if (l.type && l.score) info += " · score " + l.score.toFixed(2);
    div.appendChild(el("span", { "class": "count" }, info));
    var marks = names.concat(namesOf(m));
    (l.evidence || []).forEach(function (ev) { div.appendChild(passage(ev, ev.trigger ? marks.concat([ev.trigger]) : marks)); });
    return div;
  }

  function passage(ev, marks) {
    var q = el("blockquote", { "class": "evidence" });
    q.appendChild(marked(ev.text, marks));
    var cite = el("cite"), d = sources[ev.doc] || {};
    // Only web and file links: a URL from the data never runs script.
    if (d.url && (/^(https?|file):/i.test(d.url) || !/^[a-z][a-z0-9+.-]*:/i.test(d.url))) {
      cite.appendChild(el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer" }, ev.doc));
    } else {
      cite.appendChild(document.createTextNode(ev.doc));
    }
    if (d.date) cite.appendChild(document.createTextNode(" · " + d.date.slice(0, 10)));
    if (d.title) cite.appendChild(document.createTextNode(" · " + d.title));
    q.appendChild(cite);
    return q;
  }

  // marked returns text with every occurrence of the names wrapped in
  // <mark>, built as DOM nodes so no text is ever parsed as HTML.
  function marked(text, names) {
    var frag = document.createDocumentFragment();
    var pats = names.filter(function (s) { return s && s.length > 1; })
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!pats.length) { frag.appendChild(document.createTextNode(text)); return frag; }
    // Whole words only: the alias "US" is not marked inside "USSR".
    var re = new RegExp("(?<![\\p{L}\\p{N}])(?:" + pats.join("|") + ")(?![\\p{L}\\p{N}])", "gu"), last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      frag.appendChild(el("mark", null, m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  // ---- Search -------------------------------------------------------------
  nodes.forEach(function (n) {
    n.keys = namesOf(n).map(function (s) { return { name: s, f: fold(s) }; });
  });
  var results = document.getElementById("results"), search = document.getElementById("search");

  // find ranks entities whose name or an alias matches q: whole name
  // first, then a prefix, then a word start, then anywhere; more
  // mentioned first within each.
  function find(q) {
    q = fold(q.trim());
    if (!q) return [];
    var out = [];
    nodes.forEach(function (n) {
      var best = null;
      n.keys.forEach(function (k, i) {
        var at = k.f.indexOf(q);
        if (at < 0) return;
        var score = k.f === q ? 0 : at === 0 ? 1 : /[\s\-'.]/.test(k.f.charAt(at - 1)) ? 2 : 3;
        if (!best || score < best.score || (score === best.score && i === 0)) best = { score: score, via: i === 0 ? null : k.name };
      });
      if (best) out.push({ node: n, score: best.score, via: best.via });
    });
    out.sort(function (a, b) { return a.score - b.score || b.node.mentions - a.node.mentions || (a.node.id < b.node.id ? -1 : 1); });
    return out;
  }

  function showResults() {
    var found = find(search.value);
    results.textContent = "";
    state.matches = new Set(found.map(function (r) { return r.node; }));
    highlight();
    if (!search.value.trim()) return;
    if (!found.length) { results.appendChild(el("li", { "class": "none" }, "No entity has this name.")); return; }
    found.slice(0, 30).forEach(function (r, i) {
      var li = el("li", { "data-result": r.node.id, "class": i === 0 ? "result active" : "result" });
      li.appendChild(el("span", { "class": "swatch", style: "background:" + color(r.node.type) }));
      li.appendChild(document.createTextNode(r.node.label));
      if (r.via) li.appendChild(el("span", { "class": "via" }, " as " + r.via));
      if (!visibleNode(r.node)) li.appendChild(el("span", { "class": "via" }, " (filtered out)"));
      li.addEventListener("click", function () { select(r.node, true); });
      results.appendChild(li);
    });
    if (found.length > 30) results.appendChild(el("li", { "class": "none" }, "and " + (found.length - 30) + " more"));
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var first = find(search.value)[0];
      if (first) select(first.node, true);
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { select(null); search.value = ""; showResults(); }
  });

  // ---- Filters ------------------------------------------------------------
  function checkbox(parent, value, label, count, swatch, onChange) {
    var lab = el("label");
    var box = el("input", { type: "checkbox", value: value });
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); });
    lab.appendChild(box);
    if (swatch) lab.appendChild(el("span", { "class": "swatch", style: "background:" + swatch }));
    lab.appendChild(document.createTextNode(label + " "));
    lab.appendChild(el("span", { "class": "count" }, "(" + count + ")"));
    parent.appendChild(lab);
  }

  function counts(items, key) {
    var m = new Map();
    items.forEach(function (x) { var k = key(x); m.set(k, (m.get(k) || 0) + 1); });
    return Array.from(m.keys()).sort().map(function (k) { return [k, m.get(k)]; });
  }

  // setupColour offers community colours when the graph was analysed.
  function setupColour() {
    if (!nodes.some(function (n) { return n.stats; })) return;
    var box = document.getElementById("colour");
    box.hidden = false;
    box.querySelectorAll("input").forEach(function (r) {
      r.checked = r.value === state.colorBy;
      r.addEventListener("change", function () {
        state.colorBy = r.value;
        nodeLayer.selectAll("g.node circle").attr("fill", fill);
        legend();
      });
    });
  }

  // setupPruned says what the view leaves out and how to get it back.
  function setupPruned() {
    if (!data.pruned || !data.pruned.length) return;
    var box = document.getElementById("pruned");
    box.hidden = false;
    var ul = el("ul");
    data.pruned.forEach(function (p) { ul.appendChild(el("li", null, p)); });
    box.appendChild(ul);
  }

  function setupFilters() {
    var typeBox = document.getElementById("types");
    counts(nodes, function (n) { return n.type; }).forEach(function (tc) {
      state.types.add(tc[0]);
      checkbox(typeBox, tc[0], tc[0], tc[1], color(tc[0]), function (on) {
        if (on) state.types.add(tc[0]); else state.types.delete(tc[0]);
        refresh();
      });
    });
    var rels = counts(links, relType);
    rels.forEach(function (rc) { state.relations.add(rc[0]); });
    // A relation filter only makes sense once some link has a type.
    if (links.some(function (l) { return l.type; })) {
      var relBox = document.getElementById("relations");
      relBox.hidden = false;
      var labels = {};
      links.forEach(function (l) { if (l.label) labels[l.type] = l.label; });
      rels.forEach(function (rc) {
        checkbox(relBox, rc[0], labels[rc[0]] || rc[0], rc[1], null, function (on) {
          if (on) state.relations.add(rc[0]); else state.relations.delete(rc[0]);
          refresh();
        });
      });
    }
    setupDates();
  }

  var dates = [];
  // day keeps the date of a timestamp (2026-03-02T10:00:00Z), so the
  // slider moves by days.
  function day(s) { return s.slice(0, 10); }
  function setupDates() {
    var set = new Set();
    nodes.concat(links).forEach(function (x) {
      if (x.first_seen) set.add(day(x.first_seen));
      if (x.last_seen) set.add(day(x.last_seen));
    });
    dates = Array.from(set).sort();
    if (!dates.length) return;
    state.from = dates[0]; state.to = dates[dates.length - 1];
    var box = document.getElementById("dates"), from = document.getElementById("date-from"), to = document.getElementById("date-to");
    box.hidden = false;
    [from, to].forEach(function (r) { r.max = String(dates.length - 1); });
    to.value = String(dates.length - 1);
    function update(ev) {
      var a = +from.value, b = +to.value;
      if (a > b) { if (ev && ev.target === from) to.value = String(a); else from.value = String(b); }
      state.from = dates[+from.value]; state.to = dates[+to.value];
      document.getElementById("date-from-label").textContent = state.from;
      document.getElementById("date-to-label").textContent = state.to;
    }
    update();
    from.addEventListener("input", function (ev) { update(ev); refresh(); });
    to.addEventListener("input", function (ev) { update(ev); refresh(); });
  }

  // inRange: an item seen during the chosen dates, or undated. With
  // counts per period, it must have been seen in a period that overlaps
  // them.
  function inRange(x) {
    if (!dates.length || !x.first_seen) return true;
    var first = day(x.first_seen), last = day(x.last_seen || x.first_seen);
    if (first > state.to || last < state.from) return false;
    if (!x.periods || !x.periods.length) return true;
    return x.periods.some(function (p) { return p.count > 0 && p.start <= state.to && p.end >= state.from; });
  }

  function refresh() {
    draw();
    if (state.selected) showDetails(state.selected);
    if (search.value) showResults();
  }

  // ---- Legend -------------------------------------------------------------
  function legend() {
    var box = document.getElementById("legend");
    box.textContent = "";
    function entry(colour, text) {
      var d = el("div");
      d.appendChild(el("span", { "class": "swatch", style: "background:" + colour }));
      d.appendChild(document.createTextNode(text));
      box.appendChild(d);
    }
    if (state.colorBy === "community") {
      var cs = counts(nodes.filter(function (n) { return n.stats; }), function (n) { return n.stats.community; })
        .sort(function (a, b) { return a[0] - b[0]; });
      cs.slice(0, COMMUNITY_COLORS.length).forEach(function (cc) {
        entry(communityColor(cc[0]), "community " + cc[0] + " (" + plural(cc[1], "entity", "entities") + ")");
      });
      if (cs.length > COMMUNITY_COLORS.length) entry(OTHER_COMMUNITY, (cs.length - COMMUNITY_COLORS.length) + " smaller communities");
    } else {
      counts(nodes, function (n) { return n.type; }).forEach(function (tc) { entry(color(tc[0]), tc[0]); });
    }
    box.appendChild(el("div", null, "Size: mentions · width: " + data.measure));
    if (links.some(function (l) { return l.directed; })) box.appendChild(el("div", null, "Arrow: relation, head → tail"));
  }

  // Timings of each step, in ms since navigation, for measurements.
  var timings = { start: performance.now() };
  layout();
  timings.layout = performance.now();
  setupFilters();
  setupColour();
  setupPruned();
  legend();
  draw();
  timings.draw = performance.now();
  fit();
  if (data.focus && byId.has(data.focus)) select(byId.get(data.focus));
  timings.fit = performance.now();
  window.entigraphTimings = timings;
  // The page is usable from here: tests and measurements wait for this.
  window.entigraphReadyAt = performance.now();
  document.documentElement.setAttribute("data-ready", "true");
})();
