"""One type of incident told twice in a sentence, each time in a clause of
its own with a date of its own: "In May 2017 a clash near Chaman killed
civilians, and in July 2020 firing at the gate killed several people" is
two incidents, each dated by its clause (merging then keeps them apart when
the dates are far apart, and joins them when they are close)."""

from __future__ import annotations

import re

from ..dates import DateMention
from ..types import Trigger

#: Where a clause joined to the one before begins: ", and", ", but",
#: ", while", ", whereas", a semicolon (also read by :mod:`.when`).
JOINED_CLAUSE = r",\s+(?:and|but|while|whereas)\b|;"
_JOINED = re.compile(JOINED_CLAUSE)


def dated_parts(
    sentence: str, trigs: list[Trigger], dates: list[DateMention]
) -> list[tuple[list[Trigger], list[DateMention]]] | None:
    """The triggers of one type split by the joined clauses of ``sentence``
    when each clause holding some tells exactly one date of its own and the
    dates differ; else ``None`` (one incident, dated as before). A clause
    that tells a date but no trigger leaves the sentence as it is: whose
    date it is cannot be told."""
    if len(trigs) < 2 or len(dates) < 2 or (";" not in sentence and ", " not in sentence):
        return None
    usable = [d for d in dates if d.kind not in ("for", "nth") and not d.statement]
    if len(usable) < 2:
        return None
    bounds = [0, *(m.start() for m in _JOINED.finditer(sentence)), len(sentence)]
    if len(bounds) < 3:
        return None
    parts = []
    for lo, hi in zip(bounds, bounds[1:]):
        told = [t for t in trigs if lo <= t.start < hi]
        own = [d for d in usable if lo <= d.start < hi]
        if told and len(own) == 1:
            parts.append((told, own))
        elif told or own:
            return None
    if len(parts) < 2 or len({(own[0].date, own[0].precision) for _, own in parts}) < len(parts):
        return None
    return parts
