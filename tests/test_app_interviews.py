"""The Persona page's evidence: counts per family key and an element's sources on demand, never more."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from conftest import ROOT  # noqa: E402

APP = ROOT / "app" / "streamlit_app.py"
TIMEOUT = 120


@pytest.fixture
def folder(app_examples: Path) -> Path:
    return app_examples


def persona_page(path: Path) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    at.radio(key="choose_file").set_value(str(path)).run()
    at.switch_page("views/persona.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.get("html")]
    parts += [e.value for kind in ("info", "success", "warning", "error") for e in getattr(at, kind)]
    return "\n".join(parts)


def test_interview_records_are_not_listed_as_personas(folder: Path):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    options = at.radio(key="choose_file").options
    assert not any(".interview.yaml" in option for option in options)
    assert any("sammansatt.yaml" in option and "Saga" in option for option in options)
    assert any("Mappen har också 6 intervjuposter" in caption.value for caption in at.caption)


def test_the_persona_page_counts_evidence_per_family_key(folder: Path):
    at = persona_page(folder / "interviews" / "sammansatt.yaml")
    text = shown(at)
    assert "10 av 10 element bygger på intervjuer; 0 är antaganden." in text
    assert "familj-a: 3" in text and "familj-f: 4" in text
    assert "Inga brott mot anonymitets- och beläggsreglerna." in text
    assert "Förskolan nämnde språket" not in text and "Hon sa nästan inga ord" not in text  # never more than counts
    assert not at.error


def test_an_elements_sources_on_demand(folder: Path):
    at = persona_page(folder / "interviews" / "sammansatt.yaml")
    assert not at.info
    at.selectbox(key="evidence_element").set_value("referral-bup-13-16").run()
    assert at.info[0].value == "referral-bup-13-16: intervju-01, intervju-04, intervju-06 — 3 familjer (minst 2 behövs)"


def test_an_assumption_says_so(folder: Path):
    path = folder / "interviews" / "sammansatt.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    sources: [intervju-05, intervju-06]\n", "", 1),
                    encoding="utf-8")
    at = persona_page(path)
    assert "9 av 10 element bygger på intervjuer; 1 är antaganden." in shown(at)
    at.selectbox(key="evidence_element").set_value("closed-no-action-13-16").run()
    assert "closed-no-action-13-16 är ett antagande" in at.info[0].value


def test_a_breach_is_a_warning_on_the_page(folder: Path):
    path = folder / "interviews" / "sammansatt.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sources: [intervju-02, intervju-04]",
                                                             "sources: [intervju-02]"), encoding="utf-8")
    at = persona_page(path)
    assert "1 brott mot anonymitets- och beläggsreglerna" in at.warning[0].value


def test_no_interviews_no_section(folder: Path):
    shutil.rmtree(folder / "interviews")
    at = persona_page(folder / "kim.yaml")
    assert "Belägg från intervjuer" not in [s.value for s in at.subheader]


def test_a_broken_interview_record_is_an_error_box_not_a_traceback(folder: Path):
    record = folder / "interviews" / "intervju-02.interview.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("family: familj-b", "family: Berglund"),
                      encoding="utf-8")
    at = persona_page(folder / "interviews" / "sammansatt.yaml")
    assert any("familjenyckeln 'Berglund'" in e.value for e in at.error)
