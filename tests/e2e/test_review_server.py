"""`kg serve`'s /review page and /changes feed over a resolved store, through the real
`kg` command and a real server (kg/views/review.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from tests.integration.test_resolution import REPORTS
from tests.servers import running_server
from tests.support import run_kg

pytestmark = pytest.mark.slow

VAGUE = {  # a report that could be either attack: what review is for
    "id": "wire-f",
    "source": "Radio Quetta",
    "published": "2024-03-12",
    "text": "An explosion was heard in Quetta on Tuesday and several people were feared "
    "dead, residents said.",
}


def test_review_lists_unsure_pairs_side_by_side_and_changes_lists_new_events(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in [*REPORTS, VAGUE]), encoding="utf-8")
    store = tmp_path / "store"
    assert run_kg("--store", store, "ingest", src).returncode == 0
    r = run_kg("--store", store, "resolve")
    assert r.returncode == 0, r.stderr
    resolved = int(re.search(r"resolved events (\d+)", " ".join(r.stderr.split()))[1])  # type: ignore[index]
    cli = json.loads(run_kg("--store", store, "resolve", "review", "--format", "json").stdout)
    assert cli, "the vague report makes at least one unsure pair"
    with running_server(store) as base:
        page = httpx.get(f"{base}/review").text
        first = cli[0]
        assert first["left"]["evidence"][:40] in page and first["right"]["evidence"][:40] in page
        assert "kg resolve judge" in page
        feed = httpx.get(f"{base}/changes", params={"since": "2000-01-01"}).json()
        assert [c["change"] for c in feed["changes"]] == ["created"] * resolved
        assert httpx.get(f"{base}/changes", params={"since": "2999-01-01"}).json()["changes"] == []
        assert httpx.get(f"{base}/changes", params={"since": "yesterday"}).status_code == 400
