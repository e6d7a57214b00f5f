"""Writing draft events to CSV, atomically."""

from __future__ import annotations

import csv
import io
import os

from .. import schema
from ..atomic import write_text
from ..report import defuse

#: Columns of the drafts CSV written by ``geomap extract`` (one list, in the schema).
COLUMNS: tuple[str, ...] = schema.DRAFT_COLUMNS


def drafts_csv(events) -> str:
    """CSV text (header included) of draft events."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for ev in events:
        w.writerow(_defused(ev.to_row()))
    return buf.getvalue()


def write_drafts(path: str | os.PathLike, events) -> None:
    """Write the drafts CSV to ``path`` atomically (temporary file, then rename)."""
    write_text(path, drafts_csv(events))


#: Columns holding numbers (a leading '-' is a sign, not a formula).
_NUMERIC = frozenset({"latitude", "longitude", "geo_precision", "fatalities", "injuries", "confidence"})


def _defused(row: dict) -> dict:
    # Excerpts, titles and URLs come from articles and the CSV is meant to be
    # opened in spreadsheets: cells a spreadsheet would run get a leading "'".
    return {k: v if k in _NUMERIC else defuse(v) for k, v in row.items()}


def draft_rows(events) -> list[dict]:
    """The CSV rows (dicts keyed by :data:`COLUMNS`) of draft events."""
    return [ev.to_row() for ev in events]
