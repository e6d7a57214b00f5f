"""Where fire came from: no place of the incident it caused.

Border reports tell shelling by where the shells were fired from as well
as where they fell: "mortar rounds fired from Afghanistan's Kunar province
hit three villages of Mamund", "a mortar attack from Afghanistan's Paktia
province onto the border area". The place after such a "from" is the
launch site across the line; the incident is where the fire landed, named
in the sentence or told before it. (A "from" right after the trigger
words, "shells fired from Kunar landed in Nawagai", is read with the
trigger already; this module is for the origin told apart from them,
often behind a country's possessive.)
"""

from __future__ import annotations

import re

from ..gates import Gated
from ..places import Mention

#: Fire told just before "from" and the origin's name: "fired from",
#: "shells ... from", "attacks originating from", "fire coming from the
#: direction of". The country's possessive and "the direction of" may stand
#: between "from" and the name.
_FIRED_FROM = re.compile(
    r"\b(?:(?:fired|launched|lobbed|shot|coming|came|originating|emanating)\s+(?:[\w-]+\s+){0,2}?|"
    r"(?:shells?|rounds?|rockets?|mortars?|missiles?|fire|firing|shelling|attacks?|artillery)\s+"
    r"(?:[\w-]+\s+){0,3}?)from\s+(?:the\s+direction\s+of\s+)?(?:the\s+)?"
    r"(?:(?:Afghanistan|Pakistan)['’]s\s+)?$",
    re.I,
)
_FIRED_FROM = Gated(_FIRED_FROM, "from")
#: How far before a name the words of the fire are read.
_LOOKBACK = 70


def fire_origins(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions of ``sentence`` that name where fire came from ("fired
    from Afghanistan's Kunar province", "an attack from Paktia onto the
    border area"), not where it hit.

    Parameters
    ----------
    sentence : str
    mentions : list of Mention
        The sentence's place mentions.

    Returns
    -------
    list of Mention
        Those of ``mentions`` named right after the fire's "from".
    """
    if "from" not in sentence:
        return []
    return [
        m
        for m in mentions
        if m.role == "place" and _FIRED_FROM.search(sentence, max(0, m.start - _LOOKBACK), m.start) is not None
    ]
