"""Where the child falls between the chairs: the rules over a JourneyGraph, and their words.

``find_gaps(graph)`` runs every rule the vocabulary switches on; ``gap_text(gap, text,
vocabulary)`` explains a gap and asks the workshop's question.
"""

from __future__ import annotations

from dataclasses import replace

from journeys.gaps.model import Gap, GapText
from journeys.gaps.settings import RuleParams, RuleSettings, rule_settings
from journeys.gaps.text import gap_text, gap_title, rule_title
from journeys.graph import JourneyGraph

__all__ = ["Gap", "GapText", "RuleParams", "RuleSettings", "RULE_IDS", "find_gaps", "gap_text", "gap_title",
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
    return tuple(sorted((_within_record(g, graph) for g in _one_story_each(gaps)), key=Gap.sort_key))


def _within_record(gap: Gap, graph: JourneyGraph) -> Gap:
    """A gap stops where the record ends (``ends``): nothing is known after it."""
    end = graph.record_end
    return replace(gap, end=end) if end is not None and gap.end > end else gap


def _told_by() -> list[tuple[str, str]]:
    """(rule, the rule that tells its story): each rule's ``TOLD_BY``. A gap of the first whose
    events all belong to one gap of the second tells the same story: a transition at 18 with no
    hand-over is part of the cliff at 18, not a second gap."""
    return [(rule, module.TOLD_BY) for rule, module in _rules().items() if getattr(module, "TOLD_BY", None)]


def _one_story_each(gaps: list[Gap]) -> list[Gap]:
    """The gaps without those another gap already tells (see :func:`_told_by`)."""
    told = set()
    for part, whole in _told_by():
        wholes = [set(g.events) for g in gaps if g.rule == whole]
        told |= {id(g) for g in gaps if g.rule == part and any(set(g.events) <= w for w in wholes)}
    return [g for g in gaps if id(g) not in told]


RULE_IDS: tuple[str, ...] = tuple(_rules())
