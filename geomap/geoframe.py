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
from typing import Iterable

import geopandas as gpd
import pandas as pd

from . import counts, schema
from .curated import Event, EventSet
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


def _sources_json(event: Event, sources: dict, texts: dict[str, str] | None = None) -> str:
    """The event's sources as a JSON list of objects.

    ``texts`` caches the JSON of each source id: ``json.dumps`` of a list is
    its items' JSON joined by ``", "`` in brackets, so each source is encoded
    once however many events cite it.
    """
    texts = {} if texts is None else texts
    parts = []
    for sid in event.sources:
        text = texts.get(sid)
        if text is None:
            src = sources.get(sid)
            ref = src.to_dict() if src else {"source_id": sid, "publisher": "", "title": "", "published": "", "url": ""}
            text = texts[sid] = json.dumps(ref, ensure_ascii=False)
        parts.append(text)
    return "[" + ", ".join(parts) + "]"


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
        the counts ``events_in``, ``events_mapped``, ``events_unlocated``.
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
    # Column by column, with each distinct date and source list worked out
    # once: a dict and a shapely Point per row cost seconds at 100k events.
    rows: list[tuple] = []
    xs, ys, border_rows = [], [], []
    ranges: dict[tuple[str, str], tuple[str, str]] = {}
    refs: dict[tuple[str, ...], str] = {}
    texts: dict[str, str] = {}
    labels = schema.EVENT_LABELS
    for event in events:
        report.count(counts.EVENTS_IN)
        place = locate(event, chain)
        if place is None:
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
        report.count(counts.EVENTS_MAPPED)
        if border is not None and _is_border_wide(event, place):
            border_rows.append(len(xs))
            lat, lon = border_latlon
            xs.append(0.0)
            ys.append(0.0)
        else:
            lat, lon = place.lat, place.lon
            xs.append(float(lon))
            ys.append(float(lat))
        key = (event.event_date, event.date_precision)
        if key not in ranges:
            start, end = event.date_range
            ranges[key] = (start.isoformat(), end.isoformat())
        start, end = ranges[key]
        if event.sources not in refs:
            refs[event.sources] = _sources_json(event, sources, texts)
        # ``other`` rows (imported, outside our types) are labelled with their own type
        label = (
            labels[event.event_type]
            if event.event_type != "other" or not event.source_type
            else event.source_type.split(" / ")[0]
        )
        # in the order of COLUMNS
        rows.append(
            (
                event.event_id,
                event.event_type,
                label,
                event.sub_event_type,
                event.event_date,
                event.date_precision,
                start,
                end,
                event.location,
                event.country or place.country,
                place.admin1,
                place.kind,
                place.backend,
                round(lat, 6),
                round(lon, 6),
                event.geo_precision,
                event.actor1,
                event.actor2,
                event.fatalities,
                event.fatalities_low,
                event.fatalities_high,
                event.injuries,
                event.note,
                event.excerpt,
                event.verified,
                math.nan if event.confidence is None else float(event.confidence),
                event.dataset or event.verified,
                event.source_type,
                event.source_precision,
                event.details,
                schema.format_source_ids(event.sources),
                refs[event.sources],
            )
        )
    if rows:
        frame = pd.DataFrame(dict(zip(COLUMNS, map(list, zip(*rows)))), columns=list(COLUMNS))
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
    for key in ("events_in", "events_mapped", "events_unlocated"):
        report.counts.setdefault(key, 0)
    return gdf, report


def durand_line_or_none():
    """The Durand Line, or ``None`` when geodata has no line file yet."""
    try:
        return durand_line()
    except FileNotFoundError:
        return None
