"""Every rule fires where it should and stays quiet where it should, at the edges of its window.

The edge convention, for every rule with a window: a span exactly as long as the window is in
time (quiet); a day more is a gap.
"""

from __future__ import annotations

import pytest

from tests.rule_helpers import after, events, factors, gaps_of, supports


def rules(gaps):
    return [g.rule for g in gaps]


# --- unanswered-signal -------------------------------------------------------------------
SIGNAL = "{id: s, age: 5, kind: signal, agency: school, label: Orolig}"


def answer(days: float, **extra: str) -> str:
    fields = ", ".join(f"{k}: {v}" for k, v in {"agency": "student_health", "responds_to": "s", **extra}.items())
    return f"{{id: a, age: {after(5, days)!r}, kind: contact, label: Svar, {fields}}}"


def test_unanswered_signal_fires_when_nobody_answers():
    [gap] = gaps_of(events(SIGNAL), "unanswered-signal")
    assert gap.events == ("s",) and gap.start == 5 and gap.end == pytest.approx(after(5, 90))
    assert gap.params["variant"] == "never" and gap.severity == 3


def test_unanswered_signal_answer_exactly_at_the_window_is_in_time():
    assert gaps_of(events(SIGNAL, answer(90)), "unanswered-signal") == ()


def test_unanswered_signal_answer_a_day_late_is_a_gap():
    [gap] = gaps_of(events(SIGNAL, answer(91)), "unanswered-signal")
    assert gap.events == ("s", "a") and gap.params["variant"] == "late" and gap.severity == 2


def test_unanswered_signal_window_is_data():
    assert gaps_of(events(SIGNAL, answer(91)), "unanswered-signal", unanswered_signal={"days": 120}) == ()


def test_unanswered_signal_a_contact_at_an_agency_that_was_not_told_is_no_answer_unless_switched_on():
    contact = "{id: c, age: 5.1, kind: contact, agency: bvc, label: Besök}"
    assert len(gaps_of(events(SIGNAL, contact), "unanswered-signal")) == 1
    assert gaps_of(events(SIGNAL, contact), "unanswered-signal", unanswered_signal={"other_agency_contact": True}) == ()


def test_unanswered_signal_a_coordination_with_the_signalling_agency_answers_it():
    meeting = lambda days, partners: f"{{id: m, age: {after(5, days)!r}, kind: coordination, agency: social, with: {partners}}}"
    assert gaps_of(events(SIGNAL, meeting(90, "[school]")), "unanswered-signal") == ()
    assert gaps_of(events(SIGNAL, meeting(91, "[school]")), "unanswered-signal")[0].params["variant"] == "late"
    assert gaps_of(events(SIGNAL, meeting(30, "[bvc]")), "unanswered-signal")[0].params["variant"] == "never"


def test_unanswered_signal_an_agency_told_by_information_answers_it():
    told = f"{{id: i, age: {after(5, 10)!r}, kind: information, agency: school, to: social}}"
    step = lambda days: f"{{id: a, age: {after(5, days)!r}, kind: contact, agency: social, label: Samtal}}"
    assert gaps_of(events(SIGNAL, told, step(90)), "unanswered-signal") == ()
    assert len(gaps_of(events(SIGNAL, told, step(91)), "unanswered-signal")) == 1
    untold = told.replace("agency: school", "agency: bvc")
    assert gaps_of(events(SIGNAL, untold, step(30)), "unanswered-signal")[0].params["variant"] == "never"


def test_unanswered_signal_a_contact_answering_something_else_is_no_answer():
    other = "{id: o, age: 4.9, kind: signal, agency: bvc, label: Annat}"
    contact = "{id: c, age: 5.1, kind: contact, agency: bvc, label: Besök, responds_to: o}"
    assert [g.events for g in gaps_of(events(other, SIGNAL, contact), "unanswered-signal")] == [("s",)]


def test_unanswered_report_is_answered_by_the_receiving_agency():
    report = "{id: r, age: 5, kind: report, agency: school, to: social}"
    assess = f"{{id: b, age: {after(5, 10)!r}, kind: assessment, agency: social, label: Förhandsbedömning}}"
    assert gaps_of(events(report, assess), "unanswered-signal", unanswered_signal={"other_agency_contact": False}) == ()
    assert len(gaps_of(events(report), "unanswered-signal")) == 1


# --- referral-wait -----------------------------------------------------------------------
def referral(to: str, contact_days: float | None, kind: str = "contact") -> str:
    lines = [f"{{id: r, age: 9, kind: referral, agency: school, to: {to}}}"]
    if contact_days is not None:
        lines.append(f"{{id: k, age: {after(9, contact_days)!r}, kind: {kind}, agency: {to}, label: Första, responds_to: r}}"
                     if kind != "referral" else
                     f"{{id: k, age: {after(9, contact_days)!r}, kind: referral, agency: {to}, to: school, responds_to: r}}")
    return events(*lines)


def test_referral_wait_bup_limit_is_30_days():
    assert gaps_of(referral("bup", 30), "referral-wait") == ()
    [gap] = gaps_of(referral("bup", 31), "referral-wait")
    assert gap.agencies == ("school", "bup") and gap.params["days"] == 30


def test_referral_wait_other_agencies_wait_90_days():
    assert gaps_of(referral("logoped", 90), "referral-wait") == ()
    assert len(gaps_of(referral("logoped", 91), "referral-wait")) == 1


def test_referral_wait_never_answered_is_more_severe():
    [gap] = gaps_of(referral("bup", None), "referral-wait")
    assert gap.params["variant"] == "never" and gap.severity == 3


def test_referral_wait_per_agency_limit_is_data():
    assert gaps_of(referral("bup", 31), "referral-wait", referral_wait={"limits": {"bup": 60}}) == ()


def test_referral_wait_support_started_by_the_receiver_is_a_first_contact():
    body = events("{id: r, age: 9, kind: referral, agency: school, to: logoped}") + supports(
        "{id: t, agency: logoped, level: early, label: Logopedi, from: 9.2, to: 10}")
    assert gaps_of(body, "referral-wait") == ()


def test_referral_passed_on_is_left_to_referral_bounce():
    # BUP's first step is to refer the child back: r is not "waiting"; the referral back waits.
    assert [g.events[0] for g in gaps_of(referral("bup", 100, kind="referral"), "referral-wait")] == ["k"]


# --- referral-bounce ---------------------------------------------------------------------
def test_referral_bounce_circle_fires():
    body = events("{id: r1, age: 4, kind: referral, agency: bvc, to: bup}",
                  "{id: r2, age: 4.5, kind: referral, agency: bup, to: bvc}")
    [gap] = gaps_of(body, "referral-bounce")
    assert gap.params["variant"] == "circle" and gap.events == ("r1", "r2")


def test_referral_bounce_circle_through_three_agencies_fires():
    body = events("{id: r1, age: 4, kind: referral, agency: bvc, to: bup}",
                  "{id: r2, age: 4.2, kind: referral, agency: bup, to: habilitation}",
                  "{id: r3, age: 4.4, kind: referral, agency: habilitation, to: bup}")
    [gap] = gaps_of(body, "referral-bounce", referral_bounce={"pile_up": 9})
    assert gap.events == ("r2", "r3")


def test_referral_bounce_circle_window_edge():
    body = lambda days: events("{id: r1, age: 4, kind: referral, agency: bvc, to: bup}",
                               f"{{id: r2, age: {after(4, days)!r}, kind: referral, agency: bup, to: bvc}}")
    assert len(gaps_of(body(365), "referral-bounce")) == 1
    assert gaps_of(body(366), "referral-bounce") == ()


def test_referral_bounce_no_circle_when_support_started_in_between():
    body = events("{id: r1, age: 4, kind: referral, agency: bvc, to: bup}",
                  "{id: r2, age: 4.5, kind: referral, agency: bup, to: bvc}") + supports(
        "{id: t, agency: bup, level: treatment, label: Behandling, from: 4.1, to: 4.4}")
    assert gaps_of(body, "referral-bounce") == ()


def pile(third_days: float) -> str:
    return events("{id: r1, age: 6, kind: referral, agency: school, to: bup}",
                  "{id: r2, age: 6.3, kind: referral, agency: bvc, to: habilitation}",
                  f"{{id: r3, age: {after(6, third_days)!r}, kind: referral, agency: primary, to: logoped}}")


def test_referral_bounce_three_referrals_pile_up_within_a_year():
    [gap] = gaps_of(pile(365), "referral-bounce")
    assert gap.params["variant"] == "pile_up" and gap.params["count"] == 3
    assert gaps_of(pile(366), "referral-bounce") == ()


def test_referral_bounce_pile_up_quiet_when_a_support_starts():
    body = pile(200) + supports("{id: t, agency: bup, level: early, label: Stöd, from: 6.2, to: 7}")
    assert gaps_of(body, "referral-bounce") == ()


# --- broken-handover ---------------------------------------------------------------------
def transition(handover: str, age: float = 6) -> str:
    return f"{{id: t, age: {age!r}, kind: transition, from: preschool, to: school, handover: {handover}}}"


def test_broken_handover_none_fires_full_is_quiet():
    [gap] = gaps_of(events(transition("none")), "broken-handover")
    assert gap.params["variant"] == "none" and gap.agencies == ("preschool", "school")
    assert gaps_of(events(transition("full")), "broken-handover") == ()


def test_broken_handover_partial_is_reported_as_such_unless_switched_off():
    [gap] = gaps_of(events(transition("partial")), "broken-handover")
    assert gap.severity == 1 and gap.params["variant"] == "partial"
    assert gaps_of(events(transition("partial")), "broken-handover", broken_handover={"partial": False}) == ()


def test_broken_handover_a_universal_support_ending_at_its_own_transition_is_no_loss():
    place = supports("{id: plats, agency: preschool, level: promotive, label: Förskoleplats, from: 1, to: 6}")
    assert gaps_of(events(transition("full")) + place, "broken-handover") == ()
    early = place.replace("level: promotive", "level: early")
    assert [g.params["variant"] for g in gaps_of(events(transition("full")) + early, "broken-handover")] == ["lost"]


def lost_support(end_days_before: float, successor_days: float | None = None) -> str:
    body = supports(f"{{id: resurs, agency: preschool, level: early, label: Resurs, from: 4, to: {after(6, -end_days_before)!r}}}")
    if successor_days is not None:
        body += f"  - {{id: ny, agency: school, level: early, label: Ny, from: {after(after(6, -end_days_before), successor_days)!r}, to: 8}}\n"
    return body


def test_broken_handover_support_lost_at_a_full_transition():
    [gap] = gaps_of(events(transition("full")) + lost_support(0), "broken-handover")
    assert gap.params["variant"] == "lost" and gap.events == ("t", "resurs")


def test_broken_handover_support_ending_30_days_before_counts_31_does_not():
    assert len(gaps_of(events(transition("full")) + lost_support(30), "broken-handover")) == 1
    assert gaps_of(events(transition("full")) + lost_support(31), "broken-handover") == ()


def test_broken_handover_successor_within_30_days_keeps_it_quiet():
    assert gaps_of(events(transition("full")) + lost_support(0, 30), "broken-handover") == ()
    assert len(gaps_of(events(transition("full")) + lost_support(0, 31), "broken-handover")) == 1


# --- uncoordinated -----------------------------------------------------------------------
def three_agencies(days: float, agencies=("school", "social", "bup")) -> str:
    return supports(*(f"{{id: s{i}, agency: {a}, level: early, label: Stöd {i}, from: 8, to: {after(8, days)!r}}}"
                      for i, a in enumerate(agencies)))


def test_uncoordinated_three_agencies_for_long_fires():
    [gap] = gaps_of(three_agencies(365), "uncoordinated")
    assert gap.start == 8 and set(gap.agencies) == {"school", "social", "bup"}


def test_uncoordinated_window_edge():
    assert gaps_of(three_agencies(180), "uncoordinated") == ()
    assert len(gaps_of(three_agencies(181), "uncoordinated")) == 1


def test_uncoordinated_quiet_with_a_coordination():
    body = three_agencies(365) + events("{id: sip, age: 8.1, kind: coordination, agency: social, with: [school, bup]}")
    assert gaps_of(body, "uncoordinated") == ()


def test_uncoordinated_coordination_covers_a_year_then_the_clock_runs_again():
    body = three_agencies(3 * 365) + events("{id: sip, age: 8.1, kind: coordination, agency: social, with: [school]}")
    [gap] = gaps_of(body, "uncoordinated")
    assert gap.start == pytest.approx(after(8.1, 365.25))


def test_uncoordinated_two_agencies_are_not_enough_unless_set():
    body = three_agencies(365, agencies=("school", "social"))
    assert gaps_of(body, "uncoordinated") == ()
    assert len(gaps_of(body, "uncoordinated", uncoordinated={"agencies": 2})) == 1


def test_uncoordinated_the_family_does_not_count_as_an_agency():
    assert gaps_of(three_agencies(365, agencies=("school", "social", "family")), "uncoordinated") == ()


# --- risk-without-support ----------------------------------------------------------------
def risks(count: int, end: float = 7.0, start: float = 5.0) -> str:
    return factors(*(f"{{id: r{i}, type: risk, domain: world, label: Risk {i}, from: {start!r}, to: {end!r}}}"
                     for i in range(count)))


def test_risk_without_support_fires():
    [gap] = gaps_of(risks(3), "risk-without-support")
    assert (gap.start, gap.end) == (5, 7) and gap.params["load"] == 3 and len(gap.params["factors"]) == 3


def test_risk_without_support_quiet_with_support_or_protection():
    assert gaps_of(risks(3) + supports("{id: s, agency: social, level: early, label: Stöd, from: 5, to: 7}"),
                   "risk-without-support") == ()
    protective = "  - {id: p, type: protective, domain: care, label: Mormor, from: 0}\n"
    assert gaps_of(risks(3) + protective, "risk-without-support") == ()
    assert gaps_of(risks(2), "risk-without-support") == ()


def test_risk_without_support_window_edge():
    assert gaps_of(risks(3, end=6.0), "risk-without-support") == ()  # exactly one year
    assert gaps_of(risks(3, end=after(5, 365)), "risk-without-support") == ()
    assert len(gaps_of(risks(3, end=after(5, 366)), "risk-without-support")) == 1


# --- closed-while-risk -------------------------------------------------------------------
CLOSURE = events("{id: c, age: 6, kind: closure, agency: social}")


def test_closed_while_risk_fires():
    [gap] = gaps_of(risks(3, end=10) + CLOSURE, "closed-while-risk")
    assert gap.events == ("c",) and gap.params["load"] == 3


def test_closed_while_risk_quiet_when_support_goes_on_or_risk_is_low():
    going_on = supports("{id: s, agency: school, level: early, label: Stöd, from: 5, to: 8}")
    assert gaps_of(risks(3, end=10) + going_on + CLOSURE, "closed-while-risk") == ()
    assert gaps_of(risks(2, end=10) + CLOSURE, "closed-while-risk") == ()


def test_closed_while_risk_a_support_ending_with_the_closure_does_not_count():
    ending = supports("{id: s, agency: social, level: early, label: Stöd, from: 5, to: 6}")
    assert len(gaps_of(risks(3, end=10) + ending + CLOSURE, "closed-while-risk")) == 1


def test_closed_while_risk_gap_ends_when_support_starts():
    later = supports("{id: s, agency: school, level: early, label: Stöd, from: 6.5, to: 8}")
    [gap] = gaps_of(risks(3, end=10) + later + CLOSURE, "closed-while-risk")
    assert gap.end == 6.5


# --- late-first-support ------------------------------------------------------------------
def first_support(days: float | None, level: str = "early") -> str:
    body = events("{id: s, age: 2, kind: signal, agency: preschool, label: Signal}")
    if days is not None:
        body += supports(f"{{id: t, agency: preschool, level: {level}, label: Stöd, from: {after(2, days)!r}, to: 6}}")
    return body


def test_late_first_support_window_edge():
    assert gaps_of(first_support(365.25), "late-first-support") == ()  # exactly one year
    assert gaps_of(first_support(365), "late-first-support") == ()
    [gap] = gaps_of(first_support(366), "late-first-support")
    assert gap.events == ("s", "t") and gap.params["variant"] == "late"


def test_late_first_support_never_is_more_severe():
    [gap] = gaps_of(first_support(None), "late-first-support")
    assert gap.params["variant"] == "never" and gap.severity == 3


def test_late_first_support_quiet_without_signals_or_with_earlier_support():
    assert gaps_of(supports("{id: t, agency: school, level: early, label: Stöd, from: 8, to: 9}"), "late-first-support") == ()
    assert gaps_of(first_support(-100), "late-first-support") == ()


# --- level-jump --------------------------------------------------------------------------
def test_level_jump_fires_when_treatment_comes_first():
    body = supports("{id: p, agency: library, level: promotive, label: Läsfrämjande, from: 3, to: 6}",
                    "{id: t, agency: bup, level: treatment, label: Behandling, from: 12, to: 13}")
    signal = events("{id: s, age: 10, kind: signal, agency: school, label: Orolig}")
    [gap] = gaps_of(body + signal, "level-jump")
    assert gap.events == ("s", "t") and gap.agencies == ("bup",) and gap.start == 10


def test_level_jump_quiet_with_earlier_or_simultaneous_early_support():
    early = lambda start: supports(f"{{id: e, agency: school, level: early, label: Stöd, from: {start}, to: 12}}",
                                   "{id: t, agency: bup, level: treatment, label: Behandling, from: 12, to: 13}")
    assert gaps_of(early(10), "level-jump") == ()
    assert gaps_of(early(12), "level-jump") == ()


# --- age-cliff ---------------------------------------------------------------------------
BUP_ENDS = supports("{id: b, agency: bup, level: treatment, label: Behandling, from: 15, to: 18}")


def test_age_cliff_child_service_ends_with_nobody_taking_over():
    [gap] = gaps_of(BUP_ENDS, "age-cliff")
    assert gap.events == ("b",) and gap.agencies == ("bup",) and gap.severity == 3


def test_age_cliff_adult_contact_within_90_days_bridges_it():
    contact = lambda days: events(f"{{id: v, age: {after(18, days)!r}, kind: contact, agency: adult_psychiatry, label: Första besöket}}")
    assert gaps_of(BUP_ENDS + contact(90), "age-cliff") == ()
    assert len(gaps_of(BUP_ENDS + contact(91), "age-cliff")) == 1


def test_age_cliff_transitions_need_a_full_handover():
    move = lambda handover: events(f"{{id: t, age: 18, kind: transition, from: hvb, to: family, handover: {handover}}}")
    assert gaps_of(move("full"), "age-cliff") == ()
    assert len(gaps_of(move("partial"), "age-cliff")) == 1


def test_age_cliff_outside_the_window_or_services_that_go_on_are_quiet():
    assert gaps_of(supports("{id: b, agency: bup, level: treatment, label: B, from: 15, to: 17}"), "age-cliff") == ()
    assert gaps_of(supports("{id: k, agency: kaa, level: early, label: KAA, from: 16, to: 18}"), "age-cliff") == ()


# --- voice-not-heard ---------------------------------------------------------------------
def contacts(last_days: float, heard: str = "") -> str:
    lines = ["{id: c1, age: 5, kind: contact, agency: school, label: Möte 1}",
             f"{{id: c2, age: 6, kind: contact, agency: school, label: Möte 2{heard}}}",
             f"{{id: c3, age: {after(5, last_days)!r}, kind: contact, agency: social, label: Möte 3}}"]
    return events(*lines)


def test_voice_not_heard_window_edge():
    assert gaps_of(contacts(730), "voice-not-heard") == ()
    [gap] = gaps_of(contacts(731), "voice-not-heard")
    assert gap.params["count"] == 3 and gap.agencies == ("school", "social")


def test_voice_not_heard_quiet_when_the_child_is_heard():
    assert gaps_of(contacts(900, heard=", child_heard: true"), "voice-not-heard") == ()


def test_voice_not_heard_needs_enough_contacts_from_age_three():
    assert gaps_of(contacts(900), "voice-not-heard", voice_not_heard={"contacts": 4}) == ()
    early = events("{id: c1, age: 0.5, kind: contact, agency: bvc, label: Besök}",
                   "{id: c2, age: 1.5, kind: contact, agency: bvc, label: Besök}",
                   "{id: c3, age: 2.9, kind: contact, agency: bvc, label: Besök}")
    assert gaps_of(early, "voice-not-heard") == ()


# --- report-no-decision ------------------------------------------------------------------
def report_decided(days: float) -> str:
    return events("{id: r, age: 8, kind: report, agency: school, to: social}",
                  f"{{id: d, age: {after(8, days)!r}, kind: decision, agency: social, label: Utredning inleds, responds_to: r}}")


def test_report_no_decision_is_off_by_default():
    assert "report-no-decision" not in rules(gaps_of(report_decided(60)))


def test_report_no_decision_window_edge_when_switched_on():
    on = {"enabled": True}
    assert gaps_of(report_decided(14), "report-no-decision", report_no_decision=on) == ()
    [gap] = gaps_of(report_decided(15), "report-no-decision", report_no_decision=on)
    assert gap.events == ("r", "d")


# --- reports-closed-repeatedly -----------------------------------------------------------
def closed_reports(last_days: float, investigate_first: bool = False) -> str:
    ages = [9, 9.4, after(9, last_days)]
    lines = []
    for i, age in enumerate(ages):
        lines.append(f"{{id: r{i}, age: {age!r}, kind: report, agency: school, to: social}}")
        if i == 1:  # closed after a förhandsbedömning: still no investigation
            lines.append(f"{{id: f{i}, age: {age + 0.01!r}, kind: assessment, agency: social, label: Förhandsbedömning, responds_to: r{i}}}")
            lines.append(f"{{id: c{i}, age: {age + 0.02!r}, kind: closure, agency: social, responds_to: f{i}}}")
        elif i == 0 and investigate_first:
            lines.append(f"{{id: d{i}, age: {age + 0.01!r}, kind: decision, agency: social, label: Utredning, responds_to: r{i}}}")
            lines.append(f"{{id: c{i}, age: {age + 0.02!r}, kind: closure, agency: social, responds_to: d{i}}}")
        else:
            lines.append(f"{{id: c{i}, age: {age + 0.02!r}, kind: closure, agency: social, responds_to: r{i}}}")
    return events(*lines)


def test_reports_closed_repeatedly_window_edge():
    [gap] = gaps_of(closed_reports(365), "reports-closed-repeatedly")
    assert gap.params["count"] == 3 and gap.events[:2] == ("r0", "c0")
    assert gaps_of(closed_reports(366), "reports-closed-repeatedly") == ()


def test_reports_closed_repeatedly_quiet_when_one_was_investigated():
    assert gaps_of(closed_reports(300, investigate_first=True), "reports-closed-repeatedly") == ()


# --- no-sip ------------------------------------------------------------------------------
def both_supports(days: float) -> str:
    return supports("{id: h, agency: bup, level: treatment, label: BUP, from: 12, to: 15}",
                    f"{{id: s, agency: social, level: early, label: Soc, from: 12, to: {after(12, days)!r}}}")


def test_no_sip_fires_when_health_and_social_both_support():
    [gap] = gaps_of(both_supports(365), "no-sip")
    assert gap.params["variant"] == "never" and gap.agencies == ("bup", "social")


def test_no_sip_quiet_with_a_sip_involving_both_within_30_days():
    sip = lambda days, partners: events(f"{{id: sip, age: {after(12, days)!r}, kind: coordination, agency: social, with: {partners}}}")
    assert gaps_of(both_supports(365) + sip(30, "[bup]"), "no-sip") == ()
    [late] = gaps_of(both_supports(365) + sip(31, "[bup]"), "no-sip")
    assert late.params["variant"] == "late"
    assert len(gaps_of(both_supports(365) + sip(10, "[school]"), "no-sip")) == 1


def test_no_sip_short_overlap_is_quiet():
    assert gaps_of(both_supports(30), "no-sip") == ()
    assert len(gaps_of(both_supports(31), "no-sip")) == 1


# --- universal-only ----------------------------------------------------------------------
PROMOTIVE = supports("{id: f, agency: youth_centre, level: promotive, label: Fritidsgård, from: 5, to: 7}")


def test_universal_only_fires_with_only_promotive_support():
    [gap] = gaps_of(risks(3) + PROMOTIVE, "universal-only")
    assert gap.params["count"] == 3 and gap.agencies == ("youth_centre",)


def test_universal_only_counts_risk_factors_not_the_net_load():
    protective = "  - {id: p, type: protective, domain: care, label: Mormor, from: 0}\n"
    assert len(gaps_of(risks(3) + protective + PROMOTIVE, "universal-only")) == 1


def test_universal_only_quiet_with_targeted_support_fewer_risks_or_no_support():
    early = "  - {id: e, agency: school, level: early, label: Stöd, from: 5, to: 7}\n"
    assert gaps_of(risks(3) + PROMOTIVE + early, "universal-only") == ()
    assert gaps_of(risks(2) + PROMOTIVE, "universal-only") == ()
    assert gaps_of(risks(3), "universal-only") == ()


def test_universal_only_window_edge():
    assert gaps_of(risks(3, end=after(5, 180)) + PROMOTIVE, "universal-only") == ()
    assert len(gaps_of(risks(3, end=after(5, 181)) + PROMOTIVE, "universal-only")) == 1
