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
import multiprocessing
import os
import re
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import counts
from .atomic import write_text
from .curated import EventSet, load_events
from .exc import BuildError, SchemaError
from .geo import geodata_path
from .geocoders import default_chain
from .geoframe import build_geodataframe
from .outdir import STAGING_PREFIX, check_inputs_spared, publish, staging  # noqa: F401
from .report import Report
from .schema import EVENT_REQUIRED as _REQUIRED

#: From this many events on, events.geojson and events.csv are each written by a
#: forked worker process while this one draws the page (a thread gains nothing:
#: the writers hold the GIL).
PARALLEL_FROM = 50_000


@dataclass
class BuildResult:
    """What a build wrote and counted."""

    outputs: dict[str, Path] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    events: int = 0
    files: list = field(default_factory=list)  #: each --events file's counts
    licences: list = field(default_factory=list)  #: the imported datasets' licence lines

    def summary(self) -> dict:
        """The run's counts (keys: :data:`geomap.counts.SUMMARY`, each the name of
        its counter); the module docstring says how they add up."""
        c = self.report.counts
        out = {name: c.get(name, 0) for name in counts.SUMMARY}
        out.update(files=self.files, licences=self.licences, warnings=len(self.report.of_kind("warning")))
        return out


def _place(curated, drafts, sources, chain, report: Report):
    """GeoDataFrame of curated events then drafts, counting each origin apart."""
    import geopandas as gpd
    import pandas as pd

    frames = []
    for events, mapped, unlocated in (
        (curated, counts.EVENTS_MAPPED, counts.PLACES_NOT_FOUND),
        (drafts, counts.DRAFTS_ON_MAP, counts.DRAFTS_NOT_PLACED),
    ):
        if events is drafts and not drafts:
            continue
        sub = Report()
        gdf, _ = build_geodataframe(events, chain, sub, sources=sources)
        report.extend(sub)
        report.count(mapped, sub.counts[counts.EVENTS_ON_MAP])
        report.count(unlocated, sub.counts[counts.EVENTS_UNLOCATED])
        frames.append(gdf)
    if len(frames) == 1:
        return frames[0]
    frame = pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=frames[0].crs)


def build(
    events: str | Path | list | None = None,
    sources: str | Path | None = None,
    *,
    out: str | Path = "output",
    articles: list[str | Path] | None = None,
    online: bool = False,
    strict: bool = False,
    cdn: bool = False,
    gpkg: bool = False,
    figure: bool = False,
    chain=None,
    progress: bool = False,
    fmt: str | None = None,
    region: float | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    extract=None,
) -> BuildResult:
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
        return _build(
            events,
            sources,
            out=out,
            articles=articles,
            online=online,
            strict=strict,
            cdn=cdn,
            gpkg=gpkg,
            figure=figure,
            chain=chain,
            progress=progress,
            fmt=fmt,
            region=region,
            bbox=bbox,
            extract=extract,
        )


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


def _build(
    events,
    sources,
    *,
    out,
    articles,
    online,
    strict,
    cdn,
    gpkg,
    figure,
    chain,
    progress,
    fmt=None,
    region=None,
    bbox=None,
    extract=None,
) -> BuildResult:
    out = Path(out)
    _check_out(out, events, sources, articles, default_cache=chain is None, gpkg=gpkg, figure=figure)
    result = BuildResult()
    report = result.report
    paths = list(events) if isinstance(events, (list, tuple)) else ([events] if events else [])
    parquet = []
    # --events DIR of GeoParquet drafts; geomap.parallel (and the extraction
    # package it imports, ~0.3 s) only when a path may be one
    if any(Path(p).is_dir() or Path(p).suffix.lower() in (".parquet", ".pq") for p in paths):
        from .parallel.store import is_drafts_parquet

        parquet = [p for p in paths if is_drafts_parquet(p)]
    others = [p for p in paths if p not in parquet]
    chain = chain if chain is not None else default_chain(online=online)
    # GeoParquet drafts alone stand for themselves, with no curated file beside them
    es = (
        EventSet(report=report)
        if parquet and not others
        else _load(others or events, sources, result, chain, fmt=fmt, region=region, bbox=bbox)
    )
    curated = list(es.events)
    drafts = []
    taken = {e.event_id for e in curated}  # ids on the map, across every drafts file
    if parquet:
        from .drafts import merge_drafts
        from .parallel import read_drafts_parquet

        for path in parquet:
            drafts += merge_drafts(es, read_drafts_parquet(path, report), str(path), report, chain, taken)
    if articles:
        from .drafts import drafts_to_events

        drafts += drafts_to_events(articles, chain, es, report, progress=progress, extract=extract, taken=taken)
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
        raise BuildError(
            f"cannot write the outputs to {out}: {err.strerror or err}"
            f"{f' ({err.filename})' if err.filename else ''}; "
            "the previous outputs are kept"
        ) from err
    return result


def load_placed(events, sources=None, *, chain=None, fmt: str | None = None) -> tuple[object, BuildResult]:
    """Events files of any format, read and placed as a build does, without its
    outputs: ``(GeoDataFrame, BuildResult)`` (what ``geomap figure`` draws; the
    result's report holds every rejected row and place not found)."""
    result = BuildResult()
    chain = chain if chain is not None else default_chain()
    es = _load(events, sources, result, chain, fmt=fmt, region=None, bbox=None)
    gdf = _place(list(es.events), [], es.sources, chain, result.report)
    result.events = len(gdf)
    return gdf, result


def _load(events, sources, result: BuildResult, chain, *, fmt, region, bbox):
    """Every events file into one EventSet (geomap's own loader alone when that is all)."""
    from .importers import detect
    from .importers.combine import Region, check_paths, load_all

    paths = list(events) if isinstance(events, (list, tuple)) else [events]
    paths = [p if p else geodata_path("events.csv") for p in paths] or [geodata_path("events.csv")]
    for path in paths:
        _refuse_pipe(path)
    own = fmt in (None, "geomap") and region is None and bbox is None
    if len(paths) == 1 and own and (fmt == "geomap" or _own_header(paths[0]) or detect(paths[0]) == "geomap"):
        es = load_events(paths[0], sources, report=result.report)
        result.files = [
            {
                "file": str(paths[0]),
                "format": "geomap",
                "dataset": "curated",
                counts.ROWS_READ: result.report.counts.get(counts.ROWS_READ, 0),
                counts.ROWS_REJECTED: result.report.counts.get(counts.ROWS_REJECTED, 0),
            }
        ]
        return es
    loaded = load_all(
        check_paths(paths), sources, fmt=fmt, region=Region(region, bbox), report=result.report, chain=chain
    )
    result.files, result.licences = loaded.files, loaded.licences
    return loaded.events


def _refuse_pipe(path) -> None:
    """A pipe given as an events file (``--events <(zcat x.csv.gz)``) is read
    more than once (its format, then its rows): the second reading found it
    empty and said "file is empty". Refused in one line instead."""
    import stat

    from .importers.files import split_member

    try:
        mode = os.stat(split_member(path)[0]).st_mode
    except OSError:
        return  # missing: the loader says so
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        raise SchemaError(
            "is a pipe, not a file: an events file is read more than once (its format, then its rows); "
            "save it to a file first (.gz and .zip are read as they are)",
            file=str(path),
        )


def _own_header(path) -> bool:
    """Whether the file plainly starts with a geomap header line.

    Then :func:`~geomap.importers.detect` says ``"geomap"`` too, but only
    after reading, decoding and scanning the whole file (0.2-0.3 s at 100k
    events, and its text kept in a cache); this reads 4 kB. Only a first line
    of ASCII names, commas and spaces holding every required column counts
    (detect sniffs the comma as the delimiter and reads these names); anything
    else (quotes, other delimiters, a byte-order mark, a packed or Stata
    file, NUL bytes, which detect may read as UTF-16) is left to detect.
    """
    if str(path).lower().endswith(".dta"):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False  # detect says why
    first, newline, _ = head.partition(b"\n")
    first = first.rstrip(b"\r")
    if not newline or b"\x00" in head or not _PLAIN_HEADER.fullmatch(first):
        return False
    return set(_REQUIRED) <= {name.strip() for name in first.decode("ascii").split(",")}


#: A header line read the same by every CSV reading: names, commas, spaces.
_PLAIN_HEADER = re.compile(rb"[A-Za-z0-9_][A-Za-z0-9_ ,]*")


def _check_out(out: Path, events, sources, articles, default_cache: bool, gpkg: bool, figure: bool) -> None:
    """Refuse an ``out`` that could overwrite an input or a file of the user's
    named like an output (see :func:`check_inputs_spared`)."""
    from .geo import GEODATA_DIR
    from .outdir import ALWAYS

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
    writes = ALWAYS + ("events.gpkg",) * gpkg + ("map.png", "map.svg") * figure
    check_inputs_spared(out, files, folders, [("the project's data folder", GEODATA_DIR)], writes)


def _write_outputs(gdf, result: BuildResult, out: Path, *, cdn: bool, gpkg: bool, figure: bool) -> dict[str, Path]:
    from . import export

    with staging(out) as stage:
        names: dict[str, str] = {}

        def staged(key: str, name: str) -> Path:
            names[key] = name
            return stage / name

        geojson_path, csv_path = staged("geojson", "events.geojson"), staged("csv", "events.csv")

        # large builds: each export in its own forked copy while this process
        # draws the page (three jobs of about the same size for two cores: the
        # one left waiting runs while the others finish); each parses the
        # sources itself, in parallel, rather than this one before forking
        parallel = len(gdf) >= PARALLEL_FROM
        refs = None if parallel else export.parse_sources(gdf)  # once for both when in one process
        waits = [
            in_parallel(lambda: export.write_geojson(gdf, geojson_path, refs), parallel),
            in_parallel(lambda: export.write_csv(gdf, csv_path, refs), parallel),
        ]
        try:
            _write_rest(gdf, result, staged, cdn=cdn, gpkg=gpkg, figure=figure)
        except BaseException:
            for wait in waits:
                try:
                    wait()  # never leave a child behind
                except Exception:  # noqa: BLE001 - the first error is the one to report
                    pass
            raise
        for wait in waits:
            wait()
        publish(stage, out)
    return {key: out / name for key, name in names.items()}


def _write_rest(gdf, result: BuildResult, staged, *, cdn: bool, gpkg: bool, figure: bool) -> None:
    """Every output but the GeoJSON and CSV exports, into the staging folder."""
    from . import export
    from .render import embed_snippet, map_from_frame, save_html

    report = result.report
    if gpkg:
        export.write_gpkg(gdf, staged("gpkg", "events.gpkg"))
    write_text(staged("rejected", "rejected.csv"), report.to_csv("rejected"))
    write_text(staged("unlocated", "unlocated.csv"), report.to_csv("unlocated"))
    save_html(map_from_frame(gdf, cdn=cdn), staged("map", "map.html"), cdn=cdn)
    write_text(staged("embed", "embed.html"), embed_snippet("map.html"))
    if figure:
        from .staticmap import make_figure

        make_figure(gdf, staged("png", "map.png"), staged("svg", "map.svg"))
    write_text(staged("summary", "summary.json"), json.dumps(result.summary(), indent=2) + "\n")


def in_parallel(work, parallel: bool = True):
    """Start ``work()`` in a forked worker process; return a function that waits for it.

    A :class:`~concurrent.futures.ProcessPoolExecutor` of one worker, forked
    (not spawned) so that it inherits ``work`` and the frame it closes over
    without pickling them; only the exception, if any, comes back pickled and
    is raised here, so a failing writer fails the build as it would have
    without the worker. A thread would not help: the writers are Python code
    holding the GIL. Without the fork start method, with one core, or when
    not ``parallel``, ``work`` runs here and now. The worker dies with its
    parent (Linux), so a killed build leaves no writer behind.
    """
    if not parallel or "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        work()
        return lambda: None
    sys.stdout.flush()
    sys.stderr.flush()
    key = id(work)
    _FORKED_WORK[key] = work  # what the forked worker finds in its copy of this module
    try:
        pool = ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("fork"), initializer=_die_with_parent, initargs=(os.getpid(),)
        )
        future = pool.submit(_run_forked, key)
    finally:
        del _FORKED_WORK[key]

    def wait() -> None:
        try:
            future.result()
        except BrokenProcessPool as err:
            raise BuildError(f"the process writing the exports ended abnormally ({err})") from None
        finally:
            pool.shutdown(wait=True)

    return wait


#: Work handed to a forked worker by :func:`in_parallel`, by key, while it forks.
_FORKED_WORK: dict = {}


def _run_forked(key: int) -> None:
    _FORKED_WORK[key]()


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this (child) process when its parent dies; best effort."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
