"""Synthetic inputs for the benchmark: events/sources CSVs and an article corpus.

Everything is drawn from a seeded :class:`random.Random`, so a size always
gives the same files. Places come from ``geodata/gazetteer.csv``; towns and
crossings get a small jitter so markers spread the way real incidents do
(many near Torkham and Chaman, fewer far away), provinces and the border as a
whole keep their name only and go through the geocoder chain, as curated rows
without coordinates do. Every text here is written for the benchmark.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from ..geo import geodata_path
from ..schema import EVENT_COLUMNS, EVENT_TYPES, SOURCE_COLUMNS, format_source_ids

SEED = 20240611
GAZETTEER = geodata_path("gazetteer.csv")

#: Sub-types per event type (free labels in the schema; these are the usual ones).
SUB_TYPES = {
    "armed_clash": ("exchange_of_fire", "attack", "skirmish"),
    "airstrike": ("drone_strike", "air_raid"),
    "explosion": ("shelling", "ied", "mortar_fire"),
    "border_closure": ("closure", "reopening", "partial_closure"),
    "trade_disruption": ("trucks_stranded", "tariff_dispute", "transit_halt"),
    "talks": ("negotiation", "ceasefire", "visit"),
    "fortification": ("fence_construction", "post_built", "gate_works"),
    "other": ("protest", "arrests", "looting"),
}
#: Relative frequency of the types (clashes and closures dominate real data).
TYPE_WEIGHTS = {
    "armed_clash": 24,
    "airstrike": 10,
    "explosion": 14,
    "border_closure": 20,
    "trade_disruption": 14,
    "talks": 10,
    "fortification": 8,
    "other": 6,
}
ACTORS = (
    "Pakistan",
    "Afghan Taliban",
    "TTP",
    "Frontier Corps",
    "Afghan border police",
    "Local traders",
    "Tribal elders",
    "ISKP",
    "Pakistani customs",
    "Transporters' union",
)
PUBLISHERS = (
    "Frontier Ledger",
    "Khyber Evening Post",
    "Kandahar Daily Wire",
    "Border Affairs Review",
    "Valley Radio Online",
    "Regional Monitor",
)

# Our own sentence pieces for ~200-character notes.
_NOTE_OPENERS = (
    "Local officials reported {what} near {place} early in the day",
    "Residents of {place} described {what} that lasted several hours",
    "Traders waiting at {place} said {what} had stopped the queue of lorries",
    "A district spokesman confirmed {what} close to {place} after midday",
    "Witnesses in {place} told reporters about {what} along the road to the crossing",
)
_NOTE_WHAT = {
    "armed_clash": "an exchange of fire between border units",
    "airstrike": "aircraft striking compounds in the hills",
    "explosion": "a blast beside a checkpoint",
    "border_closure": "the gate being shut to pedestrians and cargo",
    "trade_disruption": "hundreds of trucks parked on both sides",
    "talks": "delegations meeting to discuss the crossing",
    "fortification": "crews extending the fence and building a post",
    "other": "a crowd gathering outside the district office",
}
assert set(TYPE_WEIGHTS) == set(SUB_TYPES) == set(_NOTE_WHAT) == set(EVENT_TYPES), (
    "every event type needs a weight, sub-types and a note"
)
# Middle clauses with numbers and times, so notes vary the way real ones do
# (and the page's compression is not flattered by repeated text).
_NOTE_MIDDLES = (
    " at about {hh:02d}:{mm:02d}",
    ", {k} km from the main road",
    " while {k} vehicles waited",
    " on the {k}th day of the dispute",
    ", according to {k} separate accounts",
    " after a meeting of {k} elders",
    "",
)
_NOTE_TAILS = (
    "; casualty figures differed between the two sides and were still being checked.",
    "; the account could not be confirmed independently by the evening.",
    "; both governments issued short statements blaming the other side for the incident.",
    "; shopkeepers closed early and families left for nearby villages until it calmed down.",
    "; a second report the next morning gave a slightly different time and number of people.",
)

# Sentence templates of the synthetic article corpus (our own wording).
_SENTENCES = (
    "Fighting broke out near {place} on {date}, and {n} people were killed according to local officials.",
    "Authorities closed the crossing at {place} on {date} after a dispute over travel documents.",
    "A drone strike hit a compound outside {place} on {date}, wounding {n} residents.",
    "Traders said hundreds of lorries were stranded at {place} on {date} while the gate stayed shut.",
    "Delegations from Kabul and Islamabad met in {place} on {date} to discuss reopening trade.",
    "Workers extended the border fence near {place} during the week, villagers said.",
    "An explosion damaged a checkpoint in {place} on {date}; {n} guards were injured.",
    "Prices of flour and vegetables rose in {place} as the market waited for supplies.",
    "Elders in {place} called for calm and asked both sides to respect the ceasefire.",
    "The weather in {place} was dry and the harvest season began without incident.",
)
#: Sentences of the articles that report no border incident (our own
#: wording), by beat: each such article keeps to one beat, as a news story
#: does. They name the same places, dates and numbers as the incident
#: reports, and some use words the incident rules also look for in other
#: senses (a market "closed", a bowling "attack", "talks" with donors, a
#: ward that "opened"): the markets and the politics beats yield drafts
#: (false ones, as such stories do in real archives), the others are read
#: by the trigger rules and found to tell no incident.
_QUIET_BEATS = (
    (  # politics
        "The provincial cabinet met in {place} on {date} and approved {n} billion rupees for schools and clinics.",
        "Officials in {place} held talks with donors on {date} about a new water supply scheme.",
        "The minister inaugurated a road linking {place} to the motorway on {date}.",
    ),
    (  # sport
        "The home side beat the visitors by {n} runs in {place} on {date}, their pace attack taking six wickets.",
        "A crowd of {n} thousand watched the football final at the stadium in {place}.",
        "The captain said his team would train in {place} for two weeks before the tour.",
    ),
    (  # markets
        "A bag of wheat flour sold for {n} hundred rupees in the markets of {place} this week, shopkeepers said.",
        "The stock exchange closed {n} points higher on {date} as investors bought bank and cement shares.",
        "Power cuts of up to {n} hours a day angered shopkeepers and students in {place}.",
    ),
    (  # health
        "A new maternity ward opened at the district hospital in {place} on {date} with {n} beds.",
        "Vaccination teams reached {n} thousand children in {place} during a three-day polio campaign.",
        "Doctors in {place} asked parents to boil drinking water as the summer heat arrived.",
    ),
    (  # weather and farming
        "Heavy rain and cold winds are expected in {place} over the weekend, the weather office said.",
        "Farmers around {place} said the pomegranate harvest was the best in {n} years.",
        "Snow on the passes above {place} reached {n} centimetres on {date}.",
    ),
    (  # courts and schools
        "The court in {place} adjourned the hearing of a land dispute until {date}.",
        "Students in {place} sat their final examinations on {date}, with {n} thousand candidates registered.",
        "A new college for girls in {place} admitted its first {n} hundred students.",
    ),
    (  # culture
        "A festival of poetry and music drew large crowds to the old fort in {place} on {date}.",
        "Craftsmen from {place} showed carpets and pottery at a fair that ran for {n} days.",
        "The library in {place} received {n} hundred books in Pashto and Dari.",
    ),
)
#: Share of the articles of :func:`write_corpus` that report border
#: incidents when the benchmark writes its corpora; the rest are the
#: regional news of :data:`_QUIET_BEATS`. Real archives (a year of wire
#: copy, a GDELT-linked crawl) hold far fewer incident reports than one in
#: four: this share keeps the benchmark harder than they are. Every
#: sentence of an incident article is an incident template, as before.
ARCHIVE_INCIDENT_SHARE = 0.25

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class GazPlace:
    """A gazetteer place as the generator uses it."""

    name: str
    kind: str
    country: str
    lat: float
    lon: float
    precision: int


def gazetteer_places(path: Path = GAZETTEER) -> list[GazPlace]:
    """Places of the regional gazetteer (all kinds but whole countries)."""
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] == "country":
                continue
            out.append(
                GazPlace(
                    row["name"],
                    row["kind"],
                    row["country"],
                    float(row["latitude"]),
                    float(row["longitude"]),
                    int(row["precision"] or 1),
                )
            )
    return out


def _place_weights(places: list[GazPlace]) -> list[float]:
    # Crossings and towns carry most incidents; provinces, regions and the
    # border as a whole fewer; far venues (Doha, Istanbul) only talks, rarely.
    w = {"crossing": 8.0, "town": 3.0, "city": 2.0, "district": 2.0, "province": 0.6, "region": 0.4, "border": 0.5}
    return [w.get(p.kind, 1.0) for p in places]


def _sources_rows(rng: random.Random, count: int, start: dt.date, days: int) -> list[dict]:
    rows = []
    for i in range(count):
        pub = PUBLISHERS[i % len(PUBLISHERS)]
        day = start + dt.timedelta(days=rng.randrange(days))
        sid = f"syn-{i:06d}"
        rows.append(
            {
                "source_id": sid,
                "publisher": pub,
                "title": f"Report {i} from the border districts: {rng.choice(list(_NOTE_WHAT.values()))}",
                "published": day.isoformat(),
                "url": f"https://news.example.org/{day.year}/{sid}",
            }
        )
    return rows


def synth_events(n: int, seed: int = SEED) -> tuple[list[dict], list[dict]]:
    """``n`` event rows and their source rows (valid for :func:`geomap.curated.load_events`).

    Returns
    -------
    (events, sources) : tuple of list of dict
        Rows keyed by :data:`~geomap.schema.EVENT_COLUMNS` / ``SOURCE_COLUMNS``.
    """
    rng = random.Random(seed)
    places = gazetteer_places()
    weights = _place_weights(places)
    start, days = dt.date(2021, 1, 1), 5 * 365
    sources = _sources_rows(rng, max(10, n // 4), start, days)
    events = []
    for i in range(n):
        etype = rng.choices(EVENT_TYPES, [TYPE_WEIGHTS[t] for t in EVENT_TYPES])[0]
        p = rng.choices(places, weights)[0]
        day = start + dt.timedelta(days=rng.randrange(days))
        dp = rng.choices(("day", "week", "month"), (85, 10, 5))[0]
        date_text = day.strftime("%Y-%m") if dp == "month" else day.isoformat()
        lat = lon = ""
        gp = p.precision
        if p.kind in ("crossing", "town", "city", "district"):
            # Jitter of up to ~5 km (exact) or ~15 km (near a place).
            spread = 0.04 if gp == 1 else 0.12
            lat = f"{p.lat + rng.uniform(-spread, spread):.5f}"
            lon = f"{p.lon + rng.uniform(-spread, spread):.5f}"
        fat = rng.choices((None, 0, 1, 2, 5, 12), (40, 20, 15, 12, 9, 4))[0]
        lo = hi = None
        if fat is not None and rng.random() < 0.15:
            lo, hi = max(0, fat - 1), fat + rng.randint(1, 4)
        a1, a2 = rng.sample(ACTORS, 2)
        note = (
            rng.choice(_NOTE_OPENERS).format(what=_NOTE_WHAT[etype], place=p.name)
            + rng.choice(_NOTE_MIDDLES).format(hh=rng.randrange(24), mm=rng.randrange(60), k=rng.randint(2, 400))
            + rng.choice(_NOTE_TAILS)
        )
        k = rng.choices((1, 2, 3), (70, 22, 8))[0]
        srcs = format_source_ids(s["source_id"] for s in rng.sample(sources, k))
        events.append(
            {
                "event_id": f"SYN-{i:06d}",
                "event_type": etype,
                "sub_event_type": rng.choice(SUB_TYPES[etype]),
                "event_date": date_text,
                "date_precision": dp,
                "location": p.name,
                "country": p.country,
                "latitude": lat,
                "longitude": lon,
                "geo_precision": str(gp),
                "actor1": a1,
                "actor2": a2,
                "fatalities": "" if fat is None else str(fat),
                "fatalities_low": "" if lo is None else str(lo),
                "fatalities_high": "" if hi is None else str(hi),
                "injuries": str(rng.choice((0, 1, 3, 7))) if rng.random() < 0.4 else "",
                "sources": srcs,
                "verified": "curated",
                "note": note,
                "excerpt": "",
            }
        )
    return events, sources


def write_dataset(folder: str | Path, n: int, seed: int = SEED) -> tuple[Path, Path]:
    """Write ``events.csv`` and ``sources.csv`` of ``n`` synthetic events into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    events, sources = synth_events(n, seed)
    ev_path, src_path = folder / "events.csv", folder / "sources.csv"
    for path, cols, rows in ((ev_path, EVENT_COLUMNS, events), (src_path, SOURCE_COLUMNS, sources)):
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=cols)
            w.writeheader()
            w.writerows(rows)
    return ev_path, src_path


def _date_text(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(2021, 2025)}"


def synth_article(
    rng: random.Random, places: list[GazPlace], weights: list[float], sentences: int, quiet: bool = False
) -> str:
    """One article: a title line and ``sentences`` sentences in paragraphs of four.

    ``quiet``: an article of regional news with no border incident
    (one beat of :data:`_QUIET_BEATS`) instead of a border report.
    """
    out = [f"# {'Regional news' if quiet else 'Border report'} {rng.randint(1, 99999)}", ""]
    templates = rng.choice(_QUIET_BEATS) if quiet else _SENTENCES
    para: list[str] = []
    for _ in range(sentences):
        p = rng.choices(places, weights)[0]
        para.append(rng.choice(templates).format(place=p.name, date=_date_text(rng), n=rng.randint(1, 30)))
        if len(para) == 4:
            out.append(" ".join(para))
            out.append("")
            para = []
    if para:
        out.append(" ".join(para))
    return "\n".join(out) + "\n"


def _is_quiet(rng: random.Random, incident_share: float) -> bool:
    # (no draw at a share of 1: the all-incident corpus stays what it was)
    return incident_share < 1 and rng.random() >= incident_share


def write_corpus(
    folder: str | Path, megabytes: float, seed: int = SEED, article_bytes: int = 4000, incident_share: float = 1.0
) -> tuple[int, int]:
    """Write ``.md`` articles of ~``article_bytes`` each until ``megabytes`` MB are written.

    ``incident_share``: the share of articles that report border incidents
    (every sentence one); the others are regional news with none
    (:func:`synth_article` ``quiet``). The benchmark passes
    :data:`ARCHIVE_INCIDENT_SHARE`; the default, 1, is the all-incident
    corpus of the golden checks and tests.

    Returns
    -------
    (files, bytes) : tuple of int
    """
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    places = [p for p in gazetteer_places() if p.kind != "border"]
    weights = _place_weights(places)
    target = int(megabytes * 1_000_000)
    total = files = 0
    per_article = max(1, article_bytes // 100)
    while total < target:
        text = synth_article(rng, places, weights, per_article, _is_quiet(rng, incident_share))
        data = text.encode("utf-8")
        (folder / f"a{files:06d}.md").write_bytes(data)
        total += len(data)
        files += 1
    return files, total


def synth_texts(
    megabytes: float, seed: int = SEED, article_bytes: int = 4000, incident_share: float = 1.0
) -> list[str]:
    """The corpus of :func:`write_corpus` as strings (no files)."""
    rng = random.Random(seed)
    places = [p for p in gazetteer_places() if p.kind != "border"]
    weights = _place_weights(places)
    target = int(megabytes * 1_000_000)
    out, total = [], 0
    while total < target:
        text = synth_article(rng, places, weights, max(1, article_bytes // 100), _is_quiet(rng, incident_share))
        out.append(text)
        total += len(text.encode("utf-8"))
    return out
