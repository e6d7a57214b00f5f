"""OfflineBasemap: the countries of ``geodata/`` as the default, network-free base layer."""

from __future__ import annotations

from ..geo import geodata_path
from .assets import json_blob
from .feature import Feature
from .palette import ATTRIBUTION
from .reference import load_geojson


class OfflineBasemap(Feature):
    """Vector basemap of country polygons, plus OSM/light/satellite/terrain tile layers.

    Parameters
    ----------
    countries : dict, optional
        GeoJSON FeatureCollection with ``properties.iso_a2`` and ``name``;
        default ``geodata/countries.geojson`` (none: a plain background).
    focus : list of str
        ISO codes of the countries drawn lighter (the border's two sides).
    """

    feature = "basemap"
    script_file = "basemap.js"

    def __init__(self, *, countries="default", focus=("AF", "PK")):
        super().__init__(focus=list(focus), attribution=ATTRIBUTION)
        self.countries = load_geojson(geodata_path("countries.geojson")) if countries == "default" else countries

    def data_elements(self):
        if not self.countries:
            return []
        slim = {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": f["geometry"],
                    "properties": {
                        "iso_a2": f["properties"].get("iso_a2", ""),
                        "name": f["properties"].get("name", ""),
                    },
                }
                for f in self.countries.get("features", [])
            ],
        }
        return [("geomap_basemap", json_blob("geomap-basemap", slim))]
