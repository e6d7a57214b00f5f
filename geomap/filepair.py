"""Files replaced together: a dataset's ``events.csv`` and ``sources.csv``.

One rename replaces one file atomically (:mod:`geomap.atomic`); two files
need a commit point. :func:`write_together` stages every file beside its
target, then writes a journal naming them (``.events.csv.<pid>.<random>.pair``
beside the first target, itself written atomically: its appearance is the
commit), then renames each staged file over its target and removes the
journal. A run killed

- before the journal exists leaves the old files (and staged files that
  the next write removes once their process is gone);
- after it leaves the journal: :func:`finish` renames what is still staged,
  so every reader that calls it first (geomap's loader of a dataset, ``import``,
  ``accept``) sees the new pair.

So geomap never reads the events of one write beside the sources of
another. Renaming a staged file is done at most once (its name is unique and
gone after the rename), so a reader finishing a journal while a writer does
the same is harmless; no lock is needed to finish.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path

from .atomic import _fsync_dir, _is_special, kept_mode, pid_alive, remove_stale, write_bytes, write_target, write_text
from .exc import InputError

#: A journal: ``.<name>.<pid>.<hex>.pair``; a staged file: ``.<name>.<pid>.<hex>.staged``.
_JOURNAL_RE = re.compile(r"^\.(.+)\.(\d+)\.[0-9a-f]+\.pair$")
_STAGED_RE = re.compile(r"^\..+\.(\d+)\.[0-9a-f]+\.staged$")


def write_together(files: dict[Path, bytes]) -> None:
    """Replace every file of ``files`` (path -> bytes) so that a kill leaves all old or all new.

    Targets are resolved through symlinks (the link stays a link). A target
    that is not a regular file (a pipe, ``/dev/null``) is written into after
    the others, as :func:`geomap.atomic.write_bytes` would.

    Raises
    ------
    ValueError
        Two paths name one file (nothing is written).
    OSError
        A file could not be staged or the journal written: every target is
        as it was and the staged files are removed.
    """
    targets = [(write_target(p), data) for p, data in files.items()]
    if len({t for t, _ in targets}) < len(targets):
        raise ValueError(f"two of {', '.join(map(str, files))} are one file: writing both would lose one")
    special = [(t, d) for t, d in targets if _is_special(t)]
    plain = [(t, d) for t, d in targets if not _is_special(t)]
    if not plain:
        for t, d in special:
            write_bytes(t, d)
        return
    tag = f"{os.getpid()}.{secrets.token_hex(4)}"
    staged: list[tuple[Path, Path]] = []
    journal = plain[0][0].with_name(f".{plain[0][0].name}.{tag}.pair")
    try:
        for target, data in plain:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{tag}.staged")
            staged.append((tmp, target))
            _write_synced(tmp, data, target)
        write_text(journal, json.dumps([[str(s), str(t)] for s, t in staged]))
    except BaseException:
        for tmp, _ in staged:
            _unlink(tmp)
        raise
    _apply(journal, staged)
    for t, d in special:
        write_bytes(t, d)


def _write_synced(tmp: Path, data: bytes, target: Path) -> None:
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, kept_mode(target))


def _apply(journal: Path, staged: list[tuple[Path, Path]]) -> None:
    for tmp, target in staged:
        try:
            os.replace(tmp, target)
        except FileNotFoundError:  # renamed already, by another run finishing this journal
            continue
        _fsync_dir(target.parent)
    _unlink(journal)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def finish(first: str | os.PathLike) -> int:
    """Complete the writes interrupted after their commit, beside ``first`` (the first file of the pair).

    Also removes the staged files (and a journal's temporary file) of runs
    killed before their commit: their process is gone and no journal names them. Returns the number of
    journals completed.

    Raises
    ------
    InputError
        A committed write cannot be completed (the folder became read-only):
        reading on would see the files of two writes.
    """
    target = write_target(first)
    folder = target.parent
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    done = 0
    named: set[str] = set()
    for name in sorted(names):
        m = _JOURNAL_RE.match(name)
        if not m:
            continue
        journal = folder / name
        try:
            staged = [(Path(s), Path(t)) for s, t in json.loads(journal.read_text(encoding="utf-8"))]
        except FileNotFoundError:  # finished meanwhile by its writer
            continue
        except (OSError, ValueError, TypeError) as err:
            raise InputError(f"{journal}: an unreadable record of an interrupted write ({err})") from err
        # Another pair's committed write (its first file named otherwise) is
        # finished by its own reader; its staged files must outlive the
        # clean-up below, or that finish would find them gone.
        named.update(str(s) for s, _ in staged)
        if m.group(1) != target.name:
            continue
        try:
            _apply(journal, staged)
        except OSError as err:
            raise InputError(
                f"{target}: the write that {journal.name} records was interrupted and cannot be completed "
                f"({err.strerror or err}); run geomap again where it may write there"
            ) from err
        done += 1
    remove_stale(folder)  # a journal's temporary file, of a run killed while writing it
    for name in names:
        m = _STAGED_RE.match(name)
        if m and str(folder / name) not in named and not pid_alive(int(m.group(1))):
            try:
                os.unlink(folder / name)
            except OSError:
                pass
    return done
