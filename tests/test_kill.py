"""Kill `python -m geomap build` (SIGKILL) at several moments: the output
folder shows one build whole, the previous one or the new one, never files
of both (issue 11, case 9); the geocoding cache stays readable, and no
temporary file shows up as an output.

Two datasets tell old from new: A has 20 000 rows, B 20 001. A full build
takes about four seconds; kills land at fixed fractions of it and at moments
found by watching the output folder (staging started, publishing started).
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap.geocoders.cache import STORE_NAME, SqliteStore

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]

BAD = Path(__file__).parent / "data" / "bad"
HEADER = (BAD / "good.csv").read_text().splitlines()[0]
PLACES = [
    "Torkham",
    "Chaman",
    "Kabul",
    "Spin Boldak",
    "Peshawar",
    "Quetta",
    "Khost",
    "Jalalabad",
    "Angoor Adda",
    "Ghulam Khan",
]
TYPES = ["armed_clash", "airstrike", "explosion", "border_closure", "trade_disruption", "talks", "fortification"]
OUTPUTS = {"embed.html", "events.csv", "events.geojson", "map.html", "rejected.csv", "summary.json", "unlocated.csv"}
#: The same bytes in every build here (no row rejected, every place known): old or new alike.
SAME_IN_ALL = {"embed.html", "rejected.csv", "unlocated.csv"}


def synthetic(path: Path, n: int, seed: int, places=PLACES) -> Path:
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEADER + "\n")
        for i in range(n):
            fh.write(
                f"K-{i:06d},{rnd.choice(TYPES)},,2025-{rnd.randint(1, 12):02d}-"
                f"{rnd.randint(1, 28):02d},day,{rnd.choice(places)},,,,1,,,"
                f"{rnd.randint(0, 9)},,,,S1,curated,synthetic row {i} of {n},\n"
            )
    return path


@pytest.fixture
def setup(tmp_path, fixture_index):
    from geomap.geocoders import geonames

    cache = tmp_path / "cache"
    cache.mkdir()
    env = dict(os.environ, GEOMAP_CACHE=str(cache), PYTHONUNBUFFERED="1")
    # the default index name, so the subprocess finds the fixture and builds nothing
    name = geonames.default_index_path().name
    shutil.copy(fixture_index, cache / name)
    shutil.copy(BAD / "sources.csv", tmp_path / "sources.csv")
    a = synthetic(tmp_path / "a.csv", 20_000, 1)
    b = synthetic(tmp_path / "b.csv", 20_001, 2)
    return tmp_path, env, a, b


def start(env, cwd, *args, driver=None):
    cmd = [sys.executable, *(["-m", "geomap"] if driver is None else [str(driver)]), "build", *args, "--quiet"]
    return subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finish(proc, timeout=120):
    _, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err.decode(errors="replace")


def snapshot(out: Path) -> dict[str, bytes]:
    """Visible outputs; map.html without folium's random element id (B twice is B)."""
    return {
        p.name: re.sub(rb"map_[0-9a-f]{32}", b"map_X", p.read_bytes())
        for p in out.iterdir()
        if not p.name.startswith(".")
    }


def check_outputs(out: Path, old: dict[str, bytes], rows_new: int) -> str:
    """Every visible file is an output, complete, old or new. Returns 'old'/'new'/'mixed'."""
    now = snapshot(out)
    assert set(now) == OUTPUTS, f"stray or missing outputs: {sorted(set(now) ^ OUTPUTS)}"
    states = set()
    for name, data in now.items():
        if name in SAME_IN_ALL:  # tells nothing apart
            continue
        if data == old[name]:
            states.add("old")
            continue
        states.add("new")
        if name == "map.html":
            text = data.decode("utf-8")
            assert text.lstrip().lower().startswith("<!doctype html") and text.rstrip().endswith("</html>")
        elif name == "events.geojson":
            assert len(json.loads(data)["features"]) == rows_new
        elif name == "events.csv":
            rows = list(csv.DictReader(data.decode("utf-8").splitlines()))
            assert len(rows) == rows_new and rows[-1]["geometry_type"] == "Point"
        elif name == "summary.json":
            assert json.loads(data)["rows_read"] == rows_new
    return "mixed" if len(states) == 2 else states.pop()


def kill_when(proc, condition, limit=60.0) -> bool:
    """SIGKILL ``proc`` as soon as ``condition()`` holds; False if it ended first."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            hit = condition()
        except OSError:  # a file vanished between listing and stat
            hit = False
        if hit:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.001)
    proc.kill()
    proc.wait()
    return True


def test_kill_build_keeps_previous_outputs(setup):
    tmp, env, a, b = setup
    out = tmp / "out"
    t0 = time.monotonic()
    finish(start(env, tmp, "--events", str(a), "--out", str(out)))
    duration = time.monotonic() - t0
    old = snapshot(out)
    assert set(old) == OUTPUTS

    def staging_exists():
        return any(p.name.startswith(".geomap-build.") for p in out.iterdir())

    def staged(name):
        return lambda: any((p / name).exists() for p in out.iterdir() if p.name.startswith(".geomap-build."))

    geojson_inode = (out / "events.geojson").stat().st_ino

    def publishing():  # the first rename into out/ has happened
        return (out / "events.geojson").stat().st_ino != geojson_inode

    moments = [("t", f) for f in (0.1, 0.5, 0.9)]

    def renamed():  # the staging folder became a generation, not shown yet
        shown = os.readlink(out / ".geomap-current")
        return any(p.name.startswith(".geomap-gen.") and p.name != shown for p in out.iterdir())

    moments += [
        ("staging", staging_exists),
        ("staged map", staged("map.html")),
        ("staged summary", staged("summary.json")),
        ("renamed", renamed),
        ("publishing", publishing),
    ]
    states = []
    for label, when in moments:
        proc = start(env, tmp, "--events", str(b), "--out", str(out))
        if label == "t":
            time.sleep(when * duration)
            killed = proc.poll() is None
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        else:
            killed = kill_when(proc, when)
        state = check_outputs(out, old, 20_001)
        states.append((label, killed, state))
        if state != "old":  # B got (partly) published: it is the "old" one from now on
            old = snapshot(out)
            geojson_inode = (out / "events.geojson").stat().st_ino
    assert any(killed and state == "old" for _, killed, state in states), states
    assert all(state != "mixed" for _, _, state in states), states
    # a build after the kills clears their hidden leftovers
    finish(start(env, tmp, "--events", str(a), "--out", str(out)))
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(OUTPUTS)
    hidden = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert hidden[:2] == [".geomap-build.lock", ".geomap-current"] and len(hidden) == 3, hidden
    assert check_outputs(out, {k: b"" for k in OUTPUTS}, 20_000) == "new"


DRIVER = '''\
"""geomap build --online with a fake Nominatim: fast answers, no network."""
import socket, sys
from types import SimpleNamespace

def refuse(*a, **k):
    raise OSError("network blocked in the kill test")

socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from geomap.geocoders import nominatim

class FakeNominatim:
    def __init__(self, *a, **k):
        pass

    def geocode(self, query, **kw):
        n = sum(map(ord, query))
        return SimpleNamespace(latitude=31 + n % 300 / 100, longitude=66 + n % 500 / 100,
                               raw={"addresstype": "village", "osm_type": "node", "osm_id": n,
                                    "address": {"country_code": "pk"}})

class NoDelay:  # the 1 s limit is tested elsewhere; here the cache should churn
    def __init__(self, func, **kw):
        self.func = func

    def __call__(self, *a, **k):
        return self.func(*a, **k)

nominatim.Nominatim = FakeNominatim
nominatim.RateLimiter = NoDelay

from geomap.cli import main
sys.exit(main(sys.argv[1:]))
'''


def stored_answers(path: Path) -> int:
    """Answers in the store as another process sees them (0 while it is locked)."""
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.05)
        try:
            return conn.execute("SELECT count(*) FROM answers").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # locked by a write, or the table not made yet
        return 0


def test_kill_during_online_geocoding_keeps_the_cache_readable(setup):
    tmp, env, a, _ = setup
    driver = tmp / "driver.py"
    driver.write_text(DRIVER)
    out = tmp / "out"
    finish(
        start(
            env,
            tmp,
            "--events",
            str(BAD / "good.csv"),
            "--sources",
            str(BAD / "sources.csv"),
            "--out",
            str(out),
            driver=driver,
        )
    )
    old = snapshot(out)
    hamlets = [f"Hamlet Qz{i:04d}" for i in range(1500)]
    many = synthetic(tmp / "hamlets.csv", 3000, 3, places=hamlets)
    store_path = Path(env["GEOMAP_CACHE"]) / STORE_NAME
    seen, killed = 0, []
    for _ in range(3):  # each build is killed once the store holds more than before
        proc = start(env, tmp, "--events", str(many), "--out", str(out), "--online", driver=driver)
        deadline = time.monotonic() + 120  # a bound for a loaded machine, not a timing
        while proc.poll() is None and time.monotonic() < deadline and stored_answers(store_path) <= seen:
            time.sleep(0.01)
        killed.append(proc.poll() is None)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert snapshot(out) == old or check_outputs(out, old, 3000)
        store = SqliteStore(store_path)  # rolls back a half-written answer, if any
        assert store.warnings == [] and store.persistent, store.warnings
        keys = store._conn.execute("SELECT backend, query, kind, countries FROM answers").fetchall()
        assert len(keys) >= max(seen, 1), (len(keys), seen)
        for key in keys:  # every entry complete: a Place with its coordinates and source
            place = store.get(key)
            assert key[0] == "nominatim" and place.name == key[1] and place.source
        assert store.warnings == []
        store.close()
        seen = len(keys)
    assert killed[0], "the first build ended before anything was stored"
    # no temporary file of ours; SQLite may leave its (no longer hot) journal
    visible = {p.name for p in store_path.parent.iterdir() if not p.name.startswith(".")}
    visible.discard(STORE_NAME + "-journal")
    assert visible == {STORE_NAME, *[p.name for p in store_path.parent.glob("geonames-*")]}
