"""cli_startup: ``journeys --help`` against ``python -c pass``, both as whole processes."""

from __future__ import annotations

import sys

from bench.common import Figure, process_seconds, python_floor


def run() -> list[Figure]:
    floor = python_floor()
    cli = process_seconds([sys.executable, "-m", "journeys", "--help"])
    return [Figure("cli_startup", cli / floor, "x", f"python -c pass {floor * 1000:.0f} ms",
                   detail=f"journeys --help {cli * 1000:.0f} ms")]


if __name__ == "__main__":
    for figure in run():
        print(figure.line())
