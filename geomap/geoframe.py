"""Join validated events to their places: one GeoDataFrame (EPSG:4326).

One row per event-location. Places come from the event's own coordinates
when the curated row gives them, otherwise from the geocoder chain. Events
along the whole border (geo precision 4 at the border) carry the Durand Line
geometry, with a representative point on it in ``latitude``/``longitude``.
An event whose place no backend knows is reported as ``unlocated`` (file,
line, name) and counted, never dropped silently.
"""

from __future__ import annotations

import json
import math
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Iterable

import geopandas as gpd
import pandas as pd

from . import counts, schema
from .curated import Event, EventSet, date_range
from .geo import CRS, durand_line, latlon, points_xy
from .geocoders.base import Geocoder, Place
from .report import Report

#: Columns of the events GeoDataFrame, in order (see the README's data formats).
COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_type",
    "event_label",
    "sub_event_type",
    "event_date",
    "date_precision",
    "date_start",
    "date_end",
    "location",
    "country",
    "admin1",
    "place_kind",
    "place_backend",
    "latitude",
    "longitude",
    "geo_precision",
    "actor1",
    "actor2",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injuries",
    "note",
    "excerpt",
    "verified",
    "confidence",
    "dataset",
    "source_type",
    "source_precision",
    "details",
    "sources",
    "sources_json",
)
INT_COLUMNS = ("fatalities", "fatalities_low", "fatalities_high", "injuries")
#: The columns of text (the others are numbers).
_TEXT_COLUMNS = frozenset(COLUMNS) - {*INT_COLUMNS, "latitude", "longitude", "geo_precision", "confidence"}
#: The columns worked out from the place, the dates and the source ids; the
#: others are the Event's fields of the same names (some reworked after).
_FROM_PLACE = ("event_label", "date_start", "date_end", "country", "admin1", "place_kind", "place_backend")
_EVENT_FIELD_NAMES = tuple(c for c in COLUMNS if c not in _FROM_PLACE + ("latitude", "longitude", "sources_json"))
_EVENT_FIELDS = attrgetter(*_EVENT_FIELD_NAMES)
_LATITUDE, _LONGITUDE, _COUNTRY = attrgetter("latitude"), attrgetter("longitude"), attrgetter("country")
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
#: ``json.dumps(obj, ensure_ascii=False)`` without a new encoder per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def border_point() -> tuple[float, float]:
    """(lat, lon) of the point halfway along the Durand Line."""
    line = durand_line()
    try:
        mid = line.interpolate(0.5, normalized=True)
    except Exception:  # a MultiLineString cannot interpolate
        mid = line.representative_point()
    return latlon(mid)


def locate(event: Event, chain: Geocoder | None) -> Place | None:
    """The place of one event: its own coordinates, else the geocoder's answer."""
    if event.latitude is not None and event.longitude is not None:
        return Place(
            name=event.location,
            lat=event.latitude,
            lon=event.longitude,
            kind="given",
            country=event.country,
            precision=event.geo_precision,
            backend="given",
            source=f"{event.file}:{event.line}",
        )
    if chain is None:
        return None
    countries = (event.country,) if event.country else None
    return chain.geocode(event.location, countries=countries)


def _is_border_wide(event: Event, place: Place) -> bool:
    return event.geo_precision == 4 and place.kind == "border"


#: The keys of each source object in a ``sources_json`` cell, in order.
SOURCE_FIELDS: tuple[str, ...] = ("source_id", "publisher", "title", "published", "url")

#: The sources each ``sources_json`` text made here stands for: a tuple of
#: :data:`SOURCE_FIELDS` values (all ``str``) per source. The page and the
#: exports look a cell up here (:func:`made_sources`) before parsing its JSON
#: again (~0.3 s per reader at 100k events; forked export workers inherit it).
#: Every entry is its text parsed, whatever frame the text is in, so an entry
#: never goes stale; emptied when it grows past :data:`_MADE_MAX`.
_MADE: dict[str, tuple[tuple[str, ...], ...]] = {}
_MADE_MAX = 1_000_000


def made_sources(text: str) -> tuple[tuple[str, ...], ...] | None:
    """``json.loads(text)`` as tuples of :data:`SOURCE_FIELDS` values, when
    ``text`` is a ``sources_json`` cell this process made; else ``None``."""
    return _MADE.get(text)


def _sources_json(
    ids: tuple[str, ...], sources: dict, texts: dict[str, str] | None = None, values: dict | None = None
) -> str:
    """An event's sources (its source ids) as a JSON list of objects.

    ``texts`` caches the JSON of each source id: ``json.dumps`` of a list is
    its items' JSON joined by ``", "`` in brackets, so each source is encoded
    once however many events cite it. ``values`` caches each source's
    field values (``None`` if one is not text); the text is kept in
    :data:`_MADE` with them.
    """
    texts = {} if texts is None else texts
    values = {} if values is None else values
    parts = []
    for sid in ids:
        text = texts.get(sid)
        if text is None:
            src = sources.get(sid)
            ref = src.to_dict() if src else {"source_id": sid, "publisher": "", "title": "", "published": "", "url": ""}
            text = texts[sid] = _ENCODE(ref)
            fields = tuple(ref.values())
            good = tuple(ref) == SOURCE_FIELDS and set(map(type, fields)) <= {str}
            values[sid] = fields if good else None
        parts.append(text)
    text = "[" + ", ".join(parts) + "]"
    made = tuple(map(values.get, ids))
    if None not in made:
        _MADE[text] = made
    return text


def _source_texts(distinct, sources: dict) -> dict[tuple[str, ...], tuple[str, str]]:
    """``{ids: (sources cell, sources_json cell)}`` of each distinct tuple of source ids."""
    texts: dict[str, str] = {}
    values: dict[str, tuple | None] = {}
    fmt = schema.format_source_ids
    return {ids: (fmt(ids), _sources_json(ids, sources, texts, values)) for ids in distinct}


def _placed(events: list[Event], chain, report: Report) -> tuple[list[Event], list[Place | None], int]:
    """``(kept, places, mapped)``: the events that have a place (their own
    coordinates, ``None`` in ``places``, or the geocoder's), each one not
    placed reported as ``unlocated`` and counted."""
    places: list[Place | None] = [
        None if e.latitude is not None and e.longitude is not None else locate(e, chain) for e in events
    ]
    kept, kept_places = [], []
    mapped = 0
    for event, place in zip(events, places):
        if place is None and (event.latitude is None or event.longitude is None):
            report.count(counts.EVENTS_UNLOCATED)
            tried = ", ".join(getattr(chain, "backends", None) or ["none: no geocoder"])
            report.add(
                "unlocated",
                event.file,
                event.line,
                "location",
                f"no geocoder knows the place {event.location!r} (event "
                f"{event.event_id}; tried {tried}); add it to geodata/gazetteer.csv "
                "or give latitude and longitude",
                value=event.location,
            )
            continue
        if not mapped:  # the counts in the order a count per row gives them
            report.counts.setdefault(counts.EVENTS_ON_MAP, 0)
        mapped += 1
        kept.append(event)
        kept_places.append(place)
    return kept, kept_places, mapped


def build_geodataframe(
    events: EventSet | Iterable[Event],
    chain: Geocoder | None,
    report: Report | None = None,
    sources: dict | None = None,
) -> tuple[gpd.GeoDataFrame, Report]:
    """Place every event and return the GeoDataFrame and the report.

    Parameters
    ----------
    events : EventSet or iterable of Event
    chain : Geocoder or None
        Usually :func:`geomap.geocoders.default_chain`. ``None`` uses only
        coordinates given in the rows.
    report : Report, optional
        Gets one ``unlocated`` problem per event no backend could place and
        the counts ``events_in``, ``events_on_map``, ``events_unlocated``.
    sources : dict, optional
        ``{source_id: Source}``; taken from the EventSet when it is one.

    Returns
    -------
    (GeoDataFrame, Report)
        The frame has :data:`COLUMNS` plus ``geometry``, ``crs="EPSG:4326"``.
    """
    report = report if report is not None else Report()
    if isinstance(events, EventSet):
        sources = events.sources if sources is None else sources
        events = events.events
    sources = sources or {}
    border = durand_line_or_none()
    border_latlon = border_point() if border is not None else None
    events = list(events)
    if events:
        report.count(counts.EVENTS_IN, len(events))
    # Column by column: the rows with their own coordinates (nearly all, in a
    # large table) need no Place and no geocoder; each distinct date and source
    # list is worked out once. A dict, a Place and a shapely Point per row cost
    # seconds at 100k events.
    lat_given = list(map(_LATITUDE, events))
    lon_given = list(map(_LONGITUDE, events))
    if None not in lat_given and None not in lon_given:
        # every row gives its coordinates (the usual large table): no Place at all
        kept, kept_places = events, None
        mapped = len(kept)
        if mapped:
            report.counts.setdefault(counts.EVENTS_ON_MAP, 0)
    else:
        kept, kept_places, mapped = _placed(events, chain, report)
        lat_given, lon_given = list(map(_LATITUDE, kept)), list(map(_LONGITUDE, kept))
    if mapped:
        report.count(counts.EVENTS_ON_MAP, mapped)
    rows = list(map(_EVENT_FIELDS, kept))
    cols = dict(zip(_EVENT_FIELD_NAMES, map(list, zip(*rows)))) if rows else {}
    # first as if every row gave its coordinates (see locate: a "given" place),
    # then the geocoded rows put right one by one
    k = len(kept)
    ys = [0.0 if v is None else float(v) for v in lat_given]
    xs = [0.0 if v is None else float(v) for v in lon_given]
    lats = (
        [None if v is None else round(v, 6) for v in lat_given]
        if kept_places
        else list(map(round, lat_given, repeat(6)))
    )
    lons = (
        [None if v is None else round(v, 6) for v in lon_given]
        if kept_places
        else list(map(round, lon_given, repeat(6)))
    )
    country = list(map(_COUNTRY, kept))
    admin1, kind, backend = [""] * k, ["given"] * k, ["given"] * k
    border_rows = []
    for j, place in enumerate(kept_places or ()):
        if place is None:
            continue
        event = kept[j]
        if border is not None and event.geo_precision == 4 and place.kind == "border":
            border_rows.append(j)
            lat, lon = border_latlon
            xs[j], ys[j] = 0.0, 0.0
        else:
            lat, lon = place.lat, place.lon
            xs[j], ys[j] = float(lon), float(lat)
        lats[j], lons[j] = round(lat, 6), round(lon, 6)
        country[j] = event.country or place.country
        admin1[j], kind[j], backend[j] = place.admin1, place.kind, place.backend
    ranges: dict[tuple[str, str], tuple[str, str]] = {}
    for key in set(zip(cols.get("event_date", ()), cols.get("date_precision", ()))):
        start, end = date_range(*key)
        ranges[key] = (start.isoformat(), end.isoformat())
    spans = list(map(ranges.__getitem__, zip(cols.get("event_date", ()), cols.get("date_precision", ()))))
    if len(_MADE) > _MADE_MAX:
        _MADE.clear()
    refs = _source_texts(set(cols.get("sources", ())), sources)
    cited = list(map(refs.__getitem__, cols.get("sources", ())))
    confidence = cols.get("confidence", [])
    labels = schema.EVENT_LABELS
    derived = {
        # ``other`` rows (imported, outside our types) are labelled with their own type
        "event_label": [
            labels[t] if t != "other" or not st else st.split(" / ")[0]
            for t, st in zip(cols.get("event_type", ()), cols.get("source_type", ()))
        ],
        "date_start": list(map(_FIRST, spans)),
        "date_end": list(map(_SECOND, spans)),
        "country": country,
        "admin1": admin1,
        "place_kind": kind,
        "place_backend": backend,
        "latitude": lats,
        "longitude": lons,
        "confidence": (
            [math.nan] * k
            if confidence.count(None) == k  # curated rows carry none
            else [math.nan if c is None else float(c) for c in confidence]
        ),
        "dataset": [d or v for d, v in zip(cols.get("dataset", ()), cols.get("verified", ()))],
        "sources": list(map(_FIRST, cited)),
        "sources_json": list(map(_SECOND, cited)),
    }
    cols.update(derived)
    if rows:
        # text as Python str objects (dtype object): pandas 3's own string dtype
        # would copy each of the 24 columns into Arrow memory here (~0.7 s at
        # 100k events), and the page and exports turn them back into str objects
        frame = pd.DataFrame(
            {c: pd.Series(cols[c], dtype=object) if c in _TEXT_COLUMNS else cols[c] for c in COLUMNS},
            columns=list(COLUMNS),
        )
    else:  # no rows: the same empty frame as a row list would give
        frame = pd.DataFrame([], columns=list(COLUMNS))
    for col in INT_COLUMNS:
        frame[col] = frame[col].astype("Int64")
    frame["geo_precision"] = frame["geo_precision"].astype("int64")
    frame["latitude"] = frame["latitude"].astype("float64")
    frame["longitude"] = frame["longitude"].astype("float64")
    frame["confidence"] = frame["confidence"].astype("float64")
    geoms = points_xy(xs, ys)
    for i in border_rows:
        geoms[i] = border
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs=CRS), crs=CRS)
    for key in (counts.EVENTS_IN, counts.EVENTS_ON_MAP, counts.EVENTS_UNLOCATED):
        report.counts.setdefault(key, 0)
    return gdf, report


def durand_line_or_none():
    """The Durand Line, or ``None`` when geodata has no line file yet."""
    try:
        return durand_line()
    except FileNotFoundError:
        return None
