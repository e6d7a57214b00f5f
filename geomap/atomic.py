"""Atomic file writes: a temporary file in the same folder, then rename.

Killing a run at any moment leaves either the old file or the new one,
never a half-written file. Temporary files are hidden (``.name.<pid>.<random>.tmp.<suffix>``)
and carry the writer's process id, so :func:`remove_stale` can clear the ones
a killed run left behind without touching those of a run still going.

A write goes where ``open(path, "w")`` would write: through symbolic links
(the link's final target is replaced, the link stays a link), and straight
into a target that is not a regular file (a named pipe, ``/dev/null``, a
terminal), which a rename would replace by a regular file.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no advisory locks
    fcntl = None

_TMP_RE = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp(?:\.[^.]*)?$")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Mode of new files: what ``open(path, "w")`` would give. mkstemp makes 0600
#: files, and a published map.html must stay readable by a web server.
_NEW_FILE_MODE = 0o666 & ~_umask()
#: Mode of new folders: what ``mkdir`` would give (``mkdtemp`` makes 0700).
NEW_FOLDER_MODE = 0o777 & ~_umask()


def kept_mode(path: str | os.PathLike) -> int:
    """The mode a file replacing ``path`` gets: ``path``'s own, or a new file's."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return _NEW_FILE_MODE


def write_target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` replaces: ``path`` with every symlink followed.

    A dangling link gives the path it points to (the write creates it there).
    """
    return Path(os.path.realpath(path))


def _is_special(path: Path) -> bool:
    """Whether ``path`` exists and is neither a regular file nor a folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextmanager
def atomic_path(path: str | os.PathLike):
    """Yield a temporary path; on success it replaces the file ``path`` names.

    The temporary file does not exist yet when the block starts (writers such
    as GDAL want to create it). On an exception it is removed and ``path`` is
    left as it was. A symlink ``path`` keeps being a link: its target is
    replaced. A target that is not a regular file (FIFO, device) is not
    renamed over: the finished temporary file (made in the system's temporary
    folder) is copied into it.

    Examples
    --------
    >>> with atomic_path("out.gpkg") as tmp:      # doctest: +SKIP
    ...     gdf.to_file(tmp, driver="GPKG")
    """
    path = write_target(path)
    special = _is_special(path)
    folder = None if special else path.parent
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    # the real suffix last: GDAL picks the format from it
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp" + path.suffix, dir=folder)
    os.close(fd)
    os.unlink(tmp)
    try:
        yield Path(tmp)
        if special:
            _copy_into(tmp, path)
            return
        if os.path.isfile(tmp):
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.chmod(tmp, kept_mode(path))
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as err:
        raise _naming(err, path) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _naming(err: OSError, path) -> OSError:
    """``err`` naming ``path`` when it names no file: a write that fails
    (a full disk, ``/dev/full``) names none, and the command then named its
    main output (``extract -o x.csv --report /dev/full`` said ``x.csv: No
    space left on device``: the file written whole, not the one that failed)."""
    if err.filename is None:
        err.filename = os.fspath(path)
    return err


def _copy_into(tmp: str, target: Path) -> None:
    # a pipe blocks here until someone reads it, as any writer would
    with open(tmp, "rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk, or a crash may bring back the old name.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically and return the path."""
    return write_bytes(path, text.encode(encoding))


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    Through symlinks, and straight into a FIFO or device (see :func:`atomic_path`).
    """
    target = write_target(path)
    if _is_special(target):
        try:
            with open(target, "wb") as fh:
                fh.write(data)
        except OSError as err:
            raise _naming(err, path) from None
        return Path(path)
    with atomic_path(target) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    return Path(path)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (ours or another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # pragma: no cover
        return False
    return True


def remove_stale(folder: str | os.PathLike, pattern: re.Pattern = _TMP_RE) -> list[Path]:
    """Remove temporary files/folders in ``folder`` left by killed processes.

    Only names matching ``pattern`` whose first group is the id of a process
    that no longer runs are removed. Returns what was removed.
    """
    folder = Path(folder)
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        m = pattern.match(entry.name)
        if not m or pid_alive(int(m.group(1))):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def lock_file_for(path: str | os.PathLike) -> Path:
    """The lock file guarding ``path``: ``.<name>.lock`` beside its final target.

    Resolved through symlinks, so every way of naming one file shares one lock.
    """
    target = write_target(path)
    return target.with_name(f".{target.name}.lock")


@contextmanager
def locked(lock_file: str | os.PathLike, waiting=None):
    """Hold an exclusive advisory lock (``fcntl.flock``) on ``lock_file`` for the block.

    The file is created if needed and left in place (removing it would let
    two processes lock two different files). The lock dies with its process,
    so a killed run never leaves it held. When another process holds it,
    ``waiting(lock_file, pid)`` is called once (``pid`` of the holder, or
    None when unknown) and the call waits. Without ``fcntl`` (Windows) nothing is locked.
    """
    lock_file = Path(lock_file)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = _open_lock(lock_file)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if waiting is not None:
                    waiting(lock_file, _lock_holder(fd))
                fcntl.flock(fd, fcntl.LOCK_EX)
            _write_holder(fd)
        yield lock_file
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def claimed(path: str | os.PathLike, busy):
    """Claim ``path`` for one run without waiting: an exclusive ``flock`` on
    ``.<name>.lock`` beside its final target, removed when the block ends.

    For what a whole run writes (``extract --parquet DIR``, its checkpoint),
    where waiting could mean hours: when another process holds the claim,
    ``busy(lock_file, pid)`` (``pid`` of the holder, or None when unknown)
    returns the exception raised here. A claim dies with its process, so a
    killed run never blocks the next one; the lock file it leaves is taken
    over. The file is removed while still locked, and a claim is only held
    on the file the path names (a process that opened the removed file
    retries): two runs never hold two files of one name. Without ``fcntl``
    (Windows) nothing is claimed.

    Parameters
    ----------
    path : str or path-like
        What the run writes (a folder or a file).
    busy : callable
        ``busy(lock_file, pid)``: the exception to raise when another
        process holds the claim.

    Yields
    ------
    Path
        The lock file, held until the block ends.
    """
    lock_file = lock_file_for(path)
    if fcntl is None:  # pragma: no cover - Windows
        yield lock_file
        return
    lock_file.parent.mkdir(parents=True, exist_ok=True)  # a new --parquet a/b/c: its parent is made anyway
    while True:
        fd = _open_lock(lock_file)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _lock_holder(fd)
            os.close(fd)
            raise busy(lock_file, holder) from None
        try:
            held = os.fstat(fd)
            named = os.stat(lock_file)
            if (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino):
                break
        except OSError:  # removed by the run that held it: take the one now there
            pass
        os.close(fd)
    _write_holder(fd)
    try:
        yield lock_file
    finally:
        try:
            os.unlink(lock_file)
        except OSError:
            pass
        os.close(fd)


def _open_lock(lock_file: Path) -> int:
    """A descriptor of ``lock_file``, created if needed."""
    try:
        return os.open(lock_file, os.O_RDWR | os.O_CREAT, _NEW_FILE_MODE)
    except PermissionError:  # another user's lock file: reading is enough to lock
        return os.open(lock_file, os.O_RDONLY)


def _write_holder(fd: int) -> None:
    """Write this process's id into a held lock file: who holds it, for the
    message of the next one who waits or is refused (:func:`_lock_holder`)."""
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except OSError:  # a lock file only readable to us: the lock holds all the same
        pass


def _lock_holder(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
