"""A dataset row's type refined from its own text with the extractor's triggers.

UCDP GED rows say who fought whom, not how; ACLED's first generation has one
"Remote violence" type for air strikes and bombs alike. The row's text
(UCDP: the source headline and article reference; ACLED: the notes) is
scanned with :func:`geomap.extract.types.find_triggers`, the same trigger
rules (with negation, denial and habit filters) that type extracted drafts.
"""

from __future__ import annotations

from functools import lru_cache

from .tables import REFINE_TYPES


@lru_cache(maxsize=16384)
def mechanism(text: str, allowed: tuple[str, ...] = REFINE_TYPES) -> tuple[str, str] | None:
    """The most specific violent (type, sub-type) the text names, or ``None``.

    Only strong triggers of the ``allowed`` types count; among them the order
    of :data:`~geomap.importers.tables.REFINE_TYPES` decides (air strike,
    then explosion, then armed clash).

    >>> mechanism("DRONE STRIKE KILLS FOUR IN NORTH WAZIRISTAN")
    ('airstrike', 'drone_strike')
    >>> mechanism("Talks held in the capital") is None
    True
    """
    from ..extract.types import find_triggers

    if not text.strip():
        return None
    found: dict[str, str] = {}
    for t in find_triggers(text[:2000]):
        if not t.weak and t.event_type in allowed:
            found.setdefault(t.event_type, t.sub_event_type)
    for etype in REFINE_TYPES:
        if etype in found:
            return etype, found[etype]
    return None
