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
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
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


# ---------------------------------------------------------------- issue 11, case 6:
# an atomic replace must not turn a symlink, FIFO or device into a regular file


def test_write_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "events.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(os.path.relpath(target, tmp_path))
    chain = tmp_path / "chain.csv"  # a link to a link
    chain.symlink_to("link.csv")
    write_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == os.path.relpath(target, tmp_path)
    assert target.read_text() == "new"
    write_text(chain, "newer")
    assert chain.is_symlink() and link.is_symlink() and target.read_text() == "newer"
    assert hidden(tmp_path) == [] and hidden(shared) == []


def test_a_dangling_symlink_gets_its_target_created(tmp_path):
    link = tmp_path / "out.csv"
    link.symlink_to("real.csv")
    write_bytes(link, b"x")
    assert link.is_symlink() and (tmp_path / "real.csv").read_bytes() == b"x"


def test_atomic_path_through_a_symlink_keeps_the_suffix(tmp_path):
    target = tmp_path / "data.gpkg"
    target.write_bytes(b"old")
    link = tmp_path / "link.gpkg"
    link.symlink_to(target.name)
    with atomic_path(link) as tmp:
        assert tmp.parent == tmp_path and tmp.name.endswith(".tmp.gpkg")
        tmp.write_bytes(b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


def read_fifo_in_background(fifo):
    import threading

    got = {}

    def reader():
        with open(fifo, "rb") as fh:
            got["data"] = fh.read()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread, got


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("how", ["write_bytes", "atomic_path"])
def test_a_fifo_is_written_into_not_replaced(tmp_path, how):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, got = read_fifo_in_background(fifo)
    if how == "write_bytes":
        write_bytes(fifo, b"a,b\n1,2\n")
    else:
        with atomic_path(fifo) as tmp:
            tmp.write_bytes(b"a,b\n1,2\n")
    thread.join(10)
    assert got["data"] == b"a,b\n1,2\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert hidden(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_extract_to_a_fifo_or_a_link_keeps_the_node(tmp_path, geomap_cache, capsys):
    from pathlib import Path

    from geomap.cli import main

    article = Path(__file__).parent / "data" / "bad" / "articles" / "no_event.md"
    fifo = tmp_path / "drafts.pipe"
    os.mkfifo(fifo)
    thread, got = read_fifo_in_background(fifo)
    assert main(["extract", str(article), "-o", str(fifo), "--quiet"]) == 0
    thread.join(10)
    assert got["data"].startswith(b"doc_id,") and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    target = tmp_path / "real.csv"
    target.write_text("doc_id,event_type\nold,talks\n")  # earlier drafts (extract writes over drafts only)
    link = tmp_path / "drafts.csv"
    link.symlink_to(target)
    assert main(["extract", str(article), "-o", str(link), "--quiet"]) == 0
    assert link.is_symlink() and target.read_text().startswith("doc_id,") and "old" not in target.read_text()


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_claim_refuses_a_second_holder_and_leaves_nothing_behind(tmp_path, monkeypatch):
    from geomap.atomic import claimed

    def busy(lock_file, pid):
        return RuntimeError(f"busy {lock_file.name} {pid}")

    target = tmp_path / "drafts"
    with claimed(target, busy) as lock_file:
        assert lock_file == tmp_path / ".drafts.lock" and lock_file.exists()
        with pytest.raises(RuntimeError, match=rf"busy \.drafts\.lock {os.getpid()}"):
            with claimed(target, busy):
                pass
    assert list(tmp_path.iterdir()) == []
    # another user's lock file, left by a killed run, that this user may only read: locked all the same
    (tmp_path / ".drafts.lock").write_text("")
    real_open = os.open

    def no_write(path, flags, *a):
        if flags & os.O_RDWR:
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *a)

    monkeypatch.setattr(os, "open", no_write)
    with claimed(target, busy):
        pass
