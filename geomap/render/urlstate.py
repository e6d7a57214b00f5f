"""UrlState and EmbedMode: what the page shows is in its URL."""

from __future__ import annotations

from .feature import Feature


class UrlState(Feature):
    """View, filters, base layer and selected event kept in the URL hash.

    Parameters
    ----------
    bounds : [[south, west], [north, east]]
        The initial view when the hash has none.
    """

    feature = "urlstate"
    script_file = "urlstate.js"

    def __init__(self, *, bounds):
        super().__init__(bounds=[[float(v) for v in corner] for corner in bounds])


class EmbedMode(Feature):
    """``?embed=1`` hides the side panel and shows a compact legend instead."""

    feature = "embed"
    script_file = "embed.js"
