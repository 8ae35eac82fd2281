"""Assumptions (elements without sources) are drawn distinguishably, and explained in the legend,
when the interviews are given; otherwise the pictures are as before."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLES, ROOT

INTERVIEWS = EXAMPLES / "interviews"
ASSUMED = ROOT / "tests" / "interview_fixtures" / "assumptions.yaml"


def render(cli, tmp_path: Path, *more: str) -> str:
    out = tmp_path / "t.dot"
    result = cli("render", ASSUMED, "--view", "timeline", "-o", out, *more)
    assert result.code == 0, result.err
    return out.read_text(encoding="utf-8")


def test_assumed_events_and_bars_are_drawn_differently(cli, tmp_path: Path):
    dot = render(cli, tmp_path, "--interviews", INTERVIEWS)
    rings = [line for line in dot.splitlines() if ":assumption\"" in line]
    assert len(rings) == 2 and any('"event:closed-no-action-13-16:assumption"' in line for line in rings)
    assert all("dashed" in line for line in rings)  # one for the event, one in the legend
    leisure = next(line for line in dot.splitlines() if line.lstrip().startswith('"factor-protective:leisure-club'))
    assert "filled,dotted" in leisure
    backed = next(line for line in dot.splitlines() if line.lstrip().startswith('"factor-risk:learning'))
    assert "dotted" not in backed
    assert "Streckad ring eller prickad kant: antagande" in dot


def test_without_interviews_nothing_is_marked(cli, tmp_path: Path):
    dot = render(cli, tmp_path)
    assert ":assumption" not in dot and "antagande" not in dot


def test_the_poster_marks_assumptions_too(cli, tmp_path: Path):
    from pypdf import PdfReader

    out = tmp_path / "p.pdf"
    result = cli("poster", ASSUMED, "--size", "A1", "-o", out, "--interviews", INTERVIEWS)  # A2/A3 summarise the gaps only
    assert result.code == 0, result.err
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "antagande" in text


def test_a_wrong_interview_folder_is_said(cli, tmp_path: Path):
    result = cli("render", ASSUMED, "--view", "timeline", "-o", tmp_path / "t.svg", "--interviews", tmp_path)
    assert result.code == 1 and "inga intervjuposter" in result.err
    assert not (tmp_path / "t.svg").exists()
