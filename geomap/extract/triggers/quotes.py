"""Quotation marks inside a sentence, read past for triggers.

Real reports quote a few words of a statement inside their own sentence:
forces that “bombed the house of a civilian”, a crossing 'closed' until
further notice, attacks launched “once again”. The trigger rules read a
subject and its verb together, so a quotation mark between them hid the
incident. :func:`geomap.extract.types.find_triggers` reads such a sentence
without its quotation marks (:func:`unquoted`) and maps each trigger found
back to the sentence as written.

Apostrophes stay: "Pakistan's", "don't" and a plural possessive
("the soldiers' post") are words, not quotation.
"""

from __future__ import annotations

import re

#: Double quotation marks of every form: always quotation, never a word's.
_DOUBLE = frozenset('"“”„‟«»')

#: A single-quoted span: an opening mark before a word, a closing one after
#: a word (or its stop), with only apostrophes inside a word in between
#: ("'closed'", "‘the culprits’", "'Pakistan's answer'" is no pair: the
#: possessive ends the span and the marks stay).
_SINGLE = re.compile(r"(?<![\w'’‘])['‘](?=\w)(?:[^'‘’\n]|(?<=\w)['’](?=\w))*?(?<=[\w.,!?])['’](?!\w)")


def unquoted(sentence: str) -> tuple[str, list[int]] | None:
    """``sentence`` without its quotation marks, and for each character of
    it the offset of that character in ``sentence``; None when it holds none.

    Parameters
    ----------
    sentence : str

    Returns
    -------
    tuple of (str, list of int), or None
        The text read for triggers and the offsets that map it back.

    Examples
    --------
    >>> unquoted("Forces “bombed a house” in Khost.")[0]
    'Forces bombed a house in Khost.'
    >>> unquoted("Pakistan 'closed' the crossing, the soldiers' post said.")[0]
    "Pakistan closed the crossing, the soldiers' post said."
    >>> unquoted("Pakistan's army fired.") is None
    True
    """
    drop = {i for i, c in enumerate(sentence) if c in _DOUBLE}
    if "'" in sentence or "‘" in sentence or "’" in sentence:
        for m in _SINGLE.finditer(sentence):
            drop.update((m.start(), m.end() - 1))
    if not drop:
        return None
    keep = [i for i in range(len(sentence)) if i not in drop]
    return "".join(sentence[i] for i in keep), keep
