"""The Python API the CLI is a thin layer over (usable in Jupyter).

>>> import geomap
>>> m = geomap.build_map()          # doctest: +SKIP  (folium.Map of geodata/events.csv)
>>> geomap.geocode("Spin Buldak")   # doctest: +SKIP
Place(name='Spin Boldak', ...)
"""

from __future__ import annotations

from pathlib import Path

from .events import EventSet, load_events
from .exc import PlaceNotFound
from .geocoders import default_chain
from .geocoders.base import Place
from .report import Report


def geocode(name: str, *, online: bool = False, cache_dir: str | Path | None = None,
            kind: str | None = None, countries=None) -> Place:
    """Resolve a place name through the geocoder chain.

    ``countries`` are ISO-2 hints, the countries the text around the name
    mentions: they pick among same-named places, and GeoNames answers with a
    place outside Afghanistan, Pakistan and the talks venues only when its
    country is among them (``geocode("Zahedan", countries=["IR"])``).

    Raises
    ------
    PlaceNotFound
        When no backend knows ``name``.
    """
    chain = default_chain(online=online, cache_dir=cache_dir)
    place = chain.geocode(name, kind=kind, countries=countries)
    if place is None:
        raise PlaceNotFound(f"no geocoder ({', '.join(chain.backends)}) knows {name!r}")
    return place


def load_geodataframe(events: str | Path | None = None, sources: str | Path | None = None, *,
                      online: bool = False, strict: bool = False,
                      report: Report | None = None, chain=None):
    """Load, validate and place events: ``(GeoDataFrame, Report)``."""
    from .dataset import build_geodataframe

    report = report if report is not None else Report()
    es = load_events(events, sources, strict=strict, report=report)
    chain = chain if chain is not None else default_chain(online=online)
    return build_geodataframe(es, chain, report)


def build_map(events=None, sources=None, *, online: bool = False, cdn: bool = False, **kwargs):
    """A ``folium.Map`` of the events (a path, an EventSet, or a GeoDataFrame).

    Parameters
    ----------
    events : path, EventSet or GeoDataFrame, optional
        Default ``geodata/events.csv``.
    online : bool
        Allow online geocoding for names the offline backends miss.
    cdn : bool
        Link Leaflet etc. from CDNs instead of inlining them.
    """
    import geopandas as gpd

    from .dataset import build_geodataframe
    from .render import build_map as render_map

    if isinstance(events, gpd.GeoDataFrame):
        gdf = events
    elif isinstance(events, EventSet):
        gdf, _ = build_geodataframe(events, default_chain(online=online))
    else:
        gdf, _ = load_geodataframe(events, sources, online=online)
    return render_map(gdf, cdn=cdn, **kwargs)
