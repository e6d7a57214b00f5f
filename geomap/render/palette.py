"""Colour and shape of each event type, shared by the web map and the static figure.

Colours are the Okabe-Ito palette (safe for the common colour-vision
deficiencies); each type also has its own shape, so the legend still works in
greyscale print. Yellow (#F0E442) is left out: it vanishes on a light basemap.
"""

from __future__ import annotations

from ..schema import EVENT_LABELS, EVENT_TYPES

#: type -> (colour, matplotlib marker, SVG path in a 20x20 box)
STYLES: dict[str, tuple[str, str, str]] = {
    "armed_clash": ("#D55E00", "^", "M10 2 L18.5 17 L1.5 17 Z"),
    "airstrike": ("#CC79A7", "v", "M1.5 3 L18.5 3 L10 18 Z"),
    "explosion": (
        "#E69F00",
        "*",
        "M10 1 L12.6 7.2 L19 7.6 L14.1 11.8 L15.6 18.5 L10 14.9 L4.4 18.5 L5.9 11.8 L1 7.6 L7.4 7.2 Z",
    ),
    "border_closure": ("#0072B2", "s", "M3 3 H17 V17 H3 Z"),
    "trade_disruption": ("#56B4E9", "D", "M10 1.5 L18.5 10 L10 18.5 L1.5 10 Z"),
    "talks": ("#009E73", "o", "M10 2 A8 8 0 1 1 9.99 2 Z"),
    "fortification": ("#000000", "p", "M10 1.5 L18.5 7.7 L15.3 17.7 L4.7 17.7 L1.5 7.7 Z"),
    # imported rows outside our seven types (protests, ...): grey hexagon
    "other": ("#7F7F7F", "h", "M10 3 L16.1 6.5 L16.1 13.5 L10 17 L3.9 13.5 L3.9 6.5 Z"),
}
#: Style of a type this table does not know yet (a grey cross, like "other").
FALLBACK = STYLES["other"]

#: Colour of the Durand Line and of border-wide highlights.
DURAND_COLOUR = "#7a1f1f"
#: Attribution shown on the page and the figure.
ATTRIBUTION = "Natural Earth; GeoNames; geomap"


def style(event_type: str) -> tuple[str, str, str]:
    """(colour, matplotlib marker, SVG path) of a type; grey cross for unknown ones."""
    return STYLES.get(event_type, FALLBACK)


def colour(event_type: str) -> str:
    """Hex colour of an event type."""
    return style(event_type)[0]


def type_label(event_type: str) -> str:
    """Legend label of a type: the schema's, else the id in words."""
    return EVENT_LABELS.get(event_type) or str(event_type).replace("_", " ").capitalize()


def type_table(extra=()) -> list[dict]:
    """One dict per type (id, label, colour, marker, svg path): the schema's, then ``extra``.

    ``extra``: types found in the data that the schema does not list (an
    imported dataset's own), in the order given.
    """
    types = list(EVENT_TYPES) + [t for t in dict.fromkeys(extra) if t not in EVENT_TYPES]
    return [
        {"id": t, "label": type_label(t), "color": style(t)[0], "marker": style(t)[1], "path": style(t)[2]}
        for t in types
    ]
