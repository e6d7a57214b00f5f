"""The names of the counts: summary.json keeps its published keys, each from one counter."""

from __future__ import annotations

from pathlib import Path

from geomap import counts
from geomap.pipeline import build

BAD = Path(__file__).parent / "data" / "bad"

#: summary.json as published (0.1): a key renamed here is a change to announce
PUBLISHED = [
    "rows_read",
    "events_mapped",
    "rows_rejected",
    "places_not_found",
    "source_rows_read",
    "source_rows_rejected",
    "articles_read",
    "articles_used",
    "articles_rejected",
    "folders_empty",
    "drafts_extracted",
    "drafts_on_map",
    "drafts_merged",
    "drafts_rejected",
    "drafts_not_placed",
    "mentions_without_place",
    "events_on_map",
    "rows_joined",
    "rows_merged",
    "rows_out_of_region",
    "files_skipped",  # 0.2: added at the end, the keys before it unchanged
    "files",
    "licences",
    "warnings",
]


def test_summary_keys_are_the_published_ones(tmp_path, offline_chain):
    result = build(BAD / "unknown_place.csv", BAD / "sources.csv", out=tmp_path / "out", chain=offline_chain)
    s = result.summary()
    assert list(s) == PUBLISHED
    assert s["rows_read"] == s["events_mapped"] + s["rows_rejected"] + s["places_not_found"]


def test_every_key_of_the_summary_is_a_counter_of_that_name():
    names = {v for k, v in vars(counts).items() if k.isupper() and isinstance(v, str)}
    assert set(counts.SUMMARY) <= names
    assert len(set(counts.SUMMARY)) == len(counts.SUMMARY)  # no counter twice
    assert list(counts.SUMMARY) == PUBLISHED[: len(counts.SUMMARY)]


def test_a_build_counts_under_the_summary_names(tmp_path, offline_chain):
    """The run's own counters carry the summary's names: no counter of the
    report means something else under a summary key."""
    result = build(BAD / "unknown_place.csv", BAD / "sources.csv", out=tmp_path / "out", chain=offline_chain)
    c, s = result.report.counts, result.summary()
    for name in counts.SUMMARY:
        assert s[name] == c.get(name, 0)
    assert c["events_on_map"] == c["events_mapped"] + c.get("drafts_on_map", 0) == result.events
