"""``geomap import``: one dataset file written as geomap's own events.csv and sources.csv."""

from __future__ import annotations

import csv
import io
from contextlib import ExitStack
from pathlib import Path

from .. import counts, filepair
from ..atomic import lock_file_for, locked
from ..curated import EventSet
from ..drafts import write_dataset
from ..exc import InputError
from ..report import Report
from .combine import _NOT_IMPORTED, Region, load_all


def import_file(
    path, output, *, fmt: str | None = None, region: Region | None = None, report: Report | None = None
) -> tuple[dict, Report]:
    """Convert ``path`` and write ``output`` (events) and ``sources.csv`` beside it.

    Returns
    -------
    (dict, Report)
        The file's counts (``rows_read = events + rows_merged + rows_rejected
        + rows_out_of_region``) and the report of rejected rows.
    """
    report = report if report is not None else Report()
    output = Path(output)
    check_replaceable(output)  # before reading: a refusal costs nothing
    loaded = load_all([path], fmt=fmt, region=region, report=report)
    output.parent.mkdir(parents=True, exist_ok=True)
    es = EventSet(loaded.events.events, loaded.events.sources)
    sources = output.with_name("sources.csv")
    # the pair is written under the locks accept takes: two runs at once into
    # one folder (imports, or an import and an accept) could leave the events
    # of one beside the sources of the other
    with ExitStack() as stack:
        for lock in sorted({lock_file_for(output), lock_file_for(sources)}):
            stack.enter_context(locked(lock))
        check_replaceable(output)  # again: what another run wrote meanwhile
        write_dataset(es, output, sources)
    # one file: none of its rows can repeat another file's (the count build's files carry)
    return {k: v for k, v in loaded.files[0].items() if k != counts.ROWS_SHOWN_ONCE}, report


def _table(path: Path) -> list[dict] | None:
    """The rows of a CSV file geomap could have written, or ``None`` (unreadable, not UTF-8)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return list(csv.DictReader(io.StringIO(text, newline="")))


def check_replaceable(output: Path) -> None:
    """Refuse to replace what an earlier ``geomap import`` did not write.

    ``output`` may be replaced when absent or an events.csv of imported rows
    only (each row's ``dataset`` a dataset's name); the ``sources.csv``
    beside it when absent or holding only sources that file cites. Anything
    else (a curated dataset, ``geodata``'s layout, a raw export, the sources
    of another dataset in the folder) would be lost; a build's output (a link
    into its shown generation) would lose the import at the next build.

    Raises
    ------
    InputError
        Naming the file and what it holds; nothing has been written.
    """
    from ..outdir import in_a_build

    refuse = "; choose another -o (nothing was written)"
    filepair.finish(output)  # an earlier import killed after its commit: judge what it wrote
    cited: set[str] = set()
    if in_a_build(output):
        raise InputError(
            f"{output} is an output of a build, replaced by the next build into its folder (and removed "
            f"with it): the imported dataset would be lost there{refuse}"
        )
    if output.exists():
        rows = _table(output)
        header = set(rows[0]) if rows else set()
        if rows is None or (rows and not {"event_id", "sources"} <= header):
            raise InputError(f"{output} is not an events.csv that geomap import wrote{refuse}")
        own = [r for r in rows if (r.get("dataset") or "").strip() in _NOT_IMPORTED]
        if own:
            raise InputError(
                f"{output} holds {len(own)} event(s) not imported from a dataset (curated or drafts, "
                f"e.g. {own[0].get('event_id', '')!r}): the import would replace them{refuse}"
            )
        cited = {s.strip() for r in rows for s in (r.get("sources") or "").split(";")}
    sources = output.with_name("sources.csv")
    if sources.exists():
        rows = _table(sources)
        other = None if rows is None else [r.get("source_id", "") for r in rows if r.get("source_id") not in cited]
        if other is None or other:
            raise InputError(
                f"{sources} (written beside {output.name}) holds sources of another dataset"
                + (f" (e.g. {other[0]!r})" if other else "")
                + f": the import would replace them; import into a folder of its own{refuse}"
            )
