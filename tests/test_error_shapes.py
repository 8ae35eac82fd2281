"""Errors: one line, always. Every shape that once gave a traceback or "internal error" now gives
``file:line:col: …`` and its exit code from every command; a folder is checked to the end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from persona.errors import printable

HEADER = "schema: 1\nid: t\nname: T\n"

SHAPES = {
    "int_tag": (HEADER + "born: !!int abc\n", 1, 4),
    "bool_tag": (HEADER + "born: !!bool maybe\n", 1, 4),
    "float_tag": (HEADER + 'born: !!float ""\n', 1, 4),
    "long_integer": (HEADER + "born: " + "9" * 4301 + "\n", 1, 4),
    "hex_overflow": (HEADER + "born: 0x" + "f" * 3600 + "\n", 1, 4),
    "deep_brackets": (HEADER + "summary: " + "[" * 330 + "]" * 330 + "\n", 2, 4),
    "base60": (HEADER + "born: 1:30\n", 1, 4),
    "long_value": (HEADER + "summary: " + "a" * 200_000 + "\n", 1, 4),
}
LINE = re.compile(r"^[^:\n]+\.yaml:\d+:\d+: \S")


@pytest.fixture
def shapes(tmp_path: Path) -> Path:
    for name, (text, _, _) in SHAPES.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", ["validate", "gaps", "render", "poster"])
@pytest.mark.parametrize("name", list(SHAPES))
def test_one_line_with_place_and_exit_code(cli, shapes: Path, tmp_path: Path, command: str, name: str):
    _, code, line = SHAPES[name]
    path = shapes / f"{name}.yaml"
    extra = ["-o", str(tmp_path / "out.pdf")] if command == "poster" else []
    result = cli(command, path, *extra)
    assert result.code == code, result.err
    told = result.out if command == "validate" else result.err  # validate tells problems on stdout, for a pager
    lines = [text for text in told.splitlines() if not text.startswith("Kontrollerade")]
    assert len(lines) == 1 and LINE.match(lines[0]), told
    assert lines[0].startswith(f"{path}:{line}:")
    assert "Traceback" not in result.err and len(lines[0]) < 400
    assert not (tmp_path / "out.pdf").exists()


def test_a_folder_is_checked_to_the_end(cli, shapes: Path):
    (shapes / "zz-good.yaml").write_text(HEADER, encoding="utf-8")
    result = cli("validate", shapes)
    assert result.code == 2
    assert f"{shapes / 'zz-good.yaml'}: " in result.out  # the file after the broken ones
    summary = result.out.strip().splitlines()[-1]
    assert summary.startswith("Kontrollerade filer: 9") and "giltiga: 1" in summary


def test_a_failure_the_loader_did_not_foresee_is_one_line_and_the_folder_goes_on(cli, shapes: Path, monkeypatch):
    import persona.load

    real = persona.load.parse_persona

    def broken(text, path, *args, **kwargs):
        if Path(path).name == "base60.yaml":
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, path, *args, **kwargs)

    monkeypatch.setattr(persona.load, "parse_persona", broken)
    (shapes / "zz-good.yaml").write_text(HEADER, encoding="utf-8")
    result = cli("validate", shapes)
    assert result.code == 3
    assert any(line.startswith(f"{shapes / 'base60.yaml'}: ") and "RecursionError" in line
               for line in result.out.splitlines())
    assert "giltiga: 1" in result.out.strip().splitlines()[-1]


def test_control_characters_in_values_are_shown_escaped(cli, tmp_path: Path):
    path = tmp_path / "ansi.yaml"
    path.write_text(HEADER + 'events:\n  - {id: a, age: 1, kind: "x\\n\\u001b[32mvalid", label: y}\n',
                    encoding="utf-8")
    result = cli("validate", path)
    assert result.code == 1
    assert "\x1b" not in result.err and "\x1b" not in result.out
    lines = [line for line in result.out.splitlines() if not line.startswith("Kontrollerade")]
    assert all(line.startswith(f"{path}:5:") for line in lines), lines
    assert any("x\\n\\x1b[32mvalid" in line for line in lines)


def test_a_message_that_cannot_be_made_is_still_one_line(cli, monkeypatch, tmp_path: Path):
    """The last guard: an exception whose own message fails (an integer too long to print)."""
    import journeys.cli.gaps

    class Unprintable(Exception):
        def __str__(self) -> str:
            return str(10 ** 5000)

    def broken(*args, **kwargs):
        raise Unprintable()

    monkeypatch.setattr(journeys.cli.gaps, "run", broken)
    result = cli("gaps", tmp_path / "x.yaml")
    assert result.code == 3 and "Unprintable" in result.err and len(result.err.splitlines()) == 1


@pytest.mark.parametrize("text, shown", [
    ("a\nb", "a\\nb"), ("\x1b[31m", "\\x1b[31m"), ("\u202eevil", "\\u202eevil"), ("tab\there", "tab\\there"),
    ("å ä ö – ok", "å ä ö – ok"), ("no\u00a0break", "no\u00a0break"),
])
def test_printable(text: str, shown: str):
    assert printable(text) == shown
