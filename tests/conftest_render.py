"""Events GeoDataFrames for the render, figure and browser tests, with the columns geomap.geoframe.build_geodataframe makes.

Not a conftest pytest loads by itself: ``from conftest_render import make_gdf``.
The texts are our own words; places and dates are plausible, not real reports.
"""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta

import geopandas as gpd
import pandas as pd

from geomap.geo import CRS, durand_line, latlon, point
from geomap.schema import EVENT_LABELS

PLACES = {
    "Torkham": (34.1017, 71.0883, "Nangarhar", "AF", "crossing"),
    "Chaman": (30.9210, 66.4597, "Balochistan", "PK", "town"),
    "Spin Boldak": (31.0050, 66.3994, "Kandahar", "AF", "town"),
    "Kabul": (34.5553, 69.2075, "Kabul", "AF", "city"),
    "Islamabad": (33.6844, 73.0479, "Islamabad", "PK", "city"),
    "Kurram": (33.8, 70.2, "Khyber Pakhtunkhwa", "PK", "district"),
    "Angoor Adda": (32.3167, 69.3833, "Khyber Pakhtunkhwa", "PK", "crossing"),
    "Paktika Province": (32.5, 68.8, "Paktika", "AF", "province"),
    "Doha": (25.2854, 51.5310, "", "QA", "city"),
    "Istanbul": (41.0082, 28.9784, "", "TR", "city"),
}

SOURCES = {
    "s1": {
        "source_id": "s1",
        "publisher": "Frontier Daily",
        "title": "Crossing shut after dispute",
        "published": "2024-03-02",
        "url": "https://example.org/frontier/1",
    },
    "s2": {
        "source_id": "s2",
        "publisher": "Valley Radio",
        "title": "Guards trade fire near gate",
        "published": "2024-03-03",
        "url": "http://example.net/valley/2",
    },
    "s3": {
        "source_id": "s3",
        "publisher": "Capital Wire",
        "title": "Delegations meet abroad",
        "published": "2024-10-20",
        "url": "",
    },
}


def _interval(d: str, prec: str) -> tuple[str, str]:
    parts = [int(p) for p in d.split("-")]
    if prec == "month":
        last = calendar.monthrange(parts[0], parts[1])[1]
        return f"{parts[0]:04d}-{parts[1]:02d}-01", f"{parts[0]:04d}-{parts[1]:02d}-{last:02d}"
    day = date(*parts)
    if prec == "week":
        return (day - timedelta(days=3)).isoformat(), (day + timedelta(days=3)).isoformat()
    return day.isoformat(), day.isoformat()


def event(
    eid,
    etype,
    when,
    place,
    *,
    prec="day",
    gp=1,
    sub="",
    actor1="",
    actor2="",
    fat=None,
    fat_lo=None,
    fat_hi=None,
    inj=None,
    note="",
    excerpt="",
    verified="curated",
    confidence=float("nan"),
    sources=("s1",),
    border=False,
    source_table=None,
) -> dict:
    """One row of the events GeoDataFrame (every column the dataset has)."""
    table = source_table or SOURCES
    if border:
        geom = durand_line()
        lat, lon = latlon(geom)
        admin1, country, kind = "", "", "border"
    else:
        lat, lon, admin1, country, kind = PLACES[place]
        geom = point(lat, lon)
    start, end = _interval(when, prec)
    return {
        "event_id": eid,
        "event_type": etype,
        "event_label": EVENT_LABELS[etype],
        "sub_event_type": sub,
        "event_date": when[:7] if prec == "month" else when,
        "date_precision": prec,
        "date_start": start,
        "date_end": end,
        "location": place,
        "country": country,
        "admin1": admin1,
        "place_kind": kind,
        "place_backend": "gazetteer",
        "latitude": lat,
        "longitude": lon,
        "geo_precision": gp,
        "actor1": actor1,
        "actor2": actor2,
        "fatalities": fat,
        "fatalities_low": fat_lo,
        "fatalities_high": fat_hi,
        "injuries": inj,
        "note": note,
        "excerpt": excerpt,
        "verified": verified,
        "confidence": confidence,
        "sources": ";".join(sources),
        "sources_json": json.dumps([table[s] for s in sources if s in table]),
        "geometry": geom,
    }


def frame(rows: list[dict]) -> gpd.GeoDataFrame:
    gdf = gpd.GeoDataFrame(pd.DataFrame(rows), geometry="geometry", crs=CRS)
    for col in ("fatalities", "fatalities_low", "fatalities_high", "injuries"):
        gdf[col] = gdf[col].astype("Int64")
    gdf["geo_precision"] = gdf["geo_precision"].astype(int)
    return gdf


def default_rows() -> list[dict]:
    """At least three events of each type; Torkham shared by five; the special cases."""
    e = event
    return [
        e(
            "T-001",
            "border_closure",
            "2024-03-01",
            "Torkham",
            sub="closure",
            actor1="Border authority",
            note="Gate closed to lorries and walkers alike.",
            sources=("s1",),
        ),
        e(
            "T-002",
            "armed_clash",
            "2024-03-02",
            "Torkham",
            gp=2,
            sub="exchange_of_fire",
            actor1="Border guards",
            actor2="Frontier troops",
            fat=2,
            fat_lo=1,
            fat_hi=3,
            inj=4,
            note="Guards on both sides fired across the fence for an hour.",
            sources=("s1", "s2"),
        ),
        e(
            "T-003",
            "trade_disruption",
            "2024-03-05",
            "Torkham",
            prec="week",
            gp=2,
            sub="stranded_trucks",
            actor1="Hauliers",
            note="Queues of lorries grew along the approach road.",
        ),
        e(
            "T-004",
            "talks",
            "2024-03-09",
            "Torkham",
            sub="local_talks",
            actor1="Tribal elders",
            note="Elders from both sides met at the gate to reopen it.",
        ),
        e(
            "T-005",
            "border_closure",
            "2024-06-12",
            "Torkham",
            sub="closure",
            note="A second closure followed a row over new fencing.",
        ),
        e(
            "C-001",
            "border_closure",
            "2023-08-14",
            "Chaman",
            sub="closure",
            note="Friendship Gate shut for passenger traffic.",
        ),
        e(
            "C-002",
            "trade_disruption",
            "2023-08",
            "Chaman",
            prec="month",
            gp=2,
            note="Fruit exports stalled for the whole month.",
        ),
        e(
            "C-003",
            "armed_clash",
            "2023-11-20",
            "Spin Boldak",
            sub="attack",
            fat=5,
            actor1="Militants",
            actor2="Border police",
            note="Night attack on a border post.",
        ),
        e(
            "K-001",
            "talks",
            "2024-01-15",
            "Kabul",
            sub="visit",
            actor1="Foreign ministry delegation",
            actor2="Interim government",
            note="Delegation discussed trade corridors.",
        ),
        e(
            "K-002",
            "airstrike",
            "2024-03-18",
            "Kurram",
            gp=2,
            sub="air_strike",
            fat=8,
            fat_lo=8,
            fat_hi=8,
            actor1="Air force",
            note="Strikes hit hideouts near the frontier.",
        ),
        e(
            "K-003",
            "airstrike",
            "2024-12-24",
            "Paktika Province",
            gp=3,
            sub="air_strike",
            fat=15,
            fat_lo=10,
            fat_hi=46,
            actor1="Air force",
            note="Casualty figures in reports varied widely.",
            sources=("s1", "s2"),
        ),
        e(
            "K-004",
            "airstrike",
            "2025-02-10",
            "Angoor Adda",
            sub="drone_strike",
            inj=3,
            note="A drone hit a compound close to the crossing.",
        ),
        e(
            "K-005",
            "explosion",
            "2023-05-02",
            "Islamabad",
            sub="ied",
            fat=1,
            inj=6,
            note="Roadside device exploded near a checkpoint.",
        ),
        e("K-006", "explosion", "2024-07-07", "Kurram", gp=2, sub="shelling", note="Mortar rounds landed in farmland."),
        e(
            "K-007",
            "explosion",
            "2025-01-03",
            "Angoor Adda",
            sub="ied",
            note="Blast damaged a footbridge near the crossing.",
        ),
        e(
            "F-001",
            "fortification",
            "2023-09-01",
            "Chaman",
            sub="fence",
            note="New fence section and watchtower built.",
        ),
        e(
            "F-002",
            "fortification",
            "2024-05",
            "Angoor Adda",
            prec="month",
            gp=2,
            sub="fence",
            note="Work on trenches reported during the month.",
        ),
        e(
            "B-001",
            "fortification",
            "2024-08-20",
            "Afghanistan-Pakistan border",
            gp=4,
            border=True,
            sub="fence",
            note="Fencing said to cover most of the frontier.",
        ),
        e(
            "A-001",
            "armed_clash",
            "2025-03-15",
            "Kurram",
            gp=2,
            sub="exchange_of_fire",
            verified="draft",
            confidence=0.62,
            note="Draft: clash mentioned in a single report.",
        ),
        e(
            "D-001",
            "talks",
            "2024-10-19",
            "Doha",
            sub="ceasefire",
            actor1="Delegation A",
            actor2="Delegation B",
            note="Ceasefire agreed after mediated talks.",
            sources=("s3",),
        ),
        e(
            "I-001",
            "talks",
            "2024-10-25",
            "Istanbul",
            sub="follow_up",
            note="Follow-up round on monitoring the truce.",
            sources=("s3", "s1"),
        ),
        e(
            "P-001",
            "trade_disruption",
            "2025-04-02",
            "Spin Boldak",
            sub="stranded_trucks",
            note="Transit goods held for customs checks.",
        ),
    ]


def make_gdf(rows: list[dict] | None = None) -> gpd.GeoDataFrame:
    """The standard fixture frame (or one of the given rows)."""
    return frame(default_rows() if rows is None else rows)
