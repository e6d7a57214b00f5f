"""The map page's HTML without a browser: one data blob, inline assets, escaping."""

from __future__ import annotations

import json
import re

import pytest
from conftest_render import event, frame, make_gdf
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.exc import BuildError
from geomap.render import embed_snippet, map_from_frame, render_html, save_html
from geomap.render.assets import safe_json, safe_json_bytes
from geomap.render.payload import compact_payload
from geomap.schema import EVENT_TYPES


@pytest.fixture(scope="module")
def gdf():
    return make_gdf()


@pytest.fixture(scope="module")
def html(gdf):
    return render_html(map_from_frame(gdf))


def blob(text: str, element_id: str = "geomap-data") -> dict:
    m = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', text, re.S)
    return json.loads(m.group(1))


def test_events_reach_the_page_once_as_one_blob(html, gdf):
    assert html.count('id="geomap-data"') == 1
    data = blob(html)
    assert [e["id"] for e in data["events"]] == list(gdf.event_id)
    assert [t["id"] for t in data["config"]["types"]] == list(EVENT_TYPES)
    # no per-event folium objects
    assert "L.marker(" not in html.split('id="geomap-data"')[1].split("</html>")[0].replace("L.marker([ev.lat", "")
    # the Durand Line is in the page once as a shape, shared by border-wide events
    assert len(data["shapes"]) == 1
    assert [e["shape"] for e in data["events"] if e["gp"] == 4] == [0]


def test_self_contained_has_no_remote_assets(html):
    assert not re.search(r'<script[^>]+src=|<link[^>]+href="https?:', html)
    assert "L.MarkerClusterGroup" in html and "leaflet" in html.lower()
    for unused in ("jquery", "bootstrap.bundle", "fontawesome", "awesome-markers"):
        assert unused not in html.lower()


def test_cdn_mode_links_leaflet_and_markercluster(gdf):
    text = render_html(map_from_frame(gdf, cdn=True), cdn=True)
    links = re.findall(r'(?:src|href)="(https://[^"]+)"', text)
    assert any("leaflet@1.9.3/dist/leaflet.js" in u for u in links)
    assert any("leaflet.markercluster.js" in u for u in links)
    assert "G.define('events'" in text  # our code stays inline
    assert len(text) < len(render_html(map_from_frame(gdf))) - 150_000


def test_blob_is_escaped_against_breakouts():
    gdf = frame(
        [event("E1", "talks", "2024-01-01", "Kabul", note="</script><!--<script>x</script>\u2028\u2029 & {{7*7}}")]
    )
    text = render_html(map_from_frame(gdf, title="</title><script>t</script>"))
    assert "</script><!--" not in text and "\u2028" not in text
    assert "\\u003c/script\\u003e\\u003c!--" in text
    assert blob(text)["events"][0]["note"] == "</script><!--<script>x</script>\u2028\u2029 & {{7*7}}"
    assert "<title>&lt;/title&gt;&lt;script&gt;t&lt;/script&gt;</title>" in text
    assert "{{7*7}}" not in text.split('id="geomap-data"')[0]


def test_safe_json():
    assert safe_json({"a": "<>&\u2028"}) == '{"a":"\\u003c\\u003e\\u0026\\u2028"}'
    with pytest.raises(ValueError):
        safe_json(float("nan"))


HOSTILE_TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["</script><!--", "\u2028\u2029", "a & b <b>", "\x00\x1f\x7f", "\U0001f600 K\u0101bul", '"\\']
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | HOSTILE_TEXTS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(HOSTILE_TEXTS, inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_safe_json_bytes_reads_as_safe_json(value):
    """The orjson encoder of the payload: the same value once parsed, the same escapes."""
    fast = safe_json_bytes(value)
    assert json.loads(fast) == json.loads(safe_json(value))
    assert not any(c in fast for c in (b"<", b">", b"&", "\u2028".encode(), "\u2029".encode()))


def test_safe_json_bytes_is_safe_json_on_a_page_payload():
    """Byte for byte on a payload (floats rounded to 5 places spell alike), and what orjson refuses."""
    data = compact_payload(make_gdf())
    assert safe_json_bytes(data) == safe_json(data).encode("utf-8")
    assert safe_json_bytes({"n": 2**70, "k": {1: "<"}}) == safe_json({"n": 2**70, "k": {1: "<"}}).encode()


def test_save_html_is_atomic_and_returns_path(gdf, tmp_path):
    target = tmp_path / "map.html"
    target.write_text("old")
    assert save_html(map_from_frame(gdf), target) == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_unknown_remote_asset_is_refused(gdf):
    m = map_from_frame(gdf)
    import folium

    m.get_root().header.add_child(folium.JavascriptLink("https://example.org/other.js"), name="x")
    with pytest.raises(BuildError, match="no offline copy"):
        render_html(m)


def test_events_without_optional_columns(gdf):
    slim = gdf.drop(columns=["date_start", "date_end", "sources_json", "event_label", "confidence"])
    data = blob(render_html(map_from_frame(slim)))
    month = next(e for e in data["events"] if e["dp"] == "month")
    assert month["start"].endswith("-01") and month["end"] > month["start"]
    assert data["events"][0]["sources"][0]["source_id"] == "s1"


def test_embed_snippet():
    s = embed_snippet("map.html", width="100%", height="480px")
    assert '<iframe src="map.html?embed=1"' in s and 'height="480px"' in s
    assert '"><script>' not in embed_snippet('"><script>')


def _reference_sources(raw: str, ids: str) -> list[dict]:
    """The row-by-row reading of a sources_json cell the payload had before (json.loads per cell)."""
    from geomap.schema import parse_source_ids

    def text(v):
        return "" if v is None or v != v else str(v)

    try:
        items = json.loads(raw) if raw else None
    except ValueError:
        items = None
    if isinstance(items, list):
        keys = ("source_id", "publisher", "title", "published", "url")
        return [{k: text(s.get(k)) for k in keys} for s in items if isinstance(s, dict)]
    return [{"source_id": s, "publisher": "", "title": "", "published": "", "url": ""} for s in parse_source_ids(ids)]


SOURCE_VALUES = st.none() | st.integers() | st.floats() | HOSTILE_TEXTS | st.lists(st.integers(), max_size=2)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from(["source_id", "publisher", "title", "url", "x"]), SOURCE_VALUES, max_size=5)
        | SOURCE_VALUES,
        max_size=4,
    )
    | SOURCE_VALUES,
    st.booleans(),
)
def test_sources_cells_read_as_json_loads_reads_them(items, ascii_only):
    from geomap.render.payload import _source_list

    raw = json.dumps(items, ensure_ascii=ascii_only)
    assert _source_list(raw, "S1;S2") == _reference_sources(raw, "S1;S2")


@pytest.mark.parametrize(
    "raw",
    ["", "[", "{}", "[1e400]", '[{"source_id": 123456789012345678901234567890}]', '[{"title": NaN}]', '"\\ud800"'],
)
def test_odd_sources_cells(raw):
    from geomap.render.payload import _source_list

    assert _source_list(raw, "S1") == _reference_sources(raw, "S1")
