"""Dates for the ingestion layer: ISO validation and an article's dateline.

The rules live with extraction (:mod:`kg.extract.dates`, words from the language pack); this
module names what readers and the CLI use.

>>> valid_iso_date("2024-02-29"), find_dateline("KABUL (Jan. 25, 2013) - ...").iso
(True, '2013-01-25')
"""

from __future__ import annotations

from kg.extract.dates import DATELINE_RX, Dateline, find_dateline, resolve, valid_iso_date

__all__ = ["DATELINE_RX", "Dateline", "find_dateline", "resolve", "valid_iso_date"]
