"""A town another place is measured from: "a compound in Datta Khel, about 30
kilometres west of Miramshah", "in Jamrud, on the outskirts of Peshawar".

Such a town only locates the place named with it and is no place of the
incident (:func:`_measured_from`); one that locates no place named stays, moved
by the distance and bearing to the point they give (:func:`_measured_point`).
Read once, by :class:`geomap.extract.places.PlaceFinder`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .gates import Gated
from .rules.offsets import offset_place

if TYPE_CHECKING:
    from .places import Mention

#: A count of kilometres or miles: "30", "2,600", "thirty", "twenty-five", "a few".
_DISTANCE_COUNT = (
    r"(?:\d[\d,.]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|(?:a\s+)?few|several|hundreds?)"
)
#: What makes the name after it a town another place is measured from: a
#: distance, a bearing or both ("about 30 kilometres west of Miramshah",
#: "5km from", "west of Urgun"), or "on the outskirts of", up to "the
#: border town of" before the name. Read before the name
#: (:func:`_measured_from`).
_MEASURED_FROM = re.compile(
    r"(?:\b" + _DISTANCE_COUNT + r"\s*-?\s*(?:km|kms|kilomet(?:re|er)s?|miles?)\s+(?:\(\s*[^)]{0,20}\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)|"
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of|"
    r"\bon\s+the\s+outskirts\s+of)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:town|city|village|district)\s+of\s+)?$",
    re.I,
)
_MEASURED_FROM = Gated(_MEASURED_FROM, "km", "kilomet", "mile", "north", "south", "east", "west", "outskirts")
#: Between a place and the measure that locates it: "Datta Khel, about",
#: "the Bara area, some", "Jamrud on".
_LOCATED_GAP = re.compile(
    r"(?:\s+(?:area|district|village|town|city|tehsil|valley|region|agency|sector))?\s*,?\s*"
    r"(?:(?:about|some|nearly|around|roughly|almost|approximately|only|just|barely|less\s+than|more\s+than)\s+)?"
)
#: A name the gazetteer may lack, after a preposition of place, right before
#: the measure: "in Nuristan's Barg-e-Matal district, (north of Arandu)".
_NAME_BEFORE_MEASURE = re.compile(
    r"\b(?:in|at|near|into|inside)\s+(?:[A-Z][\w'’-]*\s+){0,3}?[A-Z][\w'’-]*"
    r"(?:\s+(?:area|district|village|town|city|tehsil|valley|region|agency|sector))?\s*,?\s*"
    r"(?:(?:about|some|nearly|around|roughly|almost|approximately|only|just|barely)\s+)?$"
)
#: Between a town measured from and the place it locates, told after it:
#: "(40 km north of) Wana, in Sararogha", when the measure opens the
#: sentence or a clause (:data:`_MEASURE_OPENS`; "on the outskirts of
#: Quetta, in Balochistan" names the province Quetta lies in).
_LOCATED_AFTER = re.compile(r"\s*,\s*(?:in|at|near)\s+(?:the\s+)?")
_MEASURE_OPENS = re.compile(
    r"(?:^|[,;:])\s*(?:(?:about|some|nearly|around|roughly|almost|approximately|only|just)\s+)?$", re.I
)


def _measured_point(sentence: str, m: Mention) -> Mention:
    """``m``, or ``m`` at the point a distance and a bearing before it
    give (:func:`geomap.extract.rules.offsets.offset_place`)."""
    if m.role != "place" or m.place is None:
        return m
    moved = offset_place(sentence, m.start, m.place)
    return m if moved is None else replace(m, place=moved)


def _measured_from(sentence: str, m: Mention, places: list[Mention]) -> bool:
    """Is ``m`` a town that only locates one of ``places`` named right
    before the measure or right after the town ("a compound in Datta Khel,
    about 30 kilometres west of Miramshah", "in Jamrud, on the outskirts of
    Peshawar", "Barmal, west of Urgun", "40 km north of Wana, in
    Sararogha")? Such a town is a reference point, not a place of the
    incident (also when the name before the measure is not in the
    gazetteer). A town measured from that locates no place named stays: it is
    the nearest place told ("a house 30 km west of Miramshah", "a college
    on the outskirts of Quetta"), moved by a distance and a bearing to the
    point they give (:func:`_measured_point`)."""
    measure = _MEASURED_FROM.search(sentence, max(0, m.start - 60), m.start)
    if measure is None:
        return False
    if _NAME_BEFORE_MEASURE.search(sentence, max(0, measure.start() - 60), measure.start()):
        return True  # "in Nuristan's Barg-e-Matal district, north of Arandu": a name found or not
    for p in places:
        if p.end <= measure.start() and _LOCATED_GAP.fullmatch(sentence, p.end, measure.start()):
            return True
        if (
            p.start >= m.end
            and _LOCATED_AFTER.fullmatch(sentence, m.end, p.start)
            and _MEASURE_OPENS.search(sentence, 0, measure.start())
        ):
            return True
    return False
