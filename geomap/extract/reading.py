"""Reading articles: text/markdown with YAML front matter, HTML, JSON lines.

Every file that cannot be used is recorded in a :class:`~geomap.report.Report`
with its file, line and reason, and counted, so that
``articles_read == articles_used + articles_rejected`` always holds.
The parsers raise only :class:`~geomap.exc.ArticleError` and
:class:`~geomap.exc.FrontMatterError`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .. import counts
from ..csvrows import WIDE_MARKS
from ..exc import ArticleError, FrontMatterError
from ..outdir import CURRENT
from ..report import Report, writable_text

#: libyaml's safe loader when PyYAML was built with it: the pure-Python one
#: spent about a tenth of extraction time reading front matter.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Default size cap of one article file (bytes); larger files are reported.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: File name endings read as articles.
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
#: One article per row (columns text, published, title, source, url, id); read
#: with pyarrow by :mod:`geomap.parallel.inputs`, in one process as with ``--jobs``.
PARQUET_SUFFIXES = (".parquet", ".pq")

#: Files inside article folders that are known not to be articles, by name
#: without extension (lower case): a folder's own papers. Skipped with a
#: ``skipped`` line each and counted (``files_skipped``); named on their own
#: they are read.
NOT_ARTICLE_NAMES = ("readme", "license", "licence", "copying", "changelog", "changes", "notes", "todo", "authors")
#: Endings of files known not to be articles (tables and settings beside the
#: articles: a gold.csv, the drafts, a report), skipped the same way.
#: (Not ``.json``: an article saved as JSON is more likely than settings
#: there, and its rejection names the endings geomap reads.)
NOT_ARTICLE_SUFFIXES = (".csv", ".tsv", ".yaml", ".yml", ".toml", ".geojson", ".gpkg", ".log")


def not_an_article(name: str) -> str | None:
    """Why a file ``name`` found inside an article folder is skipped, or None.

    A README, notes or a licence describe the folder; a CSV beside the
    articles is a gold file, drafts or a report. One was read as an article
    (``notes.txt``: its events became drafts) and the other was rejected as
    an unsupported type, a problem that was no problem.
    """
    lower = name.lower()
    stem, dot, _ = lower.partition(".")
    ending = f".{lower.rsplit('.', 1)[1]}" if dot else ""
    # as text (notes.txt, LICENSE): a notes.pdf stays a file of a type geomap does not read
    if lower.startswith("readme") or (stem in NOT_ARTICLE_NAMES and ending in ("", ".rst") + TEXT_SUFFIXES):
        return "a folder's description (README, notes, licence), not an article"
    if ending in NOT_ARTICLE_SUFFIXES:
        return f"a {ending} file (gold, drafts, a report or settings), not an article"
    return None


def skip(report: Report, path: str | os.PathLike, reason: str) -> None:
    """Report and count one file left out as no article (see :func:`not_an_article`)."""
    report.add("skipped", str(path), None, None, reason)
    report.count(counts.FILES_SKIPPED)


#: Front-matter keys we use; others are ignored (a warning is not worth it).
FRONT_MATTER_KEYS = ("title", "source", "published", "url")
#: The names scrapers and site generators give each field. Matched ignoring
#: case, ``_``, ``-`` and spaces; the first found in the file wins and a later
#: one that disagrees is a warning.
FIELD_ALIASES = {
    "title": ("title", "headline"),
    "source": ("source", "publisher", "site_name", "outlet"),
    "published": ("published", "date", "pubDate", "published_at", "publish_date", "datePublished", "created"),
    "url": ("url", "link", "canonical_url"),
}


def _norm_key(key) -> str:
    return re.sub(r"[\s_\-]", "", str(key)).lower()


_ALIAS_FIELD = {_norm_key(a): f for f, names in FIELD_ALIASES.items() for a in names}


@dataclass
class Article:
    """One article ready for extraction.

    Attributes
    ----------
    doc_id : str
        File name without extension; for JSON lines ``<stem>:<line>`` or the
        record's ``id``.
    published : datetime.date or None
        Anchor of relative dates; ``None`` when unknown (explicit dates only).
    path : str
        File the article came from; ``line`` is its line for JSON lines.
    key : str or None
        Of a record (a JSON line, a Parquet row): a digest of its fields, the
        same for the same record given twice (see :func:`record_key`).
    """

    doc_id: str
    text: str
    title: str = ""
    source: str = ""
    published: dt.date | None = None
    url: str = ""
    path: str = ""
    line: int | None = None
    key: str | None = None
    checked_problems: int = 0  #: how many problems its reader's last step (:func:`_checked`) added
    #: warnings about its metadata, ``(line, column, reason)``, reported by :func:`_checked`
    notes: list = field(default_factory=list, repr=False, compare=False)


# ---------------------------------------------------------------- decoding


def decode_bytes(data: bytes, file: str = "") -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)``.

    UTF-8 (with or without BOM) first, then the guess of charset-normalizer.

    Raises
    ------
    ArticleError
        Empty input, binary content (NUL bytes) or undecodable bytes.
    """
    if not data.strip():
        raise ArticleError("empty file (no text)", file=file)
    wide = _wide_encoding(data)
    if wide:
        # Notepad's "Unicode" (UTF-16 with a byte-order mark): it was rejected as a binary file
        encoding = wide.split(" ")[0]
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            raise ArticleError(
                f"looks like {_upper_codec(wide)} but is not valid {encoding.upper()} (byte {err.start}); "
                "save it as UTF-8",
                file=file,
            ) from None
        if not text.lstrip("\ufeff").strip():
            raise ArticleError("empty file (no text)", file=file)
        return text.lstrip("\ufeff"), wide
    if b"\x00" in data[:8192]:
        raise ArticleError("binary file (NUL bytes); expected UTF-8 text", file=file)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        if not text.strip():  # e.g. only U+001C..U+001F or U+3000, blank as text
            raise ArticleError("empty file (no text)", file=file)
        return text, "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ArticleError("not UTF-8 and no text encoding fits; save it as UTF-8", file=file)
    text, encoding = str(best), best.encoding
    if encoding != "cp1252" and _latin_only(text):
        # Latin-1 'Niño' was read as cp1250's 'Nińo': on a short English text the Latin code pages
        # score alike and the guess is arbitrary; Windows-1252 is what Western editors save
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined: the guess stands
            pass
    if not text.strip():
        raise ArticleError("empty file (no text)", file=file)
    # Control characters other than whitespace mean the guess decoded junk.
    junk = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f")
    if junk > 4:
        raise ArticleError("binary file (control characters); expected UTF-8 text", file=file)
    return text, encoding


def _latin_only(text: str) -> bool:
    """Whether ``text`` has Latin letters beyond ASCII and nothing else beyond
    ASCII but punctuation, symbols and spaces: a text a Latin code page was
    guessed for (not Arabic-script cp1256, Cyrillic cp1251 or a CJK code)."""
    wide = {c for c in set(text) if ord(c) > 127}
    latin = {c for c in wide if unicodedata.name(c, "").startswith("LATIN")}
    return bool(latin) and all(unicodedata.category(c)[0] in "PSZ" for c in wide - latin)


def _wide_encoding(data: bytes) -> str | None:
    """``"utf-16 (byte-order mark)"``, ``"utf-16-le (no byte-order mark)"``...
    when ``data`` is UTF-16 or UTF-32 text (by its mark, or for UTF-16 by its
    NUL bytes), else None. The first word is the codec."""
    from geomap.importers.files import utf16_without_mark

    for mark, encoding in WIDE_MARKS:
        if data.startswith(mark):
            return f"{encoding} (byte-order mark)"
    head = data[:4096]
    encoding = utf16_without_mark(head) if b"\x00" in head else None
    return f"{encoding} (no byte-order mark)" if encoding else None


def _first_bad_byte(data: bytes) -> str:
    """`` (byte 0xe9 on line 5)``: where UTF-8 fails, for the reader to check
    the names there (a guessed encoding may read them wrong), or ``""``."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return f" (byte 0x{data[err.start]:02x} on line {line}: check the names there)"
    return ""


def _upper_codec(wide: str) -> str:
    codec, _, rest = wide.partition(" ")
    return f"{codec.upper()} {rest}".strip()


# ------------------------------------------------------------ front matter


class _FrontMatterLoader(_SAFE_LOADER):
    """The safe loader with timestamps left as text: :func:`parse_published_date`
    reads every date the same way (the local date as written), and a bad day
    such as ``2025-02-30`` no longer makes the whole block invalid YAML."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

_FM_OPEN = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n")
_FM_CLOSE = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M),
    "+++": re.compile(r"^\+\+\+[ \t]*\r?$", re.M),
}
#: A ``key: value`` (YAML) or ``key = value`` (TOML) line of front matter that is not valid as a whole.
_KV_LINE = {
    ":": re.compile(r"[ \t]*([A-Za-z_@][\w\-. @]{0,60}?)[ \t]*:(?:[ \t]+(.*?))?[ \t\r]*"),
    "=": re.compile(r"[ \t]*([A-Za-z_@][\w\-. @]{0,60}?)[ \t]*=[ \t]*(.*?)[ \t\r]*"),
}
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?", re.I)
#: what may follow a numeric date: a time, then a zone (offset, Z or letters such as PKT)
_TIME_TAIL = (
    r"(?:(?:[T ]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"\s*(?:Z|[+\-]\d{2}(?::?\d{2})?|[A-Za-z]{2,5})?)?"
)
_ISO_DATE = re.compile(r"\s*(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME_TAIL + r"\s*$")
_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})([-/.])(\d{1,2})\2(\d{4})" + _TIME_TAIL + r"\s*$")
#: earliest published date taken without a warning: older "news" is more likely a typo
EARLIEST_PUBLISHED = dt.date(1990, 1, 1)


def _date_error(value, why: str, file: str, line: int | None) -> FrontMatterError:
    # str() of a YAML alias bomb (nested lists) would take forever: name the type
    shown = repr(value[:40]) if isinstance(value, str) else f"of type {type(value).__name__}"
    return FrontMatterError(f"published {shown} {why}", file=file, line=line, column="published")


def parse_published_date(value, file: str = "", line: int | None = None) -> dt.date:
    """Turn a ``published`` value into a date: the local date as written.

    Accepts a ``date``/``datetime``; ISO ``YYYY-MM-DD`` (or with ``/`` or
    ``.``) optionally followed by a time and zone; written forms with a
    month name and a four-digit year (``March 19, 2025``, ``19 Mar 2025``,
    ``Wednesday, March 19, 2025 10:22 PKT``), read by dateutil; numeric
    ``D/M/YYYY`` or ``M/D/YYYY`` only when one of the two is above 12 (or
    both are equal), since ``03/04/2025`` is a different day in Lahore and
    in New York.

    Raises
    ------
    FrontMatterError
        When the value is not such a date, or is ambiguous.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) > 80:
        raise _date_error(value, "is not a date; use YYYY-MM-DD", file, line)
    numeric = _NUMERIC_DATE.match(value)
    if numeric and int(numeric[1]) <= 12 and int(numeric[3]) <= 12 and int(numeric[1]) != int(numeric[3]):
        # never a guess: 03/04/2025 is 3 April in Lahore and 4 March in New York
        raise _date_error(value, "is ambiguous (day/month or month/day?); use YYYY-MM-DD or a month name", file, line)
    try:
        m = _ISO_DATE.match(value)
        if m:
            return dt.date(int(m[1]), int(m[3]), int(m[4]))
        if numeric:
            a, b, year = int(numeric[1]), int(numeric[3]), int(numeric[4])
            day, month = (a, b) if a > 12 else (b, a)
            return dt.date(year, month, day)
        if _MONTH_NAME.search(value) and re.search(r"(?<!\d)\d{4}(?!\d)", value):
            return _written_date(value)
    except ValueError:
        pass
    raise _date_error(value, "is not a date; use YYYY-MM-DD or a form such as 'March 19, 2025'", file, line)


def _written_date(value: str) -> dt.date:
    """A date with a month name, read by dateutil (pandas' own dependency, so
    no new package); parsed with two different defaults so that a missing day
    (``March 2025``) is refused rather than filled in."""
    import warnings

    from dateutil import parser

    got = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown zone names such as PKT: the date as written is what we keep
        for default in (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2)):
            try:
                got.append(parser.parse(value, default=default, ignoretz=True).date())
            except (ValueError, OverflowError) as err:
                raise ValueError(str(err)) from None
    if got[0] != got[1]:
        raise ValueError("incomplete date")
    return got[0]


def _date_doubt(day: dt.date, written: dt.date | None) -> str | None:
    """Why a published date looks wrong, or None."""
    if day < EARLIEST_PUBLISHED:
        return f"published {day.isoformat()} is before {EARLIEST_PUBLISHED.year}; kept, check it"
    latest = (written or dt.datetime.now(dt.timezone.utc).date()) + dt.timedelta(days=1)  # a day of time zones
    if day > latest:
        when = f"the file was last written ({written.isoformat()})" if written else "today"
        return f"published {day.isoformat()} is later than {when}; kept, check it"
    return None


def _loose_lines(raw: str, sep: str, first_line: int) -> tuple[dict, list[int]]:
    """``key: value`` lines of front matter that is not valid as a whole,
    split at the first separator; indented lines continue the value above.
    Returns the mapping and the lines that were neither."""
    meta: dict = {}
    bad: list[int] = []
    last = None
    for i, line in enumerate(raw.split("\n"), start=first_line):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _KV_LINE[sep].fullmatch(line)
        if m and not line[:1].isspace():
            last = m[1].strip()
            meta.setdefault(last, _unquote(m[2] or ""))
        elif last is not None and line[:1].isspace() and meta.get(last) is not None:
            meta[last] = f"{meta[last]} {_unquote(line.strip())}".strip()
        else:
            bad.append(i)
    return {k: (v if v != "" else None) for k, v in meta.items()}, bad


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    if not value:
        return value
    if value[0] in "\"'" and value.count(value[0]) == 1:  # an unbalanced opening quote
        return value[1:].strip()
    if value[-1] in "\"'" and value.count(value[-1]) == 1:
        return value[:-1].strip()
    return value


def split_front_matter(text: str, file: str = "", notes: list | None = None) -> tuple[dict, str, int]:
    """Split optional front matter off ``text``: YAML between ``---`` lines,
    or TOML between ``+++`` lines (Hugo).

    Front matter that is not valid as a whole is read as ``key: value`` lines
    (split at the first colon); when not even that works the text is read
    without metadata. Either way a warning ``(line, column, reason)`` is
    appended to ``notes``: the article is never rejected for its metadata.

    Returns
    -------
    (meta, body, body_line)
        ``meta`` has only string keys; ``body_line`` is the 1-based line
        where the body starts.
    """
    notes = [] if notes is None else notes
    m = _FM_OPEN.match(text)
    if not m:
        return {}, text, 1
    fence = m[1]
    close = _FM_CLOSE[fence].search(text, m.end())
    if not close:
        # a scraper that forgot the closing fence, or a body opening with a rule: the leading lines
        # naming a field we read (title:, published: ...) are the metadata, the rest is the body
        meta, at = {}, m.end()
        kv = _KV_LINE[":" if fence == "---" else "="]
        for line in text[m.end() :].splitlines(keepends=True):
            got = kv.fullmatch(line.rstrip("\r\n"))
            if not got or _norm_key(got[1]) not in _ALIAS_FIELD:
                break
            meta.setdefault(got[1].strip(), _unquote(got[2] or "") or None)
            at += len(line)
        body = text[at:]
        if meta:
            while body[:1] in ("\r", "\n") and body:  # the blank line after them
                body = body[1:]
            at = len(text) - len(body)
        said = "read its leading field lines as metadata" if meta else "the text is read without metadata"
        notes.append((1, None, f"front matter opened with '{fence}' but never closed; {said}"))
        return meta, body, text.count("\n", 0, at) + 1
    raw = text[m.end() : close.start()]
    body = text[close.end() :].lstrip("\r\n")
    body_line = text.count("\n", 0, close.end()) + 2
    meta, line, problem = _load_front_matter(raw, fence)
    if problem is None:
        return {str(k): v for k, v in meta.items()}, body, body_line
    sep = ":" if fence == "---" else "="
    meta, bad = _loose_lines(raw, sep, 2)
    if meta:
        skipped = f"; lines {', '.join(map(str, bad[:5]))} skipped" if bad else ""
        notes.append((line, None, f"front matter is not valid {problem}; read as 'key{sep} value' lines{skipped}"))
        return meta, body, body_line
    notes.append((line, None, f"front matter is not valid {problem}; the text is read without metadata"))
    return {}, body, body_line


def _load_front_matter(raw: str, fence: str) -> tuple[dict, int, str | None]:
    """``(meta, line, problem)``: the parsed mapping, or the line where and
    why the parser failed (``problem`` None when it did not)."""
    if not raw.strip():
        return {}, 2, None
    if fence == "+++":
        import tomllib

        try:
            return tomllib.loads(raw.replace("\r\n", "\n")), 2, None
        except tomllib.TOMLDecodeError as err:
            return {}, 2 + max(getattr(err, "lineno", 1) - 1, 0), f"TOML ({str(err).split(' (at')[0]})"
    try:
        meta = yaml.load(raw, Loader=_FrontMatterLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        return {}, line, f"YAML ({getattr(err, 'problem', None) or 'invalid'})"
    except (ValueError, TypeError, RecursionError) as err:  # unhashable keys, very deep nesting
        return {}, 2, f"YAML ({type(err).__name__})"
    if meta is None:
        return {}, 2, None
    if not isinstance(meta, dict):
        return {}, 2, f"YAML (a {type(meta).__name__}, not a mapping of {', '.join(FRONT_MATTER_KEYS)})"
    return meta, 2, None


def _key_line(text: str, key: str | None, body_line: int) -> int:
    """1-based line of ``key:`` (or ``key =``) in the front matter (line 1 when not found)."""
    if key:
        head = text.split("\n", body_line - 1)[: body_line - 1]
        for i, raw in enumerate(head, start=1):
            if re.match(rf"\s*['\"]?{re.escape(key)}['\"]?\s*[:=]", raw):
                return i
    return 1


def _meta_fields(meta: dict, text: str, body_line: int, written: dt.date | None, notes: list) -> dict:
    """The fields of ``meta`` under any of their names (:data:`FIELD_ALIASES`);
    a value that cannot be used is a warning in ``notes`` and left out."""
    got: dict = {}
    said: dict = {}  # field -> key it came from
    for key, value in meta.items():
        name = _ALIAS_FIELD.get(_norm_key(key))
        if name is None or value is None or value == "":
            continue
        line = _key_line(text, key, body_line)
        if name == "published":
            try:
                value = parse_published_date(value)
            except FrontMatterError as err:
                notes.append(
                    (line, key, err.reason.replace("published ", f"{key} ", 1) + "; no published date from it")
                )
                continue
        elif isinstance(value, (dict, list)):
            notes.append((line, key, f"{key} must be text, got {type(value).__name__}; ignored"))
            continue
        else:
            value = str(value).strip()
            if not value:
                continue
        if name in got:
            if got[name] != value:
                notes.append(
                    (
                        line,
                        key,
                        f"{key} {str(value)[:60]!r} disagrees with {said[name]} {str(got[name])[:60]!r}; "
                        f"kept {said[name]}",
                    )
                )
            continue
        got[name], said[name] = value, key
        if name == "published":
            doubt = _date_doubt(value, written)
            if doubt:
                notes.append((line, key, doubt))
    return got


def article_from_text(
    text: str,
    doc_id: str,
    path: str = "",
    line: int | None = None,
    report: Report | None = None,
    written: dt.date | None = None,
) -> Article:
    """Build an :class:`Article` from text with optional front matter.

    Problems of the metadata are warnings in ``Article.notes`` (reported by
    :func:`_checked`), never a rejection. ``written``: the day the file was
    last written, against which a published date in the future is doubted
    (default today).

    Raises
    ------
    ArticleError
        When there is no text.
    """
    notes: list = []
    meta, body, body_line = split_front_matter(text, file=path, notes=notes)
    fields = _meta_fields(meta, text, body_line, written, notes)
    if not body.strip():
        what = "article has front matter but no text" if body != text else "article has no text"
        raise ArticleError(what, file=path, line=line)
    if line is not None:
        notes = [(line, col, why) for _, col, why in notes]
    return Article(
        doc_id=doc_id,
        text=body,
        title=fields.get("title", ""),
        source=fields.get("source", ""),
        published=fields.get("published"),
        url=fields.get("url", ""),
        path=path,
        line=line,
        notes=notes,
    )


# -------------------------------------------------------------- file kinds


def _html_article(text: str, doc_id: str, path: str) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True)
    except Exception as err:  # trafilatura raises many kinds on odd markup
        raise ArticleError(f"HTML could not be parsed: {type(err).__name__}", file=path) from None
    if doc is None:
        raise ArticleError("HTML has no main text", file=path)
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    body = get("text") or ""
    if not body.strip():
        raise ArticleError("HTML has no main text", file=path)
    published = None
    if get("date"):
        try:
            published = parse_published_date(str(get("date")), file=path)
        except FrontMatterError:
            published = None
    return Article(
        doc_id=doc_id,
        text=body,
        title=str(get("title") or ""),
        source=str(get("sitename") or get("hostname") or ""),
        published=published,
        url=str(get("url") or ""),
        path=path,
    )


def _jsonl_lines(fh, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` of a JSON-lines file, split on ``\\n`` only.

    A line longer than ``max_bytes`` is yielded as ``None`` and skipped
    without ever being held in memory whole.
    """
    lineno = 0
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while True:  # drop the rest of the over-long line
                chunk = fh.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, raw


def _jsonl_article(raw: bytes, lineno: int, stem: str, path: str) -> Article:
    """The article of one JSON line; raises ArticleError/FrontMatterError."""
    if b"\x00" in raw:
        raise ArticleError("line holds NUL bytes (binary); expected a UTF-8 JSON object", file=path, line=lineno)
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as err:
        # JSON text is UTF-8 (RFC 8259): no guessing here
        raise ArticleError(
            f"line is not UTF-8 (byte 0x{raw[err.start]:02x}); JSON lines must be UTF-8", file=path, line=lineno
        ) from None
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as err:
        raise ArticleError(
            f"line is not valid JSON: {err}{_json_lines_hint(line, err)}", file=path, line=lineno
        ) from None
    if isinstance(obj, list) and any(isinstance(o, dict) for o in obj):
        # json.dump of a list saved as .jsonl: its articles were one rejected line, their number unsaid
        objects = sum(isinstance(o, dict) for o in obj)
        raise ArticleError(
            f"line is a JSON array of {objects} object(s), none read: JSON lines hold one article object per "
            "line; write each on a line of its own (e.g. jq -c '.[]' FILE)",
            file=path,
            line=lineno,
        )
    if not isinstance(obj, dict):
        raise ArticleError("line must be a JSON object with title/source/published/url/text", file=path, line=lineno)
    return record_article(obj, lineno, stem, path, "JSON object")


def _json_lines_hint(line: str, err: Exception) -> str:
    """What a line that is not JSON most likely is, when it is one of two
    shapes a careless save gives: one line of an object written over several
    (``json.dump(obj, indent=2)``), or several objects on one line (line
    ends of carriage returns only, an old Mac's, which JSON lines do not
    split on). Each was rejected line by line, the reason unsaid."""
    bare = line.strip()
    if bare in ("{", "[", "}", "]", "},", "],") or re.match(r'"(?:[^"\\]|\\.)*"\s*:', bare):
        return (
            " (a line of one object written over several lines, as json.dump(..., indent=2) writes it? "
            "JSON lines hold one object per line: e.g. jq -c . FILE)"
        )
    if not (isinstance(err, json.JSONDecodeError) and err.msg == "Extra data"):
        return ""
    values, at, decoder = 0, 0, json.JSONDecoder()
    while True:
        while at < len(line) and line[at] in " \t\r\n":
            at += 1
        if at >= len(line):
            break
        try:
            _, at = decoder.raw_decode(line, at)
        except (ValueError, RecursionError):
            return ""
        values += 1
    ends = "; its lines end in carriage returns only (convert them: tr '\\r' '\\n')" if "\r" in line else ""
    return f" ({values} JSON values on one line, none read: JSON lines hold one object per line{ends})"


def _json_kind(value) -> str:
    """What a JSON or Parquet value is, in words: ``a list of 3 items``."""
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} item(s)"
    if isinstance(value, dict):
        return f"an object with {len(value)} key(s)"
    return f"of type {type(value).__name__} ({str(value)[:20]!r})"


def record_article(rec: dict, line: int, stem: str, path: str, what: str, notes: list | None = None) -> Article:
    """The article of one record of fields (a JSON line, a Parquet row).

    Metadata never rejects a record, as it never rejects a file: a
    ``published`` that cannot be read or is ambiguous, or a title, source or
    url that is not text, is a warning in ``Article.notes`` naming the
    record's line and key, and the record is read without it (they rejected
    it whole, its incidents lost, while the same date in front matter was a
    warning). A date before 1990 or after tomorrow is kept with a warning,
    as in front matter (a record has no modification time of its own).

    Parameters
    ----------
    rec : dict
        ``text`` (required), ``title``, ``source``, ``url``, ``published``, ``id``.
    line : int
        1-based line or row number, for reports and the default id
        ``STEM:LINE``.
    what : str
        What a record is called in the error of a missing text.
    notes : list, optional
        Warnings its reader already had about it (``(line, column, reason)``).

    Raises
    ------
    ArticleError
        The record has no text.
    """
    body = rec.get("text")
    if not isinstance(body, str) or not body.strip():
        given = body is not None and not isinstance(body, str)
        # a list of paragraphs or a number was said to be no text at all
        why = f"has a 'text' that is {_json_kind(body)}, not text" if given else "has no 'text'"
        raise ArticleError(f"{what} {why}", file=path, line=line, column="text")
    notes = list(notes or [])
    text = {}
    for key in ("title", "source", "url"):
        if isinstance(rec.get(key), (dict, list)):
            notes.append((line, key, f"{key} must be text, got {type(rec[key]).__name__}; ignored"))
        else:
            text[key] = str(rec.get(key) or "")
    published, unread = None, b""
    if rec.get("published") not in (None, ""):
        try:
            published = parse_published_date(rec["published"], file=path, line=line)
        except FrontMatterError as err:
            notes.append((line, "published", err.reason + "; no published date from it"))
            # told apart by what was written: two records differing only in a date not read are two
            unread = b"\x1f" + repr(rec["published"]).encode("utf-8", "surrogatepass")
        else:
            doubt = _date_doubt(published, None)  # as in front matter: a year typed wrong is kept, and said
            if doubt:
                notes.append((line, "published", doubt))
    given = rec.get("id")
    if isinstance(given, (dict, list, bool)) or (isinstance(given, str) and given and not given.strip()):
        # an id of blanks or a list became the doc_id as written ('   ', "['a']"): drafts no one can cite
        shown = repr(given) if isinstance(given, str) else _json_kind(given)
        notes.append((line, "id", f"id {shown} is no id; the record is {stem}:{line}"))
        given = None
    doc_id = str(given) if given not in (None, "") else f"{stem}:{line}"
    digest = hashlib.sha1()
    for part in (
        "" if given in (None, "") else doc_id,
        body,
        *(rec.get(k) for k in ("title", "source", "url")),
    ):
        digest.update(str(part or "").encode("utf-8", "surrogatepass") + b"\x1f")
    digest.update(str(published or "").encode() + unread)
    return Article(
        doc_id=doc_id,
        text=body,
        title=text.get("title", ""),
        source=text.get("source", ""),
        published=published,
        url=text.get("url", ""),
        path=path,
        line=line,
        key=digest.hexdigest(),
        notes=notes,
    )


def _jsonl_articles(p: Path, report: Report, max_bytes: int, stem: str | None = None) -> Iterator[Article]:
    """Articles of a JSON-lines file, one per line; the cap applies per line,
    so a large feed is streamed rather than refused."""
    path = str(p)

    def reject(err: ArticleError) -> None:
        report.count(counts.ARTICLES_READ)
        report.add_error(err)
        report.count(counts.ARTICLES_REJECTED)

    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):
            raise ArticleError("not a regular file (a pipe, socket or device); articles are read from files", file=path)
        fh = open(p, "rb")
    except OSError as err:
        report.count(counts.ARTICLES_READ)
        report.add("rejected", path, None, None, f"cannot read: {err.strerror or err}")
        report.count(counts.ARTICLES_REJECTED)
        return
    except ArticleError as err:
        reject(err)
        return
    records = 0
    with fh:
        head = fh.read(8192)
        if b"\x00" in head:
            wide = _wide_encoding(head)  # JSON text is UTF-8 (RFC 8259): said, not decoded
            why = f"file is {_upper_codec(wide)}; JSON lines must be UTF-8" if wide else "binary file (NUL bytes)"
            reject(ArticleError(f"{why}; expected UTF-8 text" if not wide else f"{why}: save it as UTF-8", file=path))
            return
        fh.seek(0)
        for lineno, raw in _jsonl_lines(fh, max_bytes):
            if raw is None:
                records += 1
                reject(
                    ArticleError(
                        f"line is above the cap of {max_bytes / 2**20:.1f} MiB for one article", file=path, line=lineno
                    )
                )
                continue
            if not raw.strip() or raw.strip() == b"\xef\xbb\xbf":
                continue
            records += 1
            try:
                art = _jsonl_article(raw, lineno, stem or name_text(p.stem), path)
            except ArticleError as err:
                reject(err)
                continue
            report.count(counts.ARTICLES_READ)
            yield _checked(art, report)
    if records == 0:
        reject(ArticleError("empty file (no text)", file=path))


def _checked(art: Article, report: Report) -> Article:
    """Count ``art`` as used; take NUL characters out of it and warn when
    relative dates cannot be anchored. ``art.checked_problems`` is how
    many problems this added (see :func:`own_problems_start`)."""
    report.count(counts.ARTICLES_USED)
    before = len(report.problems)
    for line, column, reason in art.notes:
        report.add("warning", art.path, line, column, reason, value=art.doc_id)
    fields = [k for k in ("doc_id", "text", "title", "source", "url") if "\x00" in getattr(art, k)]
    if fields:
        # a NUL past the first 8 KB of a file, or "\u0000" in a JSON string: the excerpt carried it into
        # the drafts CSV, which `geomap accept` then refused whole as a binary file
        at = art.text.find("\x00")
        where = f" (the first on line {art.text.count(chr(10), 0, at) + 1} of the text)" if at >= 0 else ""
        for k in fields:
            setattr(art, k, getattr(art, k).replace("\x00", ""))
        report.add(
            "warning",
            art.path,
            art.line,
            fields[0] if len(fields) == 1 else None,
            f"NUL characters removed from the {', '.join(fields)}{where}: a drafts CSV holding them is a binary "
            "file to geomap accept and to spreadsheets",
            value=art.doc_id,
        )
    if art.published is None:
        report.add(
            "warning",
            art.path,
            art.line,
            "published",
            "no published date: relative dates ('on Sunday', 'last week') are ignored, only explicit dates are used",
            value=art.doc_id,
        )
    art.checked_problems = len(report.problems) - before
    return art


def read_file(
    path: str | os.PathLike, report: Report, max_bytes: int = DEFAULT_MAX_BYTES, doc_id: str | None = None
) -> Iterator[Article]:
    """Yield the article(s) of one file, reporting what cannot be used.

    ``doc_id``: the article's id (default the file name without extension);
    for JSON lines, what stands for the file in ``<file>:<line>`` ids.
    """
    p = Path(path)
    doc_id = doc_id or name_text(p.stem)
    spath = str(p)
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_articles(p, report, max_bytes, doc_id)  # lines are articles
        return
    if suffix in PARQUET_SUFFIXES:
        # rows are articles: a Parquet file in a folder was read with --jobs but rejected here as an
        # unsupported type, so the two runs gave other drafts and counts; one reader serves both
        from ..parallel.inputs import parquet_file_articles

        yield from parquet_file_articles(spath, report)
        return
    if suffix not in SUFFIXES:
        report.count(counts.ARTICLES_READ)
        report.add(
            "rejected",
            spath,
            None,
            None,
            f"unsupported file type {suffix or '(none)'!r}; allowed: {', '.join(SUFFIXES + PARQUET_SUFFIXES)}",
        )
        report.count(counts.ARTICLES_REJECTED)
        return
    data = _read_bytes(p, report, max_bytes, count=True)
    if data is None:
        return
    try:
        text, encoding = decode_bytes(data, file=spath)
        if encoding != "utf-8":
            said = (
                f"file is {_upper_codec(encoding)}; read as such"
                if "byte-order mark" in encoding
                else f"not UTF-8{_first_bad_byte(data)}; decoded as {encoding}"
            )
            report.add("warning", spath, None, None, said)
        if suffix in HTML_SUFFIXES:
            art = _html_article(text, doc_id, spath)
        else:
            art = article_from_text(text, doc_id, path=spath, written=_written_day(p))
    except ArticleError as err:
        report.add_error(err)
        report.count(counts.ARTICLES_REJECTED)
        return
    yield _checked(art, report)


def _written_day(p: Path) -> dt.date | None:
    """The (UTC) day ``p`` was last modified, or None when unknown."""
    try:
        return dt.datetime.fromtimestamp(p.stat().st_mtime, dt.timezone.utc).date()
    except (OSError, ValueError, OverflowError):
        return None


def _read_bytes(p: Path, report: Report, max_bytes: int, count: bool) -> bytes | None:
    report.count(counts.ARTICLES_READ)
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
            raise ArticleError(
                "not a regular file (a pipe, socket or device); articles are read from files", file=str(p)
            )
        size = st.st_size
        if size > max_bytes:
            # checked before reading: a huge file never reaches memory
            raise ArticleError(
                f"file is {size / 2**20:.1f} MiB, above the cap of "
                f"{max_bytes / 2**20:.1f} MiB for one article file; split it "
                "into smaller files",
                file=str(p),
            )
        return p.read_bytes()
    except OSError as err:
        report.add("rejected", str(p), None, None, f"cannot read: {err.strerror or err}")
    except ArticleError as err:
        report.add_error(err)
    report.count(counts.ARTICLES_REJECTED)
    return None


class LinkedPath(str):
    """An articles path whose symbolic links are followed: what
    ``--follow-links`` hands to :func:`iter_articles` (see :func:`follow_links`)."""


def follow_links(paths: Iterable[str | os.PathLike]) -> list[LinkedPath]:
    """``paths`` marked so that links inside them are followed."""
    return [LinkedPath(os.fspath(p)) for p in paths]


def _reject(report: Report, path: Path, reason: str) -> None:
    """Count and report one path that is not read as an article."""
    report.count(counts.ARTICLES_READ)
    report.add("rejected", str(path), None, None, reason)
    report.count(counts.ARTICLES_REJECTED)


def broken_link(path: Path) -> str:
    """Why the symbolic link ``path`` leads nowhere: its target does not exist,
    or links lead round in a loop (``a -> b -> a``; that was said to be a
    target that does not exist, though ``ls`` shows it)."""
    import errno

    target = os.readlink(path)
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return f"symbolic link loop (to {target!r}, which leads back round; no file at the end)"
    return f"broken symbolic link (to {target!r}, which does not exist)"


def _folder_files(root: Path, report: Report, follow: bool) -> list[Path] | None:
    """Article candidates under ``root``, sorted, hidden ones and files known
    not to be articles (:func:`not_an_article`: reported as skipped) left out.

    A symbolic link is followed only with ``follow``: otherwise it is reported
    and counted (its target may lie outside the folder, e.g. ``/etc/passwd``);
    a broken link is reported either way. Pipes, sockets and devices are
    returned, so that :func:`read_file` reports them. Returns ``None`` when
    the folder has nothing at all to read or report.
    """
    files: list[Path] = []
    found = False
    seen = {os.path.realpath(root)}
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            found = True
            _reject(report, folder, f"folder cannot be read: {err.strerror or err}")
            continue
        names = {e.name for e in entries}
        if CURRENT in names:
            # a build's output folder: with --follow-links its map.html was read as an article, the
            # page's own excerpts becoming drafts again
            found = True
            skip(report, folder, "a geomap build's output folder (map.html, events.csv, ...), not articles")
            continue
        if "manifest.json" in names and any(n.startswith("part-") and n.endswith(".pkl") for n in names):
            # an interrupted run's checkpoint (geomap.parallel.store) beside the drafts in an articles
            # folder ('-o arts/d.csv' keeps it in arts/d.csv.checkpoint): its files were read as articles
            found = True
            skip(report, folder, "a geomap checkpoint folder (an interrupted extraction's partitions), not articles")
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                found = True
                target = os.readlink(path)
                if not path.exists():
                    _reject(report, path, broken_link(path))
                    continue
                if not follow:
                    _reject(
                        report,
                        path,
                        f"symbolic link not followed (to {target!r}); give --follow-links to read what links point to",
                    )
                    continue
            try:
                is_dir = entry.is_dir()  # follows the link: only reached when allowed
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(path)
                if real in seen:
                    found = True
                    _reject(report, path, "folder already read (a link loop or a second link to it); skipped")
                    continue
                seen.add(real)
                subdirs.append(path)
                continue
            why = not_an_article(entry.name)
            if why:
                skip(report, path, why)
                continue
            found = True
            files.append(path)
        stack.extend(reversed(subdirs))
    files.sort(key=lambda f: f.relative_to(root).parts)
    return files if found else None


def drop_repeated(files: list[Path], report: Report) -> list[Path]:
    """``files`` with each file once: the first time it is named.

    One file named twice (a file and its folder, a symbolic link to it, two
    links, ``a/../a/x.md``) is one article: it was read as two, under two
    doc_ids, and each of its events became two drafts. The repeats are
    reported and counted (read and rejected), naming the first. Files are
    the same when the system says so (device and inode: hard links too).
    """
    first: dict[object, Path] = {}
    kept: list[Path] = []
    for f in files:
        try:
            st = os.stat(f)
            key: object = (st.st_dev, st.st_ino)
        except OSError:  # read_file reports it
            key = os.path.realpath(f)
        if key in first:
            again = "named more than once" if str(first[key]) == str(f) else f"the same file as {first[key]}"
            _reject(report, f, f"{again} (given twice, through a folder or a link): read once")
            continue
        first[key] = f
        kept.append(f)
    return kept


def name_text(name: str) -> str:
    """A file name as text that can be written: the bytes of a name that is
    not UTF-8 (an old archive's Latin-1 ``caf\\xe9.md``; Python keeps them as
    lone surrogates) written ``\\xNN``. The drafts CSV of such a file's
    doc_id failed to encode, a traceback after the whole extraction (as
    the reports do: :func:`geomap.report.writable_text`)."""
    return writable_text(name)


def report_renamed(ids: dict[Path, str], report: Report) -> None:
    """Warn of each file whose doc_id is not its bare name (see :func:`unique_doc_ids`)."""
    for f, doc_id in ids.items():
        if doc_id != name_text(f.stem):
            report.add(
                "warning",
                str(f),
                None,
                None,
                f"another article file is also named {f.stem!r}: doc_id {doc_id!r} (and its source id) tell them apart",
                value=doc_id,
            )


def unique_doc_ids(files: list[Path]) -> dict[Path, str]:
    """The ``doc_id`` of each file: its name without extension when that is
    unique, else the shortest tail of its path that is.

    Unique means unique as a source id too (:func:`geomap.drafts.source_for`
    slugs the id and cuts it at 60 characters), so that two articles never
    share a source. Decided from all the files at once: the same files get the
    same ids whatever order they are read in. A tail still too long is cut
    and given a hash of the whole path.
    """
    from geomap.drafts import _slug

    def tail(f: Path, k: int) -> str:
        return name_text("/".join(f.with_suffix("").parts[-k:]))

    ids = {f: name_text(f.stem) for f in files}
    groups: dict[str, list[Path]] = {}
    for f in files:
        groups.setdefault(_slug(ids[f]), []).append(f)
    for group in groups.values():
        if len(group) < 2:
            continue
        for k in range(2, max(len(f.parts) for f in group) + 1):
            names = [tail(f, k) for f in group]
            if len({_slug(n) for n in names}) == len(names):
                break
        for f, name in zip(group, names):
            if len({_slug(n) for n in names}) < len(names) or len(_slug(name)) >= 60:
                digest = hashlib.sha1(os.fsencode(f.resolve())).hexdigest()[:8]
                name = f"{_slug(name)[:48]}-{digest}"
            ids[f] = name
    return ids


def iter_articles(
    paths: Iterable[str | os.PathLike], report: Report, max_bytes: int = DEFAULT_MAX_BYTES, follow_links: bool = False
) -> Iterator[Article]:
    """Yield the usable articles under ``paths`` (files or folders, recursively).

    Hidden files and folders (``.name``) are skipped; so are, inside
    folders, files known not to be articles (``README*``, ``notes.txt``, a
    ``gold.csv``: :func:`not_an_article`), each with a ``skipped`` line,
    counted as ``files_skipped``; such a file named on its own is read.
    Symbolic links inside folders are reported and counted, not followed,
    unless ``follow_links`` (or the path is a :class:`LinkedPath`). Missing
    paths, empty folders, broken links, pipes and unusable files go to
    ``report``; counts ``articles_read``, ``articles_used`` and
    ``articles_rejected`` add up. Each article's ``doc_id`` is unique in the
    run (see :func:`unique_doc_ids`).
    """
    files: list[Path] = []
    for path in paths:
        p = Path(path)
        follow = follow_links or isinstance(path, LinkedPath)
        if p.is_dir():
            found = _folder_files(p, report, follow)
            if found is None:
                report.add("rejected", str(p), None, None, "empty folder: no article files")
                report.count(counts.FOLDERS_EMPTY)
                continue
            files.extend(found)
        elif p.exists():
            files.append(p)
        elif p.is_symlink():
            _reject(report, p, broken_link(p))
        else:
            _reject(report, p, "no such file or folder")
    files = drop_repeated(files, report)
    ids = unique_doc_ids(files)
    report_renamed(ids, report)
    run = RunArticles()
    for f in files:
        for art in read_file(f, report, max_bytes, doc_id=ids[f]):
            doc_id = run.admit(art.doc_id, art.path, art.line, record_key(art), report, own_problems_start(art, report))
            if doc_id is not None:
                art.doc_id = doc_id
                yield art


def record_key(art: Article) -> str | None:
    """What makes two records (JSON lines, Parquet rows) one article: the same
    id (or none), text, title, source, published date and url, as
    :func:`record_article` digested them. Two ids are two articles, as the
    feed says. None for an article file: files are one when the system says
    so (:func:`drop_repeated`)."""
    return art.key


def own_problems_start(art: Article, report: Report) -> int:
    """Where, in ``report.problems``, the problems of reading ``art`` begin,
    just after a reader yielded it: the last ``art.checked_problems`` ones, which
    :func:`_checked` added, the last thing before the yield."""
    return len(report.problems) - art.checked_problems


class RunArticles:
    """The checks on the articles of one run that no single file can make:
    records repeated (:func:`record_key`) and doc_ids given twice.

    :func:`iter_articles` calls :meth:`admit` on each article as it is read;
    :mod:`geomap.parallel` calls it on the partitions' articles in input
    order, so that both give the same drafts, problems and counts.
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.first: dict[str, str] = {}

    def admit(
        self, doc_id: str, path: str, line: int | None, key: str | None, report: Report, start: int
    ) -> str | None:
        """The doc_id the article is read under, or None for a repeat.

        A repeated record is read once: its problems from ``start`` on (what
        reading it said) are replaced by one ``rejected`` line naming the
        first, and it is counted rejected instead of used. A doc_id already
        taken (as a source id) gets a tail, with a warning.
        """
        from geomap.drafts import _slug

        if key is not None:
            first = self.first.get(key)
            if first is not None:
                del report.problems[start:]
                report.add(
                    "rejected",
                    path,
                    line,
                    None,
                    f"the same record as {first} (id, text, title, source, published and url alike): read once",
                    value=doc_id,
                )
                report.count(counts.ARTICLES_USED, -1)
                report.count(counts.ARTICLES_REJECTED)
                return None
            self.first[key] = f"{path}:{line}"
        slug = _slug(doc_id)
        if slug in self.taken:
            base = f"{doc_id}@{name_text(Path(path).stem)}:{line}" if line else doc_id
            n = 2
            new = base
            while _slug(new) in self.taken:
                digest = hashlib.sha1(f"{path}:{line}:{n}".encode()).hexdigest()[:8]
                new = f"{_slug(base)[:48]}-{digest}"
                n += 1
            report.add(
                "warning",
                path,
                line,
                "id",
                f"doc_id {doc_id!r} is already used by another article of this run; this one is {new!r}",
                value=new,
            )
            doc_id, slug = new, _slug(new)
        self.taken.add(slug)
        return doc_id
