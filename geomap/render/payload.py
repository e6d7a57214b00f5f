"""The events GeoDataFrame as the one JSON payload the page's browser code reads.

The page never gets one folium object per event: it gets this payload once,
and ``static/events.js`` builds the markers (see issue 3: per-event folium
objects cost seconds and megabytes at 10k events).
"""

from __future__ import annotations

import json
from operator import itemgetter

import numpy as np
import shapely
from shapely.geometry import mapping

from ..curated import date_range
from ..geo import latlon
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


def _source_text(value) -> str:
    # JSON gives str, numbers, None (or NaN, which json.loads accepts)
    if value is None or value != value:
        return ""
    return str(value)


def _source_list(raw: str, ids: str) -> list[dict]:
    if raw:
        try:
            items = json.loads(raw)
        except ValueError:
            items = None
        if isinstance(items, list):
            return [
                {k: _source_text(s.get(k)) for k in ("source_id", "publisher", "title", "published", "url")}
                for s in items
                if isinstance(s, dict)
            ]
    return [{"source_id": s, "publisher": "", "title": "", "published": "", "url": ""} for s in parse_source_ids(ids)]


def event_columns(gdf) -> dict:
    """The page's event fields as columns (one list per field, rows in frame order).

    Works column by column rather than row by row: at 100k events
    ``iterrows`` alone cost tens of seconds. Rows without coordinates are
    dropped (the dataset already reported them as unlocated).

    Returns
    -------
    dict
        ``columns``: field name -> list (the keys of one event of
        :func:`events_payload`, ``sources`` as lists of dicts);
        ``shapes``: the shared non-point geometries, rounded.
    """
    n = len(gdf)
    cols: dict[str, list] = {key: _texts(_column(gdf, col, n)) for key, col in _TEXT.items()}
    for key, col in _NUMBERS.items():
        vals = _column(gdf, col, n)
        cols[key] = [None if v is None else (round(float(v), 2) if key == "conf" else int(v)) for v in vals]
    ids = _texts(_column(gdf, "event_id", n))
    lats, lons = _column(gdf, "latitude", n), _column(gdf, "longitude", n)
    gps = _column(gdf, "geo_precision", n)
    starts, ends = _texts(_column(gdf, "date_start", n)), _texts(_column(gdf, "date_end", n))
    labels = _texts(_column(gdf, "event_label", n))
    raw_sources = _texts(_column(gdf, "sources_json", n))
    source_ids = _texts(_column(gdf, "sources", n))
    geoms = list(gdf.geometry) if gdf.geometry is not None and n else [None] * n

    # Row by row only where a row needs it (a point from its geometry, a
    # duplicate id, a missing date range); the rest is one list per field.
    keep = []
    for i in range(n):
        if lats[i] is None or lons[i] is None:
            geom = geoms[i]
            if geom is not None and not geom.is_empty:
                lats[i], lons[i] = latlon(geom)
        if lats[i] is not None and lons[i] is not None:
            keep.append(i)
        # else: the dataset reports unlocated events; nothing to draw
    if len(keep) < n:

        def pick(values: list) -> list:
            return [values[i] for i in keep]
    else:

        def pick(values: list) -> list:
            return values

    out: dict[str, list] = {}
    ids = pick(ids)
    seen: dict[str, int] = {}
    uids = []
    for eid in ids:
        count = seen[eid] = seen.get(eid, 0) + 1
        uids.append(eid if count == 1 else f"{eid}~{count}")
    out["uid"] = uids
    out["id"] = ids
    out["lat"] = [round(float(v), 5) for v in pick(lats)]
    out["lon"] = [round(float(v), 5) for v in pick(lons)]
    for key in _TEXT:
        out[key] = pick(cols[key])
    for key in _NUMBERS:
        out[key] = pick(cols[key])
    out["gp"] = [1 if g is None else int(g) for g in pick(gps)]
    starts, ends = pick(starts), pick(ends)
    for j, (start, end) in enumerate(zip(starts, ends)):
        if not (start and end):
            starts[j], ends[j] = date_interval(out["date"][j], out["dp"][j] or "day")
    out["start"], out["end"] = starts, ends
    out["label"] = pick(labels)
    parsed: dict[tuple[str, str], list[dict]] = {}
    sources = []
    for key in zip(pick(raw_sources), pick(source_ids)):
        refs = parsed.get(key)
        if refs is None:
            refs = parsed[key] = _source_list(*key)
        sources.append(refs)
    out["sources"] = sources
    shapes: list[dict] = []
    shape_index: dict[bytes, int] = {}
    kept_geoms = np.asarray(pick(geoms), dtype=object)
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
    out["shape"] = shape_of
    out = {k: out[k] for k in _KEYS}
    out["verified"] = [v or "curated" for v in out["verified"]]
    # without a dataset column, an event's dataset is its verification status
    out["dataset"] = [d or v for d, v in zip(out["dataset"], out["verified"])]
    return {"columns": out, "shapes": [_rounded(s) for s in shapes]}


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


def compact_payload(gdf) -> dict:
    """The events as columns, for large maps (see :func:`events_payload` for the fields).

    Low-cardinality fields become ``{"values": [...], "index": [...]}``,
    sources an index list into one ``sources`` table, ``uid`` is given only
    where it differs from ``id``. ``static/geomap.js`` turns it back into the
    same event objects as :func:`events_payload`.
    """
    data = event_columns(gdf)
    cols = data["columns"]
    # in the page's order (by start, then uid): sorting sorted input is cheap
    order = sorted(range(len(cols["id"])), key=list(zip(cols["start"], cols["uid"])).__getitem__)
    if len(order) > 1:
        pick = itemgetter(*order)
        cols = {k: list(pick(v)) for k, v in cols.items()}
    out: dict = {"format": "columns", "n": len(cols["id"]), "columns": {}}
    c = out["columns"]
    for key in _KEYS:
        values = cols[key]
        if key == "uid":
            c["uid"] = {str(i): u for i, (u, e) in enumerate(zip(values, cols["id"])) if u != e}
        elif key == "sources":
            table: list[dict] = []
            index: dict[tuple, int] = {}
            lists = []
            done: dict[int, list[int]] = {}  # rows citing the same sources share one parsed list
            for srcs in values:
                ref = done.get(id(srcs))
                if ref is None:
                    ref = done[id(srcs)] = []
                    for s in srcs:
                        k = tuple(s.values())
                        if k not in index:
                            index[k] = len(table)
                            table.append(s)
                        ref.append(index[k])
                lists.append(ref)
            out["sources"] = table
            c["sources"] = lists
        elif key in _DICT_FIELDS:
            # codes in first-appearance order, by dict lookups in C (the values are
            # all str, or all int for gp: no two distinct values compare equal)
            uniques = list(dict.fromkeys(values))
            code = {v: i for i, v in enumerate(uniques)}
            c[key] = {"values": uniques, "index": list(map(code.__getitem__, values))}
        else:
            c[key] = values
    out["shapes"] = data["shapes"]
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
