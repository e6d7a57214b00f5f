"""Write the events GeoDataFrame out: GeoJSON, flat CSV, GeoPackage.

All writes are atomic (temporary file, then rename). ``events.geojson`` and
``events.csv`` each have two engines, chosen with ``engine=`` as geopandas
chooses its IO engines:

``"fast"`` (default)
    Works column by column: at 100k events a row-by-row pass
    (``GeoDataFrame.to_json`` and a JSON round trip, one :func:`defuse` call
    per cell) cost over ten seconds.
``"reference"``
    The obvious code: ``json.dumps`` of :func:`to_geojson_dict`, and
    ``DataFrame.to_csv`` of :func:`flat_frame` with every text cell defused.

Both write the same bytes (tests/test_export_engines.py proves it on
generated frames); the reference is the specification of the fast one.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from functools import partial
from itertools import chain, islice
from json.encoder import encode_basestring
from pathlib import Path

import geopandas as gpd
import numpy as np
import orjson
import pandas as pd
import shapely
from shapely.geometry import mapping

from .atomic import atomic_path, write_text
from .geoframe import SOURCE_FIELDS, made_sources
from .report import FORMULA_START, defuse
from .schema import acled_types

__all__ = [
    "ENGINES",
    "to_geojson_dict",
    "geojson_text",
    "write_geojson",
    "flat_frame",
    "defuse",
    "csv_text",
    "write_csv",
    "write_gpkg",
    "parse_sources",
]

#: The engines of the GeoJSON and CSV writers; the first is the default.
ENGINES = ("fast", "reference")


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ValueError(f"unknown export engine {engine!r}; one of {', '.join(ENGINES)}")


def _py_values(series: pd.Series) -> list:
    """The column as Python scalars, ``None`` where pandas sees NA.

    The same values ``GeoDataFrame.to_json(na="null")`` writes: it also goes
    through ``astype(object)`` and blanks what :func:`pandas.isna` flags
    (infinities are kept).
    """
    values = series.astype(object).tolist()
    missing = series.isna().to_numpy()
    if missing.any():
        for i in np.flatnonzero(missing).tolist():
            values[i] = None
    return values


def parse_sources(gdf: gpd.GeoDataFrame) -> list[list]:
    """The ``sources_json`` cells parsed, each distinct text once (rows share the lists).

    Pass the result as ``refs`` to several writers to parse only once.
    """
    cache: dict = {}
    out = []
    for text in gdf["sources_json"].tolist():
        refs = cache.get(text)
        if refs is None:
            made = made_sources(text)  # a cell made in this process: its sources without parsing
            if made is not None:
                refs = cache[text] = [dict(zip(SOURCE_FIELDS, fields)) for fields in made]
            else:
                refs = cache[text] = _loads(text) if text else []
        out.append(refs)
    return out


def _loads(text: str):
    """``json.loads(text)``, by orjson when that gives the same value.

    orjson (compiled) parses the 50k distinct cells of 100k events in about a
    third of the time. Its result is kept only when it is a list of objects of
    strings, which it reads as :mod:`json` does; anything else (numbers:
    orjson reads integers past 64 bits as floats; NaN, lone surrogates, which
    it refuses) is parsed by :mod:`json`.
    """
    try:
        items = orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
    # the types of the items, then of their values, gathered in C (no Python loop)
    if (
        type(items) is list
        and set(map(type, items)) <= {dict}
        and set(map(type, chain.from_iterable(map(dict.values, items)))) <= {str}
    ):
        return items
    return json.loads(text)


def _geometries(geoms) -> list:
    """GeoJSON geometry dicts: points from their coordinates, others via ``mapping``.

    Empty or missing geometries give ``None`` (as geopandas writes them);
    rows sharing one non-point geometry object share its dict.
    """
    arr = np.asarray(geoms, dtype=object)
    if not len(arr):
        return []
    type_ids = shapely.get_type_id(arr)
    empty = shapely.is_empty(arr)
    xs = shapely.get_x(np.where(type_ids == 0, arr, None)).tolist()
    ys = shapely.get_y(np.where(type_ids == 0, arr, None)).tolist()
    shared: dict[int, dict] = {}
    out = []
    for geom, tid, is_empty, x, y in zip(arr.tolist(), type_ids.tolist(), empty.tolist(), xs, ys):
        if geom is None or is_empty:
            out.append(None)
        elif tid == 0:
            out.append({"type": "Point", "coordinates": [x, y]})
        else:
            key = id(geom)
            if key not in shared:
                shared[key] = mapping(geom)
            out.append(shared[key])
    return out


def to_geojson_dict(gdf: gpd.GeoDataFrame, refs: list[list] | None = None) -> dict:
    """RFC 7946 FeatureCollection (lon, lat order; no ``crs`` member).

    Properties are every column but the geometry, NA as ``None``, with
    ``sources_json`` replaced by ``source_refs`` (nested, not a JSON string
    inside JSON) at the end. Features with the same sources share one parsed
    list: copy before changing one. ``refs``: :func:`parse_sources` of ``gdf``.
    """
    frame = gdf.to_crs("EPSG:4326") if gdf.crs is not None else gdf
    names = [c for c in frame.columns if c != frame.geometry.name and c != "sources_json"]
    columns = [_py_values(frame[c]) for c in names]
    refs = parse_sources(frame) if refs is None else refs
    names.append("source_refs")
    columns.append(refs)
    geometries = _geometries(frame.geometry.values)
    features = [
        {"type": "Feature", "properties": dict(zip(names, row)), "geometry": geom}
        for row, geom in zip(zip(*columns), geometries)
    ]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(
    gdf: gpd.GeoDataFrame, path: str | Path, refs: list[list] | None = None, engine: str = "fast"
) -> Path:
    """Write ``events.geojson`` (RFC 7946); ``refs``: :func:`parse_sources` of ``gdf``.

    ``engine``: ``"fast"`` or ``"reference"`` (see :data:`ENGINES`), the same bytes.
    """
    _check_engine(engine)
    if engine == "reference":
        return write_text(path, geojson_text(gdf, refs, engine=engine))
    return _write_parts(path, _geojson_parts(gdf, refs))


def _write_parts(path: str | Path, parts) -> Path:
    """Write the text ``parts`` one after the other (UTF-8), atomically.

    The whole text is never held: at 100k events the GeoJSON is 140 MB, and
    its features, their joined text and its bytes cost a fresh page fault
    for every 4 kB (over a second of system time in the worker writing it);
    pieces of a few MB reuse the same memory.
    """
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        for part in parts:
            fh.write(part.encode("utf-8"))
    return Path(path)


def geojson_text(gdf: gpd.GeoDataFrame, refs: list[list] | None = None, engine: str = "fast") -> str:
    """The text of ``events.geojson``, written by ``engine`` (see :data:`ENGINES`)."""
    _check_engine(engine)
    if engine == "reference":
        return json.dumps(to_geojson_dict(gdf, refs), ensure_ascii=False)
    return "".join(_geojson_parts(gdf, refs))


#: Features per piece of the fast GeoJSON text (a few MB).
_PART_ROWS = 4096


def _geojson_parts(gdf: gpd.GeoDataFrame, refs: list[list] | None = None):
    """``json.dumps(to_geojson_dict(gdf), ensure_ascii=False)``, the same text, faster,
    in pieces of :data:`_PART_ROWS` features (joined, they are the text).

    Each distinct value of a column is encoded once and every feature is
    filled into one template: at 100k events dumping the nested dicts was the
    largest single cost of the exports. ``json.dumps`` writes an object as its
    ``key: value`` pairs joined by ``", "`` in braces (a list likewise in
    brackets), which is what the template spells out.
    """
    frame = gdf.to_crs("EPSG:4326") if gdf.crs is not None else gdf
    encode = json.JSONEncoder(ensure_ascii=False).encode
    names = [c for c in frame.columns if c != frame.geometry.name and c != "sources_json"]
    columns = [_encoded(_py_values(frame[c]), encode) for c in names]
    ref_texts = _made_texts(frame["sources_json"].tolist())
    if ref_texts is None:
        refs = parse_sources(frame) if refs is None else refs
        by_list: dict[int, str] = {}
        ref_texts = []
        for rs in refs:
            text = by_list.get(id(rs))
            if text is None:
                text = by_list[id(rs)] = encode(rs)
            ref_texts.append(text)
    names.append("source_refs")
    columns.append(ref_texts)
    geometries = []
    for geom in _geometries(frame.geometry.values):
        if geom is not None and geom["type"] == "Point" and len(geom) == 2:
            x, y = geom["coordinates"]
            if math.isfinite(x) and math.isfinite(y):  # as json writes finite floats
                geometries.append(f'{{"type": "Point", "coordinates": [{x!r}, {y!r}]}}')
            else:
                geometries.append(encode(geom))
        else:
            geometries.append(encode(geom))
    props = ", ".join(f"{encode(str(n))}: %s" for n in names)
    template = '{"type": "Feature", "properties": {' + props + '}, "geometry": %s}'
    rows = zip(*columns, geometries)
    yield '{"type": "FeatureCollection", "features": ['
    for start in range(0, len(geometries), _PART_ROWS):
        part = ", ".join([template % row for row in islice(rows, _PART_ROWS)])
        yield part if start == 0 else ", " + part
    yield "]}"


def _made_texts(cells: list) -> list | None:
    """``cells`` when every one is a ``sources_json`` text made in this process
    (:func:`geomap.geoframe.made_sources`), else ``None``.

    Such a text is ``json.dumps`` of its sources with the separators the
    GeoJSON writer uses: encoding the parsed cell would give the cell back,
    so it stands as the JSON of its ``source_refs`` (53k encodings fewer at
    100k events, and no parsing).
    """
    return cells if all(made_sources(c) is not None for c in dict.fromkeys(cells)) else None


def _encoded(values: list, encode) -> list[str]:
    """JSON text of each value (as ``encode`` writes it).

    A column of one plain type (``None`` aside) goes through the function
    ``json`` itself uses for that type; others are encoded per distinct
    (type, value).
    """
    kinds = set(map(type, values))
    has_none = type(None) in kinds
    kinds.discard(type(None))
    if not kinds:
        return ["null"] * len(values)
    if len(kinds) == 1:
        kind = next(iter(kinds))
        rep = {str: encode_basestring, int: int.__repr__, float: float.__repr__}.get(kind)
        if kind is float and not all(map(math.isfinite, (v for v in values if v is not None))):
            rep = None  # json spells these NaN and Infinity
        if rep is not None:
            if has_none:
                return ["null" if v is None else rep(v) for v in values]
            return list(map(rep, values))
    cache: dict = {}
    out = []
    for v in values:
        key = (v.__class__, v)
        text = cache.get(key)
        if text is None:
            text = cache[key] = encode(v)
        out.append(text)
    return out


def _joined(refs: list[list]) -> tuple[list[str], list[str], list[str]]:
    """Publishers, titles and (non-empty) URLs of each row's sources, `` | ``-joined."""
    cache: dict[int, tuple[str, str, str]] = {}
    rows = []
    for rs in refs:
        texts = cache.get(id(rs))
        if texts is None:
            texts = cache[id(rs)] = (
                " | ".join(r["publisher"] for r in rs),
                " | ".join(r["title"] for r in rs),
                " | ".join(r["url"] for r in rs if r["url"]),
            )
        rows.append(texts)
    publishers, titles, urls = (list(col) for col in zip(*rows)) if rows else ([], [], [])
    return publishers, titles, urls


def flat_frame(gdf: gpd.GeoDataFrame, refs: list[list] | None = None) -> pd.DataFrame:
    """The flat table of the CSV export: no geometry, ACLED columns added.

    ``refs``: :func:`parse_sources` of ``gdf`` (parsed here when not given).
    """
    frame = pd.DataFrame(gdf.drop(columns="geometry"))
    acled_of: dict[tuple, tuple[str, str]] = {}
    acled = []
    for key in zip(frame["event_type"].tolist(), frame["sub_event_type"].tolist()):
        if key not in acled_of:
            acled_of[key] = acled_types(*key)
        acled.append(acled_of[key])
    # new text columns as str objects (dtype object, as the frame's own): a
    # plain list would become pandas' Arrow-backed string dtype, copied in
    # here and out again by the writer (~0.6 s at 100k events); same cells
    text = partial(pd.Series, dtype=object, index=frame.index)
    frame["acled_event_type"] = text([a[0] for a in acled])
    frame["acled_sub_event_type"] = text([a[1] for a in acled])
    frame["geometry_type"] = text(gdf.geometry.geom_type.tolist())
    # the ids of the parsed lists key the joins: the lists live until the end
    refs = parse_sources(frame) if refs is None else refs
    del frame["sources_json"]
    publishers, titles, urls = _joined(refs)
    frame["source_publishers"], frame["source_titles"], frame["source_urls"] = (
        text(publishers),
        text(titles),
        text(urls),
    )
    return frame


#: A cell starting (after spaces) with a formula character, after any newline of
#: a column's cells joined by newlines: a cheap test that is never missed (a
#: hit inside a multi-line cell only costs the exact per-cell pass).
_RISKY_LINE = re.compile("\n *[" + re.escape("".join(FORMULA_START)) + "]")


def _defused(series: pd.Series) -> pd.Series:
    """``series`` with :func:`defuse` applied; unchanged columns are not rebuilt."""
    values = series.tolist()
    cells = _defused_cells(values)
    if cells is values:
        return series
    return pd.Series(cells, index=series.index, dtype=series.dtype, name=series.name)


def write_csv(gdf: gpd.GeoDataFrame, path: str | Path, refs: list[list] | None = None, engine: str = "fast") -> Path:
    """Write ``events.csv``: flat, with ``latitude``/``longitude`` and ACLED columns.

    Every text cell is passed through :func:`defuse` (CSV formula injection).
    ``refs``: :func:`parse_sources` of ``gdf`` (parsed here when not given).
    ``engine``: ``"fast"`` or ``"reference"`` (see :data:`ENGINES`), the same bytes.
    """
    _check_engine(engine)
    if engine == "reference":
        return write_text(path, csv_text(gdf, refs, engine=engine))
    return _write_parts(path, _csv_parts(flat_frame(gdf, refs)))


def _is_text(series: pd.Series) -> bool:
    return series.dtype == object or pd.api.types.is_string_dtype(series)


def csv_text(gdf: gpd.GeoDataFrame, refs: list[list] | None = None, engine: str = "fast") -> str:
    """The text of ``events.csv``, written by ``engine`` (see :data:`ENGINES`)."""
    _check_engine(engine)
    frame = flat_frame(gdf, refs)
    if engine == "reference":
        for col in frame.columns:
            if _is_text(frame[col]):
                frame[col] = frame[col].map(defuse)
        return frame.to_csv(index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return "".join(_csv_parts(frame))


def _csv_parts(frame: pd.DataFrame):
    """``DataFrame.to_csv`` of ``frame`` with text cells defused, the same text, faster,
    in pieces of :data:`_PART_ROWS` rows (see :func:`_write_parts`)."""
    texts = [_is_text(frame[col]) for col in frame.columns]
    cells = [_csv_cells(frame[col]) for col in frame.columns]
    buf = io.StringIO()
    if any(c is None for c in cells):  # a column we cannot format as pandas would
        for col, text in zip(frame.columns, texts):
            if text:
                frame[col] = _defused(frame[col])
        frame.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        yield buf.getvalue()
    else:
        # NA cells are "" by now, which defuse leaves alone
        cells = [
            _defused_cells(c, only_text=frame[col].dtype != object) if text else c
            for col, c, text in zip(frame.columns, cells, texts)
        ]
        header = [str(c) for c in frame.columns]
        quoted = _csv_columns([[name] for name in header], cells)
        if quoted is not None:
            yield from _lines_in_parts(quoted)
            return
        writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(zip(*cells))
        yield buf.getvalue()


#: What makes the csv module quote a cell (``QUOTE_MINIMAL``, ``,`` between
#: cells, ``"\n`` after rows): the delimiter, the quote, the line end.
_QUOTED = re.compile('[,"\n]')


def _csv_lines(header: list[list[str]], columns: list[list]) -> str | None:
    """The text ``csv.writer(quoting=QUOTE_MINIMAL, lineterminator="\\n")`` writes for
    the header row and these columns (see :func:`_csv_columns`)."""
    texts = _csv_columns(header, columns)
    return None if texts is None else "".join(_lines_in_parts(texts))


def _lines_in_parts(texts: list[list[str]]):
    """The CSV lines of these columns of cell texts, :data:`_PART_ROWS` at a time."""
    rows = zip(*texts)
    for _ in range(0, len(texts[0]), _PART_ROWS):
        yield "\n".join(map(",".join, islice(rows, _PART_ROWS))) + "\n"


def _csv_columns(header: list[list[str]], columns: list[list]) -> list[list[str]] | None:
    """The cells ``csv.writer(quoting=QUOTE_MINIMAL, lineterminator="\\n")`` writes for
    the header row and these columns, worked out column by column.

    The writer's C loop looks at every cell of every row (about half of the
    CSV export at 100k events); here a column is checked once, as one joined
    string, and only the cells of a column that holds ``,``, ``"`` or a
    newline are looked at one by one (quoted, inner quotes doubled, as the
    writer does). ``None`` (then the caller lets the writer do it) for what
    this does not spell out: one column only (the writer quotes a lone empty
    cell), or a carriage return in a cell (Python versions differ on quoting it).
    """
    if len(columns) < 2:
        return None
    texts = []
    for head, cells in zip(header, columns):
        cells = head + (cells if set(map(type, cells)) <= {str} else ["" if v is None else str(v) for v in cells])
        joined = "".join(cells)
        if "\r" in joined:
            return None
        if "," in joined or '"' in joined or "\n" in joined:
            needs = _QUOTED.search
            cells = ['"' + c.replace('"', '""') + '"' if needs(c) else c for c in cells]
        texts.append(cells)
    return texts


def _defused_cells(values: list, only_text: bool = False) -> list:
    """:func:`defuse` of every cell; the same list when no cell needs it.

    ``only_text``: every cell is a ``str`` (a string column with NA as ``""``).
    """
    # a column of str only (the usual case) is joined as it is: no per-cell test
    texts = values if only_text or set(map(type, values)) <= {str} else [v for v in values if isinstance(v, str)]
    if not texts or not _RISKY_LINE.search("\n" + "\n".join(texts)):
        return values
    return [defuse(v) for v in values]


def _csv_cells(series: pd.Series) -> list | None:
    """The cells of one column as ``DataFrame.to_csv`` writes them (NA as ``""``).

    Same rules as pandas (floats through ``numpy``'s ``astype(str)``, other
    values through the csv module's ``str``), without its per-chunk overhead
    (about half of the CSV export at 100k events). ``None`` for a dtype not
    handled here: the caller then lets pandas write the whole table.
    """
    dtype = series.dtype
    missing = series.isna().to_numpy()
    if dtype.kind == "f" and isinstance(dtype, np.dtype):
        values = series.to_numpy().astype(str).astype(object)
    elif isinstance(dtype, pd.StringDtype) or dtype == object or dtype.kind in "iu":  # noqa: E721 (numpy dtype equality)
        values = series.to_numpy(dtype=object)
    else:
        return None
    if missing.any():
        values = values.copy()  # may be a read-only view of the frame's data
        values[missing] = ""
    return values.tolist()


def write_gpkg(gdf: gpd.GeoDataFrame, path: str | Path, layer: str = "events") -> Path:
    """Write a GeoPackage (points and the border line in one layer)."""
    frame = gdf.drop(columns="sources_json")
    with atomic_path(path) as tmp:
        frame.to_file(tmp, driver="GPKG", layer=layer)
    return Path(path)
