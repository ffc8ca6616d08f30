"""Coded datasets in (kg/ingestion/datasets.py): small CSVs written in the ACLED, UCDP GED
and GTD codebook layouts (tests/data/datasets/, invented rows, never real ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingestion.datasets import DatasetError, import_dataset
from kg.rdf.mapping import RunInfo
from kg.records import Article, EntityRecord, Extraction, Span
from kg.scale.document import DocumentGraph
from kg.store import Store

DATA = Path(__file__).parent.parent / "data" / "datasets"
EVENTS = """SELECT ?doc ?cls ?date ?best ?low ?high ?place ?lat ?lon ?prec WHERE {
  ?e prov:wasDerivedFrom ?d ; a ?c ; ckg:date ?date ; ckg:location ?p .
  ?d dcterms:identifier ?doc . BIND(STRAFTER(STR(?c), "#") AS ?cls) ?p rdfs:label ?place .
  OPTIONAL { ?e ckg:fatalities ?best } OPTIONAL { ?e ckg:fatalitiesMin ?low }
  OPTIONAL { ?e ckg:fatalitiesMax ?high } OPTIONAL { ?e ckg:locationPrecision ?prec }
  OPTIONAL { ?p wgs84:lat ?lat ; wgs84:long ?lon }
} ORDER BY ?doc"""
WGS = "PREFIX wgs84: <http://www.w3.org/2003/01/geo/wgs84_pos#>\n"


def rows(st: Store) -> dict[str, dict[str, str]]:
    return {
        str(r["doc"]): {k: ("" if v is None else str(v)) for k, v in r.items()}
        for r in st.select(WGS + EVENTS)
    }


def test_acled_rows_become_events_with_their_ids_points_and_tolls(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        rep = import_dataset(st, "acled", DATA / "acled.csv")
        got = rows(st)
    assert rep.rows == 3 and not rep.problems
    assert set(got) == {"acled-XYZ1001", "acled-XYZ1002", "acled-XYZ1003"}
    bomb = got["acled-XYZ1001"]
    assert (bomb["cls"], bomb["date"], bomb["best"], bomb["place"]) == (
        "SuicideBombing",
        "2024-03-12",
        "18",
        "Quetta",
    )
    assert (float(bomb["lat"]), float(bomb["lon"])) == (30.1798, 66.975)
    assert bomb["prec"].endswith("#ExactLocation")
    assert got["acled-XYZ1002"]["date"] == "2024-03-12"  # "12 March 2024" read too
    assert got["acled-XYZ1003"]["cls"] == "ArmedClash"
    assert got["acled-XYZ1003"]["prec"].endswith("#ApproximateLocation")


def test_ucdp_best_low_high_and_gtd_attack_types(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        import_dataset(st, "ucdp", DATA / "ucdp-ged.csv")
        import_dataset(st, "gtd", DATA / "gtd.csv")
        got = rows(st)
    kabul = got["ucdp-900001"]
    assert (kabul["cls"], kabul["best"], kabul["low"], kabul["high"]) == (
        "AttackOnCivilians",
        "20",
        "15",
        "25",
    )
    assert got["ucdp-900002"]["cls"] == "ArmedClash"
    assert got["gtd-201905010001"]["cls"] == "ExplosionOrRemoteViolence"
    assert got["gtd-201905010001"]["place"] == "Kirkuk" and got["gtd-201905010001"]["lat"]
    assert (got["gtd-201906150002"]["cls"], got["gtd-201906150002"]["date"]) == (
        "ArmedAssault",
        "2019-06-15",
    )


def test_actors_join_the_authority_by_label_or_alias(tmp_path: Path) -> None:
    x = Extraction(Article(id="news-1", text="ISIL fighters attacked."))
    x.entities["islamic-state"] = EntityRecord(
        "islamic-state",
        "Islamic State",
        ("ArmedGroup",),
        aliases={"ISIL"},
        mentions=[Span(0, 4, "ISIL")],
    )
    g = DocumentGraph.from_extraction(x, RunInfo("r"))
    with Store(tmp_path / "s") as st:
        st.replace_documents([(g.doc_id, g.triples)])
        import_dataset(st, "gtd", DATA / "gtd.csv")
        perp = st.select("""SELECT ?a WHERE { ?e ckg:perpetrator ?a ; prov:wasDerivedFrom ?d .
                            ?d dcterms:identifier "gtd-201905010001" }""")
        labels = st.select("SELECT ?l WHERE { kgid:islamic-state rdfs:label ?l }")
    assert [str(r["a"]) for r in perp] == ["https://w3id.org/conflict-kg/id/islamic-state"]
    assert [str(r["l"]) for r in labels] == ["Islamic State"]  # one description, one label


def test_a_file_in_another_layout_is_refused_naming_the_missing_columns(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        with pytest.raises(DatasetError, match=r"lacks the column.*event_id_cnty"):
            import_dataset(st, "acled", DATA / "gtd.csv")
        with pytest.raises(DatasetError, match="unknown dataset"):
            import_dataset(st, "gdelt", DATA / "gtd.csv")
