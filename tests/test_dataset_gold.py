"""The curated dataset (geodata/events.csv, sources.csv) against the gold file.

Every gold row of ``../shared/eval/seeds_gold.csv`` must have a curated event
of the same type, at the same place (within 50 km) and on the same date to
the gold row's precision, citing the gold row's article. Several gold rows may
share one curated event: that is how reports of one incident by several
articles are merged.

Place coordinates come from a small table of canonical points, so the data
is checked on its own; a second test checks that the real geocoder chain
(regional gazetteer, then GeoNames on a small fixture index) puts every
curated location near its canonical point, and the gold match is repeated
with the geocoded points.
"""

from __future__ import annotations

import csv
import math
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EVENTS = REPO / "geodata" / "events.csv"
SOURCES = REPO / "geodata" / "sources.csv"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seeds_gold.csv"

MAX_KM = 50.0

#: Canonical points of the locations the curated rows use.
PLACES: dict[str, tuple[float, float]] = {
    "Torkham": (34.1020, 71.0930),
    "Spin Boldak": (31.0058, 66.4000),
    "Chaman": (30.92, 66.45),
    "Kabul": (34.5281, 69.1723),
    "Kandahar Province": (31.0, 65.7),
    "Nangarhar Province": (34.2, 70.6),
    "Istanbul": (41.0138, 28.9497),
    "Doha": (25.2854, 51.5310),
    "Afghanistan-Pakistan border": (32.3, 69.4),
}

#: Which curated source stands for which seed article (gold doc_id).
DOC_SOURCE: dict[str, str] = {
    "000_f73f25dd030ce3e6": "amu-2025-03-19",
    "001_9b8f5190a0bfcfb7": "ap-2023-02-22",
    "002_2f329bb2bc8bf19b": "afp-2025-10-28",
    "003_f96c2e24351dad6a": "dawn-2025-11-06",
    "004_aa2835c6468e1024": "pkpress-2025-10-28",
}


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _point(event: dict[str, str]) -> tuple[float, float]:
    # An explicit coordinate wins; otherwise the location's canonical point.
    if event["latitude"] and event["longitude"]:
        return float(event["latitude"]), float(event["longitude"])
    return PLACES[event["location"]]


def _same_date(gold: dict[str, str], event: dict[str, str]) -> bool:
    """Whether the curated date agrees with the gold date to the gold precision.

    day: equal; week: a full curated date within 7 days; month: same month.
    A curated month-only date is too vague for a day or week gold row.
    """
    g, e = gold["event_date"], event["event_date"]
    precision = gold["date_precision"]
    if precision == "month":
        return e[:7] == g[:7]
    if len(e) != 10:
        return False
    if precision == "day":
        return e == g
    return abs((date.fromisoformat(e) - date.fromisoformat(g)).days) <= 7


def _matches(gold: dict[str, str], event: dict[str, str]) -> bool:
    return (
        event["event_type"] == gold["event_type"]
        and DOC_SOURCE[gold["doc_id"]] in event["sources"].split(";")
        and _km(_point(event), (float(gold["latitude"]), float(gold["longitude"]))) <= MAX_KM
        and _same_date(gold, event)
    )


@pytest.fixture(scope="module")
def events() -> list[dict[str, str]]:
    return _read(EVENTS)


@pytest.fixture(scope="module")
def sources() -> list[dict[str, str]]:
    return _read(SOURCES)


@pytest.fixture(scope="module")
def gold() -> list[dict[str, str]]:
    if not GOLD.is_file():
        pytest.skip(f"gold file {GOLD} not found (it lives outside the repo, in ../shared/eval)")
    return _read(GOLD)


def test_every_gold_row_has_a_curated_event(gold, events):
    missing = [g["event_id"] for g in gold if not any(_matches(g, e) for e in events)]
    assert not missing, f"gold rows without a matching curated event: {missing}"


def _assign(rows: list[dict[str, str]], events: list[dict[str, str]]) -> dict[str, str]:
    """Match gold rows to distinct events (augmenting paths); gold event_id -> event_id."""
    owner: dict[str, str] = {}  # curated event_id -> gold event_id
    options = {g["event_id"]: [e["event_id"] for e in events if _matches(g, e)] for g in rows}

    def place(gid: str, seen: set[str]) -> bool:
        for eid in options[gid]:
            if eid not in seen:
                seen.add(eid)
                if eid not in owner or place(owner[eid], seen):
                    owner[eid] = gid
                    return True
        return False

    for gid in options:
        place(gid, set())
    return {gid: eid for eid, gid in owner.items()}


def test_one_article_rows_are_distinct_events(gold, events):
    # Rows of one article are different incidents, so they need different
    # curated events; only rows of different articles may share one.
    unmatched = []
    for doc in sorted({g["doc_id"] for g in gold}):
        rows = [g for g in gold if g["doc_id"] == doc]
        assigned = _assign(rows, events)
        unmatched += [g["event_id"] for g in rows if g["event_id"] not in assigned]
    assert not unmatched, f"gold rows left without a distinct curated event: {unmatched}"


def test_gold_articles_are_known_sources(gold, sources):
    ids = {s["source_id"] for s in sources}
    unknown = sorted({g["doc_id"] for g in gold if DOC_SOURCE.get(g["doc_id"]) not in ids})
    assert not unknown, f"gold articles with no source row: {unknown}"


@pytest.fixture(scope="module")
def geocoded(events, tmp_path_factory) -> dict[str, tuple[float, float]]:
    from geomap.geocoders import GeocoderChain
    from geomap.geocoders.gazetteer import RegionalGazetteer
    from geomap.geocoders.geonames import GeoNamesOffline, build_index

    fixture = REPO / "tests" / "data" / "geocoders" / "cities_fixture.json"
    index = build_index(tmp_path_factory.mktemp("gn") / "fixture.sqlite", source=fixture)
    chain = GeocoderChain([RegionalGazetteer(), GeoNamesOffline(index)])
    out = {}
    for name in {e["location"] for e in events}:
        place = chain.geocode(name)
        assert place is not None, f"{name!r} is not found by the geocoder chain"
        out[name] = (place.lat, place.lon)
    return out


def test_locations_geocode_near_canonical_points(geocoded):
    far = {
        name: round(_km(pt, PLACES[name]), 1)
        for name, pt in geocoded.items()
        if name in PLACES and _km(pt, PLACES[name]) > 25
    }
    assert not far, f"geocoded more than 25 km from the canonical point (km): {far}"


def test_every_gold_row_matches_a_geocoded_event(gold, events, geocoded):
    located = [
        dict(
            e,
            latitude=e["latitude"] or str(geocoded[e["location"]][0]),
            longitude=e["longitude"] or str(geocoded[e["location"]][1]),
        )
        for e in events
    ]
    missing = [g["event_id"] for g in gold if not any(_matches(g, e) for e in located)]
    assert not missing, f"gold rows without a matching geocoded event: {missing}"


def test_locations_are_canonical(events):
    odd = {
        e["event_id"]: e["location"]
        for e in events
        if e["location"] not in PLACES and not (e["latitude"] and e["longitude"])
    }
    assert not odd, f"locations outside {sorted(PLACES)}: {odd}"


def test_event_ids_unique(events):
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_sources_exist_and_all_are_cited(events, sources):
    ids = [s["source_id"] for s in sources]
    assert len(ids) == len(set(ids)), "duplicate source_id in sources.csv"
    cited = {s for e in events for s in e["sources"].split(";")}
    assert cited <= set(ids), f"events cite unknown sources: {sorted(cited - set(ids))}"
    assert set(ids) <= cited, f"sources no event cites: {sorted(set(ids) - cited)}"


def test_fatality_range_is_ordered(events):
    for e in events:
        low, best, high = (int(e[c]) if e[c] else None for c in ("fatalities_low", "fatalities", "fatalities_high"))
        given = [v for v in (low, best, high) if v is not None]
        assert given == sorted(given), (
            f"{e['event_id']}: expected fatalities_low <= fatalities <= fatalities_high, got {low}, {best}, {high}"
        )


def test_curated_rows_carry_no_excerpt(events):
    # Excerpts would repeat article wording; the citation is in `sources`.
    assert all(e["verified"] == "curated" and not e["excerpt"] for e in events)
