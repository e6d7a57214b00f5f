"""The executor interface: run one function over many partitions.

An executor takes a picklable function and a list of items and yields
``(index, result)`` pairs as they finish, in any order; the caller puts them
back in order. A worker process that dies has its items run again (up to
``retries`` more times); an exception raised by the function itself is
re-raised (the extraction task catches what a bad article raises, so an
exception here is a bug worth stopping for).
"""

from __future__ import annotations

from typing import Callable, Iterator, Sequence

from ..exc import GeomapError

#: How many times an item is run again after its worker died.
DEFAULT_RETRIES = 2


class ParallelError(GeomapError, RuntimeError):
    """A parallel run could not go on (workers kept dying, no scheduler)."""


class MissingDependency(ParallelError, ImportError):
    """An optional package needed by the chosen backend is not installed."""


class Executor:
    """Base class of the backends (:mod:`.serial`, :mod:`.local`, :mod:`.dask_cluster`).

    Use as a context manager; :attr:`workers` is the number of processes
    working at once, :attr:`dashboard` a link to watch the run (or None).
    """

    name = "base"
    workers = 1
    dashboard: str | None = None

    def __init__(self, retries: int = DEFAULT_RETRIES):
        self.retries = retries

    def run(self, fn: Callable, items: Sequence) -> Iterator[tuple[int, object]]:
        """Yield ``(index into items, fn(item))`` as each finishes."""
        raise NotImplementedError

    def close(self) -> None:
        """Stop what this executor started (not a cluster it only joined)."""

    def describe(self) -> str:
        return f"{self.name}, {self.workers} worker(s)"

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
