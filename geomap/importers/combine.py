"""Several event files into one set: geomap's own and imported datasets together.

:func:`load_all` reads each ``--events`` file (format detected or given),
keeps imported rows inside the ``--region``/``--bbox`` (the others are
counted, not dropped silently), and lets an imported event that is the same
incident as a curated one join it as a further source (the draft-matching
rule of :func:`geomap.drafts.same_incident`, within a day). The counts of
the report add up::

    rows_read = rows_kept + rows_rejected + rows_merged + rows_joined + rows_out_of_region

(``rows_kept`` go on to be placed: mapped or not found.)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .. import counts
from ..curated import Event, EventSet, date_range, load_events
from ..exc import SchemaError
from ..report import Report
from . import TABLE_FORMATS, detect, read_dataset
from .files import split_member

#: Default distance of ``--region durand`` from the Durand Line.
DEFAULT_REGION_KM = 100.0
#: Imported events join a curated one within this many days (and the drafts' distance).
JOIN_DAYS = 1


@dataclass
class Region:
    """Where imported rows are kept: within ``km`` of the Durand Line and/or a box."""

    km: float | None = None
    bbox: tuple[float, float, float, float] | None = None  #: west, south, east, north

    def __bool__(self) -> bool:
        return self.km is not None or self.bbox is not None

    def describe(self) -> str:
        parts = []
        if self.km is not None:
            parts.append(f"within {self.km:g} km of the Durand Line")
        if self.bbox is not None:
            parts.append("inside the box W,S,E,N = " + ",".join(f"{v:g}" for v in self.bbox))
        return " and ".join(parts)

    def outside(self, events: list[Event]) -> list[bool]:
        """For each event, whether it lies outside (events without coordinates never do)."""
        import numpy as np

        lat = np.array([np.nan if e.latitude is None else e.latitude for e in events], float)
        lon = np.array([np.nan if e.longitude is None else e.longitude for e in events], float)
        known = ~np.isnan(lat)
        out = np.zeros(len(events), bool)
        if self.bbox is not None:
            w, s, e, n = self.bbox
            inside = (lon >= w) & (lon <= e) & (lat >= s) & (lat <= n)
            out |= known & ~inside
        if self.km is not None and known.any():
            out |= known & ~_near_durand(lon, lat, self.km)
        return out.tolist()


def _near_durand(lon, lat, km: float):
    """Whether each point is within ``km`` of the Durand Line (azimuthal
    equidistant projection centred on the line: under 1% off at these distances)."""
    import numpy as np
    import pyproj
    import shapely

    from ..geo import durand_line

    to_m = pyproj.Transformer.from_crs(
        "EPSG:4326", "+proj=aeqd +lat_0=32.5 +lon_0=68.5 +datum=WGS84 +units=m", always_xy=True
    )
    line = shapely.transform(durand_line(), lambda xy: np.column_stack(to_m.transform(xy[:, 0], xy[:, 1])))
    x, y = to_m.transform(np.nan_to_num(lon), np.nan_to_num(lat))
    return shapely.dwithin(shapely.points(x, y), line, km * 1000.0)


def parse_region(text: str) -> float:
    """Kilometres of ``durand`` or ``durand:KM``.

    >>> parse_region("durand"), parse_region("durand:40")
    (100.0, 40.0)
    """
    m = re.fullmatch(r"durand(?::([0-9]+(?:\.[0-9]+)?))?", text.strip().lower())
    if not m:
        raise ValueError(f"region {text!r} is not durand or durand:KM (e.g. durand:50)")
    km = float(m.group(1)) if m.group(1) else DEFAULT_REGION_KM
    if km <= 0:
        raise ValueError(f"region distance {km:g} km must be more than 0")
    return km


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``W,S,E,N`` in degrees.

    >>> parse_bbox("60,29,75,37")
    (60.0, 29.0, 75.0, 37.0)
    """
    try:
        w, s, e, n = (float(v) for v in text.split(","))
    except ValueError:
        raise ValueError(f"bbox {text!r} is not four numbers W,S,E,N (e.g. 60,29,75,37)") from None
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise ValueError(f"bbox {text!r}: need -180 <= W < E <= 180 and -90 <= S < N <= 90")
    return w, s, e, n


@dataclass
class Loaded:
    """What :func:`load_all` read: the events (curated first) and each file's counts."""

    events: EventSet
    files: list[dict] = field(default_factory=list)
    licences: list[str] = field(default_factory=list)


def load_all(
    paths,
    sources=None,
    *,
    fmt: str | None = None,
    region: Region | None = None,
    report: Report | None = None,
    chain=None,
) -> Loaded:
    """Read every events file into one :class:`EventSet`.

    Parameters
    ----------
    paths : list of path
        geomap events CSVs and dataset files, in any order.
    sources : path, optional
        ``sources.csv`` for the geomap files (default: beside each).
    fmt : str, optional
        Force one format for every file (see :data:`geomap.importers.FORMATS`).
    region : Region, optional
        Keep only imported rows inside it (geomap files are never filtered).
    chain : Geocoder, optional
        Places curated events without coordinates, to join imported ones to them.

    Raises
    ------
    SchemaError
        A file cannot be used at all.
    """
    from ..drafts import curated_coords, same_incident

    report = report if report is not None else Report()
    region = region or Region()
    es = EventSet(report=report)
    loaded = Loaded(es)
    imports = []
    given: dict[tuple[str, str | None], str] = {}
    kinds: list[tuple[str | Path, str]] = []
    for path in paths:
        file, member = split_member(path)
        key = (os.path.realpath(file), member)
        if key in given:  # '--events x.csv --events ./x.csv': its events once, not twice
            report.add("warning", str(path), None, None, f"given more than once (first as {given[key]}): read once")
            continue
        given[key] = str(path)
        kinds.append((path, fmt or detect(path)))
    names = dataset_names([p for p, kind in kinds if kind in TABLE_FORMATS])
    for path, kind in kinds:
        if kind == "geomap":
            sub = Report()
            own = load_events(path, sources, report=sub)
            report.extend(sub)
            _cite_own_sources(own, es.sources, str(path), report)
            repeated = _own_event_ids(own, es.events, str(path), report)
            es.events.extend(own.events)
            es.sources.update(own.sources)
            loaded.files.append(
                {
                    "file": str(path),
                    "format": "geomap",
                    "dataset": "curated",
                    counts.ROWS_READ: sub.counts.get(counts.ROWS_READ, 0),
                    counts.ROWS_REJECTED: sub.counts.get(counts.ROWS_REJECTED, 0) + repeated,
                    counts.ROWS_SHOWN_ONCE: repeated,
                }
            )
        else:
            imports.append(read_dataset(path, kind, report, name=names.get(str(path))))
            if names.get(str(path)):
                report.add(
                    "warning",
                    str(path),
                    None,
                    None,
                    f"another file given is also named {Path(str(path)).name!r}: its dataset (and its event "
                    f"ids) is {names[str(path)]!r}",
                    value=names[str(path)],
                )
    curated = [e for e in es.events if e.verified == "curated" and not e.dataset]
    coords = curated_coords(curated, chain) if imports and curated else {}
    by_type: dict[str, list[tuple[Event, int, int]]] = {}
    for ev in curated:
        start, end = ev.date_range
        by_type.setdefault(ev.event_type, []).append((ev, start.toordinal(), end.toordinal()))
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    #: (dataset, event id) -> (file, index in es.events or None when joined, event) of each imported
    #: event kept: overlapping exports of one dataset (last month's download and this month's)
    #: mapped every shared event twice
    first_from: dict[tuple[str, str], tuple[str, int | None, Event]] = {}
    # a dataset's rows written as geomap's events (`geomap import`, then edited) given with the dataset
    # again: each event was mapped twice under one id; the import's row, as the user kept it, is shown
    imported_rows = {
        (ev.dataset, ev.event_id): (ev.file, None, ev) for ev in es.events if ev.dataset not in _NOT_IMPORTED
    }
    first_from.update(imported_rows)
    per_file: dict[str, dict] = {}  # each file's counts, corrected when a later file's row replaces one
    for imp in imports:
        file_counts = imp.counts()
        report.count(counts.ROWS_READ, imp.rows_read)
        report.count(counts.ROWS_REJECTED, imp.rows_rejected)
        report.count(counts.ROWS_MERGED, imp.rows_merged)
        outside = region.outside(imp.events) if region else [False] * len(imp.events)
        left_out = joined = repeated = 0
        for ev, out in zip(imp.events, outside):
            if out:
                left_out += 1
                continue
            key = (ev.dataset, ev.event_id)  # the dataset's own id
            if imp.format in _OWN_IDS and key in first_from:
                kept_file, at, kept = first_from[key]
                if at is None or not _updated_later(ev, kept, es.sources, imp.sources):
                    repeated += 1
                    why = (
                        f"{kept_file} line {kept.line}, an import of this dataset: shown once, as that file has it"
                        if imported_rows.get(key, (None, None, None))[2] is kept
                        else f"{kept_file} (overlapping exports of one dataset): shown once, as the file given "
                        "first has it (this row is not updated later)"
                    )
                    report.add(
                        "rejected",
                        imp.file,
                        ev.line,
                        None,
                        f"{ev.dataset} event {ev.event_id} is already on the map from {why}",
                        value=ev.event_id,
                    )
                    continue
                # ACLED updates its rows (tolls, places) under the same id: the later version wins
                es.events[at] = ev
                first_from[key] = (imp.file, at, ev)
                for sid in ev.sources:
                    es.sources[sid] = imp.sources[sid]
                report.count(counts.ROWS_REJECTED)
                fc = per_file[kept_file]
                fc["events"] -= 1
                fc[counts.ROWS_REJECTED] += 1
                fc[counts.ROWS_SHOWN_ONCE] += 1
                report.add(
                    "rejected",
                    kept_file,
                    kept.line,
                    None,
                    f"{ev.dataset} event {ev.event_id} is shown as {imp.file} has it (line {ev.line}), a version "
                    "updated later (overlapping exports of one dataset)",
                    value=ev.event_id,
                )
                continue
            target = None
            for cur, c_start, c_end in by_type.get(ev.event_type, ()) if imp.joinable else ():
                span = (ev.event_date, ev.date_precision)
                if span not in spans:
                    s, e = date_range(*span)
                    spans[span] = (s.toordinal(), e.toordinal())
                s, e = spans[span]
                # cheap date test first; the rule itself decides
                if max(c_start - e, s - c_end) <= JOIN_DAYS and same_incident(ev, cur, coords, days=JOIN_DAYS):
                    target = cur
                    break
            if target is not None:
                if imp.format in _OWN_IDS:
                    first_from[key] = (imp.file, None, ev)
                joined += 1
                target.sources = target.sources + tuple(s for s in ev.sources if s not in target.sources)
                for sid in ev.sources:
                    es.sources[sid] = imp.sources[sid]
                report.add(
                    "merged",
                    imp.file,
                    ev.line,
                    None,
                    f"{imp.dataset} event {ev.event_id} is the same incident as "
                    f"{target.event_id}; it joins it as a further source",
                    value=target.event_id,
                )
                continue
            if imp.format in _OWN_IDS:
                first_from[key] = (imp.file, len(es.events), ev)
            es.events.append(ev)
            for sid in ev.sources:
                es.sources[sid] = imp.sources[sid]
        if left_out:
            report.add("warning", imp.file, None, None, f"{left_out} row(s) left out: not {region.describe()}")
        report.count(counts.ROWS_JOINED, joined)
        report.count(counts.ROWS_OUT_OF_REGION, left_out)
        report.count(counts.ROWS_REJECTED, repeated)
        file_counts.update(
            {
                counts.ROWS_JOINED: joined,
                counts.ROWS_OUT_OF_REGION: left_out,
                counts.ROWS_REJECTED: file_counts[counts.ROWS_REJECTED] + repeated,
                counts.ROWS_SHOWN_ONCE: repeated,
                "events": len(imp.events) - joined - left_out - repeated,
            }
        )
        loaded.files.append(file_counts)
        per_file[imp.file] = file_counts
        if imp.licence and imp.licence not in loaded.licences:
            loaded.licences.append(imp.licence)
    _say_alike_across_datasets([e for e in es.events if e.dataset not in _NOT_IMPORTED], report)
    for key in (
        counts.ROWS_READ,
        counts.ROWS_REJECTED,
        counts.ROWS_MERGED,
        counts.ROWS_JOINED,
        counts.ROWS_OUT_OF_REGION,
    ):
        report.counts.setdefault(key, 0)
    return loaded


#: ``dataset`` of rows no import made (hand-curated, accepted, drafts).
_NOT_IMPORTED = ("", "curated", "draft")

#: The grid (degrees) imported events are indexed by when they are compared across datasets:
#: two cells either side reach past the 150 km of :func:`geomap.geo.same_incident_km`.
_CELL_DEG = 1.0
#: How many events of other datasets near an event are compared with it at most.
_LOOK = 64


def _say_alike_across_datasets(events: list[Event], report: Report) -> None:
    """One warning per file for its imported events that look like the same incident as an event of
    another dataset given before (same type, within a day and 50 km, 150 km when coarse).

    Both stay on the map: each dataset codes the incident its own way and neither is the curated
    record an import joins. Two datasets' markers for one clash looked like two clashes, unsaid.
    """
    from ..drafts import same_incident

    if len({e.dataset for e in events}) < 2:
        return
    index: dict[tuple, list[Event]] = {}
    alike: dict[str, list] = {}  # file -> [count, (line, other dataset, other file:line)]
    datasets: dict[str, None] = {}  # those seen so far, in order
    for ev in events:
        if ev.latitude is None or ev.longitude is None:
            continue
        day = ev.date_range[0].toordinal()
        cx, cy = int(ev.longitude // _CELL_DEG), int(ev.latitude // _CELL_DEG)
        near = (
            other
            for d in (day - 1, day, day + 1)
            for x in range(cx - 2, cx + 3)
            for y in range(cy - 2, cy + 3)
            for dataset in datasets
            if dataset != ev.dataset
            for other in index.get((dataset, ev.event_type, d, x, y), ())
        )
        # a hint, not a merge: a bounded look (a dense export, 10 000 rows of a day and a cell, would
        # make it quadratic)
        match = next((o for o in islice(near, _LOOK) if same_incident(ev, o, days=1)), None)
        if match is not None:
            said = alike.setdefault(ev.file, [0, (ev.line, match.dataset, f"{match.file}:{match.line}")])
            said[0] += 1
        index.setdefault((ev.dataset, ev.event_type, day, cx, cy), []).append(ev)
        datasets.setdefault(ev.dataset, None)
    for file, (n, (line, dataset, first)) in alike.items():
        report.add(
            "warning",
            file,
            line,
            None,
            f"{n} event(s) of {next(e.dataset for e in events if e.file == file)} look like the same incident as "
            f"an event of {dataset} (same type, within a day and 50 km; the first is {first}): both are "
            "shown, each dataset's coding (the dataset filter hides one)",
        )


def dataset_names(paths: list) -> dict[str, str]:
    """The dataset name of each plain CSV or GeoJSON file whose file name
    another of ``paths`` shares: the shortest end of its path that no other
    has (``a/events.csv``, ``b/events.csv``), so that each is its own
    dataset, with its own filter entry and event ids. Files with a name of
    their own are not in the result (their dataset stays their file name)."""
    groups: dict[str, list[str]] = {}
    for path in paths:
        groups.setdefault(Path(str(path)).name, []).append(str(path))
    names: dict[str, str] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        parts = [Path(os.path.abspath(split_member(p)[0])).parts for p in group]
        members = [Path(str(p)).name for p in group]  # ARCHIVE.zip:MEMBER keeps its member
        for k in range(1, max(len(x) for x in parts) + 1):
            tails = ["/".join(x[-k - 1 : -1] + (m,)) for x, m in zip(parts, members)]
            if len(set(tails)) == len(tails):
                break
        names.update(zip(group, tails))
    return names


#: Formats whose event ids are the dataset's own, the same in every export of
#: it; a plain CSV's or GeoJSON's ids are its file's (two files named alike are two datasets).
_OWN_IDS = ("acled", "acled-aggregated", "ucdp", "gdelt")


def _updated_later(ev: Event, kept: Event, known: dict, sources: dict) -> bool:
    """Whether ``ev`` is a later version of the event ``kept`` (the same dataset
    id): its citation is dated later. An ACLED row's citation is dated by its
    ``timestamp``, the day ACLED last updated the row."""
    new = max((sources[s].published for s in ev.sources if s in sources), default="")
    old = max((known[s].published for s in kept.sources if s in known), default="")
    return bool(new and old and new > old)


def _cite_own_sources(own: EventSet, known: dict, file: str, report: Report) -> None:
    """Give ``own``'s sources whose id an earlier file gave to another source
    an id of their own, and its events the new ids.

    Two curated datasets may both number their sources ``S1``: the second
    file's sources replaced the first's, and the first file's events cited
    the second's articles without a word. The id gets a tail hashed from the
    source's fields (as drafts' sources do, :func:`geomap.drafts._own_source`).
    """
    from dataclasses import replace

    from ..drafts import _digest, _same_article

    renamed = {}
    for sid, src in list(own.sources.items()):
        other = known.get(sid)
        if other is None or _same_article(other, src):
            continue
        new = replace(src, source_id=f"{sid}-{_digest(src.publisher, src.title, src.published, src.url)}")
        renamed[sid] = new.source_id
        del own.sources[sid]
        own.sources[new.source_id] = new
        report.add(
            "warning",
            file,
            None,
            "sources",
            f"source id {sid!r} is another source in a file given before ({other.publisher}: {other.title!r}); "
            f"this file's ({src.publisher}: {src.title!r}) is {new.source_id!r} on the map",
            value=new.source_id,
        )
    if renamed:
        for ev in own.events:
            ev.sources = tuple(renamed.get(s, s) for s in ev.sources)


def _own_event_ids(own: EventSet, earlier: list[Event], file: str, report: Report) -> int:
    """Keep ``own``'s events off the ids of events of files given before.

    Two curated files given together (``geodata/events.csv`` and a copy of
    it, or two datasets both numbering from ``AFPK-0001``) put every event
    on the map twice under one id. A row that is an earlier file's row (all
    but its file and line) is rejected, naming it: shown once. An event of
    its own under an id taken gets a tail hashed from its file, with a
    warning. Returns how many rows were rejected (counted in ``report``).
    """
    from dataclasses import replace

    from ..drafts import _digest

    taken: dict[str, list[Event]] = {}
    for ev in earlier:
        taken.setdefault(ev.event_id, []).append(ev)
    if not taken:
        return 0
    kept, renamed, rejected = [], {}, 0
    for ev in own.events:
        rows = taken.get(ev.event_id)
        if not rows:
            kept.append(ev)
            continue
        bare = replace(ev, file="", line=None)
        same = next((r for r in rows if replace(r, file="", line=None) == bare), None)
        if same is not None:
            rejected += 1
            report.count(counts.ROWS_REJECTED)
            report.add(
                "rejected",
                file,
                ev.line,
                "event_id",
                f"event {ev.event_id} is already on the map, the same in every cell, from {same.file} line "
                f"{same.line} (a file given twice, or a copy of it): shown once",
                value=ev.event_id,
            )
            continue
        new = renamed.get(ev.event_id)
        if new is None:
            new = renamed[ev.event_id] = f"{ev.event_id}-{_digest(os.path.realpath(file), ev.event_id)}"
            report.add(
                "warning",
                file,
                ev.line,
                "event_id",
                f"event_id {ev.event_id!r} is another event in {rows[0].file} (line {rows[0].line}); this "
                f"file's is {new!r} on the map",
                value=new,
            )
        ev.event_id = new
        kept.append(ev)
    own.events = kept
    return rejected


def check_paths(paths) -> list[Path]:
    """The paths as :class:`Path`; a missing file is a :class:`SchemaError` (nothing written).

    ``ARCHIVE.zip:MEMBER`` and ``BOOK.xlsx:SHEET`` name a file when the archive or workbook exists."""
    out = []
    for p in paths:
        base, member = split_member(p)
        if not base.is_file():
            raise SchemaError("events file not found" if not base.exists() else "not a file", file=str(p))
        out.append(Path(p))
    return out
