"""Shared test helpers: small personas built in code, and running the CLI in-process."""

from __future__ import annotations

import io
import shutil
import textwrap
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from journeys.cli import main
from persona.i18n import Catalog

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def persona_text(body: str = "", **top: object) -> str:
    """A minimal valid persona header plus the given YAML body."""
    header = "schema: 1\nid: test\nname: Test\n"
    return header + textwrap.dedent(body)


@pytest.fixture
def sv() -> Catalog:
    return Catalog.load("sv", packages=("persona", "journeys"))


@pytest.fixture
def en() -> Catalog:
    return Catalog.load("en", packages=("persona", "journeys"))


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(monkeypatch):
    """Run ``journeys ARGS`` in-process; returns exit code, stdout, stderr."""
    monkeypatch.delenv("JOURNEYS_LANG", raising=False)
    monkeypatch.delenv("JOURNEYS_VOCABULARY", raising=False)

    def run(*args: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exc:  # argparse
                code = int(exc.code or 0)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def app_examples(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the examples as the app's folder, in the default language and vocabulary."""
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copy)
    monkeypatch.setenv("JOURNEYS_APP_FOLDER", str(copy))
    for name in ("JOURNEYS_LANG", "JOURNEYS_VOCABULARY", "JOURNEYS_APP_INTERVIEWS"):
        monkeypatch.delenv(name, raising=False)
    return copy
