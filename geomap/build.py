"""The whole build: events (+ articles) -> places -> GeoDataFrame -> outputs.

Used by ``geomap build``. An output folder that could overwrite an input is
refused first. Nothing is written until every input has been read and
placed; then all outputs are written into a hidden staging folder inside
``out`` and shown all at once (:mod:`geomap.outdir`): a build killed at any
moment leaves the previous build shown whole, or the new one, never files
of both. With ``strict`` nothing is written at all when a row, article or
place is bad.

The counts add up (see :meth:`BuildResult.summary`)::

    rows_read       = events_mapped + rows_rejected + places_not_found
                      + rows_joined + rows_merged + rows_out_of_region   (imported datasets)
    articles_read   = articles_used + articles_rejected
    drafts_extracted = drafts_on_map + drafts_merged + drafts_rejected + drafts_not_placed
    events_on_map   = events_mapped + drafts_on_map
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import signal
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_text
from .dataset import build_geodataframe
from .events import EventSet, load_events
from .exc import BuildError
from .geo import geodata_path
from .geocoders import default_chain
from .outdir import STAGING_PREFIX, check_inputs_spared, publish, staging  # noqa: F401
from .report import Report, terminal_safe

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
    files: list = field(default_factory=list)      #: each --events file's counts
    licences: list = field(default_factory=list)   #: the imported datasets' licence lines

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
            "rows_joined": c.get("rows_joined", 0),
            "rows_merged": c.get("rows_merged", 0),
            "rows_out_of_region": c.get("rows_out_of_region", 0),
            "files": self.files,
            "licences": self.licences,
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


def build(events: str | Path | list | None = None, sources: str | Path | None = None, *,
          out: str | Path = "output", articles: list[str | Path] | None = None,
          online: bool = False, strict: bool = False, cdn: bool = False,
          gpkg: bool = False, figure: bool = False, chain=None,
          progress: bool = False, fmt: str | None = None, region: float | None = None,
          bbox: tuple[float, float, float, float] | None = None, extract=None) -> BuildResult:
    """Build the map and exports into ``out``.

    Parameters
    ----------
    events : path or list of paths, optional
        Default ``geodata/events.csv``. Several files (geomap's own and
        datasets: ACLED, UCDP GED, GDELT, CSV with coordinates, GeoJSON; see
        :mod:`geomap.importers`) go on one map.
    sources : path, optional
        ``sources.csv`` of the geomap files (default: beside each).
    fmt : str, optional
        Force the format of every events file (default: detected per file).
    region, bbox : optional
        Keep imported rows within ``region`` km of the Durand Line and/or
        inside ``bbox`` (west, south, east, north); the rest are counted.
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
        ``out`` could overwrite an input (refused before anything is read);
        ``strict`` and something was rejected (its ``report`` lists it all);
        or the outputs cannot be written (the message says whether the
        previous ones are kept).
    """
    with _gc_paused():
        return _build(events, sources, out=out, articles=articles, online=online,
                      strict=strict, cdn=cdn, gpkg=gpkg, figure=figure, chain=chain,
                      progress=progress, fmt=fmt, region=region, bbox=bbox, extract=extract)


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
           progress, fmt=None, region=None, bbox=None, extract=None) -> BuildResult:
    out = Path(out)
    _check_out(out, events, sources, articles, default_cache=chain is None)
    result = BuildResult()
    report = result.report
    from .parallel.store import is_drafts_parquet  # --events DIR of GeoParquet drafts

    paths = list(events) if isinstance(events, (list, tuple)) else ([events] if events else [])
    parquet = [p for p in paths if is_drafts_parquet(p)]
    others = [p for p in paths if p not in parquet]
    chain = chain if chain is not None else default_chain(online=online)
    # GeoParquet drafts alone stand for themselves, with no curated file beside them
    es = (EventSet(report=report) if parquet and not others else
          _load(others or events, sources, result, chain, fmt=fmt, region=region, bbox=bbox))
    curated = list(es.events)
    drafts = []
    if parquet:
        from .drafts import merge_drafts
        from .parallel import read_drafts_parquet

        for path in parquet:
            drafts += merge_drafts(es, read_drafts_parquet(path, report), str(path), report, chain)
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
    except OSError as err:  # --out is a file, disk full, no permission: before the switch
        raise BuildError(f"cannot write the outputs to {out}: {err.strerror or err}"
                         f"{f' ({err.filename})' if err.filename else ''}; "
                         "the previous outputs are kept") from err
    return result


def _load(events, sources, result: BuildResult, chain, *, fmt, region, bbox):
    """Every events file into one EventSet (geomap's own loader alone when that is all)."""
    from .importers import detect
    from .importers.combine import Region, check_paths, load_all

    paths = list(events) if isinstance(events, (list, tuple)) else [events]
    paths = [p if p else geodata_path("events.csv") for p in paths] or [geodata_path("events.csv")]
    own = fmt in (None, "geomap") and region is None and bbox is None
    if len(paths) == 1 and own and (fmt == "geomap" or detect(paths[0]) == "geomap"):
        es = load_events(paths[0], sources, report=result.report)
        result.files = [{"file": str(paths[0]), "format": "geomap", "dataset": "curated",
                         "rows_read": result.report.counts.get("rows_read", 0),
                         "rows_rejected": result.report.counts.get("rows_rejected", 0)}]
        return es
    loaded = load_all(check_paths(paths), sources, fmt=fmt, region=Region(region, bbox),
                      report=result.report, chain=chain)
    result.files, result.licences = loaded.files, loaded.licences
    return loaded.events


def _check_out(out: Path, events, sources, articles, default_cache: bool) -> None:
    """Refuse an ``out`` that could overwrite an input (see :func:`check_inputs_spared`)."""
    from .geo import GEODATA_DIR

    files = []
    for path in events if isinstance(events, (list, tuple)) else [events]:
        path = Path(path) if path else GEODATA_DIR / "events.csv"
        files += [("events", path), ("sources", path.with_name("sources.csv"))]
    if sources:
        files.append(("sources", Path(sources)))
    folders = []
    for path in articles or []:
        (folders if Path(path).is_dir() else files).append(("articles", Path(path)))
    if default_cache:
        from .geocoders.cache import STORE_NAME, default_cache_dir

        files.append(("the geocoding cache", default_cache_dir() / STORE_NAME))
    check_inputs_spared(out, files, folders, [("the project's data folder", GEODATA_DIR)])


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
        publish(stage, out)
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


def summary_lines(result: BuildResult) -> list[str]:
    """The human summary: one line of curated counts, one of articles if any."""
    s = result.summary()
    lines = [f"rows read {s['rows_read']}, events mapped {s['events_mapped']}, "
             f"rows rejected {s['rows_rejected']}, places not found {s['places_not_found']}"]
    if len(s["files"]) > 1 or any(f["format"] != "geomap" for f in s["files"]):
        lines[0] += (f", joined to curated events {s['rows_joined']}, GDELT reports merged "
                     f"{s['rows_merged']}, outside the region {s['rows_out_of_region']}")
        for f in s["files"]:
            lines.append(f"  {f['file']} ({f['format']}, {f['dataset']}): read {f['rows_read']}"
                         + "".join(f", {k.replace('rows_', '').replace('_', ' ')} {f[k]}"
                                   for k in ("events", "rows_rejected", "rows_joined",
                                             "rows_merged", "rows_out_of_region") if k in f))
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
        print(terminal_safe(f"  wrote {path}"), file=stream)
