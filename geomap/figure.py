"""Static PNG and SVG of the map for reports (matplotlib, no network).

Countries from ``geodata/countries.geojson``, the Durand Line, the labelled
crossings and the events coloured and shaped by type with the web map's
palette, a legend with counts, a title and the attribution.
"""

from __future__ import annotations

import io
from pathlib import Path

from .atomic import write_bytes
from .geo import geodata_path
from .render.palette import ATTRIBUTION, DURAND_COLOUR, STYLES
from .schema import EVENT_LABELS, EVENT_TYPES

DEFAULT_TITLE = "Incidents along the Durand Line"
#: (west, east, south, north) of the border region shown.
EXTENT = (60.0, 75.5, 28.5, 38.0)


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


def make_figure(gdf, path_png: str | Path, path_svg: str | Path | None = None, *,
                title: str = DEFAULT_TITLE, dpi: int = 150,
                size: tuple[float, float] = (10.0, 7.5)) -> tuple[Path, Path | None]:
    """Write the static map as PNG (and SVG), atomically.

    Parameters
    ----------
    gdf : GeoDataFrame
        Events as in CONTRACTS.md; the point of each row (``latitude``,
        ``longitude``) is drawn, also for border-wide events.
    path_png, path_svg : path
        Outputs; ``path_svg`` may be ``None``.
    dpi : int
        Resolution of the PNG: the image is ``size * dpi`` pixels.

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
                    ax.annotate(str(c["name"]).upper(), (p.x, p.y), ha="center", va="center",
                                fontsize=7, color="#7d7465", alpha=0.9)
        durand = _durand()
        if durand is not None:
            durand.plot(ax=ax, color=DURAND_COLOUR, linewidth=1.8, linestyle=(0, (6, 3)), zorder=3)
        for c in _crossings():
            ax.plot(c["lon"], c["lat"], marker="o", markersize=4, markerfacecolor="white",
                    markeredgecolor="#222222", zorder=4)
        handles = []
        counts = gdf["event_type"].value_counts() if len(gdf) else {}
        outside = 0
        for etype in EVENT_TYPES:
            color, marker, _ = STYLES[etype]
            rows = gdf[gdf["event_type"] == etype] if len(gdf) else gdf
            if len(rows):
                lat = rows["latitude"].astype(float)
                lon = rows["longitude"].astype(float)
                inside = (lon > west) & (lon < east) & (lat > south) & (lat < north)
                outside += int((~inside).sum())
                draft = (rows["verified"] == "draft") if "verified" in rows else inside & False
                ax.scatter(lon[inside & ~draft], lat[inside & ~draft], s=46, c=color, marker=marker,
                           edgecolors="white", linewidths=0.7, zorder=5)
                ax.scatter(lon[inside & draft], lat[inside & draft], s=46, facecolors="white",
                           marker=marker, edgecolors=color, linewidths=1.2, linestyle="--", zorder=5)
            handles.append(Line2D([], [], linestyle="", marker=marker, markersize=8, color=color,
                                  markeredgecolor="white",
                                  label=f"{EVENT_LABELS[etype]} ({int(counts.get(etype, 0))})"))
        if len(gdf):
            # events sharing a place hide one another: say how many there are
            pts = gdf[["latitude", "longitude"]].astype(float).round(3)
            for (lat, lon), n in pts.value_counts().items():
                if n > 1 and west < lon < east and south < lat < north:
                    ax.annotate(f"\u00d7{n}", (lon, lat), xytext=(6, 4), textcoords="offset points",
                                fontsize=7, fontweight="bold", color="#222222", zorder=6)
        handles.append(Line2D([], [], color=DURAND_COLOUR, linestyle=(0, (6, 3)), label="Durand Line"))
        handles.append(Line2D([], [], linestyle="", marker="o", markersize=5, markerfacecolor="white",
                              markeredgecolor="#222222", label="Border crossing"))
        ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=True, framealpha=0.92,
                  title="Event type (count)", title_fontsize=8)
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_aspect(1 / __import__("math").cos(__import__("math").radians((south + north) / 2)))
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(title, fontsize=13, loc="left")
        note = ATTRIBUTION + (f" \u00b7 {outside} event(s) outside this view (e.g. talks abroad)"
                              if outside else "")
        fig.text(0.01, 0.01, note, fontsize=7, color="#555555", ha="left", va="bottom")
        fig.tight_layout(rect=(0, 0.03, 1, 1))
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
        png = write_bytes(path_png, buf.getvalue())
        svg = None
        if path_svg is not None:
            buf = io.BytesIO()
            # text stays text in the SVG, so labels can be searched and edited
            with matplotlib.rc_context({"svg.fonttype": "none"}):
                fig.savefig(buf, format="svg")
            svg = write_bytes(path_svg, buf.getvalue())
        return png, svg
    finally:
        plt.close(fig)
