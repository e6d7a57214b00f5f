"""Facet controls of the side panel: actors, datasets, download, province view.

Each is one feature driving one JS file; the counts they show come from the
filter pass of the core (``static/facets.js``), so they cost nothing extra
per event.
"""

from __future__ import annotations

from ..report import FORMULA_START
from .assets import STATIC, json_blob
from .feature import Feature

FACETS_CSS = ("geomap_facets_css", STATIC + "facets.css")


class ActorFilter(Feature):
    """Actors of both actor columns with counts; searchable, several selectable.

    Parameters
    ----------
    limit : int
        How many actors are listed without a search (the most frequent).
    """

    feature = "actors"
    script_file = "actors.js"

    def __init__(self, *, limit: int = 12):
        super().__init__(limit=limit)

    def extra_css(self):
        return [FACETS_CSS]


class DatasetFilter(Feature):
    """One checkbox per dataset (the ``dataset`` column, else curated/draft)."""

    feature = "datasets"
    script_file = "datasets.js"

    def extra_css(self):
        return [FACETS_CSS]


class Download(Feature):
    """Buttons that save the events now shown as CSV or GeoJSON (made in the page)."""

    feature = "download"
    script_file = "download.js"

    def __init__(self):
        super().__init__(formulaStart=list(FORMULA_START))

    def extra_css(self):
        return [FACETS_CSS]


def load_province_centres() -> list[dict]:
    """``{name, aliases, country, lat, lon}`` of the gazetteer's provinces."""
    try:
        from ..geocoders.gazetteer import RegionalGazetteer

        gaz = RegionalGazetteer()
    except (ImportError, OSError):
        return []
    return [
        {"name": p.name, "aliases": list(gaz.aliases.get(p, ())), "country": p.country, "lat": p.lat, "lon": p.lon}
        for p in gaz.places
        if p.kind == "province"
    ]


class ProvinceView(Feature):
    """Events or fatalities per province (admin1) as graduated circles; click filters.

    Parameters
    ----------
    centres : list of dict, optional
        ``{name, aliases, lat, lon}`` where a province's circle goes; default
        the gazetteer's provinces. Provinces it lacks go to the mean of
        their events.
    """

    feature = "provinces"
    script_file = "provinces.js"

    def __init__(self, *, centres="default"):
        super().__init__()
        self.centres = load_province_centres() if centres == "default" else list(centres or [])

    def extra_css(self):
        return [FACETS_CSS]

    def data_elements(self):
        return [("geomap_provinces", json_blob("geomap-provinces", self.centres))]


class MarkerSize(Feature):
    """Toggle: marker area proportional to fatalities, clusters by their sum; a size legend.

    Parameters
    ----------
    largest : int
        Diameter in pixels of the deadliest single event.
    minimum : int
        Diameter of events without a known toll.
    """

    feature = "size"
    script_file = "size.js"

    def __init__(self, *, largest: int = 44, minimum: int = 10):
        super().__init__(largestSize=largest, minSize=minimum)

    def extra_css(self):
        return [FACETS_CSS]
