"""Writing draft events to CSV, atomically."""

from __future__ import annotations

import csv
import io
import os

from ..atomic import write_text

#: Columns of the drafts CSV written by ``geomap extract``.
COLUMNS: tuple[str, ...] = (
    "doc_id", "event_type", "sub_event_type", "event_date", "date_precision", "location",
    "country", "latitude", "longitude", "geo_precision", "actor1", "actor2", "fatalities",
    "injuries", "confidence", "excerpt", "source_title", "source_publisher",
    "source_published", "source_url",
)


def drafts_csv(events) -> str:
    """CSV text (header included) of draft events."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for ev in events:
        w.writerow(ev.to_row())
    return buf.getvalue()


def write_drafts(path: str | os.PathLike, events) -> None:
    """Write the drafts CSV to ``path`` atomically (temporary file, then rename)."""
    write_text(path, drafts_csv(events))


def draft_rows(events) -> list[dict]:
    """The CSV rows (dicts keyed by :data:`COLUMNS`) of draft events."""
    return [ev.to_row() for ev in events]
