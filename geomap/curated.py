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
import datetime as dt
import operator
import re
import stat
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from . import counts, filepair, schema
from .csvcolumns import read_csv_columns
from .csvrows import read_csv_records, read_csv_rows, spreadsheet_dates
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
_HTTP = re.compile(r"^https?://", re.I)


def is_http(url: str) -> bool:
    """Whether ``url`` is an http(s) link: the only links that reach the page.

    One test for the curated sources, accept's drafts and the importers, so
    that what each leaves out (with a warning) is the same.

    Parameters
    ----------
    url : str
        A link as the file writes it (not stripped).

    Returns
    -------
    bool
        True when it begins ``http://`` or ``https://`` (any case).

    Examples
    --------
    >>> is_http("HTTPS://www.dawn.com/a"), is_http("www.dawn.com/a"), is_http("javascript:alert(1)")
    (True, False, False)
    """
    return _HTTP.match(url) is not None


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


# ---------------------------------------------------------------- sources


def load_sources(path: str | Path | None = None, report: Report | None = None) -> dict[str, Source]:
    """Load ``sources.csv``: ``{source_id: Source}``.

    Bad rows are reported (``report``) and skipped.
    """
    path = Path(path) if path else geodata_path("sources.csv")
    report = report if report is not None else Report()

    sources: dict[str, Source] = {}
    first_line: dict[str, int] = {}
    rows = list(read_csv_rows(path, schema.SOURCE_REQUIRED, schema.SOURCE_COLUMNS, report))
    # dates a spreadsheet rewrote on saving (22.02.2023): every source was rejected, and every event citing it
    published = [(line, "published", row.get("published", "")) for line, row in rows]
    by_line = dict(rows)
    for (line, _), day in spreadsheet_dates(published, str(path), report).items():
        by_line[line]["published"] = day
    for line, row in rows:
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
    left out, each with a warning (output stays proportional to input); a url
    that is not http(s) is left out with a warning too."""
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
    # only http(s) links reach the page; the source stays (its url is optional): a 'www.dawn.com/...'
    # rejected the source and with it every event citing it
    if src.url and not is_http(src.url):
        why = f"url {src.url!r} is not http(s): left out, the source kept without a link; allowed schemes: http, https"
    elif len(src.url) > MAX_URL:
        why = f"url has {len(src.url)} characters, above {MAX_URL}; left out"
    else:
        why = ""
    if why:
        cut["url"] = ""
        report.add("warning", file, line, "url", why, value=src.source_id)
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
    return Source(sid, row["publisher"], row["title"], published, row.get("url", ""))


# ---------------------------------------------------------------- events


# A cell is the text of a CSV cell, or already a number (or None) when the
# row comes from memory (a draft from extraction): the same rules apply to
# both, only text is parsed first.


def _int_cell(row: dict, col: str, fail) -> int | None:
    value = row.get(col, "")
    if type(value) is str:  # a CSV cell, the common case first
        if value == "":
            return None
        if not _WHOLE.fullmatch(value):
            fail(col, f"{col} {value!r} is not a whole number from 0 to 999999999 (or empty when unknown)")
        return int(value)
    if value is None:
        return None
    if not (type(value) is int and 0 <= value <= 999_999_999):
        fail(col, f"{col} {str(value)!r} is not a whole number from 0 to 999999999 (or empty when unknown)")
    return value


def _float_cell(row: dict, col: str, fail, lo: float, hi: float) -> float | None:
    value = row.get(col, "")
    if type(value) is str:  # a CSV cell, the common case first
        if value == "":
            return None
        if not _DECIMAL.fullmatch(value):
            fail(col, f"{col} {value!r} is not a decimal number in ASCII digits (such as 34.12 or -70.5)")
        number = float(value)
    elif value is None:
        return None
    elif type(value) in (int, float):
        number = float(value)
    else:
        fail(col, f"{col} {str(value)!r} is not a decimal number in ASCII digits (such as 34.12 or -70.5)")
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

    The row-at-a-time validator of events (the ``"reference"`` engine of
    :func:`load_events`; :mod:`geomap.curated_columns` is its column-wise
    twin, held to the same results): rows of drafts CSVs and GeoParquet
    files, imported rows and drafts straight from extraction pass through
    it. Cells are text as read from a file; a row built in memory may give
    ``latitude``, ``longitude``, ``geo_precision`` and the counts as numbers
    (``None`` for unknown), checked by the same rules without being written
    out as text first.

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
        value = row.get(col)
        if value is None or value == "":
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
    if gp not in _GEO_PRECISION_TEXTS and not (type(gp) is int and gp in schema.GEO_PRECISIONS):
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


def _fast_events(columns: dict, lines, name: str, known, memo: dict, shared: bool) -> list:
    """:func:`geomap.curated_columns.events_from_columns` over the rows of one file."""
    if not lines:
        return []
    from .curated_columns import events_from_columns

    return events_from_columns(columns, list(lines), name, known, memo, shared=shared)


def _all_kept(checked: list, read: Report) -> bool:
    """Whether every row has its event, with no id given twice and no problem from the reader."""
    if not checked or read.problems or not all(map(operator.is_not, checked, repeat(None))):
        return False
    ids = list(map(operator.attrgetter("event_id"), checked))
    return len(set(ids)) == len(ids)


def _repeated_rows(header: list[str], columns: dict[str, list[str]]) -> set[int]:
    """The rows whose cells, all but ``event_id``, another row has too (a row
    copied under a new id; or one id's rows at one place, which
    :func:`repeat_problem` names)."""
    others = [columns[h] for h in header if h != "event_id" and h in columns]
    # a few cells first (hashing every cell of every row cost a large file a quarter of its load)
    few = [columns[h] for h in ("event_date", "location", "note", "sources") if h in columns] or others
    first: dict[tuple, int] = {}
    maybe: set[int] = set()
    for k, key in enumerate(zip(*few)):
        at = first.setdefault(key, k)
        if at != k:
            maybe.update((at, k))
    full: dict[tuple, int] = {}
    repeated: set[int] = set()
    for k in sorted(maybe):
        at = full.setdefault(tuple(c[k] for c in others), k)
        if at != k:
            repeated.update((at, k))
    return repeated


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


def _spreadsheet_dates(columns: dict, lines, records, header: list[str], name: str, read: Report) -> None:
    """Event dates a spreadsheet rewrote when it saved the file (``19.02.2023``, ``2/19/2023``)
    read back as ``YYYY-MM-DD``, each with a warning (:func:`geomap.csvrows.spreadsheet_dates`, as
    accept reads drafts): a European Excel's save of events.csv rejected every row. The cells are
    changed in ``columns`` and, read row-wise, in ``records``."""
    dates = columns.get("event_date")
    if not dates or all(map(_DATE_DAY.fullmatch, set(dates))):  # the usual file: a few thousand distinct days
        return
    at = dict(zip(lines, range(len(lines))))
    cells = [(line, "event_date", v) for line, v in zip(lines, dates) if not _DATE_DAY.fullmatch(v)]
    i = header.index("event_date")
    for (line, _), day in spreadsheet_dates(cells, name, read).items():
        dates[at[line]] = day
        if records is not None:
            records[at[line]][2][i] = day


def file_stamp(path: Path) -> tuple | None:
    """What changes when a regular file is written (size, modification time, inode), or ``None``
    for anything else (missing, a pipe): compared before and after a file is read.

    Parameters
    ----------
    path : Path

    Returns
    -------
    tuple or None
    """
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino) if stat.S_ISREG(st.st_mode) else None


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
        ``"fast"`` reads a plain file as columns
        (:mod:`geomap.csvcolumns`; any other with the row-wise reader),
        checks the rows column by column (:mod:`geomap.curated_columns`) and
        the row-wise ``"reference"`` (:func:`event_from_row`) only the rows
        it turns down; both keep the same rows and report the same problems.

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
    # an import killed after its commit: its new pair, not the new sources beside the old events
    filepair.finish(events)
    stamps = {path: file_stamp(path) for path in (events, sources)}
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
    # the fast engine reads a plain file as columns (csvcolumns), any other with
    # the reference reader, which reports each bad record
    table = read_csv_columns(events, schema.EVENT_REQUIRED, schema.EVENT_COLUMNS, read) if engine == "fast" else None
    if table is not None:
        header, columns, lines = table.header, table.columns, table.lines
        marks = None  # the reader found nothing between the rows

        def cells_of(k: int) -> list[str]:
            return [columns[h][k] for h in header]

    else:
        records, marks = [], []
        try:
            # as a spreadsheet saved it: semicolons and decimal commas too (coordinates are the decimals)
            coords = ("latitude", "longitude")
            for record in read_csv_records(events, schema.EVENT_REQUIRED, schema.EVENT_COLUMNS, read, coords):
                records.append(record)
                marks.append(len(read.problems))
        except SchemaError:  # the file cannot be used: what was found before says why too
            report.problems.extend(read.problems)
            raise
        lines = [line for line, _, _ in records]
        header = records[0][1] if records else []
        columns = dict(zip(header, map(list, zip(*(cells for _, _, cells in records)))))

        def cells_of(k: int) -> list[str]:
            return records[k][2]

    _spreadsheet_dates(columns, lines, None if table is not None else records, header, name, read)
    for path, stamp in stamps.items():
        if stamp is not None and file_stamp(path) != stamp:
            # an editor saving it (truncate, then write) as it was read: what was read may be a part
            read.add(
                "warning",
                str(path),
                None,
                None,
                "the file changed while it was read (saved from an editor meanwhile?): what was read is "
                "used, which may be only a part of it; run again once it is saved",
            )
    if read.counts.get(counts.ROWS_READ):
        report.count(counts.ROWS_READ, read.counts[counts.ROWS_READ])
    checked = (
        _fast_events(columns, lines, name, known, memo, shared=table is not None)
        if engine == "fast"
        else [None] * len(lines)
    )
    repeated = _repeated_rows(header, columns)
    others = [h for h in header if h != "event_id" and h in columns]
    kept_rows: dict[tuple, tuple[int, str]] = {}  # the cells but the id of each kept row in `repeated`
    if _all_kept(checked, read) and not repeated:
        # the usual large file: every row passed, no id repeats, the reader found
        # nothing to say; what the loop below would do row by row, at once
        out.events = checked
        report.count(counts.ROWS_KEPT, len(checked))
        checked = []
    shown = 0

    def replay(upto: int) -> None:
        for p in read.problems[shown:upto]:
            report.problems.append(p)
            if p.kind == "rejected":  # the reader counted each row it turned down
                report.count(counts.ROWS_REJECTED)

    for k, event in enumerate(checked):
        mark = len(read.problems) if marks is None else marks[k]
        replay(mark)
        shown = mark
        line = lines[k]
        row = None
        copy_key = None
        try:
            if event is None:  # the reference: every row, or the rows the fast engine turned down
                row = dict(zip(header, cells_of(k)))
                event = event_from_row(row, name, line, known, None, memo, rejected_sources=rejected)
            eid = event.event_id
            if eid in first:
                problem = repeat_problem(event, [first[eid], *further.get(eid, ())])
                if problem:
                    raise SchemaError(problem, file=name, line=line, column="event_id")
            if k in repeated:
                copy_key = tuple(columns[h][k] for h in others)
        except SchemaError as err:
            if strict:
                raise
            report.count(counts.ROWS_REJECTED)
            report.add_error(err, value=(row or dict(zip(header, cells_of(k)))).get("event_id", ""))
            continue
        if copy_key is not None:
            if copy_key in kept_rows:
                # a row pasted twice and renumbered is one event as two markers; two events alike in
                # every cell (the same source, day, place, toll, note) may be real: said, not dropped
                at, kept_id = kept_rows[copy_key]
                report.add(
                    "warning",
                    name,
                    line,
                    "event_id",
                    f"the same row as line {at} ({kept_id}) under another event_id: every other cell is the "
                    "same; if it is one event, remove this row; if two, tell them apart (a note)",
                    value=event.event_id,
                )
            else:
                kept_rows[copy_key] = (line, event.event_id)
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
