"""EventList: the visible events by date; choosing one flies to it and opens its popup."""

from __future__ import annotations

from .feature import Feature


class EventList(Feature):
    """Side list of the visible events, rendered ``page_size`` at a time."""

    feature = "list"
    script_file = "list.js"

    def __init__(self, *, page_size: int = 200):
        super().__init__(pageSize=page_size)
