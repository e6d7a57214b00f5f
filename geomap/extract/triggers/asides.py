"""Asides between a subject and its verb, read past for triggers.

News puts an aside between an incident's subject and its verb: "two shells,
apparently fired from the Afghan side, landed near the post", "the post, a
stone structure on the ridge, was put up last month". The trigger rules read
the subject and the verb together, so :func:`geomap.extract.types.find_triggers`
reads the sentence a second time with such asides blanked out
(:func:`without_asides`): spaces of the same length, so every offset still
points into the sentence as written.
"""

from __future__ import annotations

import re

#: ", <aside>," right before a verb: an auxiliary or a past form ("landed",
#: "was put up", "had hit"). The aside holds no clause break of its own and
#: no quotation; up to 120 characters (an apposition, a participle, "officials
#: said").
_ASIDE = re.compile(
    r",(?P<aside>\s+[^,;:()\"“”]{3,120}?),(?=\s+(?:was|were|had|has|have|is|are|[a-z]{3,}ed)\b)|"
    # a relative clause may hold a list: "the checkpoints in Teri Mangal,
    # which borders Khost, Paktia and Nangarhar provinces, were fired upon"
    r",(?P<relative>\s+(?:which|who)\s+[^;:()\"“”]{3,120}?),(?=\s+(?:was|were|had|has|have|is|are)\b)",
)


def without_asides(sentence: str) -> str | None:
    """``sentence`` with each aside before a verb (:data:`_ASIDE`) and its
    commas blanked out by spaces, or None when it holds none.

    Examples
    --------
    >>> without_asides("Two shells, fired from across the line, landed in a field.").split()
    ['Two', 'shells', 'landed', 'in', 'a', 'field.']
    >>> without_asides("On Monday two shells landed in a field.") is None
    True
    """
    if sentence.count(",") < 2:
        return None  # (most sentences: an aside needs two commas)
    spans = [m.span() for m in _ASIDE.finditer(sentence)]
    if not spans:
        return None
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(sentence[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(sentence[last:])
    return "".join(parts)
