"""Scenarier: ONE picture, the scenario drawn as a layer over the whole-life overview (inline,
one type size, hover texts), with a caption of what it changed, the legend of the marks shown,
the full Graphviz timeline with the layer as SVG and PDF for print, the closed / remaining / new
columns and the cost section kept (AppTest)."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from journeys.scenario import apply_scenario  # noqa: E402
from journeys.scenario_changes import change_summary, scenario_changes  # noqa: E402
from persona.i18n import Catalog  # noqa: E402
from persona.load import read_persona  # noqa: E402

from conftest import EXAMPLES, ROOT  # noqa: E402

APP = ROOT / "app" / "streamlit_app.py"
TIMEOUT = 120


def scenarios_page(folder: Path, name: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    at.radio(key="choose_file").set_value(str(folder / f"{name}.yaml")).run()
    at.switch_page("views/scenarios.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def pictures(at: AppTest) -> list[str]:
    page = "\n".join(element.value for element in at.get("html"))
    return [base64.b64decode(data).decode("utf-8") for data in re.findall(r"base64,([A-Za-z0-9+/=]+)", page)]


def overviews(at: AppTest) -> list[str]:
    """The inline overview pictures on the page (``st.markdown`` HTML)."""
    page = "\n".join(element.value for element in at.markdown)
    return [part.split("</svg>", 1)[0] for part in page.split('class="jr-overview-svg"')[1:]]


def legend(at: AppTest) -> str:
    page = "\n".join(element.value for element in at.markdown)
    return page.split('class="jr-legend"', 1)[1].split("</div>", 1)[0]


def expected_caption(name: str, scenario_id: str) -> str:
    loaded = read_persona(EXAMPLES / f"{name}.yaml")
    changes = scenario_changes(loaded.persona, apply_scenario(loaded.persona, scenario_id, loaded.vocabulary))
    return change_summary(changes, Catalog.load("sv", packages=("persona", "journeys", "app")))


def shown(markdown: str) -> str:
    return re.sub(r"\\(.)|&#58;", lambda found: found.group(1) or ":", markdown)


def test_the_scenario_is_one_timeline_with_its_layer_and_a_caption(app_examples: Path):
    at = scenarios_page(app_examples, "kim")
    timelines = overviews(at)
    assert len(timelines) == 1  # one picture of the scenario over the journey, not two stacked
    assert not [svg for svg in pictures(at) if 'id="lane&#45;' in svg]  # the Graphviz timeline is a download
    assert 'id="scenario&#45;removed&#45;soc&#45;avslut2"' in timelines[0]
    assert 'id="scenario&#45;added&#45;s1&#45;kontaktperson"' in timelines[0]
    assert "<title>Borttaget i scenariot – 8 år 7 mån: Utredning avslutas utan insats</title>" in timelines[0]
    key = legend(at)
    assert "Borttaget i scenariot" in key and "Tillagt i scenariot" in key and "Ändrat i scenariot" in key
    caption = expected_caption("kim", "kontaktperson-forskola")
    assert caption == "Scenariot: 1 händelse tillagd, 1 ändrad och 1 borttagen; 3 insatser tillagda."
    assert caption in [shown(c.value) for c in at.caption]
    assert [m.label for m in at.metric][:3] == ["Stängda glapp", "Kvarstående glapp", "Nya glapp"]
    assert "I dag, 0–20 år" in [m.label for m in at.metric]  # the cost section is kept
    page = "\n".join(element.value for element in at.get("html"))
    assert page.count("<li>✔ ") == 2 and page.count("<li>✚ ") == 1  # the closed and new gaps listed
    assert "**Stängda glapp**" in [m.value for m in at.markdown]
    listed = at.expander[0]
    assert listed.label == "Vad scenariot ändrar, element för element (6)"
    items = "".join(element.value for element in listed.get("html"))
    assert "<li>Borttaget: Utredning avslutas utan insats (händelse, 8 år 7 mån)</li>" in items
    assert items.count("<li>") == 6


def test_another_scenario_redraws_the_layer_and_its_caption(app_examples: Path):
    at = scenarios_page(app_examples, "noor")
    at.selectbox(key="scenario_choice").set_value("elevhalsan-som-nav").run()
    assert not at.exception and not at.error
    caption = expected_caption("noor", "elevhalsan-som-nav")
    assert caption in [shown(c.value) for c in at.caption]
    timelines = overviews(at)
    assert len(timelines) == 1 and 'id="scenario&#45;removed&#45;gy&#45;avbrott"' in timelines[0]
    assert "fo&#45;stod" not in timelines[0]  # the other scenario's marks are gone


def test_the_full_timeline_with_the_layer_is_offered_for_print(app_examples: Path):
    at = scenarios_page(app_examples, "kim")
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons][:2] == ["Hela tidslinjen med scenariot (SVG, för utskrift)",
                                                    "Hela tidslinjen med scenariot (PDF, för utskrift)"]
