"""The task run on a worker: the drafts of one partition.

Each worker process builds the geocoder chain and place finder once (the
first partition it runs pays for it) and then calls the single-process
extractor, :func:`geomap.extract.extract_article`, on every article.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from dataclasses import dataclass, field

from .. import counts
from ..report import Report
from .inputs import Partition, read_units

#: One place finder per (process, online): built by the first partition.
_FINDERS: dict[bool, object] = {}


@dataclass
class PartResult:
    """What one partition gave: its drafts in article order and its report."""

    index: int
    key: str
    drafts: list = field(default_factory=list)
    report: Report = field(default_factory=Report)
    nbytes: int = 0
    seconds: float = 0.0


def _finder(online: bool):
    if online not in _FINDERS:
        from ..extract import PlaceFinder
        from ..geocoders import default_chain

        _FINDERS[online] = PlaceFinder(default_chain(online=online))
        if multiprocessing.parent_process() is not None:
            # a worker process (local pool, Dask worker): the finder and the
            # modules live as long as it does, so the collector need not walk
            # them in every full collection of the partitions to come
            gc.freeze()
    return _FINDERS[online]


def warm(online: bool = False) -> None:
    """Build this process's place finder now (e.g. on every Dask worker with
    ``client.run(warm)``) rather than in the first partition."""
    _finder(online)


def extract_partition(part: Partition, online: bool = False, max_bytes: int | None = None) -> PartResult:
    """Drafts and report of ``part``, as :func:`geomap.extract.extract_paths`
    would give for its articles: the same problems, counts and rows in the
    same order. An article whose extraction raises is reported (kind
    ``rejected``, counted in ``articles_rejected`` instead of
    ``articles_used``) and the partition goes on."""
    from ..extract import extract_article
    from ..extract.core import fewer_collections, report_found
    from ..extract.reading import DEFAULT_MAX_BYTES

    t0 = time.perf_counter()
    report = Report()
    report.extend(part.report)
    report.count(counts.EVENTS_EXTRACTED, 0)
    report.count(counts.MENTIONS_WITHOUT_PLACE, 0)
    drafts: list = []
    if part.units:
        finder = _finder(online)
        # as extract_paths does in one process: the workers make the same
        # short-lived objects and keep the same drafts
        with fewer_collections():
            for art in read_units(part.units, report, max_bytes or DEFAULT_MAX_BYTES):
                unlocated: list = []
                try:
                    found = extract_article(art, finder=finder, unlocated=unlocated)
                except Exception as err:  # one bad article never stops the run
                    report.add(
                        "rejected",
                        art.path,
                        art.line,
                        None,
                        f"extraction failed: {type(err).__name__}: {err}",
                        value=art.doc_id,
                    )
                    report.count(counts.ARTICLES_USED, -1)
                    report.count(counts.ARTICLES_REJECTED)
                    continue
                drafts.extend(found)
                report_found(report, art, found, unlocated)
    return PartResult(part.index, part.key(), drafts, report, part.nbytes, time.perf_counter() - t0)
