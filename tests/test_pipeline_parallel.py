"""geomap.build with the exports written by a forked process (large builds).

The threshold is lowered to 0 so that small test files take the same path as
100k events: the outputs must not change, and a failing export must fail the
build (with the same exception) and leave the previous outputs alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import geomap.pipeline as build_mod
from geomap import export
from geomap.exc import BuildError
from geomap.pipeline import build, in_parallel

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

BAD = Path(__file__).parent / "data" / "bad"
SOURCES = BAD / "sources.csv"


def contents(folder: Path) -> dict[str, bytes]:
    # folium names its map element at random: equal pages up to that name
    return {
        p.name: re.sub(rb"map_[0-9a-f]{32}", b"map_X", p.read_bytes())
        for p in folder.iterdir()
        if not p.name.startswith(".")
    }


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def forked(monkeypatch):
    monkeypatch.setattr(build_mod, "PARALLEL_FROM", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def test_forked_exports_are_the_same_files(tmp_path, offline_chain, monkeypatch):
    plain = tmp_path / "plain"
    build(BAD / "unknown_place.csv", SOURCES, out=plain, chain=offline_chain)
    monkeypatch.setattr(build_mod, "PARALLEL_FROM", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    calls = []
    monkeypatch.setattr(build_mod.os, "fork", lambda real=os.fork: calls.append(1) or real())
    par = tmp_path / "par"
    result = build(BAD / "unknown_place.csv", SOURCES, out=par, chain=offline_chain)
    assert calls == [1, 1]  # one worker per export
    assert contents(par) == contents(plain)
    assert list(result.outputs) == ["geojson", "csv", "rejected", "unlocated", "map", "embed", "summary"]


def test_a_failing_forked_export_fails_the_build(tmp_path, offline_chain, forked, monkeypatch):
    out = tmp_path / "out"
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain)
    before, hidden_before = contents(out), hidden(out)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full in the child")

    monkeypatch.setattr(export, "write_csv", broken)
    with pytest.raises(RuntimeError, match="disk full in the child"):
        build(BAD / "unknown_place.csv", SOURCES, out=out, chain=offline_chain)
    assert contents(out) == before
    assert hidden(out) == hidden_before  # the shown build's own, no staging left


def test_an_os_error_in_the_child_is_a_build_error(tmp_path, offline_chain, forked, monkeypatch):
    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device", "events.geojson")

    monkeypatch.setattr(export, "write_geojson", no_space)
    with pytest.raises(BuildError, match="No space left on device"):
        build(BAD / "good.csv", SOURCES, out=tmp_path / "out", chain=offline_chain)


def test_in_parallel_runs_here_when_not_asked():
    done = []
    wait = in_parallel(lambda: done.append(os.getpid()), parallel=False)
    assert done == [os.getpid()]
    wait()


def test_a_child_that_dies_is_reported(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    wait = in_parallel(lambda: os._exit(3))
    with pytest.raises(BuildError, match="ended abnormally"):
        wait()


def test_the_worker_dies_with_its_parent(tmp_path):
    """A build killed while its exports are written leaves no writer behind."""
    pid_file = tmp_path / "worker.pid"
    script = (
        "import os, sys, time\n"
        "os.cpu_count = lambda: 2\n"
        "from geomap.pipeline import in_parallel\n"
        "def work():\n"
        f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(60)\n"
        "in_parallel(work)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        worker = int(pid_file.read_text())
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has died (its reaper is init)
