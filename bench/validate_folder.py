"""validate_folder: ``journeys validate`` on 200 personas against a bare YAML parse of the same files.

Both are whole processes, so the floor includes starting Python and importing PyYAML.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.common import Figure, process_seconds
from bench.generate import generate_persona_text

PERSONAS = 200
EVENTS_EACH = 60
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
        floor = process_seconds([sys.executable, "-c", BARE_PARSE, str(folder)], repeats=5)
        validate = process_seconds([sys.executable, "-m", "journeys", "validate", "-q", str(folder)], repeats=5)
    return [Figure("validate_folder", validate / floor, "x",
                   f"bare YAML parse of {PERSONAS} files {floor:.2f} s",
                   detail=f"journeys validate {validate:.2f} s")]


if __name__ == "__main__":
    for figure in run():
        print(figure.line())
