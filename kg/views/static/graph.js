/* conflict-kg graph view: draws the JSON in #graph-data with vis-network.
   Every piece of text shown (labels, quotes, titles) is put in the page as DOM text
   (textContent), never parsed as HTML; vis-network draws labels on a canvas. */
(function () {
  "use strict";
  var T0 = performance.now();
  var timing = (window.kgTiming = { start: T0 });
  var holder = document.getElementById("graph-data");
  var container = document.getElementById("graph");
  if (!holder || !container || typeof vis === "undefined") {
    return;
  }
  var data = JSON.parse(holder.textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.network = network;
  window.kgView = { data: data, nodes: nodes, edges: edges, network: network };

  // ------------------------------------------------------------------ readable labels
  // Labels are drawn at font size x zoom; once the view is fitted, fonts grow so that labels
  // read at LABEL_PX on screen (never more than LABEL_MAX when zooming in). In a big graph
  // only the MANY_LABELS most central nodes get such a label, unless "all labels" is ticked.
  var LABEL_PX = 12, LABEL_MAX = 20, EDGE_PX = 10, MANY_LABELS = 40, THRESHOLD = 6;
  var allLabels = false;
  function byCentrality() {
    return data.nodes.slice().sort(function (a, b) { return (b.m || 0) - (a.m || 0); });
  }
  function readable() {
    var scale = network.getScale() || 1;
    var font = Math.max(14, Math.ceil(LABEL_PX / scale));
    var few = allLabels || data.nodes.length <= MANY_LABELS * 1.5;
    var keep = {};
    byCentrality().slice(0, few ? data.nodes.length : MANY_LABELS).forEach(function (n) {
      keep[n.id] = true;
    });
    var upd = data.nodes.map(function (n) {
      var size = keep[n.id] ? font : 12;
      var f = Object.assign({}, n.font || {}, { size: n.font && n.font.bold ? size + 4 : size });
      // long labels wrap at about 16 characters of the label's own size
      return { id: n.id, font: f, widthConstraint: { maximum: size * 9 } };
    });
    nodes.update(upd);
    var opts = {
      nodes: { scaling: { label: { drawThreshold: THRESHOLD, maxVisible: LABEL_MAX } } },
    };
    if (data.edges.length <= 60 || allLabels) {
      opts.edges = {
        font: { size: Math.max(10, Math.ceil(EDGE_PX / scale)) },
        scaling: { label: { drawThreshold: THRESHOLD, maxVisible: 16 } },
      };
    }
    network.setOptions(opts);
    timing.labelScale = scale;
  }
  function labelStats() {
    var scale = network.getScale();
    var shown = 0;
    var smallest = Infinity;
    data.nodes.forEach(function (n) {
      var body = network.body.nodes[n.id];
      if (!body || n.hidden || !n.label) {
        return;
      }
      var px = body.options.font.size * scale;
      if (px >= THRESHOLD) {
        shown++;
        smallest = Math.min(smallest, px);
      }
    });
    return { scale: scale, shown: shown, total: data.nodes.length, smallestPx: smallest };
  }
  window.kgView.labels = labelStats;
  var allBox = document.getElementById("f-labels");
  if (allBox) {
    allBox.addEventListener("change", function () {
      allLabels = allBox.checked;
      readable();
    });
  }

  function ready() {
    readable();
    timing.stable = performance.now() - T0;
    network.once("afterDrawing", function () {
      document.body.setAttribute("data-graph-ready", "1");
    });
    network.redraw();
  }
  network.once("afterDrawing", function () {
    timing.firstDraw = performance.now() - T0;
    if (!data.physics) {
      ready();
    }
  });
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      network.fit();
      network.once("afterDrawing", ready);
      network.redraw();
    });
  }

  // ------------------------------------------------------------------ text helpers
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }
  function fmt(x) {
    if (typeof x !== "number") {
      return "";
    }
    return Math.abs(x) >= 10 || x === Math.round(x) ? String(x) : x.toPrecision(3);
  }
  var PAGES = { actor: "/actor?iri=", event: "/event?iri=", place: "/place?iri=" };
  function link(text, href) {
    var a = el("a", null, text);
    a.setAttribute("href", href);
    return a;
  }

  // ------------------------------------------------------------------ filters
  var filter = { type: "", from: "", to: "", stances: null };
  function active() {
    return !!(filter.type || filter.from || filter.to || filter.stances);
  }
  function stanceOk(e) {
    return !filter.stances || filter.stances.indexOf(e.stance || "stated") >= 0;
  }
  function evOk(j) {
    var ev = data.events[j];
    if (filter.type && ev.m.indexOf(filter.type) < 0) {
      return false;
    }
    if (filter.from || filter.to) {
      if (!ev.a) {
        return false;
      }
      if (filter.from && ev.b < filter.from) {
        return false;
      }
      if (filter.to && ev.a > filter.to) {
        return false;
      }
    }
    return true;
  }
  function visibleEvents(list) {
    return active() ? list.filter(evOk) : list;
  }

  // ------------------------------------------------------------------ tooltips
  function eventBlock(ev) {
    var box = el("div", "tip-ev");
    var head = ev.label + (ev.date ? " · " + ev.date : "");
    if (ev.t && ev.t.length) {
      head += " (" + ev.t.join(", ") + ")";
    }
    if (data.links) {
      var h = el("div", "tip-ev-head");
      h.appendChild(link(head, PAGES.event + encodeURIComponent(ev.iri)));
      box.appendChild(h);
    } else {
      box.appendChild(el("div", "tip-ev-head", head));
    }
    ev.q.forEach(function (q) {
      box.appendChild(el("blockquote", "tip-q", "\u201c" + q + "\u201d"));
    });
    if (!ev.q.length) {
      box.appendChild(el("div", "muted", "no quote recorded"));
    } else if (ev.nq > ev.q.length) {
      box.appendChild(el("div", "muted", "+" + (ev.nq - ev.q.length) + " more quote(s)"));
    }
    var src = "Source: " + (ev.doc || "unknown document");
    if (ev.src) {
      src += " (" + ev.src + ")";
    }
    src += ev.issued ? ", published " + ev.issued : ", publication date unknown";
    box.appendChild(el("div", "tip-src", src));
    return box;
  }
  function eventsInto(box, list, total, max) {
    var evs = visibleEvents(list);
    evs.slice(0, max).forEach(function (j) {
      box.appendChild(eventBlock(data.events[j]));
    });
    if (total > Math.min(max, evs.length)) {
      box.appendChild(el("div", "muted", total + " event(s) in all"));
    }
  }
  function nodeContent(n, max) {
    var box = el("div", "tip-body");
    box.appendChild(el("div", "tip-title", n.label));
    box.appendChild(el("div", "muted", n.cls + " \u00b7 " + data.metric + " " + fmt(n.m)));
    if (n.aliases && n.aliases.length) {
      box.appendChild(el("div", "muted", "also: " + n.aliases.join(", ")));
    }
    if (data.links && PAGES[n.kind]) {
      var p = el("div", "tip-links");
      p.appendChild(link("Open page", PAGES[n.kind] + encodeURIComponent(n.iri)));
      if (n.kind === "actor") {
        p.appendChild(document.createTextNode(" \u00b7 "));
        p.appendChild(link("Ego network", "/graph/ego?iri=" + encodeURIComponent(n.iri)));
      }
      box.appendChild(p);
    }
    if (n.ev.length) {
      eventsInto(box, n.ev, n.nev, max);
    } else {
      box.appendChild(el("div", "muted", "No event evidence: standing relations only."));
    }
    return box;
  }
  function edgeContent(e, max) {
    var box = el("div", "tip-body");
    var a = nodes.get(e.from);
    var b = nodes.get(e.to);
    box.appendChild(el("div", "tip-title", a.label + " \u2192 " + e.label + " \u2192 " + b.label));
    if (e.sl) {
      box.appendChild(el("div", "muted", "Stance: " + e.sl));
    }
    if (e.ev.length) {
      eventsInto(box, e.ev, e.ev.length, max);
    } else {
      box.appendChild(
        el("div", "muted", "A standing relation stated in the documents (no single event).")
      );
    }
    return box;
  }

  var tip = document.getElementById("graph-tip");
  function showTip(content, pointer) {
    if (!tip) {
      return;
    }
    tip.replaceChildren(content);
    tip.hidden = false;
    var w = container.clientWidth;
    var h = container.clientHeight;
    var x = pointer ? pointer.x + 14 : 10;
    var y = pointer ? pointer.y + 14 : 10;
    var tw = tip.offsetWidth;
    var th = tip.offsetHeight;
    if (x + tw > w) {
      x = Math.max(0, w - tw - 4);
    }
    if (y + th > h) {
      y = Math.max(0, h - th - 4);
    }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() {
    if (tip) {
      tip.hidden = true;
    }
  }
  network.on("hoverNode", function (p) {
    showTip(nodeContent(nodes.get(p.node), 3), p.pointer && p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    showTip(edgeContent(edges.get(p.edge), 3), p.pointer && p.pointer.DOM);
  });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  var details = document.getElementById("graph-details");
  network.on("click", function (p) {
    if (!details) {
      return;
    }
    if (p.nodes.length) {
      details.replaceChildren(nodeContent(nodes.get(p.nodes[0]), 12));
    } else if (p.edges.length) {
      details.replaceChildren(edgeContent(edges.get(p.edges[0]), 12));
    } else {
      details.replaceChildren();
    }
  });

  // ------------------------------------------------------------------ filtering
  var focus = {};
  data.focus.forEach(function (id) {
    focus[id] = true;
  });
  function bound(v, end) {
    v = (v || "").trim();
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) {
      return "";
    }
    if (v.length === 4) {
      return end ? v + "-12-31" : v + "-01-01";
    }
    if (v.length === 7) {
      return end ? v + "-31" : v + "-01";
    }
    return v;
  }
  var count = document.getElementById("graph-count");
  function apply() {
    var on = active();
    var nodeVis = {};
    data.nodes.forEach(function (n) {
      if (n.kind === "event" && n.ev.length) {
        nodeVis[n.id] = !on || evOk(n.ev[0]);
      } else {
        nodeVis[n.id] = !on || !!focus[n.id];
      }
    });
    if (on) {
      data.edges.forEach(function (e) {
        if (stanceOk(e) && (!e.ev.length || e.ev.some(evOk))) {
          [e.from, e.to].forEach(function (id) {
            var n = data.nodes[id];
            if (n.kind !== "event") {
              nodeVis[id] = true;
            }
          });
        }
      });
    }
    var nUpd = [];
    var eUpd = [];
    var shownN = 0;
    var shownE = 0;
    data.nodes.forEach(function (n) {
      var hidden = !nodeVis[n.id];
      if (!hidden) {
        shownN++;
      }
      if (!!n.hidden !== hidden) {
        n.hidden = hidden;
        nUpd.push({ id: n.id, hidden: hidden });
      }
    });
    data.edges.forEach(function (e) {
      var ok = nodeVis[e.from] && nodeVis[e.to] && stanceOk(e) &&
        (!on || !e.ev.length || e.ev.some(evOk));
      var hidden = !ok;
      if (!hidden) {
        shownE++;
      }
      if (!!e.hidden !== hidden) {
        e.hidden = hidden;
        eUpd.push({ id: e.id, hidden: hidden });
      }
    });
    if (nUpd.length) {
      nodes.update(nUpd);
    }
    if (eUpd.length) {
      edges.update(eUpd);
    }
    if (count) {
      count.textContent = shownN + " of " + data.nodes.length + " nodes, " + shownE + " of " +
        data.edges.length + " edges";
    }
    hideTip();
  }
  var form = document.getElementById("graph-filters");
  var fType = document.getElementById("f-type");
  var fFrom = document.getElementById("f-from");
  var fTo = document.getElementById("f-to");
  function checkedStances() {
    var boxes = document.querySelectorAll("#f-stances input[name=stance]");
    if (!boxes.length) {
      return null;
    }
    var on = [];
    boxes.forEach(function (b) {
      if (b.checked) {
        on.push(b.value);
      }
    });
    return on.length === boxes.length ? null : on;
  }
  if (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      filter = {
        type: fType ? fType.value : "",
        from: bound(fFrom && fFrom.value, false),
        to: bound(fTo && fTo.value, true),
        stances: checkedStances(),
      };
      apply();
    });
    var reset = document.getElementById("f-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        form.reset();
        filter = { type: "", from: "", to: "", stances: null };
        apply();
      });
    }
  }
  window.kgView.filter = function (f) {
    filter = {
      type: f.type || "",
      from: bound(f.from, false),
      to: bound(f.to, true),
      stances: f.stances || null,
    };
    apply();
    return nodes.get({ filter: function (n) { return !n.hidden; } }).length;
  };
})();
