"""The run report: problems with file, line, column, reason; counts; CSV."""

from __future__ import annotations

import csv
import io
import os

from geomap.exc import SchemaError
from geomap.report import Problem, Report, defuse


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_problem_string_names_where_and_why():
    assert str(Problem("rejected", "a.csv", 4, "event_type", "bad type")) == "rejected: a.csv:4 [event_type]: bad type"
    assert str(Problem("warning", "dir", None, None, "empty")) == "warning: dir: empty"


def test_add_error_counts_and_kinds():
    r = Report()
    r.add_error(SchemaError("bad date", file="e.csv", line=3, column="event_date"), value="E-1")
    r.add("unlocated", "e.csv", 5, "location", "no geocoder knows 'X'", value="X")
    r.add("warning", "e.csv", 1, "extra", "unknown column")
    r.count("rows_read", 3)
    r.count("rows_read")
    assert r.counts == {"rows_read": 4}
    assert [p.kind for p in r.of_kind("rejected")] == ["rejected"]
    other = Report()
    other.count("rows_read", 2)
    other.add("rejected", "f.csv", 2, None, "x")
    r.extend(other)
    assert r.counts["rows_read"] == 6 and len(r.of_kind("rejected")) == 2


def test_csv_of_one_kind_and_of_all():
    r = Report()
    r.add("rejected", "e.csv", 3, "event_date", "date '2025-02-30' is not a real calendar day", "E-1")
    r.add("unlocated", "e.csv", 5, "location", "no geocoder knows 'X'", "X")
    assert rows(r.to_csv("rejected")) == [
        {
            "file": "e.csv",
            "line": "3",
            "column": "event_date",
            "reason": "date '2025-02-30' is not a real calendar day",
            "value": "E-1",
        }
    ]
    assert [row["kind"] for row in rows(r.to_csv())] == ["rejected", "unlocated"]
    assert Report().to_csv("unlocated") == "file,line,column,reason,value\n"


def test_csv_cells_are_defused():
    r = Report()
    r.add("rejected", "=cmd|' /C calc'!A0", 2, None, "+bad", "@SUM(1)")
    row = rows(r.to_csv("rejected"))[0]
    assert (row["file"], row["reason"], row["value"]) == ("'=cmd|' /C calc'!A0", "'+bad", "'@SUM(1)")
    assert defuse("-1") == "'-1" and defuse(3) == 3 and defuse(None) is None


# ---- issue 11, case 18: text from the input never drives the terminal

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\r\n"


def test_terminal_safe_escapes_every_control_character():
    from geomap.report import terminal_safe

    shown = terminal_safe("a" + ESCAPES + "\tz")
    assert shown == "a\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eevil\\r\\n\\tz"
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert terminal_safe("Torkham, Spin Boldak – Chaman ٣") == "Torkham, Spin Boldak – Chaman ٣"
    assert str(
        Problem("rejected", "x" + ESCAPES + ".csv", 4, "note", "bad " + ESCAPES)
    ) == "rejected: x" + terminal_safe(ESCAPES) + ".csv:4 [note]: bad " + terminal_safe(ESCAPES)


def test_cli_messages_escape_file_names_and_cells(tmp_path, geomap_cache, capsys):
    from pathlib import Path

    from geomap.cli import main

    bad = Path(__file__).parent / "data" / "bad"
    folder = tmp_path / ("in" + "\x1b[31m")
    folder.mkdir()
    events = folder / ("ev\x1b]0;pwned\x07.csv")
    events.write_bytes((bad / "unknown_source.csv").read_bytes())
    (folder / "sources.csv").write_bytes((bad / "sources.csv").read_bytes())
    assert main(["build", "--events", str(events), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "ev\\x1b]0;pwned\\x07.csv:4 [sources]" in err and "in\\x1b[31m" in err
    # a file that cannot be used at all: the error line
    (folder / "empty\x1b[2J.csv").write_text("")
    assert main(["build", "--events", str(folder / "empty\x1b[2J.csv"), "--out", str(tmp_path / "out")]) == 1
    # geocode echoes the query
    main(["geocode", "Qqzy\x1b[31mabad"])
    out = capsys.readouterr()
    for text in (err, out.out, out.err):
        assert "\x1b" not in text and "\x07" not in text
    assert "empty\\x1b[2J.csv:1: file is empty" in out.err
    assert out.out.startswith("Qqzy\\x1b[31mabad: not found")


def test_names_that_are_not_utf8_are_written_escaped():
    # a Latin-1 file name (lone surrogates in Python) made rejected.csv fail
    # to encode: a traceback at the end of a build
    report = Report()
    name = os.fsdecode(b"arts/caf\xe9.md")
    report.add("rejected", name, None, None, f"the same file as {name}: read once", value=name)
    (p,) = report.problems
    assert p.file == "arts/caf\\xe9.md" and "as arts/caf\\xe9.md:" in p.reason and p.value == p.file
    report.to_csv().encode("utf-8")
