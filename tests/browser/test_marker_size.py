"""Marker size by fatalities: area proportional, clusters sum, legend, URL round trip."""

from __future__ import annotations

from conftest import open_map


def test_toggle_sizes_markers_by_fatalities(page, map_html, fixture_gdf):
    open_map(page, map_html, hash="#map=9/33.8/70.2")
    page.check(".geomap-size-toggle input")
    assert page.evaluate("geomap.markerSizing.isOn()") is True
    page.wait_for_function("location.hash.includes('size=fatalities')")
    d = page.evaluate("[1, 4, 15, 0].map(f => geomap.markerSizing.diameter(f))")
    # area proportional: 4x the toll, 2x the diameter; the deadliest is 44 px
    assert d[2] == 44 and abs(d[1] / max(d[0], 1) - 2) < 0.35 and d[3] == 10
    icon = page.evaluate("geomap.marker('K-002').options.icon.options.iconSize")
    assert icon == [page.evaluate("geomap.markerSizing.diameter(8)")] * 2
    legend = page.inner_text(".geomap-size-legend")
    assert "Fatalities" in legend and "15" in legend
    # clusters show the sum of their events' fatalities
    page.evaluate("geomap.map.setView([33.5, 69.5], 5, {animate: false})")
    page.wait_for_timeout(300)
    labels = page.eval_on_selector_all(".geomap-cluster-sized span", "s => s.map(x => +x.textContent)")
    assert labels and sum(labels) <= int(fixture_gdf.fatalities.fillna(0).sum())
    page.uncheck(".geomap-size-toggle input")
    assert page.evaluate("geomap.marker('K-002').options.icon.options.iconSize") == [22, 22]
    assert page.query_selector(".geomap-size-legend") is None


def test_size_restored_from_the_url(page, map_html):
    open_map(page, map_html, hash="#size=fatalities")
    assert page.is_checked(".geomap-size-toggle input")
    assert page.query_selector(".geomap-size-legend") is not None
