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
