"""Atomic writes: the old file stays until the new one is complete."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from geomap.atomic import atomic_path, pid_alive, remove_stale, write_bytes, write_text


def hidden(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_write_replaces_and_leaves_no_temp(tmp_path):
    path = tmp_path / "sub" / "a.txt"
    write_text(path, "one")
    write_text(path, "two")
    assert path.read_text() == "two"
    assert hidden(path.parent) == []


def test_failure_keeps_the_old_file(tmp_path):
    path = tmp_path / "map.html"
    write_text(path, "old")
    with pytest.raises(RuntimeError):
        with atomic_path(path) as tmp:
            tmp.write_text("half a ne")
            raise RuntimeError("killed mid-write")
    assert path.read_text() == "old"
    assert hidden(tmp_path) == []


def test_temp_keeps_suffix_and_pid(tmp_path):
    with atomic_path(tmp_path / "events.gpkg") as tmp:
        assert tmp.name.startswith(f".events.gpkg.{os.getpid()}.")
        assert tmp.name.endswith(".tmp.gpkg") and not tmp.exists()
        tmp.write_bytes(b"x")
    assert (tmp_path / "events.gpkg").read_bytes() == b"x"


def test_new_files_are_not_private(tmp_path):
    mask = os.umask(0o022)
    try:
        path = write_bytes(tmp_path / "map.html", b"<html>")
    finally:
        os.umask(mask)
    # mkstemp alone would give 0600, unreadable for a web server
    assert stat.S_IMODE(path.stat().st_mode) & 0o044 == 0o044
    path.chmod(0o640)
    write_bytes(path, b"<html>2")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # an existing mode is kept


def test_remove_stale_only_removes_dead_writers(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(dead.stdout)
    assert not pid_alive(dead_pid)
    stale = tmp_path / f".map.html.{dead_pid}.abc123.tmp.html"
    live = tmp_path / f".map.html.{os.getpid()}.def456.tmp.html"
    other = tmp_path / "notes.123.tmp"
    for p in (stale, live, other):
        p.write_text("x")
    assert remove_stale(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])
    assert pid_alive(os.getpid()) and not pid_alive(0)
