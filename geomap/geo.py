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

#: The checkout geomap runs from (the folder with ``pyproject.toml`` and
#: ``geodata/``), or ``None`` when geomap is installed from a wheel.
CHECKOUT_DIR: Path | None = Path(__file__).resolve().parent.parent
if not ((CHECKOUT_DIR / "pyproject.toml").is_file() and (CHECKOUT_DIR / "geodata").is_dir()):
    CHECKOUT_DIR = None

#: Folder of the project's geodata: in a checkout its ``geodata/`` (editable:
#: users curate ``geodata/events.csv`` and ``geomap accept`` writes there);
#: installed, the copy the wheel ships as ``geomap/geodata`` (read-only).
#: setup.py maps ``geodata/`` into the package, so both are the same files.
GEODATA_DIR = (
    CHECKOUT_DIR / "geodata"
    if CHECKOUT_DIR is not None
    else Path(str(resources.files(__package__).joinpath("geodata")))
)


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
    """Path of a file in ``geodata/`` (the checkout's, else the packaged copy)."""
    return GEODATA_DIR / name


def writable_geodata_path(name: str, option: str = "--events") -> Path:
    """Path of a ``geodata/`` file that a command will rewrite.

    Raises
    ------
    InputError
        When geomap is installed rather than run from a checkout: the packaged
        copy lives in site-packages and must not be edited; the caller must
        name its own file with ``option``.
    """
    if CHECKOUT_DIR is None:
        from .exc import InputError

        raise InputError(
            f"the packaged {name} is read-only outside a geomap checkout; "
            f"pass {option} with the file to write (e.g. {option} my/{name})"
        )
    return geodata_path(name)


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


#: Two places of one incident lie at most this far apart (km) ...
SAME_INCIDENT_KM = 50.0
#: ... or this far when either is province-level or coarser (geo_precision 3 or 4).
SAME_INCIDENT_COARSE_KM = 150.0


def same_incident_km(*geo_precisions: int) -> float:
    """How far apart (km) places of these ``geo_precision`` may lie and be one incident.

    The one matching-distance rule: drafts joining curated events, imported
    rows joining them (:func:`geomap.drafts.same_incident`) and predictions
    meeting the gold standard (:mod:`geomap.scoring`).

    >>> same_incident_km(1, 2), same_incident_km(1, 3)
    (50.0, 150.0)
    """
    return SAME_INCIDENT_COARSE_KM if max(geo_precisions) >= 3 else SAME_INCIDENT_KM


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
