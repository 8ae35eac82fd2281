"""Gap engine v2 (issue 10): each change fires where it should and stays quiet at its edges."""

from __future__ import annotations

import pytest

from tests.rule_helpers import after, events, factors, gaps_of, graph_of, supports


def risks(count: int, start: float = 5.0, end: float = 10.0) -> str:
    return factors(*(f"{{id: r{i}, type: risk, domain: world, label: Risk {i}, from: {start!r}, to: {end!r}}}"
                     for i in range(count)))


# --- 2. an agency is active from its first contact, not before ------------------------------
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
