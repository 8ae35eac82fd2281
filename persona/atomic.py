"""Writing a file so that it is either the old text or the new text, never half of each.

The new text goes to a temporary file in the same folder, is flushed to disk (fsync) and then
renamed over the target in one step. If anything fails on the way, the temporary file is
removed and the target is left as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"


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
