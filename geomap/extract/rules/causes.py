"""Incidents told as another's cause, as one the article knows, or as "a similar" one.

"Closed Torkham following a suicide attack on a shrine in Pakistan", "after
the first night of fighting", "killed in a similar clash in August": an
incident named only to explain, time or compare another is not placed where
the incident reported is (:func:`geomap.extract.rules.where._places_for`
asks these).
"""

from __future__ import annotations

import re

#: "the first night of", "the worst": a clause's incident named as one known.
_DEFINITE_BEFORE = re.compile(r"the\s+(?:[\w-]+\s+){0,4}?(?=\S*$)", re.I)

#: A sentence opened by an after/following clause, up to its comma.
_OPENING_CAUSE = re.compile(r"(?:After|Following|In\s+(?:response|retaliation)\s+(?:to|for))\s[^,;]{5,200},")

#: The words that make an incident the cause of the one before it:
#: "(closed the crossing) following a suicide attack", "after a bombing".
_CAUSE_RIGHT_BEFORE = re.compile(
    r"\b(?:following|after|in\s+the\s+wake\s+of|in\s+response\s+to|in\s+retaliation\s+for)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _cause_in_a_country(sentence: str, trigs, others, mentions) -> bool:
    """Is the incident of ``trigs`` only the cause of another told before it
    in the sentence, placed by nothing but a country after it ("Pakistan
    closed Torkham following a suicide attack on a shrine in Pakistan")?"""
    first = min(t.start for t in trigs)
    return (
        any(o.end <= first and o.event_type not in {t.event_type for t in trigs} for o in others)
        and bool(_CAUSE_RIGHT_BEFORE.search(sentence, max(0, first - 50), first))
        and any(m.role == "country" and m.start > first for m in mentions)
    )


#: "a similar armed confrontation", "another similar clash": an incident
#: like the one reported, right before its trigger.
_SIMILAR_BEFORE = re.compile(r"\b(?:a|another)\s+similar\s+(?:[\w-]+\s+){0,2}$", re.I)


def _similar_one(sentence: str, trigs) -> bool:
    """Is an incident told as one "similar" to the one reported ("killed in
    a similar clash in August")? It happened elsewhere or at another time:
    the place of the incident reported is not its place."""
    first = min(t.start for t in trigs)
    return "similar" in sentence[max(0, first - 40) : first].lower() and bool(
        _SIMILAR_BEFORE.search(sentence, max(0, first - 40), first)
    )
