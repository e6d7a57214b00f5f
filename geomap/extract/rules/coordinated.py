"""Which of a sentence's places an incident takes: the mention nearest its
triggers and those coordinated with it ("in Kandahar province and Kabul",
"1,500 trucks are stuck at Chaman and 800 at Torkham"), less a landmark
named only to say where a place lies ("Spin Boldak city near the Chaman
border crossing"). :func:`geomap.extract.rules.where._places_for` narrows
the mentions first, then asks :func:`_choose`.
"""

from __future__ import annotations

import re

from ..places import Mention
from ..types import Trigger
from .clauses import _distance

#: What stands between two places of one list: "and", a comma, "as well as",
#: "along with" (each alternative below says which list it is).
_COORD = re.compile(
    # "into Kurram on Friday and into North Waziristan on Saturday"
    r"^(?:\s+on\s+(?:[A-Z][a-z]+day|the\s+same\s+day))?"
    # ("Torkham, along with the Chaman crossing", "Kurram, as well as Khost")
    r"(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+as\s+well\s+as\s+|,?\s+and\s+also\s+|,?\s+(?:along|together)\s+with\s+)"
    r"(?:(?:in|at|on|into|near)\s+)?(?:the\s+)?"
    # "Kurram and Khost's Gurbuz district": the second name's province before it
    r"(?:(?!Afghanistan|Pakistan)[A-Z][\w-]+['’]s\s+)?$|"
    # "in the Khas Kunar district of Kunar and in Goshta": the province that
    # places the first name may stand between the two names of the list.
    r"^\s+(?:of|in)\s+(?:the\s+|[A-Z][\w-]+['’]s\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"
    r"(?:\s+(?:tribal\s+)?(?:province|district|agency|region))?"
    r",?\s+(?:and|as\s+well\s+as)\s+(?:(?:in|at|on)\s+)?(?:the\s+)?"
    r"(?:(?!Afghanistan|Pakistan)[A-Z][\w-]+['’]s\s+)?$|"
    # "at Angoor Adda, Bajaur, Kurram": a name of the list read as a qualifier
    r"^,\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+$|"
    # "parked at Jamrud and at the terminals in Peshawar", "stuck in Karachi
    # and in the dry ports of Peshawar": the second place by its facilities
    r"^,?\s+and\s+(?:(?:in|at|on|near)\s+)?the\s+(?:[\w-]+\s+)?"
    r"(?:terminals?|ports?|yards?|depots?|markets?|bazaars?)\s+(?:in|of|at|near)\s+$"
)


#: Only a conjunction between a place and the trigger after it ("in Mohmand and completing").
_AND_BETWEEN = re.compile(r"\s*(?:district|province|area|region|valley|agency)?\s*,?\s+and\s+$", re.I)


#: A clause whose verb is left out, its count and place told: "1,500 trucks
#: are stuck at Chaman and 800 at Torkham", "20 families in Dangam and
#: some 30 in Marawara" (the second place is the same incident's).
_GAPPED = re.compile(
    r"(?:\s+on\s+[A-Z][a-z]+day)?\s*,?\s+(?:and|while)\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+|another\s+|more\s+than\s+)?"
    r"\d[\d,]*(?:\s+(?:more|others|trucks|lorries|containers|vehicles|people|families))?\s+(?:at|in|near)\s+(?:the\s+)?\Z"
)


def _choose(mentions: list[Mention], triggers: list[Trigger], sentence: str) -> list[Mention]:
    """The mention nearest to the triggers, plus the ones coordinated with it
    ("in Kandahar province and Kabul")."""
    if len(mentions) < 2:
        return list(mentions)  # nothing to rank or coordinate
    spans = [(t.start, t.end) for t in triggers]

    # A place right after the trigger ("strikes in X") beats one before it.
    def score(m: Mention) -> tuple[int, int]:
        d = min(_distance((m.start, m.end), s) for s in spans)
        after = any(m.start >= s[1] for s in spans)
        if not after and _AND_BETWEEN.match(sentence, m.end, min(s[0] for s in spans)):
            # "laying fence in Mohmand and completing forts in Khyber": the
            # place before "and" is the other verb's.
            d += 40
        return (d - (15 if after else 0), m.start)

    best = min(mentions, key=score)
    chosen = [best]
    ordered = sorted(mentions, key=lambda m: m.start)
    i = ordered.index(best)
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(ordered):
            a, b = (ordered[j], ordered[j + step]) if step == 1 else (ordered[j + step], ordered[j])
            if not (_COORD.match(sentence[a.end : b.start]) or _GAPPED.match(sentence, a.end, b.start)):
                break
            if ordered[j + step].role == "border" and best.role != "border":
                # "in the Sambaza area, near the Pakistan-Afghanistan
                # border": the border says where the place lies
                break
            chosen.append(ordered[j + step])
            j += step
    return chosen


#: Between a place and the landmark that says where it lies: "Spin Boldak
#: city near the Chaman border crossing", "Barmal, close to the border town".
_LANDMARK_BETWEEN = re.compile(
    r"^(?:['’]s)?(?:\s+(?:city|town|district|village|area|valley|bazaar))?,?\s+"
    r"(?:near|close\s+to|not\s+far\s+from)\s+(?:the\s+)?$",
    re.I,
)


def _without_landmarks(chosen: list[Mention], sentence: str) -> list[Mention]:
    """The places a strike or blast hit without those named right after one
    of them as where it lies ("airstrikes in Spin Boldak city near the
    Chaman border crossing" hit Spin Boldak, not Chaman)."""
    if len(chosen) < 2 or not any(w in sentence for w in ("near", "close to", "far from")):
        return chosen
    return [
        m
        for m in chosen
        if not any(c.end <= m.start and _LANDMARK_BETWEEN.match(sentence[c.end : m.start]) for c in chosen)
    ]
