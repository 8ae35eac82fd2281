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
    """A valid persona with about as many events as fit under the limit on values (13,500)."""
    from bench.generate import generate_persona_text

    return generate_persona_text(13_500)


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

    def high_water_mb():
        # VmHWM: this process's own peak (ru_maxrss would carry the parent's over fork and exec)
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def cpu():
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    for path in sys.argv[1:]:
        start, start_cpu = time.perf_counter(), cpu()
        try:
            read_persona(path)
            outcome = "valid"
        except PersonaError as exc:
            outcome = type(exc).__name__ + ": " + ", ".join(sorted({p.key for p in exc.problems}))
        except BaseException as exc:
            outcome = "CRASH " + type(exc).__name__
        seconds, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu
        peak = high_water_mb()
        print(json.dumps({"seconds": seconds, "cpu": cpu_seconds, "peak_mb": peak, "outcome": outcome}), flush=True)
""")


@dataclass(frozen=True)
class Measured:
    name: str
    bytes: int
    seconds: float
    cpu_seconds: float
    peak_mb: float  # the whole process so far (Python and the library included): a running maximum
    outcome: str


def measure_all(names: list[str], folder: Path, timeout: float = 120, memory_mb: int = 4096,
                root: Path | None = None) -> list[Measured]:
    """Read the cases one after the other in one fresh Python process (peak memory is then the
    largest so far); a case that kills the process ends the list there."""
    paths, sizes = [], []
    for name in names:
        text = CASES[name]()
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
        sizes.append(len(text.encode("utf-8")))
    limit = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({memory_mb << 20}, {memory_mb << 20}))\n"
    try:
        run = subprocess.run([sys.executable, "-c", limit + _CHILD, *paths], capture_output=True, text=True,
                             timeout=timeout, cwd=root or Path(__file__).resolve().parent.parent)
        stdout, stderr = run.stdout, run.stderr
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        stderr = f"timeout after {timeout} s"
    found = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    results = [Measured(name, size, f["seconds"], f["cpu"], f["peak_mb"], f["outcome"])
               for name, size, f in zip(names, sizes, found)]
    if len(found) < len(names):
        name = names[len(found)]
        results.append(Measured(name, sizes[len(found)], float("nan"), float("nan"), float("nan"),
                                "died: " + stderr[-200:]))
    return results


def main(args: list[str]) -> None:
    """``--root FOLDER`` reads with another checkout's library (e.g. the code before a change);
    each case runs in its own process, so that each peak is its own."""
    import os
    import tempfile

    root = Path(args[args.index("--root") + 1]) if "--root" in args else None
    names = [n for n in args if n in CASES] or list(CASES)
    timeout = float(os.environ.get("HOSTILE_TIMEOUT", "120"))
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            for m in measure_all([name], Path(folder), timeout=timeout, root=root):
                print(f"{m.name:15} {m.bytes / 2**20:5.2f} MB {m.seconds:7.2f} s {m.cpu_seconds:7.2f} s CPU "
                      f"{m.peak_mb:6.0f} MB peak  {m.outcome}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
