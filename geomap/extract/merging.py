"""Merging mentions of one incident: within an article (one event per type
and place, talks split into rounds by date) and across articles."""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..geo import haversine_km
from .dates import DAY_KINDS, DateMention, published_fallback
from .draft import DraftEvent, copy_draft
from .rules.line import _near_line
from .rules.offsets import offset_from
from .types import find_triggers

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2}
#: How far the body's place of an incident may lie from the town or
#: district its headline names (a district's width).
HEADLINE_KM = 60
#: How far from a headline's place the lead it names may lie when the body
#: tells several incidents of its type nearby.
HEADLINE_INSIDE_KM = 30
#: How far from a headline's broad place (a district or province) the
#: narrower place the body gives an incident may lie (a region's width;
#: the scoring's own radius for a province).
HEADLINE_REGION_KM = 150
#: How far from a district's point a town of it may lie (same incident).
DISTRICT_KM = 40


_SUFFIX = re.compile(r"\s+(?:district|province|town|city|crossing|\(.*\))$", re.I)


#: How far apart the two sides of one crossing may lie (Chaman and Spin
#: Boldak, each side's gate on the line).
CROSSING_SIDES_KM = 2.0


def same_place(a, b) -> bool:
    """One place under two names of the gazetteer: "Spin Boldak" the town
    and "Spin Boldak District" (a district named after its centre)."""
    if a.name == b.name:
        return True
    return a.country == b.country and _bare_name(a.name) == _bare_name(b.name)


def _same_gate(a: DraftEvent, b: DraftEvent) -> bool:
    """The two sides of one crossing, for an incident at its gate told on
    the same day ("fire at the Chaman-Spin Boldak crossing" under "clash at
    Chaman crossing": one incident, the headline's undated); not for
    trucks, which queue on each side apart."""
    dated = (a.date is not None or a.sentences == [-1]) and (b.date is not None or b.sentences == [-1])
    return (
        a.event_type != "trade_disruption"
        and a.place.kind == b.place.kind == "crossing"
        and dated
        and _close(a.date, b.date, 1)
        and _km(a.place, b.place) <= CROSSING_SIDES_KM
    )


@functools.lru_cache(maxsize=4096)
def _bare_name(name: str) -> str:
    # Every draft of an article is compared with every event kept so far:
    # the same few names, stripped once each.
    return _SUFFIX.sub("", name)


def _date_key(ev: DraftEvent) -> tuple:
    """Which date of two mentions of one incident to keep: found in the
    sentence before carried, carried before the published date; then the
    more precise; then the one told first (:func:`_told_first`); then the
    earlier."""
    d = ev.date
    if d is None:
        return (9, 9, 99, dt.date.max)
    return (ev.date_rank, _PRECISION_RANK.get(d.precision, 3), _told_first(ev), d.date)


def _told_first(ev: DraftEvent) -> int:
    """Where a mention is first told (the headline is -1). A report tells an
    incident with its day first; a later sentence that names it again with
    another day most often dates something else told with it ("reopened
    after a meeting at the zero point on Sunday", the day carried from a
    sentence about an earlier strike)."""
    return min(ev.sentences)


def _better_date(a: DraftEvent, b: DraftEvent) -> bool:
    """Is the date of ``a`` the one to keep over that of ``b`` (:func:`_date_key`)?
    A day counted from another incident ("a day after a suicide attack in
    Peshawar") yields to the day told with the incident itself ("On Monday
    morning, suicide attackers struck ... in Peshawar")."""
    if a.date is not None and b.date is not None and a.date_rank == b.date_rank:
        counted_a, counted_b = a.date.kind == "relative", b.date.kind == "relative"
        if counted_a != counted_b and (b.date.kind if counted_a else a.date.kind) in DAY_KINDS:
            return counted_b
    if _counted_off_by_one(a.date, b.date) and a.date_rank == b.date_rank:
        return a.date.kind != "nth"
    if a.date_rank <= 1 and b.date_rank <= 1 and _ago_off_by_one(a.date, b.date):
        return a.date.kind != "ago"
    if a.date is not None and b.date is not None and _day_in_week(a.date, b.date):
        # "clashed late on Wednesday" (carried) and "asked them to stop
        # several times this week before fighting erupted": one date told
        # twice, the day the more precise (not the report's day a state
        # takes, nor a day outside the week).
        return a.date.precision == "day"
    return _date_key(a) < _date_key(b)


def _counted_off_by_one(a: DateMention | None, b: DateMention | None) -> bool:
    """Is one of ``a`` and ``b`` a start counted back from "shut for a fourth
    day on Wednesday" and the other a day told in the text one day from it?
    News counts such days with or without the day an evening closure began
    ("shut on Saturday evening ... closed for a fourth day on Wednesday"),
    so the two are one start told twice, the day told the truer."""
    if a is None or b is None or (a.kind == "nth") == (b.kind == "nth"):
        return False
    told = b if a.kind == "nth" else a
    return told.precision == "day" and told.start >= 0 and told.kind in DAY_KINDS and abs((a.date - b.date).days) == 1


def _ago_off_by_one(a: DateMention | None, b: DateMention | None) -> bool:
    """Is one of ``a`` and ``b`` a day counted back from the published date
    ("killed in a clash two days ago") and the other a day of the week told
    for the same incident one day from it ("the clash took place on
    Friday")? A count is written on the day the story was written, often
    the day before it is published: the day named is the truer."""
    if a is None or b is None or (a.kind == "ago") == (b.kind == "ago"):
        return False
    count, told = (a, b) if a.kind == "ago" else (b, a)
    return (
        count.precision == "day"
        and told.precision == "day"
        and told.start >= 0
        and told.kind in DAY_KINDS
        and abs((count.date - told.date).days) == 1
    )


def _day_in_week(a: DateMention, b: DateMention) -> bool:
    """Is one of ``a`` and ``b`` a day told in the text that falls in the
    week the other names (its middle day and three either side)?"""
    if {a.precision, b.precision} != {"day", "week"}:
        return False
    day, week = (a, b) if a.precision == "day" else (b, a)
    return day.kind != "report" and day.start >= 0 and abs((day.date - week.date).days) <= 3


def _absorb(into: DraftEvent, other: DraftEvent) -> None:
    into.sentences.extend(other.sentences)
    if _better_date(other, into):
        into.date, into.date_rank = other.date, other.date_rank
    has_toll = lambda d: d.fatalities is not None or d.injuries is not None  # noqa: E731
    if other.added_toll != into.added_toll and has_toll(other) and has_toll(into):
        # attackers killed, told after the attack: both sides' dead add up
        into.fatalities = (into.fatalities or 0) + (other.fatalities or 0)
        into.injuries = into.injuries if into.injuries is not None else other.injuries
        into.added_toll = False
    elif into.claimed and not other.claimed and has_toll(other):
        into.fatalities, into.injuries, into.claimed = other.fatalities, other.injuries, False
    elif not (other.claimed and has_toll(into) and not into.claimed):
        if not has_toll(into) and has_toll(other):
            # a claim taken into a mention with no toll is still a claim: a
            # reported toll merged later replaces it
            into.claimed = other.claimed
        for attr in ("fatalities", "injuries"):
            a, b = getattr(into, attr), getattr(other, attr)
            if b is not None and (a is None or b > a):
                setattr(into, attr, b)
    _add_sides(into, other)
    if other.confidence > into.confidence:
        into.excerpt, into.sub_event_type = other.excerpt, other.sub_event_type
        if other.actor1:
            into.actor1, into.actor2 = other.actor1, other.actor2
    if not into.actor1 and other.actor1:
        into.actor1, into.actor2 = other.actor1, other.actor2
    into.confidence = min(0.95, max(into.confidence, other.confidence) + 0.05)
    into.ended = into.ended and other.ended
    into.repeated = into.repeated or other.repeated


def _add_sides(into: DraftEvent, other: DraftEvent) -> None:
    """ "A Pakistani official said two soldiers were hurt. The Taliban said
    one of their guards was killed.": each side's losses, told apart, add
    up (the larger count of each side when it is told twice), and a toll
    told for no one side ("" in ``side_tolls``) stands when it is larger;
    a party's claim of the other side's losses is not added."""
    # getattr: drafts pickled by an older version (checkpoints) lack the field
    if not getattr(other, "side_tolls", None):
        return
    sides = dict(getattr(into, "side_tolls", None) or {})
    for side, toll in other.side_tolls.items():
        old = sides.get(side, (None, None))
        sides[side] = tuple(_larger(a, b) for a, b in zip(old, toll))
    into.side_tolls = sides
    if "PK" in sides and "AF" in sides and not (into.claimed or other.claimed):
        whole = sides.get("", (None, None))
        into.fatalities, into.injuries = (_larger(whole[k], _plus(sides["PK"][k], sides["AF"][k])) for k in (0, 1))


def _larger(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _plus(a: int | None, b: int | None) -> int | None:
    """Two sides' counts: unknown when neither gives one, and when one
    reports none and the other is silent ("no casualties" on one side
    is no count of the incident)."""
    if a is None or b is None:
        known = b if a is None else a
        return None if known == 0 else known
    return a + b


def _close(a: DateMention | None, b: DateMention | None, days: int) -> bool:
    if a is None or b is None:
        return True
    return abs((a.date - b.date).days) <= days


def _told(ev: DraftEvent) -> DateMention | None:
    """The date the text tells for ``ev``: none for the report's own day
    given to a state told without one ("Chaman crossing stays shut")."""
    return ev.date if ev.date_rank < 3 else None


def _km(a, b) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _fold_shelling_into_fighting(events: list[DraftEvent]) -> list[DraftEvent]:
    """ "The fighting took place in Dand-e-Patan and Gurbuz, where rockets
    and mortar rounds hit villages": shelling told only in the sentences of
    fighting at the same place and day is that fighting's fire, not an
    incident of its own (its toll goes to the fighting). Grenades told at
    the place and on the day of an attack ("the attackers used
    rocket-propelled grenades against the posts") are its weapons, in
    whatever sentence."""
    clashes = [e for e in events if e.event_type == "armed_clash"]
    if not clashes:
        return events
    out = []
    for ev in events:
        if ev.event_type == "explosion" and ev.sub_event_type in ("shelling", "grenade_attack"):
            told = set(ev.sentences) - {-1}
            host = next(
                (
                    c
                    for c in clashes
                    if told
                    and (ev.sub_event_type == "grenade_attack" or told <= set(c.sentences))
                    and same_place(c.place, ev.place)
                    and _close(_told(c), _told(ev), 0)
                ),
                None,
            )
            if host is not None:
                host.fatalities = _larger(host.fatalities, ev.fatalities)
                host.injuries = _larger(host.injuries, ev.injuries)
                continue
        out.append(ev)
    return out


def _fold_headline_elsewhere(events: list[DraftEvent]) -> list[DraftEvent]:
    """A headline that names a broad place ("Guards trade fire in Kurram")
    over a body that tells an incident of its type, the same days, at a
    narrower place of that region ("guards exchanged fire near
    Kharlachi") summarises that incident: the headline-only event joins the
    body's first such event. A headline's district or province is often
    the region the body's village lies in, further than a district's
    width from its point; the body gives the narrowest place.

    Parameters
    ----------
    events : list of DraftEvent
        The article's events, folded by place already.

    Returns
    -------
    list of DraftEvent
        ``events`` without the headline-only ones joined to a body event.
    """
    out = list(events)
    for ev in list(out):
        if ev.sentences != [-1]:
            continue
        body = [
            o
            for o in out
            if o is not ev
            and o.event_type == ev.event_type
            and o.sentences != [-1]
            and o.place.precision < ev.place.precision  # the body's place is narrower
            and _close(_told(o), _told(ev), 3)
            and _km(o.place, ev.place) <= HEADLINE_REGION_KM
        ]
        if body:
            _absorb(min(body, key=lambda o: min(o.sentences)), ev)
            out.remove(ev)
    return out


def _fold_town_into_measured(events: list[DraftEvent]) -> list[DraftEvent]:
    """An incident told at a point measured from a town ("exchanged fire
    about 60km north of Chaman") and the same type the same days at that
    town itself (the headline's "near Chaman", a witness who spoke "from
    Chaman") are one incident: the town is where it was measured from.
    Returns ``events`` (the article's, folded by place) without those at a
    town another event was measured from.
    """
    out = list(events)
    for ev in list(out):
        measured = [
            o
            for o in out
            if o is not ev
            and o.event_type == ev.event_type
            and offset_from(o.place, ev.place)
            and _close(_told(o), _told(ev), 3)
        ]
        if measured:
            _absorb(min(measured, key=lambda o: min(o.sentences)), ev)
            out.remove(ev)
    return out


#: The incidents of an exchange on the line: fire and shelling (an air
#: strike is told apart, often far from the line).
_ON_THE_LINE = ("armed_clash", "explosion")


def _fold_border_into_located(events: list[DraftEvent]) -> list[DraftEvent]:
    """Fighting placed only on the whole border ("troops traded fire along
    the ridges", "the firing followed a quarrel") on the very day the
    article reports fire or shelling at a place near the line is that
    exchange told again without its place, not fighting of its own all
    along the border: it is no event of its own. Both days must be told as
    days; a located incident far from the line (a blast in a capital) or
    an air strike does not take it.

    Parameters
    ----------
    events : list of DraftEvent
        An article's events after the folds by place.

    Returns
    -------
    list of DraftEvent
        ``events`` without such whole-border fighting.
    """

    def exchange_that_day(o: DraftEvent, day: DateMention) -> bool:
        return (
            o.event_type in _ON_THE_LINE
            and o.place.kind not in ("province", "region", "border", "country")
            and _told(o) is not None
            and _told(o).precision == "day"
            and _close(_told(o), day, 0)
            and _near_line(o.place)
        )

    def whole_border_day(ev: DraftEvent) -> DateMention | None:
        told = _told(ev)
        if ev.event_type == "armed_clash" and ev.place.kind == "border" and ev.sentences != [-1]:
            return told if told is not None and told.precision == "day" else None
        return None

    drop = []
    for ev in events:
        day = whole_border_day(ev)
        if day is not None and any(exchange_that_day(o, day) for o in events if o is not ev):
            drop.append(id(ev))
    return [ev for ev in events if id(ev) not in drop]


def _fold_provinces(events: list[DraftEvent]) -> list[DraftEvent]:
    """ "Strike in Paktika" (headline) and "strike in Barmal district of
    Paktika province" (body) are one incident: an event at a province joins
    the one event of its type placed inside that province, when their dates
    agree (or one has none). A headline-only event at a province or the
    whole border ("fighting on the Durand Line") joins the one body event of
    its type at a more precise place."""
    out = _fold_blasts_of_strikes(_fold_near_crossings(list(events)))
    for ev in list(out):
        broad = ("province", "region", "border")
        if ev.sentences == [-1] and ev.place.kind not in broad and ev.place.kind != "country":
            # "Strike on Khost home kills ten" over a body that places the
            # strike in Gurbuz district: the headline summarises the body
            # event of its type nearby.
            near = [
                o
                for o in out
                if o is not ev
                and o.event_type == ev.event_type
                and o.sentences != [-1]
                and _close(_told(o), _told(ev), 3)
                and haversine_km(o.place.lat, o.place.lon, ev.place.lat, ev.place.lon) <= HEADLINE_KM
            ]
            # Several nearby: the headline tells the lead (the first one
            # told) when it lies inside the headline's place.
            lead = min(near, key=lambda o: min(o.sentences), default=None)
            if len(near) > 1 and lead is not None and _km(lead.place, ev.place) > HEADLINE_INSIDE_KM:
                lead = None
            if lead is not None and not same_place(lead.place, ev.place):
                _absorb(lead, ev)
                out.remove(ev)
            continue
        if ev.place.kind == "district":
            # "killed three soldiers in North Waziristan" and "opened fire on
            # troops in the Datta Khel area" the same day: one incident, at
            # the narrower place inside the district.
            inside = [
                o
                for o in out
                if o is not ev
                and o.event_type == ev.event_type
                # (a town or crossing "near" which it happened is still inside)
                and (o.place.precision == 1 or o.place.kind in ("crossing", "town", "village"))
                # (a crossing lies in the districts of both sides: "fire on
                # police in the Barmal district" and "the clash at Angoor Adda")
                and (o.place.country == ev.place.country or o.place.kind == "crossing")
                and o.sentences != [-1]  # a headline's town does not narrow the body's district
                # not two places listed in one sentence ("in Marawara
                # district and on the edge of Asadabad"; the headline may
                # name both)
                and not (set(o.sentences) & set(ev.sentences)) - {-1}
                and _close(_told(o), _told(ev), 1)
                and haversine_km(o.place.lat, o.place.lon, ev.place.lat, ev.place.lon) <= DISTRICT_KM
            ]
            if len(inside) == 1 and ev.event_type in ("armed_clash", "airstrike", "explosion", "fortification"):
                _absorb(inside[0], ev)
                out.remove(ev)
            elif (
                len(inside) > 1
                and ev.event_type in ("armed_clash", "airstrike", "explosion")
                and len({min(o.sentences) for o in inside}) == 1
                and all(_close(_told(o), _told(ev), 0) for o in inside)
            ):
                # "attacked posts in Kurram" then "posts near Teri Mangal and
                # Boshehra in Kurram" the same day: the district is the sum
                # of the places listed inside it, not another incident
                out.remove(ev)
            elif len(inside) > 1 and ev.event_type in ("armed_clash", "airstrike", "explosion"):
                kin = _one_of_its_kind(ev, inside)
                if kin is not None:
                    _absorb(kin, ev)
                    out.remove(ev)
            continue
        if ev.place.kind not in broad or (ev.place.kind == "region" and ev.place.precision <= 2):
            continue  # a tehsil or valley filed as a region is a place of its own
        headline_only = ev.sentences == [-1]
        # "Pakistan closed its crossings on Monday" over "Torkham and Chaman
        # were shut on Monday": the whole border is the sum of the places
        # the article names for that incident (the narrowest place wins).
        body_border = ev.place.kind == "border" and not headline_only
        inside = [
            o
            for o in out
            if o is not ev
            and o.event_type == ev.event_type
            and o.place.kind not in broad + ("country",)
            and _close(_told(o), _told(ev), 3)
            and (o.place.admin1 == ev.place.admin1 and ev.place.admin1 or headline_only or body_border)
        ]
        if len(inside) == 1 and (not body_border or ev.event_type in _ON_THE_LINE):
            # (fire told on the whole border and at one place of the line
            # the same days, "The incident in Bajaur ...": that place's
            # incident, its toll too)
            _absorb(inside[0], ev)
            out.remove(ev)
        elif inside:
            # "rockets hit four districts of Kunar" then the districts one
            # by one: the province is their sum, not another event; a toll
            # or date of the whole is not any one place's.
            out.remove(ev)
    return out


def _one_of_its_kind(ev: DraftEvent, inside: list[DraftEvent]) -> DraftEvent | None:
    """ "Four guards were hurt in an attack on checkpoints in Kurram" and "the
    checkpoints in Teri Mangal were fired upon", beside fire near Kharlachi
    the same day: of several incidents at places inside a district, the one
    told as the same kind of incident (an attack on posts, not an exchange
    of fire) the same day is the district's, told at its narrower place;
    None when no one is."""
    kin = [o for o in inside if o.sub_event_type == ev.sub_event_type]
    # (the same day: "an attack on a convoy in Kurram" on Thursday is not the
    # attack on houses in Boshehra on Friday)
    return kin[0] if len(kin) == 1 and _close(_told(kin[0]), _told(ev), 0) else None


#: How far from a crossing a town on its road may lie ("trucks waiting on
#: the highway through Landi Kotal", the Torkham queue).
CROSSING_ROAD_KM = 35
_AT_CROSSINGS = ("border_closure", "trade_disruption")


def _fold_near_crossings(events: list[DraftEvent]) -> list[DraftEvent]:
    """ "Trucks stuck at Landi Kotal", "the gate stays closed, said an agent
    in Landi Kotal" in a report about Torkham: a closure or a trade
    disruption placed at a town near a crossing with an event of its type
    is that crossing's (the narrowest place of the incident is the
    crossing; GOLD_FORMAT)."""
    out = list(events)
    for ev in events:
        if ev.event_type not in _AT_CROSSINGS or ev.place.kind in ("crossing", "border", "country"):
            continue
        near = [
            o
            for o in out
            if o is not ev
            and o.event_type == ev.event_type
            and o.place.kind == "crossing"
            and o.sub_event_type == ev.sub_event_type
            and _close(o.date, ev.date, _APART_LOOSE)
            and _km(o.place, ev.place) <= CROSSING_ROAD_KM
        ]
        if near:
            _absorb(min(near, key=lambda o: _km(o.place, ev.place)), ev)
            out.remove(ev)
    return out


def _fold_blasts_of_strikes(events: list[DraftEvent]) -> list[DraftEvent]:
    """ "Explosions were heard in Kabul", "an explosion at a house in Kabul"
    in a report of air or drone strikes on Kabul that day: the blasts are the
    strikes heard or seen from the ground, one incident typed by its cause
    (GOLD_FORMAT: explosions are blasts not attributed to an air strike).
    Only plain blasts: a suicide bombing, shelling or a grenade is its own.
    """
    out = list(events)
    for ev in events:
        if ev.event_type != "explosion" or ev.sub_event_type != "explosion":
            continue
        strikes = [
            o
            for o in out
            if o.event_type == "airstrike" and same_place(o.place, ev.place) and _close(o.date, ev.date, 1)
        ]
        if strikes:
            sub = strikes[0].sub_event_type
            _absorb(strikes[0], ev)
            strikes[0].sub_event_type = sub  # a strike, whatever the blast's wording
            out.remove(ev)
    return out


#: How many days apart two mentions of one type and place, each dated in
#: its own sentence, may lie and still be one incident: a month when either
#: date is loose ("in July") or the place is broad (fighting "along the
#: border" flares on and off for weeks), a week when both name the day at one
#: town or district ("on Tuesday" and "on September 22" are two attacks on
#: posts of one district). Only for acts that happen on a day (violence, a
#: crossing being shut): trucks stranded and a fence going up are states
#: that a report tells on several days ("stuck since October 3", "on
#: Tuesday, 2,000 trucks were stranded").
_APART_DAY = 7
_APART_LOOSE = 31
_BROAD = ("province", "region", "border", "country")
_DAY_ACTS = ("armed_clash", "airstrike", "explosion", "border_closure")


def _apart_days(a: DraftEvent, b: DraftEvent) -> int:
    if (
        a.date.precision == b.date.precision == "day"
        # (a tehsil or valley filed as a region is a place of its own:
        # "the last attack on Mamund was on January 19")
        and (a.place.kind not in _BROAD or (a.place.kind == "region" and a.place.precision <= 2))
        and a.event_type in _DAY_ACTS
        and a.date_rank == b.date_rank == 0
    ):
        return _APART_DAY
    return _APART_LOOSE  # a mention that continues one ("still shut on Tuesday") spans more


#: Words that tell an incident apart from the one reported before it.
_APART = re.compile(r"\b(?:separate(?:ly)?|another|elsewhere|unrelated)\b", re.I)


def _assaults_of_bombings(drafts: list[DraftEvent]) -> list[DraftEvent]:
    """ "Two suicide bombers blew up a car at the gate. Gunmen then stormed
    the compound, and troops fought them for hours.": a suicide attack is
    often a bombing and an assault on one target. Gunfire first told after
    the bombing, at its place and within a day of it, is that assault: its
    drafts become the bombing's, so their tolls (the attackers killed in
    the fighting, the wounded) are the bombing's. A shooting told in the
    sentence that first reports the bombing ("a lawyer shot dead that
    morning", "gunmen killed two policemen, and a bomber struck the
    hospital"), or before it, stays an incident of its own."""
    bombs = [d for d in drafts if d.event_type == "explosion" and d.sub_event_type == "suicide_bombing"]
    if not bombs:
        return drafts
    clashes = [d for d in drafts if d.event_type == "armed_clash" and d.date is not None]
    out = []
    for d in drafts:
        if d.event_type == "armed_clash" and d.date is not None:
            # the first sentence telling gunfire at this place around this day
            kin = [c for c in clashes if same_place(c.place, d.place) and _close(c.date, d.date, 1)]
            first = min((i for c in kin for i in c.sentences if i >= 0), default=None)
            if any(_APART.search(c.excerpt) for c in kin):
                first = None  # "in a separate attack", "elsewhere in the city": told apart
            bomb = next(
                (
                    b
                    for b in bombs
                    if first is not None
                    and min((i for i in b.sentences if i >= 0), default=first) < first
                    and same_place(b.place, d.place)
                    and _close(b.date, d.date, 1)
                ),
                None,
            )
            if bomb is not None:
                d = copy_draft(d)
                d.event_type, d.sub_event_type = "explosion", bomb.sub_event_type
        out.append(d)
    return out


def _repeat_apart(a: DraftEvent, b: DraftEvent) -> bool:
    """ "Pakistan closed the crossing again after the violence" after "it
    had been closed since March", "within hours it was shut again" after
    a closure on Sunday: a mention told as a repeat is another incident
    than a mention of its type and place dated on another day (the
    carried date of a sentence counts: a repeat is after what it repeats).
    Mentions with no date, or on its day, are the repeat told again; a
    repeat whose date is only carried from the sentences before ("Pakistan
    closed the crossing again after the violence" after "it had been closed
    since March") is not the mention told before it."""
    if not (a.repeated or b.repeated):
        return False
    if a.date is None or b.date is None:
        return False
    if _counted_off_by_one(a.date, b.date):
        return False  # one start counted back and told (:func:`_counted_off_by_one`)
    later = b if min(a.sentences) <= min(b.sentences) else a
    carried = later.repeated and later.date_rank >= 2 and min(later.sentences) >= 0
    return a.date.date != b.date.date or carried


#: "earlier this month", "earlier in the week": a time told as before the
#: time of the report's incident.
_EARLIER = re.compile(r"earlier\s+(?:this|in\s+the)\s+(?:week|month|year)\b", re.I)


def _told_earlier(ev: DraftEvent) -> bool:
    """Is ``ev`` a mention of one sentence dated in its own words by
    "earlier this month" (or week, or year), of an incident it does not
    name again ("the closure earlier this week" is the one reported)?"""
    d = ev.date
    if not (
        d is not None
        and ev.date_rank == 0
        and d.precision != "day"
        and len(ev.sentences) == 1
        and 0 <= d.start < d.end <= len(ev.excerpt)
        and _EARLIER.match(ev.excerpt, d.start, d.end) is not None
    ):
        return False
    trigs = [t for t in find_triggers(ev.excerpt) if t.event_type == ev.event_type]
    return bool(trigs) and not any(t.anaphoric for t in trigs)


def _earlier_apart(a: DraftEvent, b: DraftEvent) -> bool:
    """ "The crossing was closed on Sunday ... Earlier this month, it was also
    closed for several hours": a mention told after the report's incident
    and dated "earlier this month" sets it before that incident, so it is
    another incident than a mention told before it with a day of its own
    (a lead that says "earlier this week" may tell the reported one)."""
    for x, y in ((a, b), (b, a)):
        if (
            y.date is not None
            and y.date_rank == 0
            and y.date.precision == "day"
            and min(x.sentences) > min(y.sentences)
            and _told_earlier(x)
        ):
            return True
    return False


def _headline_apart(a: DraftEvent, b: DraftEvent, lead: DateMention | None) -> bool:
    """ "Seven hurt as firing hits Kurram villages" over a report of Sunday's
    firing that recalls "In September, three soldiers were killed in
    Kurram": a headline tells the report's lead incident, so its mention,
    undated, is not a background mention dated in its own words apart from
    the lead's day (a week for a day, a month else). Only violence: a
    closure or a queue the headline names goes on from a start told long
    before the lead ("crossing shut for a 12th day")."""
    if lead is None or a.event_type not in _VIOLENT:
        return False
    for head, other in ((a, b), (b, a)):
        if (
            head.date is None
            and head.sentences == [-1]
            and other.date is not None
            and other.date_rank <= 1
            and not _close(lead, other.date, _APART_DAY if other.date.precision == "day" else _APART_LOOSE)
        ):
            return True
    return False


def _other_kind_apart(a: DraftEvent, b: DraftEvent) -> bool:
    """ "Clashes erupted at Chaman on Monday. On Thursday, militants attacked
    a checkpost in Chaman": violence of another kind (a clash, an attack on
    a post), each told with a day of its own two days apart or more, is
    another incident (one incident told over days keeps its kind: a siege,
    shelling for three days)."""
    return (
        a.event_type in _VIOLENT
        and a.sub_event_type != b.sub_event_type
        and a.date_rank == b.date_rank == 0
        and a.date is not None
        and b.date is not None
        and a.date.precision == b.date.precision == "day"
        and abs((a.date.date - b.date.date).days) >= 2
    )


def merge_within(drafts: list[DraftEvent], published: dt.date | None = None, own: bool = False) -> list[DraftEvent]:
    """One event per (type, place); talks split into rounds by date.

    Events still without a date get ``published`` at week precision.
    ``drafts`` are left as they were, unless ``own`` (the caller drops them
    afterwards, as the extractor does): then the first draft of each event
    becomes that event, changed in place, instead of a copy of it.
    """
    merged: list[DraftEvent] = []
    # The headline sums up the body ("Six killed in attack on Mohmand post"
    # over "two soldiers ... four attackers were killed"): its toll is
    # weighed last, against the body's sum, not added to it.
    headline_tolls: dict[int, tuple[int | None, int | None]] = {}
    told_lead = _lead_date(drafts, published) or _lead_date(drafts, published, kinds=None)
    for d in _assaults_of_bombings(drafts):
        toll = None
        if d.sentences == [-1] and (d.fatalities is not None or d.injuries is not None):
            toll = (d.fatalities, d.injuries)
            d = copy_draft(d)
            d.fatalities = d.injuries = None
            d.side_tolls = {}
        target = None
        for m in merged:
            if m.event_type != d.event_type or not (same_place(m.place, d.place) or _same_gate(m, d)):
                continue
            if d.event_type == "border_closure" and (m.sub_event_type == "reopening") != (
                d.sub_event_type == "reopening"
            ):
                continue  # a closure and the reopening that ends it are two events
            if _repeat_apart(m, d) or _other_kind_apart(m, d) or _earlier_apart(m, d):
                continue
            if _headline_apart(m, d, told_lead):
                continue  # "the crossing was shut again" on another day: a second closure
            if (
                m.date_rank <= 1
                and d.date_rank <= 1
                and m.date is not None
                and d.date is not None
                and not _close(m.date, d.date, _apart_days(m, d))
            ):
                # "the same cantonment was bombed in July last year": each
                # mention dated in its own sentence, months apart, is an
                # incident of its own (its toll is not this one's).
                continue
            if d.event_type == "talks":
                if m.ended != d.ended:
                    continue
                if not _close(m.date, d.date, 1 if d.ended else 3):
                    continue
            target = m
            break
        if target is None:
            target = d if own else copy_draft(d)
            merged.append(target)
        else:
            _absorb(target, d)
        if toll is not None:
            headline_tolls[id(target)] = toll
    for m in merged:
        if id(m) in headline_tolls:
            dead, hurt = headline_tolls[id(m)]
            m.fatalities, m.injuries = _larger(m.fatalities, dead), _larger(m.injuries, hurt)
    # the lead as told, before the whole border or a province yields to the
    # places named for it (which may leave the lead sentence's other
    # incident, "four days after air strikes in Paktika", first)
    lead = _lead_date(merged, published) or _lead_date(merged, published, kinds=None)
    merged = _fold_border_into_located(_fold_headline_elsewhere(_fold_provinces(_fold_shelling_into_fighting(merged))))
    merged = _fold_town_into_measured(merged)
    # A finished round with no date of its own is background, not an event.
    merged = [m for m in merged if not (m.event_type == "talks" and m.ended and (m.date is None or m.date.start < 0))]
    if published is not None:  # without it, a weekday told in the body is no day at all
        _headline_day(merged)
    _day_of_siblings(merged)
    for m in merged:
        if m.date is None and lead is not None and not _other_round(m, merged, lead):
            # "Afghan forces had fired on posts in Kurram", "troops were
            # putting up a fence", undated, in a report of Saturday's
            # fighting: the day of the lead incident (of any type when no
            # violent one has a day of its own).
            m.date, m.date_rank = lead, 3
        if m.date is None and published is not None:
            # Undated: the published date, a week wide, and less confidence.
            m.date, m.date_rank = published_fallback(published), 3
            m.confidence -= 0.1
        _finish(m)
    return merged


_VIOLENT = ("armed_clash", "airstrike", "explosion")


def _headline_day(events: list[DraftEvent]) -> None:
    """A headline tells one news day: an event it names that the body dates
    only by carrying a nearby date (or not at all) takes the day the body
    gives another event of the headline ("Border troops clash over fencing":
    the fence work is the clash's day, not the month of talks told last)."""
    told = [e for e in events if -1 in e.sentences and e.date is not None and e.date_rank <= 1]
    days = [e for e in told if e.date.precision == "day"]
    if not days:
        return
    day = min(days, key=lambda e: (e.date_rank, sorted(e.sentences)[1:2] or [99])).date
    for e in events:
        # An undated violent event takes the lead's day instead (below).
        if -1 in e.sentences and (e.date_rank == 2 or e.date is None and e.event_type not in _VIOLENT):
            e.date, e.date_rank = day, 2


def _other_round(ev: DraftEvent, events: list[DraftEvent], lead: DateMention) -> bool:
    """Whether undated talks (``ev``) would take the day of a round held at
    another venue as the report's lead ("talks continue in Istanbul" and
    "the first round was held in Doha on October 19"): rounds at two venues
    are two meetings, on two days."""
    return ev.event_type == "talks" and any(
        o.event_type == "talks" and o.date is lead and not same_place(o.place, ev.place) for o in events
    )


def _day_of_siblings(events: list[DraftEvent]) -> None:
    """ "Rockets hit Dangam, Sheltan and Khas Kunar. The firing of rockets
    began on Monday afternoon.": one incident told at several places in
    one sentence with no day, then dated where it is told again at some of
    them; a place not named again (Dangam) takes the day its siblings were
    given, when they agree on one."""
    for ev in events:
        if ev.date is not None or not ev.sentences:
            continue
        first = min(ev.sentences)
        days = {
            o.date.date
            for o in events
            if o is not ev
            and o.event_type == ev.event_type
            and o.date is not None
            and o.date.precision == "day"
            and o.sentences
            and min(o.sentences) == first
            and len(o.sentences) > 1
        }
        if len(days) == 1:
            day = next(o.date for o in events if o is not ev and o.date is not None and o.date.date in days)
            ev.date, ev.date_rank = day, 2


def _lead_date(events: list[DraftEvent], published: dt.date | None, kinds=_VIOLENT) -> DateMention | None:
    """The day of the article's lead incident: the first event of ``kinds``
    (violent ones; ``None``: any) told with a day of its own in the week
    before publication."""
    if published is None:
        return None
    dated = [
        e
        for e in events
        if (kinds is None or e.event_type in kinds)
        and e.date is not None
        and e.date_rank == 0
        and e.date.precision == "day"
        and 0 <= (published - e.date.date).days <= 7
    ]
    if not dated:
        return None
    # (an incident dated as "four days after" the one reported is not the lead)
    return min(dated, key=lambda e: (min(e.sentences), e.date.kind == "relative")).date


def _finish(ev: DraftEvent) -> None:
    if ev.date is not None:
        ev.event_date, ev.date_precision = ev.date.iso(), ev.date.precision
    ev.confidence = round(ev.confidence, 2)


def merge_across_articles(drafts: list[DraftEvent], days: int = 1) -> list[DraftEvent]:
    """Join the same incident reported by several articles, keeping all sources.

    Two drafts are one incident when type and place agree and their dates
    are at most ``days`` apart (undated drafts never join). The result
    carries every ``doc_id`` in ``doc_ids``; its source fields list every
    source separated by `` | ``.
    """
    out: list[DraftEvent] = []
    for d in drafts:
        target = None
        for m in out:
            if (
                m.event_type == d.event_type
                and same_place(m.place, d.place)
                and m.date is not None
                and d.date is not None
                and _close(m.date, d.date, days)
                and d.doc_id not in m.doc_ids
            ):
                target = m
                break
        if target is None:
            new = copy_draft(d)
            new.doc_ids = [d.doc_id]
            out.append(new)
            continue
        target.doc_ids.append(d.doc_id)
        for attr in ("source_title", "source_publisher", "source_published", "source_url"):
            setattr(target, attr, getattr(target, attr) + " | " + getattr(d, attr))
        _absorb(target, d)
        _finish(target)
    return out
