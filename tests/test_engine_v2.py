"""Gap engine v2 (issue 10): each change fires where it should and stays quiet at its edges."""

from __future__ import annotations

import pytest

from tests.rule_helpers import after, events, factors, gaps_of, graph_of, supports


def risks(count: int, start: float = 5.0, end: float = 10.0) -> str:
    return factors(*(f"{{id: r{i}, type: risk, domain: world, label: Risk {i}, from: {start!r}, to: {end!r}}}"
                     for i in range(count)))


# --- 2. an agency is active from its first contact, not before ------------------------------
def test_events_less_than_two_windows_apart_are_one_stretch_of_involvement():
    graph = graph_of(events("{id: a, age: 5, kind: contact, agency: school, label: Möte}",
                            f"{{id: b, age: {after(5, 360)!r}, kind: contact, agency: school, label: Möte}}"))
    assert "school" in graph.active_agencies(after(5, 200))
    apart = graph_of(events("{id: a, age: 5, kind: contact, agency: school, label: Möte}",
                            f"{{id: b, age: {after(5, 361)!r}, kind: contact, agency: school, label: Möte}}"))
    assert "school" not in apart.active_agencies(after(5, 181))


def test_an_agency_is_active_from_its_first_event_until_the_window_after_its_last():
    graph = graph_of(events("{id: a, age: 5, kind: contact, agency: school, label: Möte}",
                            "{id: b, age: 5.3, kind: contact, agency: school, label: Möte}"))
    assert "school" not in graph.active_agencies(4.99)
    assert "school" in graph.active_agencies(5) and "school" in graph.active_agencies(after(5.3, 180))
    assert "school" not in graph.active_agencies(after(5.3, 181))


def test_uncoordinated_starts_when_the_third_agency_arrives_and_names_only_those_there():
    body = supports("{id: s1, agency: school, level: early, label: S, from: 8, to: 10}",
                    "{id: s2, agency: social, level: early, label: S, from: 8, to: 10}") + events(
        "{id: b, age: 9, kind: contact, agency: bup, label: Första besöket}",
        "{id: b2, age: 9.3, kind: contact, agency: bup, label: Nästa besök}",
        "{id: p, age: 12, kind: contact, agency: police, label: Senare}")
    [gap] = gaps_of(body, "uncoordinated")
    assert gap.start == 9 and set(gap.agencies) == {"school", "social", "bup"}


# --- 3. universal supports do not hide a closure or count as the first support -------------
CLOSURE = events("{id: c, age: 6, kind: closure, agency: social}")
PLACE = supports("{id: p, agency: preschool, level: promotive, label: Förskoleplats, from: 1, to: 9}")


def test_closed_while_risk_is_not_hidden_by_a_universal_support():
    [gap] = gaps_of(risks(3) + PLACE + CLOSURE, "closed-while-risk")
    assert gap.events == ("c",)
    targeted = PLACE.replace("promotive", "preventive")
    assert gaps_of(risks(3) + targeted + CLOSURE, "closed-while-risk") == ()


def test_closed_while_risk_ends_when_a_targeted_support_starts_not_a_universal_one():
    later = supports("{id: u, agency: library, level: promotive, label: U, from: 6.2, to: 7}",
                     "{id: t, agency: school, level: early, label: T, from: 6.5, to: 8}")
    [gap] = gaps_of(risks(3) + later + CLOSURE, "closed-while-risk")
    assert gap.end == 6.5


def test_late_first_support_does_not_count_a_universal_support():
    signal = events("{id: s, age: 2, kind: signal, agency: preschool, label: Signal}")
    [gap] = gaps_of(signal + PLACE, "late-first-support")
    assert gap.params["variant"] == "never"
    early = f"  - {{id: e, agency: preschool, level: early, label: E, from: {after(2, 365.25)!r}, to: 4}}\n"
    assert gaps_of(signal + PLACE + early, "late-first-support") == ()


# --- 6. reports that nobody investigates -----------------------------------------------------
def reports(*ages: float) -> str:
    return events(*(f"{{id: r{i}, age: {age!r}, kind: report, agency: school, to: social}}" for i, age in enumerate(ages)))


def test_reports_never_decided_on_count_as_not_investigated():
    [gap] = gaps_of(reports(9, 9.4, after(9, 365)), "reports-closed-repeatedly")
    assert gap.params["count"] == 3 and gap.events == ("r0", "r1", "r2")
    assert gaps_of(reports(9, 9.4, after(9, 366)), "reports-closed-repeatedly") == ()


def test_a_report_decided_on_in_time_is_not_counted():
    decided = events(*[f"{{id: r{i}, age: {a!r}, kind: report, agency: school, to: social}}" for i, a in enumerate((9, 9.4, 9.8))],
                     "{id: d, age: 9.5, kind: decision, agency: social, label: Utredning inleds}")
    # r1's decision comes at 9.5 (the receiver's next decision): only r0 is left... and r2 (no decision after it)
    assert gaps_of(decided, "reports-closed-repeatedly") == ()


def test_a_report_whose_window_is_open_at_the_end_is_not_counted():
    body = reports(9, 9.4, 9.8)
    assert len(gaps_of(body, "reports-closed-repeatedly")) == 1
    assert gaps_of("ends: {age: 9.9, reason: review}\n" + body, "reports-closed-repeatedly") == ()


# --- 7. a SIP held before still covers the period, for its reach -----------------------------
def both_supports() -> str:
    return supports("{id: h, agency: bup, level: treatment, label: BUP, from: 12, to: 15}",
                    "{id: s, agency: social, level: early, label: Soc, from: 12, to: 15}")


def sip_before(days: float) -> str:
    return events(f"{{id: sip, age: {after(12, -days)!r}, kind: coordination, agency: social, with: [bup]}}")


def test_no_sip_a_sip_within_its_reach_before_covers_the_period():
    assert gaps_of(both_supports() + sip_before(110), "no-sip") == ()  # 3.6 months before
    assert gaps_of(both_supports() + sip_before(365.25), "no-sip") == ()
    assert len(gaps_of(both_supports() + sip_before(366), "no-sip")) == 1


def test_no_sip_the_reach_and_before_days_are_data():
    assert len(gaps_of(both_supports() + sip_before(110), "no-sip", no_sip={"lasts_days": 90})) == 1
    short = {"lasts_days": 0, "before_days": 60}
    assert gaps_of(both_supports() + sip_before(60), "no-sip", no_sip=short) == ()
    assert len(gaps_of(both_supports() + sip_before(61), "no-sip", no_sip=short)) == 1


# --- 8. a full hand-over to a service past 18 bridges the cliff ------------------------------
BUP_ENDS = supports("{id: b, agency: bup, level: treatment, label: Behandling, from: 15, to: 18}")


def handover_to_adults(handover: str, days: float = 0) -> str:
    return events(f"{{id: t, age: {after(18, days)!r}, kind: transition, from: bup, to: adult_psychiatry, "
                  f"handover: {handover}}}")


def test_age_cliff_a_full_handover_to_adult_psychiatry_bridges_it():
    assert gaps_of(BUP_ENDS + handover_to_adults("full"), "age-cliff") == ()
    assert gaps_of(BUP_ENDS + handover_to_adults("full", 90), "age-cliff") == ()
    assert len(gaps_of(BUP_ENDS + handover_to_adults("full", 91), "age-cliff")) == 1
    assert len(gaps_of(BUP_ENDS + handover_to_adults("partial"), "age-cliff")) == 1


def test_age_cliff_a_full_handover_to_a_child_service_does_not_bridge_it():
    to_child = events("{id: t, age: 18, kind: transition, from: bup, to: habilitation, handover: full}")
    assert len(gaps_of(BUP_ENDS + to_child, "age-cliff")) == 1


def test_age_cliff_takeover_sectors_are_data():
    assert len(gaps_of(BUP_ENDS + handover_to_adults("full"), "age-cliff", age_cliff={"takeover_sectors": ["social"]})) == 1


# --- 13. a court is not an agency to coordinate ----------------------------------------------
def court_case(court: str) -> str:
    return supports("{id: s1, agency: school, level: early, label: S, from: 8, to: 10}",
                    "{id: s2, agency: social, level: early, label: S, from: 8, to: 10}") + events(
        f"{{id: lvu, age: 8, kind: decision, agency: {court}, label: Vård enligt LVU}}",
        f"{{id: lvu2, age: 8.4, kind: decision, agency: {court}, label: Omprövning}}")


def test_a_court_does_not_count_among_the_active_agencies():
    assert gaps_of(court_case("court"), "uncoordinated") == ()
    assert len(gaps_of(court_case("police"), "uncoordinated")) == 1
    assert "court" not in graph_of(court_case("court")).active_agencies(8.1)


def test_a_persona_may_mark_its_own_agency_as_not_coordinating():
    own = "agencies:\n  - {id: tingsratt, label: Tingsrätten, sector: state, coordinates: false}\n"
    assert gaps_of(own + court_case("tingsratt"), "uncoordinated") == ()
    plain = own.replace(", coordinates: false", "")
    assert len(gaps_of(plain + court_case("tingsratt"), "uncoordinated")) == 1


@pytest.mark.parametrize("rule", ["unanswered-signal", "broken-handover", "no-sip"])
def test_the_new_defaults_are_in_the_vocabulary(rule):
    from journeys.gaps.settings import default_rules

    assert {"unanswered-signal": "other_agency_contact", "broken-handover": "partial",
            "no-sip": "lasts_days"}[rule] in default_rules()[rule]


# --- 5 and 16. the child's voice: a count trigger, and unknown is not "not heard" -----------
def contacts(count: int, heard: str = "", start: float = 5.0, step: float = 0.1) -> str:
    return events(*(f"{{id: c{i}, age: {start + i * step!r}, kind: contact, agency: school, label: Möte {i}{heard}}}"
                    for i in range(count)))


def test_voice_four_contacts_in_a_row_without_the_child_heard_is_a_gap_whatever_the_span():
    assert gaps_of(contacts(3), "voice-not-heard") == ()
    [gap] = gaps_of(contacts(4), "voice-not-heard")
    assert gap.params["count"] == 4 and gap.end - gap.start < 1
    assert gaps_of(contacts(4), "voice-not-heard", voice_not_heard={"in_a_row": 5}) == ()


def test_voice_explicitly_not_heard_is_a_gap_and_unknown_is_not_documented():
    [unknown] = gaps_of(contacts(4), "voice-not-heard")
    assert unknown.params["variant"] == "not_documented" and unknown.severity == 1
    [not_heard] = gaps_of(contacts(4, ", child_heard: false"), "voice-not-heard")
    assert "variant" not in not_heard.params and not_heard.severity == 2 and not_heard.params["not_heard"] == 4


def test_voice_a_contact_where_the_child_is_heard_breaks_the_run():
    body = contacts(2) + "  - {id: h, age: 5.25, kind: contact, agency: school, label: Samtal, child_heard: true}\n" + \
        "\n".join(contacts(2, start=5.3).splitlines()[1:]).replace("c0", "d0").replace("c1", "d1") + "\n"
    assert gaps_of(body, "voice-not-heard") == ()


def test_voice_from_age_is_data():
    early = contacts(4, start=1.0)
    assert gaps_of(early, "voice-not-heard") == ()
    assert len(gaps_of(early, "voice-not-heard", voice_not_heard={"from_age": 0})) == 1


def test_voice_the_two_kinds_are_worded_differently(sv):
    from journeys.gaps import gap_text
    from persona.vocabulary import load_vocabulary

    [unknown] = gaps_of(contacts(4), "voice-not-heard")
    [not_heard] = gaps_of(contacts(4, ", child_heard: false"), "voice-not-heard")
    words = [gap_text(g, sv, load_vocabulary()).message for g in (unknown, not_heard)]
    assert "inte står om" in words[0] and "inte står om" not in words[1]


# --- 14. level-jump only when an earlier signal left time for lighter help ------------------
TREATMENT = supports("{id: t, agency: social, level: treatment, label: Placering, from: 0.1, to: 2}")


def signal_before(days: float) -> str:
    return events(f"{{id: s, age: {after(0.1, -days)!r}, kind: signal, agency: bvc, label: Signal}}")


def test_level_jump_quiet_for_an_emergency_at_once_and_without_a_signal():
    assert gaps_of(TREATMENT, "level-jump") == ()
    assert gaps_of(TREATMENT + signal_before(30), "level-jump") == ()
    [gap] = gaps_of(TREATMENT + signal_before(31), "level-jump")
    assert gap.events == ("s", "t")


def test_level_jump_lead_days_is_data():
    assert gaps_of(TREATMENT + signal_before(31), "level-jump", level_jump={"lead_days": 60}) == ()


# --- 15. standing coordination, and a full hand-over counts as coordination ------------------
def busy(extra: str = "") -> str:
    return supports("{id: s1, agency: school, level: early, label: S, from: 8, to: 11}",
                    "{id: s2, agency: social, level: early, label: S, from: 8, to: 11}",
                    "{id: s3, agency: bup, level: early, label: S, from: 8, to: 11}", *([extra] if extra else []))


def test_a_standing_coordinating_role_covers_its_whole_period():
    role = "{id: r, agency: social, level: early, label: Familjeombud, from: 8, to: 11, coordinates: true}"
    assert gaps_of(busy(role), "uncoordinated") == ()
    short = role.replace("to: 11", "to: 9")
    [gap] = gaps_of(busy(short), "uncoordinated")
    assert gap.start == 9
    plain = role.replace(", coordinates: true", "")
    assert len(gaps_of(busy(plain), "uncoordinated")) == 1


def test_a_full_handover_counts_as_coordination_a_partial_one_does_not():
    def handover(kind):
        return events(f"{{id: t, age: 8.05, kind: transition, from: school, to: upper_secondary, handover: {kind}}}")
    [gap] = gaps_of(busy() + handover("full"), "uncoordinated")
    assert gap.start == pytest.approx(after(8.05, 90)), "covers the moment (before_days either side), not a year"
    [partial] = gaps_of(busy() + handover("partial"), "uncoordinated")
    assert partial.start == 8


# --- 12. shorter windows for the youngest ---------------------------------------------------
def heavy(start: float, days: float) -> str:
    return risks(3, start=start, end=after(start, days))


def test_risk_without_support_a_baby_needs_only_90_days():
    assert gaps_of(heavy(0.5, 90), "risk-without-support") == ()
    assert len(gaps_of(heavy(0.5, 91), "risk-without-support")) == 1


def test_risk_without_support_from_three_the_window_is_a_year():
    assert gaps_of(heavy(3, 365), "risk-without-support") == ()
    assert len(gaps_of(heavy(3, 366), "risk-without-support")) == 1


def test_risk_without_support_young_window_is_data():
    assert gaps_of(heavy(0.5, 91), "risk-without-support", risk_without_support={"young_days": 120}) == ()
    assert gaps_of(heavy(0.5, 91), "risk-without-support", risk_without_support={"young_age": 0.5}) == ()


# --- 10 and 17. who knew what: reachability over the graph ----------------------------------
def test_learned_follows_chains_of_telling_in_time_order():
    graph = graph_of(events(
        "{id: i1, age: 5, kind: information, agency: school, to: student_health}",
        "{id: m, age: 5.2, kind: coordination, agency: student_health, with: [bup]}",
        "{id: r, age: 4, kind: referral, agency: bup, to: social}",
        "{id: h, age: 5.5, kind: transition, from: bup, to: habilitation, handover: full}",
        "{id: p, age: 5.6, kind: transition, from: bup, to: logoped, handover: partial}"))
    known = graph.learned("school", 4.5, 20)
    assert known == {"school": 4.5, "student_health": 5, "bup": 5.2, "habilitation": 5.5}
    assert "bup" not in graph.learned("school", 4.5, 5.1), "not yet by 5.1"
    assert "student_health" not in graph.learned("school", 5.01, 20), "told before the signal"


SIGNAL_SCHOOL = "{id: s, age: 5, kind: signal, agency: school, label: Blåmärken}"


def meets(agency: str, days: float, event_id: str = "m") -> str:
    return f"{{id: {event_id}, age: {after(5, days)!r}, kind: contact, agency: {agency}, label: Besök}}"


def test_signal_not_shared_fires_when_another_agency_meets_the_child_without_knowing():
    [gap] = gaps_of(events(SIGNAL_SCHOOL, meets("bvc", 60)), "signal-not-shared")
    assert gap.events == ("s", "m") and gap.params["unaware"] == ("bvc",) and gap.visible == pytest.approx(after(5, 60))
    assert gaps_of(events(SIGNAL_SCHOOL, meets("bvc", 91)), "signal-not-shared") == ()
    assert len(gaps_of(events(SIGNAL_SCHOOL, meets("bvc", 90)), "signal-not-shared")) == 1


def test_signal_not_shared_quiet_when_the_agency_was_told_or_answered():
    told = f"{{id: i, age: {after(5, 10)!r}, kind: information, agency: school, to: bvc}}"
    assert gaps_of(events(SIGNAL_SCHOOL, told, meets("bvc", 60)), "signal-not-shared") == ()
    late = told.replace(repr(after(5, 10)), repr(after(5, 61)))
    assert len(gaps_of(events(SIGNAL_SCHOOL, late, meets("bvc", 60)), "signal-not-shared")) == 1
    answer = f"{{id: a, age: {after(5, 60)!r}, kind: contact, agency: bvc, label: Svar, responds_to: s}}"
    assert gaps_of(events(SIGNAL_SCHOOL, answer), "signal-not-shared") == ()


def test_signal_not_shared_leaves_out_the_same_sector_and_the_family_unless_set():
    assert gaps_of(events(SIGNAL_SCHOOL, meets("student_health", 30)), "signal-not-shared") == ()
    assert len(gaps_of(events(SIGNAL_SCHOOL, meets("student_health", 30)), "signal-not-shared",
                       signal_not_shared={"other_sectors_only": False})) == 1
    family = SIGNAL_SCHOOL.replace("agency: school", "agency: family")
    assert gaps_of(events(family, meets("bvc", 30)), "signal-not-shared") == ()


def test_signal_not_shared_a_report_that_answers_a_signal_is_not_told_twice():
    report = f"{{id: r, age: {after(5, 5)!r}, kind: report, agency: school, to: social, responds_to: s}}"
    [gap] = gaps_of(events(SIGNAL_SCHOOL, report, meets("bvc", 60)), "signal-not-shared")
    assert gap.events[0] == "s"


# --- 10. missed appointments with no follow-up ------------------------------------------------
def missed(*days: float) -> list[str]:
    return [f"{{id: x{i}, age: {after(5, d)!r}, kind: missed, agency: bup, label: Uteblir}}" for i, d in enumerate(days)]


def test_two_missed_appointments_with_no_follow_up_are_a_gap():
    [gap] = gaps_of(events(*missed(0, 20)), "missed-no-follow-up")
    assert gap.events == ("x0", "x1") and gap.agencies == ("bup",) and gap.params["count"] == 2
    assert gaps_of(events(*missed(0)), "missed-no-follow-up") == ()


def test_a_follow_up_within_30_days_breaks_the_run():
    def follow(days):
        return f"{{id: f, age: {after(5, days)!r}, kind: contact, agency: bup, label: Ringer hem}}"
    assert gaps_of(events(*missed(0, 20), follow(50)), "missed-no-follow-up") == ()  # x1 followed at 30 days
    assert len(gaps_of(events(*missed(0, 20), follow(51)), "missed-no-follow-up")) == 1
    answered = "{id: f, age: 5.5, kind: contact, agency: bup, label: Brev, responds_to: x0}"
    assert gaps_of(events(*missed(0, 40), answered), "missed-no-follow-up") == ()


def test_missed_count_is_data():
    assert gaps_of(events(*missed(0, 20)), "missed-no-follow-up", missed_no_follow_up={"count": 3}) == ()


# --- 10. a placement nobody follows up -----------------------------------------------------
def placement(extra: str = "", flag: str = ", placement: true") -> str:
    return supports(f"{{id: p, agency: foster_care, level: treatment, label: Familjehem, from: 10, to: 12{flag}}}") + (
        events(extra) if extra else "")


def test_a_placement_with_no_follow_up_for_more_than_half_a_year_is_a_gap():
    gaps = gaps_of(placement(), "placement-no-follow-up")
    assert [(g.start, g.end) for g in gaps] == [(10, 12)]
    assert gaps_of(placement(flag=""), "placement-no-follow-up") == ()


def test_follow_ups_by_social_services_split_the_placement():
    def visit(days):
        return f"{{id: v, age: {after(10, days)!r}, kind: contact, agency: social, label: Besök}}"
    gaps = gaps_of(placement(visit(182.625)), "placement-no-follow-up")
    assert [round(g.start, 3) for g in gaps] == [round(after(10, 182.625), 3)]
    home = "{id: v, age: 11, kind: contact, agency: foster_care, label: Familjehemmet ringer}"
    assert len(gaps_of(placement(home), "placement-no-follow-up")) == 1
    assert len(gaps_of(placement(visit(182.625)), "placement-no-follow-up", placement_no_follow_up={"days": 600})) == 0


# --- visible from ---------------------------------------------------------------------------
def test_a_gap_is_visible_when_its_text_has_happened():
    [never] = gaps_of(events(SIGNAL_SCHOOL), "unanswered-signal")
    assert never.visible == never.end == pytest.approx(after(5, 90))
    [closed] = gaps_of(risks(3) + events("{id: c, age: 6, kind: closure, agency: social}"), "closed-while-risk")
    assert closed.visible == 6 < closed.end


def test_json_has_visible_from_as_a_new_key(cli, tmp_path):
    import json

    from tests.conftest import persona_text

    path = tmp_path / "p.yaml"
    path.write_text(persona_text(events(SIGNAL_SCHOOL)), encoding="utf-8")
    [item] = [g for g in json.loads(cli("gaps", path, "--format", "json").out) if g["rule"] == "unanswered-signal"]
    assert item["visible_from"] == pytest.approx(after(5, 90), abs=1e-3) and item["from"] == 5


# --- guards the issue names: validation of references ----------------------------------------
def problem_keys(body: str) -> list[str]:
    from persona.errors import PersonaInvalid
    from persona.load import parse_persona
    from tests.conftest import persona_text

    try:
        parse_persona(persona_text(body), "t.yaml")
    except PersonaInvalid as exc:
        return [p.key for p in exc.problems]
    return []


def test_responds_to_a_support_or_factor_is_no_event():
    body = supports("{id: stod, agency: school, level: early, from: 1, to: 2}") + \
        "  \nevents:\n  - {id: a, age: 3, kind: contact, agency: school, label: x, responds_to: stod}\n"
    assert problem_keys(body) == ["ref.unknown_event"]


def test_a_report_to_an_unknown_agency_is_refused_and_a_known_one_is_fine():
    assert problem_keys(events("{id: r, age: 3, kind: report, agency: school, to: socialen}")) == ["ref.unknown_agency"]
    assert problem_keys(events("{id: r, age: 3, kind: report, agency: school, to: social}")) == []


def test_schema_1_1_fields_are_checked_per_kind():
    assert problem_keys(events("{id: i, age: 3, kind: information, agency: school}")) == ["kind.field_required"]
    assert problem_keys(events("{id: i, age: 3, kind: information, agency: school, to: bvc}")) == []
    assert problem_keys(events("{id: c, age: 3, kind: contact, agency: school, label: x, outcome: rejected}")) == \
        ["kind.field_not_allowed"]
    assert problem_keys(events("{id: r, age: 3, kind: referral, agency: bvc, to: bup, outcome: rejected}")) == []
    assert problem_keys(events("{id: r, age: 3, kind: report, reporter: neighbour}")) == []
    assert problem_keys(events("{id: r, age: 3, kind: report}")) == ["kind.agency_required"]
    assert problem_keys(events("{id: r, age: 3, kind: report, agency: school, reporter: neighbour}")) == []
    assert problem_keys(events("{id: c, age: 3, kind: contact, agency: school, label: x, reporter: relative}")) == \
        ["kind.field_not_allowed"]
    assert problem_keys(events("{id: c, age: 3, approx: year, kind: life, label: x}")) == []
    assert problem_keys(events("{id: c, age: 3, approx: week, kind: life, label: x}")) == ["field.unknown_word"]


# --- 11. words ------------------------------------------------------------------------------
def words_of(body: str, rule: str, sv, **changes):
    from journeys.gaps import gap_text, gap_title
    from persona.vocabulary import load_vocabulary

    return [(gap_title(g, sv), gap_text(g, sv, load_vocabulary())) for g in gaps_of(body, rule, **changes)]


def test_a_signal_answered_late_is_titled_so(sv):
    late = f"{{id: a, age: {after(5, 100)!r}, kind: contact, agency: bvc, label: Svar, responds_to: s}}"
    [(title, _)] = words_of(events(SIGNAL_SCHOOL, late), "unanswered-signal", sv)
    assert title == "Sent besvarad signal"
    [(title, _)] = words_of(events(SIGNAL_SCHOOL), "unanswered-signal", sv)
    assert title == "Obesvarad signal"


def test_past_18_the_text_says_den_unga(sv):
    def referral(age):
        return events(f"{{id: r, age: {age!r}, kind: referral, agency: primary, to: adult_psychiatry}}")
    [(_, young)] = words_of(referral(18.5), "referral-wait", sv)
    [(_, child)] = words_of(referral(17.5), "referral-wait", sv)
    assert "den unga under väntan" in young.question and "barnet och familjen" in child.question


def test_agency_lists_end_with_och(sv):
    [(_, words)] = words_of(court_case("police"), "uncoordinated", sv)
    assert "(Polis, skola och socialtjänst)" in words.message


def test_an_approximate_age_reads_ca(sv):
    body = events("{id: s, age: 8, approx: year, kind: signal, agency: school, label: Orolig}")
    [(_, words)] = words_of(body, "unanswered-signal", sv)
    assert "ca 8 år" in words.message


def test_a_report_from_a_neighbour_names_the_neighbour_and_no_agency(sv):
    body = events("{id: r, age: 6, kind: report, reporter: neighbour}")
    [(_, words)] = words_of(body, "unanswered-signal", sv)
    assert "(en granne, 6 år)" in words.message


def test_a_rejected_referral_is_avvisad_not_a_first_contact(sv):
    body = events("{id: r, age: 5, kind: referral, agency: bvc, to: bup}",
                  f"{{id: a, age: {after(5, 60)!r}, kind: assessment, agency: bup, label: Bedömning, responds_to: r, "
                  "outcome: rejected}")
    [(_, words)] = words_of(body, "referral-wait", sv)
    # the derived label "Remiss till BUP" names the receiver, so the short form says it once
    assert "remissen avvisades först efter 60 dagar" in words.message and "första kontakt" not in words.message
    undated = events("{id: r, age: 5, kind: referral, agency: bvc, to: bup, outcome: rejected}")
    assert gaps_of(undated, "referral-wait") == ()
    assert len(gaps_of(undated.replace(", outcome: rejected", ""), "referral-wait")) == 1


def test_answer_chain_follows_responses_step_by_step_and_stops_where_told():
    graph = graph_of(events("{id: r, age: 9, kind: report, agency: school, to: social}",
                            "{id: f, age: 9.1, kind: assessment, agency: social, label: F, responds_to: r}",
                            "{id: d, age: 9.2, kind: decision, agency: social, label: D, responds_to: f}",
                            "{id: c, age: 9.3, kind: closure, agency: social, responds_to: d}"))
    assert [e.id for e in graph.answer_chain("r", 3, passes=lambda e: True)] == ["f", "d", "c"]
    assert [e.id for e in graph.answer_chain("r", 3, passes=lambda e: e.kind != "decision")] == ["f", "d"]
    assert [e.id for e in graph.answer_chain("r", 1, passes=lambda e: True)] == ["f"]


def test_informed_by_gives_what_an_agency_passed_on_from_an_age():
    graph = graph_of(events("{id: a, age: 3, kind: information, agency: school, to: bvc}",
                            "{id: b, age: 5, kind: information, agency: school, to: social}",
                            "{id: c, age: 6, kind: information, agency: bvc, to: social}"))
    assert [e.id for e in graph.informed_by("school", 4)] == ["b"]
    assert [e.id for e in graph.informed_by("school", 3)] == ["a", "b"]
    assert list(graph.informed_by("social", 0)) == []


def test_voice_the_count_trigger_counts_meetings_not_paper():
    paper = events(*(f"{{id: p{i}, age: {5 + i * 0.1!r}, kind: decision, agency: social, label: Beslut {i}}}" for i in range(4)))
    assert gaps_of(paper, "voice-not-heard") == ()
    assert len(gaps_of(paper.replace("kind: decision", "kind: assessment"), "voice-not-heard")) == 1


def test_referral_circles_are_a_graph_query():
    graph = graph_of(events("{id: a, age: 3, kind: referral, agency: bvc, to: bup}",
                            "{id: b, age: 3.4, kind: referral, agency: bup, to: habilitation}",
                            "{id: c, age: 3.8, kind: referral, agency: habilitation, to: bup}"))
    assert [[r.id for r in circle] for circle in graph.referral_circles(1.0)] == [["b", "c"]]
    assert list(graph.referral_circles(0.39)) == []
