"""argparse's own words (usage, section titles, --help, error messages) in the user's language."""

from __future__ import annotations

import argparse
import gettext
import re

import pytest

from journeys.cli import COMMANDS
from journeys.cli.argparse_words import MESSAGE_KEYS
from persona.i18n import Catalog

ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "optional arguments", "show this help",
                    "error:", "required", "invalid choice", "unrecognized", "expected")


def english_left(output: str) -> list[str]:
    return [word for word in ARGPARSE_ENGLISH if word in output]


@pytest.mark.parametrize("command", ("",) + COMMANDS)
def test_help_of_every_command_is_swedish(cli, command: str):
    result = cli(*([command] if command else []), "--help")
    assert result.code == 0
    assert result.out.startswith("användning: journeys")
    assert "flaggor:" in result.out and "visa den här hjälpen och avsluta" in result.out
    assert english_left(result.out) == []


@pytest.mark.parametrize("args, words", [
    (["validate"], "journeys validate: fel: de här argumenten behövs: SÖKVÄG"),
    (["gaps", "x.yaml", "--format", "pdf"], "fel: argumentet --format: ogiltigt val: 'pdf' (välj bland"),
    (["app", "--port", "x"], "fel: argumentet --port: ogiltigt värde: 'x' — här behövs ett tal"),
    (["validate", "x.yaml", "--bogus"], "journeys: fel: okända argument: --bogus"),
    (["gaps", "x.yaml", "--scenario"], "fel: argumentet --scenario: ett värde behövs"),
    (["nosuch"], "fel: argumentet KOMMANDO: ogiltigt val: 'nosuch'"),
])
def test_usage_errors_are_swedish(cli, args: list[str], words: str):
    result = cli(*args)
    assert result.code == 2
    assert result.err.startswith("användning: journeys")
    assert words in result.err
    assert english_left(result.err) == []


def test_english_stays_english(cli):
    result = cli("--lang", "en", "validate")
    assert "usage: journeys validate" in result.err
    assert "error: the following arguments are required: PATH" in result.err


def test_argparse_is_itself_again_after_the_command(cli):
    cli("validate", "--help")
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]


def percent_fields(template: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)[sr]", template)) | ({"%s"} if re.search(r"%[sr]", template) else set())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_argparse_text_has_words_that_fit_its_placeholders(lang: str):
    """A translation may leave out a placeholder, never add one: argparse fills in only its own."""
    text = Catalog.load(lang, packages=("journeys",))
    for message, key in MESSAGE_KEYS.items():
        assert text.has(f"cli_argparse.{key}"), key
        assert percent_fields(text(f"cli_argparse.{key}")) <= percent_fields(message), (key, lang)
