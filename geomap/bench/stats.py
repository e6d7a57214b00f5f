"""Repeated timings on a shared machine: medians, spreads, speed-ups and the load they ran under.

A single wall-clock figure on a shared VM says little: the same extraction
read 1.01 and 1.17 MB/s minutes apart. The benchmark therefore repeats what
it holds to a floor, reports the median with the spread (min-max), and
records beside every run what else the machine was doing:

- the load average (1 minute) before and after the run, against the cores;
- the CPU seconds other work took during the run, from ``/proc/stat`` (all
  processes of the machine, plus the hypervisor's steal time) less the
  run's own CPU seconds, as a number of cores. The load average counts the
  benchmark's own processes too (up to one in a one-process run, two in a
  two-worker run) and lags by a minute; this gauge does neither.

A run is *under load* when the load average before or after it is above the
core count, or other work took half a core or more on average while it ran
(:data:`OTHERS_LIMIT`). Its wall-clock figures are then not trustworthy; its
CPU seconds move far less.

Everything here but :func:`sample` and :func:`cores` is pure, so the report
logic is tested on fixed numbers.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

#: Other work, in cores on average over a run, from which the run is flagged.
OTHERS_LIMIT = 0.5


def median(values) -> float | None:
    """Median of the numbers that are not ``None`` (the mean of the middle two for an even count).

    >>> median([3.0, 1.0, 2.0]), median([4, 1, 2, 3]), median([])
    (2.0, 2.5, None)
    """
    xs = sorted(v for v in values if v is not None)
    if not xs:
        return None
    mid = len(xs) // 2
    return float(xs[mid]) if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def spread(values) -> list[float] | None:
    """``[min, max]`` of the numbers that are not ``None``.

    >>> spread([2.0, 1.5, 3.0]), spread([None])
    ([1.5, 3.0], None)
    """
    xs = [v for v in values if v is not None]
    return [min(xs), max(xs)] if xs else None


def ratio(a, b) -> float | None:
    """``a / b``, or ``None`` when either is missing or ``b`` is 0."""
    return a / b if a is not None and b else None


def pair_ratios(base, other) -> list[float | None]:
    """Speed-up of each repetition: ``base[i] / other[i]`` (seconds of the same repetition)."""
    return [ratio(a, b) for a, b in zip(base, other)]


def cores() -> int:
    """Cores this process may use (the affinity mask; the machine's count elsewhere): the count
    ``--jobs`` is checked against (:func:`geomap.parallel.local.cpu_count`, one reading of it)."""
    from ..parallel.local import cpu_count  # (imported here: the package loads the extractor)

    return cpu_count()


@dataclass
class Sample:
    """The machine at one moment: clock, load average (1 min), CPU seconds busy so far
    (all cores, steal time included; ``None`` without ``/proc/stat``)."""

    t: float
    load: float | None
    busy_s: float | None


def _busy_s() -> float | None:
    """CPU seconds the whole machine has spent busy since boot: user, nice,
    system, irq, softirq and steal of ``/proc/stat``'s first line."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            f = [int(x) for x in fh.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = f + [0] * (8 - len(f))
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def sample() -> Sample:
    """The machine now (see :class:`Sample`)."""
    try:
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover - no load average on this platform
        load = None
    return Sample(time.perf_counter(), load, _busy_s())


def others_cores(before: Sample, after: Sample, own_cpu_s: float | None) -> float | None:
    """Cores' worth of CPU other work took between the two samples: the
    machine's busy seconds less the run's own, over the wall time (never below 0).

    >>> others_cores(Sample(0, 1, 100.0), Sample(10, 1, 125.0), 20.0)
    0.5
    """
    wall = after.t - before.t
    if before.busy_s is None or after.busy_s is None or own_cpu_s is None or wall <= 0:
        return None
    return max(0.0, (after.busy_s - before.busy_s - own_cpu_s) / wall)


def under_load(load_before, load_after, others, ncores: int) -> bool:
    """Whether a run's wall-clock figures are suspect (see the module docstring).

    >>> under_load(0.4, 1.9, 0.1, 2), under_load(0.4, 2.3, 0.1, 2), under_load(0.4, 1.0, 0.6, 2)
    (False, True, True)
    """
    loads = [x for x in (load_before, load_after) if x is not None]
    return any(x > ncores for x in loads) or (others is not None and others >= OTHERS_LIMIT)


def run_record(before: Sample, after: Sample, own_cpu_s: float | None, ncores: int) -> dict:
    """What the machine did around one run, for ``bench.json``: load before and
    after, other work in cores, and the under-load flag."""
    others = others_cores(before, after, own_cpu_s)
    return {
        "load_before": None if before.load is None else round(before.load, 2),
        "load_after": None if after.load is None else round(after.load, 2),
        "others_cores": None if others is None else round(others, 2),
        "under_load": under_load(before.load, after.load, others, ncores),
    }


def fmt_range(r, digits: int = 2) -> str:
    """``"1.01-1.17"`` for ``[1.01, 1.17]``; ``"-"`` for none.

    >>> fmt_range([1.014, 1.17]), fmt_range(None)
    ('1.01-1.17', '-')
    """
    if not r:
        return "-"
    return f"{r[0]:.{digits}f}-{r[1]:.{digits}f}"
