"""``make bench``: run every benchmark, print one line per figure, write bench/results.json."""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys

from bench.common import ROOT

# Each module has run() -> list[Figure].
MODULES = ("cli_startup", "validate_folder", "engine", "poster", "app_step", "offer", "interviews", "cohort")


def main(names: list[str]) -> int:
    figures = []
    for name in names or MODULES:
        for figure in importlib.import_module(f"bench.{name}").run():
            print(figure.line(), flush=True)
            figures.append(figure.as_dict())
    result = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
              "figures": figures}
    (ROOT / "bench" / "results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
