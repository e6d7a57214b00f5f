"""``geomap import`` killed (SIGKILL) at every step of writing its pair:
geomap then reads the old events.csv with the old sources.csv, or the new
with the new, never events citing sources that vanished (geomap.filepair)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from geomap import filepair
from geomap.curated import load_events

DATASETS = Path(__file__).parent / "data" / "datasets"
OLD, NEW = DATASETS / "acled_2024.csv", DATASETS / "points.csv"

#: Runs ``geomap import`` and SIGKILLs itself just before the STEP-th
#: ``os.replace`` (1: the journal, 2 and 3: the staged files) or, with STEP
#: 4, just before the journal is removed: every moment of the commit.
DRIVER = """\
import os, signal, sys
step = int(sys.argv[1]); calls = [0]
real_replace, real_unlink = os.replace, os.unlink
def replace(src, dst, **kw):
    calls[0] += 1
    if calls[0] == step:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(src, dst, **kw)
def unlink(path, **kw):
    if step == 4 and str(path).endswith(".pair") and not str(path).endswith(".tmp.pair"):
        os.kill(os.getpid(), signal.SIGKILL)
    return real_unlink(path, **kw)
os.replace, os.unlink = replace, unlink
from geomap.cli import main
sys.exit(main(["import", sys.argv[2], "-o", sys.argv[3]]))
"""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _import(path: Path, out: Path) -> None:
    from geomap.importers.write import import_file

    import_file(path, out)


def _ids(events: Path) -> set[str]:
    es = load_events(events)
    unknown = [p for p in es.report.problems if "source" in p.reason and "unknown" in p.reason.lower()]
    assert not unknown, unknown
    cited = {s for e in es.events for s in e.sources}
    assert cited <= set(es.sources), cited - set(es.sources)
    return {e.event_id for e in es.events}


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_import_killed_leaves_old_or_new_pair(tmp_path, step):
    out = tmp_path / "imported" / "events.csv"
    _import(NEW, tmp_path / "new" / "events.csv")
    new_ids = _ids(tmp_path / "new" / "events.csv")
    _import(OLD, out)
    old_ids = _ids(out)
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run([sys.executable, str(driver), str(step), str(NEW), str(out)], env=env, capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode(errors="replace")
    assert [p for p in out.parent.iterdir() if p.name.endswith((".staged", ".pair"))]  # killed mid-write
    # the journal (written at step 1) is the commit: from step 2 on, the new pair
    assert _ids(out) == (old_ids if step == 1 else new_ids)
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".pair")]
    # the next import finds a folder it may replace, and clears the dead run's staged files
    _import(OLD, out)
    assert _ids(out) == old_ids
    assert not [p for p in out.parent.iterdir() if p.name.endswith((".pair", ".staged"))]


def test_finish_refuses_a_commit_it_cannot_complete(tmp_path):
    events, sources = tmp_path / "events.csv", tmp_path / "sources.csv"
    events.write_text("old events\n")
    sources.write_text("old sources\n")
    staged = tmp_path / ".events.csv.999999999.ab.staged"
    staged.write_text("new events\n")
    journal = tmp_path / ".events.csv.999999999.ab.pair"
    journal.write_text(f'[["{staged}", "{events}"], ["{tmp_path / "gone.staged"}", "{sources}"]]')
    assert filepair.finish(events) == 1  # a staged file already renamed is skipped
    assert events.read_text() == "new events\n" and not journal.exists()
    journal.write_text("not json")
    with pytest.raises(Exception, match="interrupted write"):
        filepair.finish(events)


def test_write_together_through_links_and_into_a_pipe(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "sources.csv").write_text("old")
    link = tmp_path / "sources.csv"
    link.symlink_to(real / "sources.csv")
    filepair.write_together({tmp_path / "events.csv": b"E", link: b"S", Path(os.devnull): b"ignored"})
    assert link.is_symlink() and (real / "sources.csv").read_bytes() == b"S"
    assert (tmp_path / "events.csv").read_bytes() == b"E"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "real", "sources.csv"]


def test_write_together_refuses_one_file_named_twice(tmp_path):
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    with pytest.raises(ValueError, match="are one file"):
        filepair.write_together({tmp_path / "a.csv": b"1", tmp_path / "b.csv": b"2"})
    assert [p.name for p in tmp_path.iterdir()] == ["b.csv"]


def test_finish_keeps_the_staged_files_of_another_pairs_commit(tmp_path):
    """Two pairs in one folder: finishing one must not remove what the other's journal still needs."""
    for name in ("a.csv", "a_src.csv", "b.csv", "b_src.csv"):
        (tmp_path / name).write_text("old\n")
    gone = 2**22 + 12345  # a process id that does not run: the writer was killed
    while filepair.pid_alive(gone):
        gone += 1
    staged = []
    for name in ("b.csv", "b_src.csv"):
        tmp = tmp_path / f".{name}.{gone}.abcd0123.staged"
        tmp.write_text("new\n")
        staged.append([str(tmp), str(tmp_path / name)])
    (tmp_path / f".b.csv.{gone}.abcd0123.pair").write_text(json.dumps(staged))
    assert filepair.finish(tmp_path / "a.csv") == 0
    assert filepair.finish(tmp_path / "b.csv") == 1
    assert (tmp_path / "b.csv").read_text() == (tmp_path / "b_src.csv").read_text() == "new\n"
