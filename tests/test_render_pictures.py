"""The ecomap's ties and missing links, and the risk balance, say what the data says."""

from __future__ import annotations

from journeys import render
from journeys.gaps.model import Gap
from journeys.render.ecomap_view import stressed_agencies
from tests.conftest import persona_text
from tests.render_helpers import catalog, journey_of

BODY = """
factors:
  - {id: r1, type: risk, domain: care, label: Risk ett, from: 1, to: 5}
  - {id: r2, type: risk, domain: world, label: Risk två, from: 2, to: 4}
  - {id: p1, type: protective, domain: growth, label: Skydd, from: 3, to: 6}
events:
  - {id: a, age: 2, kind: signal, agency: preschool, label: Oro}
  - {id: b, age: 2.1, kind: contact, agency: bvc, label: Samtal}
  - {id: c, age: 2.2, kind: contact, agency: social, label: Besök}
  - {id: d, age: 2.3, kind: coordination, agency: bvc, with: [social], label: Möte}
"""


def test_stress_comes_from_a_gap_of_its_own_not_from_a_group_gap():
    own = Gap("unanswered-signal", 2, 3, ("preschool",), ("a",))
    group = Gap("uncoordinated", 2, 3, ("bvc", "social", "preschool"), ())
    assert stressed_agencies([own, group]) == {"preschool"}
    assert stressed_agencies([group]) == set()


def test_ecomap_draws_stress_and_missing_links():
    journey = journey_of(persona_text(BODY))
    gaps = [Gap("unanswered-signal", 2, 3, ("preschool",), ("a",)),
            Gap("uncoordinated", 2, 3, ("bvc", "preschool", "social"), ())]
    dot = render.ecomap(journey.graph, gaps, catalog()).dot
    assert '"child" -> "agency:preschool"' in dot
    stressed = next(l for l in dot.splitlines() if '"child" -> "agency:preschool"' in l)
    calm = next(l for l in dot.splitlines() if '"child" -> "agency:bvc"' in l)
    assert stressed.count(" ") > calm.count(" ") + 10  # a jagged path has many points
    missing = [l for l in dot.splitlines() if 'id="missing-' in l]
    assert missing and all("bvc" not in l or "social" not in l for l in missing)  # bvc and social met
    assert any("preschool" in l for l in missing)
    quiet = render.ecomap(journey.graph, [], catalog()).dot
    assert 'id="missing-' not in quiet


def test_balance_shows_threshold_and_load():
    journey = journey_of(persona_text(BODY))
    svg = render.balance(journey.graph, catalog()).svg()
    assert "Tröskel (3)" in svg and "Riskbalans" in svg
    assert "Insats pågår" in svg
