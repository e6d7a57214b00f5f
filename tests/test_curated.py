"""The bad-input catalogue for events.csv, through the API (geomap.curated).

Every bad row is reported with file, line, column and a reason that names the
allowed values, the rest is kept, and the counts add up. Files that cannot be
used at all raise SchemaError with the same information. The fixtures are in
tests/data/bad/ (see its README).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geomap.curated import date_range, load_events, parse_event_date
from geomap.exc import GeomapError, InputError, SchemaError
from geomap.report import Report

BAD = Path(__file__).parent / "data" / "bad"

SOURCES = BAD / "sources.csv"

#: file -> (kept rows, [(line, column, words the reason must contain), ...])
ROW_CASES = {
    "wrong_column_count.csv": (
        2,
        [
            (4, "location", "row has 5 cells, header has 20"),
            (5, None, "2 extra cell(s) after 'excerpt'"),
        ],
    ),
    "unknown_event_type.csv": (
        2,
        [
            (
                4,
                "event_type",
                "unknown event type 'skirmish'; allowed: armed_clash, airstrike, "
                "explosion, border_closure, trade_disruption, talks, fortification",
            ),
        ],
    ),
    "bad_date.csv": (
        2,
        [
            (4, "event_date", "'2025-02-30' is not a real calendar day"),
            (5, "event_date", "'3/2/2025' is not YYYY-MM-DD or YYYY-MM"),
            (6, "event_date", "gives only a month but date_precision is 'day'"),
            (7, "event_date", "has month 13; allowed 01-12"),
        ],
    ),
    "coords_out_of_range.csv": (
        2,
        [
            (4, "latitude", "latitude 95.5 is out of range; allowed -90.0 to 90.0"),
            (5, "longitude", "longitude 200 is out of range; allowed -180.0 to 180.0"),
            (6, "latitude", "latitude 'nan' is not a decimal number in ASCII digits"),
            (7, "longitude", "give both latitude and longitude, or neither"),
        ],
    ),
    "latlon_swapped.csv": (
        2,
        [
            (4, "latitude", "latitude and longitude look swapped"),
            (5, "latitude", "latitude and longitude look swapped"),
        ],
    ),
    "duplicate_event_id.csv": (
        2,
        [
            (4, "event_id", "duplicate event_id 'OK-1' (first on line 2)"),
        ],
    ),
    "unknown_source.csv": (
        2,
        [
            (4, "sources", "unknown source id(s) S9; known in sources.csv: S1, S2"),
        ],
    ),
    "bad_numbers.csv": (
        2,
        [
            (4, "fatalities", "'many' is not a whole number"),
            (5, "fatalities", "need fatalities_low <= fatalities <= fatalities_high, got 5, 3, 9"),
            (6, "geo_precision", "geo_precision '5' is not allowed; allowed: 1 (exact place)"),
            (7, "fatalities", "'-2' is not a whole number"),
        ],
    ),
    "empty_required.csv": (
        2,
        [
            (4, "location", "location is empty; required columns: event_id"),
        ],
    ),
    "unclosed_quote.csv": (
        4,
        [
            (
                4,
                "note",
                "unclosed quote: the quoted cell opened on line 4 runs on into line 5, "
                "which starts like a new record; the lines from 5 on are read again",
            ),
        ],
    ),
    # issue 11, case 2: the first open quote used to close on the second one
    # and swallow its row (a 4-row file read as 3 rows, 0 rejected)
    "swallowed_rows.csv": (
        4,
        [
            (4, "note", "the quoted cell opened on line 4 runs on into line 5"),
            (5, "note", "the quoted cell opened on line 5 runs on into line 6"),
        ],
    ),
    # case 17: was "row has 19 cells, header has 20; cells from 'excerpt' on are missing"
    "unclosed_quote_last_line.csv": (
        2,
        [
            (
                4,
                "note",
                "unclosed quote: the quoted cell opened on line 4 is never closed (it "
                "runs to the end of the file, line 4)",
            ),
        ],
    ),
    # case 20: float() took all three
    "odd_digits.csv": (
        3,
        [
            (4, "latitude", "latitude '3_4.1' is not a decimal number in ASCII digits"),
            (5, "latitude", "latitude '\uff13\uff14.1' is not a decimal number in ASCII digits"),
            (6, "longitude", "longitude '\u0667\u0660.1' is not a decimal number in ASCII digits"),
        ],
    ),
    # case 21: one id at two places is one event; the same place twice, or the
    # id reused for another event, is not
    "two_places.csv": (
        3,
        [
            (
                5,
                "event_id",
                "duplicate event_id 'OK-1' (first on line 2): the event already has "
                "a row at 'Torkham' (line 2); one row per event and place",
            ),
            (
                6,
                "event_id",
                "duplicate event_id 'OK-1' (first on line 2) for a different event "
                "(event_type 'border_closure' there, 'armed_clash' here)",
            ),
        ],
    ),
}

#: file -> (line, column, words) of the SchemaError that makes it unusable
FILE_CASES = {
    "missing_column.csv": (1, "event_type", "missing required column(s) event_type; required: event_id, event_type"),
    "not_utf8.csv": (4, "note", "not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8"),
    "binary.csv": (3, None, "file is binary (contains NUL bytes)"),
    "empty.csv": (1, None, "file is empty; expected a header row with the columns event_id"),
    # issue 11, case 17: was "file is binary"
    "utf16_no_bom.csv": (
        1,
        None,
        "file looks like UTF-16 (LE, no byte-order mark), not UTF-8; save it as UTF-8, e.g. iconv -f UTF-16LE -t UTF-8",
    ),
}


def load(name, **kw):
    report = Report()
    es = load_events(BAD / name, SOURCES, report=report, **kw)
    return es, report


def check_counts(report: Report, kept: int) -> None:
    c = report.counts
    assert c["rows_kept"] == kept
    assert c["rows_read"] == c["rows_kept"] + c["rows_rejected"]
    assert c["rows_rejected"] == len(report.of_kind("rejected"))


@pytest.mark.parametrize("name", sorted(ROW_CASES))
def test_bad_rows_are_reported_and_the_rest_kept(name):
    kept, expected = ROW_CASES[name]
    es, report = load(name)
    assert len(es.events) == kept
    check_counts(report, kept)
    rejected = report.of_kind("rejected")
    assert [(p.line, p.column) for p in rejected] == [(line, col) for line, col, _ in expected]
    for p, (_, _, words) in zip(rejected, expected):
        assert p.file == str(BAD / name)
        assert words in p.reason, p.reason
        assert str(p).startswith(f"rejected: {BAD / name}:{p.line}")


@pytest.mark.parametrize("name", sorted(ROW_CASES))
def test_strict_raises_the_first_bad_row(name):
    _, expected = ROW_CASES[name]
    line, column, words = expected[0]
    with pytest.raises(SchemaError) as info:
        load(name, strict=True)
    err = info.value
    assert (err.file, err.line, err.column) == (str(BAD / name), line, column)
    assert words in err.reason
    assert isinstance(err, ValueError) and isinstance(err, GeomapError)


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_unusable_files_raise_with_location(name):
    line, column, words = FILE_CASES[name]
    with pytest.raises(SchemaError) as info:
        load(name)
    err = info.value
    assert (err.file, err.line, err.column) == (str(BAD / name), line, column)
    assert words in err.reason
    assert str(err).startswith(f"{BAD / name}:{line}")


def test_good_file_has_no_problems():
    es, report = load("good.csv")
    assert [e.event_id for e in es.events] == ["OK-1", "OK-2"]
    assert report.problems == []
    check_counts(report, 2)


def test_header_only_is_a_warning_not_an_error():
    es, report = load("header_only.csv")
    assert es.events == [] and report.counts["rows_read"] == 0
    assert "no data rows" in report.of_kind("warning")[0].reason


def test_unclosed_quote_does_not_swallow_the_rows_after_it():
    es, _ = load("unclosed_quote.csv")
    assert [e.event_id for e in es.events] == ["OK-1", "OK-2", "BAD-2", "BAD-3"]
    assert [e.line for e in es.events] == [2, 3, 5, 6]


def test_folder_and_missing_file(tmp_path):
    with pytest.raises(SchemaError, match="cannot read file"):
        load_events(tmp_path, SOURCES)
    with pytest.raises(SchemaError, match="cannot read file: No such file"):
        load_events(tmp_path / "nope.csv", SOURCES)


def test_missing_sources_file_is_a_warning(tmp_path):
    (tmp_path / "events.csv").write_bytes((BAD / "good.csv").read_bytes())
    report = Report()
    es = load_events(tmp_path / "events.csv", report=report)
    assert len(es.events) == 2
    assert "sources file not found" in report.of_kind("warning")[0].reason


def write(tmp_path, text, name="events.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


HEADER = (BAD / "good.csv").read_text().splitlines()[0]
GOOD1 = (BAD / "good.csv").read_text().splitlines()[1]


def test_line_numbers_follow_quoted_newlines_and_crlf(tmp_path):
    multi = GOOD1.replace("OK-1", "M-1").replace("Gate shut for the morning.", '"Gate shut,\r\nthen reopened."')
    text = "\r\n".join([HEADER, multi, GOOD1.replace("OK-1", "M-2"), "BAD,1"]) + "\r\n"
    report = Report()
    es = load_events(write(tmp_path, text), SOURCES, report=report)
    assert [(e.event_id, e.line) for e in es.events] == [("M-1", 2), ("M-2", 4)]
    assert es.events[0].note == "Gate shut,\r\nthen reopened."
    assert report.of_kind("rejected")[0].line == 5


def test_unicode_line_separator_inside_a_cell_is_not_a_new_row(tmp_path):
    row = GOOD1.replace("Gate shut for the morning.", "Gate shut\u2028for the morning.")
    es = load_events(write(tmp_path, HEADER + "\n" + row + "\n"), SOURCES)
    assert len(es.events) == 1 and "\u2028" in es.events[0].note


def test_bom_unknown_and_duplicate_columns(tmp_path):
    es = load_events(
        write(tmp_path, "\ufeff" + HEADER + ",extra\n" + GOOD1 + ",x\n"), SOURCES, report=(report := Report())
    )
    assert len(es.events) == 1
    w = report.of_kind("warning")[0]
    assert (w.line, w.column) == (1, "extra") and "unknown column 'extra' ignored; known:" in w.reason
    with pytest.raises(SchemaError, match="duplicate column"):
        load_events(write(tmp_path, HEADER + ",note\n" + GOOD1 + ",x\n"), SOURCES)


def test_huge_numbers_and_odd_digits_are_rejected_not_crashing(tmp_path):
    rows = [
        GOOD1.replace("OK-1", "N-1").replace(",,,,,S1", ",,,," + "9" * 5000 + ",S1"),
        GOOD1.replace("OK-1", "N-2").replace("2025-03-01", "\u0662\u0660\u0662\u0665-03-01"),
        GOOD1.replace("OK-1", "N-3").replace("2025-03-01", "0001-01-01"),
        GOOD1.replace("OK-1", "N-4").replace(",,,1,", ",1e400,5,1,"),
    ]
    report = Report()
    es = load_events(write(tmp_path, "\n".join([HEADER, *rows]) + "\n"), SOURCES, report=report)
    assert es.events == []
    reasons = [p.reason for p in report.of_kind("rejected")]
    assert "injuries" in reasons[0] and "whole number" in reasons[0]
    assert "is not YYYY-MM-DD" in reasons[1]
    assert "before 1800" in reasons[2]
    assert "out of range" in reasons[3]


def test_a_field_above_the_csv_limit_is_one_rejected_row(tmp_path):
    big = GOOD1.replace("OK-1", "BIG").replace("Gate shut for the morning.", "x" * 200_000)
    report = Report()
    es = load_events(write(tmp_path, "\n".join([HEADER, big, GOOD1]) + "\n"), SOURCES, report=report)
    assert [e.event_id for e in es.events] == ["OK-1"]
    p = report.of_kind("rejected")[0]
    assert (p.line, p.column) == (2, "note")
    assert "cell has 200000 characters (lines 2-2), above the limit of 131072" in p.reason


def test_a_long_quoted_note_over_many_lines_is_one_record(tmp_path):
    """Issue 11, case 11: a 200 KB note over 200 lines was 71 rows read and 71
    rejected (the csv limit broke the record and each line after it was a row)."""
    note = '"' + "\n".join(f"line {i} " + "x" * 1000 for i in range(200)) + '"'
    big = GOOD1.replace("OK-1", "BIG").replace("Gate shut for the morning.", note)
    report = Report()
    es = load_events(write(tmp_path, "\n".join([HEADER, big, GOOD1]) + "\n"), SOURCES, report=report)
    assert [(e.event_id, e.line) for e in es.events] == [("OK-1", 202)]
    assert report.counts["rows_read"] == 2 and report.counts["rows_rejected"] == 1
    p = report.of_kind("rejected")[0]
    assert (p.line, p.column) == (2, "note") and "(lines 2-201), above the limit" in p.reason
    # a long note within the limit, over many lines, is simply one row
    note = '"' + "\n".join(f"line {i}, with commas, in it" for i in range(500)) + '"'
    ok = GOOD1.replace("OK-1", "LONG").replace("Gate shut for the morning.", note)
    report = Report()
    es = load_events(write(tmp_path, "\n".join([HEADER, ok, GOOD1]) + "\n"), SOURCES, report=report)
    assert [e.event_id for e in es.events] == ["LONG", "OK-1"]
    assert report.counts == {**report.counts, "rows_read": 2, "rows_rejected": 0}


def test_utf16_with_a_byte_order_mark_is_read_with_a_warning():
    """Issue 11, case 17: was "file is binary"; with a BOM the encoding is certain."""
    es, report = load("utf16_bom.csv")
    assert [e.event_id for e in es.events] == ["OK-1", "OK-2"]
    (w,) = report.of_kind("warning")
    assert "file is UTF-16 (byte-order mark), not UTF-8; read as UTF-16" in w.reason


def test_trailing_empty_header_cells_are_ignored(tmp_path):
    """Issue 11, case 17: two trailing commas in the header gave 'duplicate column(s) ;'."""
    es, report = load("trailing_empty_header.csv")
    assert [e.event_id for e in es.events] == ["OK-1", "OK-2"]
    (w,) = report.of_kind("warning")
    assert w.line == 1 and w.reason.startswith("2 empty header cell(s) after 'excerpt' ignored")
    with pytest.raises(SchemaError, match=r"header cell\(s\) 2 are empty; every column needs a name"):
        load_events(write(tmp_path, HEADER.replace(",", ",,", 1) + "\n"), SOURCES)


def test_citing_a_rejected_source_says_why(tmp_path):
    """Issue 11, case 17: a source rejected in sources.csv was then 'unknown'."""
    src = write(
        tmp_path,
        "source_id,publisher,title,published,url\nS1,P,T,2025-03-01,\nS3,P,T,2025-13-01,\n",
        name="sources.csv",
    )
    rows = [GOOD1.replace(",S1,", ",S3,"), GOOD1.replace("OK-1", "OK-5").replace(",S1,", ",S3;S9,")]
    report = Report()
    es = load_events(write(tmp_path, "\n".join([HEADER, *rows]) + "\n"), src, report=report)
    assert es.events == []
    reasons = [p.reason for p in report.of_kind("rejected") if p.file.endswith("events.csv")]
    assert reasons[0].startswith("source 'S3' was rejected in sources.csv (line 3 [published]: published: date")
    assert "unknown source" not in reasons[0]
    assert reasons[1].endswith("; unknown source id(s) S9; known in sources.csv: S1")


def test_repeated_source_ids_and_long_source_fields(tmp_path):
    """Issue 11, case 13: S1;S1;S1 is one source; a huge title is cut with a warning."""
    src = write(
        tmp_path,
        f"source_id,publisher,title,published,url\nS1,P,{'t' * 5000},2025-03-01,https://example.org/{'u' * 3000}\n",
        name="sources.csv",
    )
    report = Report()
    es = load_events(
        write(tmp_path, HEADER + "\n" + GOOD1.replace(",S1,", ",S1; S1;S1;S1,") + "\n"), src, report=report
    )
    assert es.events[0].sources == ("S1",)
    s1 = es.sources["S1"]
    assert len(s1.title) == 500 and s1.title.endswith("\u2026") and s1.url == ""
    warned = {(w.column, w.reason) for w in report.of_kind("warning")}
    assert ("title", "title has 5000 characters; cut to 500") in warned
    assert ("url", "url has 3020 characters, above 2048; left out") in warned


def test_bad_sources_rows(tmp_path):
    src = write(
        tmp_path,
        "source_id,publisher,title,published,url\n"
        "S1,P,T,2025-03-01,javascript:alert(1)\n"
        "S2,P,T,2025-02-31,\n"
        "S 3,P,T,2025-03-01,\n"
        "S1,P,T,2025-03-01,\n"
        "S4,,T,2025-03-01,\n",
        name="sources.csv",
    )
    report = Report()
    load_events(write(tmp_path, HEADER + "\n"), src, report=report)
    got = [(p.line, p.column) for p in report.of_kind("rejected")]
    # a url not http(s) is left out with a warning (the source kept); S1 again on line 5 is a duplicate
    assert got == [(3, "published"), (4, "source_id"), (5, "source_id"), (6, "publisher")]
    (url,) = [p for p in report.of_kind("warning") if p.column == "url"]
    assert url.line == 2 and "allowed schemes: http, https" in url.reason
    reasons = [p.reason for p in report.of_kind("rejected")]
    assert "not a real calendar day" in reasons[0]
    assert report.counts["source_rows_rejected"] == 4
    with pytest.raises(SchemaError) as info:
        load_events(write(tmp_path, HEADER + "\n"), src, strict=True)
    assert info.value.column == "published"


def test_parse_event_date_and_ranges():
    assert parse_event_date("2025-03", "month") == dt.date(2025, 3, 1)
    assert date_range("2025-02", "month") == (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    assert date_range("2025-03-10", "week") == (dt.date(2025, 3, 7), dt.date(2025, 3, 13))
    for bad, prec in [("2025-03", "day"), ("2025", "day"), ("9999-12-31", "week"), ("2025-03-01", "year")]:
        with pytest.raises(ValueError):
            date_range(bad, prec)


def test_error_strings_name_file_line_column():
    err = SchemaError("bad", file="a.csv", line=3, column="event_type")
    assert str(err) == "a.csv:3 [event_type]: bad"
    assert isinstance(err, InputError)


def test_thousands_of_open_quotes_lose_no_row(tmp_path):
    """Issue 11, case 2 at scale: every other row opens a quote it never closes;
    half the rows used to vanish into their neighbours' notes."""
    rows = [
        GOOD1.replace("OK-1", f"R-{i}").replace(
            "Gate shut for the morning.", '"an open quote' if i % 2 == 0 else "a closed note"
        )
        for i in range(4000)
    ]
    report = Report()
    es = load_events(write(tmp_path, "\n".join([HEADER, *rows]) + "\n"), SOURCES, report=report)
    assert [e.event_id for e in es.events] == [f"R-{i}" for i in range(1, 4000, 2)]
    assert report.counts["rows_read"] == 4000 and report.counts["rows_rejected"] == 2000
    assert {p.column for p in report.of_kind("rejected")} == {"note"}


def test_a_device_as_the_events_or_sources_file_is_refused_not_read_forever(tmp_path):
    # '--sources /dev/zero' was read until memory ran out
    from geomap.curated import load_events
    from geomap.exc import SchemaError

    with pytest.raises(SchemaError, match="is a device"):
        load_events(BAD / "good.csv", "/dev/zero")


@pytest.mark.parametrize("sep", [",", ";"])
def test_excel_sep_line_names_the_separator(tmp_path, sep):
    # Excel's "sep=," first line (saved so Excel opens the file right) was
    # taken for the header: the file was refused as missing every column
    import csv
    import io

    text = (BAD / "wrong_column_count.csv").read_text()
    if sep == ";":  # the good rows as a semicolon spreadsheet saves them ("S1;S2" quoted)
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\n").writerows(list(csv.reader(io.StringIO(text)))[:3])
        text = out.getvalue()
    path = tmp_path / "events.csv"
    path.write_text(f"sep={sep}\r\n{text}")
    report = Report()
    es = load_events(path, SOURCES, report=report)
    assert [e.event_id for e in es.events] == ["OK-1", "OK-2"]
    # lines keep their numbers in the file: the header is line 2
    assert [(p.line, p.column) for p in report.of_kind("rejected")] == (
        [] if sep == ";" else [(5, "location"), (6, None)]
    )
    only_hint = tmp_path / "hint.csv"
    only_hint.write_text(f"sep={sep}\n")
    with pytest.raises(SchemaError, match="only Excel's 'sep="):
        load_events(only_hint, SOURCES)


def test_byte_order_marks_inside_the_file_are_no_text(tmp_path):
    # `cat a.csv b.csv`, or a row pasted from another file, puts a mark (U+FEFF)
    # into a cell: '\ufeffOK-1' looked like OK-1 but was another id, so the
    # duplicate event went on the map twice, unseen
    rows = (BAD / "good.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "events.csv"
    path.write_text("\n".join([rows[0], "\ufeff" + rows[1], rows[2], rows[1]]) + "\n", encoding="utf-8")
    report = Report()
    es = load_events(path, SOURCES, report=report)
    assert [e.event_id for e in es.events] == ["OK-1", "OK-2"]
    (warning,) = [p for p in report.of_kind("warning") if "byte-order mark" in p.reason]
    assert warning.line == 2 and warning.reason.startswith("1 byte-order mark(s) (U+FEFF) inside the file")
    (dup,) = report.of_kind("rejected")
    assert (dup.line, dup.column) == (4, "event_id") and "duplicate event_id 'OK-1'" in dup.reason


def test_files_joined_with_cat_name_the_header_row_again(tmp_path):
    # `cat a.csv b.csv`: b's header (after its byte-order mark) was a row
    # rejected as "unknown event type 'event_type'"
    text = (BAD / "good.csv").read_text(encoding="utf-8")
    for mark in ("\ufeff", ""):
        path = tmp_path / "events.csv"
        path.write_text(text + mark + text.replace("OK-", "NEW-"), encoding="utf-8")
        report = Report()
        es = load_events(path, SOURCES, report=report)
        assert [e.event_id for e in es.events] == ["OK-1", "OK-2", "NEW-1", "NEW-2"]
        (joined,) = report.of_kind("rejected")
        assert joined.line == 4 and joined.reason == "the header row again (files joined with cat?): not a row"
        assert report.counts["rows_read"] == 5 and report.counts["rows_rejected"] == 1


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_a_row_copied_under_another_id_is_said_naming_the_first(tmp_path, engine):
    # a row pasted twice and renumbered (OK-9) is one event shown as two markers; the same id at the
    # same place was rejected, another id went on the map twice, unseen. Two events alike in every
    # cell may be real (the fixtures here have such rows): kept, with a warning on the line
    rows = (BAD / "good.csv").read_text(encoding="utf-8").splitlines()
    copy = rows[1].replace("OK-1", "OK-9", 1)
    assert copy != rows[1]
    path = tmp_path / "events.csv"
    path.write_text("\n".join([*rows, copy, copy.replace("OK-9", "OK-10")]) + "\n", encoding="utf-8")
    report = Report()
    es = load_events(path, SOURCES, report=report, engine=engine)
    assert {"OK-1", "OK-9", "OK-10"} <= {e.event_id for e in es.events}
    said = [p for p in report.of_kind("warning") if "under another event_id" in p.reason]
    assert [(p.line, p.column, p.value) for p in said] == [
        (len(rows) + 1, "event_id", "OK-9"),
        (len(rows) + 2, "event_id", "OK-10"),
    ]
    assert all(p.reason.startswith("the same row as line 2 (OK-1) under another event_id") for p in said)
    assert not report.of_kind("rejected")
    # an excerpt that tells them apart makes them two events, nothing said
    path.write_text("\n".join([*rows, copy + "the second one"]) + "\n", encoding="utf-8")
    report = Report()
    load_events(path, SOURCES, report=report, engine=engine)
    assert not report.problems


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_a_file_saved_while_it_is_read_is_said(tmp_path, monkeypatch, engine):
    # an editor saving events.csv (truncate, then write) while a build reads it: the build mapped
    # what it caught, a part of the file, without a word
    import geomap.csvcolumns
    import geomap.csvrows

    events = tmp_path / "events.csv"
    events.write_bytes((Path(__file__).parent.parent / "geodata" / "events.csv").read_bytes())
    real = Path.read_bytes

    def saved_meanwhile(path):
        data = real(path)
        if path.name == "events.csv":
            with open(path, "ab") as fh:  # the editor's write goes on after the read
                fh.write(b"\n")
        return data

    monkeypatch.setattr(geomap.csvcolumns.Path, "read_bytes", saved_meanwhile)
    monkeypatch.setattr(geomap.csvrows.Path, "read_bytes", saved_meanwhile)
    report = Report()
    load_events(events, report=report, engine=engine)
    said = [p for p in report.of_kind("warning") if "changed while" in p.reason]
    assert len(said) == 1 and said[0].file == str(events)
    monkeypatch.undo()
    report = Report()
    load_events(events, report=report, engine=engine)  # read whole, nothing said
    assert not [p for p in report.of_kind("warning") if "changed while" in p.reason]


def test_events_saved_as_unicode_text_by_a_european_excel_are_read(tmp_path):
    # Excel's "Unicode text": UTF-16, tabs, and (in a European locale) decimal commas; the commas
    # rejected every coordinate ('34,102' is not a decimal number)
    header = "event_id\tevent_type\tevent_date\tdate_precision\tlocation\tlatitude\tlongitude\tgeo_precision\tsources"
    row = "AFPK-0001\ttalks\t2025-03-19\tday\tTorkham\t34,102\t71,093\t1\tS1"
    (tmp_path / "events.csv").write_bytes(f"{header}\r\n{row}\r\n".encode("utf-16"))
    report = Report()
    es = load_events(tmp_path / "events.csv", report=report)
    assert [(e.latitude, e.longitude) for e in es.events] == [(34.102, 71.093)]
    assert any("cells separated by tabs" in p.reason and "decimal comma" in p.reason for p in report.problems)


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_event_dates_a_spreadsheet_rewrote_are_read_back(tmp_path, engine):
    # Excel shows an ISO day as a date and saves it its own way (19.02.2023 in Europe, 2/19/2023 in
    # the US): every row of the saved events.csv was rejected ('not YYYY-MM-DD or YYYY-MM')
    head = "event_id,event_type,event_date,date_precision,location,latitude,longitude,geo_precision,sources\n"
    rows = [
        "E1,talks,19.02.2023,day,Torkham,34.1,71.1,1,S1",
        "E2,talks,2/20/2023,day,Torkham,34.1,71.1,1,S1",
        "E3,talks,01.03.2023,month,Torkham,34.1,71.1,1,S1",
        "E4,talks,2023-03-05,day,Torkham,34.1,71.1,1,S1",
        "E5,talks,31.02.2023,day,Torkham,34.1,71.1,1,S1",
    ]
    (tmp_path / "events.csv").write_text(head + "\n".join(rows) + "\n")
    report = Report()
    es = load_events(tmp_path / "events.csv", report=report, engine=engine)
    assert [(e.event_id, e.event_date) for e in es.events] == [
        ("E1", "2023-02-19"),
        ("E2", "2023-02-20"),
        ("E3", "2023-03-01"),
        ("E4", "2023-03-05"),
    ]
    said = [(p.line, p.reason) for p in report.of_kind("warning") if "spreadsheet rewrote" in p.reason]
    assert said[0] == (2, "event_date '19.02.2023' (as a spreadsheet rewrote it) read as 2023-02-19")
    assert [line for line, _ in said] == [2, 3, 4]
    (bad,) = report.of_kind("rejected")  # not a real day: rejected as written, with its line
    assert bad.line == 6 and "31.02.2023" in bad.reason


def test_source_dates_a_spreadsheet_rewrote_are_read_back(tmp_path):
    # sources.csv saved by a European Excel: '22.02.2023' rejected every source, and with it every
    # event citing one
    (tmp_path / "sources.csv").write_text("source_id;publisher;title;published;url\nS1;P;T;22.02.2023;\n")
    (tmp_path / "events.csv").write_text(
        "event_id,event_type,event_date,date_precision,location,latitude,longitude,geo_precision,sources\n"
        "E1,talks,2023-02-20,day,Torkham,34.1,71.1,1,S1\n"
    )
    report = Report()
    es = load_events(tmp_path / "events.csv", report=report)
    assert es.sources["S1"].published == "2023-02-22" and [e.event_id for e in es.events] == ["E1"]
    assert any(p.line == 2 and "read as 2023-02-22" in p.reason for p in report.of_kind("warning"))


def test_a_source_url_that_is_not_http_is_left_out_and_the_source_kept(tmp_path):
    # 'www.dawn.com/...' (no scheme) or 'javascript:...': the source was rejected, and every event
    # citing it with it; only http(s) links reach the page, so the url alone is left out
    src = write(
        tmp_path,
        "source_id,publisher,title,published,url\nS1,P,T,2025-03-01,www.example.org/x\n"
        "S3,P,T,2025-03-01,javascript:alert(1)\n",
        name="sources.csv",
    )
    rows = [GOOD1, GOOD1.replace("OK-1", "OK-5").replace(",S1,", ",S3,")]
    report = Report()
    es = load_events(write(tmp_path, "\n".join([HEADER, *rows]) + "\n"), src, report=report)
    assert [e.event_id for e in es.events] == ["OK-1", "OK-5"] and not report.of_kind("rejected")
    assert (es.sources["S1"].url, es.sources["S3"].url) == ("", "")
    said = [(p.line, p.column) for p in report.of_kind("warning") if "is not http(s): left out" in p.reason]
    assert said == [(2, "url"), (3, "url")]
