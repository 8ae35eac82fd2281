"""Writing a picture, poster or report so that a failure leaves no partial file."""

from __future__ import annotations

from pathlib import Path

from persona.atomic import write_atomically


def write_output(target: str | Path, data: bytes | str) -> None:
    """Replace ``target`` with ``data`` in one step (temporary file, fsync, rename)."""
    write_atomically(target, data)
