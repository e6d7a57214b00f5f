"""EventLayer: every event, as one JSON blob; markers, clusters and popups are built in the browser."""

from __future__ import annotations

from ..schema import GEO_PRECISIONS
from .assets import MARKERCLUSTER_CSS, MARKERCLUSTER_JS, json_blob
from .data import events_payload
from .feature import Feature
from .palette import type_table


class EventLayer(Feature):
    """The events of a GeoDataFrame (see CONTRACTS.md) on the map.

    Parameters
    ----------
    gdf : GeoDataFrame
        The events frame.
    title, subtitle : str
        Shown in the side panel (as text, never as HTML).
    cluster_radius : int
        Pixel radius within which markers cluster.
    province_radius : float
        Metres of the uncertainty circle of province-level events when no
        province shape is available.
    """

    feature = "events"
    script_file = "events.js"

    def __init__(self, gdf, *, title: str = "", subtitle: str = "",
                 cluster_radius: int = 40, province_radius: float = 60000, select_zoom: int = 9):
        super().__init__(clusterRadius=cluster_radius, provinceRadius=province_radius,
                         selectZoom=select_zoom)
        self.payload = events_payload(gdf)
        self.config = {
            "title": title, "subtitle": subtitle, "types": type_table(),
            "precisions": {str(k): v for k, v in GEO_PRECISIONS.items()},
        }

    def extra_js(self):
        return [MARKERCLUSTER_JS]

    def extra_css(self):
        return [MARKERCLUSTER_CSS]

    def data_elements(self):
        return [("geomap_data", json_blob("geomap-data", {"config": self.config, **self.payload}))]
