"""Helpers for Jupyter notebooks: SPARQL into pandas, actors and events as objects, inline graphs.

Everything here reads a store (:class:`kg.store.Store`), an endpoint
(:class:`kg.remote.RemoteStore`) or, for :func:`actor` and :func:`event`, an analysis
:class:`~kg.analysis.data.Snapshot` (load one with :func:`kg.analysis.load` to look at many
actors without re-reading the store).

- :func:`df`: a SPARQL SELECT as a :class:`pandas.DataFrame` (the usual prefixes predeclared);
- :func:`actor` / :func:`event`: an :class:`Actor` or :class:`Event` with its attributes,
  relations, statements and evidence quotes, rendered as a table in a notebook;
- :func:`show`: a networkx graph, a pyvis ``Network`` or an ego network drawn inline with
  vis-network. The page is self-contained (vis-network's script and style come from the
  pyvis package, nothing from the network) and shown in an ``<iframe srcdoc=...>``, which
  JupyterLab, the classic Notebook and VS Code all display. :func:`network_html` and
  :func:`inline` are the two halves, for code that builds its own pages.

>>> import kg, tempfile
>>> from kg.analysis.testing import toy_store
>>> st = toy_store()
>>> kg.df(st, "SELECT DISTINCT ?group WHERE { ?a a ckg:ArmedGroup ; rdfs:label ?group }"
...       " ORDER BY ?group")
     group
0  Group A
1  Group B
>>> a = kg.actor(st, "Group B")
>>> a.label, a.affiliations[0]["label"], a.events[0]["evidence"][:1]
('Group B', 'Group A', ['Group B bombed the police post in Town.'])
>>> view = kg.show(kg.analysis.interaction_graph(st))
>>> view.html.startswith("<!DOCTYPE html>"), "<script src" in view.html or "<link" in view.html
(True, False)
"""

from __future__ import annotations

import html
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import event_classes

__all__ = [
    "Actor",
    "Event",
    "Inline",
    "actor",
    "df",
    "event",
    "inline",
    "network_html",
    "show",
    "to_pyvis",
]

_NUMERIC = {
    "integer": int,
    "int": int,
    "long": int,
    "short": int,
    "nonNegativeInteger": int,
    "positiveInteger": int,
    "decimal": float,
    "double": float,
    "float": float,
}


def _py(term: Any) -> Any:
    """An rdflib term as a plain Python value: IRIs and dates as strings, numbers as numbers."""
    if term is None:
        return None
    dt = getattr(term, "datatype", None)
    if dt is not None:
        name = str(dt).rsplit("#", 1)[-1]
        if name in _NUMERIC:
            try:
                return _NUMERIC[name](str(term))
            except ValueError:
                return str(term)
        if name == "boolean":
            return str(term).strip().lower() in ("true", "1")
    return str(term)


# ------------------------------------------------------------------ SPARQL -> pandas


def df(store: Any, sparql: str) -> Any:
    """Run a SPARQL SELECT and return a :class:`pandas.DataFrame`, one column per variable.

    ``store`` is a :class:`kg.store.Store`, a :class:`kg.remote.RemoteStore` or an rdflib
    ``Graph``/``Dataset``. The prefixes ``ckg:``, ``kgid:``, ``rdfs:``, ``skos:``, ``prov:``,
    ``dcterms:``, ``xsd:`` ... are predeclared. IRIs and dates come back as strings, numbers
    as ``int``/``float``, unbound values as ``None``; an empty answer keeps its columns
    (local stores and rdflib).

    >>> from kg.analysis.testing import toy_store
    >>> d = df(toy_store(), '''SELECT ?event ?date WHERE {
    ...     ?event a ckg:Bombing ; ckg:date ?date } ORDER BY ?date''')
    >>> list(d.columns), d["date"].tolist()
    (['event', 'date'], ['2024-01-05'])
    >>> df(toy_store(), "SELECT ?x WHERE { ?x a ckg:Nothing }").columns.tolist()
    ['x']
    """
    import pandas as pd

    from kg.store import PREFIXES, Store

    if isinstance(store, Store):
        res = store.query(sparql)
        names = [v.value for v in res.variables]
        from kg.store import from_ox

        rows = [[_py(from_ox(sol[n])) for n in names] for sol in res]
        return pd.DataFrame(rows, columns=names)
    if hasattr(store, "select"):
        raw = store.select(sparql)
        names = list(raw[0]) if raw else []
        return pd.DataFrame([[_py(r[n]) for n in names] for r in raw], columns=names)
    if hasattr(store, "query"):  # rdflib Graph / Dataset
        result = store.query(sparql, initNs=PREFIXES)
        names = [str(v) for v in (result.vars or [])]
        return pd.DataFrame([[_py(x) for x in row] for row in result], columns=names)
    raise TypeError(f"cannot query {type(store).__name__}: give a Store, RemoteStore or Graph")


# ------------------------------------------------------------------ actors and events


def _local(iri: str) -> str:
    from kg.analysis.data import local_name

    return local_name(iri)


def _doc_info(snap: Any, doc: str | None) -> dict[str, Any]:
    """The snapshot's description of a document, its date under ``published``."""
    info: dict[str, Any] = snap.doc_info(doc)
    info["published"] = info.pop("issued")
    return info


def _esc(x: Any) -> str:
    return html.escape("" if x is None else str(x))


def _table(rows: list[dict[str, Any]], cols: list[str]) -> str:
    if not rows:
        return "<p><i>none</i></p>"
    head = "".join(f"<th style='text-align:left'>{_esc(c)}</th>" for c in cols)
    body = []
    for r in rows:
        cells = []
        for c in cols:
            v = r.get(c)
            v = "<br>".join(_esc(x) for x in v) if isinstance(v, list | tuple) else _esc(v)
            cells.append(f"<td style='text-align:left;vertical-align:top'>{v}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


@dataclass
class Actor:
    """One actor: names, types, standing relations, and the events it takes part in.

    ``events`` holds one dict per event: ``iri``, ``label``, ``types``, ``roles`` (the
    actor's roles in it), ``date``, ``evidence`` (the quotes it was read from) and
    ``source`` (the document's ``id``, ``title``, ``source`` and ``published`` date).
    """

    iri: str
    label: str
    aliases: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    affiliations: list[dict[str, Any]] = field(default_factory=list)
    affiliates: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    events_by_type: dict[str, int] = field(default_factory=dict)
    events_by_role: dict[str, int] = field(default_factory=dict)
    first_seen: str | None = None
    last_seen: str | None = None

    def events_frame(self) -> Any:
        """The events as a DataFrame (one row per event; evidence and source flattened)."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "date": e["date"],
                    "event": e["label"],
                    "types": ", ".join(e["types"]),
                    "roles": ", ".join(e["roles"]),
                    "source": (e["source"] or {}).get("source"),
                    "document": (e["source"] or {}).get("id"),
                    "evidence": " | ".join(e["evidence"]),
                    "iri": e["iri"],
                }
                for e in self.events
            ],
            columns=["date", "event", "types", "roles", "source", "document", "evidence", "iri"],
        )

    def _repr_html_(self) -> str:
        rel = [{"relation": r["relation"], "actor": r["label"]} for r in self.affiliations]
        rel += [
            {"relation": f"{r['label']} {r['relation']} this", "actor": ""} for r in self.affiliates
        ]
        evs = [
            {
                "date": e["date"],
                "event": e["label"],
                "roles": ", ".join(e["roles"]),
                "source": (e["source"] or {}).get("source"),
                "evidence": e["evidence"],
            }
            for e in self.events
        ]
        return (
            f"<div><h3>{_esc(self.label)}</h3>"
            f"<p><code>{_esc(self.iri)}</code><br>"
            f"<b>types</b>: {_esc(', '.join(self.types))}<br>"
            f"<b>also called</b>: {_esc(', '.join(self.aliases) or '-')}<br>"
            f"<b>seen</b>: {_esc(self.first_seen)} to {_esc(self.last_seen)}</p>"
            f"<h4>Relations</h4>{_table(rel, ['relation', 'actor'])}"
            f"<h4>Events ({len(self.events)})</h4>"
            f"{_table(evs, ['date', 'event', 'roles', 'source', 'evidence'])}</div>"
        )


@dataclass
class Event:
    """One event: types, date, arguments (who and where, by role), figures, statements, evidence.

    ``arguments`` holds ``role`` (the property's local name: ``perpetrator``, ``target``,
    ``location``, ``speaker``, ``reportedBy``, ``attributedTo``, ...), ``label``, ``iri``
    and ``kind`` (``actor`` or ``place``). ``attributes`` holds the event's literal values
    (``fatalities``, ``injured``, ``confidence``, ...). ``statements`` lists the claims,
    attributions and denials about the event, as :func:`kg.analysis.statements_about`;
    for a statement, ``about`` lists the events it concerns.
    """

    iri: str
    label: str
    types: list[str] = field(default_factory=list)
    date: str | None = None
    arguments: list[dict[str, Any]] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    about: list[dict[str, Any]] = field(default_factory=list)
    part_of: str | None = None
    parts: list[str] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)

    def role(self, name: str) -> list[str]:
        """The labels of the arguments in role ``name`` (e.g. ``"perpetrator"``)."""
        return [a["label"] for a in self.arguments if a["role"] == name]

    def statements_frame(self) -> Any:
        """The statements about the event as a DataFrame."""
        import pandas as pd

        cols = ["stance", "speaker", "attributed_to", "inferred", "reported_by", "date"]
        return pd.DataFrame(
            [
                {**{c: s.get(c) for c in cols}, "evidence": " | ".join(s["evidence"])}
                for s in self.statements
            ],
            columns=[*cols, "evidence"],
        )

    def _repr_html_(self) -> str:
        src = self.source or {}
        attrs = [{"attribute": k, "value": v} for k, v in sorted(self.attributes.items())]
        about = [{"event": a["label"], "iri": a["iri"]} for a in self.about]
        return (
            f"<div><h3>{_esc(self.label)}</h3>"
            f"<p><code>{_esc(self.iri)}</code><br>"
            f"<b>types</b>: {_esc(', '.join(self.types))}<br>"
            f"<b>date</b>: {_esc(self.date or '-')}<br>"
            f"<b>source</b>: {_esc(src.get('source'))}, <i>{_esc(src.get('title'))}</i> "
            f"({_esc(src.get('published'))}; document {_esc(src.get('id'))})</p>"
            f"<h4>Arguments</h4>{_table(self.arguments, ['role', 'label', 'kind'])}"
            f"<h4>Figures</h4>{_table(attrs, ['attribute', 'value'])}"
            + (f"<h4>About</h4>{_table(about, ['event', 'iri'])}" if self.about else "")
            + (
                "<h4>Statements about it</h4>"
                + _table(
                    self.statements,
                    ["stance", "speaker", "attributed_to", "reported_by", "date", "evidence"],
                )
                if self.statements
                else ""
            )
            + f"<h4>Evidence</h4>{_table([{'quote': q} for q in self.evidence], ['quote'])}</div>"
        )


def actor(store: Any, name: str) -> Actor:
    """The actor called ``name`` (label, alias or IRI) with its relations, events and evidence.

    >>> from kg.analysis.testing import toy_store
    >>> a = actor(toy_store(), "the a front")      # an alias, any case
    >>> a.label, a.aliases, a.affiliates[0]["label"]
    ('Group A', ['GA', 'The A Front'], 'Group B')
    >>> a = actor(toy_store(), "Group B")
    >>> [(e["date"], e["roles"]) for e in a.events][:2]
    [('2024-01-05', ['perpetrator']), ('2024-01-07', ['attributed to'])]
    """
    from kg.analysis.data import snapshot
    from kg.analysis.tables import actor_profile

    snap = snapshot(store)
    p = actor_profile(snap, name)
    events = []
    for e in p["events"]:
        ev = snap.events[e["iri"]]
        events.append({**e, "evidence": list(ev.evidence), "source": _doc_info(snap, ev.doc)})
    return Actor(
        iri=p["iri"],
        label=p["label"],
        aliases=p["aliases"],
        types=p["types"],
        affiliations=p["affiliations"],
        affiliates=p["affiliates"],
        events=events,
        places=p["places"],
        events_by_type=p["events_by_type"],
        events_by_role=p["events_by_role"],
        first_seen=p["first_seen"],
        last_seen=p["last_seen"],
    )


def event(store: Any, ref: str) -> Event:
    """The event ``ref`` (its IRI, or words of its label, place, type or date).

    Statements are found too. For a violent event, ``statements`` lists who claimed it,
    who attributed it to whom, and who denied it.

    >>> from kg.analysis.testing import toy_store
    >>> e = event(toy_store(), "bombing town")
    >>> e.role("perpetrator"), e.role("location"), e.date
    (['Group B'], ['Town'], '2024-01-05')
    >>> [(s["stance"], s["speaker"]) for s in e.statements]
    [('claim', 'Group A'), ('attribution', 'Ministry')]
    """
    from kg.analysis.data import snapshot
    from kg.analysis.resolve import resolve_event
    from kg.analysis.tables import statements_about

    snap = snapshot(store)
    iri = resolve_event(snap, ref, statements=True)
    ev = snap.events[iri]
    args = [
        {
            "role": _local(p),
            "label": snap.label(x),
            "iri": x,
            "kind": "actor" if snap.is_actor(x) else "place" if snap.is_place(x) else "other",
        }
        for p, x in ev.roles
    ]
    args.sort(key=lambda a: (a["role"], a["label"]))
    attrs: dict[str, Any] = {}
    if hasattr(store, "select"):
        for r in store.select(f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o FILTER(isLiteral(?o)) }}"):
            name = _local(str(r["p"]))
            if name in ("label", "evidence", "date"):
                continue
            attrs[name] = _py(r["o"])
    elif ev.confidence is not None:
        attrs["confidence"] = ev.confidence
    is_statement = "speech" in event_classes.kinds(ev.types)
    return Event(
        iri=iri,
        label=ev.label,
        types=sorted(_local(t) for t in ev.types),
        date=ev.when(snap.docs),
        arguments=args,
        attributes=attrs,
        about=[{"iri": a, "label": snap.label(a)} for a in ev.about],
        part_of=ev.part_of,
        parts=sorted(i for i, e in snap.events.items() if e.part_of == iri),
        statements=[] if is_statement else statements_about(snap, iri),
        evidence=list(ev.evidence),
        source=_doc_info(snap, ev.doc),
    )


# ------------------------------------------------------------------ inline graphs


def _as_graph(graph: Any) -> Any:
    """``graph`` as a networkx graph with string node ids, for the views' builder.

    ``graph`` is a networkx graph, an ego network (the dict of
    :func:`kg.analysis.ego_network`) or a pyvis ``Network``; anything else raises
    ``TypeError`` naming what is accepted.
    """
    import networkx as nx

    if isinstance(graph, nx.Graph):
        G = graph
    elif isinstance(graph, dict) and "nodes" in graph and "edges" in graph:  # ego_network()
        G = nx.MultiDiGraph()
        for n in graph["nodes"]:
            G.add_node(n["id"], label=n.get("label", n["id"]), distance=n.get("distance"))
        for e in graph["edges"]:
            G.add_edge(e["source"], e["target"], type=e.get("type", ""), weight=e.get("weight", 1))
    elif hasattr(graph, "nodes") and hasattr(graph, "edges") and hasattr(graph, "node_ids"):
        G = nx.MultiDiGraph() if getattr(graph, "directed", False) else nx.MultiGraph()
        for n in graph.nodes:  # a pyvis Network
            G.add_node(n["id"], label=str(n.get("label", n["id"])))
        for e in graph.edges:
            G.add_edge(e["from"], e["to"], type=str(e.get("label") or "linked"))
    else:
        raise TypeError(
            f"cannot draw {type(graph).__name__}: give a networkx graph, a pyvis Network "
            "or the dict of kg.analysis.ego_network"
        )
    if all(isinstance(n, str) for n in G):
        return G
    H = nx.relabel_nodes(G, {n: str(n) for n in G})
    for n, d in H.nodes(data=True):
        d.setdefault("label", n)
    return H


def view_of(graph: Any, *, title: str = "conflict-kg view") -> Any:
    """The :class:`kg.views.graphs.View` that draws ``graph`` as ``kg viz`` and ``kg serve``
    do: the same builder, the same style table (``kg/views/styles.json``), the same page.

    >>> import networkx as nx
    >>> v = view_of(nx.path_graph(3))
    >>> v.n_nodes, v.n_edges, v.net.nodes[0]["label"]
    (3, 2, '0')
    """
    from kg.views.graphs import View, view_from_graph

    if isinstance(graph, View):
        return graph
    return view_from_graph(_as_graph(graph), title=title)


def to_pyvis(G: Any, *, height: str = "600px", max_quotes: int | None = None) -> Any:
    """A pyvis ``Network`` of a graph, built and styled as ``kg viz`` builds it.

    ``max_quotes`` is deprecated and ignored: quotes are clipped as in ``kg viz``
    (:data:`kg.views.graphs.MAX_QUOTES`); it goes in the next release.

    >>> import networkx as nx
    >>> net = to_pyvis(nx.path_graph(3))
    >>> len(net.nodes), len(net.edges), net.nodes[0]["label"]
    (3, 2, '0')
    """
    if max_quotes is not None:
        warnings.warn(
            "to_pyvis(max_quotes=...) is ignored and will be removed: quotes are clipped "
            "as in kg viz",
            DeprecationWarning,
            stacklevel=2,
        )
    net = view_of(G).net
    net.height = height
    return net


def network_html(
    graph: Any, *, title: str = "conflict-kg", options: dict[str, Any] | None = None
) -> str:
    r"""A complete, self-contained HTML page drawing ``graph``: the page ``kg viz`` writes.

    ``graph`` is a networkx graph, a :class:`kg.views.graphs.View`, a pyvis ``Network`` or
    an ego network (the dict of :func:`kg.analysis.ego_network`); ``options`` replaces the
    vis-network options. The page embeds every script and stylesheet and loads nothing from
    the network (:func:`kg.views.render.standalone_html`); data is JSON-escaped.

    >>> import networkx as nx
    >>> page = network_html(nx.path_graph(["a", "</script><b>x"]))
    >>> "</script><b>" in page, "\\u003c/script\\u003e\\u003cb\\u003ex" in page
    (False, True)
    """
    from kg.views.render import standalone_html

    view = view_of(graph, title=title)
    if options is not None:
        view.net.options = options
    return str(standalone_html(view))


@dataclass
class Inline:
    """A self-contained HTML page shown inline in a notebook (``<iframe srcdoc=...>``).

    ``html`` is the whole page; :meth:`save` writes it to a file.

    >>> v = inline("<!DOCTYPE html><p>hi & bye</p>", height=100)
    >>> v._repr_html_().split(" title=")[0]
    '<iframe srcdoc="&lt;!DOCTYPE html&gt;&lt;p&gt;hi &amp; bye&lt;/p&gt;"'
    """

    html: str
    height: int = 600
    title: str = "conflict-kg view"

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            f'title="{_esc(self.title)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd"></iframe>'
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (it opens in any browser, offline)."""
        p = Path(path)
        p.write_text(self.html, encoding="utf-8")
        return p


def inline(page: str, *, height: int = 600, title: str = "conflict-kg view") -> Inline:
    """Wrap a complete HTML page so a notebook shows it inline."""
    return Inline(page, height=height, title=title)


def show(obj: Any, *, height: int = 650, title: str = "conflict-kg view") -> Any:
    """Show a graph inline: make it the last expression of a cell (or ``display()`` it).

    ``obj`` may be a networkx graph (drawn by :mod:`kg.views` as ``kg viz`` draws it), a
    :class:`kg.views.graphs.View` (``ego_view``, ``event_view``, ``path_view``, ...), a
    pyvis ``Network``, an ego network dict
    (:func:`kg.analysis.ego_network`), a complete HTML page (a string), or any object with
    ``to_html()``/``html()`` returning one. Objects that already render themselves
    (``_repr_html_``: an :class:`Actor`, an :class:`Event`, a DataFrame) are returned as
    they are.

    >>> import networkx as nx
    >>> v = show(nx.star_graph(3), height=300)
    >>> 'height:300px' in v._repr_html_(), 'vis-network' in v.html
    (True, True)
    """
    if isinstance(obj, Inline):
        return obj
    if isinstance(obj, str):
        return inline(obj, height=height, title=title)
    for meth in ("to_html", "html"):
        fn = getattr(obj, meth, None)
        if callable(fn) and not hasattr(obj, "node_ids"):
            return inline(fn(), height=height, title=title)
    try:
        page = network_html(obj, title=title)
    except TypeError:
        if hasattr(obj, "_repr_html_"):
            return obj
        raise
    return inline(page, height=height, title=title)
