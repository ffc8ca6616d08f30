"""The ``kg`` command: ingest, export, query, stats, idempotency and bad input.

In-process through typer's CliRunner (``kg.cli.app``) and, where a second process or the
user's exact view matters, through the installed ``kg`` in a subprocess. Stores are real and
on disk; the one built by the module fixture is only read by the tests that share it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.cli import app
from kg.rdf.iri import doc_iri
from kg.store import Store
from kg.vocab import ONTOLOGY_IRI
from tests.cli import kg, kg_error, runner, wide_console  # noqa: F401  (the fixture applies here)
from tests.support import ONTOLOGY_DIR, SAMPLE_CORPUS

ARTICLE = SAMPLE_CORPUS / "kerman-2024.txt"


DOC_ID = "cli-kerman"


FLAGS = {
    "--id": DOC_ID,
    "--title": "Twin blasts in Kerman",
    "--published": "2024-01-04",
    "--source": "Test Wire",
    "--url": "https://example.org/kerman",
    "--lang": "en",
}


RDFLIB_FORMAT = {"nquads": "nquads", "trig": "trig", "turtle": "turtle", "jsonld": "json-ld"}


def normalised(nquads: bytes) -> list[str]:
    """Sorted N-Quads with the ingest run's own id and start time blanked out.

    Each run is a new ``prov:Activity`` with a fresh id and ``prov:startedAtTime``; everything
    else an ingest writes must be the same when the input is the same.
    """
    text = nquads.decode()
    text = re.sub(r"<https://w3id\.org/conflict-kg/id/activity/[^>]+>", "<ACTIVITY>", text)
    text = re.sub(r'"[^"]+"\^\^<http://www\.w3\.org/2001/XMLSchema#dateTime>', '"TIME"', text)
    return sorted(text.splitlines())


@dataclass
class Twice:
    """A store that got the same article ingested twice through the CLI."""

    path: Path
    first: object
    second: object
    count_after_first: int
    count_after_second: int
    export_after_first: bytes
    export_after_second: bytes


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> Twice:
    path = tmp_path_factory.mktemp("cli") / "store"
    src = tmp_path_factory.mktemp("cli-in") / "article.txt"  # no sidecar: the flags say it all
    shutil.copyfile(ARTICLE, src)
    args = ["--store", str(path), "ingest", str(src), *(x for kv in FLAGS.items() for x in kv)]
    counts, exports, results = [], [], []
    for _ in range(2):
        results.append(runner.invoke(app, args))
        with Store(path, read_only=True) as st:
            counts.append(len(st))
            exports.append(st.export_bytes("nquads"))
    return Twice(path, *results, *counts, *exports)


@pytest.mark.slow
def test_ingest_reports_progress_and_summary(twice: Twice) -> None:
    r = twice.first
    assert r.exit_code == 0, r.output
    assert "docs/s" in r.stderr
    m = re.search(
        r"documents 1 +event reports (\d+) +actors mentioned (\d+) +places mentioned (\d+) .*errors 0",
        r.stderr,
        re.S,  # the summary may wrap
    )
    assert m and int(m[1]) > 0 and int(m[3]) > 0, r.stderr


@pytest.mark.slow
def test_ingest_twice_same_triple_count_and_same_export(twice: Twice) -> None:
    assert twice.second.exit_code == 0, twice.second.output
    assert twice.count_after_first == twice.count_after_second > 0
    assert normalised(twice.export_after_first) == normalised(twice.export_after_second)
    with Store(twice.path, read_only=True) as st:
        assert st.document_ids() == [DOC_ID]
        # only the second run is left: the first run's activity went with the old graph
        runs = st.select("SELECT DISTINCT ?a { ?a a prov:Activity }")
        assert len(runs) == 1


@pytest.mark.slow
def test_document_metadata_from_the_command_line(twice: Twice) -> None:
    with Store(twice.path, read_only=True) as st:
        rows = st.select(
            """SELECT ?id ?title ?source ?date ?url ?lang {
                 ?d a ckg:Document ; dcterms:identifier ?id ; dcterms:title ?title ;
                    dcterms:publisher ?source ; dcterms:issued ?date ; schema:url ?url ;
                    dcterms:language ?lang }"""
        )
    assert [{k: str(v) for k, v in r.items()} for r in rows] == [
        {
            "id": DOC_ID,
            "title": FLAGS["--title"],
            "source": FLAGS["--source"],
            "date": FLAGS["--published"],
            "url": FLAGS["--url"],
            "lang": "en",
        }
    ]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "jsonld"])
def test_export_formats_parse_back(twice: Twice, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    r = kg("--store", twice.path, "export", "--format", fmt, "-o", out)
    assert r.exit_code == 0, r.output
    ds = Dataset(default_union=True)
    ds.parse(out, format=RDFLIB_FORMAT[fmt])
    with Store(twice.path, read_only=True) as st:
        (row,) = st.select(
            "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o "
            f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_IRI}>) }} }}"
        )
    distinct = int(row["n"])
    assert len(set(ds.triples((None, None, None)))) == distinct
    if fmt != "turtle":  # turtle holds no graph names: it is the union
        names = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert str(doc_iri(DOC_ID)) in names


@pytest.mark.slow
def test_nquads_and_trig_exports_are_isomorphic(twice: Twice, tmp_path: Path) -> None:
    parsed = {}
    for fmt in ("nquads", "trig"):
        out = tmp_path / f"x.{fmt}"
        assert kg("--store", twice.path, "export", "-f", fmt, "-o", out).exit_code == 0
        parsed[fmt] = Dataset()
        parsed[fmt].parse(out, format=fmt)
    nq, trig = parsed["nquads"], parsed["trig"]
    names = {g.identifier for g in nq.graphs() if len(g)}
    assert names == {g.identifier for g in trig.graphs() if len(g)}
    for name in names:
        assert isomorphic(nq.graph(name), trig.graph(name)), name


@pytest.mark.slow
def test_export_to_stdout_equals_export_to_file(twice: Twice, tmp_path: Path) -> None:
    out = tmp_path / "x.nq"
    kg("--store", twice.path, "export", "-o", out)
    r = kg("--store", twice.path, "export")
    assert r.exit_code == 0
    assert r.stdout_bytes == out.read_bytes()


@pytest.mark.slow
def test_export_with_ontology_adds_the_ontology(twice: Twice, tmp_path: Path) -> None:
    plain, full = tmp_path / "plain.nq", tmp_path / "full.nq"
    kg("--store", twice.path, "export", "-o", plain)
    kg("--store", twice.path, "export", "--with-ontology", "-o", full)
    ontology = Graph()
    for f in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        if f.name != "shapes.ttl":
            ontology.parse(f, format="turtle")
    ds = Dataset()
    ds.parse(full, format="nquads")
    assert isomorphic(ds.graph(URIRef(str(ONTOLOGY_IRI))), ontology)
    assert f"<{ONTOLOGY_IRI}> .\n" not in plain.read_text()
    n_plain, n_full = len(plain.read_bytes().splitlines()), len(full.read_bytes().splitlines())
    assert n_full == n_plain + len(ontology)


EVENTS = "SELECT ?e ?type { ?e prov:wasDerivedFrom ?d ; a ?type } ORDER BY ?e ?type"


@pytest.mark.slow
def test_query_formats(twice: Twice) -> None:
    as_json = kg("--store", twice.path, "query", EVENTS, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.stdout)
    assert rows and set(rows[0]) == {"e", "type"}
    as_csv = kg("--store", twice.path, "query", EVENTS, "--format", "csv")
    assert list(csv.DictReader(io.StringIO(as_csv.stdout))) == rows
    table = kg("--store", twice.path, "query", EVENTS)
    assert table.exit_code == 0 and f"{len(rows)} row(s)" in table.stdout
    assert rows[0]["e"] in table.stdout


@pytest.mark.slow
def test_query_ask_and_construct(twice: Twice) -> None:
    ask = kg("--store", twice.path, "query", "ASK { ?d a ckg:Document }", "-f", "json")
    assert json.loads(ask.stdout) == [{"result": "true"}]
    construct = "CONSTRUCT { ?d a ckg:Document } WHERE { ?d a ckg:Document }"
    con = kg("--store", twice.path, "query", construct, "-f", "json")
    assert json.loads(con.stdout) == [
        {
            "subject": str(doc_iri(DOC_ID)),
            "predicate": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "object": "https://w3id.org/conflict-kg/ontology#Document",
        }
    ]


@pytest.mark.slow
def test_query_syntax_error(twice: Twice) -> None:
    msg = kg_error("--store", twice.path, "query", "SELEKT ?x")
    assert msg.startswith("the query does not parse") and "\n" not in msg
    # a graph name written as a prefixed name with a slash: one line that says the fix
    msg = kg_error(
        "--store",
        twice.path,
        "query",
        "SELECT ?s WHERE { GRAPH kgid:graph/resolution { ?s ?p ?o } }",
    )
    assert "\n" not in msg and "full IRI" in msg and "kgid:graph/resolution" in msg


@pytest.mark.slow
def test_stats(twice: Twice) -> None:
    r = kg("--store", twice.path, "stats", "--format", "json")
    counts = {row["what"]: row["count"] for row in json.loads(r.stdout)}
    assert set(counts) == {"documents", "triples", "events", "resolved events", "actors", "places"}
    assert counts["documents"] == 1 and counts["events"] > 0 and counts["places"] > 0
    with Store(twice.path, read_only=True) as st:  # the data's triples, the ontology left out
        assert counts["triples"] == len(st.export_bytes("nquads").splitlines())
    table = kg("--store", twice.path, "stats")
    assert table.exit_code == 0 and "documents" in table.stdout


@pytest.mark.slow
def test_bad_inputs_each_reported_the_rest_stored_nothing_lost(
    twice: Twice, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(twice.path, store)  # a store that already holds a document
    with Store(store, read_only=True) as st:
        before = st.export_bytes("nquads")
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (bad / "notes.docx").write_bytes(b"PK\x03\x04")
    (bad / "fa.txt").write_bytes(
        "انفجار در شهر کابل چند نفر را کشت و پوليس تحقيق ميکند.".encode("cp1256")
    )
    (bad / "fr.txt").write_bytes(
        "Un attentat à Kaboul a tué trois policiers, a déclaré la police.".encode("latin-1")
    )
    lines = [
        json.dumps({"id": "j1", "text": "Police arrested two men in Kabul on Monday."}),
        '{"id": "j2", "text": "Gunmen attacked a village',  # cut off mid-string
        json.dumps({"id": "j3", "title": "no text"}),
        json.dumps({"id": "j4", "text": "A roadside bomb killed three soldiers in Helmand."}),
    ]
    (bad / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    inputs = [
        bad / n for n in ("empty.txt", "image.txt", "notes.docx", "fa.txt", "fr.txt", "batch.jsonl")
    ]
    r = kg("--store", store, "ingest", *inputs)
    assert r.exit_code == 1, r.output
    err = r.stderr
    assert f"{bad / 'empty.txt'}: is empty: nothing to ingest" in err
    assert f"{bad / 'image.txt'}: looks like a binary file" in err
    assert f"{bad / 'notes.docx'}: has an unknown extension '.docx'" in err
    # the line cut off mid-string: what is wrong, and where in the line
    assert f"{bad / 'batch.jsonl'}:2: is not valid JSON (Unterminated string" in err
    assert "line 1 column" not in err
    assert f'{bad / "batch.jsonl"}:3: has no "text"' in err
    assert "5 input(s) could not be read" in err
    assert re.search(r"documents 4 .* errors 5", err), err
    with Store(store, read_only=True) as st:
        assert st.document_ids() == sorted([DOC_ID, "fa", "fr", "j1", "j4"])
        old_graph = st.select(
            f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{doc_iri(DOC_ID)}> {{ ?s ?p ?o }} }}"
        )
        assert int(old_graph[0]["n"]) == before.count(f"<{doc_iri(DOC_ID)}> .".encode())
        after_first = len(st)
    # the same bad batch again: same errors, and still no duplicates
    assert kg("--store", store, "ingest", *inputs).exit_code == 1
    with Store(store, read_only=True) as st:
        assert len(st) == after_first
