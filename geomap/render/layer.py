"""EventLayer: every event, as one JSON blob; markers, clusters and popups are built in the browser."""

from __future__ import annotations

import base64
import gzip

from ..schema import GEO_PRECISIONS
from .assets import MARKERCLUSTER_CSS, MARKERCLUSTER_JS, STATIC, RawElement, json_blob, safe_json_bytes
from .feature import Feature
from .palette import type_table
from .payload import compact_payload, events_payload

#: From this many events on, the data goes into the page as compressed columns.
COMPACT_FROM = 5000
#: zlib level of the compressed payload: level 1 takes ~0.2 s on the 40 MB of
#: 100k events where the default 6 took ~1 s, for a page ~35% larger
#: (7.5 MB instead of 5.7 MB); the page unpacks either as fast.
GZIP_LEVEL = 1
#: From this many events on, the page clusters with static/gridcluster.js
#: (markercluster needs 0.15 s per filter change at 10k markers, seconds at 100k).
GRID_FROM = 5000
#: Past this many distinct uncertainty areas in view the overlay draws none
#: (thousands of overlapping 60 km shapes froze the page for seconds per
#: zoom, issue 11 case 14); an opened event still shows its own area.
MAX_AREAS = 300


def licence_lines(gdf) -> list[str]:
    """The licence line of each imported dataset on the map (in first-seen order)."""
    from ..importers.tables import LICENCES

    if "dataset" not in gdf.columns:
        return []
    return [LICENCES[d] for d in gdf["dataset"].dropna().unique().tolist() if d in LICENCES]


class EventLayer(Feature):
    """The events of a GeoDataFrame (as :func:`geomap.geoframe.build_geodataframe` makes it) on the map.

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
    compact : bool, optional
        Put the events into the page as gzip-compressed columns (base64)
        instead of one readable JSON object per event; the browser inflates
        them with ``DecompressionStream``. Default: from
        :data:`COMPACT_FROM` events on, where it makes the page ~5x smaller
        (see ``geomap bench``).
    engine : {"markercluster", "grid"}, optional
        How markers cluster: leaflet.markercluster, or the view-only grid of
        ``static/gridcluster.js`` that stays fast at 100k events. Default:
        the grid from :data:`GRID_FROM` events on.
    """

    feature = "events"
    script_file = "events.js"

    def __init__(
        self,
        gdf,
        *,
        title: str = "",
        subtitle: str = "",
        cluster_radius: int = 40,
        province_radius: float = 60000,
        select_zoom: int = 9,
        compact: bool | None = None,
        engine: str | None = None,
    ):
        if engine is None:
            engine = "grid" if len(gdf) >= GRID_FROM else "markercluster"
        if engine not in ("markercluster", "grid"):
            raise ValueError(f"engine must be 'markercluster' or 'grid', not {engine!r}")
        super().__init__(
            clusterRadius=cluster_radius,
            provinceRadius=province_radius,
            selectZoom=select_zoom,
            engine=engine,
            maxAreas=MAX_AREAS,
        )
        self.compact = len(gdf) >= COMPACT_FROM if compact is None else bool(compact)
        self.payload = compact_payload(gdf) if self.compact else events_payload(gdf)
        self.config = {
            "title": title,
            "subtitle": subtitle,
            "types": type_table(
                gdf["event_type"].dropna().astype(str).unique().tolist() if "event_type" in gdf.columns else ()
            ),
            "precisions": {str(k): v for k, v in GEO_PRECISIONS.items()},
            "licences": licence_lines(gdf),
        }

    def extra_js(self):
        return [MARKERCLUSTER_JS, ("geomap_gridcluster", STATIC + "gridcluster.js")]

    def extra_css(self):
        return [MARKERCLUSTER_CSS]

    def data_elements(self):
        data = {"config": self.config, **self.payload}
        if not self.compact:
            return [("geomap_data", json_blob("geomap-data", data))]
        # mtime=0: the same events give the same page, byte for byte
        packed = gzip.compress(safe_json_bytes(data), compresslevel=GZIP_LEVEL, mtime=0)
        text = base64.b64encode(packed).decode("ascii")  # no <, >, & by construction
        return [
            (
                "geomap_data",
                RawElement(
                    '<script type="application/octet-stream" id="geomap-data" '
                    f'data-encoding="gzip-base64-json">{text}</script>'
                ),
            )
        ]
