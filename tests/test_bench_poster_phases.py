"""bench/poster_phases.py times the library's steps by wrapping them: the steps it names must
exist (or its table silently loses rows), and timing them must not change the poster."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

from bench.poster_phases import STEPS
from tests.conftest import EXAMPLES, ROOT

# Steps of pictures a plain A1 poster no longer draws (the wall poster draws its own): they must
# exist, but a plain poster need not reach them.
NOT_ON_A_PLAIN_POSTER = {"Graphviz draws (PDF)", "drawings placed on the page"}


def test_every_step_the_profile_times_exists():
    missing = []
    for module_name, steps in STEPS.items():
        module = importlib.import_module(module_name)
        for path, _ in steps:
            owner = module
            for part in path.split("."):
                owner = getattr(owner, part, None)
            if owner is None:
                missing.append(f"{module_name}.{path}")
    assert missing == []


def test_a_timed_poster_is_the_same_poster_with_its_phases(cli, tmp_path: Path):
    timed, plain = tmp_path / "timed.pdf", tmp_path / "plain.pdf"
    result = subprocess.run([sys.executable, "-m", "bench.poster_phases", "--child", str(EXAMPLES / "kim.yaml"),
                             str(timed)], cwd=ROOT, capture_output=True, text=True, check=True)
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert cli("poster", EXAMPLES / "kim.yaml", "--size", "A1", "-o", plain).code == 0
    assert timed.read_bytes() == plain.read_bytes()
    phases = measured["phases"]
    assert {"font files parsed (reportlab TTFont)", "graph and gap rules", "wall poster laid out (wall_layout.py)",
            "wall poster drawn on the page (wall_poster.py)", "file written"} <= set(phases)
    assert not NOT_ON_A_PLAIN_POSTER & set(phases)
    assert all(seconds >= 0 for seconds in phases.values())
    assert sum(phases.values()) <= measured["timed"] + 1e-6
