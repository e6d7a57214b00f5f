"""The driver: plan, run the partitions on an executor, put them back in order."""

from __future__ import annotations

import sys
from functools import partial

from .. import counts
from ..extract.core import fewer_collections
from ..extract.reading import RunArticles
from ..report import Report
from .base import Executor
from .inputs import plan
from .merge import merge_grouped
from .serial import SerialExecutor
from .store import Checkpoint
from .work import PartResult, admit_articles, extract_partition


def make_executor(jobs: int = 1, scheduler: str | None = None) -> Executor:
    """The backend for ``--jobs N`` / ``--scheduler ADDRESS`` (see the CLI)."""
    if scheduler:
        from .dask_cluster import DaskExecutor

        return DaskExecutor(scheduler)
    if jobs == 1:
        return SerialExecutor()
    from .local import ProcessExecutor

    return ProcessExecutor(jobs)


def _settings(online: bool, max_bytes: int | None) -> str:
    """What a checkpoint is valid for: the settings and the extractor's code
    (a changed rule must not reuse drafts made by the old one)."""
    import hashlib
    from pathlib import Path

    from .. import __version__

    pkg = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for f in sorted((pkg / "extract").glob("*.py")):  # reading.py (articles) included
        if f.exists():
            h.update(f.read_bytes())
    return f"geomap {__version__}; code {h.hexdigest()[:12]}; online={online}; max_bytes={max_bytes}"


def extract_partitioned(
    paths,
    report: Report,
    *,
    executor: Executor | None = None,
    online: bool = False,
    merge: bool = False,
    progress: bool = True,
    checkpoint=None,
    keep_checkpoint: bool = False,
    block: int | None = None,
    max_bytes: int | None = None,
) -> list:
    """Draft events of every article under ``paths``, extracted partition by
    partition on ``executor``; the same drafts, problems and counts, in the
    same order, as :func:`geomap.extract.extract_paths` in one process.

    Parameters
    ----------
    paths : list of str
        Files, folders, globs, JSON-lines shards, Parquet files, URLs.
    executor : Executor, optional
        Default: this process (:class:`~geomap.parallel.serial.SerialExecutor`).
    merge : bool
        One event per incident across articles (grouped, see :mod:`.merge`).
    checkpoint : path, optional
        Folder of finished partitions: a run started again skips them. It is
        removed after a successful run unless ``keep_checkpoint``.
    block : int, optional
        Partition size in bytes (default: from the input size).
    """
    executor = executor or SerialExecutor()
    parts = plan(paths, block)
    ck = Checkpoint(checkpoint, _settings(online, max_bytes)) if checkpoint else None
    results: list[PartResult | None] = [None] * len(parts)
    todo = []
    for p in parts:
        saved = ck.load(p.index, p.key()) if ck else None
        if saved is not None:
            results[p.index] = saved
        elif not p.units:
            results[p.index] = extract_partition(p)
        else:
            todo.append(p)
    bar = _progress(progress, executor, len(parts), len(parts) - len(todo))
    task = partial(extract_partition, online=online, max_bytes=max_bytes)
    # Receiving a partition unpickles thousands of drafts: with the default
    # thresholds the collector ran ~1,100 young and several full collections
    # (each over every draft received so far) per 10 MB of input, 2/3 of the
    # client's CPU (1.8 s of 2.6 s; unpickling itself is 0.5 s). The drafts
    # are kept, so a collection finds nothing to free.
    with fewer_collections():
        for i, result in executor.run(task, todo):
            results[todo[i].index] = result
            if ck:
                ck.save(result)
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    drafts: list = []
    report.count(counts.EVENTS_EXTRACTED, 0)
    report.count(counts.MENTIONS_WITHOUT_PLACE, 0)
    run = RunArticles()  # records repeated and ids given twice, across partitions as in one process
    for r in results:
        admit_articles(r, run)
        drafts.extend(r.drafts)
        report.extend(r.report)
    if merge:
        drafts = merge_grouped(drafts)
        report.count(counts.EVENTS_MERGED, report.counts[counts.EVENTS_EXTRACTED] - len(drafts))
    if ck and not keep_checkpoint:
        ck.remove()
    return drafts


def _progress(progress: bool, executor: Executor, total: int, done: int):
    if not progress:
        return None
    if executor.dashboard:
        print(f"Dask dashboard: {executor.dashboard}  ({executor.describe()})", file=sys.stderr)
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, initial=done, desc="extract", unit="partition", file=sys.stderr, leave=False)


class ParallelExtractor:
    """A stand-in for :func:`geomap.extract.extract_paths` that runs on an
    executor (for ``geomap build --articles ... --jobs N``); the chain
    argument is ignored: each worker builds its own (``online`` as given)."""

    def __init__(self, jobs: int = 1, scheduler: str | None = None, online: bool = False):
        self.jobs, self.scheduler, self.online = jobs, scheduler, online

    def __call__(self, paths, chain, report, progress: bool = True, merge: bool = False, max_bytes: int | None = None):
        with make_executor(self.jobs, self.scheduler) as ex:
            return extract_partitioned(
                paths, report, executor=ex, online=self.online, merge=merge, progress=progress, max_bytes=max_bytes
            )
