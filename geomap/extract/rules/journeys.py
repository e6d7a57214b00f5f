"""The ends of a journey: where people and goods are going or come from.

Long reports name the places lorries are "bound for", travellers are
"heading home to" and returnees were "deported from"; such a place is
where a journey ends or began, not where the incident of the sentence was
(the lorries wait, the returnees cross, at another place). A finished
journey's end is kept: a delegation that "travelled to Kabul" met there.
Read by :meth:`geomap.extract.places.PlaceFinder.find` on the text before
each place name.
"""

from __future__ import annotations

import re

#: Before a destination not yet reached: "lorries bound for Peshawar",
#: "families on their way home to Kandahar", "a convoy travelling to Quetta".
_GOING_TO = re.compile(
    r"\b(?:bound|destined|headed|meant|intended)\s+(?:back\s+)?for\s+(?:the\s+)?$|"
    # (not a journey stopped: "vehicles were stopped from moving towards
    # Torkham" are held where it ends)
    r"(?<!from\s)\b(?:heading|going|travell?ing|driving|returning|moving|on\s+(?:their|its|his|her|the)\s+way)\s+"
    r"(?:back\s+)?(?:home\s+)?(?:to|towards?)\s+(?:the\s+)?$",
    re.I,
)
#: Before where people came from: "refugees returning from Karachi",
#: "Afghans deported from Lahore", "families who had lived in Peshawar for
#: decades".
_CAME_FROM = re.compile(
    r"\b(?:returning|returned|returnees|deported|expelled|evicted|repatriated|sent\s+back|arriving|arrived)\s+"
    r"(?:home\s+)?from\s+(?:the\s+)?$|"
    r"\bwho\s+(?:had\s+|have\s+|has\s+)?(?:lived|worked|settled|studied|grown\s+up)\s+(?:\w+\s+){0,2}?in\s+(?:the\s+)?$",
    re.I,
)
#: Words one of which every match of the two patterns holds (lower case).
WORDS = (
    "bound",
    "destined",
    "headed",
    "meant",
    "intended",
    "heading",
    "going",
    "travel",
    "driving",
    "return",
    "moving",
    " way",
    "deported",
    "expelled",
    "evicted",
    "repatriated",
    "sent back",
    "arriv",
    "lived",
    "worked",
    "settled",
    "studied",
    "grown up",
)


def journey_end(before: str) -> bool:
    """Is the place named right after ``before`` (the sentence up to it)
    where a journey is going or came from, not an event's place?"""
    tail = before.rstrip()[-5:].lower()
    if tail.endswith(("to", "for", "from", "in", "the", "wards")):
        return bool(_GOING_TO.search(before) or _CAME_FROM.search(before))
    return False
