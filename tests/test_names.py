"""One name for the language catalogue: a parameter called ``text`` is the catalogue
(``persona.i18n.Catalog``) and nothing else; a plain string gets a name that says what it holds
(``yaml_text``, ``content``, ``note_text``, …), in every layer."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

CHECKED = ("persona", "journeys", "app")
CATALOGUE = {"Catalog", "Catalog | None", "Optional[Catalog]"}


def text_parameters_not_catalogue(source: str, where: str) -> list[str]:
    """Every function parameter named ``text`` whose annotation is not the catalogue, as
    ``where:line function(text: annotation)``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        arguments = node.args
        for argument in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
            annotation = ast.unparse(argument.annotation).strip("'\"") if argument.annotation else None
            if argument.arg == "text" and annotation not in CATALOGUE:
                found.append(f"{where}:{node.lineno} {node.name}(text: {annotation})")
    return found


def checked_files() -> list[Path]:
    return [path for package in CHECKED for path in sorted((ROOT / package).rglob("*.py"))]


def test_a_parameter_named_text_is_the_catalogue_everywhere():
    found = [line for path in checked_files()
             for line in text_parameters_not_catalogue(path.read_text(encoding="utf-8"),
                                                       path.relative_to(ROOT).as_posix())]
    assert found == [], "a plain string named `text` — name it for what it holds (yaml_text, content, …):\n" + \
        "\n".join(found)


def test_the_walk_finds_a_string_named_text():
    source = "def parse(text: str) -> None: ...\ndef draw(*, text) -> None: ...\n"
    assert text_parameters_not_catalogue(source, "x.py") == ["x.py:1 parse(text: str)", "x.py:2 draw(text: None)"]


def test_the_walk_lets_the_catalogue_be():
    source = ("def show(gap: object, text: Catalog) -> None: ...\n"
              "def maybe(text: 'Catalog | None' = None) -> None: ...\n"
              "def parse(yaml_text: str) -> None: ...\n")
    assert text_parameters_not_catalogue(source, "x.py") == []


def test_the_walk_covers_the_three_layers():
    names = {path.relative_to(ROOT).as_posix() for path in checked_files()}
    assert {"persona/load.py", "journeys/workshop.py", "journeys/render/poster.py", "app/state.py"} <= names
