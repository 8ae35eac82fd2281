"""The service catalogue: its checks, its luckor, and its verdict on a persona's gaps."""

from __future__ import annotations

import json
import textwrap

import pytest

from persona.catalogue import CatalogueInvalid, parse_catalogue
from persona.errors import PersonaError
from persona.load import parse_persona
from journeys.catalogue import find_luckor, match_gaps, offer_map
from journeys.catalogue.match import called_for
from journeys.gaps import Gap, find_gaps
from journeys.graph import build_graph
from tests.conftest import EXAMPLES, ROOT, persona_text

HEAD = "catalogue: 1\nmunicipality: Testby\n"


def catalogue_text(services: str) -> str:
    return HEAD + "services:\n" + textwrap.indent(textwrap.dedent(services), "  ")


def problem_keys(text: str) -> list[str]:
    try:
        parse_catalogue(text, "c.catalogue.yaml")
    except PersonaError as exc:
        return [p.key for p in exc.problems]
    return []


OK = "- {id: a, name: A, agency: school, level: early, ages: {from: 6, to: 16}, target: indicated}\n"

CASES = {
    # check: (breaks it, keeps it)
    "catalogue.version": (catalogue_text(OK).replace("catalogue: 1", "catalogue: 2"), catalogue_text(OK)),
    "catalogue.not_mapping": ("- a\n- b\n", catalogue_text(OK)),
    "field.unknown_key": (catalogue_text(OK.replace("target: indicated", "target: indicated, colour: red")),
                          catalogue_text(OK)),
    "field.unknown_word": (catalogue_text(OK.replace("level: early", "level: tidig")), catalogue_text(OK)),
    "field.missing": (catalogue_text(OK.replace(", target: indicated", "")), catalogue_text(OK)),
    "ref.duplicate_id": (catalogue_text(OK + OK), catalogue_text(OK + OK.replace("id: a,", "id: b,"))),
    "ref.unknown_agency": (catalogue_text(OK.replace("agency: school", "agency: skolan")), catalogue_text(OK)),
    "catalogue.ages_not_after": (catalogue_text(OK.replace("from: 6, to: 16", "from: 16, to: 6")),
                                 catalogue_text(OK)),
    "cost.high_below_low": (
        catalogue_text(OK.replace("target: indicated", "target: indicated, cost: {low: 9, high: 5, unit: day, payer: region}")),
        catalogue_text(OK.replace("target: indicated", "target: indicated, cost: {low: 5, high: 9, unit: day, payer: region}"))),
    "cost.incomplete": (
        catalogue_text(OK.replace("target: indicated", "target: indicated, cost: {low: 5}")),
        catalogue_text(OK.replace("target: indicated", "target: indicated, cost: {item: hvb}"))),
    "privacy.email": (catalogue_text(OK.replace("name: A", "name: anna@example.se")), catalogue_text(OK)),
}


@pytest.mark.parametrize("check", sorted(CASES))
def test_check_fires(check: str):
    assert check in problem_keys(CASES[check][0])


@pytest.mark.parametrize("check", sorted(CASES))
def test_check_stays_quiet(check: str):
    assert problem_keys(CASES[check][1]) == []


def test_a_problem_names_file_line_and_column(sv):
    text = catalogue_text(OK + OK.replace("id: a,", "id: b,").replace("agency: school", "agency: scool"))
    with pytest.raises(CatalogueInvalid) as caught:
        parse_catalogue(text, "c.catalogue.yaml")
    assert caught.value.lines(sv) == ["c.catalogue.yaml:5:30: okänd verksamhet 'scool' — menade du 'school'?"]


def test_the_example_catalogue_is_valid_and_rich():
    loaded = parse_catalogue((EXAMPLES / "exempelstad.catalogue.yaml").read_text(encoding="utf-8"))
    services = loaded.catalogue.services
    assert len(services) >= 40
    assert {s.level for s in services} == {"promotive", "preventive", "early", "treatment"}
    assert {loaded.vocabulary.sector_of(s.agency) for s in services} == {"health", "school", "social", "leisure", "state"}
    youngest = [lk for lk in find_luckor(offer_map(loaded)) if lk.level == "early" and lk.start == 0 and not lk.whole_row]
    assert {lk.sector for lk in youngest} >= {"school", "social"}, "the example's lucka: little early support for the youngest"


# --- luckor of a small hand-made catalogue ----------------------------------------------------
SMALL = catalogue_text("""\
    - {id: bvc, name: BVC, agency: bvc, level: promotive, ages: {from: 0, to: 6}, target: universal}
    - {id: skola, name: Skola, agency: school, level: promotive, ages: {from: 6, to: 16}, target: universal}
    - {id: stod, name: Stöd, agency: social, level: early, ages: {from: 7, to: 18}, target: indicated}
""")


def test_luckor_of_a_small_catalogue():
    luckor = {(lk.sector, lk.level, lk.start, lk.end, lk.whole_row) for lk in find_luckor(offer_map(parse_catalogue(SMALL)))}
    assert ("health", "promotive", 6, 20, False) in luckor        # BVC ends at 6
    assert ("school", "promotive", 0, 6, False) in luckor         # before school
    assert ("school", "promotive", 16, 20, False) in luckor       # after school
    assert ("social", "early", 0, 7, False) in luckor             # nothing early for the youngest
    assert ("social", "early", 18, 20, False) in luckor
    assert ("social", "treatment", 0, 20, True) in luckor         # a whole level missing
    assert not any(s == "family" for s, *_ in luckor), "the family is not part of the offer"
    assert ("health", "promotive", 0, 6, False) not in luckor


def test_a_service_counts_from_its_from_age_up_to_not_including_its_to_age():
    offer = offer_map(parse_catalogue(SMALL))
    assert offer.count("health", "promotive", 5) == 1 and offer.count("health", "promotive", 6) == 0
    assert offer.services("social", "early", 7) == ("stod",)


# --- catalogue × persona ----------------------------------------------------------------------
PERSONA = persona_text("""\
    events:
      - {id: oro-liten, age: 2.0, kind: signal, agency: preschool, label: Orolig i förskolan}
      - {id: oro-stor, age: 11.0, kind: signal, agency: social, label: Orolig hos socialtjänsten}
""")


def _verdicts(catalogue: str):
    loaded = parse_persona(PERSONA, "p.yaml")
    graph = build_graph(loaded.persona, loaded.vocabulary)
    gaps = [g for g in find_gaps(graph) if g.rule == "unanswered-signal"]
    return {g.events[0]: v for g, v in zip(gaps, match_gaps(gaps, graph, parse_catalogue(catalogue)))}


def test_offer_when_nothing_existed_and_access_when_it_did():
    verdicts = _verdicts(SMALL)
    assert verdicts["oro-liten"].verdict == "offer" and verdicts["oro-liten"].services == ()
    assert verdicts["oro-stor"].verdict == "access"
    assert [s.id for s in verdicts["oro-stor"].services] == ["stod"]
    assert verdicts["oro-stor"].level == "early"


def test_a_service_at_another_level_or_age_or_agency_does_not_count():
    other_level = SMALL.replace("level: early", "level: treatment")
    other_age = SMALL.replace("from: 7, to: 18", "from: 12, to: 18")
    other_agency = SMALL.replace("agency: social, level: early", "agency: school, level: early")
    for catalogue in (other_level, other_age, other_agency):
        assert _verdicts(catalogue)["oro-stor"].verdict == "offer"


def test_around_takes_the_highest_level_running_during_the_gap():
    loaded = parse_persona(persona_text("""\
        supports:
          - {id: a, agency: social, level: preventive, label: A, from: 5, to: 9}
          - {id: b, agency: bup, level: treatment, label: B, from: 6, to: 7}
    """), "p.yaml")
    graph = build_graph(loaded.persona, loaded.vocabulary)
    assert called_for(Gap("voice-not-heard", 6.5, 6.5), graph) == "treatment"
    assert called_for(Gap("voice-not-heard", 8, 8), graph) == "preventive"
    assert called_for(Gap("voice-not-heard", 12, 12), graph) == "early"  # none running: the default
    assert called_for(Gap("referral-wait", 8, 8), graph) == "treatment"


def test_every_rule_names_the_level_it_calls_for():
    """No rule falls back to the default level unnoticed: each has its own line under
    ``called_for`` (the v2 rules had none and were read as ``early``)."""
    from journeys.catalogue.settings import catalogue_settings
    from journeys.gaps import RULE_IDS

    missing = sorted(set(RULE_IDS) - set(catalogue_settings().called_for))
    assert not missing, f"no line under called_for in journeys/data/catalogue.yaml for {missing}"


def test_the_v2_rules_call_for_their_own_levels():
    loaded = parse_persona(persona_text("""\
        supports:
          - {id: a, agency: foster_care, level: treatment, label: A, from: 5, to: 9, placement: true}
          - {id: b, agency: school, level: preventive, label: B, from: 10, to: 11}
    """), "p.yaml")
    graph = build_graph(loaded.persona, loaded.vocabulary)
    assert called_for(Gap("placement-no-follow-up", 6, 7), graph) == "treatment"
    assert called_for(Gap("signal-not-shared", 10.2, 10.3), graph) == "preventive"  # around: what ran
    assert called_for(Gap("missed-no-follow-up", 6, 6.1), graph) == "treatment"
    assert called_for(Gap("missed-no-follow-up", 12, 12.1), graph) == "early"  # none running: the default


# --- the command line -------------------------------------------------------------------------
@pytest.fixture
def small(tmp_path):
    path = tmp_path / "testby.catalogue.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_catalogue_command_lists_luckor_with_questions(cli, small):
    result = cli("catalogue", small)
    assert result.code == 0 and result.err == ""
    assert "Socialtjänst, Tidiga insatser: inget för 0–7 år" in result.out
    assert result.out.count("Fråga till rummet:") == len(find_luckor(offer_map(parse_catalogue(SMALL))))


def test_catalogue_json_has_the_map_and_the_luckor(cli, small):
    data = json.loads(cli("catalogue", small, "--format", "json", "--lang", "en").out)
    assert data["municipality"] == "Testby" and data["services"] == 3 and data["ages"] == [0, 20]
    row = next(r for r in data["map"] if r["sector"] == "social" and r["level"] == "early")
    assert row["counts"] == [0] * 7 + [1] * 11 + [0] * 2
    assert {"key", "sector", "level", "from", "to", "whole_row", "message", "question"} <= set(data["luckor"][0])


def test_catalogue_draws_the_heatmap(cli, small, tmp_path):
    out = tmp_path / "karta.svg"
    assert cli("catalogue", small, "-o", out).code == 0
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "Testby" in svg and "Socialtjänst" in svg
    assert cli("catalogue", small, "-o", tmp_path / "karta.gif").code == 2


def test_an_invalid_catalogue_is_one_line_and_exit_one(cli, tmp_path):
    bad = tmp_path / "bad.catalogue.yaml"
    bad.write_text(catalogue_text(OK.replace("level: early", "level: tidig")), encoding="utf-8")
    result = cli("catalogue", bad)
    assert result.code == 1 and result.out == ""
    assert result.err.startswith(f"{bad}:4:") and "Traceback" not in result.err


def test_gaps_with_a_catalogue_add_one_key_and_change_nothing_else(cli, small, tmp_path):
    persona = tmp_path / "p.yaml"
    persona.write_text(PERSONA, encoding="utf-8")
    plain = json.loads(cli("gaps", persona, "--format", "json").out)
    judged = json.loads(cli("gaps", persona, "--format", "json", "--catalogue", small).out)
    assert [{k: v for k, v in g.items() if k != "catalogue"} for g in judged] == plain
    assert all(set(g["catalogue"]) == {"verdict", "level", "agencies", "services"} for g in judged)
    assert all({"id", "name", "agency", "target"} <= set(s) for g in judged for s in g["catalogue"]["services"])
    assert {g["catalogue"]["verdict"] for g in judged} == {"offer", "access"}
    table = cli("gaps", persona, "--catalogue", small).out
    assert "Katalogen: Utbudet saknas" in table and "Katalogen: Fanns men nådde inte barnet: Stöd." in table
    assert "| Katalogen |" in cli("gaps", persona, "--format", "markdown", "--catalogue", small).out


def test_gaps_compare_with_a_catalogue(cli):
    result = cli("gaps", EXAMPLES / "noor.yaml", "--scenario", "ett-familjeombud", "--compare", "--format", "json",
                 "--catalogue", EXAMPLES / "exempelstad.catalogue.yaml")
    data = json.loads(result.out)
    assert all("catalogue" in g for section in data.values() for g in section)


def test_validate_understands_a_catalogue_and_folders_list_it_apart(cli, small, tmp_path):
    from journeys.folders import persona_files

    result = cli("validate", tmp_path)
    assert result.code == 0 and "giltig insatskatalog (3 insatser)" in result.out
    assert list(persona_files([tmp_path])) == []
    named_otherwise = tmp_path / "utbud.yaml"
    named_otherwise.write_text(SMALL, encoding="utf-8")
    assert "utbud.yaml: giltig insatskatalog" in cli("validate", named_otherwise).out


@pytest.mark.parametrize("kind", ["catalogue", "costs"])
def test_committed_schemas_match_the_models(cli, kind: str):
    """Regenerate with: journeys schema --kind KIND > schema/KIND.schema.json"""
    committed = (ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert cli("schema", "--kind", kind).out == committed, f"schema/{kind}.schema.json has drifted: regenerate it"


def test_the_chronology_carries_the_verdicts_only_when_asked(cli, tmp_path):
    noor, catalogue = EXAMPLES / "noor.yaml", EXAMPLES / "exempelstad.catalogue.yaml"
    plain = cli("render", noor, "--view", "chronology", "--format", "markdown").out
    judged = cli("render", noor, "--view", "chronology", "--format", "markdown", "--catalogue", catalogue).out
    count = len(json.loads(cli("gaps", noor, "--format", "json").out))
    assert "Katalogen:" not in plain and judged.count("Katalogen:") == count > 0
    assert set(plain.splitlines()) <= set(judged.splitlines()), "the verdicts add lines, change none"
    html = cli("render", noor, "--view", "chronology", "--format", "html", "--catalogue", catalogue).out
    assert html.count('<p class="catalogue">') == count
    wrong = cli("render", noor, "--view", "timeline", "--catalogue", catalogue, "-o", tmp_path / "t.svg")
    assert wrong.code == 2 and "--catalogue" in wrong.err and not (tmp_path / "t.svg").exists()


def test_the_poster_carries_verdicts_and_the_cost_panel_when_asked(cli, tmp_path):
    import pypdf

    out = tmp_path / "noor.pdf"
    result = cli("poster", EXAMPLES / "noor.yaml", "--size", "A3", "--catalogue", EXAMPLES / "exempelstad.catalogue.yaml",
                 "--cost", "-o", out)
    assert result.code == 0, result.err
    words = pypdf.PdfReader(out).pages[0].extract_text()
    assert "Katalogen:" in words  # the A3 summary carries the verdicts on its gap cards; the cost panel is A0/A1's
    whole = tmp_path / "noor-a1.pdf"
    assert cli("poster", EXAMPLES / "noor.yaml", "--size", "A1", "--catalogue", EXAMPLES / "exempelstad.catalogue.yaml",
               "--cost", "-o", whole).code == 0
    words = pypdf.PdfReader(whole).pages[0].extract_text()
    assert "Katalogen:" in words and "Kostnaden över tid" in words
    plain = tmp_path / "plain.pdf"
    assert cli("poster", EXAMPLES / "noor.yaml", "--size", "A3", "-o", plain).code == 0
    words = pypdf.PdfReader(plain).pages[0].extract_text()
    assert "Katalogen:" not in words and "Kostnaden över tid" not in words
