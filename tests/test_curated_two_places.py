"""Issue 11, case 21: one event at two places is two rows with one id.

The README says so (Data formats); the loader used to reject the second row
as a duplicate. Now rows that share an ``event_id`` and name different places
are one event, and everything downstream keeps both: the GeoDataFrame, the
GeoJSON and CSV exports, the page (each row its own marker, ``OK-1~2``) and
``accept`` (new ids do not collide with an id used twice).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from geomap.curated import load_events
from geomap.drafts import accept
from geomap.export import write_csv, write_geojson
from geomap.geoframe import build_geodataframe
from geomap.render.payload import events_payload

BAD = Path(__file__).parent / "data" / "bad"


def two_places():
    return load_events(BAD / "two_places.csv", BAD / "sources.csv")


def test_two_rows_with_one_id_are_one_event_at_two_places():
    es = two_places()
    assert [(e.event_id, e.location, e.line) for e in es.events] == [
        ("OK-1", "Torkham", 2),
        ("OK-2", "Kabul", 3),
        ("OK-1", "Chaman", 4),
    ]


def test_dataset_and_exports_keep_both_rows(offline_chain, tmp_path):
    gdf, report = build_geodataframe(two_places(), offline_chain)
    assert report.counts["events_on_map"] == 3
    assert list(gdf.event_id) == ["OK-1", "OK-2", "OK-1"]
    data = json.loads(write_geojson(gdf, tmp_path / "e.geojson").read_text())
    assert [(f["properties"]["event_id"], f["properties"]["location"]) for f in data["features"]] == [
        ("OK-1", "Torkham"),
        ("OK-2", "Kabul"),
        ("OK-1", "Chaman"),
    ]
    with open(write_csv(gdf, tmp_path / "e.csv"), newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["event_id"], r["location"]) for r in rows] == [
        ("OK-1", "Torkham"),
        ("OK-2", "Kabul"),
        ("OK-1", "Chaman"),
    ]


def test_the_page_gives_each_row_its_own_uid(offline_chain):
    gdf, _ = build_geodataframe(two_places(), offline_chain)
    uids = sorted(e["uid"] for e in events_payload(gdf)["events"])
    assert uids == ["OK-1", "OK-1~2", "OK-2"]


def test_accept_next_to_an_event_at_two_places(tmp_path):
    events = tmp_path / "events.csv"
    good = (BAD / "two_places.csv").read_text().splitlines()[:4]  # the rows that are kept
    events.write_text("\n".join(good).replace("OK-", "AFPK-000") + "\n")
    (tmp_path / "sources.csv").write_bytes((BAD / "sources.csv").read_bytes())
    drafts = tmp_path / "drafts.csv"
    drafts.write_text(
        "doc_id,event_type,sub_event_type,event_date,date_precision,location,country,latitude,"
        "longitude,geo_precision,actor1,actor2,fatalities,injuries,confidence,excerpt,"
        "source_title,source_publisher,source_published,source_url,accept\n"
        "note-a,armed_clash,exchange_of_fire,2025-04-02,day,Chaman,PK,30.92,66.45,1,,,,,0.9,"
        "Guards traded fire.,A note,Desk,2025-04-02,,yes\n"
    )
    added = accept(drafts, events)
    assert added == ["AFPK-0003"]
    es = load_events(events)
    assert [e.event_id for e in es.events].count("AFPK-0001") == 2
    assert all(re.fullmatch(r"AFPK-000[123]", e.event_id) for e in es.events)
