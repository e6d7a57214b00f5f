"""Writing draft events to CSV, atomically; the checks before any output of
``geomap extract`` and :func:`geomap.extract` (the same for both)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from .. import schema
from ..atomic import write_text
from ..report import defuse

#: Columns of the drafts CSV written by ``geomap extract`` (one list, in the schema).
COLUMNS: tuple[str, ...] = schema.DRAFT_COLUMNS


def drafts_csv(events) -> str:
    """CSV text (header included) of draft events."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for ev in events:
        w.writerow(_defused(ev.to_row()))
    return buf.getvalue()


def write_drafts(path: str | os.PathLike, events) -> None:
    """Write the drafts CSV to ``path`` atomically (temporary file, then rename)."""
    write_text(path, drafts_csv(events))


#: Columns holding numbers (a leading '-' is a sign, not a formula).
_NUMERIC = frozenset({"latitude", "longitude", "geo_precision", "fatalities", "injuries", "confidence"})


def _defused(row: dict) -> dict:
    # Excerpts, titles and URLs come from articles and the CSV is meant to be
    # opened in spreadsheets: cells a spreadsheet would run get a leading "'".
    return {k: v if k in _NUMERIC else defuse(v) for k, v in row.items()}


def draft_rows(events) -> list[dict]:
    """The CSV rows (dicts keyed by :data:`COLUMNS`) of draft events."""
    return [ev.to_row() for ev in events]


def drafts_path(output: str | os.PathLike) -> str:
    """The drafts CSV to write for ``-o OUTPUT``: ``FOLDER/drafts.csv`` for a
    folder (or a name ending in ``/``), else ``output``."""
    output = os.fspath(output)
    if output.endswith(("/", os.sep)) or os.path.isdir(output):
        # a folder: the drafts go into it (a trailing slash was dropped and a file took the folder's
        # name; an existing folder failed after the whole extraction, naming a temporary file)
        return os.path.join(output, "drafts.csv")
    return output


def check_outputs(
    paths,
    output: str | os.PathLike | None,
    *,
    report_csv: str | os.PathLike | None = None,
    parquet: str | os.PathLike | None = None,
    checkpoint: str | os.PathLike | None = None,
) -> str | None:
    """Refuse, before anything is read, outputs of an extraction that would
    lose data; return the drafts CSV path to write (``None``: none).

    ``output`` a folder (or a name ending in ``/``) means ``FOLDER/drafts.csv``.
    Refused, each with :class:`~geomap.exc.InputError` naming the option: any
    output in the project's ``geodata/`` (through ``..`` or a link), an
    ``output`` that cannot be written or is not a CSV name, that is an input
    or an article's name in an input folder, that is a file other than
    unreviewed drafts; a ``report_csv`` over an input, the drafts or a file
    that is not an earlier report; a ``parquet`` folder that is an input, the
    drafts, the checkpoint, a file, or holds another dataset's part files or
    any file geomap did not write; a ``checkpoint`` that is an input or in an
    input folder, the drafts or a file. :func:`geomap.extract` calls this,
    and ``geomap extract`` through it (the API wrote its ``output`` wherever
    it was told). ``output`` or ``report_csv`` ``"-"``, the command line's
    stdout, is refused here (the API wrote a file named ``-``).
    """
    from ..exc import InputError
    from ..outdir import check_not_in_geodata, not_a_csv_name, not_a_writable_file
    from .reading import SUFFIXES

    paths = [os.fspath(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    for flag, path in (("-o", output), ("--report", report_csv)):
        if path is not None and os.fspath(path) == "-":
            # the command line's stdout ('geomap extract' maps it to None before calling this): the API
            # wrote a file named '-' in the current folder
            raise InputError(
                f"{flag} '-' means stdout on the command line only; here pass None and use the drafts "
                "returned (or the report given), or name the file './-' (nothing was written)"
            )
    if output is not None:
        output = drafts_path(output)
    for flag, path in (("-o", output), ("--report", report_csv), ("--parquet", parquet), ("--checkpoint", checkpoint)):
        if path is not None:
            check_not_in_geodata(path, flag)
    shown = output if output is not None else "-"
    if output is not None:
        why = not_a_csv_name(output) or not_a_writable_file(output)
        if why:  # before reading: a long extraction ended in "Read-only file system"
            raise InputError(f"-o {output}: {why}; choose another -o (nothing was written)")
        # an input article (an empty one too) was replaced; '-o arts/out.txt' was read by the next run as an
        # article, drafts of drafts (a drafts.csv there is only skipped: not an article's ending)
        _spare_inputs("-o", Path(output), "-", paths, "", lambda r: r.suffix.lower() in SUFFIXES)
        _check_drafts_replaceable(Path(output))
    if report_csv is not None:
        _check_report_replaceable(Path(report_csv), shown, paths)
    if parquet is not None:
        _check_parquet_replaceable(Path(parquet), shown, paths, checkpoint)
    if checkpoint is not None:
        # '--checkpoint arts' wrote its pickles among the articles (the next run reported them),
        # '--checkpoint drafts.csv' made the -o file a folder and failed after the whole run
        real = _spare_inputs("--checkpoint", Path(checkpoint), shown, paths, "", lambda real: True)
        if real.exists() and not real.is_dir():
            raise InputError(
                f"--checkpoint {checkpoint} is a file, not a folder; choose another --checkpoint (nothing was written)"
            )
    return output


def _check_drafts_replaceable(path: Path) -> None:
    """Refuse to write the drafts over a regular file that is not a drafts CSV
    (a curated ``events.csv``, an export, a dataset), or over drafts already
    reviewed (an ``accept`` mark in some row): the file, or the review, would
    be lost. Drafts over unreviewed drafts (in any encoding a spreadsheet
    saves) and pipes or devices are fine."""
    from ..exc import InputError

    head = _head_of_file(path)
    if head is None:
        return
    first = _text(head, path)[0].split("\n", 1)[0]
    if "doc_id" not in first:
        raise InputError(
            f"-o {path} is not a drafts CSV (no doc_id column in its header): writing the drafts would "
            "replace it; choose another -o (nothing was written)"
        )
    if "accept" in first.lower():
        marked = _marked_rows(path)
        if marked:
            raise InputError(
                f"-o {path} is a reviewed drafts CSV ({marked} row(s) with an accept mark): writing the drafts "
                "would replace the review; run 'geomap accept' on it first, or choose another -o "
                "(nothing was written)"
            )


def _text(raw: bytes, path: Path) -> tuple[str, str | None]:
    """``(text, separator)`` of a drafts CSV as a spreadsheet may have saved
    it: decoded, without the BOM and Excel's ``sep=X`` line (``X`` returned)."""
    from ..csvrows import split_sep_hint
    from ..importers.files import decode_text

    return split_sep_hint(decode_text(raw, str(path))[0].lstrip("\ufeff"))


def _marked_rows(path: Path) -> int:
    """How many rows of a drafts CSV have a non-empty ``accept`` cell."""
    from ..importers.files import sniff_delimiter

    try:
        text, delimiter = _text(path.read_bytes(), path)
    except (OSError, ValueError):
        return 0
    delimiter = delimiter or sniff_delimiter(text.split("\n", 1)[0].rstrip("\r"))
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        column = next((c for c in rows.fieldnames or [] if c.strip().lower() == "accept"), None)
        return sum(1 for row in rows if (row.get(column) or "").strip()) if column else 0
    except csv.Error:
        return 0


def _check_parquet_replaceable(folder: Path, output: str, inputs: list[str], checkpoint=None) -> None:
    """Refuse a ``--parquet`` folder whose ``part-*.parquet`` files are not
    geomap drafts (a Dask or Spark dataset names its files so: they would be
    replaced, the rest removed), that holds anything but geomap's part files
    and checkpoint folders (the folder is replaced whole, see
    :func:`geomap.parallel.store.write_drafts_parquet`), that is the ``-o``
    file, the ``--checkpoint`` folder, or an input (the articles folder, or
    inside it)."""
    from ..exc import InputError
    from ..parallel.store import _ours

    refuse = "; choose another --parquet (nothing was written)"
    real = _spare_inputs("--parquet", folder, output, inputs, "", lambda real: True)
    if real.exists() and not real.is_dir():
        raise InputError(f"--parquet {folder} is a file, not a folder{refuse}")
    parent = next((p for p in real.parents if p.exists()), None)
    if parent is not None and real.parent == parent and not os.access(parent, os.W_OK | os.X_OK):
        # the new part files are written beside the folder, then swapped in: found out after the whole run
        raise InputError(f"--parquet {folder}: its parent folder {parent} cannot be written{refuse}")
    if checkpoint is not None and Path(os.path.realpath(checkpoint)) == real:
        raise InputError(
            f"--parquet {folder} is also the --checkpoint folder: the drafts replace the folder whole at the "
            f"end, and the checkpoint with it{refuse}"
        )
    for part in sorted(real.glob("part-*.parquet")) if real.is_dir() else []:
        if not _drafts_part(part):
            raise InputError(
                f"--parquet {folder} holds {part.name}, which is not a geomap drafts file: writing the drafts "
                f"would replace it (and remove the other part files){refuse}"
            )
    for entry in sorted(real.iterdir()) if real.is_dir() else []:
        # the new drafts come in a new folder that takes this one's place: a file of the user's here was
        # left behind in a hidden folder (sub-folders, checkpoints, are moved over)
        if not _ours(entry.name) and not (entry.is_dir() and not entry.is_symlink()):
            raise InputError(
                f"--parquet {folder} holds {entry.name}, which geomap did not write: the drafts replace the "
                f"folder whole; move it out{refuse}"
            )


def _drafts_part(path: Path) -> bool:
    """Whether a Parquet file has the drafts' columns (what ``--parquet`` wrote)."""
    try:
        import pyarrow.parquet as pq

        names = set(pq.read_schema(path).names)
    except Exception:  # noqa: BLE001 - unreadable, not Parquet, or no pyarrow: not ours
        return False
    return {"doc_id", "event_type", "excerpt", "source_title"} <= names


def _spare_inputs(flag: str, path: Path, output: str, inputs: list[str], instead: str, inside) -> Path:
    """``path`` through symlinks, once it is neither the ``-o`` file nor an
    input (nor, when ``inside(real)``, in an input folder); else InputError."""
    from ..exc import InputError

    refuse = f"; choose another {flag} (nothing was written)"
    real = Path(os.path.realpath(path))
    if output != "-" and real == Path(os.path.realpath(output)):
        raise InputError(f"{flag} {path} is also the -o file{instead}{refuse}")
    for given in inputs:
        src = Path(os.path.realpath(given))
        if real == src:
            raise InputError(f"{flag} {path} is an input ({given}): it would be written over{refuse}")
        if inside(real) and src in real.parents:
            raise InputError(
                f"{flag} {path} is in an input folder ({given}): it is an input, or the next run would read "
                f"it as one{refuse}"
            )
    return real


def _check_report_replaceable(path: Path, output: str, inputs: list[str]) -> None:
    """Refuse a ``--report`` path that is an input article (or an article
    file in an input folder), the ``-o`` file, or a file that is not an
    earlier report: writing the report there would replace it."""
    from ..exc import InputError
    from ..report import Report
    from .reading import SUFFIXES

    header = Report().to_csv().splitlines()[0]  # what every report starts with
    refuse = "; choose another --report (nothing was written)"
    real = _spare_inputs(
        "--report",
        path,
        output,
        inputs,
        ": the report would replace the drafts",
        lambda r: r.suffix.lower() in SUFFIXES,
    )
    head = _head_of_file(real)
    if head is None:
        return
    first = head[:4096].split(b"\n", 1)[0].decode("utf-8-sig", "replace").strip()
    if first != header:
        raise InputError(f"--report {path} is not a problem report (its header is not {header}){refuse}")


def _head_of_file(path: Path, size: int = 8192) -> bytes | None:
    """The first ``size`` bytes of ``path`` when it is a regular file with
    something in it, else ``None`` (absent, empty, a pipe or device, or
    unreadable: the write itself then says what is wrong)."""
    import stat

    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
            return None
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError:
        return None
