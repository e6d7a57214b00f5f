"""Real datasets in: ACLED, UCDP GED, GDELT, any CSV with coordinates, GeoJSON points.

One module per format, each an :class:`~geomap.importers.base.Importer`
subclass; :func:`detect` picks the format from a file's first record; the
mapping tables are data in :mod:`geomap.importers.tables`.

>>> imported = read_dataset("ged.csv", report=Report())          # doctest: +SKIP
>>> imported.events[0].dataset, imported.counts()               # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from .. import schema
from ..exc import SchemaError
from ..report import Report
from .acled import AcledImporter
from .acled_aggregated import AcledAggregatedImporter
from .base import Imported, Importer, parse_day
from .files import norm, open_table
from .gdelt import GdeltImporter
from .table import GeoJsonImporter, TableImporter
from .ucdp import UcdpImporter

#: ``--format`` name -> importer, in the order :func:`detect` tries them
#: (``geomap``, the project's own events.csv, is read by :mod:`geomap.curated`).
IMPORTERS: dict[str, type[Importer]] = {
    cls.format: cls
    for cls in (GeoJsonImporter, GdeltImporter, AcledImporter, AcledAggregatedImporter, UcdpImporter, TableImporter)
}
FORMATS: tuple[str, ...] = ("geomap", *IMPORTERS)
#: Formats whose dataset is named after the file (their ids too): plain CSV and GeoJSON.
TABLE_FORMATS = (TableImporter.format, GeoJsonImporter.format)

__all__ = ["FORMATS", "IMPORTERS", "Imported", "Importer", "detect", "read_dataset", "parse_day"]


def _first_record(path) -> list[str]:
    """The header of a file's table (the first record: GDELT's has no header
    and gives its first data record), ``["{"]`` for GeoJSON, ``[]`` when empty."""
    table = open_table(path)
    if table.kind == "geojson":
        return ["{"]
    return table.header


def detect(path: str | Path) -> str:
    """The format of a file from its first record (header): one of :data:`FORMATS`.

    Raises
    ------
    SchemaError
        When no format recognises the file (the message lists the formats).
    """
    header = _first_record(path)
    if not header and open_table(path).hint:  # an API answer without events names its dataset
        return open_table(path).hint
    names = {norm(h) for h in header}
    if {"doc_id", "event_type", "event_date"} <= names and "event_id" not in names:
        raise SchemaError(
            "this is a drafts CSV (from geomap extract), not events: review it and add the rows to keep "
            "with 'geomap accept DRAFTS.csv --events EVENTS.csv', or map articles with 'geomap build --articles'",
            file=str(path),
            line=1,
        )
    # geomap's own header, or a file only geomap's loader can say more about
    # (empty, binary, not UTF-8, most of its own columns with some missing)
    if not header or set(schema.EVENT_REQUIRED) <= names:
        table = open_table(path)
        # its loader reads the file as a spreadsheet saved it (semicolons, tabs, Excel's sep=X line,
        # UTF-16), but not packed in a .gz or .zip nor as a workbook
        if header and (table.kind != "csv" or " > " in table.form):
            raise SchemaError(
                f"geomap's own events format read as {table.form}: its loader reads events.csv as CSV text "
                "(commas, semicolons or tabs) with sources.csv beside it; unpack it, or save it as CSV",
                file=str(path),
            )
        return "geomap"
    specific = {name: cls for name, cls in IMPORTERS.items() if cls is not TableImporter}
    for name, cls in specific.items():
        if cls.sniff(header):
            return name
    if len(names & set(schema.EVENT_REQUIRED)) >= 4:
        return "geomap"
    if TableImporter.sniff(header):
        return TableImporter.format
    if "events" in names and not names & {"event_id", "sources"}:
        raise SchemaError(
            "this file holds counts of events per area and period (an \"events\" column; HDX's and HAPI's "
            "ACLED tables are such) and no coordinates: geomap maps events at a place; use ACLED's event "
            "export, or its aggregated data with centroid_latitude/centroid_longitude",
            file=str(path),
            line=1,
        )
    if names & set(schema.EVENT_COLUMNS):
        return "geomap"  # its loader names the missing columns
    shown = ", ".join(header[:8]) + (" ..." if len(header) > 8 else "")
    raise SchemaError(
        f"cannot tell the format from the first line ({shown or 'empty'}); "
        "expected geomap's events.csv header, an ACLED (events or weekly aggregates), UCDP GED or GDELT "
        "file, a table with latitude/longitude columns or GeoJSON; or give "
        f"--format ({', '.join(FORMATS)})",
        file=str(path),
        line=1,
    )


def read_dataset(
    path: str | Path, fmt: str | None = None, report: Report | None = None, name: str | None = None
) -> Imported:
    """Read one dataset file (format detected unless ``fmt``) into events.

    ``name`` names the dataset of a plain CSV or GeoJSON file (default: its
    file name; :func:`geomap.importers.combine.load_all` gives the end of its
    path when two files given together share a name).

    Raises
    ------
    SchemaError
        The file cannot be used at all (unreadable, empty, unknown format,
        a required column missing).
    """
    report = report if report is not None else Report()
    fmt = fmt or detect(path)
    if fmt not in IMPORTERS:
        raise SchemaError(f"format {fmt!r} is not an import format; allowed: {', '.join(IMPORTERS)}", file=str(path))
    if name and fmt in TABLE_FORMATS:
        return IMPORTERS[fmt](path, report, name=name).read()
    return IMPORTERS[fmt](path, report).read()
