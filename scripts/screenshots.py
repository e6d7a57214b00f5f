"""Screenshots of the map for the README: default, filtered, timeline, actors, provinces.

Usage: python scripts/screenshots.py [--out output/] [--events geodata/events.csv]

Builds the map from the events into a temporary folder (falls back to the
test fixture if the build fails), opens it in headless Chromium with the
network blocked and writes OUT/screenshot-default.png,
OUT/screenshot-filtered.png, OUT/screenshot-timeline.png (a range dragged on
the timeline, a bar hovered), OUT/screenshot-actors.png (the actor filter with
a search and a chosen actor) and OUT/screenshot-provinces.png (the province
view) (``make screenshots`` uses ``--out docs``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


def load(events):
    try:
        from geomap.api import load_geodataframe

        gdf, _ = load_geodataframe(events)
        return gdf
    except Exception as err:  # a broken dataset should not stop the screenshots
        print(f"screenshots: using the test fixture ({err})", file=sys.stderr)
        sys.path.insert(0, str(ROOT / "tests"))
        from conftest_render import make_gdf

        return make_gdf()


def controls(page, out: Path) -> list[str]:
    """Screenshots of the timeline, the actor filter and the province view."""
    page.evaluate("geomap.deselect(); geomap.map.closePopup(); geomap.setFilter({reset: true})")
    page.wait_for_timeout(300)
    # timeline: drag across a stretch of bars, then hover one
    plot = page.locator(".geomap-tl-plot").bounding_box()
    n = page.evaluate("geomap.timeline.nBins")

    def x(k):
        return plot["x"] + 34 + (k + 0.5) * (plot["width"] - 38) / n

    y = plot["y"] + plot["height"] / 2
    page.mouse.move(x(n * 2 // 3), y)
    page.mouse.down()
    page.mouse.move(x(n - 1), y, steps=4)
    page.mouse.up()
    page.mouse.move(x(n - 2), y)
    page.wait_for_timeout(600)
    tl = page.locator(".geomap-timeline").bounding_box()
    page.screenshot(
        path=str(out / "screenshot-timeline.png"),
        clip={"x": tl["x"], "y": tl["y"] - 320, "width": tl["width"], "height": tl["height"] + 320},
    )
    # actor filter: a search, one actor chosen
    page.mouse.move(5, 5)
    page.evaluate("geomap.setFilter({reset: true})")
    page.fill("#geomap-actor-search", "tal")
    page.wait_for_timeout(300)
    page.locator(".geomap-actor input").first.check()
    page.fill("#geomap-actor-search", "")
    page.wait_for_timeout(400)
    fs = page.locator(".geomap-actors")
    fs.scroll_into_view_if_needed()
    box = fs.bounding_box()
    page.screenshot(
        path=str(out / "screenshot-actors.png"),
        clip={"x": 0, "y": max(0, box["y"] - 8), "width": 1280, "height": min(800 - max(0, box["y"] - 8), 520)},
    )
    # province view: fatalities per province
    page.evaluate("geomap.setFilter({reset: true})")
    page.evaluate("document.querySelector('.geomap-panel').scrollTop = 0")
    page.check("input[name='geomap-view'][value='provinces']")
    page.check("input[name='geomap-by'][value='events']")
    page.wait_for_timeout(600)
    page.screenshot(path=str(out / "screenshot-provinces.png"))
    return ["screenshot-timeline.png", "screenshot-actors.png", "screenshot-provinces.png"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="output")
    ap.add_argument("--events", default=None)
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from geomap.render import map_from_frame, save_html

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.TemporaryDirectory()
    html = save_html(map_from_frame(load(args.events)), Path(tmp.name) / "map.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        page.goto(html.resolve().as_uri())
        page.wait_for_selector("html[data-geomap-ready]", state="attached")
        page.wait_for_timeout(600)
        page.screenshot(path=str(out / "screenshot-default.png"))
        # filtered: violent events only, with the popup of a marker clicked on the map
        page.evaluate("geomap.setFilter({types: ['armed_clash', 'airstrike', 'explosion']})")
        page.wait_for_timeout(300)
        page.click(".geomap-marker >> nth=0")
        page.wait_for_selector(".leaflet-popup .geomap-popup")
        page.wait_for_timeout(900)
        page.screenshot(path=str(out / "screenshot-filtered.png"))
        written = ["screenshot-default.png", "screenshot-filtered.png"]
        written += controls(page, out)
        browser.close()
    tmp.cleanup()
    print("wrote " + ", ".join(str(out / name) for name in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
