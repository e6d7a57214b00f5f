"""Places told by a distance and a bearing from a town: "about 60km north
of the border town of Chaman" is not Chaman but a point 60 km north of it.

Reports often place an incident in a remote area the gazetteer does not
know by its distance from the nearest town. Taking the town itself puts
the incident tens of kilometres off; the point the measure gives is the
better estimate (kept at district precision: "near", not exact).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ...geocoders.base import Place

#: "60km north of", "about 45 kilometres south-west of the town of",
#: "30 miles (48 km) east of": a count, its unit and a bearing, read right
#: before the name of the town measured from. (Narrower than the finder's
#: :data:`geomap.extract.measured._MEASURED_FROM`, which also takes "a few km
#: from" or "on the outskirts of" to tell that a town only locates another
#: place: a point needs a count in digits and a bearing.)
_MEASURE = re.compile(
    r"\b(?P<count>\d{1,3}(?:\.\d+)?)\s*-?\s*(?P<unit>km|kms|kilomet(?:re|er)s?|miles?)\s+(?:\(\s*[^)]{0,20}\)\s+)?"
    r"(?P<bearing>(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:town|city|village|district|crossing)\s+of\s+)?$",
    re.I,
)
#: Unit vectors (north, east) of each bearing.
_BEARINGS = {
    "north": (1.0, 0.0),
    "south": (-1.0, 0.0),
    "east": (0.0, 1.0),
    "west": (0.0, -1.0),
}
#: Nearer than this the town is as good a point; farther the measure is no
#: local reference (a distance between cities, "300 km west of Kabul").
_MIN_KM, _MAX_KM = 10.0, 150.0
_KM_PER_DEGREE = 111.32
#: Places that are points to measure from (not a district's or a province's centroid).
_POINT_KINDS = frozenset(("crossing", "city", "town", "village", "building"))


def _unit_vector(bearing: str) -> tuple[float, float]:
    """(north, east) components of a bearing word such as ``south-west``."""
    words = re.findall(r"north|south|east|west", bearing.lower())
    north = sum(_BEARINGS[w][0] for w in words)
    east = sum(_BEARINGS[w][1] for w in words)
    norm = math.hypot(north, east)
    return north / norm, east / norm


def offset_place(sentence: str, start: int, place: Place) -> Place | None:
    """The point a measure before the mention at ``start`` gives, or None.

    Parameters
    ----------
    sentence : str
        The sentence.
    start : int
        Where the name of the town measured from begins.
    place : Place
        That town, resolved.

    Returns
    -------
    Place or None
        A place ``count`` km from ``place`` on the bearing, at district
        precision, when a distance and a bearing come right before the name
        (a point place only: the centroid of a district or a province is no
        reference to measure from); else None.
    """
    if place.kind not in _POINT_KINDS:
        return None
    m = _MEASURE.search(sentence, max(0, start - 90), start)
    if m is None:
        return None
    km = float(m.group("count"))
    if m.group("unit").lower().startswith("mile"):
        km *= 1.609344
    if not _MIN_KM <= km <= _MAX_KM:
        return None
    north, east = _unit_vector(m.group("bearing"))
    lat = place.lat + km * north / _KM_PER_DEGREE
    lon = place.lon + km * east / (_KM_PER_DEGREE * math.cos(math.radians(place.lat)))
    name = f"{m.group('count')} km {m.group('bearing').lower()} of {place.name}"
    return replace(place, name=name, lat=round(lat, 5), lon=round(lon, 5), kind="district", precision=2)


#: The name :func:`offset_place` gives a point it measured.
_MEASURED_NAME = re.compile(r"\d[\d.]* km (?:north|south|east|west)\S* of (?P<town>.+)\Z")


def offset_from(place: Place, town: Place) -> bool:
    """Is ``place`` a point :func:`offset_place` measured from ``town``?

    A headline's "near Chaman" then tells the incident the body puts "60km
    north of" it (:func:`geomap.extract.merging._fold_town_into_measured` joins
    the two). Named apart from :func:`geomap.extract.measured._measured_from`,
    the finder's test of a town that only locates another place.

    Parameters
    ----------
    place : Place
        A place of an event, maybe one :func:`offset_place` gave.
    town : Place
        The place of another event.

    Returns
    -------
    bool
        True when ``place`` is named as measured from ``town``.
    """
    m = _MEASURED_NAME.match(place.name)
    return m is not None and m.group("town") == town.name
