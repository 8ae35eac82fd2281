"""`journeys app --host`: an access code is made and printed (or given), files read-only unless
--allow-edit; on this machine alone nothing is asked."""

from __future__ import annotations

import re
import subprocess

import pytest

from journeys.cli import app as app_command


@pytest.fixture
def started(monkeypatch):
    calls = []
    monkeypatch.setattr(subprocess, "call", lambda command, env=None, cwd=None: calls.append(env) or 0)
    monkeypatch.setenv("JOURNEYS_ACCESS_CODE", "LEFT-OVER")  # from the shell: never passed on by mistake
    return calls


def test_on_the_network_a_code_is_made_printed_and_required(cli, started):
    result = cli("app", "--host", "0.0.0.0", "--port", "18771")
    assert result.code == 0
    env = started[0]
    code = env["JOURNEYS_ACCESS_CODE"]
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code) and code != "LEFT-OVER"
    assert code in result.out and "--allow-edit" in result.out
    assert "JOURNEYS_ALLOW_EDIT" not in env


def test_two_starts_make_two_codes(cli, started):
    cli("app", "--host", "0.0.0.0", "--port", "18772")
    cli("app", "--host", "0.0.0.0", "--port", "18773")
    assert started[0]["JOURNEYS_ACCESS_CODE"] != started[1]["JOURNEYS_ACCESS_CODE"]


def test_a_given_code_and_allow_edit_are_passed_on(cli, started):
    result = cli("app", "--host", "0.0.0.0", "--port", "18774", "--code", "RUM-7", "--allow-edit")
    assert result.code == 0
    assert started[0]["JOURNEYS_ACCESS_CODE"] == "RUM-7" and started[0]["JOURNEYS_ALLOW_EDIT"] == "1"
    assert "RUM-7" in result.out


def test_on_this_machine_alone_no_code(cli, started):
    result = cli("app", "--port", "18775")
    assert result.code == 0
    assert "JOURNEYS_ACCESS_CODE" not in started[0] and "JOURNEYS_ALLOW_EDIT" not in started[0]


def test_codes_avoid_look_alikes():
    assert not set("01ILO") & set(app_command.CODE_ALPHABET)
    assert len({app_command.new_code() for _ in range(50)}) == 50
