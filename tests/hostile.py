"""Hostile persona files, each under the size limit, and a way to read one in a fresh process and
measure its time and peak memory.

    python -m tests.hostile                # every case, one line each: name, seconds, peak MB, outcome
    python -m tests.hostile deep_list      # one case

Used by tests/test_resources.py (bounds) and for the figures in the notes of issue 11.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HEADER = "schema: 1\nid: test\nname: Test\n"
SIZE = int(4.9 * 1024 * 1024)  # under the 5 MB limit


def _fill(prefix: str, item: str, suffix: str, size: int = SIZE) -> str:
    count = max(1, (size - len(prefix) - len(suffix)) // len(item))
    return prefix + item * count + suffix


def deep_list() -> str:
    """A list nested 300 deep holding many numbers (every number's path is 300 long)."""
    return _fill(HEADER + "summary: " + "[" * 300, "1, ", "1" + "]" * 300 + "\n")


def deep_brackets() -> str:
    """A list in a list… 330 deep."""
    return HEADER + "summary: " + "[" * 330 + "]" * 330 + "\n"


def deep_aliases() -> str:
    """Aliases that expand within the budget, 300 levels deep."""
    lines = [HEADER, "x0: &a0 [1, 2, 3]\n"]
    for level in range(1, 300):
        lines.append(f"x{level}: &a{level} [*a{level - 1}]\n")
    lines.append("summary: [" + ", ".join(f"*a{299}" for _ in range(300)) + "]\n")
    return "".join(lines)


def base60() -> str:
    """A YAML 1.1 base-60 integer 4.9 MB long (its value costs time growing with the square)."""
    return _fill(HEADER + "born: 1", ":0", "\n")


def hex_overflow() -> str:
    return HEADER + "born: 0x" + "f" * 3600 + "\n"


def long_integer() -> str:
    return HEADER + "born: " + "9" * 4301 + "\n"


def many_nodes() -> str:
    """One flat list with over a million short items."""
    return _fill(HEADER + "summary:\n", "- 1\n", "")


def long_scalar() -> str:
    return _fill(HEADER + "summary: ", "a", "\n")


def many_keys() -> str:
    return HEADER + "extra:\n" + "".join(f"  k{i}: 1\n" for i in range(380_000))


def large_persona() -> str:
    """A valid persona with as many events as fit under the limit on values (17,000)."""
    from bench.generate import generate_persona_text

    return generate_persona_text(17_000)


def huge_persona() -> str:
    """A valid-looking persona of 40,000 events, as large as fits under the size limit."""
    from bench.generate import generate_persona_text

    return generate_persona_text(40_000)


CASES: dict[str, Callable[[], str]] = {
    name: function for name, function in globals().items()
    if callable(function) and name in (
        "deep_list", "deep_brackets", "deep_aliases", "base60", "hex_overflow", "long_integer",
        "many_nodes", "long_scalar", "many_keys", "large_persona", "huge_persona",
    )
}

_CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from persona.load import read_persona
    from persona.errors import PersonaError
    start = time.perf_counter()
    try:
        read_persona(sys.argv[1])
        outcome = "valid"
    except PersonaError as exc:
        outcome = type(exc).__name__ + ": " + ", ".join(sorted({p.key for p in exc.problems}))
    except BaseException as exc:
        outcome = "CRASH " + type(exc).__name__
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "outcome": outcome}))
""")


@dataclass(frozen=True)
class Measured:
    name: str
    bytes: int
    seconds: float
    peak_mb: float  # the whole process, Python and the library included
    outcome: str


def measure(name: str, folder: Path, timeout: float = 120, memory_mb: int = 4096, root: Path | None = None) -> Measured:
    """Read the case in a fresh Python process; time and peak memory of reading alone."""
    text = CASES[name]()
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    limit = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({memory_mb << 20}, {memory_mb << 20}))\n"
    try:
        run = subprocess.run([sys.executable, "-c", limit + _CHILD, str(path)], capture_output=True, text=True,
                             timeout=timeout, cwd=root or Path(__file__).resolve().parent.parent)
    except subprocess.TimeoutExpired:
        return Measured(name, len(text.encode()), float("inf"), float("nan"), f"timeout after {timeout} s")
    if run.returncode != 0 or not run.stdout.strip():
        return Measured(name, len(text.encode()), float("nan"), float("nan"), "died: " + run.stderr[-200:])
    found = json.loads(run.stdout.strip().splitlines()[-1])
    return Measured(name, len(text.encode()), found["seconds"], found["peak_mb"], found["outcome"])


def main(names: list[str]) -> None:
    """``--root FOLDER`` reads with another checkout's library (e.g. the code before a change)."""
    import os
    import tempfile

    root = Path(names[names.index("--root") + 1]) if "--root" in names else None
    names = [n for n in names if n in CASES]
    timeout = float(os.environ.get("HOSTILE_TIMEOUT", "120"))
    with tempfile.TemporaryDirectory() as folder:
        for name in names or list(CASES):
            m = measure(name, Path(folder), timeout=timeout, root=root)
            print(f"{m.name:15} {m.bytes / 2**20:5.2f} MB {m.seconds:8.2f} s {m.peak_mb:8.0f} MB peak  {m.outcome}",
                  flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
