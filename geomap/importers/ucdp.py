"""UCDP Georeferenced Event Dataset (GED) CSV exports.

Fifty columns (``id, relid, year, ..., type_of_violence, ..., side_a,
side_b, ..., source_article, ..., where_prec, where_coordinates, ...,
latitude, longitude, ..., date_prec, date_start, date_end, ..., best, high,
low, ...``). Real exports carry an HXL hashtag row after the header (skipped
by the base class), CRLF line ends and quoted cells with newlines, and dates
like ``1990-10-04 00:00:00.000``. ``where_prec`` 1-7 and ``date_prec`` 1-5
map through :mod:`geomap.importers.tables`; ``best/low/high`` deaths become
fatalities and their range.

UCDP rows say who fought whom (state-based, non-state, one-sided violence),
not how: the type is refined from the row's headline and article reference
with the extractor's triggers (:mod:`geomap.importers.refine`).
"""

from __future__ import annotations

import datetime as dt
import re

from ..curated import Source
from .base import Importer, RowError, code, country_code, details, whole
from .files import norm
from .refine import mechanism
from .tables import UCDP_DATE_PRECISION, UCDP_GEO_PRECISION, UCDP_VIOLENCE, UCDP_WHERE_PREC

_SHOWN = (
    "relid",
    "code_status",
    "conflict_name",
    "dyad_name",
    "adm_1",
    "adm_2",
    "where_description",
    "event_clarity",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "number_of_sources",
    "source_office",
    "source_date",
    "source_original",
    "priogrid_gid",
)
#: File names that give the GED version: ged221.csv, GEDEvent_v22_1.csv, ged_22.1 ...;
#: a third number is a monthly candidate release (GEDEvent_v25_0_7.csv: 25.0.7).
_VERSION = re.compile(r"ged(?:events?)?[_-]?v?([0-9]{2})[._-]?([0-9])(?:[._-]([0-9]{1,2})(?![0-9]))?", re.I)


class UcdpImporter(Importer):
    """UCDP GED CSV (see the module docstring)."""

    format = "ucdp"
    dataset = "UCDP GED"
    required = ("id", "type_of_violence", "latitude", "longitude", "where_prec", "date_prec", "date_start", "best")
    #: GED's first versions (1.x, 2.0) named the death estimates best_est, low_est, high_est
    aliases = {"best_est": "best", "low_est": "low", "high_est": "high"}
    #: read, shown, or nothing to map (ids and codes of conflicts, dyads, sides and countries; the
    #: year in the date; the point again as WKT)
    known = (
        *_SHOWN,
        *("id", "type_of_violence", "latitude", "longitude", "where_prec", "date_prec", "date_start", "date_end"),
        *("best", "high", "low", "side_a", "side_b", "source_article", "source_headline", "where_coordinates"),
        *("country", "iso3", "year", "active_year", "conflict_dset_id", "conflict_new_id", "dyad_dset_id"),
        *("dyad_new_id", "side_a_dset_id", "side_a_new_id", "side_b_dset_id", "side_b_new_id", "geom_wkt"),
        *("country_id", "region", "gwnoa", "gwnob"),
    )

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        names = {norm(h) for h in header}
        return {"where_prec", "date_prec", "type_of_violence"} <= names

    def prepare(self) -> None:
        names = (self.table.inner, self.path.name)
        m = next(filter(None, (_VERSION.search(n) for n in names)), None)
        self.version = ".".join(g for g in m.groups() if g) if m else ""
        candidate = bool(m and m.group(3)) or any("candidate" in n.lower() for n in names)
        self.dataset = "UCDP Candidate" if candidate else "UCDP GED"
        self.publisher = self.dataset + (f" {self.version}" if self.version else "")

    def start(self) -> None:
        self.col = dict(self.columns)
        self.shown = [self.col[c] for c in _SHOWN if c in self.col]

    def convert(self, line: int, row: dict):
        col = self.col

        def get(name: str) -> str:
            key = col.get(name)
            return row.get(key, "") if key else ""

        uid = get("id")
        if not uid:
            raise RowError("id is empty", column=col["id"])
        violence = code(get("type_of_violence"))
        if violence not in UCDP_VIOLENCE:
            raise RowError(
                f"type_of_violence {violence!r} is not allowed; allowed: 1 (state-based), 2 (non-state), 3 (one-sided)",
                column=col["type_of_violence"],
            )
        wp, dp = code(get("where_prec")), code(get("date_prec"))
        if wp not in UCDP_GEO_PRECISION:
            raise RowError(f"where_prec {wp!r} is not allowed; allowed: 1-7", column=col["where_prec"])
        if dp not in UCDP_DATE_PRECISION:
            raise RowError(f"date_prec {dp!r} is not allowed; allowed: 1-5", column=col["date_prec"])
        try:
            start = self.day(get("date_start"))
        except ValueError as err:
            raise RowError(str(err), column=col["date_start"]) from None
        try:
            end = self.day(get("date_end")) if get("date_end") else start
        except ValueError as err:
            raise RowError(str(err), column=col["date_end"]) from None
        if end < start:
            raise RowError(f"date_end {end} is before date_start {start}", column=col["date_end"])
        precision = UCDP_DATE_PRECISION[dp]
        day = start
        if precision == "week":  # the middle of the range: +-3 days cover 2-7 days
            a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
            day = (a + (b - a) / 2).isoformat()
        etype, sub, vname = UCDP_VIOLENCE[violence]
        headline, article = get("source_headline"), get("source_article")
        # one-sided violence is not a clash: only a strike or a bomb retypes it
        text = f"{headline}. {article}"
        found = mechanism(text, ("airstrike", "explosion")) if etype == "other" else mechanism(text)
        if found:
            etype, sub = found
        conflict = get("conflict_name")
        best = whole(get("best"), col["best"])
        # real rows sometimes have low/high that do not bracket best: the
        # range is then the smallest and largest of the three
        given = [
            int(v)
            for v in (best, whole(get("low"), col.get("low", "low")), whole(get("high"), col.get("high", "high")))
            if v
        ]
        low, high = (str(min(given)), str(max(given))) if given else ("", "")
        ref = Source(
            source_id=f"ucdp:{uid}",
            publisher=self.publisher,
            title=f"event {uid}"
            + (f" ({get('relid')})" if get("relid") else "")
            + (f": {article or headline}" if article or headline else ""),
            published=start,
            url="",
        )
        cells = {
            "event_id": f"UCDP-{uid}",
            "event_type": etype,
            "sub_event_type": sub,
            "event_date": day,
            "date_precision": precision,
            "location": get("where_coordinates") or get("adm_2") or get("adm_1") or get("country"),
            "country": country_code(get("iso3"), "iso3") or country_code(get("country")),
            "latitude": get("latitude"),
            "longitude": get("longitude"),
            "geo_precision": str(UCDP_GEO_PRECISION[wp]),
            "actor1": get("side_a"),
            "actor2": get("side_b"),
            "fatalities": best,
            "fatalities_low": low,
            "fatalities_high": high,
            "note": "; ".join(x for x in (get("dyad_name"), get("where_description")) if x),
            "source_type": f"{vname} / {conflict}" if conflict else vname,
            "source_precision": f"UCDP where_prec {wp} ({UCDP_WHERE_PREC[wp]}), date_prec {dp} "
            f"({start}" + (f" to {end})" if end != start else ")"),
            "details": details(row, self.shown),
        }
        return cells, [ref]
