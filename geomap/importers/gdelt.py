"""GDELT 1.0 and 2.0 event files (tab-separated, no header), and GDELT
events queried from BigQuery (``gdelt-bq.gdeltv2.events``) and saved with a
header (CSV, JSON lines, any subset of the columns that has the required ones).

GDELT 1.0 daily files have 58 columns (the 1979-2013 back files 57: no
``SOURCEURL``); GDELT 2.0 has 61 (an ADM2 code for each of the three
geographies). Each record is placed by its *action geography*
(``ActionGeo_*``, where the action happened) and typed by its CAMEO code
(:data:`~geomap.importers.tables.CAMEO_TYPES`).

GDELT counts reports, not events: one incident reported by many articles is
many records. Records of the same day, place (``ActionGeo_FeatureID``, else
the coordinates) and CAMEO event code are merged into one event that cites
each of them; the merged records are counted (``rows_merged``). Every GDELT
event is marked as a machine-coded report (``verified=draft``, dashed on the
map, and said so in its note).
"""

from __future__ import annotations

from ..curated import Source
from ..exc import SchemaError
from .base import Importer, RowError, country_code, details, http_url, parse_day
from .files import norm
from .tables import CAMEO_ROOTS, GDELT_GEO_PRECISION, GDELT_GEO_TYPES, cameo_type

#: Columns shared by both versions (0-34).
#: The fields each of the two actors has (Actor1Code, Actor2Code, ...).
_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_COMMON = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR_FIELDS),
    *(f"Actor2{c}" for c in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
)
_GEO1 = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
_GEO2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def _layout(geo: tuple[str, ...], tail: tuple[str, ...]) -> tuple[str, ...]:
    return (*_COMMON, *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in geo), *tail)


#: Columns shown in the popup as they are.
_SHOWN = (
    "EventCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_FullName",
    "Actor2Geo_FullName",
    "DATEADDED",
)
#: Column names by number of columns.
LAYOUTS: dict[int, tuple[str, tuple[str, ...]]] = {
    57: ("1.0", _layout(_GEO1, ("DATEADDED",))),
    58: ("1.0", _layout(_GEO1, ("DATEADDED", "SOURCEURL"))),
    61: ("2.0", _layout(_GEO2, ("DATEADDED", "SOURCEURL"))),
}
assert all(len(cols) == n for n, (_, cols) in LAYOUTS.items())


class GdeltImporter(Importer):
    """GDELT 1.0/2.0 event file (see the module docstring)."""

    format = "gdelt"
    dataset = "GDELT"
    verified = "draft"

    #: Columns a GDELT file with a header (a BigQuery export) must have.
    required = ("globaleventid", "sqldate", "eventcode", "actiongeo_type", "actiongeo_lat", "actiongeo_long")

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        if {"globaleventid", "sqldate"} <= {norm(h) for h in header}:
            return True  # named columns: a query's export (BigQuery)
        return (
            len(header) in LAYOUTS
            and header[0].strip().isdigit()
            and len(header[1].strip()) == 8
            and header[1].strip().isdigit()
        )

    def records(self):
        if {"globaleventid", "sqldate"} <= {norm(h) for h in self.table.header}:
            yield from self._named_records()
            return
        if self.table.kind not in ("csv", "empty"):
            raise SchemaError(f"file is {self.table.form}; expected GDELT tab-separated text", file=self.file)
        text = self.table.text
        self.layout = None
        self.keys: dict[str, tuple] = {}
        self.articles: dict[str, int] = {}
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            cells = line.split("\t")
            if self.layout is None and len(cells) in LAYOUTS:
                self.version, self.layout = LAYOUTS[len(cells)]
                self.publisher = f"GDELT {self.version}"
            if self.layout is None or len(cells) != len(self.layout):
                self.bad_records += 1
                expected = len(self.layout) if self.layout else "57, 58 or 61"
                self.report.add(
                    "rejected",
                    self.file,
                    n,
                    None,
                    f"GDELT row not imported: {len(cells)} tab-separated cells, expected {expected}",
                    value=cells[0][:100],
                )
                continue
            yield n, dict(zip(self.layout, cells))
        if self.layout is None and not self.bad_records:
            raise SchemaError("file is empty; expected GDELT event records", file=self.file, line=1)

    def _named_records(self):
        """Rows of a file with a header: each as the full layout, absent columns empty."""
        names = {norm(h) for h in self.table.header}
        self.version = "2.0" if names & {"actiongeo_adm2code", "actor1geo_adm2code"} else "1.0"
        self.publisher = f"GDELT {self.version}"
        self.keys, self.articles = {}, {}
        layout = LAYOUTS[61][1]
        for line, row in super().records():
            have = {norm(k): v for k, v in row.items()}
            yield line, {name: have.get(norm(name), "") for name in layout}

    def convert(self, line: int, row: dict):
        gid = row["GLOBALEVENTID"].strip()
        if not gid.isdigit():
            raise RowError(f"GLOBALEVENTID {gid!r} is not a number", column="GLOBALEVENTID")
        try:
            day = parse_day(row["SQLDATE"])
        except ValueError as err:
            raise RowError(str(err), column="SQLDATE") from None
        lat, lon = row["ActionGeo_Lat"].strip(), row["ActionGeo_Long"].strip()
        if not lat or not lon:
            raise RowError(
                "no action geography (ActionGeo_Lat/ActionGeo_Long empty): GDELT "
                "could not place where the action happened",
                column="ActionGeo_Lat",
            )
        gtype = row["ActionGeo_Type"].strip()
        if gtype not in GDELT_GEO_PRECISION:
            raise RowError(f"ActionGeo_Type {gtype!r} is not allowed; allowed: 1-5", column="ActionGeo_Type")
        code = row["EventCode"].strip()
        root = row["EventRootCode"].strip() or code[:2]
        ours = cameo_type(code)
        root_name = CAMEO_ROOTS.get(root, f"CAMEO {root}")
        etype, sub = ours if ours else ("other", f"cameo_{code}")
        articles = row["NumArticles"].strip()
        url = http_url(row.get("SOURCEURL", ""))
        ref = Source(
            source_id=f"gdelt:{gid}",
            publisher=self.publisher,
            title=f"GLOBALEVENTID {gid}: CAMEO {code} ({root_name}), {articles or '?'} article(s)",
            published=day,
            url=url,
        )
        place = row["ActionGeo_FeatureID"].strip() or f"{lat},{lon}"
        self.keys[f"GDELT-{gid}"] = (day, place, code)
        self.articles[f"GDELT-{gid}"] = int(articles) if articles.isdigit() else 0
        cells = {
            "event_id": f"GDELT-{gid}",
            "event_type": etype,
            "sub_event_type": sub,
            "event_date": day,
            "date_precision": "day",
            "location": row["ActionGeo_FullName"].strip() or f"{lat}, {lon}",
            "country": country_code(row["ActionGeo_CountryCode"], "fips"),
            "latitude": lat,
            "longitude": lon,
            "geo_precision": str(GDELT_GEO_PRECISION[gtype]),
            "actor1": row["Actor1Name"].strip(),
            "actor2": row["Actor2Name"].strip(),
            "source_type": f"{root_name} / CAMEO {code}",
            "source_precision": f"GDELT ActionGeo_Type {gtype} ({GDELT_GEO_TYPES[gtype]})",
            "note": _note(1, self.articles[f"GDELT-{gid}"]),
            "details": details(row, _SHOWN),
        }
        return cells, [ref]

    def finish(self, out) -> None:
        """Merge records of the same day, place and CAMEO code into one event."""
        first: dict[tuple, object] = {}
        kept = []
        counts: dict[str, list[int]] = {}
        for ev in out.events:
            key = self.keys[ev.event_id]
            target = first.get(key)
            if target is None:
                first[key] = ev
                counts[ev.event_id] = [1, self.articles[ev.event_id]]
                kept.append(ev)
                continue
            target.sources = target.sources + ev.sources
            c = counts[target.event_id]
            c[0] += 1
            c[1] += self.articles[ev.event_id]
            out.rows_merged += 1
        for ev in kept:
            records, articles = counts[ev.event_id]
            if records > 1:
                ev.note = _note(records, articles)
        out.events = kept


def _note(records: int, articles: int) -> str:
    return (
        f"GDELT machine-coded report: {records} record(s), {articles} article(s); "
        "reports of an action, not a verified event"
    )
