"""Where fire or people came from: no place of the incident.

Border reports tell shelling by where the shells were fired from as well
as where they fell: "mortar rounds fired from Afghanistan's Kunar province
hit three villages of Mamund", "a mortar attack from Afghanistan's Paktia
province onto the border area". The place after such a "from" is the
launch site across the line; the incident is where the fire landed, named
in the sentence or told before it. (A "from" right after the trigger
words, "shells fired from Kunar landed in Nawagai", is read with the
trigger already; this module is for the origin told apart from them,
often behind a country's possessive.)

Displaced people are named by where they fled from: "an air strike on
Waziristan refugees in Sperah district of Khost" hit Sperah, not
Waziristan (:func:`people_origins`).
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
    # (the verbs of fire only: "four of those hurt came from Marawara" is
    # where they were hurt; "shells came from Kunar" has its noun below)
    r"\b(?:(?:fired|launched|lobbed|shot)\s+(?:[\w-]+\s+){0,2}?|"
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


#: Displaced people named by the place they left: "Waziristan refugees",
#: "Bajaur IDPs", "Tirah displaced families".
_DISPLACED_AFTER = re.compile(
    r"\s+(?:refugees|migrants|IDPs|displaced|evacuees|returnees|mohajirs|muhajirs)\b",
    re.I,
)

#: One of these (lower case) is in every match of :data:`_DISPLACED_AFTER`.
_DISPLACED_WORDS = ("refugee", "migrant", "idp", "displaced", "evacuee", "returnee", "mohajir", "muhajir")


def people_origins(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions of ``sentence`` that only say where displaced people
    came from ("an air strike on Waziristan refugees in Sperah"), not
    where anything happened.

    Parameters
    ----------
    sentence : str
    mentions : list of Mention
        The sentence's place mentions.

    Returns
    -------
    list of Mention
        Those of ``mentions`` right before a word for displaced people.

    Examples
    --------
    >>> people_origins("No place here.", [])
    []
    """
    low = sentence.lower()
    if not any(w in low for w in _DISPLACED_WORDS):
        return []
    return [m for m in mentions if m.role == "place" and _DISPLACED_AFTER.match(sentence, m.end)]
