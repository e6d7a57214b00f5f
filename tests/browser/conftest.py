"""One headless Chromium per test session; every page runs with the network blocked.

The browser is Debian's ``/usr/bin/chromium`` driven by Playwright (python).
Each test gets a fresh page whose requests other than ``file:`` and ``data:``
are aborted and recorded; console errors and page errors are collected too,
and the teardown fails the test if any happened.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for conftest_render

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need /usr/bin/chromium (run 'make chromium' or 'apt-get install chromium')")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class PageWatch:
    """What a page did that it should not: requests, console errors, page errors, dialogs."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        page.route("**/*", self._route)
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def problems(self) -> dict:
        return {
            k: v
            for k, v in (
                ("requests", self.requests),
                ("console", self.console_errors),
                ("errors", self.page_errors),
                ("dialogs", self.dialogs),
            )
            if v
        }


def _watched_page(browser, **context_options):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, **context_options)
    pg = context.new_page()
    # waits, not timing asserts: a loaded 2-core CI machine rendered a popup in over 5 s once
    pg.set_default_timeout(15000)
    pg.watch = PageWatch(pg)
    return context, pg


@pytest.fixture
def page(browser):
    """A fresh page (own context) with the network blocked; fails on errors or requests.

    It asks for reduced motion, so the map jumps instead of flying (fast tests);
    :func:`animated_page` keeps the animations.
    """
    context, pg = _watched_page(browser, reduced_motion="reduce")
    yield pg
    problems = pg.watch.problems()
    context.close()
    assert not problems, f"the page misbehaved: {problems}"


@pytest.fixture
def animated_page(browser):
    """Like :func:`page`, with the map's fly/zoom animations."""
    context, pg = _watched_page(browser, reduced_motion="no-preference")
    yield pg
    problems = pg.watch.problems()
    context.close()
    assert not problems, f"the page misbehaved: {problems}"


def open_map(page, path: Path, query: str = "", hash: str = "") -> None:
    """Open a built map and wait until geomap has started."""
    url = path.resolve().as_uri() + query + hash
    page.goto(url)
    page.wait_for_selector("html[data-geomap-ready]", state="attached")


@pytest.fixture(scope="session")
def fixture_gdf():
    from conftest_render import make_gdf

    return make_gdf()


@pytest.fixture(scope="session")
def map_html(fixture_gdf, tmp_path_factory) -> Path:
    """The fixture map, built once per session."""
    from geomap.render import map_from_frame, save_html

    path = tmp_path_factory.mktemp("map") / "map.html"
    return save_html(map_from_frame(fixture_gdf), path)
