"""Hostile text never runs: the XSS battery in real Chromium (issue 5).

Every text field of every event (place, province, actors, notes, excerpt,
sub-type, id) and of every source (publisher, title, date, URL) carries a
payload; the map title does too. The page must open with no dialog, no
``window.__xss``, no script element beyond those of the built file and no
inline event handler, while popups and the list show each payload literally.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import open_map
from conftest_render import event, frame
from xss_payloads import TEXT_PAYLOADS, URL_PAYLOADS

TITLE = "<script>alert('title')</script>{{7*7}}"
TYPES = ["armed_clash", "airstrike", "explosion", "border_closure", "trade_disruption", "talks", "fortification"]


def hostile_rows() -> list[dict]:
    rows = []
    for i, p in enumerate(TEXT_PAYLOADS):
        sid = f"src{i}"
        table = {
            sid: {
                "source_id": sid,
                "publisher": p,
                "title": p,
                "published": p,
                "url": URL_PAYLOADS[i % len(URL_PAYLOADS)],
            }
        }
        row = event(
            f"X{i:02d}{p}",
            TYPES[i % 7],
            f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "Torkham" if i % 2 else "Chaman",
            gp=1 + i % 3,
            sources=(sid,),
            source_table=table,
            verified="draft" if i % 5 == 0 else "curated",
        )
        for col in ("location", "admin1", "actor1", "actor2", "note", "excerpt", "sub_event_type"):
            row[col] = p
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory):
    from geomap.render import map_from_frame, save_html

    gdf = frame(hostile_rows())
    path = tmp_path_factory.mktemp("xss") / "map.html"
    save_html(map_from_frame(gdf, title=TITLE), path)
    return path


def script_tags(html: str) -> int:
    return len(re.findall(r"<script\b", html, re.I))


def assert_nothing_ran(page, expected_scripts: int) -> None:
    page.wait_for_timeout(150)  # let error/load handlers of any injected element fire
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("document.scripts.length") == expected_scripts
    handlers = page.evaluate("""[...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => /^on/i.test(a.name)).map(a => el.tagName + ' ' + a.name))""")
    assert handlers == []
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert all(h.startswith("#") or re.match(r"https?://", h) for h in hrefs), hrefs
    for tag in ("iframe", "object", "embed", "img", "svg script", "base", "meta[http-equiv=refresh]", "form[action]"):
        assert page.locator(tag).count() == 0, tag
    assert not page.watch.dialogs


def test_battery_is_large_enough():
    assert len(TEXT_PAYLOADS) >= 50


def test_payloads_never_run_and_show_literally(page, hostile_map):
    html = hostile_map.read_text(encoding="utf-8")
    expected = script_tags(html)
    open_map(page, hostile_map)
    assert_nothing_ran(page, expected)
    assert page.title() == TITLE
    assert page.inner_text(".geomap-title") == TITLE
    uids = page.evaluate("geomap.events.map(e => e.uid)")
    assert len(uids) == len(TEXT_PAYLOADS)

    # every popup (built the way the map builds them) shows its payload as text
    report = page.evaluate("""() => {
        const box = document.createElement('div');
        document.body.appendChild(box);
        const out = geomap.events.map(ev => {
            const node = geomap.popup(ev);
            box.appendChild(node);
            return [ev.note, node.querySelector('.gp-note').textContent,
                    node.querySelector('.gp-publisher').textContent,
                    node.querySelector('.gp-title').textContent,
                    node.querySelectorAll('a').length];
        });
        return out;
    }""")
    payloads = {p.replace("\r", "") for p in TEXT_PAYLOADS}
    for note, shown_note, publisher, title, links in report:
        assert note in payloads
        assert shown_note == note and publisher == note and title == note
    # only the two well-formed http(s) URLs became links
    ok_urls = sum(1 for i in range(len(TEXT_PAYLOADS)) if URL_PAYLOADS[i % len(URL_PAYLOADS)].startswith("http"))
    assert sum(r[4] for r in report) == ok_urls
    assert_nothing_ran(page, expected)

    # the list shows every place literally
    places = page.eval_on_selector_all(".geomap-item-place", "els => els.map(e => e.textContent)")
    assert sorted(places) == sorted(p.replace("\r", "") for p in TEXT_PAYLOADS)


def test_real_popup_search_and_hostile_id_in_the_hash(page, hostile_map):
    """One load: the hash selects an event whose id is a payload and searches for '<script>'."""
    from urllib.parse import urlencode

    expected = script_tags(hostile_map.read_text(encoding="utf-8"))
    uid = "X02" + TEXT_PAYLOADS[2]
    open_map(page, hostile_map, hash="#" + urlencode({"q": "<script>", "event": uid}))
    page.wait_for_function(
        "uid => { const p = document.querySelector('.leaflet-popup .geomap-popup');"
        " return p && p.getAttribute('data-uid') === uid; }",
        arg=uid,
    )
    popup = page.query_selector(".leaflet-popup .geomap-popup")
    assert popup.eval_on_selector(".gp-note", "n => n.textContent") == TEXT_PAYLOADS[2]
    assert page.input_value("#geomap-search") == "<script>"
    assert uid in page.evaluate("geomap.visibleIds()")
    assert_nothing_ran(page, expected)


def test_payload_in_hash_is_inert(page, hostile_map):
    hostile = {
        "q": "<img src=x onerror=window.__xss=1>",
        "event": "<script>alert(1)</script>",
        "types": "talks,<svg onload=alert(1)>",
        "from": "javascript:alert(1)",
        "map": "7/34/70",
    }
    from urllib.parse import urlencode

    expected = script_tags(hostile_map.read_text(encoding="utf-8"))
    open_map(page, hostile_map, hash="#" + urlencode(hostile))
    assert page.input_value("#geomap-search") == hostile["q"]
    assert_nothing_ran(page, expected)


def test_raw_payloads_are_not_in_the_html(hostile_map):
    html = hostile_map.read_text(encoding="utf-8")
    for p in TEXT_PAYLOADS:
        if "<" in p or ">" in p:
            assert p not in html, p
    assert "\u2028" not in html and "\u2029" not in html
    # the data island parses back to the payloads
    blob = re.search(r'<script type="application/json" id="geomap-data">(.*?)</script>', html, re.S)
    data = json.loads(blob.group(1))
    assert [e["note"] for e in data["events"]] == TEXT_PAYLOADS
    assert "49" not in [e["note"] for e in data["events"]]  # {{7*7}} was not evaluated


def test_hostile_imported_dataset_never_runs(page, tmp_path, offline_chain):
    # what an imported file brings that curated rows do not: its file name
    # (the dataset's name in the filter and the licence line), its column
    # names and cells ("Other columns"), its own type ("Original type", the
    # 'other' layer's label) and sub-type
    import csv

    from geomap.pipeline import build

    p1, p2, p3 = TEXT_PAYLOADS[0], TEXT_PAYLOADS[1], TEXT_PAYLOADS[2]
    name = '<img src=x onerror="window.__xss=1">.csv'
    path = tmp_path / name
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["lat", "lon", "date", "type", "subtype", "place", p1, "url"])
        w.writerow(["34.1", "71.1", "2025-01-05", p2, p3, p1, p2, "javascript:window.__xss=1"])
    out = tmp_path / "out"
    build([path], out=out, chain=offline_chain)
    html = (out / "map.html").read_text(encoding="utf-8")
    open_map(page, out / "map.html")
    assert_nothing_ran(page, script_tags(html))
    (uid,) = page.evaluate("geomap.events.map(e => e.uid)")
    page.evaluate(f"geomap.select({json.dumps(uid)})")
    popup = page.wait_for_selector(".leaflet-popup .geomap-popup").inner_text()
    for shown in (p1, p2, p3, name):
        assert shown.replace("\r", "") in popup
    assert name in page.inner_text("body")  # the dataset filter names the file literally
    assert_nothing_ran(page, script_tags(html))
