"""`journeys app`: how it starts Streamlit (local only, no statistics, headless), and its clean errors."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from journeys.cli import app as app_command

from conftest import EXAMPLES


@pytest.fixture
def started(monkeypatch):
    """Record the command instead of starting Streamlit."""
    calls = []

    def fake_call(command, env=None, cwd=None):
        calls.append((command, env, cwd))
        return 0

    monkeypatch.setattr(subprocess, "call", fake_call)
    return calls


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_starts_streamlit_on_the_examples_locally_without_statistics(cli, started):
    result = cli("app", "--port", "18765")
    assert result.code == 0, result.err
    command, env, cwd = started[0]
    assert command[:4] == [sys.executable, "-m", "streamlit", "run"]
    assert Path(command[4]) == app_command.APP_SCRIPT and app_command.APP_SCRIPT.is_file()
    assert option(command, "--server.address") == "127.0.0.1"
    assert option(command, "--server.port") == "18765"
    assert option(command, "--server.headless") == "true"
    assert option(command, "--browser.gatherUsageStats") == "false"
    assert env["JOURNEYS_APP_FOLDER"] == str(EXAMPLES)
    assert Path(cwd) == app_command.REPOSITORY
    assert "http://localhost:18765" in result.out
    assert result.err == ""


def test_a_folder_host_and_language_are_passed_on(cli, started, tmp_path: Path):
    result = cli("--lang", "en", "app", str(tmp_path), "--host", "0.0.0.0", "--port", "18766")
    assert result.code == 0
    command, env, _ = started[0]
    assert option(command, "--server.address") == "0.0.0.0"
    assert env["JOURNEYS_APP_FOLDER"] == str(tmp_path.resolve())
    assert env["JOURNEYS_LANG"] == "en"
    assert "network" in result.err  # a warning that others can connect


def test_a_missing_folder_is_one_clean_line(cli, started, tmp_path: Path):
    result = cli("app", str(tmp_path / "saknas"))
    assert result.code == 2 and not started
    assert len(result.err.strip().splitlines()) == 1 and "saknas" in result.err


def test_a_busy_port_is_one_clean_line(cli, started):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("app", "--port", str(port))
    assert result.code == 2 and not started
    assert len(result.err.strip().splitlines()) == 1 and str(port) in result.err


def test_a_missing_app_script_is_one_clean_line(cli, started, monkeypatch, tmp_path: Path):
    monkeypatch.setattr(app_command, "APP_SCRIPT", tmp_path / "app" / "streamlit_app.py")
    result = cli("app")
    assert result.code == 2 and not started
    assert len(result.err.strip().splitlines()) == 1 and "streamlit_app.py" in result.err
