"""Exports: GeoJSON round-trips through geopandas, the flat CSV has
latitude/longitude and ACLED columns and defuses formulas, GeoPackage on request."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas as gpd
import pytest

from geomap.cli import main
from geomap.curated import load_events
from geomap.export import ENGINES, defuse, to_geojson_dict, write_csv, write_geojson, write_gpkg
from geomap.geoframe import build_geodataframe

BAD = Path(__file__).parent / "data" / "bad"
HEADER = (BAD / "good.csv").read_text().splitlines()[0]
ROWS = [
    "E-1,border_closure,closure,2025-03-01,day,Torkham,AF,,,1,,,,,,,S1,curated,shut,",
    "E-2,armed_clash,exchange_of_fire,2025-03-02,week,Afghanistan-Pakistan border,,,,4,,,3,2,5,,S1,curated,all along,",
    "E-3,explosion,shelling,2025-03-04,day,A hillside,PK,33.5,70.25,2,,,,,,,S1;S2,curated,given point,",
]


@pytest.fixture(params=ENGINES)
def engine(request):
    """Each writer test runs on every engine (their equality: test_export_engines.py)."""
    return request.param


@pytest.fixture
def gdf(tmp_path, offline_chain):
    path = tmp_path / "events.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n")
    frame, _ = build_geodataframe(load_events(path, BAD / "sources.csv"), offline_chain)
    return frame


@pytest.fixture
def formula_gdf(offline_chain):
    frame, _ = build_geodataframe(load_events(BAD / "formula_cells.csv", BAD / "sources.csv"), offline_chain)
    return frame


def test_geojson_round_trips_through_geopandas(gdf, tmp_path, engine):
    path = write_geojson(gdf, tmp_path / "events.geojson", engine=engine)
    data = json.loads(path.read_text())
    assert data["type"] == "FeatureCollection" and "crs" not in data
    back = gpd.read_file(path)
    assert back.crs.to_epsg() == 4326
    assert list(back.event_id) == list(gdf.event_id)
    for a, b in zip(back.geometry, gdf.geometry):
        assert a.equals_exact(b, 1e-9)
    # RFC 7946: longitude first
    e3 = next(f for f in data["features"] if f["properties"]["event_id"] == "E-3")
    assert e3["geometry"] == {"type": "Point", "coordinates": [70.25, 33.5]}
    e2 = next(f for f in data["features"] if f["properties"]["event_id"] == "E-2")
    assert e2["geometry"]["type"] in ("LineString", "MultiLineString")
    assert e2["properties"]["fatalities_low"] == 2 and e2["properties"]["injuries"] is None
    assert e3["properties"]["source_refs"][1]["source_id"] == "S2"


def test_csv_has_coordinates_and_acled_columns(gdf, tmp_path, engine):
    path = write_csv(gdf, tmp_path / "events.csv", engine=engine)
    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    assert {
        "latitude",
        "longitude",
        "acled_event_type",
        "acled_sub_event_type",
        "geometry_type",
        "source_publishers",
        "source_titles",
        "source_urls",
    } <= set(rows[0])
    by_id = {r["event_id"]: r for r in rows}
    assert (by_id["E-3"]["latitude"], by_id["E-3"]["longitude"]) == ("33.5", "70.25")
    assert by_id["E-3"]["acled_event_type"] == "Explosions/Remote violence"
    assert by_id["E-3"]["acled_sub_event_type"] == "Shelling/artillery/missile attack"
    assert by_id["E-1"]["acled_event_type"] == "Strategic developments"
    assert by_id["E-2"]["geometry_type"] in ("LineString", "MultiLineString")
    assert by_id["E-2"]["latitude"] and by_id["E-2"]["longitude"]
    assert by_id["E-3"]["source_publishers"] == "Frontier Desk | Valley Wire"


def test_csv_formula_injection_is_defused(formula_gdf, tmp_path, engine):
    path = write_csv(formula_gdf, tmp_path / "events.csv", engine=engine)
    row = {r["event_id"]: r for r in csv.DictReader(open(path, encoding="utf-8", newline=""))}["OK-3"]
    assert row["sub_event_type"] == "'=1+2"
    assert row["actor1"] == "'+Pakistan"
    assert row["actor2"] == "'@SUM(A1)"
    assert row["note"] == '\'=HYPERLINK("http://evil.example/")'
    assert row["excerpt"] == "'-2+3"
    for r in csv.DictReader(open(path, encoding="utf-8", newline="")):
        for key, cell in r.items():
            assert not cell.lstrip(" ").startswith(("=", "+", "@", "\t", "\r")), (key, cell)
            if cell.startswith("-"):
                float(cell)  # only numbers may start with a minus


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1", "'=1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        (" =1", "' =1"),
        ("a=1", "a=1"),
        ("", ""),
        (5, 5),
        (-70.5, -70.5),
        (None, None),
    ],
)
def test_defuse(value, expected):
    assert defuse(value) == expected


def test_geojson_keeps_hostile_text_as_data(formula_gdf):
    data = to_geojson_dict(formula_gdf)
    note = next(f for f in data["features"] if f["properties"]["event_id"] == "OK-3")["properties"]["note"]
    assert note == '=HYPERLINK("http://evil.example/")'  # JSON is data: no prefix


def test_gpkg(gdf, tmp_path):
    path = write_gpkg(gdf, tmp_path / "events.gpkg")
    back = gpd.read_file(path, layer="events")
    assert back.crs.to_epsg() == 4326 and len(back) == 3
    assert "sources_json" not in back.columns
    assert set(back.geometry.geom_type) >= {"Point"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_cli_gpkg(tmp_path, geomap_cache, capsys):
    out = tmp_path / "out"
    assert (
        main(
            [
                "build",
                "--events",
                str(BAD / "good.csv"),
                "--sources",
                str(BAD / "sources.csv"),
                "--out",
                str(out),
                "--gpkg",
                "--quiet",
            ]
        )
        == 0
    )
    assert len(gpd.read_file(out / "events.gpkg")) == 2
    assert (
        main(
            [
                "build",
                "--events",
                str(BAD / "good.csv"),
                "--sources",
                str(BAD / "sources.csv"),
                "--out",
                str(tmp_path / "o2"),
                "--quiet",
            ]
        )
        == 0
    )
    assert not (tmp_path / "o2" / "events.gpkg").exists()


def test_output_stays_proportional_to_input(tmp_path, geomap_cache, capsys):
    """Issue 11, case 13: 'S1;S1;...' with a huge source title made each row
    carry the title once per repeat (1 MB in, 12.8 GB out). Ids are now
    deduplicated and long source fields capped, so the exports grow with the
    input: byte counts, not timings."""
    title = "A very long headline " * 2000  # 42 KB
    (tmp_path / "sources.csv").write_text(
        "source_id,publisher,title,published,url\n"
        f"S1,Frontier Desk,{title},2025-03-01,https://example.org/{'p' * 5000}\n"
        "S2,Valley Wire,Talks in the capital,2025-03-05,\n"
    )
    good = (BAD / "good.csv").read_text().splitlines()
    row = good[1].replace(",S1,", "," + ";".join(["S1"] * 40 + ["S2"]) + ",")
    rows = [row.replace("OK-1", f"OK-{i}") for i in range(300)]
    events = tmp_path / "events.csv"
    events.write_text("\n".join([good[0], *rows]) + "\n")
    size_in = events.stat().st_size + (tmp_path / "sources.csv").stat().st_size
    assert main(["build", "--events", str(events), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    out = tmp_path / "out"
    exports = (out / "events.csv").stat().st_size + (out / "events.geojson").stat().st_size
    # before: 300 rows x 41 repeats x 42 KB = 520 MB per export
    assert exports < 10 * size_in, (exports, size_in)
    # the page carries each source once: its data grows like the input
    assert main(["build", "--events", str(BAD / "good.csv"), "--out", str(tmp_path / "base"), "--quiet"]) == 0
    page = (out / "map.html").stat().st_size - (tmp_path / "base" / "map.html").stat().st_size
    assert page < 5 * size_in, (page, size_in)
    with open(out / "events.csv", newline="", encoding="utf-8") as fh:
        first = next(csv.DictReader(fh))
    assert first["sources"] == "S1;S2"


@pytest.mark.parametrize(
    "text",
    [
        '[{"source_id": "a", "title": "caf\\u00e9 \\"x\\""}]',
        '[{"a": 1, "b": 2, "a": 3}]',
        '[{"n": 12345678901234567890123}]',  # orjson would read a float
        '[{"n": NaN}]',  # orjson refuses
        '[{"t": "\\ud800"}]',  # a lone surrogate: orjson refuses
        '[{"n": 1e400}]',
        '{"not": "a list"}',
        "[]",
    ],
)
def test_sources_parsed_as_json_reads_them(text):
    from geomap.export import _loads

    got, want = _loads(text), json.loads(text)
    assert repr(got) == repr(want)  # repr: NaN != NaN, and int vs float shows
