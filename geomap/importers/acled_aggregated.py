"""ACLED's aggregated data: weekly counts of events per province (admin1).

Many ACLED users get only these regional files (``week, region, country,
admin1, disorder_type, event_type, sub_event_type, events, fatalities,
population_exposure`` or ``population_best``, ``id``, ``centroid_latitude,
centroid_longitude``; any case, Excel or CSV). A row says how many events of
one sub-type a province had in one week (Saturday to Friday) and their total
fatalities; it does not say where in the province, on which day, or who.

So one row becomes **one marker for all of its events**, not that many
invented events: dated at the middle of its week with ``week`` precision
(±3 days covers Saturday to Friday), placed at the province's centroid with
province precision (3), its fatalities the row's total, and its note saying
how many events it stands for. The count is kept in ``details``
(``events``). These rows never join a curated event as a further source: a
count of events is not one incident. A row counting no events is rejected
(reported and counted), not drawn.
"""

from __future__ import annotations

import datetime as dt
import re

from ..curated import Source
from .base import Importer, RowError, country_code, details, number, whole
from .files import norm
from .tables import acled_type

_SHOWN = ("events", "region", "disorder_type", "population_exposure", "population_best", "id")
_SLUG = re.compile(r"[^A-Za-z0-9]+")


class AcledAggregatedImporter(Importer):
    """ACLED aggregated data (see the module docstring)."""

    format = "acled-aggregated"
    dataset = "ACLED aggregated"
    required = ("week", "event_type", "events", "centroid_latitude", "centroid_longitude")
    aliases = {"admin_1": "admin1", "sub_type": "sub_event_type"}

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        names = {norm(h) for h in header}
        return {"week", "events", "centroid_latitude", "centroid_longitude"} <= names

    def start(self) -> None:
        self.col = dict(self.columns)
        self.shown = [self.col[c] for c in _SHOWN if c in self.col]

    def finish(self, out) -> None:
        out.joinable = False

    def convert(self, line: int, row: dict):
        col = self.col

        def get(name: str) -> str:
            key = col.get(name)
            return row.get(key, "").strip() if key else ""

        try:
            start = dt.date.fromisoformat(self.day(get("week")))
        except ValueError as err:
            raise RowError(str(err), column=col["week"]) from None
        n = whole(get("events"), col["events"])
        if not n or n == "0":
            raise RowError("events is 0 or empty: the row counts no events, nothing to draw", column=col["events"])
        lat = number(get("centroid_latitude"), col["centroid_latitude"], -90.0, 90.0)
        lon = number(get("centroid_longitude"), col["centroid_longitude"], -180.0, 180.0)
        atype, asub = get("event_type"), get("sub_event_type")
        ours = acled_type(atype, asub)
        etype, sub = ours if ours else ("other", (asub or atype).lower())
        country, admin1 = get("country"), get("admin1")
        end = start + dt.timedelta(days=6)
        middle = start + dt.timedelta(days=3)
        rid = get("id")
        iso2 = country_code(country)
        # the id column may name the province rather than the row: the week and
        # the (sub-)type always go into the key, so one province's weeks stay apart
        parts = (rid,) if rid else (iso2 or country, admin1)
        key = "-".join(_SLUG.sub("-", v).strip("-") for v in (*parts, start.isoformat(), asub or atype))
        eid = f"ACLED-AGG-{key}"
        what = asub or atype
        where = ", ".join(x for x in (admin1, country) if x) or f"{lat:.3f}, {lon:.3f}"
        ref = Source(
            source_id=f"acled-agg:{key}",
            publisher="ACLED aggregated data",
            title=f"{n} event(s) of {what} in {where}, week of {start.isoformat()}",
            published=start.isoformat(),
            url="",
        )
        cells = {
            "event_id": eid,
            "event_type": etype,
            "sub_event_type": sub,
            "event_date": middle.isoformat(),
            "date_precision": "week",
            "location": where,
            "country": iso2,
            "latitude": repr(lat),
            "longitude": repr(lon),
            "geo_precision": "3",
            "fatalities": whole(get("fatalities"), col.get("fatalities", "fatalities")),
            "note": f"ACLED weekly aggregate: {n} event(s) of {what} in {where} from {start.isoformat()} to "
            f"{end.isoformat()}; one marker for all of them at the province's centroid (not where they "
            "happened), fatalities are their total",
            "source_type": f"{atype} / {asub}" if asub else atype,
            "source_precision": f"ACLED aggregated data: week {start.isoformat()} to {end.isoformat()} "
            "(Saturday to Friday), admin1 centroid",
            "details": details(row, self.shown),
        }
        return cells, [ref]
