"""Reading CSV tables that people edit by hand: records with line numbers, every bad one reported.

:func:`read_csv_rows` yields ``(line, row)`` for each record of a CSV file
(the line where the record starts). It decodes UTF-8 (UTF-16/32 with a
byte-order mark, with a warning), names UTF-16 without a mark and binary
files, rejects records with the wrong number of cells or an overlong cell,
and recovers from a quote left open by reading the following lines again.
The curated tables (:mod:`geomap.curated`), drafts CSVs and imported
datasets are all read through it.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
from pathlib import Path

from . import counts
from .exc import SchemaError
from .report import Report

#: An id-like first cell (the shape of event and source ids): a line inside a
#: quoted cell that starts with one may be the start of the next record.
_ID_LIKE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")

#: Byte-order marks of the UTF-16/32 encodings a spreadsheet may save as
#: "Unicode text"; UTF-32 first (its little-endian mark starts like UTF-16's).
#: The article reader checks the same marks.
WIDE_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_by_mark(
    raw: bytes, name: str, marks: tuple[tuple[bytes, str], ...], line: int | None = None
) -> tuple[str, str] | None:
    """``(text, encoding)`` of a file that starts with one of ``marks``
    (byte-order mark, codec), else None.

    Raises
    ------
    SchemaError
        The file has the mark but is not valid in its encoding (``line`` is
        the line the error names).
    """
    for bom, encoding in marks:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise SchemaError(
                    f"file starts with a {encoding.upper()} byte-order mark but "
                    f"is not valid {encoding.upper()} (byte {err.start}); save it "
                    "as UTF-8",
                    file=name,
                    line=line,
                ) from None
    return None


def _decode(raw: bytes, name: str, report: Report | None = None) -> str:
    """UTF-8 text of a CSV file, or a :class:`SchemaError` naming where it breaks.

    A UTF-16 or UTF-32 file with a byte-order mark is unambiguous: it is
    decoded, with a warning. Without the mark it is named as such (with how
    to convert it) instead of being called binary.
    """
    marked = decode_by_mark(raw, name, WIDE_MARKS, line=1)
    if marked is not None:
        text, encoding = marked
        if report is not None:
            report.add(
                "warning",
                name,
                None,
                None,
                f"file is {encoding.upper()} (byte-order mark), not UTF-8; read as "
                f"{encoding.upper()}. Save it as UTF-8 to silence this warning",
            )
        return text
    nul = raw.find(b"\x00")
    if nul != -1:
        line = raw[:nul].count(b"\n") + 1
        half = raw[:4096]
        if half[1::2].count(0) > len(half) // 4 or half[0::2].count(0) > len(half) // 4:
            order = "LE" if half[1::2].count(0) > half[0::2].count(0) else "BE"
            raise SchemaError(
                f"file looks like UTF-16 ({order}, no byte-order mark), not "
                "UTF-8; save it as UTF-8, e.g. "
                f"iconv -f UTF-16{order} -t UTF-8 in.csv > out.csv",
                file=name,
                line=line,
            )
        raise SchemaError("file is binary (contains NUL bytes), expected UTF-8 CSV text", file=name, line=line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise SchemaError(
            f"not UTF-8: byte 0x{raw[err.start]:02x} cannot be decoded; save the file as UTF-8",
            file=name,
            line=line,
            column=_column_at(raw, err.start),
        ) from None


def _column_at(raw: bytes, offset: int) -> str | None:
    """Header name of the cell holding byte ``offset`` (best effort, for messages)."""
    text = raw.decode("utf-8-sig", errors="replace")
    lines = text.splitlines()
    if not lines:
        return None
    line_no = raw[:offset].count(b"\n")
    try:
        header = next(csv.reader([lines[0]]))
        cells = next(csv.reader([lines[line_no]]))
    except (csv.Error, StopIteration, IndexError):
        return None
    for i, cell in enumerate(cells):
        if "\ufffd" in cell and i < len(header):
            return header[i].strip()
    return None


class _Lines:
    """Iterator over physical lines that the loader can rewind after a bad quote."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.i >= len(self.lines):
            raise StopIteration
        self.i += 1
        return self.lines[self.i - 1]


#: Longest cell accepted, in characters (the csv module's own default limit).
#: A longer cell is nearly always a quote left open or pasted text; its
#: record is rejected as one record, however many lines it spans.
MAX_CELL_CHARS = 131_072


@contextlib.contextmanager
def _field_limit(n: int):
    """Let the csv module read cells up to ``n`` characters (restored after):
    we check cell lengths ourselves, per record, after it is read whole."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, n))
    try:
        yield
    finally:
        csv.field_size_limit(old)


_CLOSE_IT = 'close the quote (a literal quote inside a quoted cell is written "")'


def _shape(cell: str) -> str:
    """The shape of an id: ``AFPK-0014`` -> ``A-0`` (letters, digits collapsed)."""
    return re.sub(r"[0-9]+", "0", re.sub(r"[A-Za-z]+", "A", cell))


def _starts_record(line: str, shapes: set[str], ncols: int, delimiter: str = ",") -> bool:
    """Whether a line inside a quoted cell looks like the start of a new record:
    its first cell has the shape of the first cells of the rows read so far
    (any id-like word before the first row) and it has at least half the
    header's delimiters."""
    first, sep, _ = line.partition(delimiter)
    first = first.strip()
    if not sep or not _ID_LIKE.fullmatch(first) or (shapes and _shape(first) not in shapes):
        return False
    return line.count(delimiter) >= max(2, (ncols - 1) // 2)


def _unclosed_cell(record: str, delimiter: str = ",") -> int | None:
    """Index of the cell whose quote is still open at the end of ``record``
    (CSV rules as the csv module applies them, quotes open only at the start
    of a cell), or ``None`` when every quote is closed."""
    cell, state = 0, "start"
    for ch in record:
        if state == "quoted":
            if ch == '"':
                state = "quote"
        elif ch == delimiter:
            cell, state = cell + 1, "start"
        elif state == "quote":
            state = "quoted" if ch == '"' else "field"
        elif state == "start" and ch == '"':
            state = "quoted"
        else:
            state = "field"
    return cell if state == "quoted" else None


def read_csv_rows(path: str | Path, required: tuple[str, ...], known: tuple[str, ...], report: Report):
    """Yield ``(line, row_dict)`` for each data row of a CSV file.

    ``line`` is the 1-based physical line where the row starts (the header is
    line 1). Records, not lines, are counted: a quoted cell may span lines.
    Rows with the wrong number of cells or a cell above
    :data:`MAX_CELL_CHARS` are reported and skipped. A quote left open is
    reported; when the quoted cell runs into a line that starts like a new
    record, the rows from there on are read again on their own, and a quote
    left open on the last row is named as such. Counts ``rows_read`` and
    ``rows_rejected``.

    Raises
    ------
    SchemaError
        When the file as a whole cannot be used: unreadable, binary, not
        UTF-8, empty, or a required column missing.
    """
    for line, header, cells in read_csv_records(path, required, known, report):
        yield line, dict(zip(header, cells))


def refuse_device(path: Path, expected: str) -> None:
    """:class:`SchemaError` when ``path`` is a character or block device:
    ``/dev/zero`` given as a file would be read until memory runs out."""
    if path.is_char_device() or path.is_block_device():
        raise SchemaError(f"is a device, not a file; expected {expected}", file=str(path))


def read_csv_records(
    path: str | Path, required: tuple[str, ...], known: tuple[str, ...], report: Report, numbers: tuple[str, ...] = ()
):
    """Yield ``(line, header, cells)`` for each data row: :func:`read_csv_rows`
    without the dict per row (``header`` is the same list every time; the
    cells are stripped, one per header column). Same checks, reports and counts.

    The file is read as a spreadsheet saved it (:func:`spreadsheet_separator`:
    semicolons or tabs, said in a warning on line 1); in such a file a
    decimal comma in a column of ``numbers`` is a point (``34,12`` is 34.12).
    """
    path = Path(path)
    name = str(path)
    try:
        refuse_device(path, "a CSV file")
        raw = path.read_bytes()
    except OSError as err:
        raise SchemaError(f"cannot read file: {err.strerror or err}", file=name) from None
    text = _decode(raw, name, report)
    delimiter, note = spreadsheet_separator(text)
    if note:
        report.add("warning", name, 1, None, note)
    yield from read_csv_text(text, name, required, known, report, delimiter, numbers)


#: Excel's first line naming the separator (``sep=,``, ``sep=;``; some tools quote it).
_SEP_HINT = re.compile(r'\ufeff?"?sep=([,;\t|])"?[ \t]*(?:\r\n|\r|\n)', re.I)


def sep_hint(text: str) -> str | None:
    r"""The separator Excel's ``sep=X`` first line names, or ``None`` without one.

    Such a file's header is its second line; every reader skips the hint
    (lines keep their numbers in the file) and splits cells on ``X``.

    >>> sep_hint("sep=;\nevent_id;location\n"), sep_hint('"sep=,"\r\na,b\n'), sep_hint("a,b\n")
    (';', ',', None)
    """
    m = _SEP_HINT.match(text)
    return m.group(1) if m else None


def split_sep_hint(text: str) -> tuple[str, str | None]:
    r"""``(text without Excel's sep=X line, X)``, or ``(text, None)`` without one.

    >>> split_sep_hint("sep=;\na;b\n")
    ('a;b\n', ';')
    """
    m = _SEP_HINT.match(text)
    return (text[m.end() :], m.group(1)) if m else (text, None)


#: What each separator is called in the messages.
SEPARATOR_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}

#: A decimal number written with a comma, as a European spreadsheet saves one.
_DECIMAL_COMMA = re.compile(r"-?[0-9]+,[0-9]+")

#: Separators a European spreadsheet saves with (CSV, "Unicode text"): a comma in a number cell is
#: then a decimal comma, never a separator.
DECIMAL_COMMA_SEPARATORS = (";", "\t")


def spreadsheet_separator(text: str) -> tuple[str, str]:
    r"""``(separator, note)`` of CSV text as a spreadsheet saved it: the one
    Excel's ``sep=X`` first line names, else the most frequent in the first
    line that is not blank (:func:`geomap.importers.files.sniff_delimiter`).
    ``note`` says it when it is not a comma ('' for commas): every reader of
    hand-edited CSV (curated events and sources, drafts for ``accept``, the
    files of ``evaluate``) reads it so, one reader for all.

    Parameters
    ----------
    text : str
        The file's text, decoded.

    Returns
    -------
    tuple of (str, str)
        The separator and the note.

    Examples
    --------
    >>> spreadsheet_separator("a;b;c\n1;2,5;3\n")[0], spreadsheet_separator("sep=;\na,b\n")[0]
    (';', ';')
    """
    from .importers.files import sniff_delimiter

    body, hint = split_sep_hint(text)
    first = next((ln for ln in io.StringIO(body, newline="") if ln.strip()), "")
    delimiter = hint or sniff_delimiter(first.rstrip("\r\n").lstrip("\ufeff"))
    if delimiter == ",":
        return delimiter, ""
    comma = " (a decimal comma is a point)" if delimiter in DECIMAL_COMMA_SEPARATORS else ""
    said = f"cells separated by {SEPARATOR_NAMES[delimiter]}, as a spreadsheet saves them: read as such{comma}"
    return delimiter, said


def decimal_point(cell: str) -> str:
    """``cell`` with a decimal comma made a point (``'34,12'`` -> ``'34.12'``); any other cell as it is.

    Parameters
    ----------
    cell : str

    Returns
    -------
    str
    """
    return cell.replace(",", ".") if _DECIMAL_COMMA.fullmatch(cell) else cell


#: A date as a spreadsheet rewrites an ISO day it shows as a date: ``20.03.2025``, ``20/03/2025``,
#: ``3/20/2025``, ``2025/03/20``.
_REWRITTEN_DATE = re.compile(r"[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}|[0-9]{4}[./][0-9]{1,2}[./][0-9]{1,2}")


def spreadsheet_dates(cells, name: str, report: Report) -> dict[tuple[int, str], str]:
    """``{(line, column): YYYY-MM-DD}`` for the date cells of ``cells`` (``(line, column, value)``)
    that a spreadsheet rewrote (see :data:`_REWRITTEN_DATE`; the day-month order of slashed dates
    from the dates themselves), each said in a warning; a cell that cannot be read is left out,
    for the row's checks to reject. Curated events and accept's drafts are read back so.

    Parameters
    ----------
    cells : iterable of (int, str, str)
        ``(line, column, value)`` of the date cells to look at.
    name : str
        The file, for the warnings.
    report : Report
        Where the warnings go.

    Returns
    -------
    dict
        ``{(line, column): YYYY-MM-DD}`` of the cells read back.
    """
    from .importers.base import parse_day
    from .importers.files import slash_order

    rewritten = [(line, col, v) for line, col, v in cells if _REWRITTEN_DATE.fullmatch(v)]
    slashes = slash_order("\n".join(v for _, _, v in rewritten))[0]
    read = {}
    for line, col, value in rewritten:
        try:
            day = parse_day(value, slashes)
        except ValueError:
            continue
        report.add("warning", name, line, col, f"{col} {value!r} (as a spreadsheet rewrote it) read as {day}")
        read[(line, col)] = day
    return read


def read_csv_text(
    text: str,
    name: str,
    required: tuple[str, ...],
    known: tuple[str, ...],
    report: Report,
    delimiter: str = ",",
    numbers: tuple[str, ...] = (),
):
    """:func:`read_csv_records` of text already decoded (``name`` for
    messages), with its cells separated by ``delimiter`` (the dataset
    importers read semicolon- and tab-separated exports too), or by the
    one Excel's ``sep=X`` first line names (see :func:`sep_hint`); with
    semicolons or tabs, the cells of the columns ``numbers`` keep decimal points
    (:func:`decimal_point`)."""
    hint = _SEP_HINT.match(text)
    if hint:
        delimiter = hint.group(1)
        if not text[hint.end() :].strip():
            raise SchemaError(
                f"file has only Excel's {hint.group(0).strip()!r} line; expected a header row with the columns "
                + ", ".join(required),
                file=name,
                line=1,
            )
    if not text.strip():
        raise SchemaError(
            "file is empty; expected a header row with the columns " + ", ".join(required), file=name, line=1
        )
    text = _without_marks(text, name, report)
    # newline="" splits on \n, \r and \r\n only, as the csv module wants;
    # str.splitlines would also split on \u2028 and friends inside a cell.
    lines = _Lines(io.StringIO(text, newline="").readlines())
    lines.i = 1 if hint else 0  # the hint is no record; the header is on line 2
    with _field_limit(len(text) + 1):
        if delimiter not in DECIMAL_COMMA_SEPARATORS or not numbers:
            yield from _rows(lines, name, required, known, report, delimiter)
            return
        for line, header, cells in _rows(lines, name, required, known, report, delimiter):
            for i, h in enumerate(header):
                if h in numbers:
                    cells[i] = decimal_point(cells[i])
            yield line, header, cells


def _without_marks(text: str, name: str, report: Report) -> str:
    """``text`` without byte-order marks (U+FEFF) past its start, said once.

    Files joined with ``cat`` (or rows pasted from another file) carry the
    second file's mark into a cell: an id ``\ufeffOK-1`` looks like ``OK-1``
    but is another id, so a duplicate went unseen. The mark is no text."""
    body = text[1:] if text.startswith("\ufeff") else text
    if "\ufeff" not in body:
        return text
    at = text.count("\n", 0, text.index("\ufeff", len(text) - len(body))) + 1
    report.add(
        "warning",
        name,
        at,
        None,
        f"{body.count(chr(0xFEFF))} byte-order mark(s) (U+FEFF) inside the file, the first on line {at} "
        "(as when files are joined with cat): removed, they are no text",
    )
    return body.replace("\ufeff", "")


def _header(reader, name: str, required: tuple[str, ...], known: tuple[str, ...], report: Report, line: int = 1):
    """``(header, trailing)`` from the first record of ``reader``: the column names
    (stripped) and how many empty names after the last were dropped; the
    header's warnings go to ``report``, at ``line`` (2 after Excel's ``sep=``).

    Raises
    ------
    SchemaError
        The header is not valid CSV, lacks a required column, or has an
        empty or repeated name.
    """
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as err:
        raise SchemaError(f"header row is not valid CSV: {err}", file=name, line=line) from None
    trailing = 0
    while len(header) > 1 and header[-1] == "":  # "a,b,," from a spreadsheet
        header.pop()
        trailing += 1
    missing = [c for c in required if c not in header]
    if missing:
        raise SchemaError(
            f"missing required column(s) {', '.join(missing)}; required: {', '.join(required)}",
            file=name,
            line=line,
            column=missing[0],
        )
    blank = [str(i + 1) for i, h in enumerate(header) if not h]
    if blank:
        raise SchemaError(
            f"header cell(s) {', '.join(blank)} are empty; every column needs a name", file=name, line=line
        )
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise SchemaError(
            f"duplicate column(s) {', '.join(dupes)}; each column once", file=name, line=line, column=dupes[0]
        )
    if trailing:
        report.add(
            "warning",
            name,
            line,
            None,
            f"{trailing} empty header cell(s) after {header[-1]!r} ignored (trailing "
            "commas); empty cells there in the rows are ignored too",
        )
    for col in (h for h in header if h not in known):
        report.add("warning", name, line, col, f"unknown column {col!r} ignored; known: {', '.join(known)}")
    return header, trailing


def _rows(
    lines: _Lines, name: str, required: tuple[str, ...], known: tuple[str, ...], report: Report, delimiter: str = ","
):
    """The records of :func:`read_csv_records`, once the text is decoded."""
    reader = csv.reader(lines, strict=False, delimiter=delimiter)
    header, trailing = _header(reader, name, required, known, report, lines.i + 1)
    ncols = len(header)
    shapes: set[str] = set()  # shapes of the first cells of good rows
    data_rows = 0

    def reject(line, column, reason):
        report.count(counts.ROWS_REJECTED)
        report.add("rejected", name, line, column, reason)

    while True:
        start = lines.i  # 0-based index of the row's first line
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            data_rows += 1
            report.count(counts.ROWS_READ)
            reject(start + 1, None, f"malformed CSV (lines {start + 1}-{max(lines.i, start + 1)}): {err}")
            if lines.i == start:  # never loop on the same line
                lines.i += 1
            reader = csv.reader(lines, strict=False, delimiter=delimiter)
            continue
        # blank line: not a row (the first cell decides for nearly every row)
        if not cells or (not cells[0].strip() and not "".join(cells).strip()):
            continue
        data_rows += 1
        report.count(counts.ROWS_READ)
        end = lines.i
        if trailing and len(cells) > ncols and not "".join(cells[ncols:]).strip():
            del cells[ncols:]
        # a quote left open: the cell runs into the next record(s) or to the end
        # (only a record over several lines, or the last one, can have one)
        multi = end - start > 1
        opened = col = None
        if multi or end == len(lines.lines):
            restart = next(
                (k for k in range(start + 1, end) if _starts_record(lines.lines[k], shapes, ncols, delimiter)), None
            )
            open_at_end = (
                _unclosed_cell("".join(lines.lines[start:end]), delimiter) if end == len(lines.lines) else None
            )
            opened = next((i for i, c in enumerate(cells) if "\n" in c or "\r" in c), None)
            if open_at_end is not None:
                opened = open_at_end
            col = header[opened] if opened is not None and opened < ncols else None
            if restart is not None:
                reject(
                    start + 1,
                    col,
                    f"unclosed quote: the quoted cell opened on line {start + 1} runs on "
                    f"into line {restart + 1}, which starts like a new record; the lines "
                    f"from {restart + 1} on are read again as rows; {_CLOSE_IT}",
                )
                lines.i = restart
                reader = csv.reader(lines, strict=False, delimiter=delimiter)
                continue
            if open_at_end is not None:
                reject(
                    start + 1,
                    col,
                    f"unclosed quote: the quoted cell opened on line {start + 1} is never "
                    f"closed (it runs to the end of the file, line {end}); {_CLOSE_IT}",
                )
                continue
        if cells[0].strip() == header[0] and [c.strip() for c in cells[:ncols]] == header:
            reject(start + 1, None, "the header row again (files joined with cat?): not a row")
            continue
        if len(cells) != ncols:
            if multi and opened is not None:
                reject(
                    start + 1,
                    col,
                    f"unclosed quote: the quoted cell runs from line {start + 1} to "
                    f"line {end} and the row has {len(cells)} cells, header has "
                    f"{ncols}; {_CLOSE_IT}",
                )
            elif len(cells) < ncols:
                reject(
                    start + 1,
                    header[len(cells)],
                    f"row has {len(cells)} cells, header has {ncols}; cells from {header[len(cells)]!r} on are missing",
                )
            else:
                reject(
                    start + 1,
                    None,
                    f"row has {len(cells)} cells, header has {ncols}; "
                    f"{len(cells) - ncols} extra cell(s) after {header[-1]!r} "
                    "(a comma inside a cell needs quotes)",
                )
            continue
        # a cell above the limit needs a line (or record) above it
        big = (
            next((i for i, c in enumerate(cells) if len(c) > MAX_CELL_CHARS), None)
            if multi or len(lines.lines[start]) > MAX_CELL_CHARS
            else None
        )
        if big is not None:
            reject(
                start + 1,
                header[big],
                f"cell has {len(cells[big])} characters (lines {start + 1}-{end}), above "
                f"the limit of {MAX_CELL_CHARS} per cell; shorten it (a quote left open "
                "makes such cells too)",
            )
            continue
        if data_rows <= 1000 and len(shapes) < 32:  # the ids' shapes show early
            shapes.add(_shape(cells[0].strip()))
        yield start + 1, header, list(map(str.strip, cells))
    if data_rows == 0:
        report.add("warning", name, None, None, "no data rows: the file has only a header")
