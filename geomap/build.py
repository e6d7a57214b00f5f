"""The whole build: events (+ articles) -> places -> GeoDataFrame -> outputs.

Used by ``geomap build``; everything it writes is atomic, so an interrupted
build leaves the previous outputs intact.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_text
from .dataset import build_geodataframe
from .events import load_events
from .exc import BuildError
from .geocoders import default_chain
from .report import Report


@dataclass
class BuildResult:
    """What a build wrote and counted."""

    outputs: dict[str, Path] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    events: int = 0

    def summary(self) -> dict:
        c = self.report.counts
        return {
            "rows_read": c.get("rows_read", 0),
            "rows_rejected": c.get("rows_rejected", 0),
            "source_rows_read": c.get("source_rows_read", 0),
            "source_rows_rejected": c.get("source_rows_rejected", 0),
            "articles_read": c.get("articles_read", 0),
            "articles_reported": c.get("articles_reported", 0),
            "drafts_extracted": c.get("drafts", 0),
            "events_in": c.get("events_in", 0),
            "events_mapped": c.get("events_mapped", 0),
            "places_not_found": c.get("events_unlocated", 0),
            "warnings": len(self.report.of_kind("warning")),
        }


def build(events: str | Path | None = None, sources: str | Path | None = None, *,
          out: str | Path = "output", articles: list[str | Path] | None = None,
          online: bool = False, strict: bool = False, cdn: bool = False,
          gpkg: bool = False, figure: bool = False, chain=None,
          progress: bool = False) -> BuildResult:
    """Build the map and exports into ``out``.

    Parameters
    ----------
    events, sources : path, optional
        Default ``geodata/events.csv`` and the ``sources.csv`` beside it.
    out : path
        Output folder: ``map.html``, ``embed.html``, ``events.geojson``,
        ``events.csv``, ``rejected.csv``, ``unlocated.csv``, ``summary.json``
        (and ``events.gpkg``, ``map.png``/``map.svg`` on request).
    articles : list of path, optional
        Article files/folders whose extracted events join the map as drafts.
    strict : bool
        Raise :class:`BuildError` (and write nothing) when any row is
        rejected or any place is not found.
    """
    from . import export
    from .render import build_map, embed_snippet, save_html

    out = Path(out)
    result = BuildResult()
    report = result.report
    es = load_events(events, sources, report=report)
    chain = chain if chain is not None else default_chain(online=online)
    if articles:
        from .drafts import drafts_to_events

        es.events.extend(drafts_to_events(articles, chain, es, report, progress=progress))
    gdf, _ = build_geodataframe(es, chain, report)
    result.events = len(gdf)
    for msg in getattr(chain, "warnings", []):
        report.add("warning", "geocoder", None, None, msg)
    bad = report.of_kind("rejected") + report.of_kind("unlocated")
    if strict and bad:
        raise BuildError(f"{len(bad)} problem(s), first: {bad[0]}; nothing written (--strict)")

    o = result.outputs
    o["geojson"] = export.write_geojson(gdf, out / "events.geojson")
    o["csv"] = export.write_csv(gdf, out / "events.csv")
    if gpkg:
        o["gpkg"] = export.write_gpkg(gdf, out / "events.gpkg")
    o["rejected"] = write_text(out / "rejected.csv", report.to_csv("rejected"))
    o["unlocated"] = write_text(out / "unlocated.csv", report.to_csv("unlocated"))
    m = build_map(gdf, cdn=cdn)
    o["map"] = save_html(m, out / "map.html", cdn=cdn)
    o["embed"] = write_text(out / "embed.html", embed_snippet("map.html"))
    if figure:
        from .figure import make_figure

        make_figure(gdf, out / "map.png", out / "map.svg")
        o["png"], o["svg"] = out / "map.png", out / "map.svg"
    o["summary"] = write_text(out / "summary.json", json.dumps(result.summary(), indent=2) + "\n")
    return result


def print_summary(result: BuildResult, stream=sys.stderr) -> None:
    """Human summary; the numbers add up (read = mapped + rejected + not found)."""
    s = result.summary()
    print(f"rows read {s['rows_read']}, events mapped {s['events_mapped']}, "
          f"rows rejected {s['rows_rejected']}, places not found {s['places_not_found']}"
          + (f", articles read {s['articles_read']} (reported {s['articles_reported']}), "
             f"drafts {s['drafts_extracted']}" if s["articles_read"] else ""),
          file=stream)
    for p in result.report.problems:
        print(f"  {p}", file=stream)
    for name, path in result.outputs.items():
        print(f"  wrote {path}", file=stream)
