"""The wheel carries the app: built from the checkout, installed into a fresh virtual environment
outside it, ``journeys app`` serves the bundled examples.

Slow (a virtual environment and an install from the package index, about a minute), so it is
marked ``wheel``; it runs in ``make test`` like every other test (``-m "not wheel"`` skips it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from e2e.browser import stop

pytestmark = pytest.mark.wheel

START_TIMEOUT = 90  # seconds for Streamlit to answer; a generous bound, not a speed claim
# What a checkout holds that a build reads; nothing else is copied.
SOURCES = ("pyproject.toml", "setup.py", "README.md", "constraints.txt", "persona", "journeys", "app",
           "examples", ".streamlit")


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def clean_env(home: Path) -> dict[str, str]:
    """No trace of the checkout: no PYTHONPATH, no language or folder settings."""
    drop = ("PYTHONPATH", "JOURNEYS_LANG", "JOURNEYS_VOCABULARY", "JOURNEYS_APP_FOLDER", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["HOME"] = str(home)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel and its [app] extra installed."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(path, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(work / "dist"), str(source)])
    (wheel,) = (work / "dist").glob("journeys-*.whl")
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", "-c", str(ROOT / "constraints.txt"), f"{wheel}[app]"],
        cwd=work, env=clean_env(work))
    return venv


def test_the_installed_package_holds_the_app_and_the_examples(installed: Path, tmp_path: Path):
    code = ("import journeys, pathlib; from journeys.cli import app as a; "
            "print(a.APP_SCRIPT); print(a.DEFAULT_FOLDER); print(pathlib.Path(journeys.__file__).parent)")
    result = run([str(installed / "bin" / "python"), "-c", code], cwd=tmp_path, env=clean_env(tmp_path))
    script, folder, package = (Path(line) for line in result.stdout.splitlines())
    assert ROOT not in script.parents and installed in script.parents
    assert script == package / "bundled" / "app" / "streamlit_app.py" and script.is_file()
    assert sorted(p.name for p in folder.glob("*.yaml")) == ["alva.yaml", "elias.yaml", "exempelstad.catalogue.yaml", "kim.yaml", "noor.yaml"]
    assert (package / "bundled" / ".streamlit" / "config.toml").is_file()
    assert (package / "bundled" / "app" / "lang" / "app.sv.yaml").is_file()


def test_the_bundled_app_runs_from_the_installed_package(installed: Path, tmp_path: Path):
    """The app script itself, run by Streamlit's AppTest in the installed environment: it finds
    ``app`` inside the package, reads the bundled examples and shows them without an error."""
    code = (
        "from journeys.cli.app import APP_SCRIPT, DEFAULT_FOLDER\n"
        "import os; os.environ['JOURNEYS_APP_FOLDER'] = str(DEFAULT_FOLDER)\n"
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file(str(APP_SCRIPT), default_timeout=120); at.run()\n"
        "assert not at.exception, at.exception\n"
        "import sys; print(sys.modules['app'].__file__)\n"
        "print(' '.join(str(o) for o in at.radio(key='choose_file').options))\n"
    )
    result = run([str(installed / "bin" / "python"), "-c", code], cwd=tmp_path, env=clean_env(tmp_path))
    app_file, options = result.stdout.splitlines()[-2:]
    assert Path(app_file).parent.parent.name == "bundled" and installed in Path(app_file).parents
    assert "kim.yaml" in options and "noor.yaml" in options


def test_journeys_app_serves_the_bundled_examples(installed: Path, tmp_path: Path):
    port = free_port()
    server = subprocess.Popen([str(installed / "bin" / "journeys"), "app", "--port", str(port)], cwd=tmp_path,
                              env=clean_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True)
    try:
        statuses = {}
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and server.poll() is None and len(statuses) < 2:
            for path in ("/", "/_stcore/health"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
                        statuses[path] = (response.status, response.read())
                except OSError:
                    time.sleep(0.5)
        assert server.poll() is None, server.stdout.read() if server.stdout else ""
        assert statuses["/"][0] == 200 and b"<html" in statuses["/"][1].lower()
        assert statuses["/_stcore/health"] == (200, b"ok")
    finally:
        stop(server)
