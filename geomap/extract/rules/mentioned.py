"""Incidents mentioned, not reported: a trigger that only refers to an
incident told before.

Long news names an incident many times after reporting it: "areas
affected by the fighting", "declined to comment on the shelling", "the
bombers had been directed from abroad". Such a mention, with a definite
article and no day of its own in its clause, adds to the incident of its
type already told (it is made weak) rather than becoming a new draft at
whatever place its sentence names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import DateMention
from ..types import Trigger
from .clauses import _clause_of
from .state import ArticleState


def referred_only(
    sentence: str, triggers: list[Trigger], spans: list[tuple[int, int]], dates: list[DateMention], ctx: ArticleState
) -> list[Trigger]:
    """``triggers`` with those that only refer back made weak.

    A trigger refers back when it is definite and the object of a
    preposition ("by the fighting", "over these closures"), an incident of
    its type is already told in the article and its clause gives no date
    of its own.

    Parameters
    ----------
    sentence : str
    triggers : list of Trigger
        The sentence's triggers.
    spans : list of (int, int)
        Its clauses (:func:`.clauses.clauses`).
    dates : list of DateMention
        Its dates that are no statement's.
    ctx : ArticleState
        What the sentences before told.

    Returns
    -------
    list of Trigger
    """
    out = []
    for t in triggers:
        if (
            t.anaphoric
            and not t.weak
            and t.event_type in ctx.by_type
            and _PREPOSITION_BEFORE.search(sentence, max(0, t.start - 40), t.start)
        ):
            clause = _clause_of(spans, t.start)
            if not any(_clause_of(spans, d.start) == clause for d in dates):
                t = replace(t, weak=True)
        out.append(t)
    return out


#: The object of a preposition right before the trigger's definite article:
#: "affected by the fighting", "comment on the shelling", "during the
#: siege" (not "The fighting began near Batwar": a subject tells more of it).
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:by|on|about|over|during|amid|for|from|against|with|of|to|into|since|despite|behind)\s+"
    r"(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+)?$",
    re.I,
)
