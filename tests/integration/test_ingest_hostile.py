"""Ingest under bad input: no document lost, none silently merged.

* ids are compared after NFC normalisation; an id used twice in one run (``"café"`` typed
  two ways, ``"dup"`` twice, ``1`` and ``"1"``) is a problem naming both places, and the
  first article is the one stored (the summary used to say ``documents 4, errors 0``);
* a line with a lone surrogate is one error; every valid line is stored (with ``-j 2``:
  ``tests/e2e/test_parallel_ingest_faults.py``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import kg
from kg.rdf.iri import doc_iri
from kg.store import Store

TEXT = "Police said a bomb killed three people in {} on Monday."


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def test_ids_used_twice_in_a_run_are_reported_and_none_is_merged(
    tmp_path: Path, extractor: Any
) -> None:
    f = write_jsonl(
        tmp_path / "ids.jsonl",
        [
            {"id": "café", "text": TEXT.format("Kabul")},
            {"id": "cafe\u0301", "text": TEXT.format("Herat")},
            {"id": "dup", "text": TEXT.format("Kandahar")},
            {"id": "dup", "text": TEXT.format("Kunduz")},
            {"id": 1, "text": TEXT.format("Ghazni")},
            {"id": "1", "text": TEXT.format("Jalalabad")},
            {"id": "unique", "text": TEXT.format("Bamyan")},
        ],
    )
    with Store(tmp_path / "s") as st:
        report = kg.ingest(st, [f], extractor=extractor)
        assert report.documents == 4
        where = {p.where: p.message for p in report.problems}
        assert set(where) == {f"{f}:2", f"{f}:4", f"{f}:6"}
        assert f"the id 'café' was already used in this run (at {f}:1" in where[f"{f}:2"]
        assert f"the id 'dup' was already used in this run (at {f}:3" in where[f"{f}:4"]
        assert f"the id '1' was already used in this run (at {f}:5" in where[f"{f}:6"]
        assert sorted(st.document_ids()) == ["1", "café", "dup", "unique"]
        # the first article of each id is the one stored: its words are in its graph
        for doc, first, second in (("dup", "Kandahar", "Kunduz"), ("café", "Kabul", "Herat")):
            words = " ".join(str(q[2]) for q in st.quads(doc_iri(doc)))
            assert first in words and second not in words, (doc, words[:300])


def test_a_lone_surrogate_costs_only_its_line_in_an_ingest(tmp_path: Path, extractor: Any) -> None:
    records: list[Any] = [{"id": f"ok{i}", "text": TEXT.format("Kabul")} for i in range(12)]
    records[6] = '{"id": "bad", "text": "A bomb \\ud800 in Kabul."}'
    f = write_jsonl(tmp_path / "b.jsonl", records)
    with Store(tmp_path / "s") as st:
        report = kg.ingest(st, [f], extractor=extractor)
        assert [str(p) for p in report.problems] == [
            f'{f}:7: "text" holds an unpaired surrogate \\ud800 at character 7 (a broken '
            "\\uXXXX escape): fix or remove it"
        ]
        assert len(st.document_ids()) == 11
