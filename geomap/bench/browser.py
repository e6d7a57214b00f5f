"""Time a map page in headless Chromium: until ready, and one filter change of each kind.

Run as a child process (``python -m geomap.bench.browser PAGE --kind geomap``)
so that :func:`geomap.bench.measure.run_capped` can kill it, Chromium and all,
when the page runs over its cap. It prints one JSON line.

What is measured, all with ``performance.now()`` inside the page:

- ``ready_ms``: from navigation start until the markers are on the map and a
  frame has been drawn. For a geomap page that is the ``rendered`` signal of
  ``events.js`` (the last markercluster chunk is in); for a plain folium page
  (markers made by inline scripts while parsing) the ``load`` event.
- ``type_toggle_ms``: hide the most frequent event type, until the map has
  re-clustered and drawn a frame (geomap: ``geomap.setFilter``; folium:
  removing that type's FeatureGroup, what its LayerControl checkbox does).
- ``date_change_ms``: narrow the date range to its middle half (geomap only;
  the plain folium page has no date filter).
- ``timeline_drag_ms``: the range a drag across the middle half of the
  timeline sets (``geomap.timeline.choose``, what the pointer handler calls
  on each frame of a drag), until re-clustered and drawn (geomap only).
- ``province_view_ms``: switch to the province view (events per province,
  following the filters), until a frame is drawn; ``province_toggle_ms``:
  the type toggle above while in the province view (geomap only).
- ``actor_filter_ms``: show only the events of the most frequent actor (what
  ticking it in the actor list does); ``province_filter_ms``: only the
  events of the province with most events (what clicking its circle does),
  each until re-clustered and drawn (geomap only).

Filter changes are timed :data:`REPEAT` times each (median reported, every
run kept); ``*_painted_ms`` wait one frame more, until it has been painted.

The page runs with the network blocked: any request other than ``file:`` or
``data:`` is aborted and counted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ..render.assets import vendored_text

CHROMIUM = "/usr/bin/chromium"
#: Each filter change is timed this many times; the median is reported
#: (one run can catch a garbage collection or another process's burst).
REPEAT = 5
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Runs in the page: resolves with the milliseconds from calling ``fn`` until
# geomap signals 'rendered' and the next frame is painted.
# ``ms`` stops at the next animation frame (the map's new state is ready to
# be painted); ``painted_ms`` one frame later (that frame has been painted).
_TIMED_GEOMAP = """async (patch) => {
  const G = window.geomap;
  return await new Promise((resolve) => {
    let done = false;
    const t0 = performance.now();
    G.on('rendered', () => {
      if (done) return;
      done = true;
      requestAnimationFrame(() => {
        const ms = performance.now() - t0;
        requestAnimationFrame(() => resolve({
          ms: ms, painted_ms: performance.now() - t0, visible: G.visible.length}));
      });
    });
    G.setFilter(patch);
  });
}"""

# Select an event from the list the way a reader does; resolves when its
# popup is open (the grid and markercluster both zoom or spiderfy to it).
_SELECT = """async (uid) => {
  const G = window.geomap;
  const t0 = performance.now();
  G.select(uid);
  for (let i = 0; i < 200; i++) {
    const box = document.querySelector('.leaflet-popup .geomap-popup');
    if (box && box.getAttribute('data-uid') === uid) return {ms: performance.now() - t0, ok: true};
    await new Promise((r) => setTimeout(r, 25));
  }
  return {ms: performance.now() - t0, ok: false};
}"""

# Like _TIMED_GEOMAP, for an action of a page control: 'timeline' chooses
# bars args[0]..args[1]; 'province' switches the province view on (until the
# next frame: the circles are redrawn in the same task).
_TIMED_ACTION = """async ([action, args]) => {
  const G = window.geomap;
  return await new Promise((resolve) => {
    const t0 = performance.now();
    const frame = () => requestAnimationFrame(() => {
      const ms = performance.now() - t0;
      requestAnimationFrame(() => resolve({
        ms: ms, painted_ms: performance.now() - t0, visible: G.visible.length}));
    });
    if (action === 'province') { G.provinceView.show(true); frame(); return; }
    let done = false;
    G.on('rendered', () => { if (!done) { done = true; frame(); } });
    G.timeline.choose(args[0], args[1]);
  });
}"""

_READY_GEOMAP = """async () => {
  const G = window.geomap;
  await new Promise((resolve) => {
    if (G.rendered) resolve(); else G.on('rendered', () => resolve());
  });
  await new Promise((r) => requestAnimationFrame(r));
  return {ms: performance.now(), events: G.events.length,
          markers: Object.values(G.markerCounts(true)).reduce((a, b) => a + b, 0)};
}"""

_READY_FOLIUM = """async () => {
  if (document.readyState !== 'complete') {
    await new Promise((r) => window.addEventListener('load', r, {once: true}));
  }
  await new Promise((r) => requestAnimationFrame(r));
  return {ms: performance.now()};
}"""

# The plain folium page: toggle the FeatureGroup with the most layers off.
_TOGGLE_FOLIUM = """async () => {
  const groups = Object.keys(window).filter((k) => k.startsWith('feature_group_'))
    .map((k) => window[k]);
  const map = Object.keys(window).filter((k) => k.startsWith('map_')).map((k) => window[k])[0];
  groups.sort((a, b) => b.getLayers().length - a.getLayers().length);
  const g = groups[0];
  const t0 = performance.now();
  map.removeLayer(g);
  const ms = await new Promise((r) => requestAnimationFrame(() => r(performance.now() - t0)));
  await new Promise((r) => requestAnimationFrame(r));
  return {ms: ms, painted_ms: performance.now() - t0, groups: groups.length,
          hidden: g.getLayers().length};
}"""


_UNTOGGLE_FOLIUM = """async () => {
  const groups = Object.keys(window).filter((k) => k.startsWith('feature_group_'))
    .map((k) => window[k]);
  const map = Object.keys(window).filter((k) => k.startsWith('map_')).map((k) => window[k])[0];
  groups.forEach((g) => { if (!map.hasLayer(g)) map.addLayer(g); });
  await new Promise((r) => requestAnimationFrame(r));
}"""


def _most_frequent_type(page) -> tuple[str, list[str]]:
    counts = page.evaluate("() => geomap.markerCounts(true)")
    types = page.evaluate("() => geomap.types.map(t => t.id)")
    top = max(counts, key=counts.get)
    return top, [t for t in types if t != top]


def _date_window(page) -> tuple[str, str]:
    lo, hi = page.evaluate("() => [geomap.dayNum(geomap.minDate), geomap.dayNum(geomap.maxDate)]")
    span = hi - lo
    return (
        page.evaluate(f"() => geomap.dayStr({lo + span // 4})"),
        page.evaluate(f"() => geomap.dayStr({hi - span // 4})"),
    )


def _repeat(page, patch: dict, times: int = REPEAT) -> dict:
    """Apply ``patch`` ``times`` times (resetting in between); the median run."""
    runs = []
    for _ in range(times):
        runs.append(page.evaluate(_TIMED_GEOMAP, patch))
        page.evaluate(_TIMED_GEOMAP, {"reset": True})
    runs.sort(key=lambda r: r["ms"])
    mid = runs[len(runs) // 2]
    return {
        "ms": round(mid["ms"], 1),
        "painted_ms": round(mid["painted_ms"], 1),
        "visible": mid["visible"],
        "runs": [round(r["ms"], 1) for r in runs],
    }


def _repeat_action(page, action: str, args: list, undo: str, times: int = REPEAT) -> dict:
    """Time a control's action ``times`` times (``undo`` JS in between); the median run."""
    runs = []
    for _ in range(times):
        runs.append(page.evaluate(_TIMED_ACTION, [action, args]))
        page.evaluate(undo)
    runs.sort(key=lambda r: r["ms"])
    mid = runs[len(runs) // 2]
    return {
        "ms": round(mid["ms"], 1),
        "painted_ms": round(mid["painted_ms"], 1),
        "visible": mid["visible"],
        "runs": [round(r["ms"], 1) for r in runs],
    }


def measure_controls(page, others: list[str]) -> dict:
    """Timeline drag and province view timings of a geomap page (see the module doc)."""
    out: dict = {}
    page.evaluate(_TIMED_GEOMAP, {"reset": True})
    if page.evaluate("() => !!window.geomap.timeline"):
        n = page.evaluate("() => geomap.timeline.nBins")
        a, b = n // 4, max(n // 4, n - 1 - n // 4)
        r = _repeat_action(
            page, "timeline", [a, b], "() => geomap.setFilter({from: geomap.minDate, to: geomap.maxDate})"
        )
        out.update(
            timeline_drag_ms=r["ms"],
            timeline_drag_painted_ms=r["painted_ms"],
            timeline_drag_runs_ms=r["runs"],
            timeline_bins=[a, b],
            timeline_unit=page.evaluate("() => geomap.timeline.unit"),
            visible_after_drag=r["visible"],
        )
    if page.evaluate("() => !!window.geomap.provinceView"):
        r = _repeat_action(page, "province", [], "() => geomap.provinceView.show(false)")
        out.update(province_view_ms=r["ms"], province_view_painted_ms=r["painted_ms"], province_view_runs_ms=r["runs"])
        page.evaluate("() => geomap.provinceView.show(true)")
        r = _repeat(page, {"types": others})
        out.update(
            province_toggle_ms=r["ms"], province_toggle_painted_ms=r["painted_ms"], province_toggle_runs_ms=r["runs"]
        )
        page.evaluate("() => geomap.provinceView.show(false)")
    # the facets' largest entries (slot 0 of the count arrays is 'none')
    top = page.evaluate(
        """() => {
      const fc = geomap.facetCounts, c = geomap._cols;
      const best = (a, names) => { let k = 1; for (let i = 2; i < a.length; i++) if (a[i] > a[k]) k = i;
        return a.length > 1 && a[k] > 0 ? names[k - 1] : null; };
      return {actor: best(fc.actors, c.actorNames), province: best(fc.provinces, c.provinceNames)};
    }"""
    )
    if top["actor"] is not None:
        r = _repeat(page, {"actors": [top["actor"]]})
        out.update(actor_filter_ms=r["ms"], actor_filter_painted_ms=r["painted_ms"], actor_filter_runs_ms=r["runs"])
        out.update(visible_after_actor=r["visible"])
    if top["province"] is not None:
        r = _repeat(page, {"province": top["province"]})
        out.update(
            province_filter_ms=r["ms"], province_filter_painted_ms=r["painted_ms"], province_filter_runs_ms=r["runs"]
        )
        out.update(visible_after_province=r["visible"])
    return out


def measure_page(browser, path: Path, kind: str, timeout_ms: float = 60000, select: int | str | None = None) -> dict:
    """Open ``path`` in a fresh context of ``browser`` and time it (see module doc).

    ``select``: also pick the visible event at this position (or this uid)
    the way the side list does and check that its popup opens
    (``select_opened``).
    """
    blocked: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(timeout_ms)

        local = vendored_text if kind == "folium" else (lambda url: None)

        def route(r):
            url = r.request.url
            if url.startswith(("file:", "data:")):
                r.continue_()
            elif (body := local(url)) is not None:
                # The plain folium page links Leaflet & co. from CDNs; serve
                # our vendored copies (Leaflet, and jQuery for its popups) so
                # it runs without network. Bootstrap, Font Awesome and
                # awesome-markers, unused by CircleMarker pages, are blocked
                # and counted in blocked_requests.
                r.fulfill(
                    status=200,
                    body=body,
                    content_type=("text/css" if url.endswith(".css") else "application/javascript"),
                )
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: errors.append(str(e)))
        t0 = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="commit")
        out: dict = {"kind": kind}
        if kind == "geomap":
            page.wait_for_function("() => window.geomap && window.geomap.ready", timeout=timeout_ms, polling=50)
            ready = page.evaluate(_READY_GEOMAP)
            out.update(ready_ms=round(ready["ms"], 1), events=ready["events"], markers=ready["markers"])
            out["dom_ready_ms"] = round(
                page.evaluate("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"), 1
            )
            top, others = _most_frequent_type(page)
            r = _repeat(page, {"types": others})
            out.update(
                type_toggle_ms=r["ms"],
                type_toggle_painted_ms=r["painted_ms"],
                type_toggle_runs_ms=r["runs"],
                toggled_type=top,
                visible_after_toggle=r["visible"],
            )
            a, b = _date_window(page)
            r = _repeat(page, {"from": a, "to": b})
            out.update(
                date_change_ms=r["ms"],
                date_change_painted_ms=r["painted_ms"],
                date_change_runs_ms=r["runs"],
                date_window=[a, b],
                visible_after_date=r["visible"],
            )
            out.update(measure_controls(page, others))
            out["engine"] = page.evaluate("() => geomap.engine")
            if select is not None:
                page.evaluate(_TIMED_GEOMAP, {"reset": True})
                uid = (
                    page.evaluate("(i) => geomap.visible[i].uid", int(select)) if str(select).isdigit() else str(select)
                )
                r = page.evaluate(_SELECT, uid)
                out.update(select_ms=round(r["ms"], 1), select_opened=r["ok"], selected=uid)
        else:
            ready = page.evaluate(_READY_FOLIUM)
            out["ready_ms"] = round(ready["ms"], 1)
            runs = []
            for _ in range(REPEAT):
                runs.append(page.evaluate(_TOGGLE_FOLIUM))
                page.evaluate(_UNTOGGLE_FOLIUM)
            runs.sort(key=lambda x: x["ms"])
            r = runs[len(runs) // 2]
            out["type_toggle_runs_ms"] = [round(x["ms"], 1) for x in runs]
            out.update(
                type_toggle_ms=round(r["ms"], 1),
                type_toggle_painted_ms=round(r["painted_ms"], 1),
                groups=r["groups"],
                visible_after_toggle=None,
                hidden=r["hidden"],
            )
            out["date_change_ms"] = None
        if kind == "geomap":
            out["timing"] = {k: round(v, 1) for k, v in page.evaluate("() => geomap.timing").items()}
        out["wall_s"] = round(time.perf_counter() - t0, 2)
        out["blocked_requests"] = len(blocked)
        out["page_errors"] = errors[:5]
        return out
    finally:
        context.close()


def chromium_version() -> str:
    """``Chromium 1xx.x.x.x`` of /usr/bin/chromium, or ``""``."""
    import subprocess

    try:
        text = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return text.strip().split(" built")[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("--kind", choices=["geomap", "folium"], default="geomap")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds (Playwright's own)")
    ap.add_argument(
        "--select",
        default=None,
        metavar="I|UID",
        help="also select visible event I (or event UID) and check its popup opens",
    )
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            out = measure_page(browser, args.page, args.kind, args.timeout * 1000, args.select)
        finally:
            browser.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
