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
    index = {u: i for i, u in enumerate(uniques)}
    return np.fromiter(map(index.__getitem__, cells), dtype=np.intp, count=len(cells)), uniques


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


def _coordinate(cells: list[str], lo: float, hi: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(numbers, nan where empty or bad; good mask; given mask) of a latitude/longitude column."""
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


def _member(cells: list[str], allowed) -> np.ndarray:
    codes, uniques = _distinct(cells)
    return np.array([u in allowed for u in uniques], dtype=bool)[codes]


def _not_empty(cells: list[str]) -> np.ndarray:
    return np.array(cells, dtype=object) != ""


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
    """
    n = len(lines)
    empty = [""] * n

    def col(name: str) -> list[str]:
        return columns.get(name, empty)

    ok = np.ones(n, dtype=bool)
    for name in schema.EVENT_REQUIRED:
        ok &= _not_empty(col(name))
    etype, precision, date = col("event_type"), col("date_precision"), col("event_date")
    ok &= _member(etype, _TYPES)
    ok &= _member(precision, _DATE_PRECISIONS)
    # _date_problem is the reference's own check, once per distinct (date, precision)
    date_codes, dates = _distinct(date)
    precision_codes, precisions = _distinct(precision)
    pairs, first = np.unique(date_codes * len(precisions) + precision_codes, return_inverse=True)
    ok &= np.array(
        [_date_problem(dates[k // len(precisions)], precisions[k % len(precisions)]) is None for k in pairs.tolist()],
        dtype=bool,
    )[first]
    gp = col("geo_precision")
    ok &= _member(gp, _GEO_PRECISION_TEXTS)
    country = col("country")
    codes, uniques = _distinct(country)
    ok &= np.array([c == "" or _ISO2.fullmatch(c) is not None for c in uniques], dtype=bool)[codes]
    ours = np.array([c in ("AF", "PK", "") for c in uniques], dtype=bool)[codes]
    has_country = np.array([c != "" for c in uniques], dtype=bool)[codes]
    y, lat_ok, lat_given = _coordinate(col("latitude"), -90.0, 90.0)
    x, lon_ok, lon_given = _coordinate(col("longitude"), -180.0, 180.0)
    ok &= lat_ok & lon_ok & (lat_given == lon_given)
    # a point outside the region (see event_from_row): AF/PK or no country, unless inside
    box = schema.REGION_BBOX
    with np.errstate(invalid="ignore"):
        inside = (box["min_lat"] <= y) & (y <= box["max_lat"]) & (box["min_lon"] <= x) & (x <= box["max_lon"])
        swapped = (box["min_lat"] <= x) & (x <= box["max_lat"]) & (box["min_lon"] <= y) & (y <= box["max_lon"])
    ok &= ~(lat_given & ours & ~inside & (has_country | swapped))
    whole = {name: _whole(col(name)) for name in ("fatalities", "fatalities_low", "fatalities_high", "injuries")}
    for values in whole.values():
        ok &= values != _BAD_INT
    ok &= _ordered(whole["fatalities_low"], whole["fatalities"], whole["fatalities_high"])
    verified = [v or "curated" for v in col("verified")]
    ok &= _member(verified, _VERIFIED)
    cited = col("sources")
    codes, uniques = _distinct(cited)
    for cell in uniques:
        if cell not in memo:
            ids = schema.parse_source_ids(cell)
            memo[cell] = (ids, [s for s in ids if s not in sources] if sources is not None else [])
    ok &= np.array([bool(memo[c][0]) and not memo[c][1] for c in uniques], dtype=bool)[codes]
    ids = [memo[c][0] for c in uniques]

    rows = np.flatnonzero(ok)
    lat = _optional(y, lat_given, rows, float)
    lon = _optional(x, lon_given, rows, float)
    fat, low, high, injuries = (_optional(v, v >= 0, rows, int) for v in whole.values())
    cited_ids = [ids[c] for c in codes[rows].tolist()]
    geo = [int(g) for g in np.array(gp, dtype=object)[rows].tolist()]
    out: list[Event | None] = [None] * n
    eid, sub, location = col("event_id"), col("sub_event_type"), col("location")
    actor1, actor2, note, excerpt = col("actor1"), col("actor2"), col("note"), col("excerpt")
    dataset, source_type = col("dataset"), col("source_type")
    source_precision, details = col("source_precision"), col("details")
    for k, i in enumerate(rows.tolist()):
        out[i] = Event(
            eid[i],
            etype[i],
            sub[i],
            date[i],
            precision[i],
            location[i],
            country[i],
            lat[k],
            lon[k],
            geo[k],
            actor1[i],
            actor2[i],
            fat[k],
            low[k],
            high[k],
            injuries[k],
            cited_ids[k],
            verified[i],
            note[i],
            excerpt[i],
            None,
            dataset[i],
            source_type[i],
            source_precision[i],
            details[i],
            file,
            lines[i],
        )
    return out


def _optional(values: np.ndarray, given: np.ndarray, rows: np.ndarray, kind) -> list:
    """``values[rows]`` as Python ``kind`` (float or int), ``None`` where not given."""
    picked = values[rows].tolist()  # Python floats / ints, the same values the reference parses
    for k in np.flatnonzero(~given[rows]).tolist():
        picked[k] = None
    return picked
