"""What one article shares and what its earlier sentences established.

:class:`ArticleInfo` holds the article, its place finder and its parties;
:class:`ArticleState` what the sentences read so far told (places, the
crossing in context, dates, the last incident of each type), which the
rules of the later sentences read and :func:`.sentence.sentence_events`
updates. Also the event types the rules treat alike (:data:`BORDER_TYPES`,
:data:`SPREAD_TYPES`, ...) and the sentence gap between two sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ...geocoders.base import Place
from ..actors import ACTORS
from ..dates import DateMention
from ..numbers import Casualties
from ..places import PlaceFinder
from ..reading import Article

REGION = ("AF", "PK", "")
#: Types that happen on the border: with no place of their own they continue
#: the last crossing named, else the border as a whole.
BORDER_TYPES = ("armed_clash", "border_closure", "trade_disruption", "fortification")
#: Types where one sentence often lists several places hit ("strikes in
#: Barmal and a village in Sperah"): each place after the trigger is an event.
SPREAD_TYPES = ("airstrike", "explosion")
#: States a report tells as they stand: trucks stranded, a crossing shut.
_STATES = ("trade_disruption", "border_closure")
#: Parties to the conflict, named before mediators in talks.
_PARTIES = ("Pakistan", "Afghan Taliban", "TTP")
#: The party listed last in :data:`geomap.extract.actors.ACTORS`.
_LAST_PARTY = max(_PARTIES, key=[name for name, _ in ACTORS].index)


@dataclass
class ArticleState:
    """What earlier sentences of the article established."""

    by_type: dict[str, Place] = field(default_factory=dict)
    #: Every place given to an event of each type so far.
    type_places: dict[str, set[Place]] = field(default_factory=dict)
    crossing: Place | None = None
    #: The crossings named together in the last sentence that named any
    #: ("Torkham and Chaman"), for "both crossings" and "sealed them".
    crossings: list[Place] = field(default_factory=list)
    venues: list[Place] = field(default_factory=list)
    #: The places the text itself called by a kind noun ("the Sambaza area",
    #: "Dangam district"), with that noun: what "the area" points back to.
    called: list[tuple[str, Place]] = field(default_factory=list)
    dates: list[tuple[int, DateMention]] = field(default_factory=list)
    #: Sentence index and place of the last place named near the line.
    line_place: tuple[int, Place] | None = None
    #: The places the headline names, and the town of the dateline.
    lead_places: list[Place] = field(default_factory=list)
    dateline: Place | None = None
    #: Every place the article names, for turning "talks in Turkey" into the city.
    venues_all: list[Place] = field(default_factory=list)
    #: Year and month of the last timeline heading ("March 2026: ...").
    year_hint: tuple[int, int] | None = None
    #: The days told with the events of each type, in the text's order.
    type_days: dict[str, list[DateMention]] = field(default_factory=dict)
    #: Sentence index and date of the last dated event of each type.
    type_dates: dict[str, tuple[int, DateMention]] = field(default_factory=dict)
    #: Sentence index and the last day told in the text, a statement's too
    #: ("the spokesman said on Wednesday"): what "a day earlier" counts from.
    last_day: tuple[int, DateMention] | None = None
    #: Sentence index and type of the last violent incident reported.
    last_violent: tuple[int, str] | None = None
    #: Sentence index and places of the last report of each violent type.
    told_places: dict[str, tuple[int, list[Place]]] = field(default_factory=dict)
    #: Sentence index of the last incident of each type reported with no
    #: place ("aircraft bombed two areas in eastern Afghanistan").
    unplaced: dict[str, int] = field(default_factory=dict)
    #: The sub-type and toll of the last strike or blast told with no place,
    #: for the sentence that places it ("The attack took place on ...").
    unplaced_told: dict[str, tuple[str, Casualties]] = field(default_factory=dict)
    #: Sentence index of the unplaced incident (:attr:`unplaced`) of each
    #: type whose places later sentences told, and of the last of those: a
    #: sentence right after may add one.
    unplaced_placed: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: Sentence index of the last sentence that relates an incident to
    #: another ("The bombing came a day after militants stormed ..."): a
    #: toll told next may be either one's.
    related_at: int = -99
    #: Types whose last sentence placed the incident at several places
    #: ("posts at Angoor Adda, Bajaur, Kurram and Chitral"): a toll told
    #: after it with no place is not any one place's.
    spread: set[str] = field(default_factory=set)
    #: Sentences that told a past round of talks after the talks of the
    #: report ("the first round was held in Doha on October 19"): their day
    #: is no day of the talks told next.
    past_rounds: set[int] = field(default_factory=set)
    #: The day of the live blog entry being read, posted at a time of the
    #: published day ("**13:05 PKT** - ..."); ``None`` outside such entries.
    entry_day: DateMention | None = None


@dataclass
class ArticleInfo:
    """What every sentence of one article shares.

    Attributes
    ----------
    article : Article
    finder : PlaceFinder
    doc_actors : callable
        Returns the article's parties (found once, when first needed).
    unlocated : list or None
        Receives ``(doc_id, event_type, sentence)`` of events with no place.
    """

    article: Article
    finder: PlaceFinder
    doc_actors: Callable[[], list[str]]
    unlocated: list | None = None


def _placed_at(ctx: ArticleState, etype: str) -> int:
    """The sentence that told the unplaced incident of ``etype``, or the last
    one that placed it."""
    at = ctx.unplaced[etype]
    placed = ctx.unplaced_placed.get(etype)
    return placed[1] if placed is not None and placed[0] == at else at


def _gap(idx: int, earlier: int) -> int:
    return idx - earlier if earlier >= 0 else idx + 1
