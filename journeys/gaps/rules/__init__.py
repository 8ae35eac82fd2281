"""The rules of "mellan stolarna", one small module each, in the order they are listed.

Each module has ``RULE`` (its id) and ``find(graph, params) -> Iterable[Gap]``; its settings
are the vocabulary's ``rules: <RULE>:`` section.
"""

from __future__ import annotations

from types import ModuleType

from journeys.gaps.rules import (
    age_cliff,
    broken_handover,
    closed_while_risk,
    late_first_support,
    level_jump,
    missed_no_follow_up,
    no_sip,
    placement_no_follow_up,
    referral_bounce,
    referral_wait,
    report_no_decision,
    reports_closed_repeatedly,
    risk_without_support,
    signal_not_shared,
    unanswered_signal,
    uncoordinated,
    universal_only,
    voice_not_heard,
)

RULE_MODULES: tuple[ModuleType, ...] = (
    unanswered_signal,
    referral_wait,
    referral_bounce,
    broken_handover,
    uncoordinated,
    risk_without_support,
    closed_while_risk,
    late_first_support,
    level_jump,
    age_cliff,
    voice_not_heard,
    report_no_decision,
    reports_closed_repeatedly,
    no_sip,
    universal_only,
    signal_not_shared,
    missed_no_follow_up,
    placement_no_follow_up,
)

RULES: dict[str, ModuleType] = {module.RULE: module for module in RULE_MODULES}
