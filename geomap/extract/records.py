"""Records: articles given as fields rather than files, one JSON line or Parquet row each.

A JSON-lines file is streamed line by line (the size cap applies per line);
each record becomes an :class:`~geomap.extract.reading.Article` through
:func:`record_article`, which :mod:`geomap.parallel.inputs` also uses for
Parquet rows. A bad line is rejected with its line number; the rest of the
file is read.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
from pathlib import Path
from typing import Iterator

from .. import counts
from ..exc import ArticleError, FrontMatterError
from ..report import Report
from .decoding import _upper_codec, _wide_encoding
from .frontmatter import _date_doubt, parse_published_date
from .reading import Article, _checked, name_text


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
