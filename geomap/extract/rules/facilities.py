"""A crossing's offices: the crossing named by what stands at it.

Reports of shelling at a crossing name the buildings hit rather than the
crossing: "mortar shells landed at the offices of the FIA, Customs and other
official workplaces", "a rocket hit the customs house". Customs and
immigration offices stand at the crossing a report is about, so such a
phrase points to that crossing as "the crossing" does (a ``crossing_ref``
mention, resolved by :func:`.referents.resolve_crossings`; none when no
crossing is in context).
"""

from __future__ import annotations

import re

from ..places import Mention

#: "the customs house", "immigration offices", "the offices of the Federal
#: Investigation Agency (FIA), Customs".
_FACILITY = re.compile(
    r"(?:\b(?:customs|immigration)\s+(?:offices?|buildings?|house|station|sheds?|terminals?|yards?|complex|check\s*post)\b|"
    r"\boffices?\s+of\s+(?:the\s+)?(?:[\w()'’-]+,?\s+){0,8}?(?:customs|immigration)\b)"
    # (not one that names its own place: "the customs offices in Peshawar")
    r"(?!\s+(?:in|at|of)\s+(?-i:[A-Z]))",
    re.I,
)


def facility_mentions(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a ``crossing_ref`` mention added for each customs or
    immigration office ``sentence`` names outside them, in text order.

    Parameters
    ----------
    sentence : str
    mentions : list of Mention
        The sentence's mentions found so far.

    Returns
    -------
    list of Mention
        ``mentions`` itself when nothing is added.

    Examples
    --------
    >>> [m.surface for m in facility_mentions("Shells hit the customs house.", [])]
    ['customs house']
    """
    low = sentence.lower()
    if "customs" not in low and "immigration" not in low:
        return mentions
    added = [
        Mention(f.start(), f.end(), f.group(0), "crossing_ref")
        for f in _FACILITY.finditer(sentence)
        if not any(m.start < f.end() and f.start() < m.end for m in mentions)
    ]
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions
