"""Parties named in a sentence, mapped to the actor names of the dataset.

Longer names are tried first so that "Pakistani Taliban" is the TTP and not
Pakistan plus the Taliban.
"""

from __future__ import annotations

import re

from .scanned import ScannedSentence
from .stems import SENTENCE_STEMS, StemFilter
from .wordscan import finditer_bounded

#: (actor, pattern), most specific first.
ACTORS: list[tuple[str, str]] = [
    (
        "TTP",
        r"Tehreek-?e-?Taliban(?:\s+Pakistan)?|Tehrik-?i-?Taliban(?:\s+Pakistan)?|Pakistani\s+Taliban|TTP|khawarij|Fitna\s+al-?Khawarij",
    ),
    ("ISKP", r"Islamic\s+State(?:\s+Khorasan)?|IS-?K|ISKP|ISIS-?K|Daesh"),
    ("UNAMA", r"UNAMA|United\s+Nations\s+(?:Assistance\s+)?Mission\s+in\s+Afghanistan|UN\s+mission\s+in\s+Afghanistan"),
    (
        "Afghan Taliban",
        r"Afghan\s+Taliban|Taliban|Islamic\s+Emirate|Afghan\s+(?:forces|border\s+forces|side|government|"
        r"delegation|officials|authorities|troops|soldiers|army|military|border\s+guards|border\s+police)|"
        r"Afghan(?=\s+and\s+Pakistani\s+(?:forces|troops|soldiers|border|officials|delegations?))|"
        r"Kabul\s+(?:government|administration|regime)",
    ),
    (
        "Pakistan",
        r"Pakistani\s+(?:forces|troops|soldiers|army|military|border\s+guards|officials|side|delegation|"
        r"government|authorities|team|security\s+forces)|Pakistan(?:'s|’s)?|Pakistani|Islamabad|Frontier\s+Corps|ISPR",
    ),
    ("Qatar", r"Qatar(?:i)?|Doha(?=\s+(?:said|mediated))"),
    ("Turkey", r"Turkey|Türkiye|Turkiye|Turkish|Ankara"),
    ("Saudi Arabia", r"Saudi\s+Arabia|Saudi"),
    ("China", r"China|Chinese|Beijing"),
    ("Iran", r"Iran|Iranian|Tehran"),
    ("Traders", r"traders|chambers?\s+of\s+commerce|business\s+community"),
    ("Truck drivers", r"(?:truck\s+)?drivers|transporters"),
]
_CASELESS = ("Traders", "Truck drivers")
#: (actor, pattern, bounded): a bounded pattern lacks its leading ``\b``
#: and is run through :func:`~geomap.extract.wordscan.finditer_bounded`
#: (much faster on a whole article); the case-insensitive ones gain nothing
#: from that (``re`` cannot skip ahead on cased letters) and keep it.
_COMPILED = [
    (name, re.compile(r"\b(?:" + p + r")(?!\w)", re.I), False)
    if name in _CASELESS
    else (name, re.compile(r"(?:" + p + r")(?!\w)"), True)
    for name, p in ACTORS
]


#: Lower-case stems one of which every match of that actor's pattern
#: contains: absent stems skip the regex scan.
_ANCHORS: dict[str, tuple[str, ...]] = {
    "TTP": ("taliban", "ttp", "khawarij"),
    "ISKP": ("islamic state", "is-k", "isk", "isis", "daesh"),
    "UNAMA": ("unama", "united nations", "un mission"),
    "Afghan Taliban": ("taliban", "islamic emirate", "afghan", "kabul"),
    "Pakistan": ("pakistan", "islamabad", "frontier corps", "ispr"),
    "Qatar": ("qatar", "doha"),
    "Turkey": ("turk", "türk", "ankara"),
    "Saudi Arabia": ("saudi",),
    "China": ("china", "chinese", "beijing"),
    "Iran": ("iran", "tehran"),
    "Traders": ("trader", "chamber", "business community"),
    "Truck drivers": ("driver", "transporter"),
}
assert set(_ANCHORS) == {name for name, _ in ACTORS}
_FILTER = StemFilter([_ANCHORS[name] for name, _ in ACTORS], SENTENCE_STEMS)
#: Position of each actor in :data:`ACTORS`.
_ORDER = {name: i for i, (name, _) in enumerate(ACTORS)}


def find_actors(
    sentence: str | ScannedSentence, scan: dict[int, set[int]] | None = None, until: str | None = None
) -> list[str]:
    """Actors of ``sentence`` in order of first mention, without repeats.

    Parameters
    ----------
    sentence : str
    scan : dict, optional
        :meth:`~geomap.extract.stems.StemIndex.scan` of the lower-cased
        sentence by :data:`~geomap.extract.stems.SENTENCE_STEMS`, when the
        caller has it (saves this function's own pass).
    until : str, optional
        Look for the actors of :data:`ACTORS` up to this one only. The
        actors before it are found exactly as without ``until`` (those
        after it never claim text before them), and a whole article is
        scanned for fewer patterns.

    Examples
    --------
    >>> find_actors("Pakistani Taliban fighters attacked an Afghan border post, Islamabad said.")
    ['TTP', 'Pakistan']
    """
    if isinstance(sentence, ScannedSentence):  # the scan made once per sentence
        sentence, scan = sentence.text, sentence.scan
    hits: list[tuple[int, str]] = []
    # Characters already claimed by a more specific actor: a whole article
    # has many mentions, and a mask keeps the overlap test O(length).
    taken = bytearray(len(sentence))
    present = _FILTER.present(sentence.lower() if scan is None else "", scan)
    # The actors present only, in the order of ACTORS (most sentences name
    # one or two of them), and none after ``until``.
    last = _ORDER.get(until, len(_COMPILED))
    for i in sorted(present):
        if i > last:
            break
        name, pattern, bounded = _COMPILED[i]
        for m in finditer_bounded(pattern, sentence) if bounded else pattern.finditer(sentence):
            s, e = m.span()
            if 1 in taken[s:e]:
                continue
            taken[s:e] = b"\x01" * (e - s)
            hits.append((s, name))
    hits.sort()
    seen: list[str] = []
    for _, name in hits:
        if name not in seen:
            seen.append(name)
    return seen
