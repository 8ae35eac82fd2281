"""No interview content reaches any export: family keys, quotes and the paraphrases compose kept
out of the persona (left-out evidence, the other interviews' words in comments) appear in no picture,
report, poster or gap list of the composed persona."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeys.interviews.records import read_interviews

from tests.conftest import EXAMPLES

INTERVIEWS = EXAMPLES / "interviews"
COMPOSED = INTERVIEWS / "sammansatt.yaml"


def forbidden() -> list[str]:
    """What must never be exported: every family key and quote, and every paraphrase that is not a label."""
    labels = [line.split("label: ", 1)[1].strip('"') for line in COMPOSED.read_text(encoding="utf-8").splitlines()
              if line.strip().startswith("label: ")]
    words: list[str] = []
    for record in read_interviews([INTERVIEWS]).records.values():
        words.append(record.family)
        for item in record.evidence:
            words += [item.quote] if item.quote else []
            if item.paraphrase not in labels:
                words.append(item.paraphrase)
    return words


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("command, name", [
    (("render", "--view", "timeline"), "t.svg"),
    (("render", "--view", "ecomap"), "e.svg"),
    (("render", "--view", "balance"), "b.svg"),
    (("render", "--view", "chronology", "--format", "html"), "c.html"),
    (("render", "--view", "chronology", "--format", "markdown"), "c.md"),
    (("poster", "--size", "A3"), "p.pdf"),
])
def test_no_interview_content_in_any_export(cli, tmp_path: Path, command, name: str):
    out = tmp_path / name
    result = cli(command[0], COMPOSED, *command[1:], "-o", out)
    assert result.code == 0, result.err
    text = pdf_text(out) if name.endswith(".pdf") else out.read_text(encoding="utf-8")
    assert len(text) > 200
    if name.startswith("c."):  # the chronology tells every label: there by design
        assert "Förskolan märkte att barnet pratade lite" in text  # a label: there by design
    assert [word for word in forbidden() if word in text] == []


def test_no_interview_content_in_the_gap_list(cli):
    result = cli("gaps", COMPOSED, "--format", "json")
    assert result.code == 0
    assert [word for word in forbidden() if word in result.out] == []


def test_the_check_of_this_test_would_see_a_leak(tmp_path: Path):
    """The guard can fail: a persona that carries a family key and a comment-only paraphrase is caught."""
    words = forbidden()
    assert "familj-a" in words and "Pedagogerna tyckte att språket kom sent men det skrevs inget." in words
    assert "Förskolan märkte att barnet pratade lite men väntade med att säga något." not in words
