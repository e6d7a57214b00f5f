"""Issue 11, case 8: data and URL values that are names of Object.prototype.

A place named ``__proto__`` or ``constructor`` at province precision stopped
the page from starting (the lookup of its province outline found
Object.prototype), and ``#base=__proto__`` broke it too. Every lookup keyed
by data or by the URL hash now uses a Map or an object without a prototype.
Real headless Chromium; the page fixture fails on any page error.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from conftest import open_map
from conftest_render import event, frame

KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"]


def proto_rows() -> list[dict]:
    rows = []
    for i, key in enumerate(KEYS):
        for gp in (1, 3):
            row = event(
                f"{key}" if gp == 3 else f"{key}-{i}",
                "armed_clash" if i % 2 else "talks",
                f"2024-03-{1 + i:02d}",
                "Torkham",
                gp=gp,
                actor1=key,
                note=key,
            )
            row["location"] = row["admin1"] = key
            rows.append(row)
    # one event at two places: two rows, one id (case 21)
    rows.append(event("TWO", "airstrike", "2024-04-01", "Torkham"))
    rows.append(event("TWO", "airstrike", "2024-04-01", "Chaman"))
    return rows


@pytest.fixture(scope="module", params=["markercluster", "grid"])
def proto_map(request, tmp_path_factory):
    from geomap.render import map_from_frame, save_html

    path = tmp_path_factory.mktemp("proto") / f"map-{request.param}.html"
    save_html(map_from_frame(frame(proto_rows()), engine=request.param), path)
    return path


def test_prototype_names_in_the_data_do_not_break_the_page(page, proto_map):
    open_map(page, proto_map)
    page.wait_for_selector("html[data-geomap-rendered]", state="attached")
    assert page.evaluate("geomap.events.length") == len(proto_rows())
    places = page.eval_on_selector_all(".geomap-item-place", "els => els.map(e => e.textContent)")
    assert sorted(p for p in places if p in KEYS) == sorted(KEYS * 2)
    # search finds them, and a province-level one opens with its popup
    page.fill("#geomap-search", "constructor")
    page.wait_for_function("geomap.visible.length === 2")
    page.fill("#geomap-search", "")
    page.wait_for_function(f"geomap.visible.length === {len(proto_rows())}")
    page.evaluate("geomap.select('__proto__')")
    page.wait_for_selector(".leaflet-popup .geomap-popup", state="attached")
    assert page.evaluate("geomap.selected") == "__proto__"
    assert page.evaluate("Object.prototype.constructor === Object && !('polluted' in {})")


@pytest.mark.parametrize(
    "hash",
    [
        {"base": "__proto__"},
        {"base": "constructor"},
        {"event": "__proto__"},
        {"event": "isPrototypeOf"},
        {"types": "__proto__,constructor,talks"},
        {"v": "__proto__,curated"},
        {"gp": "__proto__,1,3"},
    ],
)
def test_prototype_names_in_the_hash_are_ignored(page, proto_map, hash):
    open_map(page, proto_map, hash="#" + urlencode(hash))
    page.wait_for_selector("html[data-geomap-rendered]", state="attached")
    assert page.evaluate("geomap.baseLayer()") == "offline"
    if "event" in hash and hash["event"] == "__proto__":
        assert page.evaluate("geomap.selected") == "__proto__"  # a real event of that id
    elif "event" in hash:
        assert not page.evaluate("geomap.selected")
    if "types" in hash:
        assert page.evaluate("geomap.visible.every(e => e.type === 'talks')")


def test_an_event_at_two_places_is_two_markers(page, proto_map):
    open_map(page, proto_map, hash="#" + urlencode({"event": "TWO~2"}))
    page.wait_for_selector(".leaflet-popup .geomap-popup", state="attached")
    assert page.evaluate("geomap.visible.filter(e => e.id === 'TWO').map(e => e.place).sort()") == ["Chaman", "Torkham"]
    assert page.evaluate("geomap.selected") == "TWO~2"
