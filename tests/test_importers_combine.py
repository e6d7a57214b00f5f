"""geomap.importers.combine: several events files on one map, each event once
and citing its own sources."""

from __future__ import annotations

import shutil
from pathlib import Path

from geomap import counts
from geomap.importers.combine import load_all
from geomap.report import Report

DATA = Path(__file__).parent / "data"


def test_overlapping_exports_of_one_dataset_map_each_event_once(tmp_path):
    # last month's download and this month's share most events: each was mapped twice
    update = tmp_path / "acled_update.csv"
    shutil.copy(DATA / "datasets" / "acled_2024.csv", update)
    report = Report()
    loaded = load_all([DATA / "datasets" / "acled_2024.csv", update], report=report)
    ids = [e.event_id for e in loaded.events.events]
    assert len(ids) == len(set(ids)) == 4
    c = report.counts
    assert c[counts.ROWS_READ] == 10 and c[counts.ROWS_REJECTED] == 6  # 2 bad dates + 4 repeated
    first, second = loaded.files
    assert (second["events"], second[counts.ROWS_REJECTED]) == (0, 5)
    repeated = [p for p in report.of_kind("rejected") if "already on the map" in p.reason]
    assert len(repeated) == 4 and all(p.file == str(update) and p.line for p in repeated)
    assert "acled_2024.csv" in repeated[0].reason
