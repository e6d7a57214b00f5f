"""Reading articles: files, folders, links, doc ids; text/markdown, HTML.

Front matter and published dates are read by :mod:`geomap.extract.frontmatter`,
JSON lines (and the fields of a Parquet row) by :mod:`geomap.extract.records`,
a file's bytes decoded by :mod:`geomap.extract.decoding`.

Every file that cannot be used is recorded in a :class:`~geomap.report.Report`
with its file, line and reason, and counted, so that
``articles_read == articles_used + articles_rejected`` always holds.
The parsers raise only :class:`~geomap.exc.ArticleError` and
:class:`~geomap.exc.FrontMatterError`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .. import counts
from ..exc import ArticleError, FrontMatterError
from ..outdir import CURRENT
from ..report import Report, writable_text
from .decoding import _first_bad_byte, _upper_codec, decode_bytes
from .frontmatter import _meta_fields, parse_published_date, split_front_matter

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
        # imported here: records builds on this module's Article and checks
        from .records import _jsonl_articles

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
    :func:`~geomap.extract.records.record_article` digested them. Two ids are two articles, as the
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
