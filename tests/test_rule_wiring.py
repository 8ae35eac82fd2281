"""A rule is its module, its defaults, its two language entries and its tests: the package finds
it, and a missing piece is named in one clear line."""

from __future__ import annotations

import sys
import textwrap

import pytest

import journeys.gaps.rules as rules_package
from journeys.gaps import find_gaps
from journeys.gaps.rules import RULES, agency_group_rules, discover, wiring_problems
from journeys.gaps.settings import default_rules
from persona.i18n import Catalog
from tests.rule_helpers import events, graph_of

TOY = '''\
    """toy-rule: every life event is a gap (a rule written only for this test)."""
    from journeys.gaps.model import Gap

    RULE = "toy-rule"
    ORDER = 5
    AGENCY_LISTS = ("toy_agencies",)
    GROUPS_AGENCIES = True


    def find(graph, params):
        for event in graph.events(("life",)):
            yield Gap(rule=RULE, start=event.age, end=event.age, events=(event.id,),
                      params={"toy_agencies": ("bup", "school", "social")})
'''


def strings() -> dict[str, dict[str, str]]:
    return {lang: dict(Catalog.load(lang, packages=("journeys",)).strings) for lang in ("sv", "en")}


def test_every_rule_of_the_package_is_wired():
    assert wiring_problems(RULES, default_rules(), strings()) == []


@pytest.fixture
def toy(tmp_path, monkeypatch):
    (tmp_path / "toy_rule.py").write_text(textwrap.dedent(TOY), encoding="utf-8")
    monkeypatch.setattr(rules_package, "__path__", [*rules_package.__path__, str(tmp_path)])
    found = discover()
    monkeypatch.setattr(rules_package, "RULES", found)
    yield found
    sys.modules.pop("journeys.gaps.rules.toy_rule", None)


def test_a_new_rule_module_is_found_with_no_other_file_touched(toy):
    assert list(toy)[0] == "toy-rule", "ORDER 5 puts it first"
    gaps = find_gaps(graph_of(events("{id: f, age: 1, kind: life, label: Flytt}")))
    assert [g.rule for g in gaps] == ["toy-rule"]


def test_its_agency_lists_are_worded_as_lists(toy, sv):
    from journeys.gaps.text import gap_words
    from persona.vocabulary import load_vocabulary

    [gap] = find_gaps(graph_of(events("{id: f, age: 1, kind: life, label: Flytt}")))
    assert gap_words(gap, sv, load_vocabulary())["toy_agencies"] == "BUP, skola och socialtjänst"


def test_a_missing_piece_is_named_in_one_clear_line(toy):
    problems = wiring_problems({"toy-rule": toy["toy-rule"]}, default_rules(), strings())
    assert "rule 'toy-rule': no defaults — add 'toy-rule: {enabled: true, severity: 2, …}' " \
           "under rules: in persona/data/vocabulary.yaml" in problems
    assert "rule 'toy-rule': no 'gaps.toy-rule.title' in journeys/lang/gaps.sv.yaml" in problems
    assert "rule 'toy-rule': no 'gaps.toy-rule.message' (or message_<variant>) in journeys/lang/gaps.en.yaml" in problems
    complete = {lang: {**table, "gaps.toy-rule.title": "T", "gaps.toy-rule.question": "Q", "gaps.toy-rule.message": "M"}
                for lang, table in strings().items()}
    assert wiring_problems({"toy-rule": toy["toy-rule"]}, {**default_rules(), "toy-rule": {}}, complete) == []


def test_told_by_must_name_a_rule():
    import types

    module = types.SimpleNamespace(__name__="x", ORDER=1, find=lambda g, p: (), TOLD_BY="no-such-rule")
    problems = wiring_problems({"age-cliff": module}, default_rules(), {})
    assert problems == ["rule 'age-cliff': TOLD_BY names 'no-such-rule', which is no rule"]


def test_the_rules_that_group_agencies_say_so_in_their_modules():
    assert agency_group_rules() == {"uncoordinated", "voice-not-heard", "no-sip"}


def test_the_ecomap_reads_the_group_rules_from_the_rules(toy):
    """A rule that declares GROUPS_AGENCIES is drawn as missing links, not as stress, with no
    list in journeys/render/ to keep in step."""
    from types import SimpleNamespace

    from journeys.render.ecomap_view import stressed_agencies

    grouped = SimpleNamespace(rule="toy-rule", agencies=("bvc", "school"))
    single = SimpleNamespace(rule="referral-wait", agencies=("bup",))
    assert stressed_agencies([grouped, single]) == {"bup"}


def test_a_new_rule_that_groups_agencies_is_known_as_one(toy):
    assert "toy-rule" in agency_group_rules()


def test_groups_agencies_must_be_true_or_false():
    import types

    module = types.SimpleNamespace(__name__="x", ORDER=1, find=lambda g, p: (), GROUPS_AGENCIES="yes")
    assert wiring_problems({"age-cliff": module}, default_rules(), {}) == \
        ["rule 'age-cliff': GROUPS_AGENCIES must be True or False"]
