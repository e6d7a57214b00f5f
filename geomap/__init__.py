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
    """The ``geomap`` package, whose API function ``extract`` keeps its name.

    ``extract`` is also the name of a subpackage (``geomap/extract/``).
    Importing a submodule makes Python set it as an attribute of its package,
    which would replace the function ``geomap.extract`` by the package
    ``geomap.extract``. The package stays importable by its dotted name
    (``from geomap.extract import ...``,
    ``importlib.import_module("geomap.extract")``); the attribute keeps the
    function. The modules that shadowed ``build``, ``evaluate`` and ``figure``
    were renamed (``pipeline``, ``scoring``, ``staticmap``); this goes away
    once the extract package is renamed too.
    """

    def __setattr__(self, name, value):
        if name in _SHADOWED and isinstance(value, type(_sys)):
            return
        super().__setattr__(name, value)


#: API function names that are also the names of submodules.
_SHADOWED = frozenset({"extract"})

_sys.modules[__name__].__class__ = _Package
del PackageNotFoundError, _version
