"""Which events of a headline-like line inside a page's body are read.

A short line with no full stop between two paragraphs
(:func:`~geomap.extract.pagetext.body_headlines`) is either the story's
own sub-heading or another story's bare headline (a teaser the scraper
kept); their form is the same. The driver (:func:`geomap.extract.core.
extract_article`) reads the body without such lines and keeps the events a
line yields only when :func:`unsupported_heads` does not name it:

- borne out: the body reports the same incident (type, sub-type, and
  whether it ended, at or within 25 km of the place) and the line's toll and
  day, if it gives them, are the body's, and it does not tell the incident
  as happening again (a teaser of another day's fire at the same crossing
  gives a toll or a day of its own: it is another incident, and kept it
  would lend its dead or its day to the body's);
- or the story's own sub-heading, though the body does not report its
  incident (a crosshead can be its only mention): the line stands alone
  between two paragraphs of prose (not in a list of headlines, not the last
  line above the footer), has at most eight words, its place is named in
  the story's title (a dateline's district in the lead is too wide: a
  teaser about the district's fence was read as the story's), the body
  reports an incident of another type there (a title that names the place
  to deny a closure is no story of the place), and nothing of the line's
  type (a reopening where the body has the closure is another story's
  news).
"""

from __future__ import annotations

from ..geo import haversine_km
from .draft import DraftEvent
from .sentences import SENTENCE_END

#: How near (km) two places are to be the same incident's.
NEAR_KM = 25.0
#: The most words of a sub-heading read without the body's support: a
#: crosshead is short ("Firing at Chaman leaves two dead"), another story's
#: headline often longer ("Officials say fencing work near Bajaur will
#: resume after the winter").
CROSSHEAD_WORDS = 8


def _near(d: DraftEvent, b: DraftEvent, km: float = NEAR_KM) -> bool:
    p, q = d.place, b.place
    return p.name == q.name or haversine_km(p.lat, p.lon, q.lat, q.lon) <= km


def same_incident(d: DraftEvent, b: DraftEvent, km: float = NEAR_KM) -> bool:
    """Whether draft ``b`` reports draft ``d``'s incident: its type (and
    sub-type, and whether it ended: a reopening is not the closure) at or
    near its place, each toll ``d`` gives the same in ``b``, and the day
    ``d`` gives in its own words (if any) ``b``'s; ``d`` not told as
    happening again.

    Parameters
    ----------
    d : DraftEvent
        A draft of the headline-like line.
    b : DraftEvent
        A draft of the body.
    km : float
        How near ``b``'s place must be to ``d``'s.

    Returns
    -------
    bool
    """
    if (d.event_type, d.sub_event_type, d.ended) != (b.event_type, b.sub_event_type, b.ended):
        return False
    if (d.fatalities and d.fatalities != b.fatalities) or (d.injuries and d.injuries != b.injuries):
        return False
    if d.repeated or (d.date is not None and d.date_rank == 0 and (b.date is None or b.date.date != d.date.date)):
        return False  # told as happening again, or on a day of its own that is not the body's
    return _near(d, b, km)


def crossheads(text: str, heads: frozenset[str]) -> frozenset[str]:
    """The lines of ``heads`` that stand alone between two paragraphs of
    prose (the nearest non-blank lines above and below end a sentence and
    are no headline-like lines): the form of a sub-heading. A line next to
    another such line is one of a list of other stories; the last line, with
    no paragraph under it, is no sub-heading of anything.

    Parameters
    ----------
    text : str
        The article's cleaned text, its lines kept.
    heads : frozenset of str
        The headline-like lines of the body (:func:`geomap.extract.pagetext.body_headlines`).

    Returns
    -------
    frozenset of str
        Those of ``heads`` in the form of a sub-heading.
    """
    lines = [line.strip() for line in text.split("\n")]
    full = [s for s in lines if s]
    alone = set()
    for k in range(1, len(full) - 1):
        s = full[k]
        if s in heads and all(n not in heads and SENTENCE_END.search(n[-4:]) for n in (full[k - 1], full[k + 1])):
            alone.add(s)
    return frozenset(alone)


def unsupported_heads(
    drafts: list[DraftEvent],
    of_heads: list[bool],
    body: list[DraftEvent],
    lines: dict[int, str],
    text: str,
    heads: frozenset[str],
    anchor: str,
) -> set[int]:
    """The sentence indexes of headline-like lines whose events are not
    read (see the module's docstring).

    Parameters
    ----------
    drafts, of_heads : list
        The article's drafts read with the lines, and for each whether it
        came from one of them.
    body : list of DraftEvent
        The drafts of the body read without the lines.
    lines : dict
        Each line's text by its sentence index.
    text, heads : str, frozenset of str
        The article's cleaned text and its headline-like lines.
    anchor : str
        The story's title: the places it is about.
    """
    alone = crossheads(text, heads)
    low = anchor.lower()
    out = set()
    for d, head in zip(drafts, of_heads):
        if not head or any(same_incident(d, b) for b in body):
            continue
        line = lines.get(d.sentences[0], "")
        own = (
            line in alone
            and line.count(" ") < CROSSHEAD_WORDS
            and d.place.name.lower() in low
            # (the body's own event of that type there, told otherwise: the
            # closure where the line has the reopening, another toll)
            and not any(b.event_type == d.event_type and _near(d, b) for b in body)
            # (and the story reports an incident there: a title that names
            # the place only to deny a closure is no story of the place)
            and any(_near(d, b) for b in body)
        )
        if not own:
            out.add(d.sentences[0])
    return out
