"""Who claimed what, from the command line: ``kg analyze`` on the bundled sample corpus.

Links between actors and events carry their stance (the source states it, the actor claims
it, someone else alleges it, it is suspected, the actor denies it). ISIS-K claimed the
Kabul airport bombing, which the report does not state it did: its ego network lists the
bombing as a claimed event, and the path from ISIS-K to Iran explains each hop with its
stance and quote.
"""

from __future__ import annotations

import json
from typing import Any

from tests.support import Ingested, run_kg


def _json(proc: Any) -> Any:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_ego_lists_the_kabul_airport_bombing_as_claimed(sample_store: Ingested) -> None:
    ego = _json(run_kg("--store", sample_store.path, "analyze", "ego", "ISIS-K", "-f", "json"))
    kabul = [e for e in ego["events"] if "/sample-kabul-airport-2021/" in e["iri"]]
    assert kabul, [e["label"] for e in ego["events"]]
    assert {r["stance"] for e in kabul for r in e["relations"]} == {"claimed"}
    assert any(r["relation"] == "attacked (claimed)" for e in kabul for r in e["relations"])
    # every edge says how it is known
    assert all(
        e["stance"] in ("stated", "claimed", "alleged", "suspected", "denied") for e in ego["edges"]
    )
    # the table says it too
    table = run_kg("--store", sample_store.path, "analyze", "ego", "ISIS-K")
    assert "attacked (claimed)" in table.stdout
    # and dropping claims drops the bombing
    stated = _json(
        run_kg(
            "--store", sample_store.path, "analyze", "ego", "ISIS-K",
            "--stance", "stated", "--stance", "alleged", "-f", "json",
        )
    )  # fmt: skip
    assert not [e for e in stated["events"] if "/sample-kabul-airport-2021/" in e["iri"]]


def test_path_from_iskp_to_iran_goes_through_a_claimed_or_attributed_attack(
    sample_store: Ingested,
) -> None:
    paths = _json(
        run_kg("--store", sample_store.path, "analyze", "path", "ISKP", "Iran", "-f", "json")
    )
    hops = paths[0]
    assert hops[0]["source_label"] == "ISIS-K" and hops[-1]["target_label"] == "Iran"
    rels = [r for h in hops for r in h["relations"]]
    assert all("stance" in r and "relation" in r for r in rels)
    through = [r for r in rels if r["type"] == "attacked" and r["stance"] in ("claimed", "alleged")]
    assert through, [(r["relation"], r["stance"]) for r in rels]
    # each hop through an event explains itself with the quote it was read from
    assert all(e["evidence"] for r in through for e in r["events"])
    assert any(
        "claimed responsibility" in q for r in through for e in r["events"] for q in e["evidence"]
    )
