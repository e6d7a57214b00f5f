"""The events GeoDataFrame as the one JSON payload the page's browser code reads.

The page never gets one folium object per event: it gets this payload once,
and ``static/events.js`` builds the markers (see issue 3: per-event folium
objects cost seconds and megabytes at 10k events).
"""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta

from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from ..geo import latlon
from .assets import clean

#: Text columns copied as they are (untrusted: the browser only ever puts
#: them into the page with textContent).
_TEXT = {
    "type": "event_type", "sub": "sub_event_type", "date": "event_date",
    "dp": "date_precision", "place": "location", "country": "country",
    "admin1": "admin1", "kind": "place_kind", "actor1": "actor1", "actor2": "actor2",
    "note": "note", "excerpt": "excerpt", "verified": "verified",
}
_NUMBERS = {
    "fat": "fatalities", "fat_lo": "fatalities_low", "fat_hi": "fatalities_high",
    "inj": "injuries", "conf": "confidence",
}


def date_interval(event_date: str, precision: str) -> tuple[str, str]:
    """First and last day an event date may mean (fallback when the frame lacks them).

    >>> date_interval("2024-02", "month")
    ('2024-02-01', '2024-02-29')
    >>> date_interval("2024-03-01", "week")
    ('2024-02-27', '2024-03-04')
    """
    parts = [int(p) for p in str(event_date).split("-")]
    if len(parts) == 2 or precision == "month":
        y, m = parts[0], parts[1]
        last = calendar.monthrange(y, m)[1]
        return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"
    d = date(*parts[:3])
    if precision == "week":
        return (d - timedelta(days=3)).isoformat(), (d + timedelta(days=3)).isoformat()
    return d.isoformat(), d.isoformat()


def _text(row, col: str) -> str:
    value = clean(row.get(col)) if col in row else None
    return "" if value is None else str(value)


def _sources(row) -> list[dict]:
    raw = _text(row, "sources_json")
    if raw:
        try:
            items = json.loads(raw)
        except ValueError:
            items = None
        if isinstance(items, list):
            return [{k: ("" if clean(s.get(k)) is None else str(s.get(k)))
                     for k in ("source_id", "publisher", "title", "published", "url")}
                    for s in items if isinstance(s, dict)]
    ids = [s for s in _text(row, "sources").split(";") if s.strip()]
    return [{"source_id": s.strip(), "publisher": "", "title": "", "published": "", "url": ""}
            for s in ids]


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
    events: list[dict] = []
    shapes: list[dict] = []
    shape_index: dict[bytes, int] = {}
    seen: dict[str, int] = {}
    for _, row in gdf.iterrows():
        eid = _text(row, "event_id")
        seen[eid] = seen.get(eid, 0) + 1
        uid = eid if seen[eid] == 1 else f"{eid}~{seen[eid]}"
        geom: BaseGeometry | None = row.geometry
        lat, lon = clean(row.get("latitude")), clean(row.get("longitude"))
        if (lat is None or lon is None) and geom is not None and not geom.is_empty:
            lat, lon = latlon(geom)
        if lat is None or lon is None:
            continue  # the dataset reports unlocated events; nothing to draw
        ev = {"uid": uid, "id": eid, "lat": round(float(lat), 5), "lon": round(float(lon), 5)}
        for key, col in _TEXT.items():
            ev[key] = _text(row, col)
        ev["verified"] = ev["verified"] or "curated"
        for key, col in _NUMBERS.items():
            value = clean(row.get(col)) if col in row else None
            ev[key] = None if value is None else (
                round(float(value), 2) if key == "conf" else int(value))
        gp = clean(row.get("geo_precision"))
        ev["gp"] = int(gp) if gp is not None else 1
        start, end = _text(row, "date_start"), _text(row, "date_end")
        if not (start and end):
            start, end = date_interval(ev["date"], ev["dp"] or "day")
        ev["start"], ev["end"] = start, end
        ev["label"] = _text(row, "event_label")
        ev["sources"] = _sources(row)
        ev["shape"] = None
        if geom is not None and not geom.is_empty and geom.geom_type != "Point":
            key = geom.wkb
            if key not in shape_index:
                shape_index[key] = len(shapes)
                shapes.append(mapping(geom))
            ev["shape"] = shape_index[key]
        events.append(ev)
    return {"events": events, "shapes": [_rounded(s) for s in shapes]}


def _rounded(geo: dict) -> dict:
    """GeoJSON geometry with coordinates rounded to ~1 m (smaller page)."""
    def r(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(float(x), 5) for x in c]
        return [r(x) for x in c]
    if "coordinates" not in geo:  # GeometryCollection: rare, keep as is
        return json.loads(json.dumps(geo))
    return {"type": geo["type"], "coordinates": r(geo["coordinates"])}
