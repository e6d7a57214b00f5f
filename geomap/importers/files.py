"""A dataset file in the form analysts download it, opened as one table.

The importers read records; this module gets them out of the container
first, so that every format (ACLED, UCDP GED, GDELT, plain CSV) is read from
every form:

- compressed: ``.gz`` (any file gzipped), ``.zip`` holding one data file
  (UCDP's ``ged251-csv.zip``, GDELT's ``.export.CSV.zip``) or a named one,
  ``ARCHIVE.zip:MEMBER``;
- Stata ``.dta`` (UCDP offers GED in it; read by pandas, value labels left
  as their codes);
- Excel ``.xlsx`` (the first sheet, or ``BOOK.xlsx:SHEET``), with dates
  stored as dates or as serial numbers;
- JSON: an ACLED API response (``{"status": 200, "success": true,
  "count": N, "data": [...]}``), a UCDP API response (``{"TotalCount": ..,
  "TotalPages": .., "Result": [...]}``), a list of records, JSON lines
  (one record a line), or GeoJSON (left to its importer);
- text CSV in UTF-8 (with or without a byte-order mark), UTF-16/32 with a
  mark (Excel's "Unicode text"), else Windows-1252 with a warning; cells
  separated by commas, semicolons (European Excel), tabs or pipes, decided
  from the header line alone.

Everything here is deterministic: the same bytes give the same table. A
file that cannot be opened raises :class:`~geomap.exc.SchemaError` in one
line naming what was expected. Records that cannot be used (a JSON line
that is not an object, an Excel row longer than the header) come back as
``(line, None, reason)`` for the importer to report and count.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import io
import json
import re
import zipfile
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from ..csvrows import decode_by_mark, refuse_device, split_sep_hint
from ..exc import SchemaError

#: Suffixes of the files an archive may hold for us (case-insensitive).
DATA_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".json", ".jsonl", ".ndjson", ".geojson", ".xlsx", ".gz")
#: Containers that can name a member after a colon: ``ged.zip:ged251.csv``, ``book.xlsx:Sheet2``.
_MEMBER_SUFFIXES = (".zip", ".xlsx", ".xlsm")
#: Largest file unpacked from a .gz or .zip (a full UCDP GED CSV is under half of it):
#: a bigger one is refused rather than filling the memory (a "zip bomb" or a wrong file).
MAX_UNPACKED = 2 << 30
#: Cell separators tried on the header line, in the order that breaks ties.
DELIMITERS = (",", "\t", ";", "|")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DELIMITER_NAMES = {",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe"}
_SPACES = re.compile(r"[\s\-]+")


def norm(name: str) -> str:
    """A column name as the importers look it up: ``"Event Date"`` -> ``event_date``.

    >>> norm(" EVENT_ID_CNTY "), norm("Event Date"), norm("sub-event type")
    ('event_id_cnty', 'event_date', 'sub_event_type')
    """
    return _SPACES.sub("_", str(name).strip().lower())


@dataclass
class Table:
    """One opened dataset file.

    ``kind`` is ``csv`` (``text`` and ``delimiter`` to be read by
    :func:`geomap.csvrows.read_csv_text`), ``records`` (``rows`` already
    read: Excel, JSON), ``geojson`` or ``empty``.
    """

    name: str  #: shown in messages: the path, with ``:member`` or ``:sheet`` when one was read
    kind: str
    header: list[str] = field(default_factory=list)
    text: str = ""
    delimiter: str = ","
    #: ``(line, row, None)`` or ``(line, None, reason)`` for ``records`` tables
    rows: list[tuple[int | None, dict | None, str | None]] = field(default_factory=list)
    #: warnings about the file as a whole (encoding, sheets not read, a partial API page)
    notes: list[str] = field(default_factory=list)
    #: the innermost file name (for the version a name gives: ``GEDEvent_v25_1.csv``)
    inner: str = ""
    form: str = ""  #: how it was read, for the summary: "zip > UTF-8 CSV (semicolon)"
    #: the order of the file's slashed dates (``dmy``, ``mdy``) when some date shows it
    slashes: str | None = None
    #: what decided that order (or that the dates disagree): warned about once
    #: a slashed date is read (a date inside a UCDP source text alone is no news)
    slash_note: str = ""
    #: the format of an API answer that holds no records (``acled``, ``ucdp``): its header is empty
    hint: str = ""


def split_member(path: str | Path) -> tuple[Path, str | None]:
    """``(file, member)`` of ``ARCHIVE.zip:MEMBER`` / ``BOOK.xlsx:SHEET``; ``(path, None)`` otherwise."""
    p = Path(path)
    text = str(path)
    if p.exists() or ":" not in text:
        return p, None
    base, _, member = text.rpartition(":")
    if base.lower().endswith(_MEMBER_SUFFIXES) and Path(base).is_file() and member:
        return Path(base), member
    return p, None


def open_table(path: str | Path) -> Table:
    """The table in ``path`` (see the module docstring); cached per file state.

    Raises
    ------
    SchemaError
        The file cannot be opened as a table, in one line saying what was expected.
    """
    p, member = split_member(path)
    try:
        st = p.stat()
    except OSError as err:
        raise SchemaError(f"cannot read file: {err.strerror or err}", file=str(path)) from None
    refuse_device(p, "a dataset file")
    return _open_cached(str(p), member, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=2)
def _open_cached(path: str, member: str | None, _mtime: int, _size: int) -> Table:
    # detection and reading open the same file: the second open is free
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise SchemaError(f"cannot read file: {err.strerror or err}", file=path) from None
    return _unpack(raw, path, Path(path).name, member, [])


def _unpack(raw: bytes, shown: str, inner: str, member: str | None, forms: list[str]) -> Table:
    """The table in ``raw``: decompress and open containers until a table is found."""
    if raw[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as gz:
                raw = gz.read(MAX_UNPACKED + 1)
        except (OSError, EOFError, zlib.error) as err:
            raise SchemaError(f"not a readable gzip file ({err}); expected a gzipped CSV or JSON", file=shown) from None
        if len(raw) > MAX_UNPACKED:
            raise SchemaError(f"unpacks to more than {MAX_UNPACKED >> 30} GiB; split it or filter it first", file=shown)
        inner = inner[:-3] if inner.lower().endswith(".gz") else inner
        return _unpack(raw, shown, inner, member, forms + ["gzip"])
    if raw[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        try:
            zf = zipfile.ZipFile(io.BytesIO(raw))
            names = zf.namelist()
        except (zipfile.BadZipFile, OSError) as err:
            raise SchemaError(f"not a readable zip file ({err}); expected a zip holding a CSV", file=shown) from None
        if "xl/workbook.xml" in names:
            return _xlsx(raw, shown, inner, member, forms)
        name = _zip_member(names, member, shown)
        if zf.getinfo(name).file_size > MAX_UNPACKED:
            raise SchemaError(
                f"{name!r} unpacks to more than {MAX_UNPACKED >> 30} GiB; split it or filter it first", file=shown
            )
        try:
            data = zf.read(name)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, zlib.error) as err:
            raise SchemaError(f"cannot unpack {name!r} from the zip ({err})", file=shown) from None
        return _unpack(data, f"{shown}:{name}", PurePosixPath(name).name, None, forms + ["zip"])
    if raw[:11] == b"<stata_dta>" or (inner.lower().endswith(".dta") and raw[:1] in (b"\x71", b"\x72", b"\x73")):
        return _stata(raw, shown, inner, forms)
    foreign = _foreign_format(raw)
    if foreign:  # said by name, not as "binary" or "cannot tell the format from the first line (RDX3)"
        raise SchemaError(f"{foreign}; geomap reads CSV, JSON, Excel .xlsx and Stata .dta", file=shown)
    if member is not None:
        raise SchemaError(f"{member!r} names a member, but the file is not a zip or an .xlsx workbook", file=shown)
    text, note = decode_text(raw, shown)
    notes = [note] if note else []
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return _json(text, shown, inner, notes, forms)
    return _csv(text, shown, inner, notes, forms)


#: Leading bytes of formats analysts are offered data in that geomap does not read, and what to do.
_FOREIGN = (
    # UCDP offers GED for R; saveRDS writes these (gzipped, unpacked above): a format letter, then version 2 or 3
    (
        (
            b"X\n\x00\x00\x00\x02",
            b"X\n\x00\x00\x00\x03",
            b"A\n2\n",
            b"A\n3\n",
            b"B\n\x02\x00\x00\x00",
            b"B\n\x03\x00\x00\x00",
        ),
        "an R data file (.rds, saveRDS): in R, write.csv(x, 'x.csv', row.names = FALSE)",
    ),
    (
        (b"RDX2\n", b"RDX3\n", b"RDA2\n", b"RDA3\n", b"RDB2\n", b"RDB3\n"),
        "an R workspace (.RData, save): in R, load() it, then write.csv(x, 'x.csv', row.names = FALSE)",
    ),
    ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",), "an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV"),
    ((b"$FL2", b"$FL3"), "an SPSS data file (.sav): save it as CSV (File > Export)"),
    ((b"PAR1",), "a Parquet file: save it as CSV (pandas: pd.read_parquet(p).to_csv('x.csv', index=False))"),
)


def _foreign_format(raw: bytes) -> str:
    r"""What format ``raw`` is when geomap does not read it (``""`` otherwise).

    >>> _foreign_format(b"RDX3\nX\n")[:21], _foreign_format(b"A\nid,lat\n")
    ('file is an R workspac', '')
    """
    for magics, said in _FOREIGN:
        if raw.startswith(magics):
            return f"file is {said}"
    return ""


def _zip_member(names: list[str], member: str | None, shown: str) -> str:
    """The archive member to read: the one named, else the only data file."""
    files = [n for n in names if not n.endswith("/") and not n.startswith("__MACOSX/")]
    files = [n for n in files if not PurePosixPath(n).name.startswith(".")]
    if member is not None:
        hits = [n for n in files if n == member] or [n for n in files if PurePosixPath(n).name == member]
        if len(hits) != 1:
            raise SchemaError(
                f"zip has no single member {member!r}; its files: {', '.join(files) or 'none'}", file=shown
            )
        return hits[0]
    data = [n for n in files if n.lower().endswith(DATA_SUFFIXES)]
    if len(data) > 1:  # a README.txt beside a CSV is not data
        data = [n for n in data if not n.lower().endswith(".txt")] or data
    if len(data) == 1:
        return data[0]
    if not data and len(files) == 1:
        return files[0]
    what = f"{len(data)} data files" if data else "no CSV, JSON or Excel file"
    raise SchemaError(
        f"zip holds {what} ({', '.join(data or files) or 'empty'}); expected one, "
        f"or name it as {Path(shown).name}:MEMBER",
        file=shown,
    )


# ---------------------------------------------------------------- text


def utf16_without_mark(head: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when the first bytes of a file look
    like UTF-16 text without a byte-order mark (every other byte NUL, as
    mostly-ASCII text is), else None."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) > len(head) // 4 and min(even, odd) == 0:
        return "utf-16-le" if odd > even else "utf-16-be"
    return None


def decode_text(raw: bytes, name: str) -> tuple[str, str]:
    """``(text, warning)`` of a text file: by its byte-order mark, else UTF-8, else Windows-1252.

    A UTF-16 file without a mark (every other byte NUL) is read as UTF-16 too.
    The warning is '' for UTF-8.
    """
    marked = decode_by_mark(raw, name, _BOMS)
    if marked is not None:
        text, encoding = marked
        return (
            text,
            "" if encoding == "utf-8-sig" else f"file is {encoding.upper()} (byte-order mark); read as such",
        )
    head = raw[:4096]
    if head and b"\x00" in head:
        encoding = utf16_without_mark(head)
        if encoding:
            try:
                return raw.decode(encoding), f"file is {encoding.upper()} without a byte-order mark; read as such"
            except UnicodeDecodeError:
                pass
        line = raw[: raw.find(b"\x00")].count(b"\n") + 1
        raise SchemaError(
            "file is binary (contains NUL bytes); expected CSV or JSON text, a .zip, .gz, .xlsx or .dta",
            file=name,
            line=line,
        )
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        bad = raw[err.start]
    try:
        text = raw.decode("cp1252")
        enc = "Windows-1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        text = raw.decode("latin-1")
        enc = "Latin-1"
    return text, (
        f"file is not UTF-8 (byte 0x{bad:02x} on line {line}); read as {enc}: check accented "
        "names, and save it as UTF-8 to silence this warning"
    )


#: The name given to a first column without one (R's row names, pandas' index).
ROW_NAMES = "row_names"


def _row_names(header: list[str], notes: list[str]) -> bool:
    """Name a nameless first column ``row_names``, with a note; whether it was one.

    R's ``write.csv`` writes a data frame's row names (``"1"``, ``"2"``, ...)
    and pandas' ``to_csv``/``to_excel`` its index (0, 1, ...) in a first
    column whose header cell is empty: a GED converted from UCDP's RData, or
    any table a script filtered, has one. It is a column like any other (shown
    under "Other columns" for plain tables), not a reason to refuse the file.
    """
    if len(header) < 2 or header[0] or not all(header[1:]) or ROW_NAMES in header:
        return False
    header[0] = ROW_NAMES
    notes.append(
        f"the first column has no name (row names or an index, as R's write.csv and pandas write them): "
        f"read as {ROW_NAMES!r}"
    )
    return True


def sniff_delimiter(line: str) -> str:
    """The separator of a header line: the most frequent of :data:`DELIMITERS`
    outside quotes (ties and none: the earlier in that tuple).

    >>> sniff_delimiter("a;b;c"), sniff_delimiter("a,b;c,d"), sniff_delimiter('"a;b",c')
    (';', ',', ',')
    """
    plain = re.sub(r'"[^"]*"', "", line)
    best = max(DELIMITERS, key=lambda d: (plain.count(d), -DELIMITERS.index(d)))
    return best if plain.count(best) else ","


def _csv(text: str, shown: str, inner: str, notes: list[str], forms: list[str]) -> Table:
    body, hint = split_sep_hint(text)  # Excel's sep=X line: the header is the next line
    first = next((ln for ln in io.StringIO(body, newline="") if ln.strip()), "")
    if not first:
        return Table(shown, "empty", inner=inner, notes=notes, form=_form(forms, "empty text"))
    delimiter = hint or sniff_delimiter(first.rstrip("\r\n"))
    try:
        header = [h.strip() for h in next(csv.reader([first.rstrip("\r\n")], delimiter=delimiter))]
    except csv.Error:
        header = [first.strip()]
    while len(header) > 1 and header[-1] == "":
        header.pop()
    if _row_names(header, notes):  # name the column in the text the rows are read from
        start = text.index(first)
        blank = len(first) - len(first.lstrip(" "))
        blank += 2 if first[blank : blank + 2] == '""' else 0
        text = text[:start] + header[0] + text[start + blank :]
    form = _form(forms, f"CSV ({_DELIMITER_NAMES[delimiter]}-separated)")
    table = Table(shown, "csv", header, text=text, delimiter=delimiter, notes=notes, inner=inner, form=form)
    table.slashes, table.slash_note = slash_order(text)
    return table


#: The tail of a slashed date (``/15/2019``): a pattern that starts with a
#: literal is searched fast; the day or month before it is read by hand.
_SLASH_TAIL = re.compile(r"/([0-9]{1,2})/(?:[0-9]{4}|[0-9]{2})(?![0-9/])")


def slash_order(text: str) -> tuple[str | None, str]:
    r"""``(order, warning)`` of the slashed dates in a file: ``mdy`` when some
    date has a second number over 12 (``3/15/2019``, as US spreadsheets save
    dates) and none a first, ``dmy`` the other way round, ``None`` when no
    date tells or the dates disagree (then each ambiguous date is rejected).

    >>> slash_order("a,1/2/2019\nb,3/15/2019\n")[0], slash_order("a,15/3/2019")[0], slash_order("1/2/2019")[0]
    ('mdy', 'dmy', None)
    """
    dmy = mdy = None
    for m in _SLASH_TAIL.finditer(text):
        i = j = m.start()
        while j > i - 3 and j > 0 and text[j - 1].isdigit():
            j -= 1
        if not 1 <= i - j <= 2 or (j > 0 and text[j - 1] == "/"):
            continue
        a, b = int(text[j:i]), int(m.group(1))
        if a > 12 and b <= 12 and dmy is None:
            dmy = (text[j : m.end()], text.count("\n", 0, j) + 1)
        elif b > 12 and a <= 12 and mdy is None:
            mdy = (text[j : m.end()], text.count("\n", 0, j) + 1)
        if dmy and mdy:
            return None, (
                f"slashed dates disagree ({mdy[0]} on line {mdy[1]} is month first, {dmy[0]} on line "
                f"{dmy[1]} day first): a date with both numbers 12 or less is rejected"
            )
    if mdy:
        return "mdy", f"dates with slashes read month first (m/d/y), as {mdy[0]} on line {mdy[1]} shows"
    if dmy:
        return "dmy", f"dates with slashes read day first (d/m/y), as {dmy[0]} on line {dmy[1]} shows"
    return None, ""


def _form(forms: list[str], last: str) -> str:
    return " > ".join([*forms, last])


# ---------------------------------------------------------------- JSON


def _json(text: str, shown: str, inner: str, notes: list[str], forms: list[str]) -> Table:
    try:
        data = json.loads(text)
    except ValueError as err:
        if getattr(err, "msg", "") == "Extra data":
            return _json_lines(text, shown, inner, notes, forms)
        raise SchemaError(f"not valid JSON: {err}", file=shown, line=getattr(err, "lineno", None)) from None
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return Table(shown, "geojson", ["{"], text=text, notes=notes, inner=inner, form=_form(forms, "GeoJSON"))
    key, form = None, "JSON list of records"
    if isinstance(data, dict):
        if data.get("success") is False or "error" in data:
            said = data.get("error") or data.get("messages") or data.get("status")
            raise SchemaError(f"the file is an API error response, not data: {_short(said)}", file=shown)
        if isinstance(data.get("data"), list):
            key, form = "data", "ACLED API response (JSON)"
            count, total = data.get("count"), data.get("total_count")
            if isinstance(count, int) and count != len(data["data"]):
                notes.append(f'the response says "count": {count} but holds {len(data["data"])} record(s)')
            if isinstance(total, int) and total > len(data["data"]):  # the API of 2025 pages its answers
                notes.append(
                    f"this ACLED API response is one page: it holds {len(data['data'])} of the {total} "
                    "event(s) of the query; save the other pages (page=2, ...) to map them"
                )
        elif isinstance(data.get("Result"), list):
            key, form = "Result", "UCDP API response (JSON)"
            total, pages = data.get("TotalCount"), data.get("TotalPages")
            if isinstance(total, int) and total > len(data["Result"]):
                notes.append(
                    f"this UCDP API response is one page: it holds {len(data['Result'])} of the "
                    f"{total} event(s) of the query ({pages} page(s)); save the other pages to map them"
                )
        else:
            keys = ", ".join(list(map(str, data))[:8])
            raise SchemaError(
                f"JSON object without a list of records (keys: {keys}); expected an ACLED API response "
                '("data": [...]), a UCDP API response ("Result": [...]), a list of records or GeoJSON',
                file=shown,
                line=1,
            )
        records = data[key]
        if not records:  # a query with no events (a quiet week, a narrow place): read as 0 rows, said
            hint = "acled" if key == "data" else "ucdp"
            notes.append(f"this {form.split(' API')[0]} API response holds no events: the query found none")
            return Table(shown, "records", [], notes=notes, inner=inner, form=_form(forms, form), hint=hint)
        if records and not any(isinstance(r, dict) for r in records):
            raise SchemaError(
                f'"{key}" holds records without column names (lists of values, as pandas\' '
                'to_json(orient="split") writes); expected objects: save with orient="records"',
                file=shown,
                line=1,
            )
    elif isinstance(data, list):
        records = data
        if not records:  # it was read as geomap's own format, "missing required column(s) event_id, ..."
            raise SchemaError("file is an empty JSON list: no records, nothing to map", file=shown, line=1)
    else:
        raise SchemaError("JSON holds a single value; expected a list of records or an API response", file=shown)
    lines = _element_lines(text, key, len(records))
    rows = [_record(rec, lines[i], i, key) for i, rec in enumerate(records)]
    return Table(shown, "records", _keys(rows), rows=rows, notes=notes, inner=inner, form=_form(forms, form))


def _json_lines(text: str, shown: str, inner: str, notes: list[str], forms: list[str]) -> Table:
    rows = []
    for n, line in enumerate(io.StringIO(text, newline=""), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as err:
            rows.append((n, None, f"JSON line not readable: {err}"))
            continue
        rows.append(_record(rec, n, None, None))
    return Table(shown, "records", _keys(rows), rows=rows, notes=notes, inner=inner, form=_form(forms, "JSON lines"))


def _record(rec, line: int | None, index: int | None, key: str | None):
    where = f"record {key or ''}[{index}]" if index is not None else "this line"
    if not isinstance(rec, dict):
        return line, None, f"{where} is a JSON {type(rec).__name__}, not an object of fields"
    return line, {str(k): cell(v) for k, v in rec.items()}, None


def _keys(rows) -> list[str]:
    seen: dict[str, None] = {}
    for _, row, _ in rows:
        for k in row or ():
            seen.setdefault(k)
    return list(seen)


def _short(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text[:200]


def _element_lines(text: str, key: str | None, n: int) -> list[int | None]:
    """The line where each record of the top-level list (or of ``key``'s list) starts.

    Walks the top level with :meth:`json.JSONDecoder.raw_decode`; when the
    walk and the parsed data disagree, no lines (``None``) rather than wrong ones.
    """
    dec = json.JSONDecoder()
    ws = re.compile(r"[ \t\r\n]*")
    try:
        pos = ws.match(text, 0).end()
        if key is not None:  # walk the object's members to the key's value
            pos = ws.match(text, pos + 1).end()
            while True:
                name, pos = dec.raw_decode(text, pos)
                pos = ws.match(text, pos).end() + 1  # the colon
                pos = ws.match(text, pos).end()
                if name == key:
                    break
                _, pos = dec.raw_decode(text, pos)
                pos = ws.match(text, pos).end() + 1  # the comma
                pos = ws.match(text, pos).end()
        starts = []
        pos = ws.match(text, pos + 1).end()  # inside the list
        while len(starts) < n:
            starts.append(pos)
            _, pos = dec.raw_decode(text, pos)
            pos = ws.match(text, pos).end() + 1
            pos = ws.match(text, pos).end()
    except (ValueError, AttributeError, IndexError):
        return [None] * n
    breaks = [m.start() for m in re.finditer("\n", text)]
    return [bisect_right(breaks, s) + 1 for s in starts]


def cell(value) -> str:
    """A JSON or Excel value as the text a CSV cell would hold.

    >>> cell(None), cell(3), cell(3.0), cell(34.11), cell(True), cell([1, 2])
    ('', '3', '3', '34.11', 'true', '[1, 2]')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    return json.dumps(value, ensure_ascii=False, default=str)


# ---------------------------------------------------------------- Excel


def is_date_column(name: str) -> bool:
    """Whether a column holds dates (its serial numbers are read as dates).

    UCDP's ``date_prec`` is a code (1-5), not a date, though its name starts
    with ``date_``; so is any ``*_prec``/``*_precision`` column.

    >>> is_date_column("date_start"), is_date_column("Event Date"), is_date_column("date_prec")
    (True, True, False)
    """
    n = norm(name)
    if n.endswith(("_prec", "_precision")):
        return False
    return n in ("week", "date", "day", "event_date") or n.endswith("_date") or n.startswith("date_")


def _xlsx(raw: bytes, shown: str, inner: str, sheet: str | None, forms: list[str]) -> Table:
    """The first sheet (or ``sheet``) of an Excel workbook, read with openpyxl."""
    import openpyxl
    from openpyxl.utils.datetime import from_excel

    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds on a broken workbook
        raise SchemaError(f"not a readable .xlsx workbook ({type(err).__name__}: {err})", file=shown) from None
    try:
        names = wb.sheetnames
        if sheet is not None and sheet not in names:
            raise SchemaError(f"workbook has no sheet {sheet!r}; its sheets: {', '.join(names)}", file=shown)
        chosen = sheet or names[0]
        notes = []
        others = [n for n in names if n != chosen and _sheet_has_data(wb[n])]
        if others:
            notes.append(
                f"sheet(s) {', '.join(others)} not read (only {chosen!r}); name one as {Path(shown).name}:SHEET"
            )
        ws = wb[chosen]
        # read-only mode trusts the sheet's stored dimensions, which some
        # writers get wrong ("A1"): forget them and read every cell there is
        ws.reset_dimensions()
        header: list[str] = []
        titles: list[int] = []
        rows: list = []
        dates: list[bool] = []
        for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
            filled = sum(v not in (None, "") for v in values)
            if not filled:
                continue
            if not header and filled < 2:  # a title line above the table, not its header
                titles.append(n)
                continue
            if not header:
                header = [cell(v) for v in values]
                while len(header) > 1 and header[-1] == "":
                    header.pop()
                _row_names(header, notes)
                dates = [is_date_column(h) for h in header]
                continue
            extra = [v for v in values[len(header) :] if v not in (None, "")]
            if extra:
                rows.append((n, None, f"row has {len(header) + len(extra)}+ cells, header has {len(header)}"))
                continue
            row = {}
            for i, h in enumerate(header):
                v = values[i] if i < len(values) else None
                if dates[i] and isinstance(v, (int, float)) and not isinstance(v, bool) and 1 <= v < 2958466:
                    v = from_excel(v, wb.epoch)  # a date stored as its serial number
                row[h] = cell(v)
            rows.append((n, row, None))
    finally:
        wb.close()
    if titles and header:
        notes.append(f"row(s) {', '.join(map(str, titles))} above the header (one cell each) skipped as titles")
    shown = f"{shown}:{chosen}" if sheet or len(names) > 1 else shown
    form = _form(forms, f"Excel workbook (sheet {chosen!r})")
    return Table(shown, "records", header, rows=rows, notes=notes, inner=inner, form=form)


def _sheet_has_data(ws) -> bool:
    ws.reset_dimensions()
    for values in ws.iter_rows(max_row=5, values_only=True):
        if any(v not in (None, "") for v in values):
            return True
    return False


# ---------------------------------------------------------------- Stata


def _stata(raw: bytes, shown: str, inner: str, forms: list[str]) -> Table:
    """A Stata .dta file, read by pandas (no new dependency); ``line`` is the observation number."""
    import pandas as pd

    try:
        frame = pd.read_stata(io.BytesIO(raw), convert_categoricals=False, convert_missing=False)
    except Exception as err:  # pandas raises several kinds on a broken file
        raise SchemaError(f"not a readable Stata .dta file ({type(err).__name__}: {err})", file=shown) from None
    header = [str(c) for c in frame.columns]
    rows = [
        (i, {h: cell(v.item() if hasattr(v, "item") else v) for h, v in zip(header, values)}, None)
        for i, values in enumerate(frame.itertuples(index=False, name=None), start=1)
    ]
    return Table(shown, "records", header, rows=rows, inner=inner, form=_form(forms, "Stata .dta"))
