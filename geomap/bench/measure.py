"""Run one benchmark case as a child process: wall time, peak memory, a time cap.

Each case runs in its own process so its peak memory is its own:
:func:`os.wait4` returns the resource usage of exactly that child (and the
children it waited for), where ``RUSAGE_CHILDREN`` would give the maximum over
every child so far. The cap is enforced from here, outside the case: the
child runs in its own session and the whole process group (Chromium
included) is killed when it runs over.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field


@dataclass
class Run:
    """What one child process did.

    Attributes
    ----------
    status : str
        ``"ok"``, ``"capped"`` (killed at the time cap) or ``"failed"`` (non-zero exit).
    seconds : float
        Wall-clock time from start to exit (or to the kill).
    peak_mb : float or None
        Peak resident set size of the child, in MB (10^6 bytes).
    cpu_s : float or None
        User + system CPU seconds of the child and the children it waited for
        (steadier than wall-clock time on a busy machine).
    result : dict
        The JSON object the child printed last on stdout, if any.
    """

    status: str
    seconds: float
    peak_mb: float | None
    returncode: int | None = None
    result: dict = field(default_factory=dict)
    stderr_tail: str = ""
    cpu_s: float | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _peak_mb(rusage) -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return round(rusage.ru_maxrss * scale / 1e6, 1)


def run_capped(argv: list[str], cap: float, *, env: dict | None = None, cwd: str | None = None) -> Run:
    """Run ``argv``; kill its process group after ``cap`` seconds.

    The child's stdout is parsed for a last line holding a JSON object (the
    workers of :mod:`geomap.bench` print their in-process timings that way).
    """
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True)
        status = None
        rusage = None
        code = None
        while True:
            pid, st, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(st)
                break
            if time.perf_counter() - t0 > cap:
                status = "capped"
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                _, st, rusage = os.wait4(proc.pid, 0)
                code = os.waitstatus_to_exitcode(st)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - t0
        proc.returncode = code  # keep Popen from waiting on a reaped pid
        if status != "capped":
            # Reap anything the child left behind in its group (a stray Chromium).
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    result: dict = {}
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                result = json.loads(line)
            except ValueError:
                continue
            break
    if status is None:
        status = "ok" if code == 0 else "failed"
    return Run(
        status=status,
        seconds=round(seconds, 3),
        peak_mb=_peak_mb(rusage),
        cpu_s=round(rusage.ru_utime + rusage.ru_stime, 3) if rusage else None,
        returncode=code,
        result=result,
        stderr_tail=stderr[-2000:],
    )


def python_argv(module: str, *args: str) -> list[str]:
    """``python -m module args`` with this interpreter."""
    return [sys.executable, "-m", module, *map(str, args)]


def fit_exponent(sizes: list[float], values: list[float]) -> float | None:
    """Least-squares slope of log(value) over log(size): 1.0 means linear growth.

    >>> round(fit_exponent([1, 10, 100], [2, 20, 200]), 2)
    1.0
    >>> fit_exponent([1], [3]) is None
    True
    """
    import math

    pts = [(math.log(s), math.log(v)) for s, v in zip(sizes, values) if s and v and v > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    if den == 0:
        return None
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / den
