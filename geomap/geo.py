"""Geometry helpers. The one place where (lat, lon) becomes (x=lon, y=lat).

geopy and our CSVs speak latitude first; shapely, GeoJSON (RFC 7946) and
geopandas speak x=longitude first. Every conversion goes through
:func:`point` so the order is decided once.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

CRS = "EPSG:4326"

#: Folder of the project's geodata (the repo's ``geodata/``).
GEODATA_DIR = Path(__file__).resolve().parent.parent / "geodata"


def point(lat: float, lon: float) -> Point:
    """Shapely point for a latitude/longitude pair (note: x=lon, y=lat)."""
    return Point(float(lon), float(lat))


def points_xy(xs, ys) -> np.ndarray:
    """Object array of shapely points from longitudes ``xs`` and latitudes ``ys``.

    The vectorised form of :func:`point` (one call instead of one per row);
    note the order here is already x=lon, y=lat.
    """
    return shapely.points(np.asarray(xs, dtype="float64"), np.asarray(ys, dtype="float64"))


def latlon(geom: BaseGeometry) -> tuple[float, float]:
    """(lat, lon) of a point, or of a representative point on a line/polygon."""
    p = geom if isinstance(geom, Point) else geom.representative_point()
    return (p.y, p.x)


def geodata_path(name: str) -> Path:
    """Path of a file in ``geodata/``."""
    return GEODATA_DIR / name


@lru_cache(maxsize=None)
def durand_line() -> BaseGeometry:
    """The Durand Line (Afghanistan-Pakistan boundary) as a shapely geometry."""
    with open(geodata_path("durand_line.geojson"), encoding="utf-8") as fh:
        gj = json.load(fh)
    if gj.get("type") == "FeatureCollection":
        gj = gj["features"][0]
    if gj.get("type") == "Feature":
        gj = gj["geometry"]
    return shape(gj)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
