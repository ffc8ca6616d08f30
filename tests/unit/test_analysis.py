"""kg.analysis: values computed on paper on hand-made graphs (the corpus: tests/integration)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

import kg.analysis as ka
from kg.analysis.testing import entity, event, iri, toy_store, toy_triples
from kg.errors import KGError
from kg.store import Store
from kg.vocab import CKG


def I(key: str) -> str:  # noqa: E743
    return str(iri(key))


def _store(tmp_path: Path, triples: list[Any]) -> Store:
    st = Store(tmp_path / "store")
    st.replace_document("d", triples)
    return st


def _chain_store(tmp_path: Path, n: int = 5) -> Store:
    """Actors a0 - a1 - ... - a(n-1), each attacking the next once (a directed path)."""
    triples: list[Any] = []
    for i in range(n):
        triples += entity(f"a{i}", f"Actor {i}", CKG.ArmedGroup)
    for i in range(n - 1):
        triples += event(
            f"e{i}",
            "d",
            (CKG.Attack,),
            f"attack {i}",
            date=f"2024-0{i + 1}-01",
            roles=((CKG.perpetrator, f"a{i}"), (CKG.target, f"a{i + 1}")),
            evidence=(f"Actor {i} attacked Actor {i + 1}.",),
        )
    return _store(tmp_path, triples)


def test_path_graph_degree_betweenness_pagerank(tmp_path: Path) -> None:
    G = ka.interaction_graph(_chain_store(tmp_path))
    assert isinstance(G, nx.MultiDiGraph) and G.number_of_edges() == 4
    c = ka.centrality(G)
    # on paper: P5, ends have degree 1, inner nodes 2; betweenness (normalised by
    # (n-1)(n-2)/2 = 6) of a1, a2, a3 is 3/6, 4/6, 3/6
    assert [c[I(f"a{i}")]["degree"] for i in range(5)] == [1, 2, 2, 2, 1]
    assert [round(c[I(f"a{i}")]["betweenness"], 4) for i in range(5)] == [
        0.0,
        0.5,
        0.6667,
        0.5,
        0.0,
    ]
    assert c[I("a1")]["degree_centrality"] == pytest.approx(0.5)
    pr = [c[I(f"a{i}")]["pagerank"] for i in range(5)]
    assert sum(pr) == pytest.approx(1.0)
    assert pr == sorted(pr)  # rank flows down the chain of attacks
    ev = [c[I(f"a{i}")]["eigenvector"] for i in range(5)]
    assert ev[2] == max(ev) and ev[0] == pytest.approx(ev[4])


def test_two_cliques_are_two_communities(tmp_path: Path) -> None:
    triples: list[Any] = []
    groups = [["p", "q", "r", "s"], ["w", "x", "y", "z"]]
    for g in groups:
        for k in g:
            triples += entity(k, k.upper(), CKG.ArmedGroup)
    n = 0
    for g in groups:
        for i, a in enumerate(g):
            for b in g[i + 1 :]:
                n += 1
                triples += event(
                    f"e{n}",
                    "d",
                    (CKG.ArmedClash,),
                    f"clash {n}",
                    roles=((CKG.perpetrator, a), (CKG.target, b)),
                )
    triples += event(
        "bridge", "d", (CKG.Attack,), "bridge", roles=((CKG.perpetrator, "s"), (CKG.target, "w"))
    )
    G = ka.interaction_graph(_store(tmp_path, triples))
    cs = ka.communities(G, seed=7)
    assert sorted(sorted(c["members"]) for c in cs) == [
        [I(k) for k in groups[0]],
        [I(k) for k in groups[1]],
    ]
    # labelled after their most central actors: the bridge ends have the highest degree
    assert {c["label"].split(" / ")[0] for c in cs} == {"S", "W"}
    assert ka.communities(G, seed=7) == cs  # seeded: reproducible
    top = ka.brokers(G, top=2)
    assert {b["label"] for b in top} == {"S", "W"}


def test_filters(tmp_path: Path) -> None:
    snap = ka.load(toy_store())
    labels = lambda f: sorted(e.label for e in snap.events_matching(f))  # noqa: E731
    assert labels(ka.make_filters(event_types="Bombing")) == [
        "Bombing by Group A",
        "Bombing by Group B",
    ]
    assert labels(ka.make_filters(event_types="Statement")) == [
        "Attribution by Ministry",
        "Claim by Group A",
    ]
    assert labels(ka.make_filters(sources="daily")) == ["Arrest by Police", "Bombing by Group A"]
    assert labels(ka.make_filters(min_confidence=0.75)) == ["Bombing by Group B"]
    assert labels(ka.make_filters(start="2024-01-06", end="2024-01-31")) == [
        "Attribution by Ministry",
        "Claim by Group A",
    ]
    # a year-only window holds its months; a month window does not hold a year-only date
    assert len(labels(ka.make_filters(start="2024", end="2024"))) == 5
    with pytest.raises(KGError, match="did you mean Bombing"):
        snap.events_matching(ka.make_filters(event_types="Bombng"))
    G = ka.actor_event_graph(snap, sources=["Wire"])
    assert {d["role"] for _a, _e, d in G.edges(data=True)} == {
        "perpetrator",
        "claimed",
        "target",
        "victim",
        "speaker",
        "attributed to",
    }


def test_projections_roles_and_places() -> None:
    snap = ka.load(toy_store())
    G = ka.actor_event_graph(snap)
    e3 = I("event/d2/e3")
    assert G.edges[I("police"), e3]["role"] == "arresting force"
    assert G.edges[I("group-b"), e3]["role"] == "target"
    assert nx.is_bipartite(G)
    H = ka.interaction_graph(snap)
    d = H.edges[I("police"), I("group-b"), "arrested"]
    assert d["weight"] == 1 and d["events"] == [e3]
    assert d["evidence"] == ["Police arrested members of Group B in Town."]
    assert H.edges[I("group-b"), I("group-a"), "affiliated with"]["predicates"] == ["affiliateOf"]
    assert not ka.interaction_graph(snap, relations=False).has_edge(I("group-b"), I("group-a"))
    P = ka.event_place_graph(snap)
    assert P.nodes[I("town")]["region"] == "Province"
    A = ka.actor_place_graph(snap, end="2024-01")
    assert sorted(A[I("town")]) == sorted(
        [I("civilians-country"), I("group-a"), I("group-b"), I("police")]
    )
    # a denial is no presence: Group B denies the bombing in the province (e4), and is
    # only suspected of it
    A = ka.actor_place_graph(snap, start="2024-02", stances=["denied"])
    assert I("group-b") not in A[I("province")]
    assert I("group-b") in ka.actor_place_graph(snap, start="2024-02")[I("province")]


def test_weights_count_events(tmp_path: Path) -> None:
    triples = entity("a", "A", CKG.ArmedGroup) + entity("b", "B", CKG.ArmedGroup)
    for i in range(3):
        triples += event(
            f"e{i}",
            "d",
            (CKG.Bombing,),
            f"b{i}",
            roles=((CKG.perpetrator, "a"), (CKG.victim, "b")),
            evidence=(f"quote {i}",),
        )
    G = ka.interaction_graph(_store(tmp_path, triples))
    d = G.edges[I("a"), I("b"), "attacked"]
    assert d["weight"] == 3 and len(d["events"]) == 3
    assert d["evidence"] == ["quote 0", "quote 1", "quote 2"]


def test_timeline_counts() -> None:
    rows = ka.timeline(toy_store(), by="actor")
    got = {(r["label"], r["period"]): r["events"] for r in rows}
    assert got == {
        ("Civilians (Country)", "2024-01"): 1,
        ("Group A", "2024-01"): 2,  # its claim, and the bombing it claimed
        ("Group A", "2024-02"): 1,
        ("Group B", "2024-01"): 2,
        ("Group B", "2024-02"): 2,  # arrested; suspected of a bombing it denies
        ("Ministry", "2024-01"): 1,
        ("Police", "2024-01"): 1,
        ("Police", "2024-02"): 2,
    }
    assert {
        (r["label"], r["period"], r["events"]) for r in ka.timeline(toy_store(), by="province")
    } == {
        ("Province", "2024-01", 1),
        ("Province", "2024-02", 2),
    }
    assert [r["events"] for r in ka.timeline(toy_store(), by="type", freq="year")] == [1, 1, 2, 1]


def test_path_hops_carry_events_and_quotes() -> None:
    G = ka.interaction_graph(toy_store())
    path = ka.shortest_path(G, I("ministry"), I("police"))
    assert path is not None and [h["target"] for h in path] == [I("group-b"), I("police")]
    first = path[0]["relations"][0]
    assert first["type"] == "attributed to" and first["direction"] == "forward"
    assert first["events"][0]["evidence"] == ["The ministry blamed Group B."]
    types = {r["relation"]: r for r in path[1]["relations"]}
    assert types["arrested"]["direction"] == "backward"  # police arrested group B
    assert types["attacked"]["events"][0]["label"] == "Bombing by Group B"
    assert types["attacked"]["stance"] == "stated"
    assert types["attacked (suspected)"]["events"][0]["label"] == "Bombing by Group A"
    assert types["attacked (denied)"]["by"] == ["Group B"]
    paths = ka.all_short_paths(G, I("ministry"), I("police"), cutoff=3)
    assert [len(p) for p in paths] == [2, 3]
    ego = ka.ego_network(G, I("group-b"))
    assert {n["label"] for n in ego["nodes"]} == {
        "Group A",
        "Group B",
        "Ministry",
        "Police",
        "Civilians (Country)",  # the victims of its bombing: a group node stays in the graph
    }


def test_profile_claims_compare() -> None:
    p = ka.actor_profile(toy_store(), "GA")
    assert p["label"] == "Group A" and p["aliases"] == ["GA", "The A Front"]
    assert p["affiliates"] == [{"relation": "affiliateOf", "iri": I("group-b"), "label": "Group B"}]
    assert p["events_by_role"] == {"speaker": 1, "perpetrator": 1, "claimed": 1}
    assert p["events_by_stance"] == {"stated": 1, "claimed": 1}
    assert p["first_seen"] == "2024-01-05" and p["last_seen"] == "2024-02-15"
    assert p["places"] == [
        {"iri": I("province"), "label": "Province", "events": 1},
        {"iri": I("town"), "label": "Town", "events": 1},
    ]
    rows = ka.statements_about(toy_store(), I("event/d1/e1"))
    assert [(r["stance"], r["speaker"], r["inferred"]) for r in rows] == [
        ("claim", "Group A", True),
        ("attribution", "Ministry", False),
    ]
    ch = {r["label"]: r for r in ka.compare_windows(toy_store(), "2024-01", "2024-02", top=None)}
    assert ch["Police"]["change"] == "rose" and ch["Ministry"]["change"] == "gone"


def test_names_suggestions_and_ambiguity(tmp_path: Path) -> None:
    triples = entity("x1", "Mansour", CKG.Person) + entity("x2", "Mansour", CKG.Person)
    snap = ka.load(_store(tmp_path, triples))
    with pytest.raises(ka.AmbiguousName, match="names 2 actors"):
        ka.resolve_actor(snap, "mansour")
    with pytest.raises(ka.NameNotFound, match="did you mean: Mansour"):
        ka.resolve_actor(snap, "Mansur")
    assert ka.resolve_actor(snap, I("x2")) == I("x2")


def test_results_written_as_rdf(tmp_path: Path) -> None:
    st = _chain_store(tmp_path)
    G = ka.interaction_graph(st)
    values = ka.centrality(G)
    g = ka.write_results(
        st,
        "test",
        values,
        algorithm="centrality",
        parameters={"graph": "actors"},
        communities=ka.communities(G),
    )
    rows = st.select(
        f"""SELECT ?x ?pr {{ GRAPH <{g}> {{ ?x ckg:pageRank ?pr ; ckg:community ?c .
                                          ?c a ckg:Community }} }} ORDER BY DESC(?pr)"""
    )
    assert len(rows) == 5 and str(rows[0]["x"]) == I("a4")
    run = st.select(
        f"SELECT ?p ?t {{ GRAPH <{g}> {{ ?r a ckg:AnalysisRun ; ckg:parameters ?p ;"
        " prov:startedAtTime ?t } }"
    )
    assert json.loads(str(run[0]["p"])) == {"graph": "actors"}
    # replacing, never duplicating
    ka.write_results(st, "test", values, algorithm="centrality")
    assert len(st.select(f"SELECT ?x {{ GRAPH <{g}> {{ ?x ckg:pageRank ?v }} }}")) == 5
    # analysis still reads the store the same way with its results inside
    assert ka.load(st).events.keys() == ka.load(_chain_store(tmp_path / "2")).events.keys()


def test_reads_through_select_only(tmp_path: Path) -> None:
    """Any object with .select works (RemoteStore has only that): same answers."""

    class SelectOnly:
        def __init__(self, st: Store) -> None:
            self.st = st

        def select(self, q: str, **kw: Any) -> Any:
            return self.st.select(q, **kw)

    a = ka.interaction_graph(toy_store())
    b = ka.interaction_graph(SelectOnly(toy_store()))
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))


def test_no_ontology_graph_uses_packaged_one(tmp_path: Path) -> None:
    st = _chain_store(tmp_path)  # no install_ontology()
    assert len(ka.load(st).events_matching(ka.make_filters(event_types="Attack"))) == 4


def test_cli(tmp_path: Path) -> None:
    from kg.cli import app

    runner = CliRunner()
    # the toy store is held open for writing by this process: the CLI gets its own copy
    copy = tmp_path / "copy"
    with Store(copy) as c:
        for doc, triples in toy_triples().items():
            c.replace_document(doc, triples)
        c.install_ontology()
    base = ["--store", str(copy)]
    r = runner.invoke(app, [*base, "analyze", "centrality", "-f", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout[r.stdout.index("[") :])
    # the ranking lists named actors; the civilians the bombing hit rank with --generic
    assert {row["actor"] for row in rows} == {"Group A", "Group B", "Police", "Ministry"}
    r = runner.invoke(app, [*base, "analyze", "centrality", "--generic", "-f", "json"])
    rows = json.loads(r.stdout[r.stdout.index("[") :])
    assert "Civilians (Country)" in {row["actor"] for row in rows}
    # the ego network lists the events of the actor with their stance
    r = runner.invoke(app, [*base, "analyze", "ego", "Group A", "-f", "json"])
    ego = json.loads(r.stdout[r.stdout.index("{") :])
    claimed = [e for e in ego["events"] if e["label"] == "Bombing by Group B"]
    assert {x["stance"] for x in claimed[0]["relations"]} == {"claimed"}
    # --stance keeps only those links of responsibility
    r = runner.invoke(app, [*base, "analyze", "ego", "Group A", "--stance", "stated", "-f", "json"])
    ego = json.loads(r.stdout[r.stdout.index("{") :])
    assert "Bombing by Group B" not in {e["label"] for e in ego["events"]}
    r = runner.invoke(app, [*base, "analyze", "ego", "Group A", "--stance", "rumour"])
    assert r.exit_code != 0 and "unknown stance 'rumour'" in str(r.exception)
    r = runner.invoke(app, [*base, "analyze", "path", "ministry", "the a front", "-f", "csv"])
    assert r.exit_code == 0 and "attributed to" in r.stdout, r.output
    r = runner.invoke(app, [*base, "analyze", "profile", "Grup B"])
    assert r.exit_code != 0 and "did you mean" in str(r.exception)
    r = runner.invoke(app, [*base, "analyze", "communities", "--write", "comm"])
    assert r.exit_code == 0, r.output
    with Store(copy, read_only=True) as c:
        assert c.select("SELECT (COUNT(*) AS ?n) { ?x ckg:community ?c }")[0]["n"].toPython() == 5
    for args in (
        ["timeline", "--by", "province"],
        ["compare", "2024-01", "2024-02"],
        ["claims", "bombing town"],
        ["ego", "Police"],
        ["brokers"],
        ["top"],
    ):
        r = runner.invoke(app, [*base, "analyze", *args])
        assert r.exit_code == 0, (args, r.output)
    # the claims table leaves the statements' IRIs to json and csv: its columns stay readable
    r = runner.invoke(app, [*base, "analyze", "claims", "bombing town"])
    assert "stance" in r.stdout and "┃ statement" not in r.stdout, r.stdout
    assert "reported" not in r.stdout  # no statement names an outlet here: no empty column
    r = runner.invoke(app, [*base, "analyze", "claims", "bombing town", "-f", "json"])
    assert all(row["statement"] for row in json.loads(r.stdout[r.stdout.index("[") :]))
