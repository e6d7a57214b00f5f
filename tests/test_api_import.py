"""geomap.import_events, the API of ``geomap import``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import geomap
from geomap.exc import InputError

DATASETS = Path(__file__).parent / "data" / "datasets"


def test_import_writes_events_and_sources_that_build(tmp_path):
    counts, report = geomap.import_events(DATASETS / "points.csv", tmp_path / "out" / "events.csv")
    assert (
        counts["rows_read"]
        == counts["events"] + counts["rows_merged"] + counts["rows_rejected"] + counts["rows_out_of_region"]
    )
    assert (tmp_path / "out" / "sources.csv").exists()
    es = geomap.load_events(tmp_path / "out" / "events.csv")
    assert len({e.event_id for e in es.events}) == counts["events"]


@pytest.mark.parametrize("name", ["acled_2024.csv", "sources.csv"])
def test_import_refuses_to_overwrite_its_input(tmp_path, name):
    src = tmp_path / name
    shutil.copy(DATASETS / "acled_2024.csv", src)
    before = src.read_bytes()
    out = src if name != "sources.csv" else tmp_path / "events.csv"
    with pytest.raises(InputError, match="is the input file"):
        geomap.import_events(src, out)
    assert src.read_bytes() == before


def test_import_region_must_be_readable(tmp_path):
    with pytest.raises(ValueError, match="durand"):
        geomap.import_events(DATASETS / "points.csv", tmp_path / "e.csv", region="bogus")
