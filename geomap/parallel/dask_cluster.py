"""A Dask cluster (``--scheduler tcp://host:port`` or ``--scheduler local:N``).

Workers need geomap installed (the same version) and, for ``--online``, the
network. The scheduler retries the partitions of a worker that dies (Dask
reschedules its tasks; ``retries`` more runs of a failing task are allowed).
"""

from __future__ import annotations

from .base import Executor, MissingDependency, ParallelError

INSTALL_HINT = "pip install 'geomap[dask]'  (installs dask[distributed] and pyarrow)"

#: Dask settings for the cluster that ``local:N`` starts (scheduler, nannies
#: and workers read them when they start). A geomap task is one CPU-bound
#: Python call; every time a worker's event loop or profiler wakes up it
#: takes the GIL from that call. Dask's defaults wake the loop every 20 ms
#: (tick), sample the task's stack every 10 ms (profiler: only for the
#: dashboard) and poll memory every 100 ms; on a busy machine each hand-over
#: of the GIL can wait for a core, and the 2-worker cluster ran at 1.5x one
#: process where two plain processes ran at 2x (README, Benchmark). Rarer
#: wake-ups change no result: ticks only measure loop latency, the monitors
#: feed the dashboard and the memory limits, which a partition is far below.
#: The same keys can be given to ``dask worker`` as environment variables
#: (``DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL=1s``; README).
LOCAL_CLUSTER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def _distributed():
    try:
        import distributed
    except ImportError as err:
        raise MissingDependency(
            f"--scheduler needs Dask's distributed scheduler, which is not "
            f"installed ({err.name}); install it with: {INSTALL_HINT}"
        ) from None
    return distributed


class DaskExecutor(Executor):
    """Run the items as tasks on a Dask cluster.

    Parameters
    ----------
    address : str
        ``tcp://host:port`` of a running scheduler, or ``local:N`` to start
        a :class:`distributed.LocalCluster` of N single-threaded worker
        processes on 127.0.0.1 (stopped again by :meth:`close`).
    timeout : float
        Seconds to wait for the scheduler (and, for ``local:N``, the workers).
    """

    name = "dask"

    def __init__(self, address: str, retries: int = 2, timeout: float = 30.0):
        super().__init__(retries)
        distributed = _distributed()
        self._cluster = None
        if address.startswith("local:") or address == "local":
            import dask

            from .local import cpu_count, most_processes

            given = address.partition(":")[2] or "0"
            n = int(given) if given.isdigit() else -1
            if not 0 <= n <= most_processes():
                # 'local:abc' ended in a traceback; 'local:999999' started as many worker processes
                raise ParallelError(
                    f"--scheduler {address}: expected local:N with N from 0 (one per core) to "
                    f"{most_processes()} ({cpu_count()} core(s) here)"
                )
            n = n or None

            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                self._cluster = distributed.LocalCluster(
                    n_workers=n or cpu_count(),
                    threads_per_worker=1,  # one task per process: no two tasks share a GIL
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address="127.0.0.1:0",
                    silence_logs=40,
                )
            address = self._cluster.scheduler_address
        try:
            self.client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as err:
            self.close()
            raise ParallelError(f"cannot reach the Dask scheduler at {address}: {err}") from None
        self.address = address
        self.dashboard = self.client.dashboard_link
        info = self.client.scheduler_info()
        self.workers = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()) or 1

    def describe(self) -> str:
        return f"dask at {self.address}, {self.workers} worker thread(s)"

    def run(self, fn, items):
        distributed = _distributed()
        futures = self.client.map(fn, list(items), retries=self.retries, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        try:
            for fut in distributed.as_completed(futures, loop=self.client.loop):
                try:
                    result = fut.result()
                except distributed.KilledWorker as err:
                    raise ParallelError(
                        f"partition {index[fut.key]}: workers died running it ({err}); giving up"
                    ) from None
                yield index[fut.key], result
                fut.release()
        finally:
            for f in futures:
                f.cancel()

    def close(self) -> None:
        client, cluster = getattr(self, "client", None), self._cluster
        if client is not None:
            client.close()
            self.client = None
        if cluster is not None:
            cluster.close()
            self._cluster = None
