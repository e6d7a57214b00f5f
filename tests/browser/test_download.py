"""Download of the events shown: CSV and GeoJSON made in the page, formula cells defused."""

from __future__ import annotations

import csv
import io
import json

from conftest import open_map


def test_csv_and_geojson_of_the_shown_events(page, map_html, fixture_gdf):
    open_map(page, map_html)
    page.evaluate("geomap.setFilter({types: ['airstrike', 'fortification']})")
    want = set(fixture_gdf.loc[fixture_gdf.event_type.isin(["airstrike", "fortification"]), "event_id"])
    with page.expect_download() as dl:
        page.click(".geomap-download button[data-format='csv']")
    text = open(dl.value.path(), encoding="utf-8").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["event_id"] for r in rows} == want
    k2 = next(r for r in rows if r["event_id"] == "K-002")
    assert k2["fatalities"] == "8" and k2["source_publishers"] == "Frontier Daily"
    with page.expect_download() as dl:
        page.click(".geomap-download button[data-format='geojson']")
    gj = json.load(open(dl.value.path(), encoding="utf-8"))
    assert {f["properties"]["event_id"] for f in gj["features"]} == want
    border = next(f for f in gj["features"] if f["properties"]["event_id"] == "B-001")
    assert border["geometry"]["type"] in ("LineString", "MultiLineString")
    k2 = next(f for f in gj["features"] if f["properties"]["event_id"] == "K-002")
    assert k2["geometry"] == {"type": "Point", "coordinates": [70.2, 33.8]}


def test_formula_cells_are_defused_like_the_exports(page, map_html):
    from geomap.report import defuse

    open_map(page, map_html)
    for value in ["=1+1", "  +SUM(A1)", "-3 dead", "@cmd", "\tx", "Torkham", "a=b"]:
        assert page.evaluate("(v) => geomap.download.defuse(v)", value) == defuse(value)
    text = page.evaluate("""() => geomap.download.csv([Object.assign({}, geomap.visible[0],
      {note: '=HYPERLINK("http://x")', place: 'a,"b"'})])""")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["note"] == '\'=HYPERLINK("http://x")' and row["location"] == 'a,"b"'
