"""What the YAML parser complains about, told as what happened and how to fix it.

PyYAML's messages are English and speak of tokens and flow mappings. An official needs to
hear "the text holds a colon — put it in quotes" or "a tab is used for indentation". The
parser's words are read here only to choose one of our message keys; they never reach a user.
"""

from __future__ import annotations

from typing import Any

import yaml

from persona.errors import Position, Problem

_BRACKETS = "[]{}"

# (words in the parser's problem, our key); the first that matches wins.
_BY_PROBLEM = (
    ("tab character", "yaml.tab"),
    ("mapping values are not allowed", "yaml.colon_in_value"),
    ("could not find expected ':'", "yaml.missing_colon"),
    ("found undefined alias", "yaml.undefined_alias"),
    ("found unexpected end of stream", "yaml.unclosed_quote"),
    ("found duplicate anchor", "yaml.duplicate_anchor"),
    ("unknown escape character", "yaml.escape"),
    ("expected hexdecimal number", "yaml.escape"),
    ("expected alphabetic or numeric character", "yaml.anchor_start"),
    ("block sequence entries are not allowed", "yaml.dash_in_value"),
    ("directive", "yaml.directive"),
)
_MISPLACED = ("did not find expected key", "expected <block end>", "did not find expected '-' indicator",
              "expected the node content", "did not find expected node content")


def syntax_problem(exc: yaml.MarkedYAMLError, yaml_text: str) -> Problem:
    """The problem to report for a parser error in ``yaml_text``, at the parser's mark."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return Problem("yaml.syntax", {"char": Problem("yaml.char_unknown")})
    char = _char_at(yaml_text, mark.line, mark.column)
    same_line = exc.context_mark is None or exc.context_mark.line == mark.line
    key = _key(exc.problem or exc.context or "", char, _indent_of(yaml_text, mark.line) < mark.column, same_line)
    return Problem(key, {"char": _char_name(char)}, Position(mark.line + 1, mark.column + 1))


def reader_problem(exc: yaml.YAMLError, yaml_text: str) -> Problem:
    """A character YAML refuses outright (a control character), with its place when known."""
    index = getattr(exc, "position", None)
    code = getattr(exc, "character", None)
    params: dict[str, Any] = {"code": f"U+{code:04X}" if isinstance(code, int) else "?"}
    if not isinstance(index, int):
        return Problem("yaml.control_character", params)
    line = yaml_text.count("\n", 0, index)
    column = index - (yaml_text.rfind("\n", 0, index) + 1)
    return Problem("yaml.control_character", params, Position(line + 1, column + 1))


def _key(problem: str, char: str, inside_line: bool, same_line: bool) -> str:
    if char == "\t":
        return "yaml.tab"
    if "expected ',' or" in problem:  # a {…} or […] row that does not go on as it should
        if not same_line:  # the row was never closed: the parser reached the next line
            return "yaml.unclosed_flow"
        if char == ":":
            return "yaml.colon_in_flow"
        if char and char in _BRACKETS:
            return "yaml.bracket_in_flow"
        return "yaml.unclosed_flow"
    if "cannot start any token" in problem:
        return "yaml.reserved_start"
    found = next((key for needle, key in _BY_PROBLEM if needle in problem), None)
    if found:
        return found
    if any(needle in problem for needle in _MISPLACED):
        # Mid-line: text goes on after a value the parser took as finished, e.g. a: [SIP] möte.
        return "yaml.text_after_value" if inside_line else "yaml.indentation"
    return "yaml.syntax"


def _char_at(yaml_text: str, line: int, column: int) -> str:
    lines = yaml_text.split("\n")
    if line >= len(lines):
        return ""
    return lines[line][column:column + 1]


def _indent_of(yaml_text: str, line: int) -> int:
    lines = yaml_text.split("\n")
    if line >= len(lines):
        return 0
    row = lines[line]
    return len(row) - len(row.lstrip(" "))


def _char_name(char: str) -> Any:
    """The character for a message: a problem key for the ones that cannot be shown."""
    if char == "":
        return Problem("yaml.char_end")
    if char == "\t":
        return Problem("yaml.char_tab")
    if char == " ":
        return Problem("yaml.char_space")
    return f"'{char}'"
