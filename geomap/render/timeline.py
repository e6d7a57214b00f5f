"""Timeline: events per week or month under the map; drag to set the date range."""

from __future__ import annotations

from .assets import STATIC
from .feature import Feature


class Timeline(Feature):
    """Stacked bars of the filtered events over time (``static/timeline.js``).

    Parameters
    ----------
    max_weeks : int
        Periods up to this many weeks are binned by week, longer ones by month.
    play_interval : int
        Milliseconds between the steps of the play button.
    """

    feature = "timeline"
    script_file = "timeline.js"

    def __init__(self, *, max_weeks: int = 130, play_interval: int = 500):
        super().__init__(maxWeeks=max_weeks, playInterval=play_interval)

    def extra_css(self):
        return [("geomap_timeline_css", STATIC + "timeline.css")]
