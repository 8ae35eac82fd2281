"""The app's offer page, the catalogue's verdict on each gap and the cost on the Scenarier page (AppTest)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from conftest import EXAMPLES, ROOT  # noqa: E402

APP = ROOT / "app" / "streamlit_app.py"
TIMEOUT = 120


@pytest.fixture
def folder(app_examples: Path) -> Path:
    return app_examples


def noor_gap_count() -> int:
    from persona.load import read_persona

    from journeys.gaps import find_gaps
    from journeys.graph import build_graph

    loaded = read_persona(EXAMPLES / "noor.yaml")
    return len(find_gaps(build_graph(loaded.persona, loaded.vocabulary)))


def app_on(page: str, persona: Path | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    if persona is not None:
        at.radio(key="choose_file").set_value(str(persona)).run()
    at.switch_page(f"views/{page}.py").run()
    return at


def test_the_offer_page_shows_the_map_and_every_lucka_with_its_question(folder):
    at = app_on("offer")
    assert not at.exception
    assert [t.value for t in at.title] == ["Utbudet i Exempelstad"]
    pictures = [h for h in at.get("html") if "<img" in h.proto.body and "jr-picture" in h.proto.body]
    assert len(pictures) == 1
    questions = [m.value for m in at.markdown if m.value.startswith("Fråga till rummet:")]
    from journeys.catalogue import find_luckor, offer_map
    from persona.catalogue import read_catalogue

    expected = find_luckor(offer_map(read_catalogue(folder / "exempelstad.catalogue.yaml")))
    assert len(questions) == len(expected) > 0


def test_the_offer_page_without_a_catalogue_says_where_to_put_one(folder):
    (folder / "exempelstad.catalogue.yaml").unlink()
    at = app_on("offer")
    assert not at.exception and "catalogue.yaml" in at.info[0].value


def test_a_broken_catalogue_is_an_error_line_not_a_traceback(folder):
    path = folder / "exempelstad.catalogue.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("level: early", "level: tidig", 1), encoding="utf-8")
    at = app_on("offer")
    assert not at.exception
    assert "exempelstad.catalogue.yaml" in at.error[0].value and "tidig" in at.error[0].value


def test_each_gap_carries_the_catalogue_verdict(folder):
    at = app_on("gaps", folder / "noor.yaml")
    assert not at.exception
    verdicts = [m.value for m in at.markdown if m.value.startswith("**Katalogen:")]
    assert len(verdicts) == noor_gap_count() > 0
    assert any("Utbudet saknas" in v for v in verdicts) and any("Fanns men nådde inte barnet" in v for v in verdicts)


def test_no_catalogue_no_verdicts(folder):
    (folder / "exempelstad.catalogue.yaml").unlink()
    at = app_on("gaps", folder / "noor.yaml")
    assert not at.exception and not [m for m in at.markdown if m.value.startswith("**Katalogen:")]


def test_the_scenario_page_shows_the_cost_and_its_curve(folder):
    at = app_on("scenarios", folder / "noor.yaml")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["I dag, 0–20 år"] == "1,3 mn"
    assert metrics["Med scenariot, 0–20 år"] == "7,0 mn – 8,2 mn"
    assert "**Har betalat sig vid:** inte före 20 år" in [m.value for m in at.markdown]
    assert sum("<img" in h.proto.body for h in at.get("html")) == 1  # the cost curve (the scenario layer is inline)
    assert any("offentliga enhetskostnader" in c.value for c in at.caption)
