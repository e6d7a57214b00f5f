"""GeoParquet drafts: written by extract --parquet, read by build --events DIR."""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.cli import main
from geomap.parallel.store import read_drafts_parquet

DEV = Path(__file__).parent / "data" / "news_dev"
DEV2 = Path(__file__).parent / "data" / "news_dev2"
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pq")
    assert (
        main(
            [
                "extract",
                str(DEV / "articles"),
                "--jobs",
                "2",
                "--quiet",
                "-o",
                str(tmp / "drafts.csv"),
                "--parquet",
                str(tmp / "drafts"),
            ]
        )
        == 0
    )
    return tmp


def test_geoparquet_is_readable_by_geopandas(extracted):
    import geopandas as gpd

    files = sorted((extracted / "drafts").glob("*.parquet"))
    assert [f.name for f in files] == ["part-00000.parquet"]
    assert not (extracted / "drafts" / "_checkpoint").exists()
    gdf = gpd.read_parquet(files[0])
    assert gdf.crs.to_epsg() == 4326 and gdf.geometry.geom_type.eq("Point").all()
    with open(extracted / "drafts.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(gdf) == len(rows)
    assert list(gdf.doc_id) == [r["doc_id"] for r in rows]
    assert gdf.latitude.dtype == "float64" and str(gdf.fatalities.dtype) == "Int64"


def test_build_reads_the_drafts_folder(extracted, tmp_path):
    out = tmp_path / "site"
    assert main(["build", "--events", str(extracted / "drafts"), "--out", str(out), "--quiet"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    with open(extracted / "drafts.csv", newline="", encoding="utf-8") as fh:
        n = sum(1 for _ in csv.DictReader(fh))
    assert summary["drafts_extracted"] == n
    assert n == (
        summary["drafts_on_map"] + summary["drafts_merged"] + summary["drafts_rejected"] + summary["drafts_not_placed"]
    )
    assert summary["rows_read"] == 0 and summary["events_on_map"] == summary["drafts_on_map"] > 0


def test_build_articles_with_jobs_equals_one_process(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["build", "--articles", str(DEV / "articles"), "--out", str(one), "--quiet"]) == 0
    assert main(["build", "--articles", str(DEV / "articles"), "--jobs", "2", "--out", str(two), "--quiet"]) == 0
    assert (one / "events.csv").read_bytes() == (two / "events.csv").read_bytes()
    s1, s2 = (json.loads((d / "summary.json").read_text()) for d in (one, two))
    assert s1 == s2


def test_removing_a_checkpoint_spares_files_that_are_not_its_own(tmp_path):
    # the default checkpoint, OUTPUT.checkpoint, was removed whole after a run: a folder of the
    # user's of that name went with it
    from geomap.parallel.store import MANIFEST, Checkpoint

    folder = tmp_path / "drafts.csv.checkpoint"
    folder.mkdir()
    (folder / "mine.txt").write_text("notes\n")
    ck = Checkpoint(folder, "settings")
    (folder / "part-00000-abc.pkl").write_bytes(b"x")
    (folder / MANIFEST).write_text("{}")
    ck.remove()
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]
    (folder / "mine.txt").unlink()
    Checkpoint(folder, "settings").remove()
    assert not folder.exists()  # its own folder goes once empty


KILL_DRIVER = """\
'''geomap extract --parquet, killed (SIGKILL) at the moment named in argv[1].'''
import os, signal, sys
import geomap.parallel.store as store

store.ROWS_PER_FILE = 3  # several part files, as a large run writes
moment = sys.argv.pop(1)
real_write, real_publish = store._write_part, store._publish
written = []

def write_then_die(frame, path):
    real_write(frame, path)
    written.append(path)
    if moment == "between-parts" and len(written) == 2:
        os.kill(os.getpid(), signal.SIGKILL)

def publish_then_die(staging, real):
    old = real_publish(staging, real)
    if moment == "after-the-swap":
        os.kill(os.getpid(), signal.SIGKILL)
    return old

store._write_part, store._publish = write_then_die, publish_then_die
from geomap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _extract_parquet(articles, folder: Path, csv_path: Path) -> int:
    return main(["extract", str(articles), "--quiet", "-o", str(csv_path), "--parquet", str(folder)])


@pytest.fixture
def small_parts(monkeypatch):
    from geomap.parallel import store

    monkeypatch.setattr(store, "ROWS_PER_FILE", 3)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("moment", ["between-parts", "after-the-swap"])
def test_a_killed_parquet_write_leaves_one_run_whole(moment, tmp_path, small_parts, monkeypatch):
    # part files were replaced one by one: a run killed among them left new and old part files side by
    # side, and dask, DuckDB or 'geomap build --events DIR' read a mix of two runs
    from geomap.parallel import run, store

    folder = tmp_path / "drafts"
    assert _extract_parquet(DEV2 / "articles", folder, tmp_path / "a.csv") == 0
    first = read_drafts_parquet(folder)
    assert _extract_parquet(DEV / "articles", tmp_path / "ref", tmp_path / "ref.csv") == 0
    second = read_drafts_parquet(tmp_path / "ref")
    assert first and second and first != second and len(list(folder.glob("*.parquet"))) > 1
    driver = tmp_path / "driver.py"
    driver.write_text(KILL_DRIVER)
    args = ["extract", str(DEV / "articles"), "--quiet", "-o", str(tmp_path / "b.csv"), "--parquet", str(folder)]
    proc = subprocess.run([sys.executable, str(driver), moment, *args], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    # one run whole: the earlier one before the swap, the new one after it
    assert read_drafts_parquet(folder) == (first if moment == "between-parts" else second)
    if moment == "between-parts":
        # every partition was finished: the checkpoint makes the next run write the files only
        assert json.loads((folder / "_checkpoint" / store.MANIFEST).read_text())["partitions"]

        def forbidden(part, **kw):
            assert not part.units, "a partition extracted again"
            return real(part, **kw)

        real = run.extract_partition
        monkeypatch.setattr(run, "extract_partition", forbidden)
    assert _extract_parquet(DEV / "articles", folder, tmp_path / "b.csv") == 0
    assert read_drafts_parquet(folder) == second
    assert (tmp_path / "b.csv").read_bytes() == (tmp_path / "ref.csv").read_bytes()
    # nothing left behind: no hidden folders of the killed run, no checkpoint
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv", "drafts", "driver.py", "ref", "ref.csv"]
    assert sorted(p.name for p in folder.iterdir()) == [p.name for p in sorted((tmp_path / "ref").iterdir())]


def test_a_parquet_folder_holding_other_files_is_refused(tmp_path, capsys):
    # the folder is replaced whole by the new one: a file of the user's there would be left behind in a
    # hidden folder
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    assert _extract_parquet(DEV2 / "articles", folder, tmp_path / "d.csv") == 1
    assert "holds notes.txt, which geomap did not write" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"] and not (tmp_path / "d.csv").exists()
    args = ["extract", str(DEV2 / "articles"), "--quiet", "--parquet", str(tmp_path / "p"), "--checkpoint"]
    assert main([*args, str(tmp_path / "p")]) == 1
    assert "also the --checkpoint folder" in capsys.readouterr().err


@pytest.mark.parametrize("exchange", [True, False])
def test_a_rerun_replaces_the_parts_keeps_a_link_and_a_given_checkpoint(exchange, tmp_path, small_parts, monkeypatch):
    from geomap.parallel import store

    if not exchange:  # a system without renameat2: two renames
        monkeypatch.setattr(store, "_exchange", lambda a, b: False)
    real = tmp_path / "real"
    assert _extract_parquet(DEV / "articles", real, tmp_path / "d.csv") == 0
    many = sorted(p.name for p in real.iterdir())
    (tmp_path / "link").symlink_to(real)
    ck = real / "keep"
    args = ["extract", str(DEV2 / "articles"), "--quiet", "-o", str(tmp_path / "d.csv")]
    assert main([*args, "--parquet", str(tmp_path / "link"), "--checkpoint", str(ck)]) == 0
    assert (tmp_path / "link").is_symlink() and (ck / store.MANIFEST).exists()  # a given checkpoint stays
    parts = sorted(p.name for p in real.glob("*.parquet"))
    assert len(parts) < len(many)  # fewer drafts: the older part files beyond them are gone
    rows = read_drafts_parquet(real)
    with open(tmp_path / "d.csv", newline="", encoding="utf-8") as fh:
        assert [r["doc_id"] for _, r in rows] == [r["doc_id"] for r in csv.DictReader(fh)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv", "link", "real"]


def test_writing_directly_moves_what_else_the_folder_held(tmp_path):
    # geomap.parallel.write_drafts_parquet is public: a file of the caller's in the folder comes along
    # into the new folder, not left behind in a hidden one
    from geomap.parallel import write_drafts_parquet

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    (folder / "part-00007.parquet").write_bytes(b"an older part")
    written = write_drafts_parquet([], folder)
    assert [p.name for p in written] == ["part-00000.parquet"]
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "part-00000.parquet"]
    assert (folder / "notes.txt").read_text() == "mine\n" and read_drafts_parquet(folder) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_parquet_folder_whose_parent_cannot_be_written_is_refused_before_reading(tmp_path, monkeypatch, capsys):
    # the part files are written beside the folder and swapped in: a read-only parent failed after the run
    import os

    from geomap.extract import io

    parent = tmp_path / "ro"
    (parent / "drafts").mkdir(parents=True)
    real_access = os.access
    monkeypatch.setattr(io.os, "access", lambda p, mode: Path(p) != parent and real_access(p, mode))
    assert _extract_parquet(DEV2 / "articles", parent / "drafts", tmp_path / "d.csv") == 1
    assert f"its parent folder {parent} cannot be written" in capsys.readouterr().err
    assert not (tmp_path / "d.csv").exists()


HOLD_DRIVER = """
'''geomap extract, paused after its first finished partition until the file argv[2] exists.'''
import os, sys, time
from pathlib import Path
import geomap.parallel.store as store

ready, go = Path(sys.argv.pop(1)), Path(sys.argv.pop(1))
real_save = store.Checkpoint.save

def save_then_wait(self, result):
    real_save(self, result)
    ready.write_text(str(os.getpid()))
    while not go.exists():
        time.sleep(0.05)

store.Checkpoint.save = save_then_wait
from geomap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _paused_run(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, Path]:
    """``geomap extract ARGS`` started in a child process, paused once a partition is extracted."""
    import time

    driver, ready, go = tmp_path / "hold.py", tmp_path / "ready", tmp_path / "go"
    driver.write_text(HOLD_DRIVER)
    proc = subprocess.Popen(
        [sys.executable, str(driver), str(ready), str(go), "extract", "--quiet", *args], stderr=subprocess.PIPE
    )
    while not ready.exists():  # waiting for the child, not timing it
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.05)
    return proc, go


def _finish(proc: subprocess.Popen, go: Path) -> None:
    go.write_text("")
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()


def _doc_ids(csv_path: Path) -> list[str]:
    with open(csv_path, newline="", encoding="utf-8") as fh:
        return [r["doc_id"] for r in csv.DictReader(fh)]


def test_a_second_run_into_one_parquet_folder_is_refused_while_the_first_runs(tmp_path, capsys):
    # two runs into one --parquet DIR shared its checkpoint and published in turn: the second's drafts
    # replaced the first's unseen, and the first's clean-up removed the checkpoint the second was using
    folder = tmp_path / "drafts"
    first, go = _paused_run(
        tmp_path, str(DEV / "articles"), "-o", str(tmp_path / "first.csv"), "--parquet", str(folder)
    )
    try:
        assert _extract_parquet(DEV2 / "articles", folder, tmp_path / "second.csv") == 1
        err = capsys.readouterr().err
        assert f"--parquet {folder}: another geomap run (pid {first.pid}) is writing there now" in err
        assert "nothing was read" in err and not (tmp_path / "second.csv").exists()
    finally:
        _finish(first, go)
    # the first run's drafts, whole; then the folder is free again, and no lock file is left beside it
    assert [r["doc_id"] for _, r in read_drafts_parquet(folder)] == _doc_ids(tmp_path / "first.csv")
    assert _extract_parquet(DEV2 / "articles", folder, tmp_path / "second.csv") == 0
    assert [r["doc_id"] for _, r in read_drafts_parquet(folder)] == _doc_ids(tmp_path / "second.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts", "first.csv", "go", "hold.py", "ready", "second.csv"]


def test_a_second_run_sharing_a_checkpoint_is_refused_while_the_first_runs(tmp_path, capsys):
    # '-o d.csv --jobs 2' keeps its partitions in d.csv.checkpoint: a second such run rewrote the first's
    # manifest, and the first's clean-up removed the second's partitions
    out = tmp_path / "d.csv"
    first, go = _paused_run(tmp_path, str(DEV / "articles"), "--jobs", "2", "-o", str(out))
    try:
        assert main(["extract", str(DEV2 / "articles"), "--quiet", "--jobs", "2", "-o", str(out)]) == 1
        assert f"-o {out}: another geomap run (pid {first.pid}) is writing there now" in capsys.readouterr().err
        ck = tmp_path / "ck"
        args = ["extract", str(DEV2 / "articles"), "--quiet", "--checkpoint", str(ck), "-o", str(tmp_path / "e.csv")]
        assert main(args) == 0  # a checkpoint of its own: runs at once
        assert main([*args[:-1], str(tmp_path / "f.csv")]) == 0  # kept (--checkpoint), reused by the next run
    finally:
        _finish(first, go)
    assert _doc_ids(out) and sorted(p.name for p in tmp_path.iterdir()) == [
        "ck", "d.csv", "e.csv", "f.csv", "go", "hold.py", "ready"
    ]  # fmt: skip


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_run_killed_while_it_holds_the_parquet_folder_does_not_block_the_next(tmp_path):
    folder = tmp_path / "drafts"
    first, _ = _paused_run(tmp_path, str(DEV / "articles"), "--parquet", str(folder))
    first.kill()
    first.wait(timeout=60)
    assert (tmp_path / ".drafts.lock").exists()  # left by the killed run, held by nobody
    assert _extract_parquet(DEV2 / "articles", folder, tmp_path / "d.csv") == 0
    assert not (tmp_path / ".drafts.lock").exists() and _doc_ids(tmp_path / "d.csv")


def test_a_new_nested_parquet_folder_and_checkpoint_are_made(tmp_path):
    # the claim's lock file is made beside the folder: its parent, not there yet, is made first
    args = ["extract", str(DEV2 / "articles"), "--quiet", "-o", str(tmp_path / "d.csv")]
    assert main([*args, "--parquet", str(tmp_path / "a" / "b" / "drafts")]) == 0
    assert main([*args, "--checkpoint", str(tmp_path / "c" / "d" / "ck")]) == 0
    assert [p.name for p in (tmp_path / "a" / "b").iterdir()] == ["drafts"]
    assert [p.name for p in (tmp_path / "c" / "d").iterdir()] == ["ck"]


def test_a_file_where_the_default_checkpoint_goes_is_refused_before_reading(tmp_path, capsys):
    # '-o d.csv --jobs 2' keeps its partitions in d.csv.checkpoint: a file of that name ended the run
    # with 'd.csv.checkpoint: File exists'
    (tmp_path / "d.csv.checkpoint").write_text("mine\n")
    args = ["extract", str(DEV2 / "articles"), "--quiet", "--jobs", "2", "-o", str(tmp_path / "d.csv")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "its checkpoint" in err and "is a file that geomap did not write" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv.checkpoint"]
    assert (tmp_path / "d.csv.checkpoint").read_text() == "mine\n"
