"""Write the events GeoDataFrame out: GeoJSON, flat CSV, GeoPackage.

All writes are atomic (temporary file, then rename).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from .atomic import atomic_path, write_text
from .report import defuse
from .schema import acled_types

__all__ = ["to_geojson_dict", "write_geojson", "flat_frame", "defuse", "write_csv",
           "write_gpkg"]


def to_geojson_dict(gdf: gpd.GeoDataFrame) -> dict:
    """RFC 7946 FeatureCollection (lon, lat order; no ``crs`` member)."""
    frame = gdf.to_crs("EPSG:4326") if gdf.crs is not None else gdf
    text = frame.to_json(na="null", drop_id=True, to_wgs84=False)
    data = json.loads(text)
    data.pop("crs", None)
    for feature, sources in zip(data["features"], frame["sources_json"]):
        props = feature["properties"]
        props.pop("sources_json", None)
        # nested, not a JSON string inside JSON
        props["source_refs"] = json.loads(sources) if sources else []
    return data


def write_geojson(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write ``events.geojson`` (RFC 7946)."""
    return write_text(path, json.dumps(to_geojson_dict(gdf), ensure_ascii=False))


def flat_frame(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """The flat table of the CSV export: no geometry, ACLED columns added."""
    frame = pd.DataFrame(gdf.drop(columns="geometry"))
    acled = [acled_types(t, s) for t, s in zip(frame["event_type"], frame["sub_event_type"])]
    frame["acled_event_type"] = [a[0] for a in acled]
    frame["acled_sub_event_type"] = [a[1] for a in acled]
    frame["geometry_type"] = [g.geom_type for g in gdf.geometry]
    refs = [json.loads(s) if s else [] for s in frame.pop("sources_json")]
    frame["source_publishers"] = [" | ".join(r["publisher"] for r in rs) for rs in refs]
    frame["source_titles"] = [" | ".join(r["title"] for r in rs) for rs in refs]
    frame["source_urls"] = [" | ".join(r["url"] for r in rs if r["url"]) for rs in refs]
    return frame


def write_csv(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write ``events.csv``: flat, with ``latitude``/``longitude`` and ACLED columns.

    Every text cell is passed through :func:`defuse` (CSV formula injection).
    """
    frame = flat_frame(gdf)
    for col in frame.columns:
        if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
            frame[col] = frame[col].map(defuse)
    buf = io.StringIO()
    frame.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return write_text(path, buf.getvalue())


def write_gpkg(gdf: gpd.GeoDataFrame, path: str | Path, layer: str = "events") -> Path:
    """Write a GeoPackage (points and the border line in one layer)."""
    frame = gdf.drop(columns="sources_json")
    with atomic_path(path) as tmp:
        frame.to_file(tmp, driver="GPKG", layer=layer)
    return Path(path)
