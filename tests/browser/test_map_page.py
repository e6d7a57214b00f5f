"""The built map in real headless Chromium: markers, filters, counts, list, popups, URL, embed.

Expected sets are computed here from the fixture frame with the rules the
page documents (a date filter keeps an event whose date interval overlaps the
range; search matches every word in place, province, actors, note, sub-type),
so the page is checked against the data, not against itself.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from conftest import open_map

from geomap.schema import EVENT_TYPES


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


def expected(gdf, types=None, start=None, end=None, q="", gp=(1, 2, 3, 4), verified=("curated", "draft")) -> set[str]:
    keep = set()
    for r in gdf.itertuples():
        hay = fold(" ".join([r.location, r.admin1, r.actor1, r.actor2, r.note, r.sub_event_type, r.event_id]))
        if types is not None and r.event_type not in types:
            continue
        if start and r.date_end < start or end and r.date_start > end:
            continue
        if r.geo_precision not in gp or r.verified not in verified:
            continue
        if not all(w in hay for w in fold(q).split()):
            continue
        keep.add(r.event_id)
    return keep


def type_counts(gdf, ids) -> dict[str, int]:
    return dict(Counter(gdf.set_index("event_id").loc[sorted(ids), "event_type"]))


def shown_counts(page) -> dict[str, int]:
    """Legend counts as the reader sees them in the panel."""
    return {
        el.get_attribute("data-type"): int(el.inner_text())
        for el in page.query_selector_all(".geomap-types .geomap-count")
    }


def visible(page) -> set[str]:
    return set(page.evaluate("geomap.visibleIds()"))


def listed(page) -> list[str]:
    return page.eval_on_selector_all(".geomap-item-btn", "bs => bs.map(b => b.dataset.uid)")


def test_leaflet_loaded_and_one_marker_per_event(page, map_html, fixture_gdf):
    open_map(page, map_html)
    assert page.evaluate("L.version") == "1.9.3"
    assert page.evaluate("typeof L.markerClusterGroup") == "function"
    want = dict(Counter(fixture_gdf.event_type))
    assert page.evaluate("geomap.markerCounts(true)") == want
    assert page.evaluate("geomap.markerCounts()") == want
    # the legend lists every type of the schema, with 0 for those absent
    assert shown_counts(page) == {t: want.get(t, 0) for t in EVENT_TYPES}
    assert visible(page) == set(fixture_gdf.event_id)
    # the list is sorted by date and shows everything
    ids = listed(page)
    starts = fixture_gdf.set_index("event_id").loc[ids, "date_start"].tolist()
    assert len(ids) == len(fixture_gdf) and starts == sorted(starts)
    assert page.inner_text("#geomap-status") == f"{len(fixture_gdf)} of {len(fixture_gdf)} events shown"


def test_initial_view_frames_the_border(page, map_html):
    open_map(page, map_html)
    b = page.evaluate(
        "(() => { const b = geomap.map.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()"
    )
    south, west, north, east = b
    assert south < 29.5 and north > 36.5 and west < 61.5 and east > 74
    assert east - west < 30  # the border region, not the world


def test_toggling_a_type_by_click_changes_markers_counts_and_list(page, map_html, fixture_gdf):
    open_map(page, map_html)
    page.click(".geomap-types label[data-type=talks] input")
    want = expected(fixture_gdf, types=set(fixture_gdf.event_type) - {"talks"})
    assert visible(page) == want
    assert set(listed(page)) == want
    counts = shown_counts(page)
    assert counts["talks"] == 0
    assert {k: v for k, v in counts.items() if v} == type_counts(fixture_gdf, want)
    assert "talks" not in page.evaluate("geomap.markerCounts()")
    page.click(".geomap-types label[data-type=talks] input")
    assert visible(page) == set(fixture_gdf.event_id)


def test_keyboard_toggles_a_type(page, map_html, fixture_gdf):
    open_map(page, map_html)
    page.focus(".geomap-types label[data-type=airstrike] input")
    page.keyboard.press("Space")
    assert visible(page) == expected(fixture_gdf, types=set(fixture_gdf.event_type) - {"airstrike"})
    # every form control has an accessible name
    unnamed = page.evaluate("""[...document.querySelectorAll('#geomap-panel input, #geomap-panel button')]
        .filter(el => !(el.labels && el.labels.length) && !el.textContent.trim()
                      && !el.getAttribute('aria-label')).length""")
    assert unnamed == 0


@pytest.mark.parametrize(
    "start,end", [("2024-03-01", "2024-03-31"), ("2023-08-20", "2023-12-31"), ("2025-01-01", "2025-12-31")]
)
def test_date_range_changes_visible_set_and_counts(page, map_html, fixture_gdf, start, end):
    open_map(page, map_html)
    page.evaluate(f"geomap.setFilter({{from: '{start}', to: '{end}'}})")
    want = expected(fixture_gdf, start=start, end=end)
    assert want and want != set(fixture_gdf.event_id)
    assert visible(page) == want
    assert {k: v for k, v in shown_counts(page).items() if v} == type_counts(fixture_gdf, want)
    assert page.evaluate("geomap.markerCounts()") == type_counts(fixture_gdf, want)


def test_date_slider_by_keyboard(page, map_html, fixture_gdf):
    open_map(page, map_html)
    page.focus("#geomap-to")
    page.keyboard.press("Home")  # the "to" slider at the first day
    first = fixture_gdf.date_start.min()
    assert page.input_value("#geomap-from") == page.input_value("#geomap-to")
    assert visible(page) == expected(fixture_gdf, start=first, end=first)


def test_month_event_overlapping_the_range_is_kept(page, map_html, fixture_gdf):
    open_map(page, map_html)
    page.evaluate("geomap.setFilter({from: '2023-08-30', to: '2023-08-31'})")
    assert "C-002" in visible(page)  # dated 2023-08 (month precision)


def test_search_finds_torkham(page, map_html, fixture_gdf):
    open_map(page, map_html)
    page.fill("#geomap-search", "torkham")
    page.wait_for_function("geomap.filters.q === 'torkham'")
    want = expected(fixture_gdf, q="torkham")
    assert want >= set(fixture_gdf[fixture_gdf.location == "Torkham"].event_id)
    assert visible(page) == want
    assert set(listed(page)) == want
    page.fill("#geomap-search", "air force kurram")
    page.wait_for_function("geomap.filters.q === 'air force kurram'")
    assert visible(page) == expected(fixture_gdf, q="air force kurram") == {"K-002"}


def test_popup_from_list_click_shows_sources(page, map_html, fixture_gdf):
    open_map(page, map_html)
    page.click(".geomap-item-btn[data-uid='T-002']")
    popup = page.wait_for_selector(".leaflet-popup .geomap-popup[data-uid='T-002']")
    text = popup.inner_text()
    for s in (
        "Frontier Daily",
        "Crossing shut after dispute",
        "2024-03-02",
        "Valley Radio",
        "Guards trade fire near gate",
        "2024-03-03",
        "Armed clash",
        "Torkham",
        "1\u20133",
        "Border guards",
    ):
        assert s in text, s
    links = popup.eval_on_selector_all("a", "as => as.map(a => a.href)")
    assert links == ["https://example.org/frontier/1", "http://example.net/valley/2"]
    assert page.evaluate("geomap.selected") == "T-002"
    assert "event=T-002" in page.evaluate("location.hash")


def test_list_click_reaches_shared_far_and_border_wide_events(animated_page, map_html):
    page = animated_page
    open_map(page, map_html)
    for uid in ("T-004", "I-001", "D-001", "B-001"):
        page.click(f".geomap-item-btn[data-uid='{uid}']")
        page.wait_for_selector(f".leaflet-popup .geomap-popup[data-uid='{uid}']")
        page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1")
    # the border-wide event highlights the Durand Line
    assert page.evaluate("geomap.highlight.getLayers().length") == 1
    assert page.locator("path.geomap-highlight").count() >= 1


def test_clicking_a_marker_opens_its_popup(page, map_html):
    open_map(page, map_html)
    page.evaluate("geomap.setFilter({q: 'Islamabad'})")
    page.wait_for_selector(".geomap-marker")
    page.click(".geomap-marker")
    page.wait_for_selector(".leaflet-popup .geomap-popup[data-uid='K-005']")
    assert page.locator(".geomap-item.geomap-selected .geomap-item-btn[data-uid='K-005']").count() == 1


def test_province_level_event_shows_uncertainty(page, map_html):
    open_map(page, map_html)
    assert page.evaluate("geomap.uncertainty.getLayers().length") == 1
    assert page.evaluate("geomap.uncertainty.getLayers()[0] instanceof L.Circle")
    page.evaluate("geomap.setFilter({gp: [1, 2]})")
    assert page.evaluate("geomap.uncertainty.getLayers().length") == 0


def test_draft_events_have_their_own_style_and_filter(page, map_html, fixture_gdf):
    open_map(page, map_html)
    assert "geomap-draft" in page.evaluate("geomap.marker('A-001').options.icon.options.className")
    assert "geomap-draft" not in page.evaluate("geomap.marker('T-001').options.icon.options.className")
    page.click(".geomap-verified input[value=curated]")
    assert visible(page) == expected(fixture_gdf, verified=("draft",)) == {"A-001"}


def test_url_hash_restores_state(page, map_html, fixture_gdf, browser):
    open_map(page, map_html)
    page.evaluate("geomap.setFilter({types: ['talks', 'airstrike'], from: '2024-01-01', q: 'delegation'})")
    page.evaluate("geomap.select('D-001')")
    page.wait_for_selector(".leaflet-popup .geomap-popup[data-uid='D-001']")
    page.wait_for_function("location.hash.includes('event=D-001')")
    hash_ = page.evaluate("location.hash")
    want = expected(fixture_gdf, types={"talks", "airstrike"}, start="2024-01-01", q="delegation")
    assert visible(page) == want
    # a fresh page with that link shows the same
    other = page.context.new_page()
    open_map(other, map_html, hash=hash_)
    assert set(other.evaluate("geomap.visibleIds()")) == want
    assert other.evaluate("geomap.filters.q") == "delegation"
    other.wait_for_selector(".leaflet-popup .geomap-popup[data-uid='D-001']")
    assert other.input_value("#geomap-search") == "delegation"
    other.close()


def test_hand_written_hash(page, map_html, fixture_gdf):
    open_map(page, map_html, hash="#map=7/34/70&types=explosion&gp=1")
    assert visible(page) == expected(fixture_gdf, types={"explosion"}, gp=(1,))
    assert page.evaluate("geomap.map.getZoom()") == 7


def test_embed_mode_hides_the_panel(page, map_html):
    open_map(page, map_html, query="?embed=1")
    assert not page.is_visible("#geomap-panel")
    assert page.is_visible(".geomap-legend")
    width = page.evaluate("document.querySelector('.folium-map').getBoundingClientRect().width")
    assert width == 1280


def test_full_page_has_panel_and_no_embed_legend(page, map_html):
    open_map(page, map_html)
    assert page.is_visible("#geomap-panel")
    assert not page.is_visible(".geomap-legend")


def test_play_steps_through_time(page, map_html):
    open_map(page, map_html)
    page.click(".geomap-play button:has-text('Play')")
    f0 = page.evaluate("geomap.filters.from")
    page.wait_for_function(f"geomap.filters.from > '{f0}'", timeout=3000)
    page.click(".geomap-play button[aria-pressed=true]")
    assert page.get_attribute(".geomap-play button:first-child", "aria-pressed") == "false"


def test_an_event_far_down_the_list_opens_without_listing_all_before_it(page, tmp_path):
    # a link to one event of 200 000 (#event=ID) listed every event before it
    # in date order: the page froze for minutes laying out the list. One a
    # few pages down is still listed and marked; one further down opens alone.
    from conftest_render import PLACES, event, frame

    from geomap.render import map_from_frame, save_html

    places = sorted(PLACES)
    rows = [
        event(f"E-{i:04d}", "armed_clash", f"{2000 + i // 300}-{1 + i // 25 % 12:02d}-{1 + i % 25:02d}", places[i % 5])
        for i in range(1500)
    ]
    path = save_html(map_from_frame(frame(rows)), tmp_path / "map.html")
    open_map(page, path)
    page.wait_for_selector("html[data-geomap-rendered]", state="attached")
    order = page.evaluate("geomap.visible.map(function (e) { return e.uid; })")
    near, far = order[300], order[-1]
    for uid, listed_after in ((near, 301), (far, 301)):
        page.evaluate(f"geomap.select({uid!r})")
        page.wait_for_selector(f".leaflet-popup .geomap-popup[data-uid='{uid}']")
        assert len(listed(page)) == listed_after  # the far one adds nothing to the list
    assert page.locator(f".geomap-item.geomap-selected .geomap-item-btn[data-uid='{near}']").count() == 0
