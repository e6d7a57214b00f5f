"""``geomap import``: one dataset file written as geomap's own events.csv and sources.csv."""

from __future__ import annotations

from pathlib import Path

from ..curated import EventSet
from ..drafts import write_dataset
from ..report import Report
from .combine import Region, load_all


def import_file(
    path, output, *, fmt: str | None = None, region: Region | None = None, report: Report | None = None
) -> tuple[dict, Report]:
    """Convert ``path`` and write ``output`` (events) and ``sources.csv`` beside it.

    Returns
    -------
    (dict, Report)
        The file's counts (``rows_read = events + rows_merged + rows_rejected
        + rows_out_of_region``) and the report of rejected rows.
    """
    report = report if report is not None else Report()
    loaded = load_all([path], fmt=fmt, region=region, report=report)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    es = EventSet(loaded.events.events, loaded.events.sources)
    write_dataset(es, output, output.with_name("sources.csv"))
    return loaded.files[0], report
