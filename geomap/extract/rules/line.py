"""Distance to the Durand Line: is a place on the border, near enough
for a border work, or too far for a crossing to be shut?
"""

from __future__ import annotations

import functools

from ...geocoders.base import Place

#: A place this close to the Durand Line (degrees, about 30 km) is on the border.
_NEAR_LINE_DEG = 0.3


#: Farther than this from the line (degrees, about 150 km), no crossing is shut.
_FAR_DEG = 1.5
#: How far from the line a border work may lie: every fortification of the
#: dev gold sets is within 0.26 degrees; Jalalabad and Peshawar are 0.5 off.
_WORKS_DEG = 0.4


def _near_line(place: Place, within: float = _NEAR_LINE_DEG) -> bool:
    """Is ``place`` on the border (so fighting dated apart from its own, in
    an article about it, is fighting on the border)?"""
    return _line_distance(place.lat, place.lon) <= within


@functools.lru_cache(maxsize=4096)
def _line_distance(lat: float, lon: float) -> float:
    """Degrees from (lat, lon) to the Durand Line; the same few places recur."""
    from ...geo import durand_line, point

    return durand_line().distance(point(lat, lon))
