"""geomap.pipeline.build through the API: outputs, counts that add up, staging."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import geomap.pipeline as build_mod
from geomap.commands.build import summary_lines
from geomap.exc import BuildError
from geomap.pipeline import build
from geomap.schema import EVENT_COLUMNS, EVENT_REQUIRED

BAD = Path(__file__).parent / "data" / "bad"
SOURCES = BAD / "sources.csv"
OUTPUTS = ["embed.html", "events.csv", "events.geojson", "map.html", "rejected.csv", "summary.json", "unlocated.csv"]


def names(folder):
    """What a user sees in ``folder`` (the shown build's links, other files)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def shown(folder):
    """The bytes of every visible file."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def hidden(folder):
    """A build keeps the lock, the link to the shown build and that build's folder."""
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
    assert names[:2] == [".geomap-build.lock", ".geomap-current"], names
    assert len(names) == 3 and names[2].startswith(".geomap-gen."), names
    return names


def test_outputs_and_summary(tmp_path, offline_chain):
    out = tmp_path / "out"
    result = build(BAD / "unknown_place.csv", SOURCES, out=out, chain=offline_chain)
    assert names(out) == OUTPUTS
    assert {k: p.name for k, p in result.outputs.items()} == {
        "geojson": "events.geojson",
        "csv": "events.csv",
        "rejected": "rejected.csv",
        "unlocated": "unlocated.csv",
        "map": "map.html",
        "embed": "embed.html",
        "summary": "summary.json",
    }
    s = json.loads((out / "summary.json").read_text())
    assert s == result.summary()
    assert (s["rows_read"], s["events_mapped"], s["rows_rejected"], s["places_not_found"]) == (3, 2, 0, 1)
    assert summary_lines(result) == ["rows read 3, events mapped 2, rows rejected 0, places not found 1"]


def test_strict_error_carries_the_whole_report(tmp_path, offline_chain):
    with pytest.raises(BuildError) as info:
        build(BAD / "bad_date.csv", SOURCES, out=tmp_path / "out", chain=offline_chain, strict=True)
    assert len(info.value.report.of_kind("rejected")) == 4
    assert "nothing written (--strict)" in str(info.value)
    assert not (tmp_path / "out").exists()


def test_a_failing_writer_leaves_the_previous_outputs(tmp_path, offline_chain, monkeypatch):
    out = tmp_path / "out"
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain)
    before = shown(out)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    import geomap.render as render

    monkeypatch.setattr(render, "save_html", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        build(BAD / "unknown_place.csv", SOURCES, out=out, chain=offline_chain)
    # events.geojson/csv of the failed run were staged, never published
    assert shown(out) == before


def test_stale_staging_of_a_killed_build_is_removed(tmp_path, offline_chain):
    out = tmp_path / "out"
    out.mkdir()
    dead = int(
        subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
        ).stdout
    )
    stale = out / f"{build_mod.STAGING_PREFIX}{dead}.x1y2.tmp"
    stale.mkdir()
    (stale / "map.html").write_text("half")
    stale_tmp = out / f".map.html.{dead}.zz.tmp.html"
    stale_tmp.write_text("half")
    keep = out / "my-notes.txt"
    keep.write_text("mine")
    build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain)
    assert names(out) == sorted(OUTPUTS + ["my-notes.txt"])
    hidden(out)  # the killed build's staging folder and temporary file are gone


def test_counts_add_up_with_articles(tmp_path, offline_chain):
    result = build(BAD / "good.csv", SOURCES, out=tmp_path / "out", chain=offline_chain, articles=[BAD / "articles"])
    s = result.summary()
    assert s["rows_read"] == s["events_mapped"] + s["rows_rejected"] + s["places_not_found"]
    assert s["articles_read"] == s["articles_used"] + s["articles_rejected"]
    assert s["drafts_extracted"] == (
        s["drafts_on_map"] + s["drafts_merged"] + s["drafts_rejected"] + s["drafts_not_placed"]
    )
    assert s["events_on_map"] == s["events_mapped"] + s["drafts_on_map"] == result.events
    assert len(summary_lines(result)) == 2


def test_figure_is_staged_too(tmp_path, offline_chain):
    out = tmp_path / "out"
    result = build(BAD / "good.csv", SOURCES, out=out, chain=offline_chain, figure=True)
    assert result.outputs["png"].read_bytes()[:4] == b"\x89PNG"
    assert names(out) == sorted(OUTPUTS + ["map.png", "map.svg"])


def online_chain(tmp_path, client):
    from geomap.geocoders import CachedGeocoder, GeocoderChain, SqliteStore
    from geomap.geocoders.gazetteer import RegionalGazetteer
    from geomap.geocoders.nominatim import NominatimGeocoder

    cache = tmp_path / "geocoding.sqlite"
    if not cache.exists():
        cache.write_bytes(b"SQLite format 3\x00" + b"\xff" * 80)  # a damaged cache
    online = NominatimGeocoder(client=client, min_delay_seconds=0.0)
    online._geocode._sleep = lambda s: None
    return GeocoderChain([RegionalGazetteer(), CachedGeocoder(online, SqliteStore(cache))])


def test_online_failure_in_a_build_is_a_warning_and_the_place_unlocated(tmp_path):
    from geopy import exc as gexc

    class Down:
        def geocode(self, query, **kw):
            raise gexc.GeocoderTimedOut("read timed out")

    result = build(BAD / "unknown_place.csv", SOURCES, out=tmp_path / "out", chain=online_chain(tmp_path, Down()))
    s = result.summary()
    assert (s["events_mapped"], s["places_not_found"]) == (2, 1)
    warnings = [p.reason for p in result.report.of_kind("warning")]
    assert any("is corrupt" in w and "set aside" in w for w in warnings)
    assert any("did not answer within 10 s for 'Qqzyxabad'" in w and "kept the offline result" in w for w in warnings)
    assert (tmp_path / "geocoding.sqlite.corrupt").exists()


def test_online_answer_places_what_offline_did_not(tmp_path):
    from types import SimpleNamespace

    class Up:
        def geocode(self, query, **kw):
            return SimpleNamespace(
                latitude=30.1, longitude=67.2, raw={"addresstype": "village", "address": {"country_code": "pk"}}
            )

    result = build(BAD / "unknown_place.csv", SOURCES, out=tmp_path / "out", chain=online_chain(tmp_path, Up()))
    assert result.summary()["places_not_found"] == 0
    geo = json.loads((tmp_path / "out" / "events.geojson").read_text())
    lost = next(f for f in geo["features"] if f["properties"]["event_id"] == "LOST-1")
    assert lost["properties"]["place_backend"] == "nominatim"
    from geomap.geocoders import SqliteStore

    assert len(SqliteStore(tmp_path / "geocoding.sqlite")) == 1  # the fresh cache was saved


def _header(names, sep=b",") -> bytes:
    return sep.join(n.encode() for n in names)


@pytest.mark.parametrize(
    "name, data, own",
    [
        ("a.csv", _header(EVENT_COLUMNS) + b"\n1\n", True),
        ("a.csv", b"excerpt, note ," + _header(EVENT_REQUIRED) + b"\r\n", True),
        ("a.csv", b"\xef\xbb\xbf" + _header(EVENT_REQUIRED) + b"\n", False),
        ("a.csv", b'"event_id",' + _header(EVENT_REQUIRED) + b"\n", False),
        ("a.csv", _header(EVENT_REQUIRED, b";") + b"\n", False),
        ("a.dta", _header(EVENT_REQUIRED) + b"\n", False),
        ("a.csv", b"event_id,latitude,longitude\n", False),
        ("a.csv", _header(EVENT_REQUIRED), False),  # no line end
    ],
)
def test_own_header_shortcut_agrees_with_detect(tmp_path, name, data, own):
    """The 4 kB look at the header says geomap only where detect (reading the whole file) does."""
    from geomap.importers import detect

    path = tmp_path / name
    path.write_bytes(data)
    assert build_mod._own_header(path) is own
    if own:
        assert detect(path) == "geomap"
