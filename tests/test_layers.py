"""The one way through: lower layers never import upward, the CLI stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

FORBIDDEN = {
    "persona": {"journeys", "app", "streamlit", "pandas", "networkx", "pygraphviz"},
    "journeys": {"app", "streamlit"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_upward_imports(package: str):
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & FORBIDDEN[package])
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_cli_imports_neither_streamlit_nor_pandas():
    code = (
        "import sys, contextlib, io\n"
        "from journeys.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main(['--help'])\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in ('streamlit', 'pandas') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


HEAVY = ("networkx", "pydantic", "pygraphviz", "reportlab", "pypdf")


def _top_level_modules_after(code: str) -> set[str]:
    """The top-level packages imported once ``code`` has run in a fresh Python."""
    code += "\nimport sys\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(result.stdout.split())


def test_cli_help_imports_none_of_the_heavy_libraries():
    """`journeys --help` answers before the library is needed: commands import it in run()."""
    loaded = _top_level_modules_after(
        "import contextlib, io\n"
        "from journeys.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main(['--help'])\n    except SystemExit:\n        pass\n"
    )
    assert "journeys" in loaded
    assert sorted(loaded & set(HEAVY)) == []


def test_the_poster_needs_no_pypdf_and_networkx_only_for_the_chain_questions(tmp_path):
    """The wall poster draws its timeline itself and places Graphviz's plain PDFs (the pictures
    that fit) itself; pypdf is only the fallback. networkx answers the rules' chain questions
    (who knew, answer chains), so Kim's signals load it."""
    out = tmp_path / "kim.pdf"
    loaded = _top_level_modules_after(
        "import contextlib, io\n"
        "from journeys.cli import main\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert main(['poster', 'examples/kim.yaml', '-o', {str(out)!r}]) == 0\n"
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert {"journeys", "reportlab", "networkx"} <= loaded
    assert "pypdf" not in loaded


def test_networkx_is_loaded_only_when_a_rule_asks_a_chain_question(tmp_path):
    """The sub-graphs are built when first asked for: a life with no signal, report or
    referral asks no chain question, and runs every rule without importing networkx."""
    quiet = tmp_path / "quiet.yaml"
    quiet.write_text("schema: 1\nid: quiet\nname: Quiet\nborn: 2010\nevents:\n"
                     "  - {id: a, age: 1, kind: contact, agency: bvc, label: Besök}\n", encoding="utf-8")
    loaded = _top_level_modules_after(
        "import contextlib, io\n"
        "from journeys.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['gaps', {str(quiet)!r}]) == 0\n"
    )
    assert "journeys" in loaded
    assert "networkx" not in loaded
