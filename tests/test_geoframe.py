"""Events joined to places: one GeoDataFrame in EPSG:4326, points for places,
the Durand Line for border-wide events, and every event accounted for."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from shapely.geometry import LineString, MultiLineString, Point

from geomap.curated import load_events
from geomap.geo import durand_line
from geomap.geoframe import COLUMNS, border_point, build_geodataframe
from geomap.report import Report

BAD = Path(__file__).parent / "data" / "bad"
HEADER = (BAD / "good.csv").read_text().splitlines()[0]

ROWS = [
    "E-1,border_closure,closure,2025-03-01,day,Torkham,AF,,,1,,,,,,,S1,curated,shut,",
    "E-2,armed_clash,exchange_of_fire,2025-03-02,week,Afghanistan-Pakistan border,,,,4,,,3,2,5,,S1,curated,all along,",
    "E-3,talks,negotiation,2025-03,month,Doha,QA,,,1,,,,,,,S2,curated,abroad,",
    "E-4,explosion,,2025-03-04,day,A hillside,PK,33.5,70.25,2,,,,,,,S1;S2,curated,given point,",
    "E-5,explosion,,2025-03-05,day,Qqzyxabad,PK,,,1,,,,,,,S1,curated,nowhere,",
]


@pytest.fixture
def events(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n")
    return load_events(path, BAD / "sources.csv")


@pytest.fixture
def placed(events, offline_chain):
    report = Report()
    gdf, _ = build_geodataframe(events, offline_chain, report)
    return gdf, report


def test_frame_shape_and_crs(placed):
    gdf, _ = placed
    assert gdf.crs.to_epsg() == 4326
    assert list(gdf.columns) == [*COLUMNS, "geometry"]
    assert list(gdf.event_id) == ["E-1", "E-2", "E-3", "E-4"]
    assert str(gdf.fatalities.dtype) == "Int64" and gdf.fatalities.isna().sum() == 3


def test_points_and_the_durand_line(placed):
    gdf, _ = placed
    geom = dict(zip(gdf.event_id, gdf.geometry))
    for eid in ("E-1", "E-3", "E-4"):
        assert isinstance(geom[eid], Point)
    assert isinstance(geom["E-2"], (LineString, MultiLineString))
    assert geom["E-2"].equals(durand_line())
    row = gdf.set_index("event_id").loc["E-2"]
    assert (row.latitude, row.longitude) == pytest.approx(border_point(), abs=1e-5)
    # x is longitude, y latitude; the given point keeps its numbers
    assert (geom["E-4"].x, geom["E-4"].y) == (70.25, 33.5)
    e1 = gdf.set_index("event_id").loc["E-1"]
    assert 34.0 < e1.latitude < 34.2 and 71.0 < e1.longitude < 71.2
    assert e1.place_backend == "gazetteer"
    e3 = gdf.set_index("event_id").loc["E-3"]
    assert e3.place_backend == "geonames" and e3.country == "QA"
    assert (e3.date_start, e3.date_end) == ("2025-03-01", "2025-03-31")
    assert gdf.set_index("event_id").loc["E-4"].place_backend == "given"


def test_unlocated_event_is_reported_and_counted(placed):
    _, report = placed
    c = report.counts
    assert (c["events_in"], c["events_on_map"], c["events_unlocated"]) == (5, 4, 1)
    p = report.of_kind("unlocated")[0]
    assert (p.line, p.column, p.value) == (6, "location", "Qqzyxabad")
    assert "tried gazetteer, geonames" in p.reason and "gazetteer.csv" in p.reason


def test_without_a_chain_only_given_points_are_placed(events):
    report = Report()
    gdf, _ = build_geodataframe(events, None, report)
    assert list(gdf.event_id) == ["E-4"]
    assert report.counts["events_unlocated"] == 4
    assert "none: no geocoder" in report.of_kind("unlocated")[0].reason


def test_empty_input_gives_an_empty_frame():
    gdf, report = build_geodataframe([], None)
    assert len(gdf) == 0 and gdf.crs.to_epsg() == 4326
    assert report.counts == {"events_in": 0, "events_on_map": 0, "events_unlocated": 0}


def test_sources_are_attached(placed):
    gdf, _ = placed
    import json

    refs = json.loads(gdf.set_index("event_id").loc["E-4"].sources_json)
    assert [r["source_id"] for r in refs] == ["S1", "S2"]
    assert refs[0]["url"] == "https://example.org/a"


def test_made_sources_are_the_cells_parsed(placed, events):
    """Each sources_json cell the frame made is kept with its sources: exactly
    ``json.loads`` of the cell, as the page and the exports would parse it;
    an unknown id (here S9) gets empty texts, as in the cell."""
    import json

    from geomap.geoframe import SOURCE_FIELDS, build_geodataframe, made_sources

    gdf, _ = placed
    given = next(e for e in events.events if e.latitude is not None)
    more, _ = build_geodataframe([replace(given, event_id="E-9", sources=("S9", "S1"))], None, sources=events.sources)
    assert len(more) == 1
    for cell in gdf["sources_json"].tolist() + more["sources_json"].tolist():
        made = made_sources(cell)
        assert made is not None
        assert [dict(zip(SOURCE_FIELDS, fields)) for fields in made] == json.loads(cell)
    assert made_sources('[{"source_id": "S1"}]') is None  # not made here: parsed by its reader
