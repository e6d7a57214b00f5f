"""Drafts next to curated events: validation, merging, and `geomap accept`."""

import csv

import pytest

from geomap.cli import main
from geomap.curated import load_events
from geomap.drafts import DRAFT_COLUMNS, merge_drafts, same_incident
from geomap.report import Report

EVENTS_HEADER = (
    "event_id,event_type,sub_event_type,event_date,date_precision,location,country,"
    "latitude,longitude,geo_precision,actor1,actor2,fatalities,fatalities_low,"
    "fatalities_high,injuries,sources,verified,note,excerpt\n"
)


@pytest.fixture
def curated(tmp_path):
    (tmp_path / "sources.csv").write_text("source_id,publisher,title,published,url\nS1,Pub,Title one,2025-03-19,\n")
    (tmp_path / "events.csv").write_text(
        EVENTS_HEADER + "AFPK-0001,talks,negotiation,2025-03-19,day,Torkham,AF,34.102,71.093,1,"
        "Pakistan,Afghan Taliban,,,,,S1,curated,talks at the crossing,\n"
    )
    return tmp_path


def draft(**over):
    row = {c: "" for c in DRAFT_COLUMNS}
    row.update(
        doc_id="a1",
        event_type="talks",
        sub_event_type="negotiation",
        event_date="2025-03-20",
        date_precision="day",
        location="Torkham",
        country="AF",
        latitude="34.10",
        longitude="71.09",
        geo_precision="1",
        confidence="0.8",
        excerpt="Officials met.",
        source_title="T",
        source_publisher="P",
        source_published="2025-03-21",
        source_url="javascript:alert(1)",
    )
    row.update(over)
    return row


def test_same_incident_folds_into_curated(curated):
    es = load_events(curated / "events.csv")
    report = Report()
    new = merge_drafts(es, [(2, draft())], "drafts.csv", report)
    assert new == []
    assert es.events[0].sources == ("S1", "doc:a1")
    assert report.counts["drafts_extracted"] == 1 and report.counts["drafts_merged"] == 1
    assert report.of_kind("merged")[0].line == 2


def test_new_incident_is_a_draft_and_links_are_http_only(curated):
    es = load_events(curated / "events.csv")
    report = Report()
    new = merge_drafts(es, [(2, draft(event_type="armed_clash"))], "drafts.csv", report)
    assert len(new) == 1 and new[0].verified == "draft" and new[0].confidence == 0.8
    assert es.sources["doc:a1"].url == ""  # javascript: never reaches the page


def test_bad_draft_is_reported_with_line(curated):
    es = load_events(curated / "events.csv")
    report = Report()
    merge_drafts(es, [(7, draft(event_type="picnic"))], "drafts.csv", report)
    (problem,) = report.of_kind("rejected")
    assert problem.line == 7 and problem.column == "event_type" and "allowed" in problem.reason
    assert report.counts["drafts_extracted"] == report.counts["drafts_rejected"] == 1


def test_dates_far_apart_are_different_incidents(curated):
    es = load_events(curated / "events.csv")
    d, _ = __import__("geomap.drafts", fromlist=["x"]).draft_to_event(draft(event_date="2025-05-01"), 1, "f", 1)
    assert not same_incident(d, es.events[0])


def test_accept_command(curated, tmp_path):
    drafts = tmp_path / "drafts.csv"
    rows = [
        draft(event_type="armed_clash", accept="yes"),
        draft(accept="yes"),
        draft(event_type="explosion", accept=""),
    ]
    with open(drafts, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(DRAFT_COLUMNS) + ["accept"])
        w.writeheader()
        w.writerows(rows)
    status = main(["accept", str(drafts), "--events", str(curated / "events.csv")])
    assert status == 0
    es = load_events(curated / "events.csv", strict=True)
    assert [e.event_id for e in es.events] == ["AFPK-0001", "AFPK-0002"]
    assert es.events[1].event_type == "armed_clash" and es.events[1].verified == "curated"
    assert es.events[0].sources == ("S1", "doc:a1")
    assert "doc:a1" in es.sources
