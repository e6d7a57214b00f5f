"""The fast CSV reader gives the reference's rows, or declines.

:func:`geomap.csvcolumns.read_csv_columns` must, whenever it reads a file,
give exactly the records :func:`geomap.csvrows.read_csv_records` yields (same
cells, same line numbers) and leave the same problems and counts in the
report; for any file it cannot promise that it returns ``None`` and leaves
the report alone. Checked on the bad-input files, the curated data, texts
written by the csv module (cells with quotes, commas, spaces, unicode) and
hand-spoiled texts (hypothesis: line breaks in cells, quotes left open,
ragged and blank rows, byte-order marks, mixed line ends).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap import schema
from geomap.csvcolumns import read_csv_columns
from geomap.csvrows import read_csv_records
from geomap.curated import load_events
from geomap.exc import SchemaError
from geomap.report import Report

ROOT = Path(__file__).resolve().parents[1]
BAD = sorted((ROOT / "tests" / "data" / "bad").glob("*.csv"))
REQUIRED, KNOWN = schema.EVENT_REQUIRED, schema.EVENT_COLUMNS


def _reference(path: Path):
    report = Report()
    try:
        records = [
            (line, list(header), cells) for line, header, cells in read_csv_records(path, REQUIRED, KNOWN, report)
        ]
    except SchemaError as err:
        return None, report, str(err)
    return records, report, None


def _check(path: Path) -> bool:
    """Whether the fast reader took the file; asserts it agrees with the reference."""
    report = Report()
    table = read_csv_columns(path, REQUIRED, KNOWN, report)
    records, ref_report, error = _reference(path)
    if table is None:
        assert not report.problems and not report.counts
        return False
    assert error is None
    fast = [(line, table.header, [table.columns[h][k] for h in table.header]) for k, line in enumerate(table.lines)]
    assert fast == records
    assert report.problems == ref_report.problems
    assert report.counts == ref_report.counts
    return True


@pytest.mark.parametrize("path", BAD + [ROOT / "geodata" / "events.csv"], ids=lambda p: p.name)
def test_same_on_files(path):
    _check(path)


def test_reads_the_curated_data():
    assert _check(ROOT / "geodata" / "events.csv")


HEADER = list(REQUIRED) + ["note"]  # eight columns
PLAIN_CELLS = st.text(
    alphabet=st.sampled_from(list("ab ,\"'=;.-\t") + ["\u00e9", "\u2028", "\u0665", "\xa0"]), max_size=6
)


def _write(path: Path, rows, newline: str = "\n", bom: bool = False, header=HEADER) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + buf.getvalue().encode("utf-8"))
    return path


@settings(deadline=None, database=None, max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(PLAIN_CELLS, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=12),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_plain_tables_are_read_fast_and_alike(tmp_path_factory, rows, newline, bom):
    path = _write(tmp_path_factory.mktemp("plain") / "events.csv", rows, newline, bom)
    took = _check(path)
    # one record per line and a first cell not blank: nothing for the reference to object to
    if all(row[0].strip() for row in rows) and not any("\r" in c or "\n" in c for row in rows for c in row):
        assert took


# pieces of hand-edited text: whole cells, stray quotes, line breaks, separators
PIECES = ["a", "E1", " b ", '"', '""', ",", "\n", "\r\n", "\r", "", "  ", '"x,y"', '"open', "\ufeff", "\u00e9", "\x00"]


@settings(deadline=None, database=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(st.lists(st.sampled_from(PIECES), max_size=len(HEADER) + 2), min_size=1, max_size=8),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_spoiled_tables_are_read_alike_or_declined(tmp_path_factory, lines, newline, bom):
    body = newline.join(["".join(pieces) if len(pieces) < 3 else ",".join(pieces) for pieces in lines])
    text = ",".join(HEADER) + newline + body
    path = tmp_path_factory.mktemp("spoiled") / "events.csv"
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
    _check(path)


@pytest.mark.parametrize(
    "body",
    [
        'E1,a,b,c,d,e,"two\nlines",x\n',  # a cell over two lines
        'E1,a,b,c,d,e,f,"open\n',  # a quote left open on the last line
        "E1,a,b,c,d,e,f\n",  # a cell short
        "E1,a,b,c,d,e,f,g,h\n",  # a cell over
        "E1,a,b,c,d,e,f,g\n\nE2,a,b,c,d,e,f,g\n",  # a blank line
        "E1,a,b,c,d,e,f,g\n , , , , , , , \n",  # blank cells only
        'E1,a,b,c,d,e,f,x"y\n',  # a quote inside an unquoted cell
        'E1,a,b,c,d,e,f, "y"\n',  # a space before a quote
        "E1,a,b,c,d,e,f,g\rE2,a,b,c,d,e,f,g\r",  # old Mac line ends
        "E1,a,b,c,d,e,f,g\r\nE2,a,b,c,d,e,f,g\n",  # mixed line ends
    ],
)
def test_declines_what_only_the_reference_reads(tmp_path, body):
    path = tmp_path / "events.csv"
    path.write_text(",".join(HEADER) + "\n" + body, encoding="utf-8", newline="")
    assert not _check(path)


def test_header_warnings_are_kept(tmp_path):
    path = _write(tmp_path / "events.csv", [["E1", *"abcdef", "n", "x"]], header=HEADER + ["extra"])
    report = Report()
    assert read_csv_columns(path, REQUIRED, KNOWN, report) is not None
    assert [(p.kind, p.line, p.column) for p in report.problems] == [("warning", 1, "extra")]
    assert _check(path)


def test_a_row_with_an_empty_first_cell_is_a_row(tmp_path):
    """Only rows of blank cells only are skipped by the reference; an empty id is a row to reject."""
    path = _write(tmp_path / "events.csv", [["", *"abcdef", "n"], ["E2", *"abcdef", "n"]])
    assert _check(path)
    report = Report()
    es = load_events(path, tmp_path / "none.csv", report=report)
    assert report.counts["rows_read"] == 2 and not es.events


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_left_to_the_reference(tmp_path):
    """A pipe can be read once: the fast reader must not take it (then decline)."""
    fifo = tmp_path / "events.csv"
    os.mkfifo(fifo)
    text = ",".join(HEADER) + "\nE1," + ",".join("abcdef") + ",n\n"

    def write():
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(text)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    assert read_csv_columns(fifo, REQUIRED, KNOWN, Report()) is None
    records = list(read_csv_records(fifo, REQUIRED, KNOWN, Report()))
    writer.join(10)
    assert [cells[0] for _, _, cells in records] == ["E1"]
