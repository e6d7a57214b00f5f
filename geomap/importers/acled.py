"""ACLED exports, both generations.

Today's exports have lower-case columns (``event_id_cnty, event_date,
time_precision, event_type, sub_event_type, actor1, assoc_actor_1, ...,
admin1..3, location, latitude, longitude, geo_precision, source, notes,
fatalities``, with or without ``disorder_type, civilian_targeting, tags,
timestamp``); the first generation has upper-case ones (``GWNO,
EVENT_ID_CNTY, ..., ALLY_ACTOR_1, ..., FATALITIES``) and no sub-types.
Dates come as ``2020-05-09``, ``9-May-20``, ``01-January-2015`` or
``28 September 2019``. Types map through
:data:`~geomap.importers.tables.ACLED_TYPES`.

Some exports (and the API's ``fields=`` subsets) leave out
``time_precision`` or ``geo_precision``. A precision not given is unknown,
not exact: such a row is taken at ACLED's coarsest (the month, the
province), its ``source_precision`` says so (the popup's "Original
precision"), and the file gets one warning with the count of those rows
(counted as ``rows_precision_unknown``).
"""

from __future__ import annotations

import datetime as dt

from .. import counts
from ..curated import Source
from .base import Importer, RowError, code, country_code, details, whole
from .files import norm
from .refine import mechanism
from .tables import ACLED_DATE_PRECISION, ACLED_GEO_PRECISION, ACLED_OLD_COLUMNS, ACLED_REFINED, acled_type

#: Columns shown in the popup as they are (the rest have their own fields).
_SHOWN = (
    "disorder_type",
    "assoc_actor_1",
    "assoc_actor_2",
    "inter1",
    "inter2",
    "interaction",
    "civilian_targeting",
    "region",
    "admin1",
    "admin2",
    "admin3",
    "source_scale",
    "tags",
)


#: What ``source_precision`` says of a precision code the file does not give.
_UNKNOWN = "not given: unknown"

#: The columns :meth:`AcledImporter.convert` reads, in its order.
_NEEDED = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "geo_precision",
    "event_type",
    "sub_event_type",
    "notes",
    "source",
    "timestamp",
    "location",
    "admin2",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "actor1",
    "actor2",
    "fatalities",
)


class AcledImporter(Importer):
    """ACLED CSV export (see the module docstring)."""

    format = "acled"
    dataset = "ACLED"
    required = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")
    #: read, shown, or nothing to map (the year is in the date, iso and gwno in the country,
    #: population counts around the point)
    known = (
        *_NEEDED,
        *_SHOWN,
        *ACLED_OLD_COLUMNS,
        "year",
        "iso",
        "iso3",
        "gwno",
        "event_id_no_cnty",
        "population_1km",
        "population_2km",
        "population_5km",
        "population_best",
    )

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return "event_id_cnty" in {norm(h) for h in header}

    def start(self) -> None:
        # today's name -> the name in this file
        self.col = {ACLED_OLD_COLUMNS.get(k, k): v for k, v in self.columns.items()}
        self.shown = [self.col[c] for c in _SHOWN if c in self.col]
        self.keys = [self.col.get(c) for c in _NEEDED]
        self.unknown = {"time_precision": 0, "geo_precision": 0}  # rows without the code

    def finish(self, out) -> None:
        """One warning for the rows whose precision the file does not give."""
        rows = sum(_UNKNOWN in e.source_precision for e in out.events)  # of the rows imported
        if not rows:
            return
        said = [
            f"{name} ({'no such column' if name not in self.col else f'{n} empty cell(s)'})"
            for name, n in self.unknown.items()
            if n
        ]
        out.rows_precision_unknown = rows
        self.report.count(counts.ROWS_PRECISION_UNKNOWN, rows)
        self.report.add(
            "warning",
            self.file,
            1,
            "time_precision" if self.unknown["time_precision"] else "geo_precision",
            f"{rows} imported row(s) without {' and '.join(said)}: a precision not given is unknown, not exact; "
            "taken at ACLED's coarsest (time_precision 3, the month; geo_precision 3, the province), "
            "and each popup says so",
        )

    def convert(self, line: int, row: dict):
        # one pass over the columns this row needs ('' for those the file lacks)
        (
            eid,
            date,
            tp,
            gp,
            atype,
            asub,
            notes,
            source,
            stamp,
            location,
            admin2,
            admin1,
            country,
            lat,
            lon,
            actor1,
            actor2,
            fatalities,
        ) = [row[k] if k else "" for k in self.keys]
        col = self.col
        if not eid:
            raise RowError("event_id_cnty is empty", column=col["event_id_cnty"])
        if eid in self.seen:  # one event, one marker: the first row is mapped
            raise RowError(
                f"event {eid} again (first on line {self.seen[eid]}): a monadic export lists each event "
                "once per actor; its first row is mapped",
                column=col["event_id_cnty"],
            )
        try:
            day = self.day(date)
        except ValueError as err:
            raise RowError(str(err), column=col["event_date"]) from None
        tp, gp = code(tp), code(gp)
        unknown = []  # not given: ACLED's coarsest, and said (see the module docstring)
        if not tp:
            tp = "3"
            unknown.append("time_precision")
        if not gp:
            gp = "3"
            unknown.append("geo_precision")
        if tp not in ACLED_DATE_PRECISION:
            raise RowError(
                f"time_precision {tp!r} is not allowed; allowed: 1 (day), 2 (week), 3 (month)",
                column=col.get("time_precision"),
            )
        if gp not in ACLED_GEO_PRECISION:
            raise RowError(f"geo_precision {gp!r} is not allowed; allowed: 1, 2, 3", column=col.get("geo_precision"))
        ours = acled_type(atype, asub)
        if atype in ACLED_REFINED:
            ours = mechanism(notes) or ours
        etype, sub = ours if ours else ("other", (asub or atype).lower())
        updated = ""
        if stamp.isdigit():
            updated = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date().isoformat()
        ref = Source(
            source_id=f"acled:{eid}",
            publisher="ACLED",
            title=f"event {eid}"
            + (f"; sources: {source}" if source else "")
            + (f" (row updated {updated})" if updated else ""),
            published=updated or day,
            url="",
        )
        cells = {
            "event_id": eid,
            "event_type": etype,
            "sub_event_type": sub,
            "event_date": day,
            "date_precision": ACLED_DATE_PRECISION[tp],
            "location": location or admin2 or admin1 or country,
            "country": country_code(country),
            "latitude": lat,
            "longitude": lon,
            "geo_precision": str(ACLED_GEO_PRECISION[gp]),
            "actor1": actor1,
            "actor2": actor2,
            "fatalities": whole(fatalities, col.get("fatalities", "fatalities")),
            "note": notes,
            "source_type": f"{atype} / {asub}" if asub else atype,
            "source_precision": f"ACLED time_precision {tp}, geo_precision {gp}"
            + (f" ({' and '.join(unknown)} {_UNKNOWN}, taken as the coarsest)" if unknown else ""),
            "details": details(row, self.shown),
        }
        for name in unknown:
            self.unknown[name] += 1
        return cells, [ref]
