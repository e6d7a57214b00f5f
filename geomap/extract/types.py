"""Event type and sub-type of a sentence, with negation, denial and irrealis.

Rules are keyword patterns per type (:data:`geomap.schema.EXTRACTED_TYPES`).
A trigger is dropped when a denial or negation governs it ("officials denied
the crossing was shut"), when it is only threatened, demanded or hoped for
("could lead to war", "urged them to reopen"), or when the sentence states a
habit rather than an incident ("closures are common", "in the past").
Upcoming talks are kept: a scheduled meeting is an event.

The rules per event type and the cues that void a trigger are in
:mod:`geomap.extract.triggers`; this module puts the rules in their order,
runs them and keeps the triggers that no cue voids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .news_verbs import NEWS_VERB_RULES
from .scanned import ScannedSentence
from .starts import StartScan
from .stems import SENTENCE_STEMS, StemFilter
from .triggers.asides import without_asides
from .triggers.crossings import CROSSING_RULES
from .triggers.cues import (
    _ACCUSATION,
    _ACCUSED_ALSO,
    _ANNIVERSARY,
    _BLOCKED,
    _DEFUSED,
    _DEFUSED_STEMS,
    _DENIAL,
    _DENIAL_FILTER,
    _DENIED_AFTER,
    _FORCED_TO,
    _MANDATE,
    _MANDATE_STEMS,
    _NEGATION,
    _NOT_BORDER_CLOSING,
    _NOT_BORDER_REOPENED,
    _TOWN_SUBJECT,
    _WORD_NAMED,
    accused_on_a_day,
)
from .triggers.fortifications import _HALT_WORK, _WORK_TO_COME, FORTIFICATION_RULES
from .triggers.habits import _DECADE, _OVER_YEARS, _OVER_YEARS_STEMS, _TALLY, is_habitual
from .triggers.incursions import INCURSION_RULES
from .triggers.mentions import (
    _BASELESS_STEMS,
    _FORECAST_STEMS,
    _ON_A_DAY,
    _TREND_STEMS,
    _conditional_future,
    _generic_closure,
    _relations_since,
    _reopening_unreal,
    _report_denied,
    _road_closing,
    _supposed,
    forecast,
    trend,
)
from .triggers.outlets import OUTLET_RULES
from .triggers.quotes import unquoted
from .triggers.retyping import retyped
from .triggers.talks import TALKS_RULES, no_talks, round_ended
from .triggers.violence import VIOLENCE_RULES
from .triggers.windows import (
    _MANDATE_CUTS,
    _NEGATION_CUTS,
    _breaks,
    _comma_after,
    _overlaps,
    _own_clause,
    _words_before,
)
from .wordscan import LoweredPattern, lowered_ok, lowered_pattern

#: (event_type, sub_event_type, weak, pattern, anchors). A weak trigger does not pick
#: a place of its own; it continues the incident of its type in context.
#: ``anchors``: lower-case stems one of which every match contains (the stem
#: filter, :data:`_ANCHORS`), kept with their rule so the two cannot drift apart.
_RULES: list[tuple[str, str, bool, str, tuple[str, ...]]] = [
    *VIOLENCE_RULES,
    *CROSSING_RULES,
    *TALKS_RULES,
    *FORTIFICATION_RULES,
]
# common news verbs the rules above miss, kept in a module of their own
_RULES += NEWS_VERB_RULES
# the wording of the region's own outlets ("stranded transporters", "an encounter")
_RULES += OUTLET_RULES
# attacks across the line in real reports' words (fire "across the border on a
# post", an "incursion into" a district)
_RULES += INCURSION_RULES
_COMPILED = [(t, s, w, re.compile(r"\b(?:" + p + r")\b", re.I)) for t, s, w, p, _ in _RULES]
#: The same rules for the lower-cased sentence (see :mod:`geomap.extract.wordscan`):
#: about twice as fast, same matches.
_LOWERED = [lowered_pattern(p) for _, _, _, p in _COMPILED]
#: ... each tried only where one of its start words is (one pass over the
#: sentence for all rules, instead of a search of it per rule; see
#: :mod:`geomap.extract.starts`): about half the cost, same matches.
_STARTS = StartScan(_LOWERED, [p.pattern for p in _LOWERED])

#: Each rule's anchors, in the order of :data:`_RULES`. A rule whose stems are all absent from a sentence
#: is not run: a substring test is much cheaper than a regex scan, and most
#: rules are absent from most sentences. ``tests/test_extract_types.py``
#: checks that the results are the same with and without this filter.
_ANCHORS: list[tuple[str, ...]] = [anchors for *_, anchors in _RULES]
_FILTER = StemFilter(_ANCHORS, SENTENCE_STEMS)

#: The words the checks of every trigger look for in the whole sentence
#: before their patterns (a trend, a forecast, a report called baseless,
#: "over the years"), in the order of the ``_CUE_*`` indexes: one
#: Aho-Corasick pass per sentence read, instead of a test of each word
#: for each trigger. Each check answers False without its words, so it is
#: not called when :meth:`StemFilter.present` does not hold them (the text
#: searched is the one the checks would read, so the answer is exact).
_CUES = StemFilter([_TREND_STEMS, _FORECAST_STEMS, _BASELESS_STEMS, _OVER_YEARS_STEMS])
_CUE_TREND, _CUE_FORECAST, _CUE_BASELESS, _CUE_YEARS = range(4)


#: "residents heard heavy firing": hearsay of an incident, which adds to the
#: one reported (weak) but is not placed where the listeners are.
_HEARD = re.compile(r"\b(?:heard|hear|hearing)\b", re.I)
_BORDER_WORD = re.compile(r"\bborder\b", re.I)
#: A definite noun phrase refers back: "the closure", "these airstrikes",
#: "the prolonged blockade", "the talks".
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)
_DEFINITE = LoweredPattern(_DEFINITE)  # searched on the lower-cased text (wordscan)
#: "border" or "cross-border" modifying the trigger: the incident is on the border.
#: ("Taliban border guards lobbed mortars": the guards are of the border,
#: not the trigger; where they fired is told after it)
_BORDER_MOD = re.compile(
    r"\b(?:cross-border|border|frontier)\s+"
    r"(?!(?:guards?|police(?:men)?|forces|troops|officials?|commanders?|personnel)\s)(?:\w+\s+)?$",
    re.I,
)
#: A closure ended is a reopening: "ending the blockade that began in spring", "lifted
#: the closure", "the end of the suspension".
_ENDING_BEFORE = re.compile(
    r"\b(?:end(?:ed|ing|s)?|lift(?:ed|ing|s)?|(?:end|lifting)\s+of)\s+(?:a|an|the|its|their|this|that)"
    r"(?:\s+[\w-]+){0,2}\s*$",
    re.I,
)

VIOLENT = ("armed_clash", "airstrike", "explosion")


@dataclass(frozen=True)
class Trigger:
    """One event-type trigger word in a sentence."""

    event_type: str
    sub_event_type: str
    start: int
    end: int
    weak: bool = False
    ended: bool = False  #: a past round of talks that is over
    border: bool = False  #: "border clashes": the incident is on the border
    anaphoric: bool = False  #: "the closure", "these airstrikes": an incident named before


def find_triggers(sentence: str | ScannedSentence, scan: dict[int, set[int]] | None = None) -> list[Trigger]:
    """Event triggers of ``sentence`` that survive negation and irrealis checks.

    Never raises for any text.

    Parameters
    ----------
    sentence : str
    scan : dict, optional
        :meth:`~geomap.extract.stems.StemIndex.scan` of the lower-cased
        sentence by :data:`~geomap.extract.stems.SENTENCE_STEMS`, when the
        caller has it (saves this function's own pass).

    Examples
    --------
    >>> [t.event_type for t in find_triggers("Officials denied the crossing was shut.")]
    []
    >>> [(t.event_type, t.sub_event_type) for t in find_triggers("The crossing reopened on Monday.")]
    [('border_closure', 'reopening')]
    """
    text = sentence.text if isinstance(sentence, ScannedSentence) else sentence
    if ('"' in text or "“" in text or "'" in text or "‘" in text) and (bare := unquoted(text)) is not None:
        return _quoted_back(*bare)
    if isinstance(sentence, ScannedSentence):  # the scan made once per sentence
        found = _find_triggers(sentence.text, prefilter=True, scan=sentence.scan, low=sentence.low)
        return _with_aside_triggers(sentence.text, found, sentence.scan)
    return _with_aside_triggers(sentence, _find_triggers(sentence, prefilter=True, scan=scan), scan)


def _quoted_back(bare: str, offsets: list[int]) -> list[Trigger]:
    """The triggers of a sentence read without its quotation marks (``bare``,
    :func:`.triggers.quotes.unquoted`), at their offsets in the sentence as
    written (``offsets``: each character's there): forces that “bombed a
    house” bombed it."""
    found = _with_aside_triggers(bare, _find_triggers(bare, prefilter=True), None)
    return [replace(t, start=offsets[t.start], end=offsets[t.end - 1] + 1) for t in found]


def _with_aside_triggers(sentence: str, found: list[Trigger], scan: dict[int, set[int]] | None) -> list[Trigger]:
    """``found`` and the triggers the sentence holds once its asides between
    a subject and its verb are read past ("two shells, apparently fired from
    the Afghan side, landed": :func:`.triggers.asides.without_asides`), where
    they do not overlap one found already."""
    joined = without_asides(sentence)
    if joined is None:
        return found
    # (the stem scan of the sentence holds every stem of the blanked one)
    more = [t for t in _find_triggers(joined, prefilter=True, scan=scan) if not _overlaps_any(found, t)]
    return sorted(found + more, key=lambda t: t.start) if more else found


def _overlaps_any(found: list[Trigger], t: Trigger) -> bool:
    """Whether ``t`` overlaps a trigger of ``found``."""
    return any(t.start < f.end and f.start < t.end for f in found)


def _find_triggers(
    sentence: str, prefilter: bool, scan: dict[int, set[int]] | None = None, low: str | None = None
) -> list[Trigger]:
    habitual = None
    years = None
    breaks = None
    if low is None:
        low = sentence.lower()
    # (a decade and no day: history, every incident of the sentence)
    decade = "0s" in low and bool(_DECADE.search(low)) and not _ON_A_DAY.search(low)
    # (a tally of casualties by cause: many incidents summed, none told)
    tally = " of " in low and bool(_TALLY.search(low))
    # Both border patterns below need one of these words.
    border_words = "border" in low or "frontier" in low
    # Every match of _DENIAL holds one of these.
    denial_words = bool(_DENIAL_FILTER.present(low, scan))
    # Every match of _MANDATE holds "that" and one of these.
    mandate = " that" in low and any(w in low for w in _MANDATE_STEMS)
    # Rules in their order (earlier rules claim overlapping text first).
    present = sorted(_FILTER.present(low, scan)) if prefilter else range(len(_COMPILED))
    lowered = lowered_ok(sentence, low)
    starts = _STARTS.starts(low) if lowered and present else None
    taken: list[tuple[int, int]] = []
    out: list[Trigger] = []
    cues = None  # (_CUES in ``low``, read at the first trigger that needs them)
    for i in present:
        etype, sub, weak, pattern = _COMPILED[i]
        for m in _STARTS.finditer(i, low, starts) if starts is not None else pattern.finditer(sentence):
            if taken and _overlaps(taken, m.start(), m.end()):
                continue
            taken.append(m.span())
            if breaks is None:
                breaks = _breaks(sentence)
            words = _words_before(sentence, m.start(), breaks)
            window = " ".join(_own_clause(words[-6:]))
            if etype == "fortification" and "to" in window:
                window = _HALT_WORK.sub("", window)
            if "to" in window and ("forc" in window or "prompt" in window or "compel" in window or "oblig" in window):
                window = _FORCED_TO.sub("", window)
            if etype != "talks":
                if habitual is None:
                    habitual = is_habitual(sentence, low, scan)
                if cues is None:
                    cues = _CUES.present(low)
                if years is None:
                    years = _CUE_YEARS in cues and bool(_OVER_YEARS.search(low))
                if years and _OVER_YEARS.search(
                    low, max(low.rfind(",", 0, m.start()), low.rfind(";", 0, m.start()), 0), _comma_after(low, m.end())
                ):
                    continue
                if (
                    habitual
                    or decade
                    or tally
                    or (_BLOCKED.search(window) and not accused_on_a_day(sentence, window, m.end()))
                    or (window.endswith((" of", " for")) and _ACCUSED_ALSO.search(" ".join(words[-20:])))
                    or (window.endswith(("word", "words", "term", "terms")) and _WORD_NAMED.search(window))
                    or _supposed(sentence, words, m.end())
                    or (
                        etype == "explosion"
                        and any(w in window.lower() for w in _DEFUSED_STEMS)
                        and _DEFUSED.search(window)
                    )
                    or (sub == "reopening" and _reopening_unreal(sentence, low, m.start(), m.end()))
                    or (sub == "closure" and _generic_closure(sentence, low, m.start(), m.end()))
                    or (etype == "fortification" and _WORK_TO_COME.match(sentence, m.end()))
                    or (
                        etype in VIOLENT
                        and ("relations" in low or "ties" in low or "tension" in low or "first" in low)
                        and _relations_since(sentence, words, m.end())
                    )
                    or (mandate and _MANDATE.search(" ".join(_own_clause(words[-15:], _MANDATE_CUTS))))
                    or (
                        ("anniversar" in low or "commemorat" in low) and _ANNIVERSARY.search(" ".join(words[-7:]) + " ")
                    )
                    or _NEGATION.search(" ".join(_own_clause(words[-3:], _NEGATION_CUTS)))
                    # "denied reports that the crossing in X had also been shut"
                    or (len(words) > 6 and denial_words and _DENIAL.search(" ".join(words[:-6])))
                ):
                    continue
            elif _ACCUSATION.search(window) or no_talks(sentence, low, sub, m.start(), m.end(), words, lowered):
                continue
            if (
                etype == "border_closure"
                and sub == "closure"
                and _NOT_BORDER_CLOSING.search(sentence, max(0, m.start() - 60), min(len(sentence), m.end() + 25), low)
            ):
                continue  # "shops were closed", "markets shut": not the border
            if sub == "closure" and _TOWN_SUBJECT.match(sentence[: m.start()]):
                continue  # "Markets in two villages, near the border, stayed closed"
            if sub == "reopening" and _NOT_BORDER_REOPENED.match(sentence, m.end()):
                continue  # "shopkeepers reopened their stores": not the border
            if (
                etype == "border_closure"
                and sub in ("closure", "reopening")
                and _road_closing(sentence, breaks, m.start(), m.end())
            ):
                continue  # "the Kohat tunnel was closed for repairs", "the highway reopened": a road, not the border
            if denial_words and _DENIED_AFTER.match(sentence, m.end()):
                continue  # "reported closed on Monday, but officials denied the reports"
            if etype != "talks" and _CUE_BASELESS in cues and _report_denied(sentence, low, m.start()):
                continue  # "called reports of shelling in Kunar baseless"
            if etype != "talks" and _conditional_future(sentence, words, m.end()):
                continue  # "Torkham will be closed if the attacks continue"
            if etype != "talks" and _CUE_FORECAST in cues and forecast(sentence, low, m.end()):
                continue  # "fresh clashes are likely in the coming days"
            if etype != "talks" and not weak and _CUE_TREND in cues and trend(sentence, low, m.end()):
                continue  # "cross-border attacks rose by 40 percent in 2025" (not a toll: "the wounded rose to 92")
            heard = etype != "talks" and "hear" in low and bool(_HEARD.search(" ".join(words[-3:])))
            # "It was the third such infiltration attempt in the Zhob sector
            # this year": a count of incidents like the one reported, which
            # only adds to it (weak), as hearsay does
            heard = heard or (etype in VIOLENT and "such" in words[-2:])
            ended = etype == "talks" and round_ended(sentence, m.group(0), m.end(), words)
            border = border_words and bool(
                _BORDER_MOD.search(sentence[max(0, m.start() - 60) : m.start()]) or _BORDER_WORD.search(m.group(0))
            )
            # (the lower case of a slice is the slice of the lower case when
            # lower-casing kept every character's offset)
            anaphoric = bool(
                _DEFINITE.search(
                    sentence[max(0, m.start() - 40) : m.start()],
                    low=low[max(0, m.start() - 40) : m.start()] if lowered else None,
                )
            )
            if sub == "closure" and _ENDING_BEFORE.search(" ".join(words[-5:])):
                sub = "reopening"  # "drove into Chaman on Thursday, ending the blockade"
            out.append(Trigger(etype, sub, m.start(), m.end(), weak or heard, ended, border, anaphoric))
    out.sort(key=lambda t: t.start)
    return retyped(sentence, low, out)
