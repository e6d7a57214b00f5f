"""FilterPanel: type toggles with counts, date range with play, search, precision, curated/draft."""

from __future__ import annotations

from .feature import Feature


class FilterPanel(Feature):
    """The filter controls in the side panel (and a compact legend for embed mode).

    Parameters
    ----------
    play_interval : int
        Milliseconds between steps of the date window when playing.
    """

    feature = "filters"
    script_file = "filters.js"

    def __init__(self, *, play_interval: int = 600):
        super().__init__(playInterval=play_interval)
