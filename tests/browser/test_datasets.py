"""The dataset filter: values from the data's dataset column (else curated/draft), counts, URL."""

from __future__ import annotations

import pytest
from conftest import open_map


@pytest.fixture(scope="module")
def datasets_html(tmp_path_factory):
    from conftest_render import make_gdf

    from geomap.render import map_from_frame, save_html

    gdf = make_gdf()
    names = ["curated", "UCDP GED", "ACLED", "my file.csv"]
    gdf["dataset"] = [names[i % 4] for i in range(len(gdf))]
    gdf.loc[gdf["verified"] == "draft", "dataset"] = "draft"
    gdf.loc[0, "event_type"] = "other"
    return save_html(map_from_frame(gdf), tmp_path_factory.mktemp("ds") / "map.html"), gdf


def test_without_dataset_column_curated_and_drafts(page, map_html, fixture_gdf):
    open_map(page, map_html)
    assert page.evaluate("geomap.datasets") == ["curated", "draft"]
    # it would repeat the verification filter: hidden, but it still filters
    assert not page.is_visible(".geomap-datasets")
    page.evaluate("geomap.setFilter({datasets: ['draft']})")
    assert set(page.evaluate("geomap.visibleIds()")) == set(
        fixture_gdf.loc[fixture_gdf.verified == "draft", "event_id"]
    )


def test_datasets_and_types_come_from_the_data(page, datasets_html):
    path, gdf = datasets_html
    open_map(page, path)
    assert page.evaluate("geomap.datasets") == ["curated", "draft", "ACLED", "UCDP GED", "my file.csv"]
    counts = page.evaluate("""() => Object.fromEntries(Array.from(
      document.querySelectorAll('.geomap-datasets input')).map(i => [i.value,
        +i.parentNode.querySelector('.geomap-count').textContent]))""")
    assert counts == gdf["dataset"].value_counts().to_dict()
    assert "other" in page.evaluate("geomap.types.map(t => t.id)")
    page.uncheck(".geomap-datasets input[value='ACLED']")
    page.uncheck(".geomap-datasets input[value='my file.csv']")
    want = set(gdf.loc[~gdf.dataset.isin(["ACLED", "my file.csv"]), "event_id"])
    assert set(page.evaluate("geomap.visibleIds()")) == want
    page.wait_for_function("location.hash.includes('datasets=')")
    h = page.evaluate("location.hash")
    assert "datasets=curated%7Cdraft%7CUCDP+GED" in h
    page.evaluate("geomap.setFilter({reset: true})")
    page.evaluate("(h) => geomap.restoreHash(h)", h)
    assert set(page.evaluate("geomap.visibleIds()")) == want
    assert not page.is_checked(".geomap-datasets input[value='ACLED']")


def test_names_like_object_keys_are_plain_values(page, tmp_path):
    """Dataset, actor and province names such as __proto__ filter like any other."""
    from conftest_render import make_gdf

    from geomap.render import map_from_frame, save_html

    gdf = make_gdf()
    gdf["dataset"] = ["__proto__" if i % 2 else "constructor" for i in range(len(gdf))]
    gdf.loc[0, "actor1"] = "__proto__"
    gdf.loc[0, "admin1"] = "hasOwnProperty"
    path = save_html(map_from_frame(gdf), tmp_path / "map.html")
    open_map(page, path, hash="#datasets=__proto__&actors=__proto__%7Cconstructor")
    assert page.evaluate("geomap.datasets") == ["__proto__", "constructor"]
    assert page.evaluate("geomap.visibleIds()") == []  # row 0 is a 'constructor' dataset row
    page.evaluate("geomap.setFilter({datasets: ['constructor'], province: 'hasOwnProperty'})")
    assert page.evaluate("geomap.visibleIds()") == [gdf.event_id[0]]
