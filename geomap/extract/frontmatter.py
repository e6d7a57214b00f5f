"""Front matter and published dates: the metadata before an article's text.

YAML between ``---`` lines or TOML between ``+++`` lines (Hugo), its fields
under the names scrapers give them (:data:`FIELD_ALIASES`), and the
``published`` date in the forms news sites write it. Metadata never rejects
an article: what cannot be used is a warning ``(line, column, reason)``
appended to the caller's notes (reported by
:func:`geomap.extract.reading.read_file`).
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from ..exc import FrontMatterError

#: libyaml's safe loader when PyYAML was built with it: the pure-Python one
#: spent about a tenth of extraction time reading front matter.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
