"""Every user-facing string exists in both languages, with the same placeholders."""

from __future__ import annotations

import string

import pytest
import yaml

from persona.i18n import flatten, language_files

PACKAGES = ["persona", "journeys", "app"]


def catalogue(package: str, lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in language_files(package, lang):
        merged.update(flatten(yaml.safe_load(path.read_text(encoding="utf-8")) or {}))
    return merged


@pytest.mark.parametrize("package", PACKAGES)
def test_every_area_file_has_both_languages(package: str):
    sv = sorted(p.name.replace("sv.yaml", "") for p in language_files(package, "sv"))
    en = sorted(p.name.replace("en.yaml", "") for p in language_files(package, "en"))
    assert sv == en


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("package", PACKAGES)
def test_same_keys_in_swedish_and_english(package: str):
    sv, en = catalogue(package, "sv"), catalogue(package, "en")
    assert sorted(set(sv) ^ set(en)) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_same_placeholders(package: str):
    sv, en = catalogue(package, "sv"), catalogue(package, "en")
    differing = [k for k in sv if k in en and placeholders(sv[k]) != placeholders(en[k])]
    assert differing == []


def test_every_problem_key_used_in_code_has_words():
    import re
    from pathlib import Path

    sv = {**catalogue("persona", "sv"), **catalogue("journeys", "sv")}
    root = Path(__file__).resolve().parent.parent
    used = set()
    for path in list((root / "persona").rglob("*.py")) + list((root / "journeys").rglob("*.py")):
        used |= set(re.findall(r'Problem\(\s*"([a-z_]+\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
        used |= set(re.findall(r'self\.(?:base\.)?add\(\s*"([a-z_]+\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert used and sorted(k for k in used if k not in sv) == []


@pytest.mark.parametrize("package", ["persona", "journeys"])
def test_the_library_code_holds_no_swedish_strings(package: str):
    """Words a user reads live in lang/*.yaml; docstrings and comments may speak of Swedish
    practice (the app has the same test: tests/test_app.py)."""
    import ast
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / package
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        found += [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and id(node) not in docstrings and re.search(r"[åäöÅÄÖ]", node.value)]
    assert found == []
