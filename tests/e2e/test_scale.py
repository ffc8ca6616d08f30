"""Ingest into a real Oxigraph server by the Graph Store Protocol, from the library and from
``kg ingest --gsp``: the same dataset as the embedded store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from kg.ingestion.run import ingest
from tests.scale import RUN, dataset
from tests.support import SAMPLE_CORPUS, run_kg


def oxigraph_bin() -> Path:
    found = Path(sys.executable).parent / "oxigraph"
    if not found.exists():
        which = shutil.which("oxigraph")
        if which is None:
            pytest.skip("the `oxigraph` server is not installed (pip install oxigraph)")
        found = Path(which)
    return found


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Any:
    """A real ``oxigraph serve`` on a free loopback port; its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [str(oxigraph_bin()), "serve", "--location", str(tmp_path / "ox"),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.HTTPError:
                if proc.poll() is not None:
                    pytest.fail(
                        f"oxigraph serve died: {proc.stderr.read().decode() if proc.stderr else ''}"
                    )
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.wait(20)


@pytest.mark.slow
def test_ingest_into_an_oxigraph_server_by_gsp(
    oxigraph_server: str, scale_corpus: list[Path], scale_reference: set[str], extractor: Any
) -> None:
    from kg.gsp import GraphStore

    with GraphStore.for_server(oxigraph_server) as st:
        report = ingest(st, scale_corpus, extractor=extractor, run=RUN, write_batch=5)
        assert report.documents == 24
        assert dataset(st) == scale_reference
        assert len(st.document_ids()) == 24
        assert st.existing_documents(["gen-0000003", "nope"]) == ["gen-0000003"]
        # resume skips everything; a full run again replaces, never duplicates
        assert ingest(st, scale_corpus, extractor=extractor, run=RUN, resume=True).skipped == 24
        st.replace_documents(
            [("gen-0000001", []), ("gen-0000002", [])], method="update"
        )  # batch as one SPARQL update
        assert "gen-0000001" not in st.document_ids()
        ingest(st, scale_corpus, extractor=extractor, run=RUN, resume=True)
        assert dataset(st) == scale_reference
        assert st.stats()["documents"] == 24
        assert st.select("SELECT (COUNT(*) AS ?n) { ?e a ckg:Event }")[0]["n"] is not None


@pytest.mark.slow
def test_kg_ingest_gsp_command(oxigraph_server: str, tmp_path: Path) -> None:
    proc = run_kg(
        "--store", f"{oxigraph_server}/query", "ingest", "--gsp", f"{oxigraph_server}/store",
        SAMPLE_CORPUS,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "documents 8" in proc.stderr
    proc = run_kg("--store", f"{oxigraph_server}/query", "stats", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert '"count": 8' in proc.stdout
    proc = run_kg("--store", f"{oxigraph_server}/query", "ingest", SAMPLE_CORPUS)
    assert proc.returncode == 2 and "--gsp" in proc.stderr
    # export from the plain SPARQL endpoint (graph by graph) = the server's whole dump
    out = tmp_path / "export.nq"
    proc = run_kg("--store", f"{oxigraph_server}/query", "export", "-o", out)
    assert proc.returncode == 0, proc.stderr
    from kg.gsp import GraphStore
    from kg.rdf.iri import doc_iri

    with GraphStore.for_server(oxigraph_server) as st:
        whole, docs = dataset(st), {f"<{doc_iri(d)}>" for d in st.document_ids()}
    exported = {ln for ln in out.read_text("utf-8").splitlines() if ln.strip()}
    assert exported == whole
    assert len(docs) == 8 and docs <= {ln.rsplit(" ", 2)[-2] for ln in exported}
