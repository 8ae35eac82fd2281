"""Writing a file so that it is either the old text or the new text, never half of each.

The new text goes to a temporary file in the same folder, is flushed to disk (fsync) and then
renamed over the target in one step. If anything fails on the way, the temporary file is
removed and the target is left as it was.

A read-modify-write (the room's notes) or a check-then-write (saving a persona) holds
:func:`locked`, a lock shared by every process on the machine (``filelock``: ``fcntl`` on
Linux and macOS, ``msvcrt`` on Windows; the lock is let go when its process dies, even by
``kill -9``). Whoever holds it also removes temporary files a killed writer left behind.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

TEMP_SUFFIX = ".tmp"
LOCK_SUFFIX = ".lock"
LOCK_TIMEOUT_SECONDS = 30.0
LOCK_POLL_SECONDS = 0.002  # a save takes milliseconds: waiting filelock's default 50 ms between tries is slow


class LockTimeout(OSError):
    """Another process held the file's lock for longer than :data:`LOCK_TIMEOUT_SECONDS`."""


def lock_path(target: Path) -> Path:
    """``folder/kim.workshop.yaml`` → ``folder/.kim.workshop.yaml.lock`` (hidden, kept)."""
    return target.with_name(f".{target.name}{LOCK_SUFFIX}")


@contextmanager
def locked(target: str | Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the lock of ``target`` across processes; leftovers of killed writers are removed."""
    from filelock import FileLock, Timeout  # imported here: it brings asyncio (~25 ms), which a plain write never needs

    target = Path(target)
    lock = FileLock(str(lock_path(target)), timeout=timeout)
    try:
        lock.acquire(poll_interval=LOCK_POLL_SECONDS)
    except Timeout:
        raise LockTimeout(f"{target}: busy (locked by another process)") from None
    try:
        remove_leftovers(target)
        yield
    finally:
        lock.release()


def remove_leftovers(target: Path) -> list[Path]:
    """Remove temporary files of ``target`` left by a writer that was killed (call it only while
    holding :func:`locked`: then no other writer of ``target`` is in the middle of writing)."""
    prefix, suffix = temp_name_parts(target)
    removed = []
    # mkstemp's random part is 8 characters: "*" here would also match kim.workshop.yaml's files for kim.yaml
    for leftover in target.parent.glob(f"{glob_escape(prefix)}{'?' * 8}{glob_escape(suffix)}"):
        try:
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            pass
    return removed


def glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)


def temp_name_parts(target: Path) -> tuple[str, str]:
    """Prefix and suffix of the temporary file for ``target`` (hidden, ends in ``.tmp``)."""
    stem, dot, suffix = target.name.partition(".")
    return f".{stem}.", f".{suffix}{TEMP_SUFFIX}" if dot else TEMP_SUFFIX


def write_atomically(target: str | Path, data: str | bytes) -> None:
    """Replace ``target`` with ``data`` (text is written as UTF-8) in one step; on failure
    nothing changes."""
    target = Path(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    prefix, suffix = temp_name_parts(target)
    handle, temp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(target, temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _keep_mode(target: Path, temp: Path) -> None:
    """The new file gets the old file's permissions (mkstemp makes it private)."""
    try:
        os.chmod(temp, target.stat().st_mode & 0o7777)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
