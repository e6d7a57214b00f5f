"""geomap: an interactive, source-cited map of incidents along the Durand Line.

The main entry points::

    geomap.load_events(path)     -> EventSet (validated rows, sources, report)
    geomap.geocode("Torkhum")    -> Place
    geomap.load_geodataframe()   -> (GeoDataFrame EPSG:4326, Report)
    geomap.build_map()           -> folium.Map
"""

__version__ = "0.1.0"

from .events import EventSet, Event, Source, load_events  # noqa: E402
from .api import build_map, geocode, load_geodataframe  # noqa: E402

__all__ = ["load_events", "geocode", "load_geodataframe", "build_map",
           "Event", "EventSet", "Source", "__version__"]
