"""`geomap accept` loses nothing (issue 11, cases 3, 4, 5, 6 and 10).

Columns it does not know are kept; the drafts writer's formula defusing is
undone on the way in; a kill or a failed write between sources.csv and
events.csv leaves a valid dataset that a second run completes; two runs at
once both land (the dataset is locked); a symlinked events.csv stays a link.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap.cli import main
from geomap.curated import load_events
from geomap.drafts import DRAFT_COLUMNS, accept
from geomap.report import Report

EVENTS_HEADER = (
    "event_id,event_type,sub_event_type,event_date,date_precision,location,country,"
    "latitude,longitude,geo_precision,actor1,actor2,fatalities,fatalities_low,"
    "fatalities_high,injuries,sources,verified,note,excerpt"
)
CURATED_ROW = (
    "AFPK-0001,talks,negotiation,2025-03-19,day,Torkham,AF,34.102,71.093,1,"
    "Pakistan,Afghan Taliban,,,,,S1,curated,talks at the crossing,"
)


@pytest.fixture
def dataset(tmp_path):
    folder = tmp_path / "geodata"
    folder.mkdir()
    (folder / "sources.csv").write_text("source_id,publisher,title,published,url\nS1,Pub,Title one,2025-03-19,\n")
    (folder / "events.csv").write_text(EVENTS_HEADER + "\n" + CURATED_ROW + "\n")
    return folder


#: A new incident (a clash at Chaman), marked for acceptance.
CLASH = dict(
    doc_id="a1",
    event_type="armed_clash",
    sub_event_type="exchange_of_fire",
    event_date="2025-03-20",
    date_precision="day",
    location="Chaman",
    country="PK",
    latitude="30.92",
    longitude="66.45",
    geo_precision="1",
    confidence="0.8",
    excerpt="Guards traded fire.",
    source_title="T",
    source_publisher="P",
    source_published="2025-03-21",
    source_url="https://example.org/a1",
    accept="yes",
)


def draft(**over):
    return {**dict.fromkeys(DRAFT_COLUMNS, ""), **CLASH, **over}


def write_drafts(path: Path, rows) -> Path:
    """A drafts CSV as `geomap extract` writes it (formula-like cells defused)."""
    from geomap.extract.io import _defused

    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS) + ["accept"], lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow(_defused(row))
    return path


def table(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


# ---------------------------------------------------------------- case 3


def test_unknown_columns_are_kept_in_their_order(dataset, tmp_path):
    events, sources = dataset / "events.csv", dataset / "sources.csv"
    header = EVENTS_HEADER.split(",")
    header.insert(header.index("note"), "reviewer")
    row = CURATED_ROW.split(",")
    row.insert(header.index("reviewer"), "Nadia")
    # a quoted cell with a comma and a padded one: kept as they are
    row[header.index("note")] = "talks, at the crossing "
    with open(events, "w", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([header, row])
    sources.write_text("source_id,publisher,licence,title,published,url\nS1,Pub,CC BY,Title one,2025-03-19,\n")
    drafts = write_drafts(
        tmp_path / "drafts.csv",
        [
            draft(),  # a new event
            draft(
                doc_id="a2",
                event_type="talks",
                sub_event_type="negotiation",
                location="Torkham",
                country="AF",
                latitude="34.10",
                longitude="71.09",
            ),  # merged
        ],
    )
    assert accept(drafts, events) == ["AFPK-0002"]
    rows = table(events)
    assert rows[0] == header
    assert rows[1][header.index("reviewer")] == "Nadia"
    assert rows[1][header.index("note")] == "talks, at the crossing "
    assert rows[1][header.index("sources")] == "S1;doc:a2"
    assert rows[2][header.index("event_id")] == "AFPK-0002" and rows[2][header.index("reviewer")] == ""
    srows = table(sources)
    assert srows[0] == ["source_id", "publisher", "licence", "title", "published", "url"]
    assert srows[1] == ["S1", "Pub", "CC BY", "Title one", "2025-03-19", ""]
    assert [r[0] for r in srows[2:]] == ["doc:a1", "doc:a2"] and srows[2][2] == ""
    es = load_events(events, strict=True)
    assert [e.event_id for e in es.events] == ["AFPK-0001", "AFPK-0002"]


def test_missing_optional_columns_are_added_at_the_end(dataset, tmp_path):
    events = dataset / "events.csv"
    header = [c for c in EVENTS_HEADER.split(",") if c not in ("excerpt", "injuries")]
    row = dict(zip(EVENTS_HEADER.split(","), CURATED_ROW.split(",")))
    with open(events, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerows([header, [row[c] for c in header]])
    accept(write_drafts(tmp_path / "d.csv", [draft(injuries="3")]), events)
    rows = table(events)
    assert rows[0] == header + ["injuries", "excerpt"]
    assert rows[1][-2:] == ["", ""] and rows[2][-2:] == ["3", "Guards traded fire."]


# ---------------------------------------------------------------- case 10


def test_defused_cells_are_restored(dataset, tmp_path):
    drafts = write_drafts(
        tmp_path / "drafts.csv",
        [
            draft(
                source_publisher="@DawnNews",
                actor1="-TTP",
                excerpt="=1+1 is not a formula here",
                source_title="'Quoted' title",
                actor2="  +Pakistan",
            )
        ],
    )
    text = drafts.read_text()
    assert "'@DawnNews" in text and "'-TTP" in text  # the writer did defuse them
    accept(drafts, dataset / "events.csv")
    es = load_events(dataset / "events.csv", strict=True)
    new = es.events[-1]
    assert (new.actor1, new.actor2, new.excerpt) == ("-TTP", "+Pakistan", "=1+1 is not a formula here")
    src = es.sources["doc:a1"]
    assert src.publisher == "@DawnNews" and src.title == "'Quoted' title"


# ---------------------------------------------------------------- case 4

KILL_DRIVER = '''\
"""geomap accept, killed (SIGKILL) right before its second file write."""
import os, signal, sys
import geomap.drafts as drafts

real = drafts.write_text
calls = []

def write_then_die(path, text, *args, **kwargs):
    calls.append(str(path))
    if len(calls) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(path, text, *args, **kwargs)

drafts.write_text = write_then_die
from geomap.cli import main
sys.exit(main(sys.argv[1:]))
'''


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_between_the_two_writes_leaves_a_valid_dataset(dataset, tmp_path):
    driver = tmp_path / "driver.py"
    driver.write_text(KILL_DRIVER)
    events, sources = dataset / "events.csv", dataset / "sources.csv"
    drafts = write_drafts(
        tmp_path / "drafts.csv",
        [
            draft(),
            draft(
                doc_id="a2",
                event_type="talks",
                sub_event_type="negotiation",
                location="Torkham",
                country="AF",
                latitude="34.10",
                longitude="71.09",
            ),
        ],
    )
    proc = subprocess.run(
        [sys.executable, str(driver), "accept", str(drafts), "--events", str(events)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL
    es = load_events(events, strict=True)  # whatever was written, the pair is consistent
    assert [e.event_id for e in es.events] == ["AFPK-0001"]
    # a second run completes the job, without duplicating anything
    assert main(["accept", str(drafts), "--events", str(events)]) == 0
    es = load_events(events, strict=True)
    assert [e.event_id for e in es.events] == ["AFPK-0001", "AFPK-0002"]
    assert es.events[0].sources == ("S1", "doc:a2")
    ids = [r[0] for r in table(sources)[1:]]
    assert ids == ["S1", "doc:a1", "doc:a2"]


def test_failed_second_write_says_what_happened(dataset, tmp_path, monkeypatch, capsys):
    import geomap.drafts as drafts_mod

    real = drafts_mod.write_text
    calls = []

    def second_fails(path, text, *args, **kwargs):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        return real(path, text, *args, **kwargs)

    monkeypatch.setattr(drafts_mod, "write_text", second_fails)
    events = dataset / "events.csv"
    before = events.read_bytes()
    drafts = write_drafts(tmp_path / "drafts.csv", [draft()])
    assert main(["accept", str(drafts), "--events", str(events)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and str(events) in err
    assert "events.csv is unchanged" in err and "run 'geomap accept' again" in err
    assert events.read_bytes() == before
    load_events(events, strict=True)
    monkeypatch.setattr(drafts_mod, "write_text", real)
    assert main(["accept", str(drafts), "--events", str(events)]) == 0
    assert [e.event_id for e in load_events(events, strict=True).events] == ["AFPK-0001", "AFPK-0002"]


# ---------------------------------------------------------------- case 5

SLOW_DRIVER = '''\
"""geomap accept that pauses after reading the dataset until told to go on."""
import sys, time
from pathlib import Path
import geomap.drafts as drafts

real = drafts.merge_drafts
marker, go = Path(sys.argv.pop(1)), Path(sys.argv.pop(1))

def slow_merge(*args, **kwargs):
    out = real(*args, **kwargs)
    marker.touch()
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return out

drafts.merge_drafts = slow_merge
from geomap.cli import main
sys.exit(main(sys.argv[1:]))
'''


def test_two_runs_at_once_both_land(dataset, tmp_path):
    driver = tmp_path / "driver.py"
    driver.write_text(SLOW_DRIVER)
    events = dataset / "events.csv"
    first = write_drafts(tmp_path / "first.csv", [draft()])
    second = write_drafts(
        tmp_path / "second.csv",
        [
            draft(
                doc_id="b1",
                event_type="airstrike",
                sub_event_type="drone_strike",
                location="Khost",
                country="AF",
                latitude="33.34",
                longitude="69.92",
            )
        ],
    )
    go, no_pause = tmp_path / "go", tmp_path / "no-pause"
    no_pause.touch()

    def start(marker, drafts_csv, go):
        return subprocess.Popen(
            [sys.executable, str(driver), str(marker), str(go), "accept", str(drafts_csv), "--events", str(events)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    marker_a = tmp_path / "a.read"
    a = start(marker_a, first, go)
    try:
        deadline = time.monotonic() + 60
        while not marker_a.exists() and time.monotonic() < deadline and a.poll() is None:
            time.sleep(0.02)
        assert marker_a.exists(), a.communicate()
        # a has read the dataset and holds on; b starts now. Without a lock b
        # reads the same dataset and finishes; with it, b says it waits.
        b = start(tmp_path / "b.read", second, no_pause)
        first_line = b.stderr.readline()
    finally:
        go.touch()
    _, err_a = a.communicate(timeout=120)
    out_b, err_b = b.communicate(timeout=120)
    err_b = first_line + err_b
    assert a.returncode == 0 and b.returncode == 0, (err_a, err_b)
    assert first_line.startswith("geomap accept: waiting for another run (pid ")
    assert "that holds the lock" in first_line and ".events.csv.lock" in first_line
    es = load_events(events, strict=True)
    assert sorted((e.event_id, e.location) for e in es.events) == [
        ("AFPK-0001", "Torkham"),
        ("AFPK-0002", "Chaman"),
        ("AFPK-0003", "Khost"),
    ]
    assert {"doc:a1", "doc:b1"} <= set(es.sources)


# ---------------------------------------------------------------- case 6


def test_accept_through_a_symlinked_events_file(dataset, tmp_path):
    link_dir = tmp_path / "work"
    link_dir.mkdir()
    link = link_dir / "link.csv"
    link.symlink_to(dataset / "events.csv")
    drafts = write_drafts(tmp_path / "drafts.csv", [draft()])
    assert main(["accept", str(drafts), "--events", str(link), "--sources", str(dataset / "sources.csv")]) == 0
    assert link.is_symlink()
    es = load_events(dataset / "events.csv", strict=True)
    assert [e.event_id for e in es.events] == ["AFPK-0001", "AFPK-0002"]


# ---------------------------------------------------------------- a drafts CSV reviewed in Excel


def _resaved(path: Path, rows, delimiter: str, encoding: str, decimal: str = ".", day=lambda d: d) -> Path:
    """The drafts as a spreadsheet saves them after a review: its separator,
    encoding, decimal mark and date format."""
    numbers = ("latitude", "longitude", "confidence")
    dates = ("event_date", "source_published")
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS) + ["accept"], delimiter=delimiter, lineterminator="\r\n")
        w.writeheader()
        for row in rows:
            row = {
                k: (v.replace(".", decimal) if k in numbers else day(v) if k in dates and v else v)
                for k, v in row.items()
            }
            w.writerow(row)
    return path


def _dmy(sep):
    return lambda iso: f"{iso[8:10]}{sep}{iso[5:7]}{sep}{iso[:4]}"


@pytest.mark.parametrize(
    "name, delimiter, encoding, decimal, day",
    [
        ("unicode_text.txt", "\t", "utf-16", ".", lambda d: d),  # Excel's "Unicode text"
        ("european.csv", ";", "cp1252", ",", _dmy(".")),  # a German or French Excel's CSV
        ("uk.csv", ",", "utf-8-sig", ".", _dmy("/")),  # "CSV UTF-8" on a UK locale
    ],
)
def test_drafts_saved_by_a_spreadsheet_are_accepted_as_written(
    dataset, tmp_path, name, delimiter, encoding, decimal, day
):
    rows = [
        draft(excerpt="Guards traded fire – twice."),
        draft(
            doc_id="a2",
            location="Torkham",
            latitude="34.1",
            longitude="71.09",
            event_date="2025-04-13",
            source_published="2025-04-14",
            event_type="border_closure",
            sub_event_type="closure",
        ),
    ]
    plain = tmp_path / "plain"
    plain.mkdir()
    for f in ("events.csv", "sources.csv"):
        (plain / f).write_text((dataset / f).read_text())
    assert len(accept(write_drafts(tmp_path / "drafts.csv", rows), plain / "events.csv")) == 2
    resaved = _resaved(tmp_path / name, rows, delimiter, encoding, decimal, day)
    added = accept(resaved, dataset / "events.csv")
    assert len(added) == 2
    assert table(dataset / "events.csv") == table(plain / "events.csv")
    assert table(dataset / "sources.csv") == table(plain / "sources.csv")


def test_accept_into_a_builds_export_is_refused(dataset, tmp_path, offline_chain, capsys):
    # output/events.csv is the export of a build (a link into the shown build's
    # folder): accept appended there, and the next build replaced it, losing
    # the accepted events; it also left an output/sources.csv of one source
    from geomap.pipeline import build

    out = tmp_path / "output"
    build(dataset / "events.csv", dataset / "sources.csv", out=out, chain=offline_chain)
    before = {p.name: (p.is_symlink(), p.read_bytes()) for p in out.iterdir() if p.is_file()}
    drafts = write_drafts(tmp_path / "drafts.csv", [draft()])
    assert main(["accept", str(drafts), "--events", str(out / "events.csv")]) == 1
    err = capsys.readouterr().err
    assert "is the export of a build" in err and "nothing was written" in err
    assert {p.name: (p.is_symlink(), p.read_bytes()) for p in out.iterdir() if p.is_file()} == before
    assert not (out / "sources.csv").exists()


def test_accept_marks_a_spreadsheet_writes_are_taken_and_unknown_ones_reported(dataset, tmp_path):
    # Excel turns 'true' into its boolean TRUE; a reviewer writes 'ok' or a tick:
    # an unrecognised mark skipped the row without a word
    rows = [
        draft(doc_id="t1", accept="TRUE", location="Chaman"),
        draft(
            doc_id="t2", accept="✓", location="Jalalabad", latitude="34.43", longitude="70.45", event_type="explosion"
        ),
        draft(doc_id="t3", accept="ok", location="Khost", latitude="33.34", longitude="69.92"),
        draft(doc_id="t4", accept="no", location="Kabul", latitude="34.53", longitude="69.17"),
    ]
    report = Report()
    added = accept(write_drafts(tmp_path / "drafts.csv", rows), dataset / "events.csv", report=report)
    assert len(added) == 2
    (warned,) = [p for p in report.of_kind("warning") if p.column == "accept"]
    assert warned.line == 4 and "'ok'" in warned.reason and "not taken" in warned.reason


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_accept_into_a_read_only_folder_is_refused_before_any_change(dataset, tmp_path, monkeypatch, capsys):
    # it failed making its lock file, naming '.events.csv.lock', a file the user never asked for
    # (root passes chmod, so os.access is made to say no, as on a read-only mount)
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: Path(p) != dataset and real(p, mode, **kw))
    before = _files(dataset)
    drafts = write_drafts(tmp_path / "drafts.csv", [draft()])
    assert main(["accept", str(drafts), "--events", str(dataset / "events.csv")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and ".lock" not in err and len(err.strip().splitlines()) == 1
    assert "read-only" in err and "nothing was written" in err and str(dataset) in err
    assert _files(dataset) == before  # no lock file, no staged file, no half-written pair


def test_accept_into_a_read_only_events_file_is_refused(dataset, tmp_path, capsys):
    # the atomic rename replaced a file made read-only (a rename does not ask the file)
    events = dataset / "events.csv"
    events.chmod(0o444)
    before = _files(dataset)
    drafts = write_drafts(tmp_path / "drafts.csv", [draft()])
    assert main(["accept", str(drafts), "--events", str(events)]) == 1
    err = capsys.readouterr().err
    assert f"{events}: the file is read-only" in err and "nothing was written" in err
    assert _files(dataset) == before


def test_accept_without_the_sources_file_is_refused(dataset, tmp_path, capsys):
    # it wrote a sources.csv of the new sources only: every event already there cited nothing
    (dataset / "sources.csv").unlink()
    before = _files(dataset)
    drafts = write_drafts(tmp_path / "drafts.csv", [draft()])
    assert main(["accept", str(drafts), "--events", str(dataset / "events.csv")]) == 1
    err = capsys.readouterr().err
    assert "sources.csv is not there" in err and "1 event(s)" in err and "nothing was written" in err
    assert {k: v for k, v in _files(dataset).items() if not k.endswith(".lock")} == before


def test_accept_into_a_new_dataset_makes_its_sources_file(tmp_path):
    # a header-only events.csv cites nothing: its sources.csv is made
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "events.csv").write_text(EVENTS_HEADER + "\n")
    added = accept(write_drafts(tmp_path / "drafts.csv", [draft()]), folder / "events.csv")
    assert added == ["AFPK-0001"] and "P" in (folder / "sources.csv").read_text()


def test_a_curated_file_saved_as_utf16_is_extended_not_a_traceback(dataset, tmp_path, capsys):
    # load_events read a UTF-16 events.csv (a spreadsheet's "Unicode text")
    # with a warning, then accept's own table reader ended in a
    # UnicodeDecodeError traceback
    events = dataset / "events.csv"
    events.write_bytes(events.read_text(encoding="utf-8").encode("utf-16"))
    drafts = write_drafts(tmp_path / "drafts.csv", [draft()])
    assert main(["accept", str(drafts), "--events", str(events)]) == 0
    assert f"warning: {events}: file was UTF-16: written back as UTF-8" in capsys.readouterr().err
    rows = table(events)
    assert rows[0] == EVENTS_HEADER.split(",") and rows[1] == CURATED_ROW.split(",")
    assert [r[0] for r in rows[1:]] == ["AFPK-0001", "AFPK-0002"]


def test_events_given_as_a_folder_or_missing(dataset, tmp_path, capsys):
    # --events FOLDER (as `geomap import -o FOLDER` takes one) failed with
    # "Is a directory"; a missing file left lock files in its folder
    drafts = write_drafts(tmp_path / "drafts.csv", [draft()])
    assert main(["accept", str(drafts), "--events", str(dataset)]) == 0
    assert [e.event_id for e in load_events(dataset / "events.csv", strict=True).events] == ["AFPK-0001", "AFPK-0002"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["accept", str(drafts), "--events", str(empty)]) == 1
    assert f"{empty / 'events.csv'}: no such file" in capsys.readouterr().err
    assert list(empty.iterdir()) == []
