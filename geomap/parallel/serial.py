"""The reference backend: every partition in this process, in order."""

from __future__ import annotations

from .base import Executor


class SerialExecutor(Executor):
    """Run the items one after the other here (``--jobs 1``)."""

    name = "serial"

    def run(self, fn, items):
        for i, item in enumerate(items):
            yield i, fn(item)
