"""Screenshots of the map for the README: default view and a filtered view.

Usage: python scripts/screenshots.py [--out output/] [--events geodata/events.csv]

Builds the map from the events into a temporary folder (falls back to the
test fixture if the build fails), opens it in headless Chromium with the
network blocked and writes OUT/screenshot-default.png and
OUT/screenshot-filtered.png (``make screenshots`` uses ``--out docs``).
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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="output")
    ap.add_argument("--events", default=None)
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from geomap.render import build_map, save_html

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.TemporaryDirectory()
    html = save_html(build_map(load(args.events)), Path(tmp.name) / "map.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                   else r.abort())
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
        browser.close()
    tmp.cleanup()
    print(f"wrote {out / 'screenshot-default.png'} and {out / 'screenshot-filtered.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
