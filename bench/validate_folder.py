"""validate_folder: ``journeys validate`` on a folder of 200 personas against a bare YAML parse
of the same files. Both are whole processes taking turns, so the floor includes starting Python
and importing PyYAML; medians.

    python -m bench validate_folder
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.common import Figure, interleaved_seconds, process
from bench.generate import generate_persona_text

PERSONAS = 200
EVENTS_EACH = 60
REPEATS = 5
BARE_PARSE = (
    "import sys, pathlib, yaml\n"
    "loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_text(encoding='utf-8'), Loader=loader)\n"
)


def write_folder(folder: Path) -> None:
    for index in range(PERSONAS):
        (folder / f"persona-{index:03d}.yaml").write_text(
            generate_persona_text(EVENTS_EACH, seed=index), encoding="utf-8")


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_folder(folder)
        times = interleaved_seconds({
            "bare": process([sys.executable, "-c", BARE_PARSE, str(folder)]),
            "validate": process([sys.executable, "-m", "journeys", "validate", "-q", str(folder)]),
        }, REPEATS)
    floor, validate = times["bare"], times["validate"]
    return [Figure("validate_folder", validate / floor, "x",
                   f"bare YAML parse of the {PERSONAS} files {floor:.2f} s",
                   detail=f"journeys validate {validate:.2f} s, {PERSONAS} personas × {EVENTS_EACH} events "
                          f"(medians of {REPEATS})")]


if __name__ == "__main__":
    for figure in run():
        print(figure.line(), f"[{figure.detail}]")
