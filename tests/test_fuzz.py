"""Property: whatever text comes in, the loader and validator answer with a persona or with the
project's own errors (PersonaError: file, line, column, message) — never anything else.

In the suite: 2,400 examples over three kinds of input. For long runs: ``make fuzz`` (set
``JOURNEYS_FUZZ_EXAMPLES``, default 50,000 per kind).
"""

from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persona.errors import PersonaError
from persona.i18n import Catalog
from persona.load import PersonaFile, parse_persona
from persona.vocabulary import load_vocabulary

EXAMPLES = int(os.environ.get("JOURNEYS_FUZZ_EXAMPLES", "800"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize="JOURNEYS_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
VOCABULARY = load_vocabulary()
CATALOG = Catalog.load("sv", packages=("persona", "journeys"))

KEYS = ["schema", "id", "name", "born", "summary", "quote", "events", "supports", "factors", "people",
        "agencies", "scenarios", "age", "kind", "agency", "label", "responds_to", "from", "to", "level",
        "type", "domain", "changes", "add", "set", "remove", "handover", "with", "role", "note"]
WORDS = ["signal", "contact", "bvc", "school", "social", "1", "2.5", "0x1f", "1:30", "~", "null", "yes",
         "!!int", "!!str", "&a", "*a", "<<", "[", "]", "{", "}", "- ", ": ", "#", "'", '"', "\\x2D", "\t",
         "811218-9876", "070-123 45 67", "a@b.se", "\u2013", "\u200b", "\x1b[31m", "é", "—", "%YAML 1.1"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.sampled_from(WORDS), st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)), max_leaves=12)
documents = st.fixed_dictionaries({"schema": st.sampled_from([1, 1, 2, "1"]), "id": st.sampled_from(["t", "T t", ""]),
                                   "name": scalars}, optional={key: values for key in KEYS[3:12]})


def _answer(text: str) -> None:
    try:
        found = parse_persona(text, "fuzz.yaml", VOCABULARY)
    except PersonaError as exc:
        lines = exc.lines(CATALOG)
        assert lines and all(line.startswith("fuzz.yaml") and "\n" not in line for line in lines)
        return
    assert isinstance(found, PersonaFile)


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text(text: str):
    _answer(text)


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(WORDS + KEYS), st.text(max_size=5)), max_size=60))
def test_yaml_like_pieces(pieces: list[str]):
    _answer("".join(pieces))


@FUZZ
@given(documents, st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(WORDS + ["\n", " ", "  "])), max_size=4))
def test_persona_shaped_documents_damaged(document: dict, damage: list[tuple[int, str]]):
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    for position, piece in damage:
        at = position % (len(text) + 1)
        text = text[:at] + piece + text[at:]
    _answer(text)


def test_the_suite_tries_enough():
    if "JOURNEYS_FUZZ_EXAMPLES" not in os.environ:
        assert 3 * EXAMPLES >= 2_000
    else:  # pragma: no cover - make fuzz
        pytest.skip("long run")
