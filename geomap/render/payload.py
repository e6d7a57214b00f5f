"""The events GeoDataFrame as the one JSON payload the page's browser code reads.

The page never gets one folium object per event: it gets this payload once,
and ``static/events.js`` builds the markers (see issue 3: per-event folium
objects cost seconds and megabytes at 10k events).

Both forms are made column by column (numpy arrays of Python objects, one
operation per field) from :func:`_frame_columns`: at 100k events a pass per
row, or a parsed dict per cited source, cost seconds.
"""

from __future__ import annotations

import json

import numpy as np
import orjson
import pandas as pd
import shapely
from shapely.geometry import mapping

from ..curated import date_range
from ..geo import latlon
from ..geoframe import SOURCE_FIELDS, made_sources
from ..schema import parse_source_ids

#: Text columns copied as they are (untrusted: the browser only ever puts
#: them into the page with textContent).
_TEXT = {
    "type": "event_type",
    "sub": "sub_event_type",
    "date": "event_date",
    "dp": "date_precision",
    "place": "location",
    "country": "country",
    "admin1": "admin1",
    "kind": "place_kind",
    "actor1": "actor1",
    "actor2": "actor2",
    "note": "note",
    "excerpt": "excerpt",
    "verified": "verified",
    # imported datasets: name, own type, own precision codes, other columns (JSON)
    "dataset": "dataset",
    "otype": "source_type",
    "oprec": "source_precision",
    "details": "details",
}
_NUMBERS = {
    "fat": "fatalities",
    "fat_lo": "fatalities_low",
    "fat_hi": "fatalities_high",
    "inj": "injuries",
    "conf": "confidence",
}
#: The fields of one source in the page, in order.
_SOURCE_FIELDS = SOURCE_FIELDS


def date_interval(event_date: str, precision: str) -> tuple[str, str]:
    """First and last day an event date may mean (fallback when the frame lacks them).

    >>> date_interval("2024-02", "month")
    ('2024-02-01', '2024-02-29')
    >>> date_interval("2024-03-01", "week")
    ('2024-02-27', '2024-03-04')
    """
    event_date = str(event_date)
    start, end = date_range(event_date, "month" if len(event_date) == 7 else precision)
    return start.isoformat(), end.isoformat()


def _column(gdf, col: str, n: int) -> list:
    """The values of a column as Python objects, ``None`` for NA (and infinities), or ``n`` Nones.

    Vectorised: one :func:`~geomap.render.assets.clean` per cell cost seconds at 100k events.
    """
    if col not in gdf.columns:
        return [None] * n
    series = gdf[col]
    missing = series.isna().to_numpy()
    if series.dtype.kind == "f":
        missing = missing | np.isinf(series.to_numpy())
    # tolist gives Python scalars for typed columns; object columns may hold
    # numpy scalars, which the page's JSON needs as Python ones
    values = series.tolist()
    if series.dtype == object:
        values = [v.item() if hasattr(v, "item") else v for v in values]
    if missing.any():
        for i in np.flatnonzero(missing).tolist():
            values[i] = None
    return values


def _texts(values: list) -> list[str]:
    if set(map(type, values)) <= {str}:  # the usual case: nothing to convert (a C scan)
        return values
    return ["" if v is None else str(v) for v in values]


def _objects(values: list) -> np.ndarray:
    """A list as a 1-d object array (also when its items are tuples or lists)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _text_array(gdf, col: str, n: int) -> np.ndarray:
    """``_texts(_column(gdf, col, n))`` as an object array.

    A text column (pandas' ``str``, or ``object`` holding only ``str``) is
    taken as it is, NA as ``""``; any other goes value by value.
    """
    if col not in gdf.columns:
        return _objects([""] * n)
    series = gdf[col]
    if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
        values = series.to_numpy(dtype=object)
        if set(map(type, values)) <= {str}:  # no NA either: one pass
            return values
        missing = series.isna().to_numpy()
        if set(map(type, values[~missing])) <= {str}:
            values = values.copy()  # may be the frame's own array
            values[missing] = ""
            return values
    return _objects(_texts(_column(gdf, col, n)))


def _source_text(value) -> str:
    # JSON gives str, numbers, None (or NaN, which json.loads accepts)
    if value is None or value != value:
        return ""
    return str(value)


def _parsed_sources(raw: str) -> tuple | None:
    """The sources of a ``sources_json`` cell as tuples of :data:`_SOURCE_FIELDS`
    texts; ``None`` when the cell holds no JSON list.

    Parsed by orjson (a compiled parser: ~40% less time than :mod:`json` over
    the 50k distinct cells of 100k events), which reads strings as
    :func:`json.loads` does; a cell it turns down, or with a field that is not
    a string (orjson reads integers past 64 bits as floats), is parsed again
    by :mod:`json`.
    """
    if not raw:
        return None
    made = made_sources(raw)  # a cell made in this process: its sources without parsing
    if made is not None:
        return made
    try:
        items = orjson.loads(raw)
    except orjson.JSONDecodeError:
        items = None
    refs = _source_fields(items)
    if refs is None or not set(map(type, (v for ref in refs for v in ref))) <= {str}:
        try:
            items = json.loads(raw)
        except ValueError:
            return None
        refs = _source_fields(items)
        if refs is None:
            return None
        refs = [tuple(map(_source_text, ref)) for ref in refs]
    return tuple(refs)


def _source_fields(items) -> list[tuple] | None:
    if not isinstance(items, list):
        return None
    return [tuple(map(s.get, _SOURCE_FIELDS)) for s in items if isinstance(s, dict)]


def _source_tuples(raw_sources: list[str], source_ids: list[str]) -> list[tuple]:
    """Each row's sources (see :func:`_parsed_sources`); rows citing the same share one tuple.

    Each distinct ``sources_json`` text is parsed once; a row whose text is
    empty or not a JSON list has its ``sources`` ids, with empty texts.
    """
    parsed = {raw: _parsed_sources(raw) for raw in dict.fromkeys(raw_sources)}
    by_ids: dict[str, tuple] = {}
    out = []
    for raw, ids in zip(raw_sources, source_ids):
        refs = parsed[raw]
        if refs is None:
            refs = by_ids.get(ids)
            if refs is None:
                refs = by_ids[ids] = tuple((s, "", "", "", "") for s in parse_source_ids(ids))
        out.append(refs)
    return out


def _source_list(raw: str, ids: str) -> list[dict]:
    """One row's sources as the page's dicts."""
    return [dict(zip(_SOURCE_FIELDS, ref)) for ref in _source_tuples([raw], [ids])[0]]


def _frame_columns(gdf, paged: bool = False) -> tuple[dict[str, np.ndarray], list[dict]]:
    """The page's fields as object arrays (keys :data:`_KEYS`) over the rows that
    have a point, and the shared non-point geometries, rounded.

    Rows in frame order, or with ``paged`` in the page's order (by start
    date, then uid; see :func:`_page_order`). ``sources`` holds one tuple of
    source tuples per row (see :func:`_source_tuples`).
    """
    n = len(gdf)
    lats, lons = _column(gdf, "latitude", n), _column(gdf, "longitude", n)
    geoms = np.asarray(gdf.geometry.values, dtype=object) if gdf.geometry is not None and n else _objects([None] * n)
    # A row without coordinates takes a point of its geometry; with neither it
    # is not drawn (the dataset already reported it as unlocated).
    for i in [i for i, (y, x) in enumerate(zip(lats, lons)) if y is None or x is None]:
        geom = geoms[i]
        if geom is not None and not geom.is_empty:
            lats[i], lons[i] = latlon(geom)
    drawn = [y is not None and x is not None for y, x in zip(lats, lons)]
    rows = None if all(drawn) else np.flatnonzero(np.array(drawn, dtype=bool))  # None: every row

    def pick(values) -> np.ndarray:
        values = values if isinstance(values, np.ndarray) else _objects(values)
        return values if rows is None else values[rows]

    # first what depends on the frame's order (numbering, first places, shapes)
    out: dict[str, np.ndarray] = {}
    ids = pick(_text_array(gdf, "event_id", n))
    id_list = ids.tolist()
    if len(set(id_list)) == len(id_list):
        uids = ids
    else:  # the further places of one event: id~2, id~3, ...
        seen: dict[str, int] = {}
        numbered = []
        for eid in id_list:
            count = seen[eid] = seen.get(eid, 0) + 1
            numbered.append(eid if count == 1 else f"{eid}~{count}")
        uids = _objects(numbered)
    starts, ends = pick(_text_array(gdf, "date_start", n)), pick(_text_array(gdf, "date_end", n))
    lacking = [j for j, (s, e) in enumerate(zip(starts.tolist(), ends.tolist())) if not (s and e)]
    if lacking:
        starts, ends = starts.copy(), ends.copy()
        dates, precisions = pick(_text_array(gdf, "event_date", n)), pick(_text_array(gdf, "date_precision", n))
        for j in lacking:
            starts[j], ends[j] = date_interval(dates[j], precisions[j] or "day")
    shapes: list[dict] = []
    shape_index: dict[bytes, int] = {}
    kept_geoms = pick(geoms)
    shape_of = [None] * len(kept_geoms)
    if len(kept_geoms):
        # non-point, non-empty geometries (None has type id -1)
        other = (shapely.get_type_id(kept_geoms) > 0) & ~shapely.is_empty(kept_geoms)
        for j in np.flatnonzero(other).tolist():
            geom = kept_geoms[j]
            wkb = geom.wkb
            if wkb not in shape_index:
                shape_index[wkb] = len(shapes)
                shapes.append(mapping(geom))
            shape_of[j] = shape_index[wkb]
    shape_of = _objects(shape_of)
    if paged:  # then every field is taken in the page's order at once
        order = _page_order(starts, uids)
        ids, uids, starts, ends, shape_of = ids[order], uids[order], starts[order], ends[order], shape_of[order]
        rows = order if rows is None else rows[order]
    out["uid"], out["id"], out["start"], out["end"], out["shape"] = uids, ids, starts, ends, shape_of
    out["lat"] = _objects([round(float(v), 5) for v in pick(lats).tolist()])
    out["lon"] = _objects([round(float(v), 5) for v in pick(lons).tolist()])
    for key, col in _TEXT.items():
        out[key] = pick(_text_array(gdf, col, n))
    for key, col in _NUMBERS.items():
        vals = pick(_column(gdf, col, n)).tolist()
        out[key] = _objects([None if v is None else (round(float(v), 2) if key == "conf" else int(v)) for v in vals])
    out["gp"] = _objects([1 if g is None else int(g) for g in pick(_column(gdf, "geo_precision", n)).tolist()])
    out["label"] = pick(_text_array(gdf, "event_label", n))
    raw = _text_array(gdf, "sources_json", n)
    cited = _text_array(gdf, "sources", n)
    out["sources"] = pick(_source_tuples(raw.tolist(), cited.tolist()))
    out["verified"] = _objects([v or "curated" for v in out["verified"].tolist()])
    # without a dataset column, an event's dataset is its verification status
    out["dataset"] = _objects([d or v for d, v in zip(out["dataset"].tolist(), out["verified"].tolist())])
    return {k: out[k] for k in _KEYS}, [_rounded(s) for s in shapes]


def event_columns(gdf) -> dict:
    """The page's event fields as columns (one list per field, rows in frame order).

    Rows without coordinates are dropped (the dataset already reported them
    as unlocated).

    Returns
    -------
    dict
        ``columns``: field name -> list (the keys of one event of
        :func:`events_payload`, ``sources`` as lists of dicts);
        ``shapes``: the shared non-point geometries, rounded.
    """
    cols, shapes = _frame_columns(gdf)
    out = {k: v.tolist() for k, v in cols.items() if k != "sources"}
    as_dicts: dict[int, list[dict]] = {}
    sources = []
    for refs in cols["sources"].tolist():
        dicts = as_dicts.get(id(refs))
        if dicts is None:
            dicts = as_dicts[id(refs)] = [dict(zip(_SOURCE_FIELDS, ref)) for ref in refs]
        sources.append(dicts)
    out["sources"] = sources
    return {"columns": {k: out[k] for k in _KEYS}, "shapes": shapes}


#: Order of an event's keys in the page (as the row-by-row payload had them).
_KEYS = ("uid", "id", "lat", "lon", *_TEXT, *_NUMBERS, "gp", "start", "end", "label", "sources", "shape")


def events_payload(gdf) -> dict:
    """Events and their non-point shapes, ready for :func:`~geomap.render.assets.safe_json`.

    Returns
    -------
    dict
        ``events``: one dict per row, keyed by ``uid`` (the event id, suffixed
        ``~2``, ``~3`` for the further locations of a multi-location event);
        ``shapes``: GeoJSON geometries of the non-point rows, shared between
        rows with the same shape (border-wide events all carry the Durand
        Line, which goes into the page once).
    """
    data = event_columns(gdf)
    cols = data["columns"]
    # dicts are copied: rows sharing a parsed source list must not share it in the page
    events = [dict(zip(_KEYS, values)) for values in zip(*(cols[k] for k in _KEYS))]
    for ev in events:
        ev["sources"] = [dict(s) for s in ev["sources"]]
    return {"events": events, "shapes": data["shapes"]}


#: Text fields with few distinct values: dictionary-encoded in the compact payload.
_DICT_FIELDS = (
    "type",
    "sub",
    "dp",
    "place",
    "country",
    "admin1",
    "kind",
    "actor1",
    "actor2",
    "verified",
    "label",
    "gp",
    "dataset",
    "otype",
    "oprec",
)


def _page_order(starts: np.ndarray, uids: np.ndarray) -> np.ndarray:
    """Row order by start date, then uid (as Python sorts the pairs).

    numpy sorts fixed-width unicode arrays by code point, as Python sorts
    ``str``, but drops trailing NUL characters: text holding one is sorted
    by Python.
    """
    starts_l, uids_l = starts.tolist(), uids.tolist()
    if "\x00" in "".join(starts_l) or "\x00" in "".join(uids_l):
        keys = list(zip(starts_l, uids_l))
        return np.array(sorted(range(len(keys)), key=keys.__getitem__), dtype=np.intp)
    if not starts_l:
        return np.zeros(0, dtype=np.intp)
    return np.lexsort((np.array(uids_l, dtype=str), np.array(starts_l, dtype=str)))


def compact_payload(gdf) -> dict:
    """The events as columns, for large maps (see :func:`events_payload` for the fields).

    Low-cardinality fields become ``{"values": [...], "index": [...]}``,
    sources an index list into one ``sources`` table, ``uid`` is given only
    where it differs from ``id``. ``static/geomap.js`` turns it back into the
    same event objects as :func:`events_payload`.
    """
    cols, shapes = _frame_columns(gdf, paged=True)
    out: dict = {"format": "columns", "n": len(cols["id"]), "columns": {}}
    c = out["columns"]
    for key in _KEYS:
        values = cols[key].tolist()
        if key == "uid":
            ids = cols["id"].tolist()
            c["uid"] = {str(i): u for i, (u, e) in enumerate(zip(values, ids)) if u != e}
        elif key == "sources":
            # one table of distinct sources; rows citing the same share one index list
            index: dict[tuple, int] = {}
            lists: dict[int, list[int]] = {}
            rows = []
            for refs in values:
                ref = lists.get(id(refs))
                if ref is None:
                    ref = lists[id(refs)] = [index.setdefault(s, len(index)) for s in refs]
                rows.append(ref)
            out["sources"] = [dict(zip(_SOURCE_FIELDS, s)) for s in index]
            c["sources"] = rows
        elif key in _DICT_FIELDS:
            # codes in first-appearance order, by dict lookups in C (the values are
            # all str, or all int for gp: no two distinct values compare equal)
            uniques = list(dict.fromkeys(values))
            code = {v: i for i, v in enumerate(uniques)}
            c[key] = {"values": uniques, "index": list(map(code.__getitem__, values))}
        else:
            c[key] = values
    out["shapes"] = shapes
    return out


def _rounded(geo: dict) -> dict:
    """GeoJSON geometry with coordinates rounded to ~1 m (smaller page)."""

    def r(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(float(x), 5) for x in c]
        return [r(x) for x in c]

    if "coordinates" not in geo:  # GeometryCollection: rare, keep as is
        return json.loads(json.dumps(geo))
    return {"type": geo["type"], "coordinates": r(geo["coordinates"])}
