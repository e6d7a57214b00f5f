"""One sentence -> candidate draft events.

:func:`sentence_events` reads one :class:`ScannedSentence` with the
:class:`ArticleState` that earlier sentences built (places, crossing and
dates in context) and the :class:`ArticleInfo` of the whole article, and
applies the rules of the sibling modules: which incidents
(:mod:`.incidents`), where (:mod:`.where`), when (:mod:`.when`) and their
tolls (:mod:`.tolls`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...geocoders.base import Place
from ..actors import find_actors
from ..dates import DateMention, find_dates
from ..draft import DraftEvent
from ..numbers import Casualties, also_killed, find_casualties
from ..places import Mention
from ..scanned import ScannedSentence
from ..types import VIOLENT, Trigger, find_triggers
from .clauses import _clause_of, _related_cut, clauses
from .facilities import facility_mentions
from .incidents import (
    _CAUSE_BEFORE,
    _GENERIC_PERFECT,
    _backdrop,
    _closure_going_on,
    _incident_groups,
    _sentence_triggers,
    _triggers_by_type,
)
from .line import _near_line
from .mentioned import referred_only
from .referents import _is_crossing, capital_mentions, crossing_ahead, note_called, resolve_crossings
from .reopenings import opened_crossings, resumed_after_closure
from .repeats import told_again
from .rounds import next_rounds
from .state import _PARTIES, REGION, SPREAD_TYPES, ArticleInfo, ArticleState
from .tolls import (
    _CLAIM,
    _NO_TOLL,
    _UNCONFIRMED,
    NO_TOLL,
    _attackers_toll,
    _place_starts,
    _place_toll,
    _side_tolls,
    _tolls_per_side,
    _tolls_told_in,
    _TollShares,
)
from .when import (
    _LEADING_DATE,
    _SAME_PLACE,
    _date_rank,
    _days_per_place,
    _event_date,
    _other_incident,
    _own_dates,
    _pick_date,
    _sentence_dates,
)
from .where import _AFTER_BEFORE, _BORDER_WORDS, _group_mentions, _places_for, mentions_specific
from .works import _work_places


@dataclass
class _Reading:
    """What one sentence tells, read once for all the incidents it reports."""

    sent: ScannedSentence
    #: The places named, "the crossing" resolved; the crossing in context after the sentence.
    mentions: list[Mention]
    crossing: Place | None
    triggers: list[Trigger]
    #: The sentence continues the violent incident just told.
    continued: bool
    #: Strikes or blasts just told with no place, which this sentence may place.
    waiting: list[tuple[int, str]]
    dates: list[DateMention]
    #: The dates that are no statement's.
    usable_dates: list[DateMention]
    casualties: Casualties
    actors: list[str]
    by_type: dict[str, list[Trigger]]
    #: The clauses (read only in a sentence with triggers).
    spans: list[tuple[int, int]]
    #: Violent incidents in several clauses, each with its own clause's toll.
    split_tolls: bool
    said_after: bool


def sentence_events(
    sent: ScannedSentence, mentions: list[Mention], info: ArticleInfo, ctx: ArticleState
) -> list[DraftEvent]:
    """Candidate draft events of one sentence (updates ``ctx``).

    The steps: resolve "the crossing" and note the headline's places and the
    dateline (:func:`_note_lead`); read what the sentence tells
    (:func:`_read`); give each incident it reports its places, date, actors
    and toll per place (:func:`_group_events`); note what the sentence told
    for the sentences after it (:func:`_remember`, and the places it called
    by a kind noun, "the Sambaza area": :func:`.referents.note_called`).
    """
    if "capital" in sent.low:
        mentions = capital_mentions(sent.text, mentions, info.finder)
    mentions = facility_mentions(sent.text, mentions)  # "the customs house": the crossing
    ahead = crossing_ahead(ctx, info.finder) if ctx.crossing is None and "the " in sent.low else None
    mentions, crossing = resolve_crossings(mentions, ctx.crossing, info.finder, sent.text, ahead)
    _note_lead(sent, mentions, info, ctx)
    r = _read(sent, mentions, crossing, info, ctx)
    out: list[DraftEvent] = []
    for etype, trigs, told_apart in _incident_groups(
        sent.text, r.by_type, r.dates, r.usable_dates, info.article.published
    ):
        out += _group_events(r, etype, trigs, told_apart, info, ctx)
    _remember(r, info, ctx)
    note_called(r.mentions, ctx)
    return out


#: How many sentences after one with a trigger a sentence without one may
#: still report a toll of its incident: the ``_gap(idx, last[0]) <= 2`` of
#: :func:`.incidents._sentence_triggers` ("..., killing eight of the
#: militants", "two bodies were found", "No one was hurt" right after it).
TOLL_AFTER = 2


def may_report(sent: ScannedSentence) -> bool:
    """Whether :func:`sentence_events` may find an incident in ``sent``
    whatever the sentences before it told: a trigger of its own
    (:func:`~geomap.extract.types.find_triggers`, whose answer
    :func:`_read` reuses from the sentence's memo) or an "opened" that may
    open a crossing (:func:`.reopenings.opened_crossings`; :func:`_may_open`).

    Every other trigger :func:`_read` makes needs one of these: a reopening
    "resumed" after a closure needs the closure's trigger in the sentence,
    and a toll told after an incident needs a violent incident at most
    :data:`TOLL_AFTER` sentences before. So a sentence for which this is
    false and that lies more than :data:`TOLL_AFTER` sentences after the
    last one for which it is true yields no event and changes nothing a
    later event reads: :func:`geomap.extract.core.extract_article` does not
    read it (nor any sentence of an article where this is false
    everywhere). A new source of triggers in :func:`_read` must be added
    here; ``tests/test_extract_core_gate.py`` compares the drafts with and
    without the gate on every dev and synthetic article.
    """
    return ("open" in sent.low and _may_open(sent)) or bool(sent.cached(find_triggers))


#: The verbs :func:`.reopenings.opened_crossings` reads, with the space after
#: them (its pattern also wants no "to" before them: more here is safe).
_OPENED_AT = re.compile(r"\b(?:opened|opens)\s+", re.I)


def _may_open(sent: ScannedSentence) -> bool:
    """Whether :func:`.reopenings.opened_crossings` may find a crossing
    opened in ``sent``: "opened" or "opens" right before a word that may
    begin the mention of a crossing.

    It wants the verb, spaces and maybe "the" right before a mention whose
    place is a crossing: a name, which the place finder takes only with a
    capital ("Pakistan opened Torkham"), or "the zero point" / "Zero Line"
    (the border's aliases that "the crossing" told before resolves to;
    any sentence with "zero" may). So "a ward opened at the hospital",
    "opened an inquiry", "shops opened late" open no crossing: an article
    of such sentences and no trigger is not read for events. (The capital
    named by its country, "opened the Afghan capital", begins with "the".)
    """
    if "zero" in sent.low:
        return True
    text = sent.text
    for m in _OPENED_AT.finditer(text):
        at = m.end()
        if at < len(text) and (not text[at].islower() or text.startswith("the", at)):
            return True
    return False


def _note_lead(sent: ScannedSentence, mentions: list[Mention], info: ArticleInfo, ctx: ArticleState) -> None:
    """Note the places the headline names and the dateline's town, which
    may place the incident of the report's lead."""
    idx, sentence, finder = sent.index, sent.text, info.finder
    if idx == -1:
        ctx.lead_places = [m.place for m in mentions if m.role == "place" and m.place is not None]
    elif idx == 0:
        ctx.dateline = finder.dateline_place(sentence, REGION[:2])


def _read(
    sent: ScannedSentence, mentions: list[Mention], crossing: Place | None, info: ArticleInfo, ctx: ArticleState
) -> _Reading:
    """What the sentence tells: its triggers by type (those that only refer
    to an incident told before made weak: :func:`.mentioned.referred_only`),
    dates, toll, actors and clauses."""
    article, idx, sentence = info.article, sent.index, sent.text
    # (every trigger source here is one may_report knows: a new one goes there too)
    triggers, continued, waiting = _sentence_triggers(sent, mentions, ctx)
    if "open" in sent.low:
        triggers = triggers + opened_crossings(sentence, mentions, triggers, info.finder, idx == -1)
    if "resum" in sent.low:
        triggers = triggers + resumed_after_closure(sentence, triggers)
    dates = _sentence_dates(sentence, sent.cached(find_dates, article.published), ctx, article.published)
    # Most sentences carry no trigger; skip the costlier parsers for them.
    casualties = sent.cached(find_casualties) if any(t.event_type in VIOLENT for t in triggers) else _NO_TOLL
    actors = sent.cached(find_actors) if triggers else []
    usable_dates = [d for d in dates if not d.statement]
    if triggers and idx >= 0 and sentence.count(" ") < 3 and not mentions_specific(mentions) and casualties == _NO_TOLL:
        # a section label ("Cross-border shelling."), not a report (a toll
        # is one: "Nobody was hurt.", "Two were killed.")
        triggers = []
    spans = clauses(sentence) if triggers else []  # read per trigger only
    if triggers:
        triggers = referred_only(sentence, triggers, spans, usable_dates, ctx)
    by_type = _triggers_by_type(sentence, sent.low, triggers)
    # Violent incidents in several clauses (only possible with two types or more).
    split_tolls = (
        len(by_type) > 1 and len({_clause_of(spans, ts[0].start) for et, ts in by_type.items() if et in VIOLENT}) > 1
    )
    said_after = "after" in sent.low  # _TIME_AFTER's gate, read from the sentence's lower case
    return _Reading(
        sent,
        mentions,
        crossing,
        triggers,
        continued,
        waiting,
        dates,
        usable_dates,
        casualties,
        actors,
        by_type,
        spans,
        split_tolls,
        said_after,
    )


def _group_events(
    r: _Reading,
    etype: str,
    trigs: list[Trigger],
    told_apart: list[DateMention] | None,
    info: ArticleInfo,
    ctx: ArticleState,
) -> list[DraftEvent]:
    """The events of one incident the sentence reports (``trigs`` of
    ``etype``): one per place, each with its date, actors and toll; none
    for talks that only time another incident, a round told before, a plan,
    history or background."""
    sent, mentions, triggers, dates, spans = r.sent, r.mentions, r.triggers, r.dates, r.spans
    article, idx, sentence = info.article, sent.index, sent.text
    if etype == "talks" and len(r.by_type) > 1 and _backdrop(sentence, trigs, triggers, mentions):
        return []
    mentions_t = _group_mentions(mentions, etype, trigs, triggers, spans, len(r.by_type))
    goes_on = goes_on_now = False  # a closure told only as going on ("was still shut on Tuesday")
    going: list[int] = []  # ends of the triggers of a closure going on, beside one that begins
    if etype == "border_closure":
        trigs, goes_on, goes_on_now, going = _closure_going_on(sentence, trigs, dates)
    if etype == "talks" and len(trigs) > 1:
        # "A statement after the talks said the next round would be in
        # Kabul on August 20": the round told before only times the new one.
        fresh = [
            t for t in trigs if not (t.anaphoric and _AFTER_BEFORE.search(sentence[max(0, t.start - 30) : t.start]))
        ]
        trigs = fresh or trigs
    if (
        etype == "talks"
        and "talks" in ctx.by_type
        and all(t.anaphoric for t in trigs)
        and not any(d.kind not in ("for", "nth") for d in r.usable_dates)
    ):
        # "That visit followed a hard year", "The talks were overshadowed
        # by an attack on Sunday": the round told before, with no day of
        # its own here, is no new round (its place and date are told).
        return []
    related = _related_cut(sentence, trigs)
    if related is not None:
        # "The bombing came a day after militants stormed a college in
        # Wana": what follows is the other incident's place and date.
        mentions_t = [m for m in mentions_t if m.start < related]
        ctx.related_at = idx
    others = [t for t in triggers if t.event_type != etype]
    places = _places_for(etype, trigs, mentions_t, sentence, ctx, r.crossing, info.finder, others, idx)
    if etype == "fortification":
        places = _work_places(places, sentence, trigs, ctx, idx, "armed_clash" in r.by_type)
    per_side = _tolls_per_side(sentence, etype, trigs, ctx, idx)
    if per_side:
        # "Pakistani officials said two soldiers were wounded; Taliban
        # officials said one of their guards was killed" after fire at
        # places on both sides: each side's losses at its own place.
        places = [(p, True) for p in per_side]
    if not places:
        _note_unplaced(r, etype, trigs, related, others, info, ctx)
        return []
    clause = _clause_of(spans, trigs[0].start)
    reopening = etype == "border_closure" and any(t.sub_event_type == "reopening" for t in trigs)
    own_dates = _own_dates(sentence, etype, trigs, others, dates, related, told_apart, going, reopening)
    dated = _event_date(sent, etype, trigs, triggers, own_dates, dates, clause, ctx, article.published, goes_on_now)
    if dated is None:
        return []
    date, carried = dated
    ended = any(t.ended for t in trigs)
    places = _not_borrowed(places, etype, trigs, others, date, carried, mentions, sent, info, ctx)
    if places is None:
        return []
    sub = trigs[0].sub_event_type
    if reopening:
        sub = "reopening"
    told_before = None  # the sub-type and toll of the unplaced incident this sentence places
    if r.waiting and all(t.weak for t in trigs) and etype in ctx.unplaced_told:
        told_before = ctx.unplaced_told[etype]
        sub = told_before[0]
        ctx.unplaced_told[etype] = (sub, Casualties())  # the toll goes to the first place told
    acts = _event_actors(etype, r.actors, info.doc_actors)
    named = [p for p, inside in places if inside]
    if len(named) > 1:
        ctx.spread.add(etype)
    elif named or not all(t.weak for t in trigs):
        ctx.spread.discard(etype)
    starts = _place_starts(mentions, named, ctx.venues) if len(named) > 1 and etype in VIOLENT else {}
    order = sorted(starts.values())
    told_in = _tolls_told_in(sentence, mentions, set(starts)) if len(starts) > 1 and r.casualties != NO_TOLL else []
    shares = _TollShares(related, r.split_tolls, clause, spans, order, told_in, per_side, r.said_after)
    # "tried to cross into Kurram on Friday and into North Waziristan on
    # Saturday": each place with its own day.
    place_days = _days_per_place(own_dates, starts, len(sentence)) if len(starts) > 1 and date is not None else {}
    told_date = date
    out = []
    for place, in_sentence in places:
        # Where the place is named, when several are (a place's hash, a
        # frozen dataclass's, is worked out afresh at each lookup: none
        # is made when there is nothing to look up).
        at = starts.get(place) if starts else None
        date = place_days.get(place, told_date) if place_days else told_date
        toll = _place_toll(
            sentence, place, at, etype, trigs, others, r.casualties, shares, told_before and told_before[1]
        )
        told_before = None
        kill = toll.fatalities if etype in VIOLENT else None
        hurt = toll.injuries if etype in VIOLENT else None
        # a figure of one side's claim, or one the report does not stand
        # behind, yields to a reported one
        claimed = (kill is not None or hurt is not None) and bool(
            _CLAIM.search(sentence) or _UNCONFIRMED.search(sentence)
        )
        out.append(
            DraftEvent(
                doc_id=article.doc_id,
                event_type=etype,
                sub_event_type=sub,
                place=place,
                actor1=acts[0] if acts else "",
                actor2=acts[1] if len(acts) > 1 else "",
                fatalities=kill,
                injuries=hurt,
                confidence=_confidence(place, in_sentence, date, carried, trigs),
                excerpt=sentence.strip(),
                source_title=article.title,
                source_publisher=article.source,
                source_published=article.published.isoformat() if article.published else "",
                source_url=article.url,
                sentences=[idx],
                date=date,
                # A day a closure goes on is not the day it began.
                date_rank=_date_rank(sentence, date, carried, goes_on, trigs),
                ended=ended,
                claimed=claimed,
                # attackers killed add to the victims of the attack:
                # told in a bare toll after it, or in fighting of its
                # own ("six militants were killed in the gunfight")
                # (not one side's claim of the attackers it killed: "It
                # claimed that twelve terrorists had been killed", "...,
                # but there was no independent confirmation")
                added_toll=etype in VIOLENT
                and not claimed
                and (
                    (r.continued or etype == "armed_clash")
                    and sent.cached(_attackers_toll, toll)
                    # "A civilian woman was also killed": more dead, told
                    # after the incident (or with it again, undated)
                    or (r.continued or carried)
                    and also_killed(sentence, toll)
                ),
                side_tolls=_side_tolls(sent, kill, hurt),
                repeated=told_again(sentence, trigs),
            )
        )
        _note_event(ctx, idx, etype, trigs, place, date, carried)
    if etype == "talks" and out:
        # "agreed in Doha on Sunday ..., and a follow-up round is due in
        # Istanbul on Saturday": the next round told with its own venue
        out += next_rounds(sentence, out[0], mentions, dates)
    return out


def _not_borrowed(
    places: list[tuple[Place, bool]],
    etype: str,
    trigs: list[Trigger],
    others: list[Trigger],
    date: DateMention | None,
    carried: bool,
    mentions: list[Mention],
    sent: ScannedSentence,
    info: ArticleInfo,
    ctx: ArticleState,
) -> list[tuple[Place, bool]] | None:
    """The places of an event, unless it is dated apart from the incident
    whose place it would borrow (another incident, or background): then the
    border as a whole for fighting on it, else ``None`` (no event)."""
    sentence = sent.text
    if (
        etype in VIOLENT
        and not carried
        and _other_incident(etype, places, date, ctx, any(t.anaphoric for t in trigs))
        and not _SAME_PLACE.search(sentence)
    ):
        # "Relations have been strained since border clashes in October":
        # dated apart from the incident whose place it would borrow, it
        # is another incident; fighting on the border (border words, or
        # clashes or fighting where the borrowed place lies on the line)
        # is the border as a whole. An "attack" with no border word may
        # be anywhere ("after an attack on October 12 near <a village>",
        # "gunmen fired on the guards of a depot"): it is dropped.
        if (
            etype == "armed_clash"
            and info.finder.border is not None
            and (
                _BORDER_WORDS.search(sentence)
                or (
                    _near_line(places[0][0])
                    and any(w in sent.low[t.start : t.end] for t in trigs for w in ("clash", "fight"))
                )
            )
        ):
            places = [(info.finder.border, False)]
        else:
            return None
    if (
        etype == "talks"
        and others
        and not carried
        and all(_CAUSE_BEFORE.search(sentence, max(0, t.start - 30), t.start) for t in trigs)
        and _other_incident(etype, places, date, ctx)
    ):
        # "In March the crossing had reopened after talks between local
        # elders": a round dated apart from the one whose venue it
        # would borrow is another round, held where the text does not say.
        return None
    if date is None and etype in VIOLENT and not mentions_specific(mentions) and _GENERIC_PERFECT.search(sentence):
        return None  # "militants have carried out attacks": background, not an incident
    return places


def _confidence(
    place: Place, in_sentence: bool, date: DateMention | None, carried: bool, trigs: list[Trigger]
) -> float:
    """How sure the event is: a place named in the sentence, a date of its
    own, a strong trigger and a precise place raise it."""
    conf = 0.45 + (0.2 if in_sentence else 0) + (0.1 if date is not None and not carried else 0)
    conf += 0.1 if not trigs[0].weak else -0.1
    conf += 0.05 if place.precision <= 2 else 0
    if date is not None and date.kind == "report":
        conf -= 0.2  # no day of its own: as little confidence as an undated event
    return min(conf, 0.95)


def _note_unplaced(
    r: _Reading,
    etype: str,
    trigs: list[Trigger],
    related: int | None,
    others: list[Trigger],
    info: ArticleInfo,
    ctx: ArticleState,
) -> None:
    """Note an incident told with no place: its sentence, sub-type, toll
    and day, for the sentence that places it; and report it unlocated."""
    sentence, idx, dates, spans, casualties = r.sent.text, r.sent.index, r.dates, r.spans, r.casualties
    if not all(t.weak for t in trigs):
        ctx.unplaced[etype] = idx
        if etype in SPREAD_TYPES:
            ctx.unplaced_told[etype] = (trigs[0].sub_event_type, casualties)
        if etype in VIOLENT and related is None:
            # "Pakistan carried out air strikes inside Afghanistan
            # early Monday, ... over the weekend": the day of the
            # unplaced strikes, for the sentence that places them.
            told = _pick_date(
                sentence,
                dates,
                trigs,
                _clause_of(spans, trigs[0].start),
                others,
            )
            if told is not None and told.precision == "day" and told.kind not in ("prev", "for", "nth"):
                ctx.type_dates[etype] = (idx, told)
    if info.unlocated is not None and not all(t.weak for t in trigs):
        info.unlocated.append((info.article.doc_id, etype, sentence))


def _event_actors(etype: str, actors: list[str], doc_actors) -> list[str]:
    """The actors of an event: the sentence's (traders only for trade),
    completed by the article's parties; for talks the parties first."""
    acts = [a for a in actors if a not in ("Traders", "Truck drivers")] or actors
    if etype == "trade_disruption":
        acts = [a for a in actors if a in ("Traders", "Truck drivers")] or ["Traders"]
    elif len(acts) < 2 and etype in ("talks", "armed_clash", "border_closure"):
        acts = acts + [a for a in doc_actors() if a not in acts and a in ("Pakistan", "Afghan Taliban")]
    if etype == "talks":
        # The parties first, mediators and hosts (Qatar, Turkey, ...) after.
        parties = [a for a in acts if a in _PARTIES]
        if len(parties) < 2:
            parties += [a for a in doc_actors() if a in _PARTIES and a not in parties]
        acts = parties + [a for a in acts if a not in parties]
    return acts


def _note_event(
    ctx: ArticleState,
    idx: int,
    etype: str,
    trigs: list[Trigger],
    place: Place,
    date: DateMention | None,
    carried: bool,
) -> None:
    """Note an event told: its place and date, for the sentences after."""
    # A past round told after the talks of the report ("the first round was
    # held in Doha on October 19") is no venue nor date of the talks told next.
    past_round = etype == "talks" and etype in ctx.by_type and any(t.ended for t in trigs)
    if past_round:
        ctx.past_rounds.add(idx)
    else:
        ctx.by_type[etype] = place
    ctx.type_places.setdefault(etype, set()).add(place)
    if etype in VIOLENT and not all(t.weak for t in trigs):
        told = ctx.told_places.get(etype)
        ctx.told_places[etype] = (idx, (told[1] if told and told[0] == idx else []) + [place])
    if etype in VIOLENT and not all(t.weak for t in trigs):
        ctx.last_violent = (idx, etype)
    if date is not None and not past_round:
        ctx.type_dates[etype] = (idx, date)
        if not carried and date.precision == "day":
            ctx.type_days.setdefault(etype, []).append(date)


def _remember(r: _Reading, info: ArticleInfo, ctx: ArticleState) -> None:
    """Note what the sentence told for the sentences after it: the places
    named, the place on the line, the crossings, the last day told, the
    date that sets the time of what follows."""
    idx, sentence, mentions, dates, usable_dates = r.sent.index, r.sent.text, r.mentions, r.dates, r.usable_dates
    crossing, triggers, finder = r.crossing, r.triggers, info.finder
    named_crossings = []
    for m in mentions:
        if m.place is not None and m.role == "place":
            ctx.venues.append(m.place)
            if idx >= 0 and m.place.country in ("AF", "PK") and _near_line(m.place):
                ctx.line_place = (idx, m.place)
            if _is_crossing(m.place, finder):
                named_crossings.append(m.place)
    told_days = [d for d in dates if d.precision == "day" and d.kind not in ("prev", "nth", "for")]
    if told_days:
        ctx.last_day = (idx, told_days[-1])
    ctx.crossing = crossing
    if len(named_crossings) > 1 and len(named_crossings := list(dict.fromkeys(named_crossings))) > 1:
        # (only a group: "both crossings" after "reopened Torkham and Chaman.
        # Thousands crossed back through Torkham." is still the pair)
        ctx.crossings = named_crossings
    if usable_dates and (
        triggers or usable_dates[-1].precision == "day" or _LEADING_DATE.match(sentence, 0, usable_dates[-1].start)
    ):
        # A month told in a sentence with no event dates none of the next
        # ("the plan, agreed in May, provides for ...", "officials had
        # reported the first case last month"), unless it opens the
        # sentence and so sets the time of what follows ("In May, tension
        # rose. Troops traded fire at Ghulam Khan.").
        ctx.dates.append((idx, usable_dates[-1]))
