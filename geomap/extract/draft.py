"""The draft event: a located event drafted from sentences of an article."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..geocoders.base import Place
from .dates import DateMention


@dataclass
class DraftEvent:
    """A located event drafted from one or more sentences of an article."""

    doc_id: str
    event_type: str
    sub_event_type: str
    place: Place
    event_date: str = ""
    date_precision: str = ""
    actor1: str = ""
    actor2: str = ""
    fatalities: int | None = None
    injuries: int | None = None
    confidence: float = 0.5
    excerpt: str = ""
    source_title: str = ""
    source_publisher: str = ""
    source_published: str = ""
    source_url: str = ""
    #: Internal: sentence indexes, the date object, talks round over.
    sentences: list[int] = field(default_factory=list)
    date: DateMention | None = None
    #: How the date was found: 0 in the sentence, 1 in the sentence of a weak
    #: trigger, 2 carried from a sentence before, 3 the published date.
    date_rank: int = 0
    ended: bool = False
    #: The toll is a party's claim ("the Taliban claimed to have killed 19"):
    #: an official or reported toll of the same incident wins over it.
    claimed: bool = False
    #: The toll is attackers killed, told after the attack ("the troops
    #: repulsed them, killing eight of the militants"): it adds to the
    #: attack's toll (the gold counts everyone an incident killed).
    added_toll: bool = False
    #: Tolls told as one side's losses, ``{"PK"|"AF": (fatalities,
    #: injuries)}`` (:func:`geomap.extract.numbers.toll_side`): each side
    #: reports its own, and the gold adds both sides of one incident.
    side_tolls: dict = field(default_factory=dict)
    #: Told as happening again ("the crossing was shut again"): a repeat of
    #: an incident of its type and place told on another day, not that one.
    repeated: bool = False
    doc_ids: list[str] = field(default_factory=list)

    @property
    def location(self) -> str:
        return self.place.name

    def to_row(self) -> dict:
        """The row written to the drafts CSV (see :data:`geomap.extract.io.COLUMNS`)."""
        p = self.place
        return {
            "doc_id": ";".join(self.doc_ids) if self.doc_ids else self.doc_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "event_date": self.event_date,
            "date_precision": self.date_precision,
            "location": p.name,
            "country": p.country,
            "latitude": f"{p.lat:.5f}",
            "longitude": f"{p.lon:.5f}",
            "geo_precision": p.precision,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "fatalities": "" if self.fatalities is None else self.fatalities,
            "injuries": "" if self.injuries is None else self.injuries,
            "confidence": f"{self.confidence:.2f}",
            "excerpt": self.excerpt,
            "source_title": self.source_title,
            "source_publisher": self.source_publisher,
            "source_published": self.source_published,
            "source_url": self.source_url,
        }


def copy_draft(d: DraftEvent) -> DraftEvent:
    """A copy whose sentence list can grow.

    What ``copy.copy`` does, without its generic ``__reduce_ex__`` path
    (``dataclasses.replace`` is slower still): one per draft adds up.
    """
    new = object.__new__(DraftEvent)
    new.__dict__.update(d.__dict__)
    new.sentences = list(d.sentences)
    return new
