"""Load and validate the curated event table and its sources.

``geodata/events.csv`` and ``geodata/sources.csv`` are untrusted text: every
row is checked against :mod:`geomap.schema`. A bad row is rejected with file,
line, column and the reason (naming the allowed values) and the rest is kept;
``rows_read == rows_kept + rows_rejected`` always holds. Problems that make
the whole file unusable (missing column, not UTF-8, binary) raise
:class:`~geomap.exc.SchemaError`.
"""

from __future__ import annotations

import calendar
import codecs
import contextlib
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from . import counts, schema
from .exc import SchemaError
from .geo import geodata_path
from .report import Report

# ASCII digits only: \d would also take Arabic-Indic or full-width digits.
_DATE_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_ISO2 = re.compile(r"[A-Z]{2}")
_SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
_WHOLE = re.compile(r"[0-9]{1,9}")
#: A decimal number in ASCII: float() alone would also take "3_4.1", full-width
#: or Arabic-Indic digits, spaces, "nan" and "inf".
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?")
#: Longest publisher or title kept (characters); a longer one is cut, with a
#: warning: every event citing the source carries it into the exports.
MAX_SOURCE_TEXT = 500
#: Longest url kept; a longer one is left out, with a warning.
MAX_URL = 2048
#: geo_precision as written in a CSV cell.
_GEO_PRECISION_TEXTS = frozenset(str(k) for k in schema.GEO_PRECISIONS)


@dataclass(frozen=True)
class Source:
    """One article or report that events cite."""

    source_id: str
    publisher: str
    title: str
    published: str
    url: str = ""

    def to_dict(self) -> dict:
        return {
            "source_id": self.source_id,
            "publisher": self.publisher,
            "title": self.title,
            "published": self.published,
            "url": self.url,
        }


@dataclass
class Event:
    """One validated event-location row.

    Coordinates are optional: when absent the location is geocoded.
    """

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: str
    date_precision: str
    location: str
    country: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    actor1: str = ""
    actor2: str = ""
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    sources: tuple[str, ...] = ()
    verified: str = "curated"
    note: str = ""
    excerpt: str = ""
    confidence: float | None = None
    dataset: str = ""  #: imported rows: the dataset's name (UCDP GED, ACLED, ...)
    source_type: str = ""  #: imported rows: the dataset's own type / sub-type
    source_precision: str = ""  #: imported rows: the dataset's own precision codes
    details: str = ""  #: imported rows: their other columns, a JSON object
    file: str = ""
    line: int | None = None

    @property
    def date_range(self) -> tuple[dt.date, dt.date]:
        """First and last day the event date may stand for."""
        return date_range(self.event_date, self.date_precision)


@dataclass
class EventSet:
    """What :func:`load_events` returns: the kept events, the sources and the report."""

    events: list[Event] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    report: Report = field(default_factory=Report)

    def __len__(self) -> int:
        return len(self.events)


# ---------------------------------------------------------------- dates


def parse_event_date(value: str, precision: str) -> dt.date:
    """Parse an event date of the given precision; return its anchor day.

    ``YYYY-MM-DD`` is valid for every precision; ``YYYY-MM`` only for
    ``month``.

    Raises
    ------
    ValueError
        Naming the bad value and the allowed forms.
    """
    if precision not in schema.DATE_PRECISIONS:
        raise ValueError(f"date precision {precision!r} is not one of {', '.join(schema.DATE_PRECISIONS)}")
    if _DATE_DAY.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"date {value!r} is not a real calendar day") from None
        if day.year < 1800:  # date ranges must not run below year 1
            raise ValueError(f"date {value!r} is before 1800; allowed 1800-01-01 to 9999-12-28")
        if day > dt.date(9999, 12, 28):
            raise ValueError(f"date {value!r} is after 9999-12-28; allowed 1800-01-01 to 9999-12-28")
        return day
    if _DATE_MONTH.fullmatch(value):
        if precision != "month":
            raise ValueError(
                f"date {value!r} gives only a month but date_precision is "
                f"{precision!r}; use YYYY-MM-DD or date_precision 'month'"
            )
        year, month = int(value[:4]), int(value[5:7])
        if not 1 <= month <= 12:
            raise ValueError(f"date {value!r} has month {month}; allowed 01-12")
        if year < 1800:
            raise ValueError(f"date {value!r} is before 1800; allowed 1800-01 to 9999-12")
        return dt.date(year, month, 1)
    raise ValueError(f"date {value!r} is not YYYY-MM-DD or YYYY-MM")


@lru_cache(maxsize=8192)
def _date_problem(value: str, precision: str) -> str | None:
    """What :func:`parse_event_date` says is wrong with a date, or ``None`` (cached:
    a large file repeats the same few thousand dates)."""
    try:
        parse_event_date(value, precision)
    except ValueError as err:
        return str(err)
    return None


def date_range(value: str, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day a date of this precision may stand for.

    day: that day; week: three days either side; month: the calendar month.
    The one date interval of the project:
    ``date_start``/``date_end`` of the frame, the page, matching and evaluation.

    Raises
    ------
    ValueError
        As :func:`parse_event_date`.
    """
    day = parse_event_date(value, precision)
    if precision == "day":
        return day, day
    if precision == "week":
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


# ---------------------------------------------------------------- csv reading

#: Byte-order marks of the UTF-16/32 encodings a spreadsheet may save as
#: "Unicode text"; UTF-32 first (its little-endian mark starts like UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(raw: bytes, name: str, report: Report | None = None) -> str:
    """UTF-8 text of a CSV file, or a :class:`SchemaError` naming where it breaks.

    A UTF-16 or UTF-32 file with a byte-order mark is unambiguous: it is
    decoded, with a warning. Without the mark it is named as such (with how
    to convert it) instead of being called binary.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as err:
                raise SchemaError(
                    f"file starts with a {encoding.upper()} byte-order mark but "
                    f"is not valid {encoding.upper()} (byte {err.start}); save it "
                    "as UTF-8",
                    file=name,
                    line=1,
                ) from None
            if report is not None:
                report.add(
                    "warning",
                    name,
                    None,
                    None,
                    f"file is {encoding.upper()} (byte-order mark), not UTF-8; read as "
                    f"{encoding.upper()}. Save it as UTF-8 to silence this warning",
                )
            return text
    nul = raw.find(b"\x00")
    if nul != -1:
        line = raw[:nul].count(b"\n") + 1
        half = raw[:4096]
        if half[1::2].count(0) > len(half) // 4 or half[0::2].count(0) > len(half) // 4:
            order = "LE" if half[1::2].count(0) > half[0::2].count(0) else "BE"
            raise SchemaError(
                f"file looks like UTF-16 ({order}, no byte-order mark), not "
                "UTF-8; save it as UTF-8, e.g. "
                f"iconv -f UTF-16{order} -t UTF-8 in.csv > out.csv",
                file=name,
                line=line,
            )
        raise SchemaError("file is binary (contains NUL bytes), expected UTF-8 CSV text", file=name, line=line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise SchemaError(
            f"not UTF-8: byte 0x{raw[err.start]:02x} cannot be decoded; save the file as UTF-8",
            file=name,
            line=line,
            column=_column_at(raw, err.start),
        ) from None


def _column_at(raw: bytes, offset: int) -> str | None:
    """Header name of the cell holding byte ``offset`` (best effort, for messages)."""
    text = raw.decode("utf-8-sig", errors="replace")
    lines = text.splitlines()
    if not lines:
        return None
    line_no = raw[:offset].count(b"\n")
    try:
        header = next(csv.reader([lines[0]]))
        cells = next(csv.reader([lines[line_no]]))
    except (csv.Error, StopIteration, IndexError):
        return None
    for i, cell in enumerate(cells):
        if "\ufffd" in cell and i < len(header):
            return header[i].strip()
    return None


class _Lines:
    """Iterator over physical lines that the loader can rewind after a bad quote."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.i >= len(self.lines):
            raise StopIteration
        self.i += 1
        return self.lines[self.i - 1]


#: Longest cell accepted, in characters (the csv module's own default limit).
#: A longer cell is nearly always a quote left open or pasted text; its
#: record is rejected as one record, however many lines it spans.
MAX_CELL_CHARS = 131_072


@contextlib.contextmanager
def _field_limit(n: int):
    """Let the csv module read cells up to ``n`` characters (restored after):
    we check cell lengths ourselves, per record, after it is read whole."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, n))
    try:
        yield
    finally:
        csv.field_size_limit(old)


_CLOSE_IT = 'close the quote (a literal quote inside a quoted cell is written "")'


def _shape(cell: str) -> str:
    """The shape of an id: ``AFPK-0014`` -> ``A-0`` (letters, digits collapsed)."""
    return re.sub(r"[0-9]+", "0", re.sub(r"[A-Za-z]+", "A", cell))


def _starts_record(line: str, shapes: set[str], ncols: int, delimiter: str = ",") -> bool:
    """Whether a line inside a quoted cell looks like the start of a new record:
    its first cell has the shape of the first cells of the rows read so far
    (any id-like word before the first row) and it has at least half the
    header's delimiters."""
    first, sep, _ = line.partition(delimiter)
    first = first.strip()
    if not sep or not _SOURCE_ID.fullmatch(first) or (shapes and _shape(first) not in shapes):
        return False
    return line.count(delimiter) >= max(2, (ncols - 1) // 2)


def _unclosed_cell(record: str, delimiter: str = ",") -> int | None:
    """Index of the cell whose quote is still open at the end of ``record``
    (CSV rules as the csv module applies them, quotes open only at the start
    of a cell), or ``None`` when every quote is closed."""
    cell, state = 0, "start"
    for ch in record:
        if state == "quoted":
            if ch == '"':
                state = "quote"
        elif ch == delimiter:
            cell, state = cell + 1, "start"
        elif state == "quote":
            state = "quoted" if ch == '"' else "field"
        elif state == "start" and ch == '"':
            state = "quoted"
        else:
            state = "field"
    return cell if state == "quoted" else None


def read_csv_rows(path: str | Path, required: tuple[str, ...], known: tuple[str, ...], report: Report):
    """Yield ``(line, row_dict)`` for each data row of a CSV file.

    ``line`` is the 1-based physical line where the row starts (the header is
    line 1). Records, not lines, are counted: a quoted cell may span lines.
    Rows with the wrong number of cells or a cell above
    :data:`MAX_CELL_CHARS` are reported and skipped. A quote left open is
    reported; when the quoted cell runs into a line that starts like a new
    record, the rows from there on are read again on their own, and a quote
    left open on the last row is named as such. Counts ``rows_read`` and
    ``rows_rejected``.

    Raises
    ------
    SchemaError
        When the file as a whole cannot be used: unreadable, binary, not
        UTF-8, empty, or a required column missing.
    """
    for line, header, cells in read_csv_records(path, required, known, report):
        yield line, dict(zip(header, cells))


def read_csv_records(path: str | Path, required: tuple[str, ...], known: tuple[str, ...], report: Report):
    """Yield ``(line, header, cells)`` for each data row: :func:`read_csv_rows`
    without the dict per row (``header`` is the same list every time; the
    cells are stripped, one per header column). Same checks, reports and counts.
    """
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SchemaError(f"cannot read file: {err.strerror or err}", file=name) from None
    text = _decode(raw, name, report)
    yield from read_csv_text(text, name, required, known, report)


def read_csv_text(
    text: str, name: str, required: tuple[str, ...], known: tuple[str, ...], report: Report, delimiter: str = ","
):
    """:func:`read_csv_records` of text already decoded (``name`` for
    messages), with its cells separated by ``delimiter`` (the dataset
    importers read semicolon- and tab-separated exports too)."""
    if not text.strip():
        raise SchemaError(
            "file is empty; expected a header row with the columns " + ", ".join(required), file=name, line=1
        )
    # newline="" splits on \n, \r and \r\n only, as the csv module wants;
    # str.splitlines would also split on \u2028 and friends inside a cell.
    lines = _Lines(io.StringIO(text, newline="").readlines())
    with _field_limit(len(text) + 1):
        yield from _rows(lines, name, required, known, report, delimiter)


def _rows(
    lines: _Lines, name: str, required: tuple[str, ...], known: tuple[str, ...], report: Report, delimiter: str = ","
):
    """The records of :func:`read_csv_records`, once the text is decoded."""
    reader = csv.reader(lines, strict=False, delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as err:
        raise SchemaError(f"header row is not valid CSV: {err}", file=name, line=1) from None
    trailing = 0
    while len(header) > 1 and header[-1] == "":  # "a,b,," from a spreadsheet
        header.pop()
        trailing += 1
    missing = [c for c in required if c not in header]
    if missing:
        raise SchemaError(
            f"missing required column(s) {', '.join(missing)}; required: {', '.join(required)}",
            file=name,
            line=1,
            column=missing[0],
        )
    blank = [str(i + 1) for i, h in enumerate(header) if not h]
    if blank:
        raise SchemaError(f"header cell(s) {', '.join(blank)} are empty; every column needs a name", file=name, line=1)
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise SchemaError(
            f"duplicate column(s) {', '.join(dupes)}; each column once", file=name, line=1, column=dupes[0]
        )
    if trailing:
        report.add(
            "warning",
            name,
            1,
            None,
            f"{trailing} empty header cell(s) after {header[-1]!r} ignored (trailing "
            "commas); empty cells there in the rows are ignored too",
        )
    for col in (h for h in header if h not in known):
        report.add("warning", name, 1, col, f"unknown column {col!r} ignored; known: {', '.join(known)}")
    ncols = len(header)
    shapes: set[str] = set()  # shapes of the first cells of good rows
    data_rows = 0

    def reject(line, column, reason):
        report.count(counts.ROWS_REJECTED)
        report.add("rejected", name, line, column, reason)

    while True:
        start = lines.i  # 0-based index of the row's first line
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            data_rows += 1
            report.count(counts.ROWS_READ)
            reject(start + 1, None, f"malformed CSV (lines {start + 1}-{max(lines.i, start + 1)}): {err}")
            if lines.i == start:  # never loop on the same line
                lines.i += 1
            reader = csv.reader(lines, strict=False, delimiter=delimiter)
            continue
        # blank line: not a row (the first cell decides for nearly every row)
        if not cells or (not cells[0].strip() and not "".join(cells).strip()):
            continue
        data_rows += 1
        report.count(counts.ROWS_READ)
        end = lines.i
        if trailing and len(cells) > ncols and not "".join(cells[ncols:]).strip():
            del cells[ncols:]
        # a quote left open: the cell runs into the next record(s) or to the end
        # (only a record over several lines, or the last one, can have one)
        multi = end - start > 1
        opened = col = None
        if multi or end == len(lines.lines):
            restart = next(
                (k for k in range(start + 1, end) if _starts_record(lines.lines[k], shapes, ncols, delimiter)), None
            )
            open_at_end = (
                _unclosed_cell("".join(lines.lines[start:end]), delimiter) if end == len(lines.lines) else None
            )
            opened = next((i for i, c in enumerate(cells) if "\n" in c or "\r" in c), None)
            if open_at_end is not None:
                opened = open_at_end
            col = header[opened] if opened is not None and opened < ncols else None
            if restart is not None:
                reject(
                    start + 1,
                    col,
                    f"unclosed quote: the quoted cell opened on line {start + 1} runs on "
                    f"into line {restart + 1}, which starts like a new record; the lines "
                    f"from {restart + 1} on are read again as rows; {_CLOSE_IT}",
                )
                lines.i = restart
                reader = csv.reader(lines, strict=False, delimiter=delimiter)
                continue
            if open_at_end is not None:
                reject(
                    start + 1,
                    col,
                    f"unclosed quote: the quoted cell opened on line {start + 1} is never "
                    f"closed (it runs to the end of the file, line {end}); {_CLOSE_IT}",
                )
                continue
        if len(cells) != ncols:
            if multi and opened is not None:
                reject(
                    start + 1,
                    col,
                    f"unclosed quote: the quoted cell runs from line {start + 1} to "
                    f"line {end} and the row has {len(cells)} cells, header has "
                    f"{ncols}; {_CLOSE_IT}",
                )
            elif len(cells) < ncols:
                reject(
                    start + 1,
                    header[len(cells)],
                    f"row has {len(cells)} cells, header has {ncols}; cells from {header[len(cells)]!r} on are missing",
                )
            else:
                reject(
                    start + 1,
                    None,
                    f"row has {len(cells)} cells, header has {ncols}; "
                    f"{len(cells) - ncols} extra cell(s) after {header[-1]!r} "
                    "(a comma inside a cell needs quotes)",
                )
            continue
        # a cell above the limit needs a line (or record) above it
        big = (
            next((i for i, c in enumerate(cells) if len(c) > MAX_CELL_CHARS), None)
            if multi or len(lines.lines[start]) > MAX_CELL_CHARS
            else None
        )
        if big is not None:
            reject(
                start + 1,
                header[big],
                f"cell has {len(cells[big])} characters (lines {start + 1}-{end}), above "
                f"the limit of {MAX_CELL_CHARS} per cell; shorten it (a quote left open "
                "makes such cells too)",
            )
            continue
        if data_rows <= 1000 and len(shapes) < 32:  # the ids' shapes show early
            shapes.add(_shape(cells[0].strip()))
        yield start + 1, header, list(map(str.strip, cells))
    if data_rows == 0:
        report.add("warning", name, None, None, "no data rows: the file has only a header")


# ---------------------------------------------------------------- sources


def load_sources(path: str | Path | None = None, report: Report | None = None) -> dict[str, Source]:
    """Load ``sources.csv``: ``{source_id: Source}``.

    Bad rows are reported (``report``) and skipped.
    """
    path = Path(path) if path else geodata_path("sources.csv")
    report = report if report is not None else Report()
    sources: dict[str, Source] = {}
    first_line: dict[str, int] = {}
    for line, row in read_csv_rows(path, schema.SOURCE_REQUIRED, schema.SOURCE_COLUMNS, report):
        try:
            src = _source_from_row(row, str(path), line, first_line)
        except SchemaError as err:
            report.count(counts.ROWS_REJECTED)
            report.add_error(err, value=row.get("source_id", ""))
            continue
        sources[src.source_id] = _capped(src, str(path), line, report)
        first_line[src.source_id] = line
    return sources


def _capped(src: Source, file: str, line: int, report: Report) -> Source:
    """``src`` with an over-long publisher or title cut and an over-long url
    left out, each with a warning (output stays proportional to input)."""
    cut = {}
    for col in ("publisher", "title"):
        value = getattr(src, col)
        if len(value) > MAX_SOURCE_TEXT:
            cut[col] = value[: MAX_SOURCE_TEXT - 1] + "\u2026"
            report.add(
                "warning",
                file,
                line,
                col,
                f"{col} has {len(value)} characters; cut to {MAX_SOURCE_TEXT}",
                value=src.source_id,
            )
    if len(src.url) > MAX_URL:
        cut["url"] = ""
        report.add(
            "warning",
            file,
            line,
            "url",
            f"url has {len(src.url)} characters, above {MAX_URL}; left out",
            value=src.source_id,
        )
    return replace(src, **cut) if cut else src


def _source_from_row(row: dict, file: str, line: int, seen: dict[str, int]) -> Source:
    def fail(col, reason):
        raise SchemaError(reason, file=file, line=line, column=col)

    for col in schema.SOURCE_REQUIRED:
        if not row.get(col):
            fail(col, f"{col} is empty; required columns: {', '.join(schema.SOURCE_REQUIRED)}")
    sid = row["source_id"]
    if not _SOURCE_ID.fullmatch(sid):
        fail("source_id", f"source_id {sid!r} may use only letters, digits and . _ : -")
    if sid in seen:
        fail("source_id", f"duplicate source_id {sid!r} (first on line {seen[sid]})")
    published = row["published"]
    try:
        parse_event_date(published, "month")
    except ValueError as err:
        fail("published", f"published: {err}")
    url = row.get("url", "")
    if url and not re.match(r"^https?://", url, re.I):
        fail("url", f"url {url!r} is not http(s); allowed schemes: http, https")
    return Source(sid, row["publisher"], row["title"], published, url)


# ---------------------------------------------------------------- events


def _int_cell(row: dict, col: str, fail) -> int | None:
    value = row.get(col, "")
    if value == "":
        return None
    if not _WHOLE.fullmatch(value):
        fail(col, f"{col} {value!r} is not a whole number from 0 to 999999999 (or empty when unknown)")
    return int(value)


def _float_cell(row: dict, col: str, fail, lo: float, hi: float) -> float | None:
    value = row.get(col, "")
    if value == "":
        return None
    if not _DECIMAL.fullmatch(value):
        fail(col, f"{col} {value!r} is not a decimal number in ASCII digits (such as 34.12 or -70.5)")
    number = float(value)
    if not lo <= number <= hi:  # also rejects nan
        fail(col, f"{col} {value} is out of range; allowed {lo} to {hi}")
    return number


def event_from_row(
    row: dict,
    file: str,
    line: int,
    sources: dict[str, Source] | None,
    seen: dict[str, int] | None = None,
    memo: dict | None = None,
    *,
    rejected_sources: dict | None = None,
) -> Event:
    """Validate one events.csv row and return the :class:`Event`.

    ``seen``: ``{event_id: line}`` of rows already taken; an id in it is a
    duplicate (:func:`load_events` instead allows one event at several
    places, see :func:`repeat_problem`). ``memo``: a dict kept across the
    rows of one file (with the same ``sources``), where each distinct
    ``sources`` cell is split and checked once. ``rejected_sources``:
    ``{source_id: Problem}`` of sources.csv rows that were rejected, so that
    citing one says why rather than "unknown".

    Raises
    ------
    SchemaError
        Naming file, line, column, the bad value and the allowed values.
    """

    def fail(col, reason):
        raise SchemaError(reason, file=file, line=line, column=col)

    for col in schema.EVENT_REQUIRED:
        if not row.get(col):
            fail(col, f"{col} is empty; required columns: {', '.join(schema.EVENT_REQUIRED)}")
    eid = row["event_id"]
    if seen and eid in seen:
        fail("event_id", f"duplicate event_id {eid!r} (first on line {seen[eid]})")
    etype = row["event_type"]
    if etype not in schema.EVENT_TYPES:
        fail("event_type", f"unknown event type {etype!r}; allowed: {', '.join(schema.EVENT_TYPES)}")
    precision = row["date_precision"]
    if precision not in schema.DATE_PRECISIONS:
        fail(
            "date_precision",
            f"date_precision {precision!r} is not allowed; allowed: {', '.join(schema.DATE_PRECISIONS)}",
        )
    problem = _date_problem(row["event_date"], precision)
    if problem:
        fail("event_date", problem)
    gp = row["geo_precision"]
    if gp not in _GEO_PRECISION_TEXTS:
        fail(
            "geo_precision",
            f"geo_precision {gp!r} is not allowed; allowed: "
            + ", ".join(f"{k} ({v})" for k, v in schema.GEO_PRECISIONS.items()),
        )
    country = row.get("country", "")
    if country and not _ISO2.fullmatch(country):
        fail("country", f"country {country!r} is not an ISO 3166-1 alpha-2 code such as AF, PK")
    lat = _float_cell(row, "latitude", fail, -90.0, 90.0)
    lon = _float_cell(row, "longitude", fail, -180.0, 180.0)
    if (lat is None) != (lon is None):
        fail(
            "latitude" if lat is None else "longitude",
            "give both latitude and longitude, or neither (then the location is geocoded)",
        )
    if lat is not None and country in ("AF", "PK", ""):
        box = schema.REGION_BBOX
        inside = box["min_lat"] <= lat <= box["max_lat"] and box["min_lon"] <= lon <= box["max_lon"]
        swapped = box["min_lat"] <= lon <= box["max_lat"] and box["min_lon"] <= lat <= box["max_lon"]
        # A row without a country may lie anywhere, unless swapping the two
        # numbers would put it in the region: then the order is the mistake.
        if not inside and (country or swapped):
            hint = "; latitude and longitude look swapped" if swapped else ""
            fail(
                "latitude",
                f"point (latitude {lat}, longitude {lon}) lies outside "
                f"Afghanistan/Pakistan (allowed latitude {box['min_lat']} to "
                f"{box['max_lat']}, longitude {box['min_lon']} to "
                f"{box['max_lon']}){hint}",
            )
    fat = _int_cell(row, "fatalities", fail)
    low = _int_cell(row, "fatalities_low", fail)
    high = _int_cell(row, "fatalities_high", fail)
    known = [v for v in (low, fat, high) if v is not None]
    if known != sorted(known):
        fail("fatalities", f"need fatalities_low <= fatalities <= fatalities_high, got {low}, {fat}, {high}")
    verified = row.get("verified", "") or "curated"
    if verified not in schema.VERIFIED_VALUES:
        fail("verified", f"verified {verified!r} is not allowed; allowed: {', '.join(schema.VERIFIED_VALUES)}")
    cited = row["sources"]
    if memo is not None and cited in memo:
        ids, unknown = memo[cited]
    else:
        # each id once: "S1;S1;S1" cites one source
        ids = schema.parse_source_ids(cited)
        unknown = [s for s in ids if s not in sources] if sources is not None else []
        if memo is not None:
            memo[cited] = (ids, unknown)
    if not ids:
        fail("sources", "sources is empty; every event cites at least one source id")
    if sources is not None:
        if unknown:
            known_ids = sorted(sources)
            shown = ", ".join(known_ids[:10]) + (" ..." if len(known_ids) > 10 else "")
            rejected = rejected_sources or {}
            parts = [
                f"source {s!r} was rejected in sources.csv (line {rejected[s].line}"
                f"{f' [{rejected[s].column}]' if rejected[s].column else ''}: "
                f"{rejected[s].reason})"
                for s in unknown
                if s in rejected
            ]
            missing = [s for s in unknown if s not in rejected]
            if missing:
                parts.append(f"unknown source id(s) {', '.join(missing)}; known in sources.csv: {shown or '(none)'}")
            fail("sources", "; ".join(parts))
    return Event(
        event_id=eid,
        event_type=etype,
        sub_event_type=row.get("sub_event_type", ""),
        event_date=row["event_date"],
        date_precision=precision,
        location=row["location"],
        country=country,
        latitude=lat,
        longitude=lon,
        geo_precision=int(gp),
        actor1=row.get("actor1", ""),
        actor2=row.get("actor2", ""),
        fatalities=fat,
        fatalities_low=low,
        fatalities_high=high,
        injuries=_int_cell(row, "injuries", fail),
        sources=ids,
        verified=verified,
        note=row.get("note", ""),
        excerpt=row.get("excerpt", ""),
        dataset=row.get("dataset", ""),
        source_type=row.get("source_type", ""),
        source_precision=row.get("source_precision", ""),
        details=row.get("details", ""),
        file=file,
        line=line,
    )


#: What the rows of one event at several places share.
EVENT_IDENTITY: tuple[str, ...] = ("event_type", "event_date", "date_precision")


def _fast_events(records: list, name: str, known, memo: dict) -> list:
    """:func:`geomap.curated_columns.events_from_columns` over the records of one file."""
    if not records:
        return []
    from .curated_columns import events_from_columns

    header = records[0][1]
    columns = dict(zip(header, map(list, zip(*(cells for _, _, cells in records)))))
    return events_from_columns(columns, [line for line, _, _ in records], name, known, memo)


def repeat_problem(event: Event, earlier) -> str | None:
    """Why ``event`` may not reuse the id of the ``earlier`` rows, or ``None``.

    Rows sharing an ``event_id`` are one event at several places: they must
    agree on :data:`EVENT_IDENTITY` and name different places. A row at a
    place the event already has is a duplicate.
    """
    if not earlier:
        return None
    first = earlier[0]
    head = f"duplicate event_id {event.event_id!r} (first on line {first.line})"
    for ev in earlier:
        if ev.location.casefold() == event.location.casefold() and (ev.latitude, ev.longitude) == (
            event.latitude,
            event.longitude,
        ):
            return (
                f"{head}: the event already has a row at {event.location!r} (line "
                f"{ev.line}); one row per event and place"
            )
    differ = [
        f"{c} {getattr(first, c)!r} there, {getattr(event, c)!r} here"
        for c in EVENT_IDENTITY
        if getattr(first, c) != getattr(event, c)
    ]
    if differ:
        return (
            f"{head} for a different event ({'; '.join(differ)}); rows sharing an id "
            f"are one event at several places and agree on {', '.join(EVENT_IDENTITY)}"
        )
    return None


def load_events(
    events: str | Path | None = None,
    sources: str | Path | None = None,
    *,
    strict: bool = False,
    report: Report | None = None,
    engine: str = "fast",
) -> EventSet:
    """Load and validate events and their sources.

    Parameters
    ----------
    events, sources : path, optional
        Default ``geodata/events.csv`` and the ``sources.csv`` beside it.
    strict : bool
        Raise the first row error instead of reporting and skipping it.
    report : Report, optional
        Collects rejected rows and the counts ``rows_read``, ``rows_kept``,
        ``rows_rejected``.
    engine : {"fast", "reference"}
        ``"fast"`` checks the rows column by column
        (:mod:`geomap.curated_columns`) and the row-wise ``"reference"``
        (:func:`event_from_row`) only the rows it turns down; both keep the
        same rows and report the same problems.

    Returns
    -------
    EventSet

    Examples
    --------
    >>> es = load_events()                      # doctest: +SKIP
    >>> len(es.events), es.report.counts        # doctest: +SKIP
    """
    events = Path(events) if events else geodata_path("events.csv")
    sources = Path(sources) if sources else events.with_name("sources.csv")
    report = report if report is not None else Report()
    src_report = Report()
    known = load_sources(sources, src_report) if sources.exists() else None
    if known is None:
        report.add("warning", str(sources), None, None, "sources file not found; source ids cannot be checked")
    for p in src_report.problems:
        report.problems.append(p)
    report.count(counts.SOURCE_ROWS_READ, src_report.counts.get(counts.ROWS_READ, 0))
    report.count(counts.SOURCE_ROWS_REJECTED, src_report.counts.get(counts.ROWS_REJECTED, 0))
    if strict and src_report.of_kind("rejected"):
        p = src_report.of_kind("rejected")[0]
        raise SchemaError(p.reason, file=p.file, line=p.line, column=p.column)

    out = EventSet(sources=known or {}, report=report)
    first: dict[str, Event] = {}  # the first row of each event_id
    further: dict[str, list[Event]] = {}  # its other rows (other places)
    memo: dict = {}
    name = str(events)
    rejected = {p.value: p for p in src_report.of_kind("rejected") if p.value}
    # The reader's problems go to their own report and are replayed below, each
    # before the row it was found ahead of: rejected.csv lists every problem in
    # file order whichever engine checks the rows.
    read = Report()
    records, marks = [], []
    try:
        for record in read_csv_records(events, schema.EVENT_REQUIRED, schema.EVENT_COLUMNS, read):
            records.append(record)
            marks.append(len(read.problems))
    except SchemaError:  # the file cannot be used: what was found before says why too
        report.problems.extend(read.problems)
        raise
    if read.counts.get(counts.ROWS_READ):
        report.count(counts.ROWS_READ, read.counts[counts.ROWS_READ])
    checked = _fast_events(records, name, known, memo) if engine == "fast" else [None] * len(records)
    shown = 0

    def replay(upto: int) -> None:
        for p in read.problems[shown:upto]:
            report.problems.append(p)
            if p.kind == "rejected":  # the reader counted each row it turned down
                report.count(counts.ROWS_REJECTED)

    for (line, header, cells), mark, event in zip(records, marks, checked):
        replay(mark)
        shown = mark
        row = None
        try:
            if event is None:  # the reference: every row, or the rows the fast engine turned down
                row = dict(zip(header, cells))
                event = event_from_row(row, name, line, known, None, memo, rejected_sources=rejected)
            eid = event.event_id
            if eid in first:
                problem = repeat_problem(event, [first[eid], *further.get(eid, ())])
                if problem:
                    raise SchemaError(problem, file=name, line=line, column="event_id")
        except SchemaError as err:
            if strict:
                raise
            report.count(counts.ROWS_REJECTED)
            report.add_error(err, value=(row or dict(zip(header, cells))).get("event_id", ""))
            continue
        if event.event_id in first:
            further.setdefault(event.event_id, []).append(event)
        else:
            first[event.event_id] = event
        out.events.append(event)
        report.count(counts.ROWS_KEPT)
    replay(len(read.problems))
    if strict and report.of_kind("rejected"):
        p = report.of_kind("rejected")[0]
        raise SchemaError(p.reason, file=p.file, line=p.line, column=p.column)
    report.counts.setdefault("rows_read", 0)
    report.counts.setdefault("rows_kept", 0)
    report.counts.setdefault("rows_rejected", 0)
    return out
