"""From an article to located draft events: the driver.

Each sentence (the title first) is scanned once (:class:`ScannedSentence`).
An article none of whose sentences may report an incident
(:func:`~geomap.extract.rules.sentence.may_report`) stops there; in the
others the places of every sentence are found (a name placed once through
GeoNames is then found where it stands bare too:
:func:`~geomap.extract.places.learned_names`), and the sentences up to
:data:`~geomap.extract.rules.sentence.TOLL_AFTER` after the last that may
report one are read by :func:`geomap.extract.rules.sentence.sentence_events`
for event triggers, places, dates, casualties and actors; every (event type, place)
pair becomes a candidate, and candidates of the same incident are merged
(:mod:`geomap.extract.merging`): within an article one event per (type,
place), talks split into rounds by date; across articles
:func:`merge_across_articles` joins the same incident and keeps every source.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import sys
from typing import Iterable, Iterator

from .. import counts
from ..report import Report
from .actors import find_actors
from .draft import DraftEvent
from .merging import merge_across_articles, merge_within
from .pagetext import TEASER, body_headlines
from .places import Mention, PlaceFinder, country_hints, learned_names
from .reading import Article, iter_articles
from .rules.sentence import TOLL_AFTER, may_report, sentence_events
from .rules.state import _LAST_PARTY, ArticleInfo, ArticleState
from .scanned import ScannedSentence
from .sentences import clean_text, split_sentences
from .subheads import unsupported_heads

#: Read only the sentences that may report an incident and the few after
#: them (:func:`~geomap.extract.rules.sentence.may_report`); False reads
#: every sentence, the reference path the gate's tests compare with.
GATE = True

__all__ = ["DraftEvent", "extract_article", "extract_texts", "extract_paths", "merge_across_articles"]


def extract_article(
    article: Article, chain=None, finder: PlaceFinder | None = None, unlocated: list | None = None
) -> list[DraftEvent]:
    """Draft events of one article.

    Parameters
    ----------
    article : Article
    chain : Geocoder, optional
        Geocoder chain; used to build a :class:`PlaceFinder` when ``finder``
        is not given (build one finder and reuse it for many articles).
    unlocated : list, optional
        Receives ``(doc_id, event_type, sentence)`` of events whose place
        could not be found, for event types that got no located event in
        the article at all.
    """
    if finder is None:
        finder = PlaceFinder(chain)
    text = clean_text(article.text)
    sentences = split_sentences(text)
    items = _items(article, sentences)
    heads = body_headlines(text) if len(sentences) > 2 else frozenset()
    drafts, of_heads, missed = _read(items, len(sentences), article, finder, text, heads)
    if heads:
        # A headline-like line between paragraphs yields events only when
        # the body (or the title) read without such lines reports the same
        # incident, or when it has a sub-heading's form and the story's
        # place (:mod:`.subheads`): a story's sub-heading restates its body
        # or tells a part of its story, another story's bare headline (a
        # teaser) names an incident the body does not. A line that yields no event is read as absent too:
        # a teaser's place or day must not carry to the sentences after it.
        # (read without them, their blank line too: the sentences after
        # them numbered as on a page without them)
        yielding = {d.sentences[0] for d, head in zip(drafts, of_heads) if head}
        body = None
        unsupported: set[int] = set()
        if yielding:  # (the body's own events, to bear out those of the lines)
            bare = _without(text, heads)
            bare_sentences = split_sentences(bare)
            body = _read(_items(article, bare_sentences), len(bare_sentences), article, finder, bare)
            lines = {sent.index: sent.text.strip() for sent in items}
            unsupported = unsupported_heads(drafts, of_heads, body[0], lines, text, heads, article.title)
        # (the last line, above the footer, carries nothing to a sentence
        # after it: kept unless it yields an event the body does not bear out)
        last = text.rstrip().rsplit("\n", 1)[-1].strip()
        dropped = {
            sent.text.strip()
            for sent in items
            if sent.text.strip() in heads
            and (sent.index in unsupported or (sent.index not in yielding and sent.text.strip() != last))
        }
        if dropped == heads and body is not None:
            drafts, of_heads, missed = body
        elif dropped:
            text = _without(text, dropped)
            sentences = split_sentences(text)
            drafts, of_heads, missed = _read(_items(article, sentences), len(sentences), article, finder, text)
    merged = merge_within(drafts, article.published, own=True)
    if unlocated is not None:
        # A headline without a place is not lost when the body locates its type.
        located = {d.event_type for d in merged}
        unlocated.extend(u for u in missed if u[1] not in located)
    return merged


def _items(article: Article, sentences: list) -> list[ScannedSentence]:
    """The title and the sentences scanned, without link lines and repeats."""
    items: list[ScannedSentence] = []
    if article.title:
        items.append(ScannedSentence.of(article.title, -1))
    # Sentences are stripped: their lower case (made once, by the scan) is
    # the key that finds repeats.
    seen: set[str] = {article.title.strip().lower()} if article.title else set()
    for s in sentences:
        if ":" in s.text and TEASER.match(s.text):  # (every link line holds its colon)
            continue  # "Also read: Traders seek reopening of Nawa Pass": another story's headline
        sent = ScannedSentence.of(s.text, s.index)
        if sent.low in seen:
            continue  # repeated headlines are one mention
        seen.add(sent.low)
        items.append(sent)
    return items


def _without(text: str, drop: set[str]) -> str:
    """``text`` without the lines ``drop`` (stripped) and a blank line after each."""
    lines = text.split("\n")
    out: list[str] = []
    skip_blank = False
    for line in lines:
        if skip_blank and not line.strip():
            skip_blank = False
            continue
        skip_blank = False
        if line.strip() in drop:
            skip_blank = True
            continue
        out.append(line)
    return "\n".join(out)


def _read(
    items: list[ScannedSentence],
    n_sentences: int,
    article: Article,
    finder: PlaceFinder,
    text: str,
    heads: frozenset[str] = frozenset(),
) -> tuple[list[DraftEvent], list[bool], list[tuple[str, str, str]]]:
    """The drafts of ``items`` (not merged), for each whether it came from
    one of the headline-like lines ``heads``, and the events not located
    (``(doc_id, event_type, sentence)``)."""
    # Only sentences up to TOLL_AFTER after the last one that may report an
    # incident are read for events (see may_report): the sentences after
    # them yield none and nothing an event reads. Real archives are mostly
    # articles that report no incident: they stop here.
    last = max((sent.index for sent in items if may_report(sent)), default=None) if GATE else n_sentences
    if last is None:
        return [], [], []
    hints = country_hints(article.title + " " + text)
    ctx = ArticleState()
    found: list[list[Mention]] = []
    for sent in items:
        found.append(sent.cached(finder.find, hints))
    known = learned_names(found)
    if known:
        # names placed once through the chain, found again where they stand bare
        found = [
            finder.find(sent, hints, known=known) if any(k in sent.text for k in known) else f
            for sent, f in zip(items, found)
        ]
    # every place the article names, read before its sentences are (ctx.venues fills as they are)
    ctx.venues_all = [m.place for mentions in found for m in mentions if m.place is not None and m.role == "place"]
    whole = article.title + " " + text
    cache: list[list[str]] = []

    def doc_actors() -> list[str]:
        # The article's parties (the callers keep no other actor), only when
        # an event lacks a second party; the actors listed after them are
        # not looked for.
        if not cache:
            cache.append(find_actors(whole, until=_LAST_PARTY))
        return cache[0]

    drafts: list[DraftEvent] = []
    of_heads: list[bool] = []
    missed: list[tuple[str, str, str]] = []
    info = ArticleInfo(article, finder, doc_actors, missed)
    for sent, mentions in zip(items, found):
        if sent.index > last + TOLL_AFTER:
            break
        found_here = sentence_events(sent, mentions, info, ctx)
        drafts.extend(found_here)
        if heads:
            of_heads.extend([sent.text.strip() in heads] * len(found_here))
    return drafts, of_heads, missed


# ------------------------------------------------------------------ drivers

#: Allocations between two young collections of the garbage collector while
#: extracting (Python's default is 700).
YOUNG_COLLECTION_EVERY = 10_000


@contextlib.contextmanager
def fewer_collections(every: int = YOUNG_COLLECTION_EVERY) -> Iterator[None]:
    """Run the garbage collector's young collections every ``every``
    allocations instead of every 700, then restore its thresholds.

    Extraction makes many short-lived objects (matches, mentions, lists)
    and keeps every draft: with the default threshold the collector ran
    about a thousand young and eight full collections on 10 MB of articles,
    each full one over all the drafts kept so far (~6% of the CPU time);
    with this one, ~40 young and no full one (~1.5%). Objects are freed as
    before when their last reference goes; only cycles wait longer. A
    collector turned off (threshold 0) stays off.
    """
    saved = gc.get_threshold()
    if saved[0] and saved[0] < every:
        gc.set_threshold(every, *saved[1:])
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def report_found(report: Report, art: Article, found: list[DraftEvent], unlocated: list) -> None:
    """Count an article's drafts and report each event mentioned without a place.

    The one place both drivers (:func:`extract_paths` and the partitioned
    workers of :mod:`geomap.parallel.work`) report them, so the reason and
    the counts read the same whichever ran.
    """
    report.count(counts.EVENTS_EXTRACTED, len(found))
    for _doc_id, etype, sentence in unlocated:
        report.add(
            "unlocated",
            art.path,
            art.line,
            None,
            f"{etype} mentioned but no place found in or before the sentence",
            value=sentence[:200],
        )
        report.count(counts.MENTIONS_WITHOUT_PLACE)


def extract_texts(texts: Iterable[str], chain, published: dt.date | None = None) -> list[DraftEvent]:
    """Draft events of plain texts (for benchmarks and quick use).

    Each text may carry YAML front matter; ``published`` anchors relative
    dates of texts without one.
    """
    from .reading import article_from_text

    finder = PlaceFinder(chain)
    out: list[DraftEvent] = []
    for i, text in enumerate(texts):
        art = article_from_text(text, f"text{i}")
        if art.published is None:
            art.published = published
        out.extend(extract_article(art, finder=finder))
    return out


def extract_paths(
    paths: Iterable[str],
    chain,
    report: Report,
    progress: bool = True,
    max_bytes: int | None = None,
    merge: bool = False,
) -> list[DraftEvent]:
    """Draft events of every article under ``paths``.

    With ``merge`` the same incident reported by several articles becomes
    one event carrying every source (:func:`merge_across_articles`); without
    it each article keeps its own rows, as per-article scoring needs.

    Unusable files and events whose place is not found are recorded in
    ``report`` (kinds ``rejected``/``warning`` and ``unlocated``); counts
    ``events_extracted`` and ``mentions_without_place`` are set.
    """
    from .reading import DEFAULT_MAX_BYTES

    finder = PlaceFinder(chain)
    articles = iter_articles(paths, report, max_bytes or DEFAULT_MAX_BYTES)
    bar = None
    if progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(articles, desc="extract", unit="article", file=sys.stderr, leave=False)
        articles = bar
    events: list[DraftEvent] = []
    report.count(counts.EVENTS_EXTRACTED, 0)
    report.count(counts.MENTIONS_WITHOUT_PLACE, 0)
    with fewer_collections():
        for art in articles:
            unlocated: list = []
            found = extract_article(art, finder=finder, unlocated=unlocated)
            events.extend(found)
            report_found(report, art, found, unlocated)
    if bar is not None:
        bar.close()
    if merge:
        events = merge_across_articles(events)
        report.count(counts.EVENTS_MERGED, report.counts[counts.EVENTS_EXTRACTED] - len(events))
    return events
