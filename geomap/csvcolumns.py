"""A plain CSV file read column by column: the ``"fast"`` engine of the curated loader.

:func:`geomap.csvrows.read_csv_records` is the reference (as geopandas names
its IO engines): it reads any table a person may save, record by record, and
reports every bad one. Most large tables are plain: UTF-8, one record per
line, each with the header's number of cells, quotes only around whole cells.
For such a file the reference's records are exactly the rows pandas' C parser
reads, and :func:`read_csv_columns` returns them as columns (a list of cells
per column, equal cells of a column one ``str`` object: pandas keeps one per
distinct value). Whether a file is plain is checked first, over its text;
for any other file it returns ``None`` and the caller reads the file with the
reference, so every problem is reported as before, word for word.
``tests/test_csvcolumns.py`` holds both to the same cells and reports.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from . import counts
from .csvrows import MAX_CELL_CHARS, _header, sep_hint
from .exc import SchemaError
from .report import Report

#: A quoted cell (inner quotes doubled) or an unquoted one without quotes, on
#: one line: both the csv module and pandas read these cells the same way.
_CELL = '(?:"[^"\r\n]*(?:""[^"\r\n]*)*"|[^",\r\n]*)'
_HEADER = re.compile(f"{_CELL}(?:,{_CELL})*")


@lru_cache(maxsize=8)
def _row(ncols: int) -> re.Pattern:
    """A line of exactly ``ncols`` plain cells."""
    return re.compile(_CELL + f"(?:,{_CELL})" * (ncols - 1))


@dataclass
class CsvColumns:
    """The records of a plain CSV file as columns."""

    header: list[str]
    #: column name -> stripped cells, one per row (as the reference yields them)
    columns: dict[str, list[str]]
    #: each row's line number (one record per line: the data start on line 2)
    lines: range


def read_csv_columns(
    path: str | Path, required: tuple[str, ...], known: tuple[str, ...], report: Report
) -> CsvColumns | None:
    """The rows of a plain CSV file as columns, or ``None`` when the file is not plain.

    Plain: UTF-8 (a byte-order mark allowed) without NUL bytes; line ends all
    ``\\n`` or all ``\\r\\n``; a valid header (:func:`geomap.csvrows.read_csv_records`'s
    checks) without trailing empty names; then at least one row, every line
    one record of exactly the header's number of cells, each cell either
    quoted whole (``""`` for a quote inside) or free of quotes, no line longer
    than :data:`~geomap.csvrows.MAX_CELL_CHARS`, no row with an empty first
    cell. For such a file the reference reports nothing but the header's
    warnings and yields every line as a row; this returns the same cells,
    adds the same warnings to ``report`` and counts ``rows_read``. For any
    other file it leaves ``report`` alone and returns ``None`` (unreadable and
    broken files, pipes and devices included: the reference says why, or
    reads the pipe).
    """
    path = Path(path)
    try:
        # a regular file only: a pipe read here would be empty for the
        # reference, and a device is the reference's to refuse
        if not path.is_file():
            return None
        raw = path.read_bytes()
    except OSError:
        return None
    if b"\x00" in raw:
        return None
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = _lines(text)
    if lines is None or len(lines) < 2 or not _HEADER.fullmatch(lines[0]) or sep_hint(text) or "\ufeff" in text:
        return None  # (a mark inside the file: the reference removes it and says so)
    found = Report()
    try:
        header, trailing = _header(csv.reader(lines[:1]), str(path), required, known, found)
    except (SchemaError, csv.Error):
        return None
    data = lines[1:]
    ncols = len(header)
    if trailing or ncols < 2 or max(map(len, data)) > MAX_CELL_CHARS:
        return None
    unquoted = [line for line in data if '"' not in line]
    if unquoted and set(map(str.count, unquoted, repeat(","))) != {ncols - 1}:
        return None
    row = _row(ncols)
    if not all(map(row.fullmatch, [line for line in data if '"' in line])):
        return None
    columns = _parsed(body, ncols, len(data))
    if columns is None:
        return None
    cells = {name: list(map(str.strip, col)) for name, col in zip(header, columns)}
    first = cells[header[0]]
    if header[0] in first:  # maybe the header again (files joined): the reference names it
        return None
    if "" in first:  # a row of blank cells only is no row to the reference: let it skip them
        blank = [k for k, cell in enumerate(first) if cell == ""]
        if any(all(cells[h][k] == "" for h in header) for k in blank):
            return None
    report.problems.extend(found.problems)
    report.count(counts.ROWS_READ, len(data))
    return CsvColumns(header, cells, range(2, len(data) + 2))


def _lines(text: str) -> list[str] | None:
    """The lines of ``text`` when they all end alike (``\\n`` or ``\\r\\n``), else ``None``."""
    if "\r" in text:
        ends = text.count("\r\n")
        if text.count("\r") != ends or text.count("\n") != ends:
            return None
        lines = text.split("\r\n")
    else:
        lines = text.split("\n")
    if lines[-1] == "":  # the last line's end
        lines.pop()
    return lines


def _parsed(body: bytes, ncols: int, nrows: int) -> list[list[str]] | None:
    """Each column's cells as pandas' C parser reads the rows after the header
    (``None`` if it does not find ``nrows`` rows of ``ncols`` cells)."""
    import pandas as pd

    frame = pd.read_csv(
        io.BytesIO(body),
        header=None,
        skiprows=1,
        names=list(range(ncols)),
        dtype=object,
        na_filter=False,
        keep_default_na=False,
        skip_blank_lines=False,
        quoting=csv.QUOTE_MINIMAL,
        doublequote=True,
        encoding="utf-8",
        engine="c",
        low_memory=False,
    )
    if frame.shape != (nrows, ncols):
        return None
    return [frame[i].tolist() for i in range(ncols)]
