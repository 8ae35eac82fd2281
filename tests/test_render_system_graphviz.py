"""`journeys render --format dot` output is drawn by plain Graphviz (`dot -Tsvg`), not only by
the pygraphviz wheel the toolkit draws with. Debian's Graphviz 2.43 crashed on every example
timeline before the DOT named its own layout engine (``layout=nop2``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

EXAMPLE_NAMES = tuple(p.stem for p in sorted(EXAMPLES.glob("*.yaml")) if p.name.count(".") == 1)  # every example

DOT = Path("/usr/bin/dot")
VIEWS = ("timeline", "ecomap", "balance")

pytestmark = pytest.mark.skipif(
    not DOT.exists() or shutil.which(str(DOT)) is None,
    reason="no /usr/bin/dot: run `make system-deps` (scripts/system-deps.sh) to install Debian's graphviz",
)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("view", VIEWS)
def test_plain_graphviz_draws_the_exported_dot(cli, tmp_path: Path, name: str, view: str):
    source = tmp_path / f"{name}.{view}.dot"
    result = cli("render", EXAMPLES / f"{name}.yaml", "--view", view, "--format", "dot", "-o", source)
    assert result.code == 0, result.err
    drawn = subprocess.run([str(DOT), "-Tsvg", str(source)], check=False, capture_output=True, timeout=120)
    assert drawn.returncode == 0, drawn.stderr.decode("utf-8", "replace")
    svg = drawn.stdout.decode("utf-8")
    assert svg.rstrip().endswith("</svg>")
    assert svg.count("<text") > 10, "the picture's text is missing"


def test_every_example_is_drawn_by_plain_graphviz_including_the_one_that_ends_early():
    assert {"alva", "kim", "noor", "elias"} <= set(EXAMPLE_NAMES)
