"""Draft events (extracted from articles) next to the curated ones.

Drafts are unverified: they go on the map marked ``verified="draft"``. A
draft that describes an incident already in the curated table (same type,
close in place and time) is not shown twice: its article is added to the
curated event's sources instead, and the merge is reported. An analyst
promotes reviewed drafts into ``geodata/events.csv`` with :func:`accept`.

:func:`accept` loses nothing: it rewrites the curated CSVs cell for cell,
columns it does not know included; it holds a lock on the dataset while it
reads and writes, so runs at once queue up instead of overwriting each
other; and it writes ``sources.csv`` before ``events.csv``. Sources are only
ever added, so a run killed (or failing) between the two writes leaves new
sources that nothing cites yet, which is harmless, beside the old events:
the dataset stays valid and the next run adds the events.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import math
import re
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from . import counts, schema
from .atomic import lock_file_for, locked, write_text
from .csvrows import (
    DECIMAL_COMMA_SEPARATORS,
    WIDE_MARKS,
    _decode,
    read_csv_text,
    refuse_device,
    split_sep_hint,
    spreadsheet_dates,
    spreadsheet_separator,
)
from .curated import Event, EventSet, Source, event_from_row, file_stamp, is_http, load_events
from .exc import AcceptError, SchemaError
from .filepair import write_together
from .geo import haversine_km, same_incident_km
from .report import FORMULA_START, Report

#: ``accept`` cells that take a draft (any case): a spreadsheet saves a typed
#: 'true' as its boolean TRUE, and reviewers tick; and those that leave it.
ACCEPT_YES = frozenset({"yes", "y", "1", "x", "true", "\u2713", "\u2714"})
ACCEPT_NO = frozenset({"", "no", "n", "0", "false", "-"})
#: Columns of a drafts CSV written by ``geomap extract`` (see :mod:`geomap.schema`).
DRAFT_COLUMNS: tuple[str, ...] = schema.DRAFT_COLUMNS
DRAFT_REQUIRED: tuple[str, ...] = ("doc_id", "event_type", "event_date", "date_precision", "location", "geo_precision")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._:-]+", "-", text).strip("-")[:60] or "doc"


def source_for(row: dict) -> Source:
    """The :class:`Source` of a draft row (one per article)."""
    published = row.get("source_published", "") or ""
    if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", published):
        published = ""
    url = row.get("source_url", "") or ""
    if not is_http(url):
        url = ""  # only http(s) links ever reach the page
    return Source(
        source_id=f"doc:{_slug(row['doc_id'])}",
        publisher=row.get("source_publisher", "") or "unknown publisher",
        title=row.get("source_title", "") or row["doc_id"],
        published=published,
        url=url,
    )


def draft_to_event(row: dict, n: int, file: str, line: int | None) -> tuple[Event, Source]:
    """Validate one draft row (of a drafts CSV or GeoParquet file) and return
    it as a ``verified="draft"`` Event."""
    src = source_for(row)
    cells = {c: str(row.get(c, "") if row.get(c) is not None else "") for c in schema.EVENT_COLUMNS}
    cells.update(
        event_id=f"D-{_slug(row['doc_id'])}-{n}",
        sources=src.source_id,
        verified="draft",
        note="",
        fatalities_low="",
        fatalities_high="",
    )
    if cells.get("geo_precision") in ("4", "4.0"):
        # a border-wide draft is drawn as the Durand Line: let the chain place it
        cells["latitude"] = cells["longitude"] = ""
    for key in ("latitude", "longitude", "fatalities", "injuries", "geo_precision"):
        value = cells.get(key, "")
        if value.endswith(".0"):  # pandas writes Int columns with NaN as floats
            cells[key] = value[:-2]
    event = event_from_row(cells, file, line or 0, {src.source_id: src}, {})
    try:
        confidence = float(row.get("confidence") or "nan")
    except ValueError:
        confidence = math.nan
    event.confidence = None if math.isnan(confidence) else confidence
    return event, src


def draft_event(draft, n: int, file: str = "articles", line: int | None = None) -> tuple[Event, Source]:
    """A draft from extraction as a ``verified="draft"`` Event, in memory.

    ``draft`` is a :class:`geomap.extract.draft.DraftEvent`. Its values go
    through the curated validator (:func:`geomap.curated.event_from_row`)
    as they are, numbers as numbers, so a draft is held to the rules of a
    curated row without being written out as CSV text and read back. The
    event is the one :func:`draft_to_event` makes of the draft's CSV row
    (coordinates at the 5 decimals and confidence at the 2 of that row).

    Raises
    ------
    SchemaError
        As for a curated row.
    """
    place = draft.place
    doc_id = ";".join(draft.doc_ids) if draft.doc_ids else draft.doc_id
    src = source_for(
        {
            "doc_id": doc_id,
            "source_title": draft.source_title,
            "source_publisher": draft.source_publisher,
            "source_published": draft.source_published,
            "source_url": draft.source_url,
        }
    )
    # a border-wide draft is drawn as the Durand Line: let the chain place it
    placed = place.precision != 4
    row = {
        "event_id": f"D-{_slug(doc_id)}-{n}",
        "event_type": draft.event_type,
        "sub_event_type": draft.sub_event_type,
        "event_date": draft.event_date,
        "date_precision": draft.date_precision,
        "location": place.name,
        "country": place.country,
        "latitude": round(place.lat, 5) if placed else None,
        "longitude": round(place.lon, 5) if placed else None,
        "geo_precision": place.precision,
        "actor1": draft.actor1,
        "actor2": draft.actor2,
        "fatalities": draft.fatalities,
        "injuries": draft.injuries,
        "sources": src.source_id,
        "verified": "draft",
        "excerpt": draft.excerpt,
    }
    event = event_from_row(row, file, line or 0, {src.source_id: src}, {})
    event.confidence = round(draft.confidence, 2)
    return event, src


def _km(a: Event, b: Event) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def same_incident(
    draft: Event, event: Event, coords: dict[str, tuple[float, float]] | None = None, days: int = 7
) -> bool:
    """Whether a draft describes ``event``: same type, place within 50 km
    (150 km when either is province-level or coarser), dates within ``days``
    (a week for drafts; imported datasets join curated events within a day)."""
    if draft.event_type != event.event_type:
        return False
    if event.latitude is None and coords and event.location in coords:
        event = replace(event, latitude=coords[event.location][0], longitude=coords[event.location][1])
    limit = same_incident_km(draft.geo_precision, event.geo_precision)
    if _km(draft, event) > limit and draft.location.casefold() != event.location.casefold():
        return False
    (s1, e1), (s2, e2) = draft.date_range, event.date_range
    gap = max((s2 - e1).days, (s1 - e2).days, 0)
    return gap <= days


def curated_coords(events: Iterable[Event], chain) -> dict[str, tuple[float, float]]:
    """``{location: (lat, lon)}`` of the events without coordinates, from the chain."""
    coords: dict[str, tuple[float, float]] = {}
    if chain is not None:
        for ev in events:
            if ev.latitude is None and ev.location not in coords:
                place = chain.geocode(ev.location)
                if place is not None:
                    coords[ev.location] = (place.lat, place.lon)
    return coords


def merge_drafts(
    es: EventSet,
    rows: Iterable[tuple[int | None, dict]],
    file: str,
    report: Report,
    chain=None,
    taken=None,
    name=None,
) -> list[Event]:
    """Turn draft rows (of a drafts CSV or GeoParquet file) into events; fold
    those already curated into them.

    Returns the new draft events (the curated ones in ``es`` gain sources in
    place). Every row is accounted for: ``drafts == drafts_mapped +
    drafts_merged + drafts_rejected``.

    ``taken``: the event ids already on the map (a set, updated), for the
    drafts of several files in one build; default the ids in ``es``. A draft
    whose id is taken, or whose source id names another article (one of
    another drafts file or of ``sources.csv``: two article files of one name
    extracted apart), gets one of its own, with a warning (see
    :func:`_own_source`, :func:`_own_event_id`).

    ``name``: called on each new draft event instead, to give it its final
    id as it is kept (``accept``'s next ``AFPK-`` id), so that a later draft
    of the same incident is said to join that id, not a draft id that is
    never written anywhere.
    """
    return _merge(es, ((line, row, draft_to_event) for line, row in rows), file, report, chain, taken, name)


def merge_draft_events(es: EventSet, drafts, file: str, report: Report, chain=None, taken=None) -> list[Event]:
    """:func:`merge_drafts` for drafts straight from extraction
    (:class:`~geomap.extract.draft.DraftEvent`), validated in memory
    (:func:`draft_event`)."""
    return _merge(es, ((None, d, draft_event) for d in drafts), file, report, chain, taken)


def _doc_id(item) -> str:
    """The doc id of a draft row or a DraftEvent, for messages."""
    if isinstance(item, dict):
        return item.get("doc_id", "")
    return ";".join(item.doc_ids) if item.doc_ids else item.doc_id


def _merge(es: EventSet, items, file: str, report: Report, chain, taken, name=None) -> list[Event]:
    """``items``: ``(line, draft, convert)``, ``convert(draft, n, file, line)``
    -> ``(Event, Source)`` (raising SchemaError or KeyError for a bad draft)."""
    coords = curated_coords(es.events, chain)
    taken = {e.event_id for e in es.events} if taken is None else taken
    out: list[Event] = []
    for n, (line, row, convert) in enumerate(items, start=1):
        report.count(counts.DRAFTS_EXTRACTED)
        try:
            draft, src = convert(row, n, file, line)
        except (SchemaError, KeyError) as err:
            report.count(counts.DRAFTS_REJECTED)
            reason = err.reason if isinstance(err, SchemaError) else f"missing {err}"
            report.add(
                "rejected",
                file,
                line,
                getattr(err, "column", None),
                f"draft row rejected: {reason}",
                value=_doc_id(row),
            )
            continue
        src = _own_source(draft, src, es.sources, file, line, report)
        es.sources.setdefault(src.source_id, src)
        target = next((ev for ev in es.events + out if same_incident(draft, ev, coords)), None)
        if target is not None:
            if src.source_id not in target.sources:
                target.sources = target.sources + (src.source_id,)
            report.count(counts.DRAFTS_MERGED)
            report.add(
                "merged",
                file,
                line,
                None,
                f"draft from {_doc_id(row)} is the same incident as {target.event_id}; its source was added there",
                value=target.event_id,
            )
            continue
        report.count(counts.DRAFTS_MAPPED)
        if name is None:
            _own_event_id(draft, taken, file, line, report)
        else:
            name(draft)
        out.append(draft)
    return out


def _digest(*parts) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:8]


def _same_article(a: Source, b: Source) -> bool:
    return a == b or bool(a.url and a.url == b.url)


def _own_source(draft: Event, src: Source, known: dict[str, Source], file, line, report: Report) -> Source:
    """The source of ``draft``, with an id no other article has.

    A draft's ids come from its article's file name (``doc:report``,
    ``D-report-1``), unique within one extraction only: two files named
    ``report.md`` extracted apart, then built or accepted together, would
    share them, and the second article's events would cite the first one's
    source. The source id of another article (not the same fields, nor the
    same url) gets a tail hashed from the article's own fields: the same
    whatever order the files come in. Said with a warning."""
    other = known.get(src.source_id)
    if other is None or _same_article(other, src):
        return src
    new = replace(src, source_id=f"{src.source_id}-{_digest(src.publisher, src.title, src.published, src.url)}")
    report.add(
        "warning",
        file,
        line,
        "doc_id",
        f"source id {src.source_id!r} is another article's ({other.publisher}: {other.title!r}); "
        f"this draft's article ({src.publisher}: {src.title!r}) is {new.source_id!r}",
        value=new.source_id,
    )
    draft.sources = (new.source_id,)
    return new


def _own_event_id(draft: Event, taken: set, file, line, report: Report) -> None:
    """Give ``draft`` an event id not in ``taken`` (and take it): one taken
    by a draft of another file gets a tail hashed from where this one was
    read and what it cites (see :func:`_own_source`). Said with a warning."""
    if draft.event_id in taken:
        new_id = f"{draft.event_id}-{_digest(file, line, draft.sources, draft.excerpt)}"
        report.add(
            "warning",
            file,
            line,
            "doc_id",
            f"event id {draft.event_id!r} is taken (a draft of another file named alike); this one is {new_id!r}",
            value=new_id,
        )
        draft.event_id = new_id
    taken.add(draft.event_id)


def drafts_to_events(
    articles: list[str | Path],
    chain,
    es: EventSet,
    report: Report,
    progress: bool = False,
    extract=None,
    taken: set | None = None,
) -> list[Event]:
    """Extract drafts from article files/folders and merge them (see :func:`merge_drafts`);
    ``extract`` replaces :func:`geomap.extract.extract_paths` (same signature)."""
    from .extract import extract_paths

    extract_paths = extract or extract_paths

    # One draft per incident with every article as a source, as on the
    # curated side (evaluation needs per-article rows; the map does not).
    drafts = extract_paths(articles, chain, report, progress=progress, merge=True)
    return merge_draft_events(es, drafts, "articles", report, chain, taken)


#: Draft columns holding decimal numbers and dates (a spreadsheet rewrites them).
_DRAFT_NUMBERS = ("latitude", "longitude", "confidence")
_DRAFT_DATES = ("event_date", "source_published")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")


def read_drafts(path: str | Path, report: Report) -> list[tuple[int, dict]]:
    """Rows of a drafts CSV (as written by ``geomap extract``), the writer's
    formula defusing undone (see :func:`undefused`).

    Drafts are reviewed in a spreadsheet, which saves them its own way: the
    file is read as the dataset importers read one (UTF-16 with a mark,
    Windows-1252, separated by semicolons or tabs; see
    :mod:`geomap.importers.files`), a decimal comma in a semicolon file is a
    point, and dates the spreadsheet rewrote (``20.03.2025``, ``20/03/2025``,
    ``3/20/2025``) are read back as ``YYYY-MM-DD``, each with a warning.
    """
    name = str(path)
    text = sheet_text(path, "a drafts CSV", "cannot read file", report)
    delimiter, said = spreadsheet_separator(text)  # as curated events and evaluate's files are read
    if said:
        report.add("warning", name, 1, None, said)
    # the reviewer's 'Accept' or 'ACCEPT' column is the accept column: it was an unknown column,
    # ignored with a warning, and every yes in it lost ("not marked")
    head = next((ln for ln in io.StringIO(split_sep_hint(text)[0], newline="") if ln.strip()), "")
    try:
        names = [c.strip(" \ufeff") for c in next(csv.reader([head.rstrip("\r\n")], delimiter=delimiter))]
    except (csv.Error, StopIteration):
        names = []
    cased = None if "accept" in names else next((c for c in names if c.lower() == "accept"), None)
    known = DRAFT_COLUMNS + ("accept",) + ((cased,) if cased else ())
    rows = [
        (line, {("accept" if k == cased else k): undefused(v) for k, v in zip(header, cells)})
        for line, header, cells in read_csv_text(text, name, DRAFT_REQUIRED, known, report, delimiter, _DRAFT_NUMBERS)
    ]
    if cased:
        report.add("warning", name, 1, cased, f"column {cased!r} read as the accept column")
    for line, row in rows:
        url = row.get("source_url", "")
        if url and not is_http(url):  # source_for leaves it out: said, not unseen
            report.add(
                "warning",
                name,
                line,
                "source_url",
                f"source_url {url!r} is not http(s): left out, the article's source kept without a link "
                "(write https://...)",
                value=row.get("doc_id", ""),
            )
    # dates the spreadsheet rewrote, read back as curated events' are
    by_line = dict(rows)
    cells = [(line, k, row[k]) for line, row in rows for k in _DRAFT_DATES if row.get(k) and not _ISO.fullmatch(row[k])]
    for (line, k), day in spreadsheet_dates(cells, name, report).items():
        by_line[line][k] = day
    return rows


def sheet_text(path, expected: str, cannot: str, report: Report) -> str:
    """The text of a table a reviewer may have kept in a spreadsheet: an
    Excel workbook's first sheet (:func:`_workbook_text`), or the file
    decoded as a spreadsheet saves it (UTF-16 "Unicode text",
    Windows-1252: :func:`geomap.importers.files.decode_text`), each such
    reading a warning in ``report``. ``accept``'s drafts and ``evaluate``'s
    files are read so.

    Parameters
    ----------
    path : str or Path
        The file (``BOOK.xlsx:SHEET`` names a sheet).
    expected : str
        What the file should be, for the refusal of a device (``/dev/zero``
        would be read until memory runs out).
    cannot : str
        The words that open the :class:`SchemaError` of a file that cannot be read.
    report : Report
        Where warnings (and a workbook's unreadable rows) go.

    Returns
    -------
    str
        The table as CSV text, its lines the file's (or the sheet's rows).
    """
    from .importers.files import decode_text, split_member

    name = str(path)
    if split_member(path)[0].suffix.lower() in (".xlsx", ".xlsm"):
        return _workbook_text(path, report)
    try:
        refuse_device(Path(path), expected)
        raw = Path(path).read_bytes()
    except OSError as err:
        raise SchemaError(f"{cannot}: {err.strerror or err}", file=name) from None
    text, note = decode_text(raw, name)
    if note:
        report.add("warning", name, None, None, note)
    return text


def _workbook_text(path, report: Report) -> str:
    """The drafts a reviewer saved as an Excel workbook (the first sheet, or
    ``BOOK.xlsx:SHEET``), as CSV text whose lines are the sheet's rows: a
    problem of row 7 is said on line 7. It was refused as a binary file, the
    message naming .xlsx among the forms expected (the header is line 1
    whatever its row). Dates Excel stored as
    dates are written ``YYYY-MM-DD``; the workbook's rows that cannot be
    read are rejected here, each on its row."""
    from .importers.files import open_table

    table = open_table(path)
    for note in table.notes:
        report.add("warning", str(path), None, None, note)
    out: list[str] = []
    at = 1  # the line the next record starts on

    def put(line: int, cells: list[str]) -> None:
        nonlocal at
        out.append("\n" * max(line - at, 0))  # blank lines: no rows, the line numbers kept
        at = max(line, at)
        record = io.StringIO()
        csv.writer(record, lineterminator="\n").writerow(cells)
        out.append(record.getvalue())
        at += out[-1].count("\n")

    put(1, table.header)  # first: the reader takes the first record for the header (a title row above is no row)
    for n, row, reason in table.rows:
        if row is not None:
            put(n, [row.get(h, "") for h in table.header])
        else:
            report.count(counts.ROWS_READ)
            report.count(counts.ROWS_REJECTED)
            report.add("rejected", str(path), n, None, reason)
    return "".join(out)


def undefused(cell: str) -> str:
    """``cell`` without the ``'`` that :func:`geomap.report.defuse` put in front.

    The writer's rule backwards: a ``'`` followed (after any spaces) by one of
    :data:`~geomap.report.FORMULA_START`. Any other leading ``'`` is text.

    >>> undefused("'@DawnNews"), undefused("'  +1"), undefused("'Quoted' title")
    ('@DawnNews', '  +1', "'Quoted' title")
    """
    if cell.startswith("'") and cell[1:].lstrip(" ").startswith(FORMULA_START):
        return cell[1:]
    return cell


def accept(
    drafts: str | Path,
    events: str | Path,
    sources: str | Path | None = None,
    *,
    only_marked: bool = True,
    report: Report | None = None,
    waiting=None,
) -> list[str]:
    """Append reviewed drafts to the curated events and their sources.

    Parameters
    ----------
    drafts : path
        A drafts CSV; with ``only_marked`` only rows whose ``accept`` column
        is one of :data:`ACCEPT_YES` (yes, y, 1, x, true, a tick) are taken; a mark
        neither yes nor no (:data:`ACCEPT_NO`) is reported as a warning.
    events, sources : path
        The curated CSVs to extend (a folder for ``events``: its
        ``events.csv``). Each is rewritten atomically (through symlinks),
        ``sources`` first, keeping every column and cell of the rows already
        there.
    waiting : callable, optional
        ``waiting(lock_file, pid)`` is called when another run holds the
        dataset's lock; this run then waits for it.

    Returns
    -------
    list of str
        The ids of the events added.

    Raises
    ------
    AcceptError
        A file could not be written; the message says which and what the
        dataset holds now (always a valid dataset).
    """
    report = report if report is not None else Report()
    events = Path(events)
    if events.is_dir():  # a dataset's folder, as `geomap import -o FOLDER` takes one: its events.csv
        events = events / "events.csv"
    sources = Path(sources) if sources else events.with_name("sources.csv")
    if not events.exists():
        # said before any lock file is made beside it (they were left in the folder)
        raise AcceptError(
            f"{events}: no such file; give the curated events.csv to extend (a new dataset: a file holding "
            "only the header) (nothing was written)"
        )
    _refuse_export(events)
    _refuse_unwritable(events, sources)
    with ExitStack() as stack:
        # sorted: two runs naming the files in another order cannot deadlock
        for lock in sorted({lock_file_for(events), lock_file_for(sources)}):
            stack.enter_context(locked(lock, waiting))
        return _accept(drafts, events, sources, only_marked, report)


def _refuse_export(events: Path) -> None:
    """Refuse a build's ``events.csv`` export as the dataset to extend.

    It is a link into the shown build's folder (``out/.geomap-gen.*``),
    replaced whole by the next build: accepted events written there would be
    lost. Its header has ``source_publishers``, which no dataset has.
    """
    from .outdir import in_a_build

    try:
        with open(events, "rb") as fh:
            first = fh.readline(1 << 16)
    except OSError:
        first = b""
    if in_a_build(events) or b"source_publishers" in first:
        raise AcceptError(
            f"{events} is the export of a build, replaced by the next build: the accepted events would "
            "be lost there; give the curated events.csv (e.g. geodata/events.csv) as --events "
            "(nothing was written)"
        )


def _refuse_unwritable(events: Path, sources: Path) -> None:
    """Refuse, before any lock file is made or anything written, a dataset
    that cannot be changed: a read-only folder (the run failed naming its own
    lock file, ``.events.csv.lock``) or a read-only file (replaced all the same
    by the atomic rename)."""
    from .outdir import not_a_replaceable_file

    for path in (sources, events):
        why = not_a_replaceable_file(path)
        if why:
            raise AcceptError(f"{path}: {why}; the accepted drafts cannot be added there (nothing was written)")


def _accept(drafts, events: Path, sources: Path, only_marked: bool, report: Report) -> list[str]:
    # a spreadsheet saving the dataset while accept runs takes no lock: its save would be written over
    stamps = {path: file_stamp(path) for path in (events, sources)}
    # read under the lock: the dataset as the previous run left it
    es = load_events(events, sources, strict=True)
    citing = sum(1 for e in es.events if e.sources)
    if citing and not sources.exists():
        # a sources.csv holding only the new sources was written: the events there cited nothing
        raise AcceptError(
            f"{sources} is not there, but {citing} event(s) of {events} cite sources: give the sources file "
            "with --sources, or put it back beside the events (nothing was written)"
        )
    event_table = _Table.read(events, schema.EVENT_COLUMNS)
    source_table = _Table.read(sources, schema.SOURCE_COLUMNS)
    if [i.strip() for i in event_table.column("event_id")] != [e.event_id for e in es.events]:
        raise AcceptError(f"{events}: the rows read as CSV do not match the validated events; nothing was written")
    cited_before = [e.sources for e in es.events]
    sources_before = set(es.sources)
    rows = []
    before = len(report.of_kind("rejected"))
    read = read_drafts(drafts, report)
    # every record accounted for: rows read = not marked + taken (added, merged, rejected)
    report.count(counts.DRAFT_ROWS_READ, len(read) + len(report.of_kind("rejected")) - before)
    report.count(counts.DRAFTS_NOT_MARKED, 0)
    if only_marked and read and "accept" not in read[0][1]:
        # every row "not marked" and nothing added, with no word of why
        report.add(
            "warning",
            str(drafts),
            1,
            "accept",
            "no accept column: no draft is marked, none is added; add a column accept and write yes on "
            "the rows to keep (or give --all to take every row)",
        )
    for line, r in read:
        mark = r.get("accept", "").strip().lower()
        if only_marked and mark not in ACCEPT_YES:
            report.count(counts.DRAFTS_NOT_MARKED)
            if mark not in ACCEPT_NO:  # a mark we cannot read is said, not ignored
                report.add(
                    "warning",
                    str(drafts),
                    line,
                    "accept",
                    f"accept {r.get('accept', '')!r} is neither yes ({', '.join(sorted(ACCEPT_YES))}) nor no; "
                    "draft not taken",
                    value=r.get("doc_id", ""),
                )
            continue
        if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", r.get("source_published", "")):
            report.add(
                "rejected",
                str(drafts),
                line,
                "source_published",
                "an accepted draft needs its article's published date (YYYY-MM-DD)",
                value=r.get("doc_id", ""),
            )
            continue
        rows.append((line, r))
    new = merge_drafts(es, rows, str(drafts), report, name=_numbering(es))
    es.events.extend(new)
    for src in es.sources.values():
        if src.source_id not in sources_before:
            source_table.append({c: getattr(src, c) for c in schema.SOURCE_COLUMNS})
    for row, ev, before in zip(event_table.rows, es.events, cited_before):
        if ev.sources != before:  # a draft of the same incident added its article
            event_table.set(row, "sources", schema.format_source_ids(ev.sources))
    for ev in new:
        event_table.append({c: _cell(getattr(ev, c)) for c in schema.EVENT_COLUMNS})
    for table, path in ((source_table, sources), (event_table, events)):
        if table.changed and table.encoding != "utf-8":
            report.add("warning", str(path), None, None, f"file was {table.encoding.upper()}: written back as UTF-8")
    changed = [path for path, stamp in stamps.items() if stamp is not None and file_stamp(path) != stamp]
    if changed:
        raise AcceptError(
            f"{changed[0]} changed while accept read it (saved from a spreadsheet meanwhile?): it was not "
            "written over, and nothing was written; run accept again once it is saved"
        )
    _write_pair(source_table, sources, event_table, events)
    for ev in new:
        # the id written and the article it came from (a draft id names neither)
        src = es.sources.get(ev.sources[0]) if ev.sources else None
        article = f"{src.source_id} ({src.publisher}: {src.title!r})" if src else "no article"
        report.add(
            "added",
            ev.file,
            ev.line,
            None,
            f"{ev.event_id}: {ev.event_type} at {ev.location} on {ev.event_date}, from article {article}",
            value=ev.event_id,
        )
    return [ev.event_id for ev in new]


def _numbering(es: EventSet):
    """A function giving each new event the next free ``AFPK-`` id and marking it curated."""
    taken = {e.event_id for e in es.events}
    width = 4
    next_n = 1 + max((int(m.group(1)) for e in es.events if (m := re.fullmatch(r"AFPK-(\d+)", e.event_id))), default=0)

    def name(ev: Event) -> None:
        nonlocal next_n
        eid = f"AFPK-{next_n:0{width}d}"
        while eid in taken:
            next_n += 1
            eid = f"AFPK-{next_n:0{width}d}"
        taken.add(eid)
        next_n += 1
        ev.event_id, ev.verified = eid, "curated"

    return name


def _write_pair(source_table: "_Table", sources: Path, event_table: "_Table", events: Path) -> None:
    """Write sources.csv, then events.csv (see the module docstring for why this order)."""
    if source_table.changed:
        try:
            write_text(sources, source_table.text())
        except OSError as err:
            raise AcceptError(f"cannot write {sources}: {err.strerror or err}; nothing was changed") from err
    if event_table.changed:
        try:
            write_text(events, event_table.text())
        except OSError as err:
            kept = (
                f"{sources.name} already lists the new sources, which nothing cites yet (harmless); "
                if source_table.changed
                else ""
            )
            raise AcceptError(
                f"cannot write {events}: {err.strerror or err}; {kept}"
                f"{events.name} is unchanged; run 'geomap accept' again to add "
                "the events"
            ) from err


def write_dataset(es: EventSet, events: Path, sources: Path) -> None:
    """Write ``es`` as a new geomap dataset (what ``geomap import`` makes).

    Both files are replaced together (:func:`geomap.filepair.write_together`):
    an import killed at any moment leaves the old pair or the new one, never
    events citing sources that the new ``sources.csv`` no longer lists.
    """
    source_table = _Table(list(schema.SOURCE_COLUMNS), [])
    for src in es.sources.values():
        source_table.append({c: getattr(src, c) for c in schema.SOURCE_COLUMNS})
    event_table = _Table(list(schema.EVENT_COLUMNS), [])
    for ev in es.events:
        event_table.append({c: _cell(getattr(ev, c)) for c in schema.EVENT_COLUMNS})
    # events first: the journal lies beside it, where readers of the pair look
    write_together({events: event_table.text().encode("utf-8"), sources: source_table.text().encode("utf-8")})


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return schema.format_source_ids(value)
    return str(value)


@dataclass
class _Table:
    """A CSV file as its header and rows of cells, exactly as read.

    :func:`accept` edits it and writes it back, so columns geomap does not
    know (a reviewer's notes) and cells it does not touch stay as they were.
    """

    header: list[str]
    rows: list[list[str]]
    changed: bool = False
    encoding: str = "utf-8"  #: as read; written back as UTF-8
    #: the form a spreadsheet saved it in, kept when written back: its separator,
    #: Excel's ``sep=X`` line, line ends, UTF-8 byte-order mark, decimal commas
    delimiter: str = ","
    hint: str = ""
    newline: str = "\n"
    mark: str = ""
    decimal_comma: bool = False

    @classmethod
    def read(cls, path: Path, columns: tuple[str, ...]) -> "_Table":
        """The table in ``path`` (already validated), or an empty one with ``columns``."""
        if not path.exists():
            return cls(list(columns), [], changed=True)

        raw = path.read_bytes()
        # decoded as load_events decoded it: a UTF-16 file (a spreadsheet's "Unicode text") ended accept
        # in a UnicodeDecodeError traceback after load_events had read it
        wide = next((enc for mark, enc in WIDE_MARKS if raw.startswith(mark)), None)
        # marks inside the file are no text (as geomap.csvrows reads it): '\ufeffOK-1' is OK-1
        text = _decode(raw, str(path)).replace("\ufeff", "")
        # separated as load_events read it (semicolons, Excel's sep=X line), and written back so:
        # a European Excel reads a comma-separated file as one column
        delimiter = spreadsheet_separator(text)[0]
        body, hint = split_sep_hint(text)
        # blank lines are no rows, as in geomap.csvrows.read_csv_rows
        rows = [r for r in csv.reader(io.StringIO(body, newline=""), delimiter=delimiter) if "".join(r).strip()]
        table = cls(rows[0], rows[1:], encoding=wide or "utf-8", delimiter=delimiter)
        table.hint = text[: len(text) - len(body)]
        table.newline = "\r\n" if "\r\n" in text else "\n"
        table.mark = "\ufeff" if raw.startswith(codecs.BOM_UTF8) else ""
        if delimiter in DECIMAL_COMMA_SEPARATORS and {"latitude", "longitude"} <= set(table.names):
            # new coordinates written as the file writes them (34,12 unless it writes 34.12): a
            # European Excel takes 12.05 for the 12th of May
            cells = table.column("latitude") + table.column("longitude")
            table.decimal_comma = not any(re.fullmatch(r"\s*-?[0-9]+\.[0-9]+\s*", c) for c in cells)
        return table

    @property
    def names(self) -> list[str]:
        return [h.strip() for h in self.header]

    def column(self, name: str) -> list[str]:
        i = self.names.index(name)
        return [row[i] for row in self.rows]

    def set(self, row: list[str], name: str, value: str) -> None:
        row[self.names.index(name)] = value
        self.changed = True

    def append(self, cells: dict[str, str]) -> None:
        # a known column the file does not have yet (added to geomap since the
        # file was made) goes at the end, but only once a row has a value for
        # it: optional columns such as an imported row's `dataset` stay out
        for name, value in cells.items():
            if value and name not in self.names:
                self.header.append(name)
                for row in self.rows:
                    row.append("")
        row = [cells.get(name, "") for name in self.names]
        if self.decimal_comma:
            for name in ("latitude", "longitude"):
                row[self.names.index(name)] = row[self.names.index(name)].replace(".", ",")
        self.rows.append(row)
        self.changed = True

    def text(self) -> str:
        """The table as CSV, in the form it was read in (see the class's fields)."""
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=self.delimiter, lineterminator=self.newline)
        w.writerow(self.header)
        w.writerows(self.rows)
        return self.mark + self.hint + buf.getvalue()
