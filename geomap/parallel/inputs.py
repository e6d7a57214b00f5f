"""Inputs at archive scale: planning deterministic partitions and reading them.

A *plan* lists every article source in the order :func:`geomap.extract.reading.iter_articles`
reads them (paths in the order given, folders sorted recursively), cut into
:class:`Partition` objects: runs of small files, byte ranges of a large
JSON-lines shard (cut after a newline), row-group ranges of a Parquet file.
Concatenating the articles of the partitions in plan order gives exactly the
articles of a single-process run, so results can be put back in that order.

Local paths are read by :mod:`geomap.extract.reading` itself; ``scheme://`` paths
(``s3://``, ``gs://``, ``https://``, ``memory://``) go through fsspec and the
same parsers. Parquet files hold one article per row with the columns
``text`` (required), ``published``, ``title``, ``source``, ``url``, ``id``.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Iterator

from .. import counts
from ..exc import ArticleError
from ..extract.reading import (
    DEFAULT_MAX_BYTES,
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    SUFFIXES,
    Article,
    LinkedPath,
    _folder_files,
    broken_link,
    drop_repeated,
    name_text,
    not_an_article,
    read_file,
    report_renamed,
    skip,
    unique_doc_ids,
)
from ..extract.records import record_article
from ..report import Report
from .base import MissingDependency

#: Largest partition (bytes of input); smaller when the input is small so
#: that every worker gets several partitions (see :func:`block_size`).
MAX_BLOCK = 64 * 2**20
MIN_BLOCK = 256 * 2**10
#: Aim for at least this many partitions: load balance on 64 workers.
TARGET_PARTITIONS = 64


@dataclass(frozen=True)
class Unit:
    """One readable piece: a whole file, a byte range of a JSON-lines file
    (``start``/``end`` bytes, ``first_line`` the line number at ``start``) or
    a row-group range of a Parquet file (``start``/``end`` row groups,
    ``first_line`` the 1-based row number of the first row)."""

    path: str
    kind: str  #: "file", "jsonl-range", "parquet"
    size: int = 0
    mtime: float = 0.0
    start: int = 0
    end: int = 0
    first_line: int = 1
    #: The article's id for a whole local file, unique in the run
    #: (:func:`geomap.extract.reading.unique_doc_ids`, decided over every file).
    doc_id: str = ""


@dataclass
class Partition:
    """A unit of work: its place in the plan, what to read, and problems
    found while planning (missing paths, empty folders) reported in order."""

    index: int
    units: list[Unit] = field(default_factory=list)
    report: Report = field(default_factory=Report)

    @property
    def nbytes(self) -> int:
        return sum(u.end - u.start if u.kind == "jsonl-range" else u.size for u in self.units)

    def key(self) -> str:
        """Fingerprint of what this partition reads (paths, sizes, times, ranges)."""
        h = hashlib.sha256()
        for u in self.units:
            h.update(repr((u.path, u.kind, u.size, u.mtime, u.start, u.end, u.first_line)).encode())
        return h.hexdigest()[:16]


def is_url(path: str) -> bool:
    """A ``scheme://`` path read through fsspec (``file://`` included)."""
    return "://" in str(path)


def block_size(total_bytes: int) -> int:
    """Partition size for an input of ``total_bytes``: ~:data:`TARGET_PARTITIONS`
    partitions, between :data:`MIN_BLOCK` and :data:`MAX_BLOCK` bytes. It
    depends on the input only, so a resumed run makes the same plan."""
    return max(MIN_BLOCK, min(MAX_BLOCK, total_bytes // TARGET_PARTITIONS or 1))


# ------------------------------------------------------------------ planning


def plan(paths, block: int | None = None) -> list[Partition]:
    """Cut the inputs under ``paths`` into partitions (see the module docstring).

    Parameters
    ----------
    paths : list of str
        Files, folders, glob patterns (``shards/*.jsonl``), ``scheme://`` URLs.
    block : int, optional
        Partition size in bytes (default :func:`block_size` of the total).
    """
    entries: list[Unit | Report] = []
    for path in paths:
        entries.extend(_expand(path))
    entries, named = _name_files(entries)
    # problems in iter_articles' order: the whole walk, the renamed files, then reading
    entries = [e for e in entries if isinstance(e, Report)] + [named] + [e for e in entries if isinstance(e, Unit)]
    total = sum(e.size for e in entries if isinstance(e, Unit))
    block = block or block_size(total)
    parts: list[Partition] = []
    current: Partition | None = None

    def new() -> Partition:
        parts.append(Partition(len(parts)))
        return parts[-1]

    for e in entries:
        if isinstance(e, Report):
            current = current if current is not None and not current.units else new()
            current.report.extend(e)
            continue
        pieces = _split(e, block)
        if len(pieces) > 1 or e.size >= block:
            for piece in pieces:
                new().units.append(piece)
            current = None
            continue
        if current is None or (current.units and current.nbytes + e.size > block):
            current = new()
        current.units.extend(pieces)
    return parts


def _name_files(entries: list[Unit | Report]) -> tuple[list[Unit | Report], Report]:
    """``entries`` with each whole local file given the doc_id
    :func:`~geomap.extract.reading.iter_articles` gives it: decided over all the
    files of the run, so that two ``index.md`` in different folders stay two
    articles in any partition. Also the warnings for renamed ones."""

    def local(e) -> bool:
        return isinstance(e, Unit) and e.kind == "file" and not is_url(e.path)

    warnings = Report()
    # one file named twice is read once (the same check, in the same order, as iter_articles)
    named = [(e, Path(e.path)) if local(e) else (e, None) for e in entries]
    once = {id(p) for p in drop_repeated([p for _, p in named if p is not None], warnings)}
    entries = [e for e, p in named if p is None or id(p) in once]
    ids = unique_doc_ids([Path(e.path) for e in entries if local(e)])
    report_renamed(ids, warnings)
    return [replace(e, doc_id=ids[Path(e.path)]) if local(e) else e for e in entries], warnings


def _expand(path) -> list[Unit | Report]:
    """The files of one path argument, as :func:`~geomap.extract.reading.iter_articles`
    would read them (the same folder walk: links reported unless followed);
    problems as Reports kept in order."""
    follow = isinstance(path, LinkedPath)
    path = str(path)
    if is_url(path):
        return _expand_url(path)
    if any(c in path for c in "*?[") and not os.path.exists(path):
        found = sorted(glob.glob(path, recursive=True))
        if not found:
            return [_problem(path, "no file matches this pattern", counts.ARTICLES_REJECTED)]
        return [u for f in found for u in _expand(LinkedPath(f) if follow else f)]
    p = Path(path)
    if p.is_dir():
        walked = Report()
        files = _folder_files(p, walked, follow)
        if files is None:
            return [walked, _problem(str(p), "empty folder: no article files", "folders_empty")]
        return [walked, *[_local_unit(f) for f in files]]
    if p.exists():
        return [_local_unit(p)]
    if p.is_symlink():
        return [_problem(str(p), broken_link(p), counts.ARTICLES_REJECTED)]
    return [_problem(str(p), "no such file or folder", counts.ARTICLES_REJECTED)]


def _problem(path: str, reason: str, counter: str) -> Report:
    r = Report()
    r.add("rejected", path, None, None, reason)
    if counter == counts.ARTICLES_REJECTED:
        r.count(counts.ARTICLES_READ)
    r.count(counter)
    return r


def _local_unit(p: Path) -> Unit:
    try:
        st = p.stat()
        return Unit(str(p), "file", st.st_size, st.st_mtime)
    except OSError:
        return Unit(str(p), "file")  # read_file reports it


def _fs(path: str):
    import fsspec

    return fsspec.core.url_to_fs(path)


def _expand_url(url: str) -> list[Unit | Report]:
    try:
        fs, root = _fs(url)
    except ImportError as err:
        return [
            _problem(
                url,
                f"cannot read this URL: {err} (install the fsspec filesystem package for its scheme, e.g. s3fs, gcsfs)",
                counts.ARTICLES_REJECTED,
            )
        ]
    proto = url.split("://", 1)[0]
    skipped = Report()

    def full(p: str) -> str:
        return p if "://" in p else f"{proto}://{p.lstrip('/') if proto == 'memory' else p}"

    try:
        if any(c in root for c in "*?["):
            found = sorted(fs.glob(root))
        elif fs.isdir(root):
            found = sorted(
                f
                for f in fs.find(root)
                if not any(
                    part.startswith(".")
                    for part in PurePosixPath(f).relative_to(PurePosixPath(fs._strip_protocol(root))).parts
                )
            )
            # as in a local folder: a README or a gold.csv is no article, said and counted
            articles = []
            for f in found:
                why = not_an_article(PurePosixPath(f).name)
                if why:
                    skip(skipped, full(f), why)
                else:
                    articles.append(f)
            found = articles
            if not found:
                return [skipped, _problem(url, "empty folder: no article files", "folders_empty")]
        elif fs.exists(root):
            found = [root]
        else:
            return [_problem(url, "no such file or folder", counts.ARTICLES_REJECTED)]
        units = []
        for f in found:
            info = fs.info(f)
            units.append(
                Unit(
                    full(f),
                    "file",
                    int(info.get("size") or 0),
                    float(info.get("mtime", 0) or 0)
                    if not hasattr(info.get("mtime"), "timestamp")
                    else info["mtime"].timestamp(),
                )
            )
        return ([skipped] if skipped.problems else []) + units
    except OSError as err:
        return [_problem(url, f"cannot read: {err}", counts.ARTICLES_REJECTED)]


def _split(u: Unit, block: int) -> list[Unit]:
    """Pieces of one file: row groups of Parquet, newline-aligned ranges of a
    local JSON-lines file larger than ``block``; other files stay whole."""
    suffix = PurePosixPath(u.path).suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        return _split_parquet(u, block)
    if suffix in JSONL_SUFFIXES and u.size > block and not is_url(u.path):
        return _split_jsonl(u, block)
    return [u]


def _pyarrow_parquet():
    """``pyarrow.parquet``, or :class:`MissingDependency` saying what to install
    (pyarrow is an extra: a plain ``pip install geomap`` does not bring it)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency(
            "reading Parquet articles needs pyarrow; install it with: pip install 'geomap[dask]'"
        ) from None
    return pq


def _split_parquet(u: Unit, block: int) -> list[Unit]:
    pq = _pyarrow_parquet()

    try:
        with _open(u.path) as fh:
            meta = pq.ParquetFile(fh).metadata
    except Exception:  # not Parquet / unreadable: read_units reports it
        return [Unit(u.path, "parquet", u.size, u.mtime, 0, -1, 1)]
    pieces, start, nbytes, row = [], 0, 0, 1
    first = 1
    for g in range(meta.num_row_groups):
        rg = meta.row_group(g)
        nbytes += rg.total_byte_size
        row += rg.num_rows
        if nbytes >= block or g == meta.num_row_groups - 1:
            pieces.append(Unit(u.path, "parquet", u.size, u.mtime, start, g + 1, first))
            start, nbytes, first = g + 1, 0, row
    return pieces or [Unit(u.path, "parquet", u.size, u.mtime, 0, 0, 1)]


def _split_jsonl(u: Unit, block: int) -> list[Unit]:
    """Byte ranges ending after a newline, with the line number each starts at."""
    with open(u.path, "rb") as fh:
        if b"\x00" in fh.read(8192):
            return [u]  # rejected whole by read_file, as in one process
        fh.seek(0)
        pieces, start, line, pos, newlines = [], 0, 1, 0, 0
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            off = 0
            while True:
                # the first newline at or after the block's last byte ends a piece
                at = max(start + block - 1, pos + off) - pos
                nl = chunk.find(b"\n", at) if at < len(chunk) else -1
                if nl < 0:
                    newlines += chunk.count(b"\n", off)
                    break
                newlines += chunk.count(b"\n", off, nl + 1)
                end = pos + nl + 1
                pieces.append(Unit(u.path, "jsonl-range", u.size, u.mtime, start, end, line))
                line, newlines, start, off = line + newlines, 0, end, nl + 1
            pos += len(chunk)
    if start < u.size:
        pieces.append(Unit(u.path, "jsonl-range", u.size, u.mtime, start, u.size, line))
    return pieces


# ------------------------------------------------------------------ reading


def read_units(units: list[Unit], report: Report, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    """The articles of ``units`` in order; what cannot be used goes to
    ``report`` with file, line and reason, as :func:`geomap.extract.reading.read_file`
    does."""
    for u in units:
        if u.kind == "parquet":
            yield from _parquet_articles(u, report)
        elif u.kind == "jsonl-range":
            yield from _jsonl_range(u, report, max_bytes)
        elif is_url(u.path):
            yield from _url_articles(u, report, max_bytes)
        else:
            yield from read_file(u.path, report, max_bytes, doc_id=u.doc_id or None)


def _open(path: str, mode: str = "rb"):
    if is_url(path):
        import fsspec

        return fsspec.open(path, mode).open()
    return open(path, mode)


def _jsonl_range(u: Unit, report: Report, max_bytes: int) -> Iterator[Article]:
    from ..extract import reading as A
    from ..extract import records as R

    stem = name_text(Path(u.path).stem)
    with open(u.path, "rb") as fh:
        fh.seek(u.start)
        for n, raw in R._jsonl_lines(fh, max_bytes):
            lineno = u.first_line + n - 1
            if raw is None:
                report.count(counts.ARTICLES_READ)
                report.add_error(
                    ArticleError(
                        f"line is above the cap of {max_bytes / 2**20:.1f} MiB for one article",
                        file=u.path,
                        line=lineno,
                    )
                )
                report.count(counts.ARTICLES_REJECTED)
            elif raw.strip() and raw.strip() != b"\xef\xbb\xbf":
                report.count(counts.ARTICLES_READ)
                try:
                    art = R._jsonl_article(raw, lineno, stem, u.path)
                except ArticleError as err:
                    report.add_error(err)
                    report.count(counts.ARTICLES_REJECTED)
                else:
                    yield A._checked(art, report)
            if fh.tell() >= u.end:
                return


def _url_articles(u: Unit, report: Report, max_bytes: int) -> Iterator[Article]:
    """A remote file: fetched through fsspec, parsed as a local one would be."""
    import tempfile

    suffix = PurePosixPath(u.path.split("?", 1)[0]).suffix.lower()
    if suffix not in SUFFIXES:
        report.count(counts.ARTICLES_READ)
        report.add(
            "rejected",
            u.path,
            None,
            None,
            f"unsupported file type {suffix or '(none)'!r}; allowed: {', '.join(SUFFIXES + PARQUET_SUFFIXES)}",
        )
        report.count(counts.ARTICLES_REJECTED)
        return
    if u.size > max_bytes and suffix not in JSONL_SUFFIXES:
        report.count(counts.ARTICLES_READ)
        report.add(
            "rejected",
            u.path,
            None,
            None,
            f"file is {u.size / 2**20:.1f} MiB, above the cap of "
            f"{max_bytes / 2**20:.1f} MiB for one article file; split it into smaller files",
        )
        report.count(counts.ARTICLES_REJECTED)
        return
    try:
        with _open(u.path) as fh:
            data = fh.read()
    except OSError as err:
        report.count(counts.ARTICLES_READ)
        report.add("rejected", u.path, None, None, f"cannot read: {err}")
        report.count(counts.ARTICLES_REJECTED)
        return
    # the local parsers, file names and all; the problems name the URL, each
    # passed on before its article, as a local file's are (the driver's check
    # of repeated records takes an article's problems from there)
    with tempfile.TemporaryDirectory(prefix="geomap-url-") as tmp:
        local = Path(tmp) / PurePosixPath(u.path.split("?", 1)[0]).name
        local.write_bytes(data)
        sub = Report()

        def flush() -> None:
            for p in sub.problems:
                report.add(p.kind, u.path if p.file == str(local) else p.file, p.line, p.column, p.reason, p.value)
            for k, v in sub.counts.items():
                report.count(k, v)
            sub.problems.clear()
            sub.counts.clear()

        for art in read_file(local, sub, max_bytes):
            flush()
            art.path = u.path
            yield art
        flush()


def parquet_file_articles(path: str, report: Report) -> Iterator[Article]:
    """Every row of one local Parquet file as an article, read as the
    partitions of a ``--jobs`` run read it (the same lines, problems and
    counts): :func:`geomap.extract.reading.read_file` reads ``.parquet``
    files with this in one process."""
    for u in _split_parquet(_local_unit(Path(path)), 2**62):  # one piece: every row group
        yield from _parquet_articles(u, report)


def _parquet_articles(u: Unit, report: Report) -> Iterator[Article]:
    pq = _pyarrow_parquet()

    stem = name_text(PurePosixPath(u.path).stem)
    try:
        fh = _open(u.path)
        pf = pq.ParquetFile(fh)
        groups = range(u.start, u.end if u.end >= 0 else pf.metadata.num_row_groups)
        if u.end < 0:
            raise OSError("unreadable Parquet metadata")
        columns = [c for c in ("text", "published", "title", "source", "url", "id") if c in pf.schema_arrow.names]
        if "text" not in columns:
            raise ArticleError(
                "Parquet file has no 'text' column; expected columns text, published, title, source, url, id",
                file=u.path,
                column="text",
            )
        if u.start == 0 and pf.metadata.num_rows == 0:
            # said once, by the piece holding the file's start: an empty .jsonl is rejected so, an empty
            # Parquet file was counted nowhere and said nowhere
            raise ArticleError("empty file (a Parquet file with no rows)", file=u.path)
    except ArticleError as err:
        report.count(counts.ARTICLES_READ)
        report.add_error(err)
        report.count(counts.ARTICLES_REJECTED)
        return
    except Exception as err:
        report.count(counts.ARTICLES_READ)
        report.add("rejected", u.path, None, None, f"not a readable Parquet file: {err}")
        report.count(counts.ARTICLES_REJECTED)
        return
    from ..extract import reading as A

    row = u.first_line
    with fh:
        for g in groups:
            table = pf.read_row_group(g, columns=columns)
            for rec in table.to_pylist():
                report.count(counts.ARTICLES_READ)
                try:
                    cells, notes = _text_cells(rec, row, u.path)
                    art = record_article(cells, row, stem, u.path, "row", notes)
                except ArticleError as err:
                    report.add_error(err)
                    report.count(counts.ARTICLES_REJECTED)
                else:
                    yield A._checked(art, report)
                row += 1


def _text_cells(rec: dict, row: int, path: str) -> tuple[dict, list]:
    """``rec`` with its byte cells as text, and the warnings of those that
    are not UTF-8 (``(line, column, reason)``, see ``Article.notes``).

    Older Spark and Impala write strings as Parquet BINARY without the UTF-8
    annotation, which pyarrow reads as bytes: every row was rejected as
    having no 'text'. A text that is not UTF-8 rejects the row; other
    fields are metadata, which never rejects an article: left out, said.
    """
    out, notes = dict(rec), []
    for key, value in rec.items():
        if not isinstance(value, (bytes, bytearray)):
            continue
        try:
            out[key] = bytes(value).decode("utf-8")
        except UnicodeDecodeError as err:
            why = f"{key} holds bytes that are not UTF-8 (byte 0x{value[err.start]:02x}); Parquet text is UTF-8"
            if key == "text":
                raise ArticleError(why, file=path, line=row, column=key) from None
            notes.append((row, key, why + "; ignored"))
            out[key] = None
    return out, notes
