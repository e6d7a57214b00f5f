"""The province view: events or fatalities per province following the filters; click filters; URL."""

from __future__ import annotations

from collections import Counter

from conftest import open_map


def values(page) -> dict[str, float]:
    return page.evaluate("""() => Object.fromEntries(geomap.provinceView.circles
      .filter(m => geomap.provinceView.layer.hasLayer(m))
      .map((m, i) => [m.geomapProvince, geomap.provinceView.value(
        geomap._cols.provinceNames.indexOf(m.geomapProvince))]))""")


def test_view_counts_events_and_fatalities_per_province(page, map_html, fixture_gdf):
    open_map(page, map_html)
    page.check("input[name='geomap-view'][value='provinces']")
    assert page.evaluate("geomap.map.hasLayer(geomap.cluster)") is False
    want = Counter(a for a in fixture_gdf.admin1 if a)
    assert values(page) == dict(want)
    page.check("input[name='geomap-by'][value='fatalities']")
    fat = Counter()
    for r in fixture_gdf.fillna({"fatalities": 0}).itertuples():
        if r.admin1:
            fat[r.admin1] += int(r.fatalities)
    assert values(page) == {k: v for k, v in fat.items() if v}
    page.wait_for_function("location.hash.includes('view=provinces') && location.hash.includes('by=fatalities')")
    assert page.locator(".geomap-prov-legend").inner_text().startswith("Fatalities per province")
    # follows the other filters
    page.evaluate("geomap.setFilter({types: ['airstrike']})")
    want = Counter()
    for r in fixture_gdf.fillna({"fatalities": 0}).itertuples():
        if r.event_type == "airstrike" and r.admin1:
            want[r.admin1] += int(r.fatalities)
    assert values(page) == {k: v for k, v in want.items() if v}


def test_click_or_menu_filters_to_a_province_and_url_round_trip(page, map_html, fixture_gdf):
    open_map(page, map_html, hash="#view=provinces")
    assert page.is_checked("input[name='geomap-view'][value='provinces']")
    page.evaluate("""() => geomap.provinceView.circles.find(
      m => m.geomapProvince === 'Khyber Pakhtunkhwa').fire('click')""")
    want = set(fixture_gdf.loc[fixture_gdf.admin1 == "Khyber Pakhtunkhwa", "event_id"])
    assert set(page.evaluate("geomap.visibleIds()")) == want
    assert page.input_value("#geomap-province-select") == "Khyber Pakhtunkhwa"
    page.wait_for_function("location.hash.includes('province=Khyber+Pakhtunkhwa')")
    h = page.evaluate("location.hash")
    page.evaluate("geomap.setFilter({reset: true}); geomap.provinceView.show(false)")
    page.evaluate("(h) => geomap.restoreHash(h)", h)
    assert set(page.evaluate("geomap.visibleIds()")) == want
    assert page.evaluate("geomap.provinceView.isOn()") is True
    # the menu is the keyboard way
    page.select_option("#geomap-province-select", "")
    assert len(page.evaluate("geomap.visibleIds()")) == len(fixture_gdf)
    page.select_option("#geomap-province-select", "Nangarhar")
    assert set(page.evaluate("geomap.visibleIds()")) == set(
        fixture_gdf.loc[fixture_gdf.admin1 == "Nangarhar", "event_id"]
    )
