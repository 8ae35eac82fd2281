"""The heatmap of the offer and the cost curve: deterministic, and readable on a projector
(every text at 18 px or more when the picture is shown at 1280×720)."""

from __future__ import annotations

import html
import re

import pytest

from journeys.catalogue import offer_map
from journeys.cost import cost_table, journey_cost
from journeys.cost.report import cost_report
from journeys.render.catalogue_view import offer_heatmap
from journeys.render.cost_view import cost_curve, nice_step
from journeys.scenario import apply_scenario
from persona.catalogue import read_catalogue
from persona.load import read_persona
from tests.conftest import EXAMPLES


def heatmap(sv):
    loaded = read_catalogue(EXAMPLES / "exempelstad.catalogue.yaml")
    return offer_heatmap(offer_map(loaded), sv, loaded.vocabulary, loaded.catalogue.municipality)


def curve(sv, scenario: str | None = "ett-familjeombud"):
    loaded = read_persona(EXAMPLES / "noor.yaml")
    table = cost_table()
    before = journey_cost(loaded.persona, table)
    if scenario is None:
        return cost_curve(cost_report(loaded.persona, table, sv, before), sv)
    after = journey_cost(apply_scenario(loaded.persona, scenario), table)
    return cost_curve(cost_report(loaded.persona, table, sv, before, after, loaded.persona.scenario(scenario)), sv)


def smallest_text_on_projector(svg: str) -> float:
    """The smallest font in px when the whole picture is fitted into 1280×720 (1 pt = 4/3 px)."""
    width, height = (float(v) for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    scale = min(1280 / (width * 4 / 3), 720 / (height * 4 / 3))
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes
    return min(sizes) * 4 / 3 * scale


@pytest.mark.parametrize("make", [heatmap, curve, lambda sv: curve(sv, None)], ids=["heatmap", "curve", "curve-today"])
def test_every_text_is_readable_on_a_projector(sv, make):
    assert smallest_text_on_projector(make(sv).svg()) >= 17.9


@pytest.mark.parametrize("make", [heatmap, curve], ids=["heatmap", "curve"])
def test_the_same_input_gives_the_same_picture(sv, make):
    assert make(sv).svg() == make(sv).svg()


def test_the_heatmap_marks_luckor_and_counts(sv):
    svg = html.unescape(heatmap(sv).svg())
    assert "Utbudet i Exempelstad" in svg and "inget (lucka)" in svg
    for sector in ("Hälso- och sjukvård", "Förskola och skola", "Socialtjänst", "Fritid och civilsamhälle",
                   "Statliga myndigheter"):
        assert sector in svg
    assert "Familj och vardag" not in svg
    assert svg.count("#d55e00") + svg.count("#D55E00") > 100  # one red stroke per empty cell


def test_the_cost_curve_names_both_journeys_and_every_payer(sv):
    svg = html.unescape(curve(sv).svg())
    assert "I dag" in svg and "Med scenariot" in svg and "Per betalare vid 20 år" in svg
    assert "Kommunen – socialnämnden" in svg and "Uppskattning från offentliga enhetskostnader" in svg
    today_only = curve(sv, None).svg()
    assert "Med scenariot" not in today_only


def test_round_steps_for_the_axis():
    assert nice_step(8_160_000) == 2_000_000
    assert nice_step(1_324_460) == 500_000
    assert nice_step(0) == 1.0


def test_pictures_as_png_and_pdf(sv):
    assert heatmap(sv).png().startswith(b"\x89PNG") and heatmap(sv).pdf().startswith(b"%PDF")
    assert curve(sv).png().startswith(b"\x89PNG")


def smallest_text_at_width(svg: str, pixels: float) -> float:
    """The smallest font in px when the picture is shown ``pixels`` wide (as in the app)."""
    width = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
    return min(float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)) * pixels / width


def test_the_app_layouts_stay_readable_beside_the_menu(sv):
    """In the app at 1280×720 a picture is about 900 px wide (the menu takes the rest)."""
    loaded = read_catalogue(EXAMPLES / "exempelstad.catalogue.yaml")
    one_column = offer_heatmap(offer_map(loaded), sv, loaded.vocabulary, loaded.catalogue.municipality, columns=1)
    assert smallest_text_at_width(one_column.svg(), 900) >= 18
    assert smallest_text_at_width(heatmap(sv).svg(), 900) < 18, "two columns are for a full-screen slide"
    loaded_persona = read_persona(EXAMPLES / "noor.yaml")
    table = cost_table()
    report = cost_report(loaded_persona.persona, table, sv, journey_cost(loaded_persona.persona, table))
    assert smallest_text_at_width(cost_curve(report, sv, narrow=True).svg(), 900) >= 18
