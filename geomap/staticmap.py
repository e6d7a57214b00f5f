"""Static PNG and SVG of the map for reports (matplotlib, no network).

Countries from ``geodata/countries.geojson``, the Durand Line, the labelled
crossings and main towns, the events coloured and shaped by type with the web
map's palette, a legend with counts, a title, a line stating the date range,
the filters and the sources, and the attribution. :func:`select_events`
applies the page's filters (types, dates, actors), so a report can show
exactly the selection discussed.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from .atomic import write_bytes
from .geo import geodata_path
from .render.palette import ATTRIBUTION, DURAND_COLOUR, style, type_label
from .schema import EVENT_TYPES

DEFAULT_TITLE = "Incidents along the Durand Line"
#: (west, east, south, north) of the border region shown.
EXTENT = (60.0, 75.5, 28.5, 38.0)
#: Above this many events drawn, the SVG holds the event markers as one
#: embedded image (at the PNG's resolution) while borders, labels and legend
#: stay vector: 200,000 markers as SVG elements made a 29 MB file that took
#: 56 s to write and that editors and browsers open slowly, and single markers
#: can no longer be picked out at that density anyway.
RASTER_ABOVE = 5000
#: At most this many stacks (events at one point) get their "×n" label: the
#: largest ones. 50,000 events made 3,300 labels drawn over one another.
STACK_LABELS = 40


def _countries():
    import geopandas as gpd

    path = geodata_path("countries.geojson")
    return gpd.read_file(path) if path.exists() else None


def _durand():
    import geopandas as gpd

    from .geo import CRS, durand_line

    if not geodata_path("durand_line.geojson").exists():
        return None
    return gpd.GeoSeries([durand_line()], crs=CRS)


def _crossings() -> list[dict]:
    from .render.reference import load_crossings

    return load_crossings()


#: Gazetteer kinds labelled on the figure as main places.
PLACE_KINDS = ("city",)


def _places() -> list[dict]:
    """Main towns ``{name, lat, lon}`` of the gazetteer (labelled on the figure)."""
    try:
        from .geocoders.gazetteer import RegionalGazetteer

        return [
            {"name": p.name, "lat": p.lat, "lon": p.lon} for p in RegionalGazetteer().places if p.kind in PLACE_KINDS
        ]
    except (ImportError, OSError):
        return []


def select_events(gdf, *, types=None, start: str | None = None, end: str | None = None, actors=None):
    """The events the page would show with these filters.

    Parameters
    ----------
    types : iterable of str, optional
        Event types kept (all when ``None``).
    start, end : str, optional
        ``YYYY-MM-DD``; an event is kept when its date interval
        (``date_start``..``date_end``) overlaps the range, as on the page.
    actors : iterable of str, optional
        Kept when ``actor1`` or ``actor2`` is one of them.

    Examples
    --------
    >>> from conftest_render import make_gdf   # doctest: +SKIP
    >>> select_events(make_gdf(), types=["talks"], start="2024-10-01")  # doctest: +SKIP
    """
    keep = gdf.index == gdf.index
    if types is not None:
        keep &= gdf["event_type"].isin(list(types)).to_numpy()
    if start:
        keep &= (gdf["date_end"].astype(str) >= start).to_numpy()
    if end:
        keep &= (gdf["date_start"].astype(str) <= end).to_numpy()
    if actors is not None:
        wanted = list(actors)
        keep &= (gdf["actor1"].isin(wanted) | gdf["actor2"].isin(wanted)).to_numpy()
    return gdf[keep]


def _publishers(gdf) -> list[str]:
    """Publishers of the events' sources, most cited first."""
    counts: dict[str, int] = {}
    if "sources_json" not in gdf:
        return []
    for raw, n in gdf["sources_json"].dropna().value_counts().items():
        try:
            items = json.loads(raw)
        except ValueError:
            continue
        for item in items if isinstance(items, list) else []:
            pub = str(item.get("publisher") or item.get("source_id") or "").strip() if isinstance(item, dict) else ""
            if pub:
                counts[pub] = counts.get(pub, 0) + int(n)
    return sorted(counts, key=lambda k: (-counts[k], k))


def describe_selection(gdf, *, filters: str = "", most: int = 4) -> str:
    """One line: the date range, how many events, the filters and the sources.

    >>> describe_selection(__import__("pandas").DataFrame(
    ...     {"date_start": ["2024-01-02"], "date_end": ["2024-01-02"], "sources_json": [
    ...      '[{"publisher": "Dawn"}]']}))
    '1 event, 2024-01-02 to 2024-01-02 \u00b7 Sources: Dawn'
    """
    n = len(gdf)
    if not n:
        return "No events" + (f" \u00b7 {filters}" if filters else "")
    text = (
        f"{n} event{'s' if n != 1 else ''}, {min(gdf['date_start'].astype(str))} to {max(gdf['date_end'].astype(str))}"
    )
    if filters:
        text += f" \u00b7 {filters}"
    pubs = _publishers(gdf)
    if pubs:
        shown = ", ".join(pubs[:most])
        text += f" \u00b7 Sources: {shown}" + (f" and {len(pubs) - most} more" if len(pubs) > most else "")
    return text


def _plain(text: str) -> str:
    r"""``text`` (a title, publishers, actors: from the user or the data) with
    each ``$`` escaped, so matplotlib draws it instead of starting math mode
    (a pair of them around a broken formula raised and ended the build).

    >>> _plain("cost $5 or $6")
    'cost \\$5 or \\$6'
    """
    return text.replace("$", r"\$")


def _label(ax, placed: list, x: float, y: float, text: str, min_dist: float, **kw) -> bool:
    """Annotate unless another label is closer than ``min_dist`` degrees (no overlaps)."""
    if any(abs(x - px) < min_dist * 2.5 and abs(y - py) < min_dist for px, py in placed):
        return False
    placed.append((x, y))
    ax.annotate(text, (x, y), **kw)
    return True


def make_figure(
    gdf,
    path_png: str | Path,
    path_svg: str | Path | None = None,
    *,
    title: str = DEFAULT_TITLE,
    dpi: int = 150,
    size: tuple[float, float] = (10.0, 7.5),
    filters: str = "",
) -> tuple[Path, Path | None]:
    """Write the static map as PNG (and SVG), atomically.

    Parameters
    ----------
    gdf : GeoDataFrame
        Events as :func:`geomap.geoframe.build_geodataframe` makes them; the point of each row (``latitude``,
        ``longitude``) is drawn, also for border-wide events.
    path_png, path_svg : path
        Outputs; ``path_svg`` may be ``None``.
    dpi : int
        Resolution of the PNG: the image is ``size * dpi`` pixels.
    filters : str
        The filters that made ``gdf`` (see :func:`select_events`), stated
        under the title with the date range and the sources.

    Notes
    -----
    With more than :data:`RASTER_ABOVE` events in view the SVG's event
    markers are one embedded image, and the figure's note says so; only the
    :data:`STACK_LABELS` largest stacks of events at one point are labelled.

    Returns
    -------
    (Path, Path or None)
    """
    import matplotlib

    matplotlib.use("Agg")  # no display, no network
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=size, dpi=dpi)
    try:
        west, east, south, north = EXTENT
        ax.set_facecolor("#d5e6f0")
        countries = _countries()
        if countries is not None:
            home = countries["iso_a2"].isin(["AF", "PK"])
            countries[~home].plot(ax=ax, color="#e9e4d8", edgecolor="#9d9486", linewidth=0.6)
            countries[home].plot(ax=ax, color="#f7f3ea", edgecolor="#9d9486", linewidth=0.8)
            for _, c in countries.iterrows():
                p = c.geometry.representative_point()
                if west < p.x < east and south < p.y < north:
                    ax.annotate(
                        str(c["name"]).upper(),
                        (p.x, p.y),
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="#7d7465",
                        alpha=0.9,
                    )
        durand = _durand()
        if durand is not None:
            durand.plot(ax=ax, color=DURAND_COLOUR, linewidth=1.8, linestyle=(0, (6, 3)), zorder=3)
        placed: list[tuple[float, float]] = []
        for c in _places():
            if west < c["lon"] < east and south < c["lat"] < north:
                ax.plot(c["lon"], c["lat"], marker="s", markersize=2.5, color="#555555", zorder=4)
                _label(
                    ax,
                    placed,
                    c["lon"],
                    c["lat"],
                    c["name"],
                    0.18,
                    xytext=(3, 2),
                    textcoords="offset points",
                    fontsize=6.5,
                    color="#333333",
                    zorder=6,
                )
        for c in _crossings():
            ax.plot(
                c["lon"],
                c["lat"],
                marker="o",
                markersize=4,
                markerfacecolor="white",
                markeredgecolor="#222222",
                zorder=4,
            )
            _label(
                ax,
                placed,
                c["lon"],
                c["lat"],
                c["name"],
                0.18,
                xytext=(3, -7),
                textcoords="offset points",
                fontsize=6,
                style="italic",
                color="#222222",
                zorder=6,
            )
        handles = []
        counts = gdf["event_type"].value_counts() if len(gdf) else {}
        outside = 0
        if len(gdf):
            lat_all, lon_all = gdf["latitude"].astype(float), gdf["longitude"].astype(float)
            in_view = int(((lon_all > west) & (lon_all < east) & (lat_all > south) & (lat_all < north)).sum())
        else:
            in_view = 0
        raster = in_view > RASTER_ABOVE
        present = gdf["event_type"].dropna().unique().tolist() if len(gdf) else []
        for etype in list(EVENT_TYPES) + [t for t in present if t not in EVENT_TYPES]:
            color, marker, _ = style(etype)
            rows = gdf[gdf["event_type"] == etype] if len(gdf) else gdf
            if len(rows):
                lat = rows["latitude"].astype(float)
                lon = rows["longitude"].astype(float)
                inside = (lon > west) & (lon < east) & (lat > south) & (lat < north)
                outside += int((~inside).sum())
                draft = (rows["verified"] == "draft") if "verified" in rows else inside & False
                ax.scatter(
                    lon[inside & ~draft],
                    lat[inside & ~draft],
                    s=46,
                    c=color,
                    marker=marker,
                    edgecolors="white",
                    linewidths=0.7,
                    zorder=5,
                    rasterized=raster,
                )
                ax.scatter(
                    lon[inside & draft],
                    lat[inside & draft],
                    s=46,
                    facecolors="white",
                    marker=marker,
                    edgecolors=color,
                    linewidths=1.2,
                    linestyle="--",
                    zorder=5,
                    rasterized=raster,
                )
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="",
                    marker=marker,
                    markersize=8,
                    color=color,
                    markeredgecolor="white",
                    label=f"{type_label(etype)} ({int(counts.get(etype, 0))})",
                )
            )
        if len(gdf):
            # events sharing a place hide one another: say how many there are
            pts = gdf[["latitude", "longitude"]].astype(float).round(3)
            stacks = pts.value_counts()  # largest first
            lat_s = stacks.index.get_level_values(0)
            lon_s = stacks.index.get_level_values(1)
            stacks = stacks[(stacks > 1) & (lon_s > west) & (lon_s < east) & (lat_s > south) & (lat_s < north)]
            for (lat, lon), n in stacks.head(STACK_LABELS).items():
                ax.annotate(
                    f"\u00d7{n}",
                    (lon, lat),
                    xytext=(6, 4),
                    textcoords="offset points",
                    fontsize=7,
                    fontweight="bold",
                    color="#222222",
                    zorder=6,
                )
        handles.append(Line2D([], [], color=DURAND_COLOUR, linestyle=(0, (6, 3)), label="Durand Line"))
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker="o",
                markersize=5,
                markerfacecolor="white",
                markeredgecolor="#222222",
                label="Border crossing",
            )
        )
        ax.legend(
            handles=handles,
            loc="lower right",
            fontsize=8,
            frameon=True,
            framealpha=0.92,
            title="Event type (count)",
            title_fontsize=8,
        )
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_aspect(1 / __import__("math").cos(__import__("math").radians((south + north) / 2)))
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(_plain(title) + "\n", fontsize=13, loc="left")
        ax.text(
            0.0,
            1.01,
            _plain(describe_selection(gdf, filters=filters)),
            transform=ax.transAxes,
            fontsize=7.5,
            color="#444444",
            ha="left",
            va="bottom",
            wrap=True,
        )
        note = ATTRIBUTION + (f" \u00b7 {outside} event(s) outside this view (e.g. talks abroad)" if outside else "")
        if len(gdf) and len(stacks) > STACK_LABELS:
            note += f" \u00b7 \u00d7n marks the {STACK_LABELS} largest of {len(stacks)} points with several events"
        note_text = fig.text(0.01, 0.01, note, fontsize=7, color="#555555", ha="left", va="bottom")
        fig.tight_layout(rect=(0, 0.03, 1, 1))
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
        png = write_bytes(path_png, buf.getvalue())
        svg = None
        if path_svg is not None:
            buf = io.BytesIO()
            if raster:  # said in the SVG only: the PNG is all an image anyway
                note_text.set_text(note + f" \u00b7 {in_view:,} events: their markers are an image in this SVG")
            # text stays text in the SVG, so labels can be searched and edited
            with matplotlib.rc_context({"svg.fonttype": "none"}):
                fig.savefig(buf, format="svg")
            svg = write_bytes(path_svg, buf.getvalue())
        return png, svg
    finally:
        plt.close(fig)
