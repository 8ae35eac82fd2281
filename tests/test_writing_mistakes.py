"""The mistakes an official makes writing a persona by hand, and the message that says the fix.

Each mistake has a test that makes its message fire (with the words an official acts on) and
a test that keeps it quiet when the text is written the way the starter teaches.
"""

from __future__ import annotations

import re

import pytest

from persona.errors import PersonaInvalid, Problem
from persona.i18n import Catalog
from persona.load import parse_persona
from tests.conftest import persona_text


def failure(body: str) -> PersonaInvalid:
    with pytest.raises(PersonaInvalid) as caught:
        parse_persona(persona_text(body), "lisa.yaml")
    return caught.value


def lines(body: str, lang: str = "sv") -> list[str]:
    return failure(body).lines(Catalog.load(lang))


def only(body: str) -> Problem:
    problems = failure(body).problems
    assert len(problems) == 1, problems
    return problems[0]


def valid(body: str) -> bool:
    parse_persona(persona_text(body), "lisa.yaml")
    return True


PEOPLE = "people:\n  - {{id: mamma, role: parent, label: Mamma, note: {note}}}\n"
EVENT = "events:\n  - {{id: a, age: 1, kind: life, label: {label}}}\n"

# Parser vocabulary that must never reach an official.
ENGLISH_PARSER_WORDS = re.compile(r"expected|found|token|scalar|mapping|flow|block|stream|directive|while")


# --- the comma --------------------------------------------------------------------------------
def test_a_comma_in_unquoted_text_says_put_it_in_quotes():
    problem = only(PEOPLE.format(note="Ensamstående, nedstämd efter förlossningen"))
    assert problem.key == "field.comma_in_text"
    (line,) = lines(PEOPLE.format(note="Ensamstående, nedstämd efter förlossningen"))
    assert line.startswith("lisa.yaml:5:")
    assert "'nedstämd efter förlossningen'" in line
    assert "kommatecken" in line and "citattecken" in line
    (english,) = lines(PEOPLE.format(note="Ensamstående, nedstämd efter förlossningen"), "en")
    assert "comma" in english and "quotes" in english


def test_a_comma_before_one_capitalised_word_is_also_text():
    assert only(EVENT.format(label="Mamma, Pappa")).key == "field.comma_in_text"


def test_quoted_text_with_a_comma_is_valid():
    assert valid(PEOPLE.format(note='"Ensamstående, nedstämd efter förlossningen"'))


def test_a_misspelt_key_is_still_a_misspelt_key():
    problem = only("people:\n  - {id: mamma, role: parent, labl: Mamma}\n")
    assert problem.key == "field.unknown_key"
    assert problem.params["hint"] == Problem("hint.did_you_mean", {"word": "label"})


# --- brackets ---------------------------------------------------------------------------------
def test_a_comma_inside_brackets_says_quote_the_whole_text():
    (line,) = lines(EVENT.format(label="Flyttar (vid 12, 14 år)"))
    assert only(EVENT.format(label="Flyttar (vid 12, 14 år)")).key == "field.comma_in_brackets"
    assert "'14 år)'" in line and "parentes" in line and "citattecken" in line


@pytest.mark.parametrize("label", ["Möte [SIP] igen", "Möte {SIP} igen"])
def test_a_square_or_curly_bracket_in_unquoted_text_says_put_it_in_quotes(label: str):
    problem = only(EVENT.format(label=label))
    assert problem.key == "yaml.bracket_in_flow"
    (line,) = lines(EVENT.format(label=label))
    assert line.startswith("lisa.yaml:5:")
    assert "klammer" in line and "citattecken" in line
    assert not ENGLISH_PARSER_WORDS.search(line)


def test_text_after_a_bracketed_start_says_quote_the_whole_text():
    problem = only("summary: [SIP] möte med skolan\n")
    assert problem.key == "yaml.text_after_value"
    (line,) = lines("summary: [SIP] möte med skolan\n")
    assert "citattecken" in line and not ENGLISH_PARSER_WORDS.search(line)


@pytest.mark.parametrize("label", ['"Möte [SIP] igen"', '"Flyttar (vid 12, 14 år)"', '"Möte {SIP}"'])
def test_quoted_brackets_are_valid(label: str):
    assert valid(EVENT.format(label=label))


# --- the colon --------------------------------------------------------------------------------
def test_a_colon_in_unquoted_text_in_a_row_says_put_it_in_quotes():
    problem = only(EVENT.format(label="Möte: SIP"))
    assert problem.key == "yaml.colon_in_flow"
    (line,) = lines(EVENT.format(label="Möte: SIP"))
    assert line.startswith("lisa.yaml:5:")
    assert "kolon" in line and "citattecken" in line
    assert not ENGLISH_PARSER_WORDS.search(line)


def test_a_colon_in_unquoted_block_text_says_put_it_in_quotes():
    body = "events:\n  - id: a\n    age: 1\n    kind: life\n    label: Möte: SIP\n"
    assert only(body).key == "yaml.colon_in_value"
    (line,) = lines(body)
    assert "kolon" in line and "citattecken" in line


def test_a_quoted_colon_is_valid():
    assert valid(EVENT.format(label='"Möte: SIP"'))


# --- the tab ----------------------------------------------------------------------------------
def test_a_tab_for_indentation_is_called_a_tab():
    body = "events:\n\t- {id: a, age: 1, kind: life, label: x}\n"
    problem = only(body)
    assert problem.key == "yaml.tab"
    assert problem.position is not None and (problem.position.line, problem.position.column) == (5, 1)
    (line,) = lines(body)
    assert "tabb" in line and "mellanslag" in line
    (english,) = lines(body, "en")
    assert "tab" in english and "spaces" in english


def test_a_tab_inside_quoted_text_is_fine():
    assert valid(EVENT.format(label='"Möte\tSIP"'))


# --- Swedish words ----------------------------------------------------------------------------
def test_a_swedish_agency_name_suggests_its_code():
    body = "events:\n  - {id: a, age: 1, kind: contact, agency: elevhalsa, label: x}\n"
    (line,) = lines(body)
    assert "menade du 'student_health' (Elevhälsa)?" in line


def test_a_swedish_key_suggests_the_key():
    body = "events:\n  - {id: a, ålder: 1, kind: life, label: x}\n"
    found = lines(body)
    assert any("okänd nyckel 'ålder' — menade du 'age'?" in line for line in found), found


def test_a_swedish_kind_suggests_the_kind():
    body = "events:\n  - {id: a, age: 1, kind: orosanmälan, agency: school, to: social, label: x}\n"
    (line,) = lines(body)  # and no second complaint about 'to' for a kind that does not exist
    assert "menade du 'report' (Orosanmälan)?" in line


def test_a_swedish_role_and_level_suggest_their_codes():
    body = ("people:\n  - {id: m, role: förälder, label: Mamma}\n"
            "supports:\n  - {id: s, agency: school, level: behandling, label: x, from: 1}\n")
    found = " ".join(lines(body))
    assert "menade du 'parent' (Förälder)?" in found
    assert "menade du 'treatment' (Behandling och omsorg)?" in found


def test_a_word_that_names_nothing_lists_what_is_allowed():
    body = "events:\n  - {id: a, age: 1, kind: contact, agency: kiosken, label: x}\n"
    (line,) = lines(body)
    assert "menade du" not in line and "tillåtet är:" in line


# --- other parser messages ----------------------------------------------------------------------
@pytest.mark.parametrize("body, key", [
    ("summary: @hemma\n", "yaml.reserved_start"),
    ("summary: `hemma\n", "yaml.reserved_start"),
    ('summary: "a\\qb"\n', "yaml.escape"),
    ("summary: & hemma\n", "yaml.anchor_start"),
    ('summary: "öppet\n', "yaml.unclosed_quote"),
    ("events:\n  - {id: a, age: 1\nname: x\n", "yaml.unclosed_flow"),
    ("summary: a\x07b\n", "yaml.control_character"),
    ("events:\n  - id: a\n   age: 1\n", "yaml.indentation"),
])
def test_parser_messages_are_in_the_users_language(body: str, key: str):
    problem = only(body)
    assert problem.key == key
    for lang in ("sv", "en"):
        (line,) = lines(body, lang)
        assert not ENGLISH_PARSER_WORDS.search(line.split(": ", 1)[1]), line


# --- what the starter and the examples teach ------------------------------------------------------
TEXT_KEYS = {"label", "note", "voice", "summary", "quote", "name"}


def unquoted_text(text: str, flow_only: bool) -> list[str]:
    """Text values written plain (no quotes, no block scalar): inside {…} rows, or anywhere."""
    import yaml

    found, depth, key = [], 0, None
    tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    for previous, token in zip(tokens, tokens[1:]):
        if isinstance(token, (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)):
            depth += 1
        elif isinstance(token, (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
            depth -= 1
        elif isinstance(token, yaml.ScalarToken):
            if isinstance(previous, yaml.KeyToken):
                key = token.value
            elif (isinstance(previous, yaml.ValueToken) and token.plain and key in TEXT_KEYS
                  and (depth > 0 or not flow_only)):
                found.append(f"{token.start_mark.line + 1}: {key}: {token.value}")
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_starter_quotes_every_text(lang: str):
    from journeys.cli.new import starter_text

    assert unquoted_text(starter_text("Lisa Åberg", lang, "lisa.yaml"), flow_only=False) == []


def test_the_examples_quote_the_text_in_their_rows():
    from conftest import EXAMPLES

    found = {str(path.relative_to(EXAMPLES)): unquoted_text(path.read_text(encoding="utf-8"), flow_only=True)
             for path in sorted(EXAMPLES.rglob("*.yaml"))}
    assert len(found) >= 4 and {name: plain for name, plain in found.items() if plain} == {}
