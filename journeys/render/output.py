"""Writing a picture, poster or report so that a failure leaves no partial file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from persona.atomic import temp_name_parts


def write_output(target: str | Path, data: bytes | str) -> None:
    """Replace ``target`` with ``data`` in one step (temporary file, then rename)."""
    target = Path(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    prefix, suffix = temp_name_parts(target)
    handle, temp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent or ".")
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
