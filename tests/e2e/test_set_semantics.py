"""The same actor in five documents: one row for its label over every access path (the
endpoint, `kg query`, `kg.open` of a folder and of a URL), and counts that agree between
`kg ingest`, `kg stats` and the home page; `kg delete` keeps the authority exact."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

import kg
from tests.servers import running_server
from tests.support import run_kg

pytestmark = pytest.mark.slow

TEXTS = [
    "ISIS-K claimed a bombing at a checkpoint in Jalalabad on Monday, killing three guards.",
    "Gunmen from ISIS-K attacked a police post in Kunar province on Tuesday.",
    "ISIS-K fighters ambushed a convoy near Asadabad on Wednesday, officials said.",
    "Officials blamed ISIS-K for a rocket attack on Kabul airport on Thursday.",
    "ISIS-K said it carried out a suicide bombing at a mosque in Kunduz on Friday.",
]
LABEL = 'SELECT ?l WHERE { ?a skos:altLabel|rdfs:label "ISIS-K" . ?a rdfs:label ?l }'


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("sets")
    rows = [
        {"id": f"set-{i}", "text": t, "published": f"2024-05-0{i + 1}", "source": f"Outlet {i}"}
        for i, t in enumerate(TEXTS)
    ]
    (root / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    r = run_kg("--store", root / "store", "ingest", root / "in.jsonl")
    assert r.returncode == 0, r.stderr
    return root / "store", r.stderr


def test_one_label_row_over_every_access_path(store: tuple[Path, str]) -> None:
    path, _ = store
    local = kg.open(path, read_only=True)
    assert [str(r["l"]) for r in local.select(LABEL)] == ["ISIS-K"]
    local.close()
    r = run_kg("--store", path, "query", LABEL, "--format", "json")
    assert [row["l"] for row in json.loads(r.stdout)] == ["ISIS-K"]
    with running_server(path) as base:
        client = SPARQLWrapper(f"{base}/sparql")
        client.setQuery(
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + LABEL
        )
        client.setReturnFormat(JSON)
        rows = client.query().convert()["results"]["bindings"]  # type: ignore[index]
        assert [b["l"]["value"] for b in rows] == ["ISIS-K"]
        remote = kg.open(f"{base}/sparql")
        assert [str(x["l"]) for x in remote.select(LABEL)] == ["ISIS-K"]
        # a CONSTRUCT over the default graph gives each triple once too
        text = httpx.get(
            f"{base}/sparql",
            params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"},
            headers={"Accept": "application/n-triples"},
        ).text
        lines = [ln for ln in text.splitlines() if ln.strip()]
        assert len(lines) == len(set(lines))
        home = httpx.get(f"{base}/").text
        stats = json.loads(run_kg("--store", path, "stats", "--format", "json").stdout)
        for row in stats:
            assert re.search(rf"<b>{row['count']:,}</b>\s*{re.escape(row['what'])}", home), row


def test_ingest_summary_counts_what_stats_counts(store: tuple[Path, str]) -> None:
    path, summary = store
    stats = {
        row["what"]: row["count"]
        for row in json.loads(run_kg("--store", path, "stats", "--format", "json").stdout)
    }
    said = dict(re.findall(r"(event reports|actors mentioned|places mentioned) (\d+)", summary))
    assert int(said["event reports"]) == stats["events"]
    assert int(said["actors mentioned"]) == stats["actors"]
    assert int(said["places mentioned"]) == stats["places"]


def test_delete_removes_what_rested_only_on_the_document(
    store: tuple[Path, str], tmp_path: Path
) -> None:
    import shutil

    path = tmp_path / "copy"
    shutil.copytree(store[0], path)
    q = 'SELECT ?p WHERE { ?p rdfs:label "Kunduz" }'
    st = kg.open(path, read_only=True)
    assert st.select(q)
    st.close()
    r = run_kg("--store", path, "delete", "set-4")
    assert r.returncode == 0, r.stderr
    st = kg.open(path, read_only=True)
    assert st.select(q) == [] and [str(x["l"]) for x in st.select(LABEL)] == ["ISIS-K"]
    st.close()
    assert run_kg("--store", path, "delete", "no-such-doc").returncode == 2
