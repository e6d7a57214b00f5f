"""Parties named in a sentence, mapped to the actor names of the dataset.

Longer names are tried first so that "Pakistani Taliban" is the TTP and not
Pakistan plus the Taliban.
"""

from __future__ import annotations

import re

#: (actor, pattern), most specific first.
ACTORS: list[tuple[str, str]] = [
    ("TTP", r"Tehreek-?e-?Taliban(?:\s+Pakistan)?|Tehrik-?i-?Taliban(?:\s+Pakistan)?|Pakistani\s+Taliban|TTP|khawarij|Fitna\s+al-?Khawarij"),
    ("ISKP", r"Islamic\s+State(?:\s+Khorasan)?|IS-?K|ISKP|ISIS-?K|Daesh"),
    ("UNAMA", r"UNAMA|United\s+Nations\s+(?:Assistance\s+)?Mission\s+in\s+Afghanistan|UN\s+mission\s+in\s+Afghanistan"),
    ("Afghan Taliban", r"Afghan\s+Taliban|Taliban|Islamic\s+Emirate|Afghan\s+(?:forces|border\s+forces|side|government|"
                       r"delegation|officials|authorities)|Kabul\s+(?:government|administration|regime)"),
    ("Pakistan", r"Pakistani\s+(?:forces|troops|soldiers|army|military|border\s+guards|officials|side|delegation|"
                 r"government|authorities|team|security\s+forces)|Pakistan(?:'s|’s)?|Pakistani|Islamabad|Frontier\s+Corps|ISPR"),
    ("Qatar", r"Qatar(?:i)?|Doha(?=\s+(?:said|mediated))"),
    ("Turkey", r"Turkey|Türkiye|Turkiye|Turkish|Ankara"),
    ("Saudi Arabia", r"Saudi\s+Arabia|Saudi"),
    ("China", r"China|Chinese|Beijing"),
    ("Iran", r"Iran|Iranian|Tehran"),
    ("Traders", r"traders|chambers?\s+of\s+commerce|business\s+community"),
    ("Truck drivers", r"(?:truck\s+)?drivers|transporters"),
]
_COMPILED = [(name, re.compile(r"\b(?:" + p + r")(?!\w)", re.I if name in ("Traders", "Truck drivers") else 0))
             for name, p in ACTORS]


def find_actors(sentence: str) -> list[str]:
    """Actors of ``sentence`` in order of first mention, without repeats.

    >>> find_actors("Pakistani Taliban fighters attacked an Afghan border post, Islamabad said.")
    ['TTP', 'Pakistan']
    """
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _COMPILED:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            hits.append((m.start(), name))
    hits.sort()
    seen: list[str] = []
    for _, name in hits:
        if name not in seen:
            seen.append(name)
    return seen
