"""The sides of a meeting: talks need both.

A meeting of one side's officials with their own people ("the district
officer met elders of the border villages", "a jirga of elders met officials
in Kohat") is an affair at home, however it is worded; talks between the two
countries name both sides, a crossing, the sides as a pair ("both sides",
"joint", "counterparts") or a place of each. :func:`meeting_at_home` reads
that from the sentence's places and words instead of a list of offices.
"""

from __future__ import annotations

import re

from ..gates import Gated
from ..places import Mention
from ..triggers.talks import _BILATERAL_SIDES

#: The people of a place, whom officials meet at home.
_LOCAL_PEOPLE = re.compile(
    r"\b(?:elders|tribesmen|notables|villagers|residents|locals|maliks|ulema|clerics|tribal\s+leaders)\b", re.I
)
_LOCAL_PEOPLE = Gated(
    _LOCAL_PEOPLE,
    "elders",
    "tribesmen",
    "notables",
    "villagers",
    "residents",
    "locals",
    "maliks",
    "ulema",
    "clerics",
    "tribal",
)
#: Words that name the other side, by the country of the meeting's places
#: (the Pakistani Taliban are Pakistan's affair: talks with them in Kabul
#: have two sides).
_SIDE_WORDS = {
    "PK": re.compile(
        r"\b(?:afghan\w*|kabul|taliban|islamic\s+emirate|kandahar|nangarhar|khost|paktia|paktika|kunar)\b", re.I
    ),
    "AF": re.compile(r"\b(?:pakistan\w*|islamabad|ttp|tehreek\w*|rawalpindi|peshawar|quetta)\b", re.I),
}


#: A meeting held on the line: "met at the border", "near the frontier".
_AT_BORDER = re.compile(
    r"\b(?:at|on|near|along|across|over)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:border|frontier|line)$", re.I
)


def meeting_at_home(sentence: str, mentions: list[Mention]) -> bool:
    """Is a meeting told in ``sentence`` one side's officials with their own
    people: local people named, no pair of sides, every place in one of the
    two countries, none a crossing or the border, and no word of the other
    side?

    >>> meeting_at_home("The elders met officials on Monday.", [])
    False
    """
    if not _LOCAL_PEOPLE.search(sentence) or _BILATERAL_SIDES.search(sentence):
        return False
    countries = set()
    for m in mentions:
        if m.role == "crossing_ref" or (m.role == "border" and _AT_BORDER.search(sentence[: m.start] + m.surface)):
            return False  # "met at the border", "at the zero point" (not "the road to the border")
        if m.role == "border":
            continue
        if m.role == "country" and m.country:
            countries.add(m.country)
        elif m.place is not None:
            if m.place.kind == "crossing":
                return False
            countries.add(m.place.country)
    if len(countries) != 1 or not countries <= {"AF", "PK"}:
        return False
    return not _SIDE_WORDS[countries.pop()].search(sentence)


#: Officials of both sides on the spot: "both Pakistani and Afghan officials",
#: "border officials of the two sides" (not ministers or envoys, who meet in
#: capitals).
_BOTH_SIDES_OFFICIALS = re.compile(
    r"\b(?:(?:both\s+)?(?:Pakistani\s+and\s+Afghan|Afghan\s+and\s+Pakistani)|both\s+sides['’]?|the\s+two\s+sides['’]?)\s+"
    r"(?:border\s+|local\s+|security\s+|customs\s+)?(?:officials|authorities|commanders|officers)\b|"
    r"\b(?:border\s+|local\s+|security\s+)?(?:officials|authorities|commanders|officers)\s+(?:of|from)\s+"
    r"(?:both\s+(?:sides|countries)|the\s+two\s+(?:sides|countries))\b",
    re.I,
)
_BOTH_SIDES_OFFICIALS = Gated(_BOTH_SIDES_OFFICIALS, "officials", "authorities", "commanders", "officers")
#: A meeting that was held (not one "expected" or to come).
_MET = re.compile(r"\b(?:held|met|talked|negotiated)\b", re.I)


def officials_of_both_sides(sentence: str) -> bool:
    """Does a meeting held, told in ``sentence``, name the officials of both
    sides ("both Pakistani and Afghan officials held talks"), who meet on the
    spot (a report about a crossing: at that crossing)? Not a meeting to
    come ("a meeting between local commanders of the two sides was
    expected").

    Parameters
    ----------
    sentence : str

    Returns
    -------
    bool

    Examples
    --------
    >>> officials_of_both_sides("Both Pakistani and Afghan officials held talks but failed.")
    True
    >>> officials_of_both_sides("The foreign ministers held talks.")
    False
    """
    return _BOTH_SIDES_OFFICIALS.search(sentence) is not None and _MET.search(sentence) is not None
