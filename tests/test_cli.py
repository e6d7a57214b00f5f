"""geomap.cli: what every command does when the system says no (one line, exit 1, no traceback)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from geomap.cli import main
from geomap.drafts import DRAFT_COLUMNS

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    "command",
    [
        ["extract", str(DATA / "articles"), "-o", "{blocked}/drafts.csv"],
        ["import", str(DATA / "datasets" / "acled_2024.csv"), "-o", "{blocked}/events.csv"],
        ["accept", "{drafts}", "--events", "{blocked}/events.csv"],
        ["figure", "--out", "{blocked}/out"],
    ],
    ids=lambda c: c[0],
)
def test_a_path_the_system_refuses_is_one_line_not_a_traceback(tmp_path, capsys, geomap_cache, command):
    # a file where a folder should be fails for root too (a read-only folder
    # or a full disk, the cases met in use, end in the same OSError)
    blocked = tmp_path / "a-file"
    blocked.write_text("mine\n")
    drafts = tmp_path / "drafts.csv"
    drafts.write_text(",".join(DRAFT_COLUMNS) + ",accept\n", encoding="utf-8")
    args = [a.format(blocked=blocked, drafts=drafts) for a in command]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"geomap {command[0]}: error: ") and "Traceback" not in err
    assert str(blocked) in err and len(err.strip().splitlines()) == 1
    assert blocked.read_text() == "mine\n"


@pytest.mark.parametrize(
    "command, named",
    [
        (["extract", str(DATA / "articles" / "shelling_kurram.md"), "-o", "{out}/drafts.csv"], "drafts.csv"),
        (["import", str(DATA / "datasets" / "points.csv"), "-o", "{out}/events.csv"], "events.csv"),
    ],
    ids=lambda c: c[0] if isinstance(c, list) else c,
)
def test_a_refused_write_names_the_users_file_not_a_temporary_one(tmp_path, capsys, monkeypatch, command, named):
    # a read-only folder named '.drafts.csv.4242.x1y2.tmp.csv', a file the user never asked for
    import errno
    import os

    real = os.replace

    def refuse(src, dst, **kw):
        if str(dst).startswith(str(tmp_path / "out")):
            raise OSError(errno.EROFS, "Read-only file system", str(src), str(dst))
        return real(src, dst, **kw)

    monkeypatch.setattr(os, "replace", refuse)
    assert main([a.format(out=tmp_path / "out") for a in command]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err == f"geomap {command[0]}: error: {tmp_path / 'out' / named}: Read-only file system", err


@pytest.mark.parametrize(
    "command",
    [
        ["extract", str(DATA / "articles" / "shelling_kurram.md"), "-o", "{ro}/drafts.csv"],
        ["import", str(DATA / "datasets" / "points.csv"), "-o", "{ro}/events.csv"],
        ["build", "--events", str(DATA / "datasets" / "points.csv"), "--out", "{ro}/out"],
        ["figure", "--events", str(DATA / "datasets" / "points.csv"), "--out", "{ro}"],
    ],
    ids=lambda c: c[0],
)
def test_a_read_only_folder_is_said_before_any_work(tmp_path, capsys, monkeypatch, command):
    # each failed only when writing, after the whole extraction, import or build
    # (root passes chmod, so os.access is made to say no, as on a read-only mount)
    import os

    import geomap.importers.combine

    ro = tmp_path / "ro"
    ro.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: Path(p) != ro and real(p, mode, **kw))
    monkeypatch.setattr(geomap.importers.combine, "load_all", None)  # reading would fail the test
    assert main([a.format(ro=ro) for a in command]) == 1
    err = capsys.readouterr().err
    assert "cannot be written" in err and "nothing was written" in err and "Traceback" not in err
    assert list(ro.iterdir()) == []


def test_a_full_disk_during_import_into_a_folder_names_the_events_file(tmp_path, capsys, monkeypatch):
    # a failed write() names no file: the line named the folder given ('out/'), not the file
    import errno

    import geomap.filepair

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(geomap.filepair, "_write_synced", full)
    assert main(["import", str(DATA / "datasets" / "points.csv"), "-o", f"{tmp_path / 'out'}/"]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err == f"geomap import: error: {tmp_path / 'out' / 'events.csv'}: No space left on device"
    assert [p.name for p in (tmp_path / "out").iterdir() if not p.name.endswith(".lock")] == []


@pytest.mark.parametrize("dash", [["-o", "-"], ["--output=-"]])
def test_import_to_stdout_is_refused_not_a_file_named_dash(tmp_path, capsys, monkeypatch, dash):
    # 'extract -o -' writes to stdout; 'import -o -' wrote a file named '-' and a sources.csv into
    # the working folder (over nothing of the user's only because sources.csv is checked)
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(DATA / "datasets" / "points.csv"), *dash]) == 1
    err = capsys.readouterr().err
    assert "geomap import writes two files" in err and "nothing was written" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("full", ["report", "drafts"])
def test_a_full_disk_under_the_report_names_the_report_not_the_drafts(tmp_path, capsys, monkeypatch, full):
    # a write() that fails names no file, and the line named the command's -o: the drafts written whole
    # were said to have failed, the report that did fail was not named
    import errno

    import geomap.atomic

    real = geomap.atomic.atomic_path

    @contextlib.contextmanager
    def full_disk(path):
        with real(path) as tmp:
            if Path(path).name == ("r.csv" if full == "report" else "d.csv"):
                raise OSError(errno.ENOSPC, "No space left on device")
            yield tmp

    monkeypatch.setattr(geomap.atomic, "atomic_path", full_disk)
    args = ["extract", str(DATA / "articles" / "shelling_kurram.md"), "--quiet", "-o", str(tmp_path / "d.csv")]
    assert main([*args, "--report", str(tmp_path / "r.csv")]) == 1
    failed = tmp_path / ("r.csv" if full == "report" else "d.csv")
    assert capsys.readouterr().err == f"geomap extract: error: {failed}: No space left on device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == (["d.csv"] if full == "report" else [])


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_device_that_is_full_is_named(tmp_path, capsys):
    args = ["extract", str(DATA / "articles" / "shelling_kurram.md"), "--quiet", "-o", str(tmp_path / "d.csv")]
    assert main([*args, "--report", "/dev/full"]) == 1
    assert capsys.readouterr().err == "geomap extract: error: /dev/full: No space left on device\n"


@pytest.mark.parametrize("name", ["events.xlsx", "events.csv.gz", "drafts.json"])
@pytest.mark.parametrize("command", ["import", "extract"])
def test_csv_text_is_not_written_under_another_formats_name(tmp_path, capsys, name, command):
    # '-o events.xlsx' wrote CSV text that Excel refused to open; '-o x.csv.gz' a file the
    # next build tried to unpack
    given = DATA / "datasets" / "points.csv" if command == "import" else DATA / "articles" / "shelling_kurram.md"
    assert main([command, str(given), "-o", str(tmp_path / name)]) == 1
    err = capsys.readouterr().err
    assert "what is written is CSV text; name it .csv" in err and "nothing was written" in err
    assert list(tmp_path.iterdir()) == []


def test_a_bbox_with_a_negative_west_is_a_value_not_an_option(tmp_path, capsys):
    # '--bbox -10,29,75,37' ended in "argument --bbox: expected one argument"
    points = str(DATA / "datasets" / "points.csv")
    assert main(["import", points, "--bbox", "-10,29,75,37", "-o", str(tmp_path / "a.csv")]) == 0
    assert main(["import", points, "--bbox", "-200,29,75,37", "-o", str(tmp_path / "b.csv")]) == 2
    assert "need -180 <= W < E <= 180" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # build checks it while reading the arguments
        main(["build", "--events", points, "--bbox", "-200,29,75,37", "--out", str(tmp_path / "o")])
    assert "need -180 <= W < E <= 180" in capsys.readouterr().err


def test_a_file_named_like_an_option_is_said_after_the_usage_error(tmp_path, capsys, monkeypatch):
    # 'geomap extract -dash.md' said only that ARTICLES were missing: argparse took the file for an option
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-dash.md").write_text("Guards traded fire at Torkham on 2 May 2024.\n")
    with pytest.raises(SystemExit) as done:
        main(["extract", "-dash.md", "-o", "d.csv"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "geomap: '-dash.md' is a file or folder, read as an option: write it ./-dash.md" in err
    assert main(["extract", "./-dash.md", "-o", "d.csv", "--quiet"]) == 0 and (tmp_path / "d.csv").exists()


def test_ctrl_c_before_the_command_starts_is_one_line_not_a_traceback(capsys, monkeypatch):
    import geomap.cli

    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(geomap.cli, "make_parser", interrupted)
    assert main(["build"]) == 130
    assert capsys.readouterr().err == "geomap: interrupted before starting (nothing was read or written)\n"


@pytest.mark.parametrize("command", ["build", "figure", "bench"])
@pytest.mark.parametrize("dash", [["--out", "-"], ["--out=-"]])
def test_build_figure_and_bench_to_stdout_are_refused_not_a_folder_named_dash(
    tmp_path, capsys, monkeypatch, command, dash
):
    # 'build --out -' made a folder named '-' in the working folder and built the map there
    # (as 'import -o -' wrote a file named '-'): a folder of files cannot go to stdout
    monkeypatch.chdir(tmp_path)
    assert main([command, *dash]) == 1
    err = capsys.readouterr().err
    assert f"--out -: geomap {command} writes " in err and ", so not to stdout" in err
    assert "nothing was written" in err
    assert list(tmp_path.iterdir()) == []
