"""Column-wise validation of curated rows: the ``"fast"`` engine of :func:`~geomap.curated.load_events`.

The row-wise validator, :func:`~geomap.curated.event_from_row`, is the
reference engine (as geopandas names its IO engines): it says, for one row,
the first rule broken and why. This engine checks every rule over a whole
column at once (the same regular expressions and allowed-value sets, one
list comprehension or numpy operation per rule instead of a function call,
a closure and a dict per row: seconds at 100k rows) and builds the
:class:`~geomap.curated.Event` of each row that passes them all. A row that
breaks any rule is handed back as ``None``, and :func:`load_events` runs the
reference on it, so a rejection names the same column and reason word for
word whichever engine ran. The checks are therefore allowed to be
conservative (sending a good row to the reference costs time, not
correctness), never lenient; ``tests/test_curated_columns.py`` holds both
engines to the same kept rows and the same reports.
"""

from __future__ import annotations

import re

import numpy as np

from . import schema
from .curated import (
    _DECIMAL,
    _GEO_PRECISION_TEXTS,
    _ISO2,
    _WHOLE,
    Event,
    Source,
    _date_problem,
)

_TYPES = frozenset(schema.EVENT_TYPES)
_DATE_PRECISIONS = frozenset(schema.DATE_PRECISIONS)
_VERIFIED = frozenset(schema.VERIFIED_VALUES)


def _distinct(cells: list[str]) -> tuple[np.ndarray, list[str]]:
    """(code of each cell, the distinct cells in first-seen order): a rule runs
    once per distinct value (dict lookups: exact, in C), the codes spread its answer."""
    uniques = list(dict.fromkeys(cells))
    index = dict(zip(uniques, range(len(uniques))))
    return np.fromiter(map(index.__getitem__, cells), dtype=np.intp, count=len(cells)), uniques


#: Text columns whose cells mostly repeat (types, dates, places, actors, cited
#: ids) and go on into the frame (numbers are parsed once per distinct cell).
_REPEATED = frozenset(schema.EVENT_COLUMNS) - {
    # unique per row, or parsed as numbers once per distinct cell
    "event_id",
    "note",
    "excerpt",
    "details",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injuries",
}


def _shared(cells: list[str]) -> list[str]:
    """The same cells, equal ones as one str object (in C: a dict keeps one per value).

    The reader makes a new object per cell; shared, every later pass over
    a column (the checks here, the frame, the page, the exports, each forked
    writer's copy) touches a few objects instead of 100k scattered ones, and
    each string's hash is worked out once.
    """
    one = dict(zip(cells, cells))
    return list(map(one.__getitem__, cells))


def _filled(cells: list[str]) -> np.ndarray | bool:
    """Whether each cell is non-empty; just ``True`` when all are (one C scan)."""
    return True if "" not in cells else np.array(cells, dtype=object) != ""


def _each(cells: list[str], rule) -> np.ndarray | bool:
    """``rule(cell)`` (a bool) of every cell, once per distinct cell; just
    ``True`` when it holds for all (the usual case: no per-row array)."""
    uniques = dict.fromkeys(cells)
    answers = [rule(u) for u in uniques]
    if all(answers):
        return True
    codes, uniques = _distinct(cells)
    return np.array(answers, dtype=bool)[codes]


#: A whole column of cells, each empty or a decimal, joined by newlines: one
#: regex call checks 100k coordinates where a call per cell costs a function
#: call each (only used when no cell holds a newline itself).
_DECIMAL_COLUMN = re.compile(f"(?:{_DECIMAL.pattern})?(?:\n(?:{_DECIMAL.pattern})?)*")


def _coordinate(cells: list[str], lo: float, hi: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(numbers, nan where empty or bad; good mask; given mask) of a latitude/longitude column."""
    n = len(cells)
    joined = "\n".join(cells)
    if joined.count("\n") != n - 1 or _DECIMAL_COLUMN.fullmatch(joined) is None:
        return _coordinate_cells(cells, lo, hi)
    # every cell is empty or a decimal: float() of each given one, as the reference parses it
    given = np.array(cells, dtype=object) != "" if "" in cells else np.ones(n, dtype=bool)
    numbers = np.full(n, np.nan)
    rows = np.flatnonzero(given)
    numbers[rows] = list(map(float, cells)) if len(rows) == n else [float(cells[i]) for i in rows.tolist()]
    with np.errstate(invalid="ignore"):
        good = ~given | ((lo <= numbers) & (numbers <= hi))  # nan and infinities fail, as there
    return numbers, good, given


def _decimal(lo: float, hi: float):
    def rule(cell: str) -> float:
        """The number of a coordinate cell; nan when empty, None when bad (the reference's checks)."""
        if cell == "":
            return np.nan
        if _DECIMAL.fullmatch(cell) is None:
            return None
        number = float(cell)  # as the reference parses it
        return number if lo <= number <= hi else None  # also turns down nan

    return rule


def _coordinate_cells(cells: list[str], lo: float, hi: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_coordinate` once per distinct cell (a column with some bad or odd cell)."""
    codes, uniques = _distinct(cells)
    parsed = [_decimal(lo, hi)(u) for u in uniques]
    good = np.array([v is not None for v in parsed], dtype=bool)[codes]
    numbers = np.array([np.nan if v is None else v for v in parsed], dtype=float)[codes]
    given = np.array([u != "" for u in uniques], dtype=bool)[codes]
    return numbers, good, given


#: A whole-number cell that is empty (kept apart from 0 and from a bad cell).
_EMPTY_INT = -1
_BAD_INT = -2


def _whole_rule(cell: str) -> int:
    if cell == "":
        return _EMPTY_INT
    return int(cell) if _WHOLE.fullmatch(cell) is not None else _BAD_INT


def _whole(cells: list[str]) -> np.ndarray:
    """Each whole-number cell as int64: its value, :data:`_EMPTY_INT` or :data:`_BAD_INT`."""
    codes, uniques = _distinct(cells)
    return np.array([_whole_rule(u) for u in uniques], dtype=np.int64)[codes]


def _optional(values: np.ndarray, given: np.ndarray) -> list:
    """``values`` as Python numbers (the values the reference parses), ``None`` where not given."""
    out = values.tolist()
    if not given.all():
        for k in np.flatnonzero(~given).tolist():
            out[k] = None
    return out


def _ordered(low: np.ndarray, mid: np.ndarray, high: np.ndarray) -> np.ndarray:
    """``low <= mid <= high`` over the values given (the reference sorts the known ones)."""
    ok = np.ones(len(low), dtype=bool)
    for a, b in ((low, mid), (mid, high), (low, high)):
        both = (a >= 0) & (b >= 0)
        ok &= ~both | (a <= b)
    return ok


def events_from_columns(
    columns: dict[str, list[str]],
    lines: list[int],
    file: str,
    sources: dict[str, Source] | None,
    memo: dict,
    shared: bool = False,
) -> list[Event | None]:
    """The :class:`Event` of each row that passes every rule, ``None`` for the others.

    Parameters
    ----------
    columns : dict
        Column name -> stripped cells, one per row (columns absent from the
        file may be missing: they read as empty, as ``row.get(col, "")``).
    lines : list of int
        Each row's line number in ``file``.
    sources : dict or None
        ``{source_id: Source}`` to check cited ids against (``None``: unchecked).
    memo : dict
        Shared with the reference: each distinct ``sources`` cell is split
        and checked once.
    shared : bool
        Equal cells of a column are already one object (as
        :func:`geomap.csvcolumns.read_csv_columns` reads them); otherwise the
        repeating columns are made so here.
    """
    n = len(lines)
    empty = [""] * n
    if not shared:
        columns = {name: _shared(cells) if name in _REPEATED else cells for name, cells in columns.items()}

    def col(name: str) -> list[str]:
        return columns.get(name, empty)

    ok = np.ones(n, dtype=bool)
    for name in schema.EVENT_REQUIRED:
        ok &= _filled(col(name))
    ok &= _each(col("event_type"), _TYPES.__contains__)
    ok &= _each(col("date_precision"), _DATE_PRECISIONS.__contains__)
    # _date_problem is the reference's own check, once per distinct (date, precision)
    dated = list(zip(col("event_date"), col("date_precision")))
    ok &= _each(dated, lambda pair: _date_problem(*pair) is None)
    ok &= _each(col("geo_precision"), _GEO_PRECISION_TEXTS.__contains__)
    country = col("country")
    ok &= _each(country, lambda c: c == "" or _ISO2.fullmatch(c) is not None)
    y, lat_ok, lat_given = _coordinate(col("latitude"), -90.0, 90.0)
    x, lon_ok, lon_given = _coordinate(col("longitude"), -180.0, 180.0)
    ok &= lat_ok & lon_ok & (lat_given == lon_given)
    # a point outside the region (see event_from_row): AF/PK or no country, unless inside
    box = schema.REGION_BBOX
    with np.errstate(invalid="ignore"):
        inside = (box["min_lat"] <= y) & (y <= box["max_lat"]) & (box["min_lon"] <= x) & (x <= box["max_lon"])
        swapped = (box["min_lat"] <= x) & (x <= box["max_lat"]) & (box["min_lon"] <= y) & (y <= box["max_lon"])
    outside = lat_given & ~inside
    if outside.any():
        ours = _each(country, ("AF", "PK", "").__contains__)
        has_country = _filled(country)
        ok &= ~(outside & ours & (has_country | swapped))
    whole = {name: _whole(col(name)) for name in ("fatalities", "fatalities_low", "fatalities_high", "injuries")}
    for values in whole.values():
        ok &= values != _BAD_INT
    ok &= _ordered(whole["fatalities_low"], whole["fatalities"], whole["fatalities_high"])
    verified = [v or "curated" for v in col("verified")]
    ok &= _each(verified, _VERIFIED.__contains__)
    cited = col("sources")
    for cell in set(cited).difference(memo):
        ids = schema.parse_source_ids(cell)
        memo[cell] = (ids, [s for s in ids if s not in sources] if sources is not None else [])
    ok &= _each(cited, lambda c: bool(memo[c][0]) and not memo[c][1])

    # the Events of the rows that passed, field by field (in Event's order)
    rows = np.flatnonzero(ok)
    every = len(rows) == n
    take = rows.tolist()

    def pick(values: list) -> list:
        return values if every else [values[i] for i in take]

    fields = [
        pick(col("event_id")),
        pick(col("event_type")),
        pick(col("sub_event_type")),
        pick(col("event_date")),
        pick(col("date_precision")),
        pick(col("location")),
        pick(country),
        _optional(y[rows], lat_given[rows]),
        _optional(x[rows], lon_given[rows]),
        list(map(int, pick(col("geo_precision")))),
        pick(col("actor1")),
        pick(col("actor2")),
        *(_optional(v[rows], v[rows] >= 0) for v in whole.values()),
        list(map(lambda c: memo[c][0], pick(cited))),
        pick(verified),
        pick(col("note")),
        pick(col("excerpt")),
        [None] * len(take),  # confidence: curated rows carry none
        pick(col("dataset")),
        pick(col("source_type")),
        pick(col("source_precision")),
        pick(col("details")),
        [file] * len(take),
        pick(lines),
    ]
    events = list(map(Event, *fields))
    if every:
        return events
    out: list[Event | None] = [None] * n
    for i, event in zip(take, events):
        out[i] = event
    return out
