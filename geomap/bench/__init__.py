"""The benchmark of issue 6 (``make bench``, ``geomap bench``).

Synthetic events at 1k/10k/100k and article corpora of 1/10/50 MB
(:mod:`~geomap.bench.synth`); each case timed as its own capped child process
(:mod:`~geomap.bench.measure`): ``geomap build``, the page in headless
Chromium (:mod:`~geomap.bench.browser`), the plain-folium baseline
(:mod:`~geomap.bench.baseline`), extraction and gazetteer start-up
(:mod:`~geomap.bench.extraction`); results, targets and the markdown table
(:mod:`~geomap.bench.report`), all driven by :func:`run_bench`.

>>> from geomap.bench import run_bench
>>> run_bench("output", sizes=(1000,), corpus_mb=(1,))   # doctest: +SKIP
"""

from .runner import Caps, run_bench

__all__ = ["Caps", "run_bench"]
