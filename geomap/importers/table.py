"""Any CSV with coordinate columns, and GeoJSON FeatureCollections of points.

Coordinates are found by column name (``lat``/``latitude``/``y`` and
``lon``/``lng``/``long``/``longitude``/``x``, any case) and checked in every
row (numbers, latitude -90..90, longitude -180..180). A date column
(``event_date``, ``date``, ``datetime``, ...) is required; a type column
(``event_type``, ``type``, ``category``) is mapped when it names one of our
types or an ACLED type, otherwise the row goes to the ``other`` layer
labelled with its own type. Every other column is kept and shown in the
popup. The ``dataset`` of the rows is the file's name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .. import schema
from ..curated import Source
from ..exc import SchemaError
from .base import Importer, RowError, details, http_url, number, whole
from .files import cell, norm
from .tables import acled_type

LAT_NAMES = ("latitude", "lat", "y")
LON_NAMES = ("longitude", "lon", "lng", "long", "x")
DATE_NAMES = ("event_date", "date", "datetime", "date_time", "timestamp", "time", "day", "start_date", "date_start")
TYPE_NAMES = ("event_type", "type", "category", "kind")
SUB_NAMES = ("sub_event_type", "subtype", "sub_type")
ID_NAMES = ("event_id", "id", "fid", "uid")
PLACE_NAMES = ("location", "place", "place_name", "name", "site", "city", "town", "title")
#: Columns read into an event field of the same name when present.
_SAME = ("actor1", "actor2", "note", "country")
_URL_NAMES = ("url", "source_url", "link")
_ISO2 = re.compile(r"[A-Z]{2}")


def find_column(columns: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The column (as written) whose lower-case name comes first in ``names``."""
    for name in names:
        if name in columns:
            return columns[name]
    return None


class TableImporter(Importer):
    """A CSV file with latitude and longitude columns (see the module docstring)."""

    format = "csv"

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        names = {norm(h) for h in header}
        return bool(names & set(LAT_NAMES)) and bool(names & set(LON_NAMES))

    def __init__(self, path, report, name: str | None = None):
        super().__init__(path, report)
        # ``name``: the end of its path when another file given in the same run has its file name
        # (a/events.csv, b/events.csv): one name made them one dataset with colliding event ids
        self.dataset = name or Path(path).name
        self.stem = re.sub(r"[^A-Za-z0-9._-]+", "-", self.dataset).strip("-") or "file"

    def start(self) -> None:
        cols = self.columns
        self.lat, self.lon = find_column(cols, LAT_NAMES), find_column(cols, LON_NAMES)
        if self.lat is None or self.lon is None:
            raise SchemaError(
                f"no coordinate columns: need one of {', '.join(LAT_NAMES)} and one of {', '.join(LON_NAMES)}",
                file=self.file,
                line=1,
            )
        self.date = find_column(cols, DATE_NAMES)
        if self.date is None:
            raise SchemaError(
                f"no date column: need one of {', '.join(DATE_NAMES)} (every event on the map has a date)",
                file=self.file,
                line=1,
            )
        self.type = find_column(cols, TYPE_NAMES)
        self.sub = find_column(cols, SUB_NAMES)
        self.id = find_column(cols, ID_NAMES)
        self.place = find_column(cols, PLACE_NAMES)
        self.url = find_column(cols, _URL_NAMES)
        self.urls_left_out: list = []  # (line, url) of links that are not http(s)
        self.same = {f: cols[f] for f in _SAME if f in cols}
        self.fat = cols.get("fatalities")
        used = {self.lat, self.lon, self.date, self.type, self.sub, self.id, self.place, self.fat, *self.same.values()}
        self.shown = [c for c in cols.values() if c not in used]

    def coordinate_columns(self) -> tuple[str | None, str | None]:
        return self.lat, self.lon

    def finish(self, out) -> None:
        """One warning for the links left out: only http(s) reach the page, and a 'www.' link (no
        scheme) was dropped from its source unsaid."""
        if self.urls_left_out:
            line, first = self.urls_left_out[0]
            self.report.add(
                "warning",
                self.file,
                line,
                self.url,
                f"{len(self.urls_left_out)} {self.url} cell(s) not http(s) (the first {first!r}): left out, "
                "each source kept without a link (write https://...)",
            )

    def convert(self, line: int, row: dict):
        lat = number(row.get(self.lat, ""), self.lat, -90.0, 90.0)
        lon = number(row.get(self.lon, ""), self.lon, -180.0, 180.0)
        try:
            day = self.day(row.get(self.date, ""))
        except ValueError as err:
            raise RowError(str(err), column=self.date) from None
        own = row.get(self.type, "").strip() if self.type else ""
        own_sub = row.get(self.sub, "").strip() if self.sub else ""
        key = re.sub(r"[\s-]+", "_", own.lower())
        if key in schema.EVENT_TYPES:
            etype, sub = key, own_sub
        else:
            etype, sub = acled_type(own, own_sub) or ("other", own_sub.lower())
        rid = row.get(self.id, "").strip() if self.id else ""
        eid = f"{self.stem}-{rid or line}"
        country = row.get(self.same.get("country", ""), "").strip().upper()
        url = http_url(row.get(self.url, "")) if self.url else ""
        if self.url and not url and row.get(self.url, "").strip():
            self.urls_left_out.append((line, row[self.url].strip()))
        ref = Source(
            source_id=f"file:{self.stem}:{rid or line}",
            publisher=self.dataset,
            title=f"{'row ' + rid if rid else 'line ' + str(line)} of {self.dataset}",
            published=day,
            url=url,
        )
        cells = {
            "event_id": eid,
            "event_type": etype,
            "sub_event_type": sub,
            "event_date": day,
            "date_precision": "day",
            "location": (row.get(self.place, "").strip() if self.place else "") or f"{lat:.4f}, {lon:.4f}",
            "country": country if _ISO2.fullmatch(country) else "",
            "latitude": repr(lat),
            "longitude": repr(lon),
            "geo_precision": "1",
            "actor1": row.get(self.same.get("actor1", ""), ""),
            "actor2": row.get(self.same.get("actor2", ""), ""),
            "note": row.get(self.same.get("note", ""), ""),
            "fatalities": whole(row.get(self.fat, ""), self.fat) if self.fat else "",
            "source_type": (f"{own} / {own_sub}" if own_sub else own) or "no type given",
            "details": details(row, self.shown),
        }
        return cells, [ref]


class GeoJsonImporter(TableImporter):
    """A GeoJSON FeatureCollection of points; properties are read as CSV columns are."""

    format = "geojson"

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return bool(header) and header[0].lstrip().startswith(("{", "["))

    def records(self):
        text = self.table.text
        try:
            data = json.loads(text) if self.table.kind == "geojson" else None
        except ValueError as err:
            raise SchemaError(f"not valid JSON: {err}", file=self.file, line=getattr(err, "lineno", None)) from None
        if (
            not isinstance(data, dict)
            or data.get("type") != "FeatureCollection"
            or not isinstance(data.get("features"), list)
        ):
            raise SchemaError(
                'not a GeoJSON FeatureCollection (need "type": "FeatureCollection" and a "features" list)',
                file=self.file,
                line=1,
            )
        features = data["features"]
        lines = _feature_lines(text, len(features))
        props = [f.get("properties") or {} if isinstance(f, dict) else {} for f in features]
        names = {}
        for p in props:
            if isinstance(p, dict):
                for k in p:
                    names.setdefault(str(k).strip().lower(), str(k))
        names.setdefault("latitude", "latitude")
        names.setdefault("longitude", "longitude")
        self.columns = names
        self.start()
        for i, (feature, p) in enumerate(zip(features, props)):
            line = lines[i]
            geom = feature.get("geometry") if isinstance(feature, dict) else None
            coords = geom.get("coordinates") if isinstance(geom, dict) else None
            if (
                not isinstance(geom, dict)
                or geom.get("type") != "Point"
                or not isinstance(coords, list)
                or len(coords) < 2
            ):
                kind = geom.get("type") if isinstance(geom, dict) else "no geometry"
                self.bad_records += 1
                self.report.add(
                    "rejected",
                    self.file,
                    line,
                    f"features[{i}].geometry",
                    f"{self.dataset} feature not imported: geometry {kind!s} is not a Point with [longitude, latitude]",
                    value=str(i),
                )
                continue
            # values as the JSON reader makes them cells (files.cell): a NaN is empty, as
            # pandas means it, where it was the text 'NaN' here and a toll of it rejected the row
            row = {str(k): v if isinstance(v, str) else cell(v) for k, v in (p.items() if isinstance(p, dict) else ())}
            row[self.lat], row[self.lon] = str(coords[1]), str(coords[0])
            if self.oversized(line, row):
                continue
            yield line, row


def _feature_lines(text: str, n: int) -> list[int | None]:
    """The line of each feature's start, when the file lets us find it (else ``None``)."""
    starts = [m.start() for m in re.finditer(r'"type"\s*:\s*"Feature"', text)]
    if len(starts) != n:
        return [None] * n
    lines, pos, line = [], 0, 1
    for s in starts:
        line += text.count("\n", pos, s)
        pos = s
        lines.append(line)
    return lines
