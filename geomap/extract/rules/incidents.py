"""Which incidents a sentence reports: its triggers grouped into one
group per incident to place and date.

Shelling answered by the other side is an exchange of fire
(:func:`_answered`); an attack made with a bomb is a bombing
(:func:`_attack_or_bombing`); works of different kinds, and a closure and
its reopening told with days of their own, are apart (:func:`_groups`,
:func:`_closure_apart`); talks that are only the time of another incident
(:func:`_backdrop`), plans and causes are no round of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..dates import DateMention
from ..gates import Gated
from ..merging import same_place
from ..numbers import attackers_toll, find_casualties
from ..places import Mention
from ..scanned import ScannedSentence
from ..types import VIOLENT, Trigger, find_triggers
from .clauses import _clause_of, clauses
from .dated_parts import dated_parts
from .sides import meeting_at_home
from .state import SPREAD_TYPES, ArticleState, _gap, _placed_at
from .tolls import _NONE_TOLD, _TOLL_ONLY

#: "militants have carried out attacks": a standing pattern, not an incident.
_GENERIC_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:carried\s+out|staged|launched|conducted|mounted|"
    r"been\s+(?:carrying\s+out|staging|launching))\b",
    re.I,
)
_GENERIC_PERFECT = Gated(_GENERIC_PERFECT, "have", "has")
#: "remained shut", "was still closed": a closure that goes on.
_CONTINUES = re.compile(
    r"\b(?:remained|remains|remain|stayed|stays|stay|still|kept|keeps|continued\s+to\s+be)\s+(?:\w+\s+)?$", re.I
)
_CONTINUES = Gated(_CONTINUES, "remain", "stay", "still", "kept", "keeps", "continued")
#: "remains closed", "is still shut": a closure going on as the report is written.
_NOW = re.compile(r"\b(?:remains|remain|stays|stay|is\s+still|are\s+still)\s+(?:\w+\s+)?$", re.I)
_NOW = Gated(_NOW, "remain", "stay", "still")


#: "..., and the other side retaliated": the fire was answered.
_REPLY = re.compile(
    r"\b(?:troops|forces|soldiers|guards|side|army)\s+(?:\w+\s+){0,2}?"
    # (not "retaliated by closing the crossing": an answer of another kind)
    r"(?:responded|replied|retaliated|returned\s+(?:the\s+)?fire|fired\s+back|hit\s+back)\b(?!\s+by\b)",
    re.I,
)
_REPLY_WORDS = ("responded", "replied", "retaliated", "returned", "fired back", "hit back")


def _answered(sentence: str, low: str, blasts: list[Trigger]) -> bool:
    """Is the shelling of ``blasts`` answered by the other side after it in
    the sentence ("fired mortar shells into the town, and Pakistani troops
    responded")? Only shelling is fire that is answered; a bomb is not."""
    if not any(w in low for w in _REPLY_WORDS) or any(t.sub_event_type != "shelling" for t in blasts):
        return False
    return _REPLY.search(sentence, max(t.end for t in blasts)) is not None


#: "attacked the post with a car bomb": the bomb is how the attack was made.
_WITH_BETWEEN = re.compile(r"\b(?:with|using)\b", re.I)
_WITH_BETWEEN = Gated(_WITH_BETWEEN, "with", "using")


def _attack_or_bombing(sentence: str, attacks: list[Trigger], blasts: list[Trigger]) -> str | None:
    """Which of an attack and a blast told together is not an incident of its own.

    "Mortar rounds were fired at a post", "attacked the police station with
    grenades and gunfire": shells and grenades aimed at a post or a station
    are the weapons of an attack on it (GOLD_FORMAT: attacks on border posts
    are clashes), so the explosion goes. "Gunmen and a suicide bomber
    attacked the headquarters", "attacked the post with a car bomb": the
    bomber or bomb made the attack, a bombing, so the clash goes. "Checkpost
    ambush and hospital suicide blast": an attack named before a bombing and
    not made with it is another incident; both stay (None).
    """
    if all(x.sub_event_type in ("shelling", "grenade_attack") for x in blasts):
        # (only in the attack's own clause: "attacked posts in Kurram, and
        # shelling hit villages in Paktia" are two incidents)
        spans = clauses(sentence)
        own = {_clause_of(spans, t.start) for t in attacks}
        return "explosion" if all(_clause_of(spans, x.start) in own for x in blasts) else None
    bombs = [x for x in blasts if x.sub_event_type not in ("shelling", "grenade_attack")]
    first = min(t.start for t in attacks)
    if any(x.start < first for x in bombs) or any(
        _WITH_BETWEEN.search(sentence, t.end, x.start) for t in attacks for x in bombs if x.start > t.end
    ):
        return "armed_clash"
    return None


#: Closures named as nouns: with "the" they refer to one told before.
_CLOSURE_NOUNS = ("closure", "blockade", "suspension", "shutdown", "sealing", "closing")


def _groups(by_type: dict[str, list[Trigger]], days: int = 0, sentence: str = "") -> list[tuple[str, list[Trigger]]]:
    """The triggers of each type, one group per incident to place.

    Works of different kinds told in one sentence ("laying fence in Mohmand
    and completing forts in Khyber") are apart: each kind takes the place
    nearest to its own words. Other types keep one group. Works come last:
    one told only "along the border" takes the place of the attack on its
    men told in the same sentence (:func:`_attacked_work`). ``days`` is how
    many dates of days ``sentence`` tells (not durations).
    """
    out: list[tuple[str, list[Trigger]]] = []
    works: list[tuple[str, list[Trigger]]] = []
    for etype, trigs in by_type.items():
        if etype == "border_closure" and days > 1:
            subs = {t.sub_event_type for t in trigs if not t.weak}
            # ("the closure" names one told before; "the crossing was closed" does not)
            closing = [
                t
                for t in trigs
                if t.sub_event_type != "reopening"
                and not t.weak
                and not (t.anaphoric and sentence[t.start : t.end].lower().startswith(_CLOSURE_NOUNS))
            ]
            if len(subs) > 1 and closing:
                # "reopened on Wednesday, two months after it was closed on March
                # 16": the closure and the reopening that ends it, each told with
                # its own day, are two events (as when told in two sentences);
                # not "reopened on Friday after being closed for four weeks", nor
                # "the closure was relaxed on March 7 and 8".
                out.append((etype, [t for t in trigs if t.sub_event_type == "reopening"]))
                out.append((etype, closing))
                continue
        if etype != "fortification":
            out.append((etype, trigs))
            continue
        subs = {t.sub_event_type for t in trigs if not t.weak}
        if len(subs) < 2:
            works.append((etype, trigs))
        else:
            for sub in sorted(subs, key=lambda x: min(t.start for t in trigs if t.sub_event_type == x)):
                works.append((etype, [t for t in trigs if t.sub_event_type == sub]))
    return out + works


def _closure_apart(
    sentence: str, trigs: list[Trigger], dates: list[DateMention], published: dt.date | None
) -> list[tuple[list[Trigger], list[DateMention]]]:
    """A closure and a reopening told in one sentence, each with a date of
    its own ("closed on Friday and reopened on Sunday", "reopened in March
    but was closed again in July", "reopened on Monday after remaining
    closed for three weeks"): the reopening's triggers and the closure's,
    each with the dates told after its words ("the crossings were reopened,
    having been closed since mid-February": the reopening has none of its
    own). Empty when the closure has no date of its own ("closed and
    reopened on Monday", "reopened on Monday after the closure"): they stay
    one group, dated as before.

    A duration told with the closure ("for three weeks") counts back from
    the reopening's day, not from the day of the report.
    """
    strong = [t for t in trigs if not t.weak]
    opened = [t for t in strong if t.sub_event_type == "reopening"]
    # ("the closure of Torkham was eased on May 7": the closure told before)
    shut = [
        t
        for t in strong
        if t.sub_event_type != "reopening"
        and not (t.anaphoric and sentence[t.start : t.end].lower().startswith(_CLOSURE_NOUNS))
    ]
    usable = [d for d in dates if not d.statement and d.kind != "prev"]
    if not opened or not shut or not usable:
        return []
    told: dict[bool, list[DateMention]] = {True: [], False: []}
    own = False  # the closure has a date of its own
    for d in usable:
        # a date follows its verb ("closed on May 3 and reopened it on May
        # 9", "closed since March 16, reopened on Monday"); one before them
        # all ("In March, ...") is both's
        near = max((t for t in strong if t.start < d.start), key=lambda t: t.start, default=None)
        if near is None:
            told[True].append(d)
            told[False].append(d)
        else:
            told[near.sub_event_type == "reopening"].append(d)
            # (a length alone, "after being shut for four weeks", is no date
            # of the closure's own: one reopening, as the gold keeps it)
            own = own or (near.sub_event_type != "reopening" and d.kind not in ("for", "nth"))
    if not own:
        return []
    days = [d for d in told[True] if d.precision == "day" and d.kind != "for"]
    if days and published is not None:
        since = days[0].date - published
        told[False] = [replace(d, date=d.date + since) if d.kind == "for" else d for d in told[False]]
    parts = [(opened, told[True]), (shut, told[False])]
    return sorted(parts, key=lambda part: part[0][0].start)


#: Talks still to come: "will meet", "is expected to meet", "the next round".
_FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:expected|due|scheduled|set|plans?|planned|agreed)\s+to|next|upcoming)\b", re.I
)


#: Talks told as the cause of another event: "reopened after talks".
_CAUSE_BEFORE = re.compile(r"\b(?:after|following)\s+(?:(?:fresh|new|brief|lengthy|[\w-]+-level)\s+)?$", re.I)
#: Talks not yet fixed, told anywhere in the sentence: "no date has been
#: set", "a date had not been fixed", "has been promised".
_NO_DATE_YET = re.compile(
    r"\bno\s+(?:firm\s+|new\s+)?dates?\s+(?:(?:has|had|have)\s+(?:yet\s+)?been|was|were|is|are)\s+(?:yet\s+)?"
    r"(?:set|fixed|given|announced|agreed|finali[sz]ed)\b|"
    r"\bdates?\s+(?:(?:has|had|have)\s+not|was\s+not|is\s+not|(?:has|had|have)\s+yet\s+to)\s+(?:yet\s+)?(?:been\s+|be\s+)?"
    r"(?:set|fixed|given|announced|agreed|finali[sz]ed)\b|"
    r"\b(?:(?:has|have|had)\s+been|was|were|is|are)\s+promised\b",
    re.I,
)


#: "while the delegations were still meeting", "even as the talks went on":
#: a clause that sets the time of the incident the sentence reports.
_WHILE_CLAUSE = re.compile(r"\s*(?:even\s+)?(?:while|as)\b", re.I)


def _backdrop(sentence: str, trigs: list[Trigger], triggers: list[Trigger], mentions: list[Mention]) -> bool:
    """Are the talks ``trigs`` only the time of another incident ("On
    Thursday, while the delegations were still meeting, troops traded fire
    near Chaman")? Told in a while/as clause that names no place of its
    own, beside a trigger of another type outside it: the talks are those
    reported elsewhere, not a round of their own."""
    for t in trigs:
        lo = max(sentence.rfind(",", 0, t.start), sentence.rfind(";", 0, t.start)) + 1
        hi = min((i for i in (sentence.find(",", t.end), sentence.find(";", t.end)) if i >= 0), default=len(sentence))
        if not _WHILE_CLAUSE.match(sentence, lo) or any(lo <= m.start < hi for m in mentions):
            return False
        if not any(o.event_type != "talks" and not lo <= o.start < hi for o in triggers):
            return False
    return True


def _sentence_triggers(
    sent: ScannedSentence, mentions: list[Mention], ctx: ArticleState
) -> tuple[list[Trigger], bool, list[tuple[int, str]]]:
    """The triggers of a sentence, weak ones given the type of the incident
    they continue; whether the sentence continues the violent incident just
    told; and the strikes or blasts told just before with no place that it
    may place (sentence index and type).

    A trigger made here with none found in the sentence must stay within
    :data:`.sentence.TOLL_AFTER` sentences of an incident told (see
    :func:`.sentence.may_report`, which the extractor's gate reads).
    """
    idx, sentence = sent.index, sent.text
    triggers = sent.cached(find_triggers)
    continued = False  # the sentence continues the violent incident just told
    last = ctx.last_violent
    if not triggers and last is not None and 0 < _gap(idx, last[0]) <= 2 and "killing" in sent.low:
        # "the troops repulsed them, killing at least eight of the
        # militants": the attackers' dead of the attack just told.
        at = sent.low.index("killing")
        if attackers_toll(sentence, sent.cached(find_casualties)):
            triggers = [Trigger("armed_clash", "border_fighting", at, at + 7, weak=True)]
    if (
        not triggers
        and last is not None
        and 0 < _gap(idx, last[0]) <= 2
        and ("bodies" in sent.low or "injur" in sent.low or "wound" in sent.low)
        and _TOLL_ONLY.search(sentence)
    ):
        # "221 people had been treated for injuries", "two bodies were found
        # at the site": a toll in words no trigger reads, right after the
        # incident, is that incident's.
        toll = sent.cached(find_casualties)
        if toll.fatalities or toll.injuries:
            m = _TOLL_ONLY.search(sentence)
            triggers = [Trigger("armed_clash", "border_fighting", m.start(), m.end(), weak=True)]
    if (
        not triggers
        and last is not None
        and 0 < _gap(idx, last[0]) <= 2
        and ("no" in sent.low)
        and (m := _NONE_TOLD.search(sentence)) is not None
    ):
        # "Shells landed near the crossing on Tuesday. No one was hurt.":
        # the toll (none) of the incident just told (the negation that
        # drops "hurt" as a trigger is the toll here).
        triggers = [Trigger("armed_clash", "border_fighting", m.start(), m.end(), weak=True)]
    waiting = []  # a strike or blast just told with no place, which this sentence may place
    if triggers and all(t.weak and t.event_type == "armed_clash" for t in triggers):
        waiting = [
            (at, et)
            for et, at in ctx.unplaced.items()
            if et in SPREAD_TYPES and 0 < _gap(idx, _placed_at(ctx, et)) <= 2 and (last is None or last[0] < at)
        ]
    if waiting:
        # "Air strikes in two eastern provinces killed 36. In Khost, 30 were
        # killed in villages of Sperah district.", "... after helicopters
        # attacked two posts. The attack took place on the Salala posts":
        # the toll or the place of the strike or blast just told with no
        # place (no placed incident told after it).
        kind = max(waiting)[1]
        triggers = [replace(t, event_type=kind) for t in triggers]
    elif not any(not t.weak for t in triggers):
        if (
            last is not None
            and triggers
            and all(t.event_type == "armed_clash" for t in triggers)
            and (0 < _gap(idx, last[0]) <= 2 or (idx > last[0] and all(t.sub_event_type == "toll" for t in triggers)))
        ):
            # "A woman was killed and six were injured." after a report of
            # shelling: the toll of that incident, whatever its type; a
            # "death toll" later in the article is the last incident's.
            # "... struck Kabul. At least 12 were killed in Spin Boldak.":
            # the incident whose place the toll names, else the last told.
            named = [m.place for m in mentions if m.place is not None and m.role == "place"]
            fits = [et for et in VIOLENT if et in ctx.by_type and any(same_place(ctx.by_type[et], p) for p in named)]
            kind = last[1] if last[1] in fits or not fits else fits[0]
            triggers = [replace(t, event_type=kind) for t in triggers]
            continued = last[0] != ctx.related_at
    else:
        triggers = [t for t in triggers if not t.weak]
    if any(t.event_type == "explosion" and t.anaphoric for t in triggers) and "airstrike" in ctx.by_type:
        triggers = _strike_named_again(sent, mentions, ctx, triggers)
    if any(t.event_type == "talks" for t in triggers) and meeting_at_home(sentence, mentions):
        # "the district officer met elders of the border villages": no talks
        triggers = [t for t in triggers if t.event_type != "talks"]
    return triggers, continued, waiting


#: Words of a blast that also tell an air strike felt on the ground.
_BLAST_WORDS = ("bombard", "bombing", "explosion", "blast")


def _strike_named_again(
    sent: ScannedSentence, mentions: list[Mention], ctx: ArticleState, triggers: list[Trigger]
) -> list[Trigger]:
    """ "Pakistani jets struck Barmal. Residents said the bombardment lasted an
    hour.": a definite bombardment, bombing, explosion or blast told after an
    air strike (within two sentences, or at its place) and with no other
    violent incident in its sentence is that strike, named again from the
    ground (one incident, one type)."""
    if any(t.event_type in VIOLENT and t.event_type != "explosion" and not t.weak for t in triggers):
        return triggers
    last = ctx.last_violent
    near = last is not None and last[1] == "airstrike" and 0 < _gap(sent.index, last[0]) <= 2
    struck = ctx.by_type["airstrike"]
    at = any(m.place is not None and m.role == "place" and same_place(m.place, struck) for m in mentions)
    if not (near or at):
        return triggers
    low = sent.low
    return [
        replace(t, event_type="airstrike", sub_event_type="airstrike")
        if t.event_type == "explosion"
        and t.anaphoric
        and t.sub_event_type in ("shelling", "explosion")
        and low.startswith(_BLAST_WORDS, t.start)
        else t
        for t in triggers
    ]


def _triggers_by_type(sentence: str, low: str, triggers: list[Trigger]) -> dict[str, list[Trigger]]:
    """The triggers of each type, an answered shelling made an exchange of
    fire and an attack made with a bomb one incident, not two."""
    by_type: dict[str, list[Trigger]] = {}
    for t in triggers:
        by_type.setdefault(t.event_type, []).append(t)
    if "explosion" in by_type and _answered(sentence, low, by_type["explosion"]):
        # "guards lobbed mortars at a position, and the other side retaliated
        # with heavy guns": shelling answered is an exchange of fire.
        answered = [
            replace(t, event_type="armed_clash", sub_event_type="exchange_of_fire") for t in by_type.pop("explosion")
        ]
        by_type["armed_clash"] = sorted(by_type.get("armed_clash", []) + answered, key=lambda t: t.start)
    if (
        "explosion" in by_type
        and "armed_clash" in by_type
        and all(
            t.sub_event_type == "attack" and any(abs(t.start - x.start) <= 60 for x in by_type["explosion"])
            for t in by_type["armed_clash"]
        )
    ):
        drop = _attack_or_bombing(sentence, by_type["armed_clash"], by_type["explosion"])
        if drop is not None:
            del by_type[drop]
    return by_type


def _incident_groups(
    sentence: str,
    by_type: dict[str, list[Trigger]],
    dates: list[DateMention],
    usable_dates: list[DateMention],
    published: dt.date | None,
) -> list[tuple[str, list[Trigger], list[DateMention] | None]]:
    """The triggers of each incident to place, with the dates of its own
    when a closure and a reopening are told apart (else ``None``)."""
    groups = _groups(by_type, sum(d.kind not in ("for", "nth") for d in usable_dates), sentence)
    # "closed on Friday and reopened on Sunday": a closure and a reopening
    # told with a day each are two events, each with its own dates
    # (each part with the dates told after its words: in place of the parts
    # _groups makes when two days are told)
    apart = _closure_apart(sentence, by_type.get("border_closure", []), dates, published)
    if apart:
        at = next(i for i, (et, _) in enumerate(groups) if et == "border_closure")
        groups = (
            [g for g in groups[:at] if g[0] != "border_closure"]
            + [("border_closure", trigs) for trigs, _ in apart]
            + [g for g in groups[at:] if g[0] != "border_closure"]
        )
    out = [(etype, trigs, next((told for part, told in apart if part is trigs), None)) for etype, trigs in groups]
    return _split_dated(sentence, out, dates)


def _split_dated(
    sentence: str, groups: list[tuple[str, list[Trigger], list[DateMention] | None]], dates: list[DateMention]
) -> list[tuple[str, list[Trigger], list[DateMention] | None]]:
    """Each group not yet told apart, split into the clauses that tell it
    with a date of their own (:func:`.dated_parts.dated_parts`). Not talks:
    rounds have rules of their own (a next round "agreed" for another day,
    :mod:`.rounds`), and a meeting told beside a visit is no other round."""
    out = []
    for etype, trigs, told in groups:
        parts = dated_parts(sentence, trigs, dates) if told is None and etype != "talks" else None
        if parts is None:
            out.append((etype, trigs, told))
        else:
            out += [(etype, part, own) for part, own in parts]
    return out


def _closure_going_on(
    sentence: str, trigs: list[Trigger], dates: list[DateMention]
) -> tuple[list[Trigger], bool, bool, list[int]]:
    """A closure's triggers that tell it begin (all when none does);
    whether it is told only as going on ("was still shut on Tuesday"), and
    going on as the report is written ("remains closed"); and the ends of
    the triggers of it going on beside one that begins."""
    # "closed on Friday ..., and it remained shut on Saturday": the
    # closure began on the first day; the rest continues it.
    began = [t for t in trigs if not _CONTINUES.search(sentence, max(0, t.start - 25), t.start)]
    # "stayed shut for a week", "for a third day": the count tells
    # when the closure began, so it is dated like one that begins.
    # ("remains closed, and gave no date for its reopening": the
    # reopening is none).
    goes_on = not [t for t in began if t.sub_event_type != "reopening"] and len(began) < len(trigs)
    goes_on = goes_on and not any(d.kind in ("for", "nth") for d in dates)
    # "remains closed": going on as the report is written
    goes_on_now = goes_on and any(_NOW.search(sentence, max(0, t.start - 25), t.start) for t in trigs)
    # "closed after the clash and remained shut on Tuesday": the day
    # told with the closure going on is not the day it began.
    going = [t.end for t in trigs if t not in began] if began else []
    trigs = began or trigs
    return trigs, goes_on, goes_on_now, going
