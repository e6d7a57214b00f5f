"""The actor filter: both actor columns, counts of the selection, search, several chosen, URL."""

from __future__ import annotations

from collections import Counter

from conftest import open_map


def actor_counts(gdf, **skip) -> Counter:
    c = Counter()
    for r in gdf.itertuples():
        for a in {r.actor1, r.actor2} - {""}:
            c[a] += 1
    return c


def listed(page) -> dict[str, int]:
    return page.evaluate("""() => Object.fromEntries(Array.from(
      document.querySelectorAll('.geomap-actor')).map(li => [
        li.querySelector('input').value, +li.querySelector('.geomap-count').textContent]))""")


def test_most_frequent_actors_listed_with_counts(page, map_html, fixture_gdf):
    open_map(page, map_html)
    want = actor_counts(fixture_gdf)
    got = listed(page)
    assert got == dict(want.most_common(12))


def test_choosing_actors_filters_both_columns_and_keeps_counts(page, map_html, fixture_gdf):
    open_map(page, map_html, hash="#map=5/33/68")
    page.fill("#geomap-actor-search", "police")
    page.wait_for_selector(".geomap-actor input[value='Border police']")
    page.check(".geomap-actor input[value='Border police']")
    page.fill("#geomap-actor-search", "air")
    page.wait_for_selector(".geomap-actor input[value='Air force']")
    page.check(".geomap-actor input[value='Air force']")
    want = {r.event_id for r in fixture_gdf.itertuples() if {"Border police", "Air force"} & {r.actor1, r.actor2}}
    assert set(page.evaluate("geomap.visibleIds()")) == want
    # the chosen stay listed, with counts of the selection before the actor choice
    page.fill("#geomap-actor-search", "")
    page.wait_for_timeout(200)
    got = listed(page)
    assert got["Border police"] == 1 and got["Air force"] == 2
    assert page.is_checked(".geomap-actor input[value='Air force']")
    # URL round trip
    page.wait_for_function("location.hash.includes('actors=')")
    h = page.evaluate("location.hash")
    page.evaluate("geomap.setFilter({reset: true})")
    page.evaluate("(h) => geomap.restoreHash(h)", h)
    assert set(page.evaluate("geomap.filters.actors")) == {"Border police", "Air force"}
    assert set(page.evaluate("geomap.visibleIds()")) == want
    page.click(".geomap-actor-clear")
    assert len(page.evaluate("geomap.visibleIds()")) == len(fixture_gdf)


def test_actor_names_are_text_and_hash_keeps_commas(page, map_html):
    open_map(page, map_html, hash="#actors=Delegation%20A%7CNo%2C%20such%20actor")
    assert page.evaluate("geomap.filters.actors") == ["Delegation A", "No, such actor"]
    assert page.evaluate("geomap.visibleIds()") == ["D-001"]
