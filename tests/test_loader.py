"""Safe, bounded loading: sizes, encodings, tags, aliases, positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from persona.errors import PersonaInvalid, PersonaUnreadable
from persona.safe_yaml import MIN_EXPANSION_BUDGET, decode, load_file, load_yaml, read_text

GOOD = "schema: 1\nid: lisa\nname: Lisa\n"


def keys(exc: pytest.ExceptionInfo) -> list[str]:
    return [p.key for p in exc.value.problems]


def test_positions_of_keys_and_values_are_kept():
    loaded = load_yaml("schema: 1\nevents:\n  - id: a\n    age: 2.5\n", "x.yaml")
    assert loaded.source.value(("events", 0, "age")).line == 4
    assert loaded.source.value(("events", 0, "age")).column == 10
    assert loaded.source.key(("events", 0, "age")).column == 5
    assert loaded.data["events"][0]["age"] == 2.5


def test_size_limit_is_checked_before_parsing(tmp_path: Path):
    big = tmp_path / "big.yaml"
    big.write_text(GOOD + "summary: " + "x" * 2000 + "\n")
    with pytest.raises(PersonaUnreadable) as exc:
        read_text(big, max_bytes=1000)
    assert keys(exc) == ["read.too_large"]
    assert read_text(big, max_bytes=10_000).startswith("schema")


def test_missing_file_is_unreadable(tmp_path: Path):
    with pytest.raises(PersonaUnreadable) as exc:
        load_file(tmp_path / "nope.yaml")
    assert keys(exc) == ["read.not_found"]


def test_bom_is_accepted():
    assert decode(b"\xef\xbb\xbf" + GOOD.encode(), "x") == GOOD


def test_latin1_gets_a_message_with_line_and_column():
    raw = "schema: 1\nname: Åsa\n".encode("latin-1")
    with pytest.raises(PersonaUnreadable) as exc:
        decode(raw, "x.yaml")
    problem = exc.value.problems[0]
    assert problem.key == "read.latin1"
    assert (problem.position.line, problem.position.column) == (2, 7)


def test_utf16_is_named():
    with pytest.raises(PersonaUnreadable) as exc:
        decode(GOOD.encode("utf-16"), "x.yaml")
    assert keys(exc) == ["read.utf16"]


def test_python_tags_are_refused_and_never_run(tmp_path: Path):
    marker = tmp_path / "pwned"
    text = GOOD + f'summary: !!python/object/apply:os.system ["touch {marker}"]\n'
    with pytest.raises(PersonaInvalid) as exc:
        load_yaml(text, "x.yaml")
    assert keys(exc) == ["yaml.tag_not_allowed"]
    assert not marker.exists()


def test_custom_local_tags_are_refused():
    with pytest.raises(PersonaInvalid) as exc:
        load_yaml(GOOD + "summary: !secret hej\n", "x.yaml")
    assert keys(exc) == ["yaml.tag_not_allowed"]


def test_billion_laughs_is_refused_quickly():
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[index]
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(PersonaUnreadable) as exc:
        load_yaml(GOOD + "\n".join(levels) + "\n", "bomb.yaml")
    assert keys(exc) == ["yaml.alias_bomb"]
    # The walk stops at its budget (a few hundred thousand values), not at 10**10.
    assert exc.value.problems[0].params["limit"] == MIN_EXPANSION_BUDGET


def test_ordinary_aliases_still_work():
    loaded = load_yaml(GOOD + "sources: &s [a, b]\nother: *s\n", "x.yaml")
    assert loaded.data["other"] == ["a", "b"]


def test_recursive_alias_is_refused():
    with pytest.raises(PersonaInvalid) as exc:
        load_yaml(GOOD + "loop: &l [1, *l]\n", "x.yaml")
    assert keys(exc) == ["yaml.recursive_alias"]


def test_duplicate_keys_are_refused_with_both_lines():
    with pytest.raises(PersonaInvalid) as exc:
        load_yaml(GOOD + "name: Lina\n", "x.yaml")
    problem = exc.value.problems[0]
    assert problem.key == "yaml.duplicate_key"
    assert problem.params["first"] == 3 and problem.position.line == 4


def test_merge_keys_are_refused():
    with pytest.raises(PersonaInvalid) as exc:
        load_yaml(GOOD + "base: &b {x: 1}\nmore:\n  <<: *b\n", "x.yaml")
    assert keys(exc) == ["yaml.merge_key"]


def test_empty_file():
    with pytest.raises(PersonaInvalid) as exc:
        load_yaml("# only a comment\n", "x.yaml")
    assert keys(exc) == ["yaml.empty"]


def test_syntax_error_has_a_line():
    with pytest.raises(PersonaInvalid) as exc:
        load_yaml(GOOD + "summary: Möte: SIP\n", "x.yaml")
    problem = exc.value.problems[0]
    assert problem.key == "yaml.colon_in_value"
    assert problem.position.line == 4


def test_dates_stay_text():
    assert load_yaml("born: 2004-05-01\n", "x").data["born"] == "2004-05-01"


def test_the_size_named_for_text_too_large_is_its_size_in_bytes():
    text = GOOD + "summary: " + "å" * 600_000 + "\n"  # 1.2 MB as UTF-8, 0.6 million characters
    with pytest.raises(PersonaUnreadable) as exc:
        load_yaml(text, "x.yaml", max_bytes=1024 * 1024)
    assert keys(exc) == ["read.too_large"] and exc.value.problems[0].params["size"] == "1.1"
