"""The timeline under the map: bars by type follow the filters, drag/click/keys set the dates, URL."""

from __future__ import annotations

from collections import Counter
from datetime import date

from conftest import open_map


def bars(page) -> dict[int, dict[str, int]]:
    """Counts per bar and type as the page holds them (what the canvas draws)."""
    return page.evaluate("""() => {
      const G = geomap, c = G._cols, nT = c.typeNames.length, out = {};
      const b = G.facetCounts.bins;
      for (let k = 0; k < c.nBins; k++) for (let t = 0; t < nT; t++) {
        if (b[k * nT + t]) { (out[k] = out[k] || {})[c.typeNames[t]] = b[k * nT + t]; }
      }
      return out;
    }""")


def bin_of(unit: str, first: str, day: str) -> int:
    """The bar of ``day``: weeks from Monday ``first`` or months from ``first``."""
    if unit == "week":
        return (date.fromisoformat(day) - date.fromisoformat(first)).days // 7
    return (int(day[:4]) - int(first[:4])) * 12 + int(day[5:7]) - int(first[5:7])


def test_bars_count_each_event_by_month_and_type(page, map_html, fixture_gdf):
    open_map(page, map_html)
    unit = page.evaluate("geomap.timeline.unit")
    assert unit == "week"  # 2023-05 .. 2025-04: two years, ~100 weeks
    first = page.evaluate("geomap.timeline.binStart(0)")
    assert date.fromisoformat(first).weekday() == 0
    want: dict[int, Counter] = {}
    for r in fixture_gdf.itertuples():
        want.setdefault(bin_of(unit, first, r.date_start), Counter())[r.event_type] += 1
    assert {int(k): v for k, v in bars(page).items()} == {k: dict(v) for k, v in want.items()}
    # the timeline follows the other filters, not its own date range
    page.evaluate("geomap.setFilter({types: ['talks'], from: '2024-10-01'})")
    got = {int(k): v for k, v in bars(page).items()}
    talks = Counter(bin_of(unit, first, r.date_start) for r in fixture_gdf.itertuples() if r.event_type == "talks")
    assert got == {k: {"talks": n} for k, n in talks.items()}


def test_drag_across_the_bars_sets_the_date_range(page, map_html):
    open_map(page, map_html)
    box = page.locator(".geomap-tl-plot").bounding_box()
    x = page.evaluate(
        """(b) => {
      const k0 = 3, k1 = 5;
      const left = b.x + 34, bw = (b.width - 34 - 4) / geomap.timeline.nBins;
      return [left + (k0 + 0.5) * bw, left + (k1 + 0.5) * bw];
    }""",
        box,
    )
    y = box["y"] + box["height"] / 2
    page.mouse.move(x[0], y)
    page.mouse.down()
    page.mouse.move((x[0] + x[1]) / 2, y)
    page.mouse.move(x[1], y)
    page.mouse.up()
    f = page.evaluate("[geomap.filters.from, geomap.filters.to]")
    start3, start6 = page.evaluate("[geomap.timeline.binStart(3), geomap.timeline.binStart(6)]")
    assert f[0] == start3
    assert f[1] < start6 and f[1] >= page.evaluate("geomap.timeline.binStart(5)")
    assert "from=" + start3 in page.evaluate("location.hash") or page.wait_for_function(
        f"location.hash.includes('from={start3}')"
    )
    # hovering a bar reads out its counts
    page.mouse.move(x[0], y)
    tip = page.inner_text(".geomap-tl-tip")
    assert page.evaluate("geomap.timeline.describe(3)") == tip
    # a click on the one chosen bar goes back to the whole period
    page.mouse.click(x[0], y)
    page.mouse.click(x[0], y)
    assert page.evaluate("[geomap.filters.from, geomap.filters.to]") == page.evaluate(
        "[geomap.minDate, geomap.maxDate]"
    )


def test_keyboard_chooses_bars_and_announces_counts(page, map_html):
    open_map(page, map_html)
    page.focus(".geomap-tl-plot")
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    assert page.evaluate("geomap.filters.from") == page.evaluate("geomap.timeline.binStart(2)")
    page.keyboard.press("Shift+ArrowRight")
    assert page.evaluate("geomap.filters.to") >= page.evaluate("geomap.timeline.binStart(3)")
    assert page.inner_text("#geomap-tl-readout") == page.evaluate("geomap.timeline.describe(3)")
    page.keyboard.press("Escape")
    assert page.evaluate("geomap.filters.from") == page.evaluate("geomap.minDate")


def test_play_steps_a_window_along_the_bars(page, map_html):
    open_map(page, map_html)
    page.evaluate("geomap.timeline.choose(0, 1)")
    page.click(".geomap-tl-play")
    assert page.get_attribute(".geomap-tl-play", "aria-pressed") == "true"
    page.wait_for_function("geomap.filters.from === geomap.timeline.binStart(1)", timeout=3000)
    page.click(".geomap-tl-play")
    assert page.get_attribute(".geomap-tl-play", "aria-pressed") == "false"
