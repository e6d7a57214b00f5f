"""Extraction past one process: local worker processes or a Dask cluster.

>>> from geomap.parallel import extract_partitioned, make_executor
>>> from geomap.report import Report
>>> with make_executor(jobs=2) as ex:                              # doctest: +SKIP
...     drafts = extract_partitioned(["articles/"], Report(), executor=ex)

The inputs are cut into deterministic partitions (:mod:`.inputs`), each is
extracted by the single-process extractor on a worker (:mod:`.work`), and
the results are put back in plan order, so the drafts are the same rows in
the same order as :func:`geomap.extract.extract_paths` gives. Backends:
:mod:`.serial`, :mod:`.local` (processes), :mod:`.dask_cluster` (needs
``pip install 'geomap[dask]'``).
"""

from .base import Executor, MissingDependency, ParallelError
from .merge import merge_grouped
from .run import ParallelExtractor, extract_partitioned, make_executor
from .store import is_drafts_parquet, read_drafts_parquet, write_drafts_parquet

__all__ = [
    "Executor",
    "MissingDependency",
    "ParallelError",
    "ParallelExtractor",
    "extract_partitioned",
    "make_executor",
    "merge_grouped",
    "is_drafts_parquet",
    "read_drafts_parquet",
    "write_drafts_parquet",
]
