/* The map of events (kg/views/maps.py): Leaflet without tiles, Natural Earth countries as the
   basemap, one clustered point per event, a two-handle time slider that filters the map and
   the list. Reads its data from <script type="application/json" id="map-data"> and the
   basemap from /static/countries-50m.json (or, in a standalone file, from #map-world).
   window.kgMap exposes the map for tests and notebooks. No network access beyond the page's
   own origin; no inline HTML with styles (the CSP allows none). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var events = data.events;
  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 });
  map.attributionControl.addAttribution("Natural Earth; GeoNames");

  function drawWorld(world) {
    var land = topojson.feature(world, world.objects.countries);
    L.geoJSON(land, {
      interactive: false,
      style: { color: "#8a8a8a", weight: 0.6, fillColor: "#f6f3ec", fillOpacity: 1 },
    }).addTo(map);
  }
  var embedded = document.getElementById("map-world");
  if (embedded) {
    drawWorld(JSON.parse(embedded.textContent));
  } else {
    fetch("/static/countries-50m.json").then(function (r) { return r.json(); }).then(drawWorld);
  }

  // a day number for each event (a month or a year counts from its first day)
  function day(iso) {
    if (!iso) return null;
    var p = iso.split("-");
    return Date.UTC(+p[0], p[1] ? +p[1] - 1 : 0, p[2] ? +p[2] : 1) / 86400000;
  }
  function iso(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }

  function size(e) {
    var k = e.fatalities || 0;
    return Math.round(Math.min(44, 12 + 5 * Math.sqrt(k)));
  }

  function popup(e) {
    var box = document.createElement("div");
    box.className = "kg-popup";
    var title = document.createElement("strong");
    title.textContent = e.label;
    box.appendChild(title);
    var when = document.createElement("div");
    when.className = "when";
    var facts = [e.cls, e.date || "undated", e.place];
    if (e.fatalities !== null) facts.push(e.fatalities + " killed");
    if (e.precision) facts.push("geo-precision " + e.precision);
    when.textContent = facts.join(" · ");
    box.appendChild(when);
    if (data.link) {
      var a = document.createElement("a");
      a.href = data.link + encodeURIComponent(e.iri);
      a.textContent = "Open the event";
      box.appendChild(a);
    } else {
      var iri = document.createElement("div");
      iri.textContent = e.iri;
      box.appendChild(iri);
    }
    return box;
  }

  var cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
  var markers = {};
  events.forEach(function (e) {
    e.day = day(e.date);
    var d = size(e);
    var m = L.marker([e.lat, e.lon], {
      title: e.label,
      alt: e.label,
      icon: L.divIcon({ className: "kg-ev", iconSize: [d, d], html: "" }),
    });
    m.on("add", function () {
      if (m._icon) { m._icon.style.background = e.color; m._icon.dataset.iri = e.iri; }
    });
    m.bindPopup(function () { return popup(e); });
    m.kgEvent = e;
    markers[e.iri] = m;
  });
  map.addLayer(cluster);

  var days = events.map(function (e) { return e.day; }).filter(function (d) { return d !== null; });
  days = Array.from(new Set(days)).sort(function (a, b) { return a - b; });
  var from = document.getElementById("map-from");
  var to = document.getElementById("map-to");
  from.max = to.max = String(Math.max(0, days.length - 1));
  from.value = "0";
  to.value = from.max;

  var list = document.getElementById("map-list");
  var caption = document.getElementById("map-caption");
  var visible = [];

  function apply() {
    var a = +from.value, b = +to.value;
    if (a > b) { var t = a; a = b; b = t; }
    var lo = days.length ? days[a] : null, hi = days.length ? days[b] : null;
    visible = events.filter(function (e) {
      return e.day === null ? a === 0 && b === days.length - 1 : e.day >= lo && e.day <= hi;
    });
    cluster.clearLayers();
    cluster.addLayers(visible.map(function (e) { return markers[e.iri]; }));
    list.textContent = "";
    visible.forEach(function (e) {
      var li = document.createElement("li");
      var link = document.createElement(data.link ? "a" : "span");
      if (data.link) link.href = data.link + encodeURIComponent(e.iri);
      link.textContent = e.label;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" (" + (e.date || "undated") + ", " + e.place + ")"));
      li.dataset.iri = e.iri;
      list.appendChild(li);
    });
    caption.textContent = (lo === null ? "no dated events" : iso(lo) + " to " + iso(hi)) +
      " · " + visible.length + " of " + events.length + " events";
  }
  from.addEventListener("input", apply);
  to.addEventListener("input", apply);

  var legend = document.getElementById("map-legend");
  data.legend.forEach(function (l) {
    var li = document.createElement("li");
    var sw = document.createElement("span");
    sw.className = "swatch";
    sw.style.background = l.color;
    li.appendChild(sw);
    li.appendChild(document.createTextNode(l.name + " (" + l.count + ")"));
    legend.appendChild(li);
  });

  apply();
  if (events.length) {
    map.fitBounds(L.latLngBounds(events.map(function (e) { return [e.lat, e.lon]; })).pad(0.3),
      { maxZoom: 7 });
  } else {
    map.setView([20, 0], 2);
  }

  window.kgMap = {
    map: map,
    cluster: cluster,
    markers: markers,
    days: days,
    visible: function () { return visible.map(function (e) { return e.iri; }); },
    setRange: function (a, b) { from.value = String(a); to.value = String(b); apply(); },
    project: function (lat, lon) { var p = map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; },
  };
  document.body.setAttribute("data-map-ready", "1");
})();
