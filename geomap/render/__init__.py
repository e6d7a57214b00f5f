"""The interactive map: a GeoDataFrame of events -> one self-contained HTML page.

>>> m = map_from_frame(gdf)                 # doctest: +SKIP
>>> save_html(m, "output/map.html")         # doctest: +SKIP

The page is made of features in the folium-plugin style (one class and one
JS file each): :class:`OfflineBasemap`, :class:`ReferenceLayers`,
:class:`EventLayer`, :class:`FilterPanel`, :class:`ActorFilter`,
:class:`DatasetFilter`, :class:`ProvinceView`, :class:`MarkerSize`, :class:`Download`,
:class:`Timeline`, :class:`EventList`, :class:`EmbedMode`, :class:`UrlState`. The events reach the page once, as one
JSON blob; the browser builds markers, list and popups from it with
``textContent``, so no event text is ever parsed as HTML.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import folium

from ..atomic import write_text
from ..exc import BuildError
from .assets import inline_links
from .basemap import OfflineBasemap
from .event_list import EventList
from .facets import ActorFilter, DatasetFilter, Download, MarkerSize, ProvinceView
from .filters import FilterPanel
from .layer import EventLayer
from .reference import ReferenceLayers
from .timeline import Timeline
from .urlstate import EmbedMode, UrlState

__all__ = [
    "map_from_frame",
    "save_html",
    "embed_snippet",
    "render_html",
    "EventLayer",
    "FilterPanel",
    "EventList",
    "ReferenceLayers",
    "OfflineBasemap",
    "UrlState",
    "EmbedMode",
    "Timeline",
    "ActorFilter",
    "DatasetFilter",
    "Download",
    "ProvinceView",
    "MarkerSize",
    "DEFAULT_TITLE",
    "BORDER_BOUNDS",
]

DEFAULT_TITLE = "Incidents along the Durand Line"
DEFAULT_SUBTITLE = "Afghanistan\u2013Pakistan border: clashes, strikes, closures, talks"
#: The initial view when there is no Durand Line geodata: the border region.
BORDER_BOUNDS = [[28.8, 60.5], [37.2, 75.0]]


def map_from_frame(
    gdf,
    *,
    cdn: bool = False,
    title: str = DEFAULT_TITLE,
    subtitle: str = DEFAULT_SUBTITLE,
    reference: bool = True,
    countries="default",
    durand="default",
    crossings="default",
    provinces="default",
    compact: bool | None = None,
    engine: str | None = None,
) -> folium.Map:
    """The interactive map of an events GeoDataFrame.

    Parameters
    ----------
    gdf : GeoDataFrame
        Events as :func:`geomap.geoframe.build_geodataframe` makes them (EPSG:4326); every text column is untrusted.
    cdn : bool
        Link Leaflet and markercluster from CDNs instead of inlining them
        (the page then needs the network). Our own JS/CSS is always inline.
    title, subtitle : str
        Page title and panel heading (shown as text).
    reference : bool
        Add the Durand Line, crossings and province outlines.
    countries, durand, crossings, provinces
        Override the ``geodata/`` files (``None`` leaves the layer out).
    compact : bool, optional
        Events as compressed columns (default: for large maps only; see
        :class:`EventLayer`).
    engine : {"markercluster", "grid"}, optional
        Marker clustering (default: the grid for very large maps; see
        :class:`EventLayer`).

    Returns
    -------
    folium.Map
        Save it with :func:`save_html` (atomic, inlines any leftover CDN links).
    """
    # folium 0.20 gives min/max zoom to its tile layer only; markercluster
    # needs them on the map itself.
    m = folium.Map(location=[33.0, 68.5], zoom_start=6, tiles=None, control_scale=True, minZoom=2, maxZoom=18)
    # folium's defaults also pull jQuery, Bootstrap, Font Awesome and
    # awesome-markers (~1.2 MB inline); our features declare what they use.
    m.default_js = []
    m.default_css = []
    figure = m.get_root()
    figure.title = html.escape(title)
    figure.geomap_cdn = cdn
    m.add_child(OfflineBasemap(countries=countries))
    bounds = BORDER_BOUNDS
    if reference:
        ref = ReferenceLayers(durand=durand, crossings=crossings, provinces=provinces)
        m.add_child(ref)
        bounds = ref.bounds() or BORDER_BOUNDS
    m.add_child(EventLayer(gdf, title=title, subtitle=subtitle, compact=compact, engine=engine))
    m.add_child(FilterPanel())
    m.add_child(ActorFilter())
    m.add_child(DatasetFilter())
    m.add_child(ProvinceView())
    m.add_child(MarkerSize())
    m.add_child(Download())
    m.add_child(Timeline())
    m.add_child(EventList())
    m.add_child(EmbedMode())
    m.add_child(UrlState(bounds=bounds))
    return m


_REMOTE_ASSET = re.compile(r'<(?:script|link)\b[^>]*\b(?:src|href)="https?://', re.I)


def render_html(m: folium.Map, *, cdn: bool = False) -> str:
    """The page's HTML text; self-contained unless ``cdn``.

    Raises
    ------
    BuildError
        If a self-contained page would still load a script or style remotely.
    """
    figure = m.get_root()
    figure.geomap_cdn = cdn
    text = figure.render()
    if not cdn:
        text = inline_links(text)
        if _REMOTE_ASSET.search(text):
            raise BuildError(
                "self-contained map still links a remote script or style: " + _REMOTE_ASSET.search(text).group(0)
            )
    return text


def save_html(m: folium.Map, path: str | Path, *, cdn: bool = False) -> Path:
    """Write the map to ``path`` atomically (the old file stays until the new one is complete)."""
    return write_text(path, render_html(m, cdn=cdn))


def embed_snippet(
    html_name: str = "map.html", width: str = "100%", height: str = "600px", title: str = DEFAULT_TITLE
) -> str:
    """HTML of an ``<iframe>`` showing the map in embed mode (no side panel).

    >>> print(embed_snippet("map.html", height="480px"))  # doctest: +ELLIPSIS
    <!-- geomap embed: ...
    <iframe src="map.html?embed=1" ...
    """
    e = html.escape
    src = f"{html_name}?embed=1"
    return (
        f"<!-- geomap embed: put map.html next to the page that shows this snippet; "
        f"drop ?embed=1 for the full page with filters and list. -->\n"
        f'<iframe src="{e(src)}" title="{e(title)}" width="{e(width)}" height="{e(height)}" '
        f'style="border:0;max-width:100%" loading="lazy" '
        f'referrerpolicy="no-referrer"></iframe>\n'
        f'<p><a href="{e(html_name)}">Open the full map</a></p>\n'
    )
