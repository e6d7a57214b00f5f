"""The Python API; the ``geomap`` command is a thin layer over it (usable in Jupyter).

One function per command, same name and options (``geomap import`` is
:func:`import_events`, ``import`` being a keyword)::

    geomap.build(out="output/")                  # geomap build --out output/
    geomap.geocode("Spin Buldak")                # geomap geocode "Spin Buldak"
    geomap.extract(["articles/"], "drafts.csv")  # geomap extract articles/ -o drafts.csv
    geomap.evaluate("drafts.csv", "gold.csv")    # geomap evaluate drafts.csv gold.csv
    geomap.accept("drafts.csv")                  # geomap accept drafts.csv
    geomap.figure(out="output/")                 # geomap figure --out output/

Each is a thin wrapper that imports its engine when called, so ``import
geomap`` stays cheap. Beyond the commands: :func:`load_geodataframe` and
:func:`build_map`.

>>> import geomap
>>> m = geomap.build_map()          # doctest: +SKIP  (folium.Map of geodata/events.csv)
>>> geomap.geocode("Spin Buldak")   # doctest: +SKIP
Place(name='Spin Boldak', ...)
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path

from .curated import EventSet, load_events
from .exc import InputError, PlaceNotFound
from .geocoders import default_chain
from .geocoders.base import Place
from .report import Report


def geocode(
    name: str, *, online: bool = False, cache_dir: str | Path | None = None, kind: str | None = None, countries=None
) -> Place:
    """Resolve a place name through the geocoder chain: ``geomap geocode``.

    ``countries`` are ISO-2 hints, the countries the text around the name
    mentions: they pick among same-named places, and GeoNames answers with a
    place outside Afghanistan, Pakistan and the talks venues only when its
    country is among them (``geocode("Zahedan", countries=["IR"])``).

    Raises
    ------
    PlaceNotFound
        When no backend knows ``name``.
    """
    chain = default_chain(online=online, cache_dir=cache_dir)
    place = chain.geocode(name, kind=kind, countries=countries)
    if place is None:
        raise PlaceNotFound(f"no geocoder ({', '.join(chain.backends)}) knows {name!r}")
    return place


def load_geodataframe(
    events: str | Path | None = None,
    sources: str | Path | None = None,
    *,
    online: bool = False,
    strict: bool = False,
    report: Report | None = None,
    chain=None,
):
    """Load, validate and place events: ``(GeoDataFrame, Report)``."""
    from .geoframe import build_geodataframe

    report = report if report is not None else Report()
    es = load_events(events, sources, strict=strict, report=report)
    chain = chain if chain is not None else default_chain(online=online)
    return build_geodataframe(es, chain, report)


def build_map(events=None, sources=None, *, online: bool = False, cdn: bool = False, **kwargs):
    """A ``folium.Map`` of the events (a path, an EventSet, or a GeoDataFrame).

    Parameters
    ----------
    events : path, EventSet or GeoDataFrame, optional
        Default ``geodata/events.csv``.
    online : bool
        Allow online geocoding for names the offline backends miss.
    cdn : bool
        Link Leaflet etc. from CDNs instead of inlining them.
    """
    import geopandas as gpd

    from .geoframe import build_geodataframe
    from .render import map_from_frame

    if isinstance(events, gpd.GeoDataFrame):
        gdf = events
    elif isinstance(events, EventSet):
        gdf, _ = build_geodataframe(events, default_chain(online=online))
    else:
        gdf, _ = load_geodataframe(events, sources, online=online)
    return map_from_frame(gdf, cdn=cdn, **kwargs)


def build(
    events: str | Path | None = None,
    sources: str | Path | None = None,
    *,
    out: str | Path = "output",
    follow_links: bool = False,
    jobs: int = 1,
    scheduler: str | None = None,
    **options,
):
    """Build the map and its exports into ``out``: ``geomap build``.

    Parameters
    ----------
    events, sources : path, optional
        Default ``geodata/events.csv`` (the packaged copy when installed) and
        the ``sources.csv`` beside it.
    out : path
        Output folder (default ``output`` in the current folder).
    follow_links, jobs, scheduler : optional
        For ``articles``, as for :func:`extract`: read what links inside
        article folders point to; extract in ``jobs`` processes or on the
        Dask cluster at ``scheduler``.
    **options
        ``articles``, ``online``, ``strict``, ``cdn``, ``gpkg``, ``figure``,
        ``progress``, ``chain``, ``fmt``, ``region``, ``bbox``: see
        :func:`geomap.pipeline.build`.

    Returns
    -------
    BuildResult
        Paths written, the GeoDataFrame and the report (``result.summary()``).
    """
    from .outdir import check_not_stdout
    from .pipeline import build as build_outputs

    check_not_stdout(out, "--out", "build", "a folder of files", "a folder, e.g. --out public")
    articles = options.get("articles")
    if articles and (jobs != 1 or scheduler) and options.get("extract") is None:
        from .parallel import ParallelExtractor

        options["extract"] = ParallelExtractor(jobs, scheduler, online=options.get("online", False))
    if follow_links and articles:
        from .extract.reading import follow_links as linked

        options["articles"] = linked(articles)
    return build_outputs(events, sources, out=out, **options)


def extract(
    paths,
    output: str | Path | None = None,
    *,
    merge: bool = False,
    online: bool = False,
    follow_links: bool = False,
    jobs: int = 1,
    scheduler: str | None = None,
    parquet: str | Path | None = None,
    checkpoint: str | Path | None = None,
    report_csv: str | Path | None = None,
    report: Report | None = None,
    chain=None,
    progress: bool = False,
) -> list:
    """Draft events from article files or folders: ``geomap extract``.

    Every option of the command, under its name; the outputs are checked as
    the command checks them, before anything is read
    (:func:`geomap.extract.io.check_outputs`).

    Parameters
    ----------
    paths : path or list of paths
        ``.txt``/``.md``/``.html``/``.jsonl`` files or folders (read
        recursively); with ``jobs``, ``scheduler``, ``parquet`` or
        ``checkpoint`` also Parquet files, globs and ``scheme://`` URLs.
    output : path, optional
        Also write the drafts CSV there (atomically); a folder gets
        ``drafts.csv``. Refused (:class:`~geomap.exc.InputError`, nothing
        read or written) over an input, in ``geodata/``, over a file that is
        not unreviewed drafts, or where it cannot be written.
    merge : bool
        One draft per incident across articles (``--merge``).
    follow_links : bool
        Read what symbolic links inside folders point to (``--follow-links``).
    jobs, scheduler : optional
        ``--jobs N`` local processes (0: one per core) or ``--scheduler
        ADDRESS`` a Dask cluster (see :func:`geomap.parallel.make_executor`).
    parquet, checkpoint : path, optional
        ``--parquet DIR`` also GeoParquet files; ``--checkpoint DIR`` keep
        finished partitions to resume (default, in a partitioned run,
        ``DIR/_checkpoint`` or ``OUTPUT.checkpoint``, removed after success).
    report_csv : path, optional
        ``--report CSV``: also write the problems there (``report`` collects them).
    report : Report, optional
        Collects unreadable files and places not found (a new one if omitted).
    chain : optional
        The geocoder chain of a one-process run (workers build their own).

    Returns
    -------
    list of DraftEvent
    """
    from .atomic import write_text
    from .extract import draft_rows, extract_paths, write_drafts
    from .extract.io import check_outputs
    from .extract.reading import follow_links as linked

    if isinstance(paths, (str, Path)):
        paths = [paths]
    # a path marked by geomap.extract.reading.follow_links stays marked (str() dropped the mark)
    paths = [p if isinstance(p, str) else os.fspath(p) for p in paths]
    output = check_outputs(paths, output, report_csv=report_csv, parquet=parquet, checkpoint=checkpoint)
    report = report if report is not None else Report()
    if follow_links:
        paths = linked(paths)
    with ExitStack() as claims:
        if _partitioned(paths, jobs, scheduler, parquet, checkpoint):
            from .parallel import extract_partitioned, make_executor, write_drafts_parquet

            keep = checkpoint is not None
            if checkpoint is None and parquet is not None:
                checkpoint = os.path.join(parquet, "_checkpoint")
            elif checkpoint is None and output is not None:
                checkpoint = output + ".checkpoint"
                if os.path.lexists(checkpoint) and not os.path.isdir(checkpoint):
                    # a file of the user's bore the name: "cpf.csv.checkpoint: File exists" after planning
                    raise InputError(
                        f"-o {output}: its checkpoint {checkpoint} (kept while a partitioned run goes on) is a "
                        "file that geomap did not write; move it, or give --checkpoint DIR (nothing was written)"
                    )
            _claim_run(claims, parquet, checkpoint, None if keep else output)
            with make_executor(jobs, scheduler) as ex:
                drafts = extract_partitioned(
                    paths,
                    report,
                    executor=ex,
                    online=online,
                    merge=merge,
                    progress=progress,
                    checkpoint=checkpoint,
                    keep_checkpoint=True,  # removed below, once every output is written: a kill while
                    # writing them left nothing to resume from
                )
            if parquet is not None:
                write_drafts_parquet(draft_rows(drafts), parquet)
        else:
            keep = True
            chain = chain if chain is not None else default_chain(online=online)
            drafts = extract_paths(paths, chain, report, progress=progress, merge=merge)
        if output is not None:
            write_drafts(output, drafts)
        if report_csv is not None:
            write_text(report_csv, report.to_csv())
        if not keep and checkpoint is not None:
            from .parallel.store import remove_checkpoint

            remove_checkpoint(checkpoint)
    return drafts


def _claim_run(claims: ExitStack, parquet, checkpoint, output=None) -> None:
    """Claim the ``--parquet`` folder and the checkpoint for this run, or
    refuse (:class:`~geomap.exc.InputError`, nothing read) when another run
    holds either (:func:`geomap.atomic.claimed`).

    Two runs into one folder at once shared its checkpoint (one removed the
    other's partitions, or the folder it was writing into) and published in
    turn, the later one's drafts replacing the earlier's unseen. Refused, not
    waited for: a run can take hours, and the one started second is
    the mistake to be told about. ``output``: the ``-o`` file the
    checkpoint's default name came from, named in the message instead.
    """
    from .atomic import claimed, write_target

    def busy(flag, path):
        def error(lock_file, pid):
            holder = f" (pid {pid})" if pid else ""
            return InputError(
                f"{flag} {path}: another geomap run{holder} is writing there now (it holds {lock_file}); "
                f"wait for it to end or choose another {flag} (nothing was read)"
            )

        return error

    if parquet is not None:
        claims.enter_context(claimed(parquet, busy("--parquet", parquet)))
    if checkpoint is not None and (parquet is None or write_target(checkpoint).parent != write_target(parquet)):
        claims.enter_context(
            claimed(checkpoint, busy("--checkpoint", checkpoint) if output is None else busy("-o", output))
        )


def _partitioned(paths, jobs, scheduler, parquet, checkpoint) -> bool:
    """Whether an extraction goes through :mod:`geomap.parallel` (else one process)."""
    from .parallel.inputs import PARQUET_SUFFIXES, is_url

    special = any(is_url(p) or p.lower().endswith(PARQUET_SUFFIXES) or any(c in p for c in "*?[") for p in paths)
    return jobs != 1 or bool(scheduler) or parquet is not None or checkpoint is not None or special


def evaluate(pred: str | Path, gold: str | Path) -> dict:
    """Precision, recall and F1 of predicted against gold events: ``geomap evaluate``."""
    from .scoring import evaluate as score

    return score(pred, gold)


def accept(
    drafts: str | Path,
    events: str | Path | None = None,
    sources: str | Path | None = None,
    *,
    only_marked: bool = True,
    report: Report | None = None,
    waiting=None,
) -> list[str]:
    """Append reviewed drafts to the curated events: ``geomap accept``.

    Parameters
    ----------
    events, sources : path, optional
        The curated CSVs to extend; default the checkout's
        ``geodata/events.csv``. Required when geomap is installed (the
        packaged copy is read-only).
    only_marked : bool
        Only rows whose ``accept`` column says yes (``--all`` is ``False``).
    waiting : callable, optional
        Called with (lock file, pid) when another run holds the dataset's
        lock and this one waits (see :func:`geomap.drafts.accept`).

    Returns
    -------
    list of str
        The ids of the events added.

    Raises
    ------
    InputError
        ``events`` omitted outside a checkout.
    """
    from .drafts import accept as append_drafts
    from .geo import writable_geodata_path

    events = events if events is not None else writable_geodata_path("events.csv")
    return append_drafts(drafts, events, sources, only_marked=only_marked, report=report, waiting=waiting)


def figure(
    events: str | Path | None = None,
    sources: str | Path | None = None,
    *,
    out: str | Path = "output",
    dpi: int = 150,
    title: str | None = None,
    types=None,
    start: str | None = None,
    end: str | None = None,
    actors=None,
    result=None,
):
    """The static map as ``out/map.png`` and ``out/map.svg``: ``geomap figure``.

    ``events`` is any events file ``geomap build --events`` reads (geomap's
    own, or a dataset: ACLED, UCDP GED, GDELT, CSV, GeoJSON). ``types``,
    ``start``/``end`` (``YYYY-MM-DD``) and ``actors`` select the events as
    the page's filters do (:func:`geomap.staticmap.select_events`); the
    figure states the selection under its title. A
    :class:`geomap.pipeline.BuildResult` given as ``result`` gets the files'
    counts and the report (rows rejected, places not found).

    Returns
    -------
    (Path, Path)
    """
    from .outdir import check_not_in_geodata, check_not_stdout, check_outputs_ours
    from .pipeline import load_placed
    from .staticmap import DEFAULT_TITLE, make_figure, select_events

    check_not_stdout(out, "--out", "figure", "a folder of files", "a folder, e.g. --out figures")
    check_not_in_geodata(out, "--out")
    check_outputs_ours(out, ("map.png", "map.svg"))  # a picture of the user's of that name
    # any events file build reads (a dataset too); what it rejects or cannot place is in the result's
    # report: the figure dropped such rows without a word
    gdf, loaded = load_placed(events, sources)
    if result is not None:
        result.files, result.report = loaded.files, loaded.report
    said = []
    if types is not None:
        said.append("types: " + ", ".join(types))
    if actors:
        said.append("actors: " + ", ".join(actors))
    if start or end:
        said.append(f"dates {start or '…'} to {end or '…'}")
    gdf = select_events(gdf, types=types, start=start, end=end, actors=actors)
    out = Path(out)
    return make_figure(
        gdf, out / "map.png", out / "map.svg", title=title or DEFAULT_TITLE, dpi=dpi, filters="; ".join(said)
    )


def import_target(output: str | Path) -> Path:
    """The events file ``geomap import -o OUTPUT`` writes: ``OUTPUT``, or
    ``OUTPUT/events.csv`` when it is a folder (existing, or written with a
    trailing slash: ``Path()`` drops the slash, and the events became a file
    named like the folder)."""
    out = Path(output)
    if str(output).endswith(("/", os.sep)) or out.is_dir():
        return out / "events.csv"
    return out


def import_events(
    path: str | Path,
    output: str | Path,
    *,
    fmt: str | None = None,
    region: str | None = None,
    bbox: str | None = None,
    report: Report | None = None,
) -> tuple[dict, Report]:
    """Convert a dataset file into geomap's ``events.csv`` (and ``sources.csv``
    beside it) for review: ``geomap import`` (``import`` is a Python keyword).

    Parameters
    ----------
    path : path
        An ACLED, UCDP GED, GDELT, plain CSV or GeoJSON file.
    output : path
        The events CSV to write; ``sources.csv`` is written beside it. A
        folder (existing, or written with a trailing slash) gets ``events.csv``.
    fmt : str, optional
        The file's format (default: detected from its header).
    region, bbox : str, optional
        ``"durand[:KM]"`` keeps rows within KM (default 100) of the Durand
        Line; ``"W,S,E,N"`` keeps rows inside the box.

    Returns
    -------
    (dict, Report)
        The file's counts (``rows_read = events + rows_merged + rows_rejected
        + rows_out_of_region``) and the rows that could not be used.

    Raises
    ------
    InputError
        ``output`` (or the ``sources.csv`` beside it) is the input file.
    ValueError
        ``region`` or ``bbox`` cannot be read.
    """
    from .atomic import write_target
    from .exc import InputError
    from .importers.combine import Region, parse_bbox, parse_region
    from .importers.write import import_file
    from .outdir import check_not_in_geodata, check_not_stdout, not_a_csv_name, not_a_writable_file

    writes = "two files (the events and sources.csv beside them)"
    check_not_stdout(output, "-o", "import", writes, "the events file, e.g. -o imported/events.csv")
    src = Path(path).resolve()
    out = import_target(output)
    if write_target(out) == write_target(out.with_name("sources.csv")):
        # `-o x/sources.csv`: the sources written over the events, which were lost without a word
        raise InputError(
            f"{output}: the events file cannot be the sources.csv that is written beside it; "
            "name it e.g. events.csv (nothing was written)"
        )
    check_not_in_geodata(out, "-o")
    why = not_a_csv_name(out) or not_a_writable_file(out)
    if why:  # before reading: a big dataset took minutes before the write failed
        raise InputError(f"-o {output}: {why}; choose another -o (nothing was written)")
    for target in (out, out.with_name("sources.csv")):
        if target.resolve() == src:
            raise InputError(
                f"{target} is the input file: writing it would overwrite the dataset; choose another output"
            )
    where = Region(parse_region(region) if region else None, parse_bbox(bbox) if bbox else None)
    return import_file(path, out, fmt=fmt, region=where, report=report)
