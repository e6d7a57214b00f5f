"""Local processes (``--jobs N``) through :mod:`concurrent.futures`."""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .base import Executor, ParallelError


def cpu_count() -> int:
    """Cores this process may use (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: More local processes than this (or 8 per core, if more) are refused: each is a copy of geomap.
MAX_JOBS = 64


def most_processes() -> int:
    """The most local processes ``--jobs`` and ``--scheduler local:N`` start."""
    return max(MAX_JOBS, 8 * cpu_count())


class ProcessExecutor(Executor):
    """``jobs`` worker processes on this machine (0: one per core).

    When a worker dies (killed, out of memory) the pool breaks; a new pool
    is started and every unfinished item is run again, at most ``retries``
    more times each.
    """

    name = "processes"

    def __init__(self, jobs: int = 0, retries: int = 2):
        super().__init__(retries)
        self.workers = jobs if jobs > 0 else cpu_count()
        # fork: workers inherit the imported modules (seconds of start-up saved)
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        self._ctx = multiprocessing.get_context(method)
        self._pool = None

    def _new_pool(self, items: int) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        # A forked worker keeps what it inherited (modules, a place finder
        # built before the fork) for its whole life: frozen, the collector
        # never walks those objects again, nor writes to the pages the worker
        # shares with its parent.
        init = gc.freeze if self._ctx.get_start_method() == "fork" else None
        # no more workers than items: a forked pool starts every worker at once, and '--jobs 999999' on two
        # files forked until the machine stopped answering
        workers = max(1, min(self.workers, items))
        self._pool = ProcessPoolExecutor(workers, mp_context=self._ctx, initializer=init)
        return self._pool

    def run(self, fn, items):
        attempts = [0] * len(items)
        todo = list(range(len(items)))
        while todo:
            pool = self._new_pool(len(todo))
            futures = {pool.submit(fn, items[i]): i for i in todo}
            todo = []
            pending = set(futures)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    i = futures[fut]
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        attempts[i] += 1
                        if attempts[i] > self.retries:
                            raise ParallelError(
                                f"partition {i}: its worker died {attempts[i]} times; giving up"
                            ) from None
                        todo.append(i)
                        continue
                    yield i, result
            todo.sort()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
