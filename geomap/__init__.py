"""geomap: an interactive, source-cited map of incidents along the Durand Line."""

__version__ = "0.1.0"
