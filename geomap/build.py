"""The whole build: events (+ articles) -> places -> GeoDataFrame -> outputs.

Used by ``geomap build``. Nothing is written until every input has been read
and placed; then all outputs are written into a hidden staging folder inside
``out`` and renamed into place one by one (each rename is atomic). A build
killed at any moment leaves every previous output complete: the old file or
the new one, never half of one. With ``strict`` nothing is written at all
when a row, article or place is bad.

The counts add up (see :meth:`BuildResult.summary`)::

    rows_read       = events_mapped + rows_rejected + places_not_found
    articles_read   = articles_used + articles_rejected
    drafts_extracted = drafts_on_map + drafts_merged + drafts_rejected + drafts_not_placed
    events_on_map   = events_mapped + drafts_on_map
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import re
import shutil
import signal
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import remove_stale, write_text
from .dataset import build_geodataframe
from .events import EventSet, load_events
from .exc import BuildError
from .geocoders import default_chain
from .report import Report

#: Hidden staging folders inside ``out``: ``.geomap-build.<pid>.<random>.tmp``.
STAGING_PREFIX = ".geomap-build."
_STAGING_RE = re.compile(r"^\.geomap-build\.(\d+)\.[^.]+\.tmp$")
#: Problems printed on the terminal; the rest are in rejected.csv/unlocated.csv.
MAX_PRINTED = 50
#: From this many events on, events.geojson and events.csv are written by a
#: forked process while this one draws the page (about a third off the build
#: on two cores at 100k events).
PARALLEL_FROM = 50_000


@dataclass
class BuildResult:
    """What a build wrote and counted."""

    outputs: dict[str, Path] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    events: int = 0

    def summary(self) -> dict:
        """The run's counts; see the module docstring for how they add up."""
        c = self.report.counts
        return {
            "rows_read": c.get("rows_read", 0),
            "events_mapped": c.get("rows_mapped", 0),
            "rows_rejected": c.get("rows_rejected", 0),
            "places_not_found": c.get("rows_unlocated", 0),
            "source_rows_read": c.get("source_rows_read", 0),
            "source_rows_rejected": c.get("source_rows_rejected", 0),
            "articles_read": c.get("articles_read", 0),
            "articles_used": c.get("articles_used", 0),
            "articles_rejected": c.get("articles_rejected", 0),
            "folders_empty": c.get("folders_empty", 0),
            "drafts_extracted": c.get("drafts", 0),
            "drafts_on_map": c.get("drafts_placed", 0),
            "drafts_merged": c.get("drafts_merged", 0),
            "drafts_rejected": c.get("drafts_rejected", 0),
            "drafts_not_placed": c.get("drafts_unlocated", 0),
            "mentions_without_place": c.get("places_not_found", 0),
            "events_on_map": c.get("events_mapped", 0),
            "warnings": len(self.report.of_kind("warning")),
        }


def _place(curated, drafts, sources, chain, report: Report):
    """GeoDataFrame of curated events then drafts, counting each origin apart."""
    import geopandas as gpd
    import pandas as pd

    frames = []
    for events, mapped, unlocated in ((curated, "rows_mapped", "rows_unlocated"),
                                      (drafts, "drafts_placed", "drafts_unlocated")):
        if events is drafts and not drafts:
            continue
        sub = Report()
        gdf, _ = build_geodataframe(events, chain, sub, sources=sources)
        report.extend(sub)
        report.count(mapped, sub.counts["events_mapped"])
        report.count(unlocated, sub.counts["events_unlocated"])
        frames.append(gdf)
    if len(frames) == 1:
        return frames[0]
    frame = pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=frames[0].crs)


def build(events: str | Path | None = None, sources: str | Path | None = None, *,
          out: str | Path = "output", articles: list[str | Path] | None = None,
          online: bool = False, strict: bool = False, cdn: bool = False,
          gpkg: bool = False, figure: bool = False, chain=None,
          progress: bool = False, extract=None) -> BuildResult:
    """Build the map and exports into ``out``.

    Parameters
    ----------
    events, sources : path, optional
        Default ``geodata/events.csv`` and the ``sources.csv`` beside it.
    out : path
        Output folder: ``map.html``, ``embed.html``, ``events.geojson``,
        ``events.csv``, ``rejected.csv``, ``unlocated.csv``, ``summary.json``
        (and ``events.gpkg``, ``map.png``/``map.svg`` on request).
    articles : list of path, optional
        Article files/folders whose extracted events join the map as drafts.
    strict : bool
        Raise :class:`BuildError` (and write nothing) when any row or article
        is rejected, any place is not found, or there is no sources file to
        check the source ids against.
    extract : callable, optional
        Replaces :func:`geomap.extract.extract_paths` for ``articles``
        (e.g. :class:`geomap.parallel.ParallelExtractor`).

    Raises
    ------
    SchemaError
        An events/sources file cannot be used at all (missing, binary, not
        UTF-8, empty, a required column missing); nothing is written.
    BuildError
        ``strict`` and something was rejected (its ``report`` lists it all),
        or the outputs cannot be written (the previous ones are kept).
    """
    with _gc_paused():
        return _build(events, sources, out=out, articles=articles, online=online,
                      strict=strict, cdn=cdn, gpkg=gpkg, figure=figure, chain=chain,
                      progress=progress, extract=extract)


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector (restored afterwards).

    A build allocates millions of small objects (rows, dicts, strings) that
    live until the end; each full collection walks all of them, which cost a
    few seconds at 100k events. They hold no reference cycles worth chasing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(events, sources, *, out, articles, online, strict, cdn, gpkg, figure, chain,
           progress, extract) -> BuildResult:
    out = Path(out)
    result = BuildResult()
    report = result.report
    from .parallel.store import is_drafts_parquet  # --events DIR of GeoParquet drafts

    parquet = events is not None and is_drafts_parquet(events)
    es = EventSet(report=report) if parquet else load_events(events, sources, report=report)
    chain = chain if chain is not None else default_chain(online=online)
    curated = list(es.events)
    drafts = []
    if parquet:
        from .drafts import merge_drafts
        from .parallel import read_drafts_parquet

        drafts = merge_drafts(es, read_drafts_parquet(events, report), str(events), report, chain)
    if articles:
        from .drafts import drafts_to_events

        drafts += drafts_to_events(articles, chain, es, report, progress=progress, extract=extract)
    gdf = _place(curated, drafts, es.sources, chain, report)
    result.events = len(gdf)
    for msg in getattr(chain, "warnings", []):
        report.add("warning", "geocoder", None, None, msg)
    # without sources.csv no source id was checked: not a build to trust either
    unchecked = [p for p in report.of_kind("warning") if p.reason.startswith("sources file not found")]
    bad = report.of_kind("rejected") + report.of_kind("unlocated") + unchecked
    if strict and bad:
        err = BuildError(f"{len(bad)} problem(s), first: {bad[0]}; nothing written (--strict)")
        err.report = report
        raise err
    try:
        result.outputs = _write_outputs(gdf, result, out, cdn=cdn, gpkg=gpkg, figure=figure)
    except OSError as err:  # --out is a file, disk full, no permission
        raise BuildError(f"cannot write the outputs to {out}: {err.strerror or err}"
                         f"{f' ({err.filename})' if err.filename else ''}; "
                         "the previous outputs are kept") from err
    return result


def _write_outputs(gdf, result: BuildResult, out: Path, *, cdn: bool, gpkg: bool,
                   figure: bool) -> dict[str, Path]:
    from . import export

    with staging(out) as stage:
        names: dict[str, str] = {}

        def staged(key: str, name: str) -> Path:
            names[key] = name
            return stage / name

        geojson_path, csv_path = staged("geojson", "events.geojson"), staged("csv", "events.csv")

        def write_exports():
            refs = export.parse_sources(gdf)  # once for both exports
            export.write_geojson(gdf, geojson_path, refs)
            export.write_csv(gdf, csv_path, refs)

        # large builds: the exports in a forked copy while this process draws the page
        exports_done = in_parallel(write_exports, len(gdf) >= PARALLEL_FROM)
        try:
            _write_rest(gdf, result, staged, cdn=cdn, gpkg=gpkg, figure=figure)
        except BaseException:
            try:
                exports_done()  # never leave the child behind
            except Exception:  # noqa: BLE001 - the first error is the one to report
                pass
            raise
        exports_done()
        # summary.json last: when it is new, every output before it is too
        for name in names.values():
            os.replace(stage / name, out / name)
    return {key: out / name for key, name in names.items()}


def _write_rest(gdf, result: BuildResult, staged, *, cdn: bool, gpkg: bool,
                figure: bool) -> None:
    """Every output but the GeoJSON and CSV exports, into the staging folder."""
    from . import export
    from .render import build_map, embed_snippet, save_html

    report = result.report
    if gpkg:
        export.write_gpkg(gdf, staged("gpkg", "events.gpkg"))
    write_text(staged("rejected", "rejected.csv"), report.to_csv("rejected"))
    write_text(staged("unlocated", "unlocated.csv"), report.to_csv("unlocated"))
    save_html(build_map(gdf, cdn=cdn), staged("map", "map.html"), cdn=cdn)
    write_text(staged("embed", "embed.html"), embed_snippet("map.html"))
    if figure:
        from .figure import make_figure

        make_figure(gdf, staged("png", "map.png"), staged("svg", "map.svg"))
    write_text(staged("summary", "summary.json"),
               json.dumps(result.summary(), indent=2) + "\n")


def in_parallel(work, parallel: bool = True):
    """Start ``work()`` in a forked child process; return a function that waits for it.

    The waiting function re-raises the child's exception (pickled through a
    pipe) in this process, so a failing writer fails the build as it would
    have without the fork. Without ``os.fork``, with one core, or when not
    ``parallel``, ``work`` runs here and now. The child dies with its parent
    (Linux), so a killed build leaves no writer behind.
    """
    if not parallel or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        work()
        return lambda: None
    parent = os.getpid()
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        code = 0
        try:
            os.close(read_end)
            _die_with_parent(parent)
            work()
            payload = b""
        except BaseException as err:  # noqa: BLE001 - handed to the parent
            code = 1
            try:
                payload = pickle.dumps(err)
            except Exception:  # an exception that does not pickle: keep its text
                payload = pickle.dumps(RuntimeError(f"{type(err).__name__}: {err}"))
        try:
            with os.fdopen(write_end, "wb") as fh:
                fh.write(payload)
        finally:
            os._exit(code)  # no atexit handlers, no flushing the parent's buffers
    os.close(write_end)

    def wait() -> None:
        with os.fdopen(read_end, "rb") as fh:
            payload = fh.read()
        _, status = os.waitpid(pid, 0)
        if payload:
            raise pickle.loads(payload)
        if status != 0:
            raise BuildError(f"the process writing the exports ended abnormally (wait status "
                             f"{status})")
    return wait


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this (child) process when its parent dies; best effort."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


@contextmanager
def staging(out: Path):
    """A hidden folder inside ``out`` to write a build into; removed afterwards.

    Staging folders of killed builds (their process is gone) are removed first.
    """
    out.mkdir(parents=True, exist_ok=True)
    remove_stale(out, _STAGING_RE)
    remove_stale(out)
    stage = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}.", suffix=".tmp",
                                  dir=out))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def summary_lines(result: BuildResult) -> list[str]:
    """The human summary: one line of curated counts, one of articles if any."""
    s = result.summary()
    lines = [f"rows read {s['rows_read']}, events mapped {s['events_mapped']}, "
             f"rows rejected {s['rows_rejected']}, places not found {s['places_not_found']}"]
    if s["articles_read"] or s["folders_empty"]:
        lines.append(
            f"articles read {s['articles_read']} (used {s['articles_used']}, rejected "
            f"{s['articles_rejected']}); drafts {s['drafts_extracted']} (on map "
            f"{s['drafts_on_map']}, merged {s['drafts_merged']}, rejected "
            f"{s['drafts_rejected']}, places not found {s['drafts_not_placed']}); "
            f"event mentions without a place {s['mentions_without_place']}")
    return lines


def print_problems(report: Report, stream=None, limit: int = MAX_PRINTED) -> None:
    """One line per problem (``kind: file:line [column]: reason``), at most ``limit``."""
    stream = stream if stream is not None else sys.stderr  # looked up now: tests swap it
    for p in report.problems[:limit]:
        print(f"  {p}", file=stream)
    if len(report.problems) > limit:
        print(f"  ... and {len(report.problems) - limit} more (all rejected rows are in "
              "rejected.csv, unlocated places in unlocated.csv)", file=stream)


def print_summary(result: BuildResult, stream=None) -> None:
    """Human summary; the numbers add up (read = mapped + rejected + not found)."""
    stream = stream if stream is not None else sys.stderr
    for line in summary_lines(result):
        print(line, file=stream)
    print_problems(result.report, stream)
    for path in result.outputs.values():
        print(f"  wrote {path}", file=stream)
