"""Writing YAML by hand, so that what compose and import write reads well and is the same every time."""

from __future__ import annotations

import json
import re
from typing import Any

_PLAIN = re.compile(r"^[a-z][a-z0-9_-]*$")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def scalar(value: Any) -> str:
    """A YAML scalar: numbers as an official writes them, words plain, other text double-quoted
    (a JSON string is a valid YAML one)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return str(value)
    written = str(value)
    if _PLAIN.match(written) and written not in _YAML_WORDS:
        return written
    return json.dumps(written, ensure_ascii=False)


def flow(values: Any) -> str:
    """A short list on one line: ``[a, b]``."""
    return "[" + ", ".join(scalar(v) for v in values) + "]"
