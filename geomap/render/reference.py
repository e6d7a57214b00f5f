"""ReferenceLayers: Durand Line, labelled crossings, province outlines (when geodata has them)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from shapely.geometry import mapping

from ..geo import geodata_path
from .assets import STATIC, json_blob
from .feature import Feature
from .palette import DURAND_COLOUR
from .payload import _rounded


def load_geojson(path: str | Path) -> dict | None:
    """A GeoJSON file, or ``None`` when it does not exist (optional geodata)."""
    path = Path(path)
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_durand() -> dict | None:
    """GeoJSON geometry of the Durand Line, or ``None`` without geodata."""
    gj = load_geojson(geodata_path("durand_line.geojson"))
    if gj is None:
        return None
    if gj.get("type") == "FeatureCollection":
        gj = gj["features"][0]
    return gj.get("geometry", gj)


#: Gazetteer kinds drawn as towns on the reference layer (labels by zoom).
PLACE_KINDS = ("city", "town")


def load_places() -> list[dict]:
    """Cities and towns ``{name, kind, lat, lon}`` of the regional gazetteer."""
    try:
        from ..geocoders.gazetteer import RegionalGazetteer

        return [
            {"name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon}
            for p in RegionalGazetteer().places
            if p.kind in PLACE_KINDS
        ]
    except (ImportError, OSError):
        return []


def load_crossings() -> list[dict]:
    """Border crossings ``{name, lat, lon}`` from the regional gazetteer."""
    try:
        from ..geocoders.gazetteer import RegionalGazetteer

        return [{"name": p.name, "lat": p.lat, "lon": p.lon} for p in RegionalGazetteer().crossings()]
    except (ImportError, OSError):
        path = geodata_path("gazetteer.csv")
        if not path.exists():
            return []
        with open(path, encoding="utf-8", newline="") as fh:
            return [
                {"name": r["name"], "lat": float(r["latitude"]), "lon": float(r["longitude"])}
                for r in csv.DictReader(fh)
                if r.get("kind") == "crossing"
            ]


class ReferenceLayers(Feature):
    """Reference overlays; each input defaults to ``geodata/`` and may be ``None``.

    Parameters
    ----------
    durand : dict or shapely geometry, optional
        The Durand Line (GeoJSON geometry or shapely).
    crossings : list of dict, optional
        ``{name, lat, lon}`` of the border crossings.
    provinces : dict, optional
        GeoJSON FeatureCollection with ``properties.name``.
    places : list of dict, optional
        ``{name, kind, lat, lon}`` of towns (``kind`` city or town) drawn
        with labels that do not collide: cities from ``city_zoom``, towns
        from ``town_zoom``.
    """

    feature = "reference"
    script_file = "reference.js"

    def extra_js(self):
        return [("geomap_labels", STATIC + "labels.js")]

    def __init__(
        self,
        *,
        durand="default",
        crossings="default",
        provinces="default",
        places="default",
        label_zoom: int = 7,
        city_zoom: int = 5,
        town_zoom: int = 8,
    ):
        super().__init__(labelZoom=label_zoom, cityZoom=city_zoom, townZoom=town_zoom, durandColor=DURAND_COLOUR)
        self.places = load_places() if places == "default" else list(places or [])
        if durand == "default":
            durand = load_durand()
        elif durand is not None and hasattr(durand, "geom_type"):
            durand = mapping(durand)
        self.durand = _rounded(durand) if durand else None
        self.crossings = load_crossings() if crossings == "default" else list(crossings or [])
        self.provinces = load_geojson(geodata_path("provinces.geojson")) if provinces == "default" else provinces

    def bounds(self, pad: float = 0.3) -> list[list[float]] | None:
        """``[[south, west], [north, east]]`` of the Durand Line, padded in degrees."""
        if not self.durand:
            return None
        from shapely.geometry import shape

        w, s, e, n = shape(self.durand).bounds
        return [[s - pad, w - pad], [n + pad, e + pad]]

    def data_elements(self):
        ref = {"durand": self.durand, "crossings": self.crossings, "provinces": self.provinces, "places": self.places}
        return [("geomap_ref", json_blob("geomap-ref", ref))]
