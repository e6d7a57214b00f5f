"""geomap: an interactive, source-cited map of incidents along the Durand Line.

The Python API mirrors the ``geomap`` command one to one (see :mod:`geomap.api`)::

    geomap.build(out="output/")            -> BuildResult      (geomap build)
    geomap.geocode("Torkhum")              -> Place            (geomap geocode)
    geomap.extract(["articles/"], "d.csv") -> [DraftEvent]     (geomap extract)
    geomap.evaluate("d.csv", "gold.csv")   -> metrics dict     (geomap evaluate)
    geomap.accept("d.csv", "events.csv")   -> ids added        (geomap accept)
    geomap.figure(out="output/")           -> (png, svg)       (geomap figure)

and beyond the commands::

    geomap.load_events(path)     -> EventSet (validated rows, sources, report)
    geomap.load_geodataframe()   -> (GeoDataFrame EPSG:4326, Report)
    geomap.build_map()           -> folium.Map
"""

import sys as _sys
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

try:
    __version__ = _version("geomap")
except PackageNotFoundError:  # a source tree on sys.path that was never installed
    __version__ = "0+unknown"

from .api import (
    accept,
    build,
    build_map,
    evaluate,
    extract,
    figure,
    geocode,  # noqa: E402
    import_events,
    load_geodataframe,
)
from .curated import Event, EventSet, Source, load_events  # noqa: E402

__all__ = [
    "build",
    "geocode",
    "extract",
    "evaluate",
    "accept",
    "figure",
    "import_events",
    "load_events",
    "load_geodataframe",
    "build_map",
    "Event",
    "EventSet",
    "Source",
    "__version__",
]


class _Package(type(_sys)):
    """The ``geomap`` package, whose API functions keep their names.

    ``build``, ``extract``, ``evaluate`` and ``figure`` are also the names of
    modules (``geomap/build.py`` ...). Importing a submodule makes Python set
    it as an attribute of its package, which would replace the function
    ``geomap.build`` by the module ``geomap.build``. Those modules stay
    importable by their dotted names (``from geomap.pipeline import ...``,
    ``importlib.import_module("geomap.build")``); the attribute keeps the
    function. Goes away once the modules are renamed.
    """

    def __setattr__(self, name, value):
        if isinstance(value, type(_sys)) and name in __all__:
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
del PackageNotFoundError, _version
