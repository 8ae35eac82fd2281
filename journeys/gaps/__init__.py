"""Where the child falls between the chairs: the rules over a JourneyGraph, and their words.

``find_gaps(graph)`` runs every rule the vocabulary switches on; ``gap_text(gap, text,
vocabulary)`` explains a gap and asks the workshop's question.
"""

from __future__ import annotations

from journeys.gaps.model import Gap, GapText
from journeys.gaps.settings import RuleParams, RuleSettings, rule_settings
from journeys.gaps.text import gap_text, rule_title
from journeys.graph import JourneyGraph

__all__ = ["Gap", "GapText", "RuleParams", "RuleSettings", "RULE_IDS", "find_gaps", "gap_text",
           "rule_settings", "rule_title"]


def _rules():
    from journeys.gaps.rules import RULES

    return RULES


def find_gaps(graph: JourneyGraph, settings: RuleSettings | None = None) -> tuple[Gap, ...]:
    """Every gap every switched-on rule finds, sorted by (start, rule, events)."""
    settings = settings or rule_settings(graph.vocabulary)
    gaps: list[Gap] = []
    for rule, module in _rules().items():
        if settings.enabled(rule):
            gaps.extend(module.find(graph, settings.params(rule)))
    return tuple(sorted(gaps, key=Gap.sort_key))


RULE_IDS: tuple[str, ...] = tuple(_rules())
