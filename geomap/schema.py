"""The event and source schema: allowed values, columns, ACLED mapping.

One place defines what a valid event row is; :mod:`geomap.curated` applies it.
"""

from __future__ import annotations

EVENT_TYPES: tuple[str, ...] = (
    "armed_clash",
    "airstrike",
    "explosion",
    "border_closure",
    "trade_disruption",
    "talks",
    "fortification",
    "other",
)

#: Human labels for the legend and exports.
EVENT_LABELS: dict[str, str] = {
    "armed_clash": "Armed clash",
    "airstrike": "Air strike",
    "explosion": "Explosion",
    "border_closure": "Border closure",
    "trade_disruption": "Trade disruption",
    "talks": "Talks",
    "fortification": "Fortification",
    "other": "Other",
}

#: Types an article can report (the extractor's); ``other`` only comes from
#: imported datasets (rows outside our seven types, labelled with their own type).
EXTRACTED_TYPES: tuple[str, ...] = tuple(t for t in EVENT_TYPES if t != "other")

DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month")

#: 1 exact place, 2 near/district, 3 province/region, 4 country or whole border.
GEO_PRECISIONS: dict[int, str] = {
    1: "exact place",
    2: "near place / district",
    3: "province / region",
    4: "country / whole border",
}

VERIFIED_VALUES: tuple[str, ...] = ("curated", "draft")

#: Columns of ``geodata/events.csv``. ``required`` must be present and
#: non-empty in every row; the others may be blank.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_type",
    "sub_event_type",
    "event_date",
    "date_precision",
    "location",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "actor1",
    "actor2",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injuries",
    "sources",
    "verified",
    "note",
    "excerpt",
    # imported datasets (see geomap.importers): which dataset the row is from,
    # its own type and precision codes, and its other columns (JSON object)
    "dataset",
    "source_type",
    "source_precision",
    "details",
)
EVENT_REQUIRED: tuple[str, ...] = (
    "event_id",
    "event_type",
    "event_date",
    "date_precision",
    "location",
    "geo_precision",
    "sources",
)

SOURCE_COLUMNS: tuple[str, ...] = ("source_id", "publisher", "title", "published", "url")
SOURCE_REQUIRED: tuple[str, ...] = ("source_id", "publisher", "title", "published")

#: Between the source ids of an event's ``sources`` cell.
SOURCES_SEPARATOR = ";"


def parse_source_ids(cell: str) -> tuple[str, ...]:
    """The source ids of a ``sources`` cell: stripped, blanks dropped, each once, in order.

    >>> parse_source_ids(" S1;S2;;S1 ")
    ('S1', 'S2')
    """
    return tuple(dict.fromkeys(s.strip() for s in cell.split(SOURCES_SEPARATOR) if s.strip()))


def format_source_ids(ids) -> str:
    """The ``sources`` cell of these ids (the inverse of :func:`parse_source_ids`).

    >>> format_source_ids(("S1", "S2"))
    'S1;S2'
    """
    return SOURCES_SEPARATOR.join(ids)


#: Bounding box of the region in which a curated coordinate is plausible
#: without a country outside AF/PK. Used to catch swapped lat/lon.
REGION_BBOX = {"min_lon": 60.0, "max_lon": 78.0, "min_lat": 23.0, "max_lat": 39.0}

#: Our event types mapped to ACLED (event_type, sub_event_type), so exports
#: can be read next to ACLED data. Sub-types refine the default where ACLED
#: has a closer category.
ACLED_MAP: dict[str, tuple[str, str]] = {
    "armed_clash": ("Battles", "Armed clash"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "border_closure": ("Strategic developments", "Other"),
    "trade_disruption": ("Strategic developments", "Other"),
    "talks": ("Strategic developments", "Agreement"),
    "fortification": ("Strategic developments", "Change to group/activity"),
    "other": ("Strategic developments", "Other"),
}
ACLED_SUB_MAP: dict[tuple[str, str], tuple[str, str]] = {
    ("explosion", "shelling"): ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("armed_clash", "attack"): ("Battles", "Armed clash"),
    ("talks", "ceasefire"): ("Strategic developments", "Agreement"),
    ("talks", "visit"): ("Strategic developments", "Other"),
}


def acled_types(event_type: str, sub_event_type: str = "") -> tuple[str, str]:
    """Return the ACLED ``(event_type, sub_event_type)`` for one of ours.

    Raises
    ------
    ValueError
        If ``event_type`` is not one of :data:`EVENT_TYPES`.
    """
    if event_type not in ACLED_MAP:
        raise ValueError(f"unknown event type {event_type!r}; allowed: {', '.join(EVENT_TYPES)}")
    return ACLED_SUB_MAP.get((event_type, sub_event_type), ACLED_MAP[event_type])


#: Columns of the drafts CSV written by ``geomap extract`` (``geomap.extract.io``) and
#: read by ``geomap accept`` (``geomap.drafts``).
DRAFT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "event_type",
    "sub_event_type",
    "event_date",
    "date_precision",
    "location",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "actor1",
    "actor2",
    "fatalities",
    "injuries",
    "confidence",
    "excerpt",
    "source_title",
    "source_publisher",
    "source_published",
    "source_url",
)
