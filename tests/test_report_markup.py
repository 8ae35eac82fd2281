"""The Markdown chronology shows every user string as written: maths, colours, icons and emoji
codes escaped; ordinary colons left alone."""

from __future__ import annotations

import pytest

from journeys.report import markdown_escape


@pytest.mark.parametrize("typed, written", [
    ("$x^2$", "\\$x^2\\$"),
    (":red[Röd]", "\\:red\\[Röd\\]"),
    (":material/home:", "\\:material/home:"),
    (":smile:", "\\:smile:"),
    ("**fet**", "\\*\\*fet\\*\\*"),
])
def test_markup_is_escaped(typed: str, written: str):
    assert markdown_escape(typed) == written


@pytest.mark.parametrize("text", ["Möte: SIP med skolan", "kl 10:30", "BUP: väntetid 6 mån", "0–6 år"])
def test_ordinary_text_is_left_alone(text: str):
    assert markdown_escape(text) == text


def test_the_chronology_escapes_a_label_full_of_markup(tmp_path, cli):
    persona = tmp_path / "m.yaml"
    persona.write_text('schema: 1\nid: m\nname: M\nevents:\n'
                       '  - {id: a, age: 1, kind: signal, agency: bvc, label: "Oro $x$ :red[Röd] Möte: SIP"}\n',
                       encoding="utf-8")
    result = cli("render", persona, "--view", "chronology", "--format", "markdown")
    assert result.code == 0, result.err
    assert "Oro \\$x\\$ \\:red\\[Röd\\] Möte: SIP" in result.out
