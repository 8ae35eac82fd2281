"""The cost of a journey: the cost table's checks, sums and ranges against a hand calculation,
the silo split, the return on investment and the payback age."""

from __future__ import annotations

import csv
import io
import json
import textwrap

import pytest

from persona.costs import CostsInvalid, parse_costs
from persona.errors import PersonaError, PersonaInvalid
from persona.load import parse_persona
from journeys.cost import compare_costs, cost_table, default_cost_table, journey_cost
from journeys.cost.journey import JourneyCost
from journeys.scenario import apply_scenario
from tests.conftest import EXAMPLES, persona_text

# A small table: round figures so a hand calculation is easy.
TABLE = """\
costs: 1
payers:
  soc: {level: kommun, sv: Socialnämnden}
  reg: {level: region, sv: Regionen}
items:
  - {id: stod, sv: Stöd, support: {agency: social}, unit: day, low: 100, high: 200, payer: soc, year: "2024", source: test}
  - {id: stod-tidigt, sv: Tidigt stöd, support: {agency: social, level: early}, unit: month, low: 3000, high: 6000,
     payer: soc, year: "2024", source: test}
  - {id: mote, sv: Möte, event: {kind: coordination}, unit: event, low: 1000, high: 1000,
     payer: {soc: 0.5, reg: 0.5}, year: "2024", source: test}
  - {id: ombud, sv: Ombud, unit: year, low: 36525, high: 73050, payer: soc, year: "2024", source: test}
"""


def table():
    return parse_costs(TABLE, "t.yaml").table


def persona(body: str):
    return parse_persona(persona_text(textwrap.dedent(body)), "p.yaml").persona


# --- the table's checks: one failing and one passing case each ----------------------------------
def keys(text: str) -> list[str]:
    try:
        parse_costs(text, "c.yaml", default_cost_table())
    except PersonaError as exc:
        return [p.key for p in exc.problems]
    return []


ITEM = "- {id: x, sv: X, unit: day, low: 1, high: 2, payer: kommun-social, year: '2024', source: s}\n"


def costs_text(items: str) -> str:
    return "costs: 1\nitems:\n" + textwrap.indent(items, "  ")


CHECKS = {
    "costs.version": (costs_text(ITEM).replace("costs: 1", "costs: 3"), costs_text(ITEM)),
    "costs.not_mapping": ("- a\n", costs_text(ITEM)),
    "cost.high_below_low": (costs_text(ITEM.replace("high: 2", "high: 0.5")), costs_text(ITEM)),
    "cost.unknown_payer": (costs_text(ITEM.replace("kommun-social", "kommun-socal")), costs_text(ITEM)),
    "cost.shares_not_one": (costs_text(ITEM.replace("payer: kommun-social", "payer: {kommun-social: 0.5, region: 0.4}")),
                            costs_text(ITEM.replace("payer: kommun-social", "payer: {kommun-social: 0.5, region: 0.5}"))),
    "cost.hours_missing": (costs_text(ITEM.replace("unit: day", "unit: hour")),
                           costs_text(ITEM.replace("unit: day", "unit: hour, hours_per_month: 4"))),
    "ref.duplicate_id": (costs_text(ITEM + ITEM), costs_text(ITEM + ITEM.replace("id: x", "id: y"))),
    "field.unknown_word": (costs_text(ITEM.replace("unit: day", "unit: week")), costs_text(ITEM)),
    "privacy.phone": (costs_text(ITEM.replace("source: s", "source: 070-123 45 67")), costs_text(ITEM)),
}


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_cost_check_fires(check: str):
    assert check in keys(CHECKS[check][0])


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_cost_check_stays_quiet(check: str):
    assert keys(CHECKS[check][1]) == []


def test_a_persona_price_is_checked_in_the_file_and_against_the_table(sv, tmp_path, cli):
    with pytest.raises(PersonaInvalid) as caught:
        parse_persona(persona_text("supports:\n  - {id: s, agency: social, level: early, from: 1, to: 2, cost: {low: 5}}\n"),
                      "p.yaml")
    assert [p.key for p in caught.value.problems] == ["cost.incomplete"]
    path = tmp_path / "p.yaml"
    path.write_text(persona_text("supports:\n  - {id: s, agency: social, level: early, from: 1, to: 2, cost: {item: hvbb}}\n"),
                    encoding="utf-8")
    result = cli("cost", path)
    assert result.code == 1 and result.err.startswith(f"{path}:5:") and "menade du 'hvb'?" in result.err


def test_the_default_table_names_source_year_and_payer_for_every_item():
    table = default_cost_table()
    assert len(table.items) >= 15
    assert all(item.source and item.year and item.high >= item.low for item in table.items)
    assert {p.level for p in table.payers.values()} == {"kommun", "region", "stat"}


def test_a_municipality_file_replaces_items_by_id_and_adds_its_own(tmp_path):
    own = tmp_path / "kostnader.yaml"
    own.write_text(costs_text(ITEM.replace("id: x", "id: hvb").replace("low: 1, high: 2", "low: 5000, high: 5000")
                              + ITEM.replace("id: x", "id: egen")), encoding="utf-8")
    merged = cost_table(own)
    assert merged.item("hvb").low == 5000 and merged.item("egen") is not None
    assert len(merged.items) == len(default_cost_table().items) + 1
    with pytest.raises(CostsInvalid):
        bad = tmp_path / "fel.yaml"
        bad.write_text(costs_text(ITEM.replace("kommun-social", "ingen")), encoding="utf-8")
        cost_table(bad)


# --- sums and ranges against a hand calculation -----------------------------------------------
def test_a_support_costs_each_day_it_runs_split_over_the_years_of_age():
    # 2.5 to 4.0: half a year at 2, a whole year at 3; 100–200 a day; 365.25 days a year.
    cost = journey_cost(persona("supports:\n  - {id: s, agency: social, level: preventive, from: 2.5, to: 4}\n"), table())
    assert cost.year_total("low", 2) == pytest.approx(100 * 365.25 / 2)
    assert cost.year_total("high", 3) == pytest.approx(200 * 365.25)
    assert cost.total("low") == pytest.approx(100 * 365.25 * 1.5)
    assert cost.total("high") == pytest.approx(200 * 365.25 * 1.5)
    assert cost.cumulative("low", 2) == pytest.approx(100 * 365.25 / 2)
    assert cost.year_total("low", 4) == 0


def test_the_most_specific_item_wins_and_a_month_is_a_twelfth_of_a_year():
    cost = journey_cost(persona("supports:\n  - {id: s, agency: social, level: early, from: 5, to: 6}\n"), table())
    assert cost.total("low") == pytest.approx(3000 * 12) and cost.total("high") == pytest.approx(6000 * 12)
    assert cost.items["s"] == ("stod-tidigt",)


def test_events_cost_once_and_split_between_payers():
    cost = journey_cost(persona("""\
        events:
          - {id: m1, age: 7.2, kind: coordination, agency: social, with: [school]}
          - {id: m2, age: 7.9, kind: coordination, agency: social, with: [school]}
          - {id: k, age: 8, kind: contact, agency: school, label: Kontakt}
    """), table())
    assert cost.year_total("low", 7) == 2000 and cost.year_total("low", 8) == 0
    assert cost.total("high", "soc") == 1000 and cost.total("high", "reg") == 1000


def test_a_support_with_no_price_is_listed_not_counted():
    cost = journey_cost(persona("supports:\n  - {id: b, agency: bup, level: treatment, from: 5, to: 6}\n"), table())
    assert cost.total("high") == 0 and [s.id for s in cost.unpriced] == ["b"]


def test_a_support_with_its_own_cost_uses_it():
    cost = journey_cost(persona("""\
        supports:
          - {id: o, agency: bup, level: early, from: 3, to: 5, cost: {item: ombud}}
          - {id: p, agency: bup, level: early, from: 3, to: 4, cost: {low: 10, high: 20, unit: day, payer: reg}}
    """), table())
    assert cost.total("low", "soc") == pytest.approx(36525 * 2)
    assert cost.total("high", "reg") == pytest.approx(20 * 365.25)


# --- scenario: silo split, return, payback ------------------------------------------------------
SCENARIO = """\
supports:
  - {id: placering, agency: social, level: treatment, from: 10, to: 14}
scenarios:
  - id: tidigt
    label: Tidigt ombud
    changes:
      - add_support: {id: ombud, agency: family_treatment, level: early, from: 6, to: 8, cost: {item: ombud}}
      - add: {id: sip, age: 6.5, kind: coordination, agency: family_treatment, with: [school]}
      - set: {id: placering, from: 12}
"""


def both() -> tuple[JourneyCost, JourneyCost]:
    p, t = persona(SCENARIO), table()
    return journey_cost(p, t), journey_cost(apply_scenario(p, "tidigt"), t)


def test_the_silo_view_splits_costs_and_savings_by_payer():
    comparison = compare_costs(*both())
    silos = {s.payer: s for s in comparison.silos}
    # soc pays the ombud (2 years × 36 525 low) and half the meeting, saves 2 years of placement (100/day low)
    assert silos["soc"].costs["low"] == pytest.approx(2 * 36525 + 500)
    assert silos["soc"].saves["low"] == pytest.approx(2 * 365.25 * 100)
    assert silos["reg"].costs["low"] == pytest.approx(500) and silos["reg"].saves["low"] == 0
    assert silos["reg"].net("low") == pytest.approx(-500)
    assert comparison.investment("high") == pytest.approx(2 * 73050 + 1000)


def test_return_on_investment_is_savings_per_krona_added():
    comparison = compare_costs(*both())
    assert comparison.return_on_investment("low") == pytest.approx(73050 / 74050)
    assert comparison.return_on_investment("high") == pytest.approx(146100 / 147100)


def test_the_payback_age_is_where_cumulative_savings_catch_up_for_good():
    before, after = both()
    # low prices: −73 550 by 8; +36 525 a year saved at 10 and 11 → still −500 at 12: never by 20.
    assert compare_costs(before, after).payback_age("low") is None
    cheaper = persona(SCENARIO.replace("from: 12}", "from: 13}"))
    t = table()
    comparison = compare_costs(journey_cost(cheaper, t), journey_cost(apply_scenario(cheaper, "tidigt"), t))
    # −74 050 (ombud + meeting at 6) then +36 525 at 10, 11, 12: −37 525, −1 000, +35 525 → 12 + 1 000/36 525
    assert comparison.payback_age("low") == pytest.approx(12 + 1000 / 36525, abs=1e-9)
    assert compare_costs(before, before).payback_age("low") == 0.0
    assert compare_costs(before, before).return_on_investment("low") is None


# --- the command line ---------------------------------------------------------------------------
def test_cost_json_is_the_stable_interface(cli):
    result = cli("cost", EXAMPLES / "noor.yaml", "--scenario", "ett-familjeombud", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert {"format", "persona", "name", "currency", "note", "scenario", "years", "total", "payers", "unpriced",
            "sources", "silo", "investment", "savings", "return_on_investment", "payback_age"} <= set(data)
    assert len(data["years"]) == 20 and data["years"][19]["today_cumulative"] == data["total"]["today"]
    assert all(y["today"]["low"] <= y["today"]["high"] for y in data["years"])
    assert "offentliga enhetskostnader" in data["note"]
    familjelots = next(s for s in data["sources"] if s["item"] == "familjelots")
    assert "Familjelotsen" in familjelots["source"]
    ombud = {s["payer"]: s for s in data["silo"]}["kommun-social"]
    assert ombud["costs"]["low"] > 5_000_000, "Noor's scenario carries the ombudsman's cost"


def test_cost_table_and_csv_say_the_same(cli):
    table = cli("cost", EXAMPLES / "noor.yaml", "--scenario", "ett-familjeombud")
    assert table.code == 0 and "Uppskattningar från offentliga enhetskostnader" in table.out
    assert "Silovyn" in table.out and "Källor" in table.out and "Inte prissatt" in table.out
    rows = list(csv.DictReader(io.StringIO(cli("cost", EXAMPLES / "noor.yaml", "--format", "csv").out)))
    data = json.loads(cli("cost", EXAMPLES / "noor.yaml", "--format", "json").out)
    last = next(r for r in rows if r["age"] == "19" and r["payer"] == "all")
    assert int(last["cumulative_high"]) == data["total"]["today"]["high"]


def test_an_unknown_scenario_is_one_line(cli):
    result = cli("cost", EXAMPLES / "noor.yaml", "--scenario", "ett-familjeombu")
    assert result.code == 2 and "ett-familjeombud" in result.err and "Traceback" not in result.err


def test_validate_understands_a_cost_table(cli, tmp_path):
    good = tmp_path / "kostnader.yaml"
    good.write_text(costs_text(ITEM), encoding="utf-8")
    result = cli("validate", good)
    assert result.code == 0 and "giltig kostnadstabell (1 poster)" in result.out
    bad = tmp_path / "fel.yaml"
    bad.write_text(costs_text(ITEM.replace("high: 2", "high: 0.5")), encoding="utf-8")
    result = cli("validate", bad)
    assert result.code == 1 and result.out.startswith(f"{bad}:3:")


@pytest.mark.parametrize("shape", ["events: 1", "supports: x", "scenarios: 3", "scenarios: [{id: s, changes: 2}]"])
def test_a_persona_whose_collections_are_no_lists_is_told_not_crashed(shape):
    """Found by the fuzz test: the price check ran over `events: 1` and raised TypeError."""
    from persona.errors import PersonaInvalid as Invalid
    from persona.load import parse_persona as parse

    with pytest.raises(Invalid):
        parse(f"schema: 1\nid: t\nname: T\n{shape}\n", "t.yaml")
