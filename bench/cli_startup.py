"""cli_startup: ``journeys --help`` against ``python -c pass``, both as whole processes, taking
turns, medians. (That ``--help`` imports neither Streamlit, pandas nor the heavy libraries is
tested in tests/test_layers.py.)

    python -m bench cli_startup
"""

from __future__ import annotations

import sys

from bench.common import PYTHON_PASS, Figure, interleaved_seconds, process

REPEATS = 15


def run() -> list[Figure]:
    times = interleaved_seconds({"python": process(PYTHON_PASS),
                                 "help": process([sys.executable, "-m", "journeys", "--help"])}, REPEATS)
    floor, cli = times["python"], times["help"]
    return [Figure("cli_startup", cli / floor, "x", f"python -c pass {floor * 1000:.0f} ms",
                   detail=f"journeys --help {cli * 1000:.0f} ms (medians of {REPEATS})")]


if __name__ == "__main__":
    for figure in run():
        print(figure.line(), f"[{figure.detail}]")
