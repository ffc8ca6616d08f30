/* conflict-kg SPARQL page: runs the query against /sparql and shows the rows.
   Values are written as DOM text, never as HTML. */
(function () {
  "use strict";
  var form = document.getElementById("sparql-form");
  var box = document.getElementById("sparql-query");
  var table = document.getElementById("sparql-results");
  var graphOut = document.getElementById("sparql-graph");
  var status = document.getElementById("sparql-status");
  var errorBox = document.getElementById("sparql-error");
  var csvBtn = document.getElementById("sparql-csv");
  var jsonBtn = document.getElementById("sparql-json");
  var ID_BASE = "https://w3id.org/conflict-kg/id/";
  var JSON_TYPE = "application/sparql-results+json";

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text !== undefined) {
      e.textContent = String(text);
    }
    return e;
  }
  function post(accept) {
    return fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
      body: new URLSearchParams({ query: box.value }),
    });
  }
  function cell(term) {
    var td = el("td");
    if (!term) {
      return td;
    }
    if (term.type === "uri") {
      if (term.value.indexOf(ID_BASE) === 0) {
        var a = el("a", term.value);
        a.setAttribute("href", "/resource?iri=" + encodeURIComponent(term.value));
        td.appendChild(a);
      } else {
        td.textContent = term.value;
      }
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) {
        td.appendChild(el("span", " @" + term["xml:lang"])).className = "muted";
      }
    }
    return td;
  }
  function showTable(res) {
    table.replaceChildren();
    if (typeof res.boolean === "boolean") {
      var tr0 = el("tr");
      tr0.appendChild(el("td", "ASK: " + res.boolean));
      table.appendChild(tr0);
      return 1;
    }
    var vars = res.head.vars;
    var thead = el("thead");
    var hr = el("tr");
    vars.forEach(function (v) {
      hr.appendChild(el("th", v));
    });
    thead.appendChild(hr);
    var tbody = el("tbody");
    res.results.bindings.forEach(function (b) {
      var tr = el("tr");
      vars.forEach(function (v) {
        tr.appendChild(cell(b[v]));
      });
      tbody.appendChild(tr);
    });
    table.appendChild(thead);
    table.appendChild(tbody);
    return res.results.bindings.length;
  }
  function fail(text) {
    errorBox.textContent = text;
    status.textContent = "";
  }
  function run() {
    errorBox.textContent = "";
    table.replaceChildren();
    graphOut.hidden = true;
    status.textContent = "running…";
    var t0 = performance.now();
    post(JSON_TYPE + ", text/turtle;q=0.5")
      .then(function (resp) {
        var ct = resp.headers.get("content-type") || "";
        return resp.text().then(function (body) {
          var secs = ((performance.now() - t0) / 1000).toFixed(2);
          if (!resp.ok) {
            fail("Error " + resp.status + ": " + body);
            return;
          }
          if (ct.indexOf("json") >= 0) {
            var n = showTable(JSON.parse(body));
            status.textContent = n + " row(s) in " + secs + " s";
            csvBtn.disabled = false;
            jsonBtn.disabled = false;
          } else {
            graphOut.textContent = body;
            graphOut.hidden = false;
            status.textContent = "graph result in " + secs + " s";
          }
        });
      })
      .catch(function (err) {
        fail(String(err));
      });
  }
  function download(accept, name) {
    post(accept)
      .then(function (resp) {
        if (!resp.ok) {
          return resp.text().then(function (t) {
            fail("Error " + resp.status + ": " + t);
          });
        }
        return resp.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          var a = document.createElement("a");
          a.setAttribute("href", url);
          a.setAttribute("download", name);
          document.body.appendChild(a);
          a.click();
          a.remove();
          setTimeout(function () {
            URL.revokeObjectURL(url);
          }, 1000);
        });
      })
      .catch(function (err) {
        fail(String(err));
      });
  }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    run();
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      run();
    }
  });
  csvBtn.addEventListener("click", function () {
    download("text/csv", "results.csv");
  });
  jsonBtn.addEventListener("click", function () {
    download(JSON_TYPE, "results.json");
  });
})();
