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


@dataclass(frozen=True)
class ArticleSpan:
    """One article of a partition, for the checks that span the run
    (:class:`geomap.extract.reading.RunArticles`, made by the driver in
    input order): who it is, and which of the partition's problems
    (``start``: what reading it said; ``read``: its extraction's from
    there; ``end``) and drafts (``first`` to ``last``) are its own."""

    doc_id: str
    path: str
    line: int | None
    key: str | None
    start: int
    read: int
    end: int
    first: int
    last: int
    unlocated: int
    used: bool


@dataclass
class PartResult:
    """What one partition gave: its drafts in article order, its report and
    its articles (:class:`ArticleSpan`)."""

    index: int
    key: str
    drafts: list = field(default_factory=list)
    report: Report = field(default_factory=Report)
    nbytes: int = 0
    seconds: float = 0.0
    articles: list = field(default_factory=list)


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
    from ..extract.reading import DEFAULT_MAX_BYTES, own_problems_start, record_key

    t0 = time.perf_counter()
    report = Report()
    report.extend(part.report)
    report.count(counts.EVENTS_EXTRACTED, 0)
    report.count(counts.MENTIONS_WITHOUT_PLACE, 0)
    drafts: list = []
    spans: list[ArticleSpan] = []
    if part.units:
        finder = _finder(online)
        # as extract_paths does in one process: the workers make the same
        # short-lived objects and keep the same drafts
        with fewer_collections():
            for art in read_units(part.units, report, max_bytes or DEFAULT_MAX_BYTES):
                start, read, first = own_problems_start(art, report), len(report.problems), len(drafts)
                unlocated: list = []
                used = True
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
                    used = False
                else:
                    drafts.extend(found)
                    report_found(report, art, found, unlocated)
                spans.append(
                    ArticleSpan(
                        art.doc_id,
                        art.path,
                        art.line,
                        record_key(art),
                        start,
                        read,
                        len(report.problems),
                        first,
                        len(drafts),
                        len(unlocated) if used else 0,
                        used,
                    )
                )
    return PartResult(part.index, part.key(), drafts, report, part.nbytes, time.perf_counter() - t0, spans)


def admit_articles(result: PartResult, run) -> None:
    """Make in ``result`` (in place) the checks of ``run`` (a
    :class:`~geomap.extract.reading.RunArticles` that has seen every earlier
    partition): a repeated record's drafts and problems leave, one line in
    their stead; a doc_id taken elsewhere is renamed in its drafts. The
    partition then reads as the same articles read in one process."""
    old, drafts, problems = result.report.problems, [], []
    done_p = done_d = 0
    for a in getattr(result, "articles", []):  # checkpoints of older versions have none
        problems += old[done_p : a.start]
        drafts += result.drafts[done_d : a.first]
        own = Report(problems=list(old[a.start : a.read]))
        doc_id = run.admit(a.doc_id, a.path, a.line, a.key, own, 0)
        problems += own.problems
        for k, v in own.counts.items():
            result.report.count(k, v)
        if doc_id is None:  # a repeat: nothing of it is kept
            result.report.count(counts.EVENTS_EXTRACTED, a.first - a.last)
            result.report.count(counts.MENTIONS_WITHOUT_PLACE, -a.unlocated)
            if not a.used:  # its failure was counted as the rejection already
                result.report.count(counts.ARTICLES_USED, 1)
                result.report.count(counts.ARTICLES_REJECTED, -1)
        else:
            problems += old[a.read : a.end]
            for d in result.drafts[a.first : a.last]:
                d.doc_id = doc_id
            drafts += result.drafts[a.first : a.last]
        done_p, done_d = a.end, a.last
    result.report.problems = problems + old[done_p:]
    result.drafts = drafts + result.drafts[done_d:]
