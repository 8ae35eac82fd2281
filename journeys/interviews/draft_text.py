"""The draft persona as readable, commented YAML that validates as a persona (schema 1).

Each element says in a comment how many families and interviews stand behind it; the other
interviews' paraphrases follow as comments for the official to merge into one text. Family keys
and quotes never appear: the persona carries interview ids and paraphrases only.
"""

from __future__ import annotations

from typing import Any

from persona.i18n import Catalog
from persona.vocabulary import Vocabulary

from journeys.interviews.compose import Composition, DraftElement, most_common
from journeys.interviews.grouping import Group
from journeys.interviews.yaml_text import scalar

INDENT = "    "
EVENT_TARGETS = (("from", "from_"), ("to", "to"), ("handover", "handover"))


def _flow(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(values) + "]"


def _comment(comment: str, indent: str = "") -> str:
    return "\n".join(f"{indent}# {line}".rstrip() for line in comment.splitlines())


def _plain_label(group: Group, vocabulary: Vocabulary, text: Catalog) -> str:
    """A label that tells no family's words: the kind, the agency or domain, the code."""
    key = group.key
    kind = vocabulary.label("event_kinds", key.kind, text.lang) if key.category == "event" \
        else text(f"interviews.compose.kind.{key.kind}")
    where = vocabulary.agency_label(key.agency, text.lang) if key.agency \
        else vocabulary.label("factor_domains", key.domain, text.lang) if key.domain else ""
    return ", ".join(part for part in (kind, where, key.code or "") if part)


def _lines_for(element: DraftElement, vocabulary: Vocabulary, text: Catalog) -> list[str]:
    group, key = element.group, element.group.key
    first = group.cited[0].evidence
    fields: list[tuple[str, Any]] = [("id", element.id)]
    if key.category == "event":
        fields += [("age", element.age), ("kind", key.kind)]
        if key.agency:
            fields.append(("agency", key.agency))
        fields += [(name, most_common(group, field)) for name, field in EVENT_TARGETS
                   if most_common(group, field)]
    elif key.category == "factor":
        fields += [("type", key.kind), ("domain", key.domain), ("from", element.age), ("to", element.end)]
    else:
        fields += [("agency", key.agency), ("level", element.level or ""), ("from", element.age), ("to", element.end)]
    label = first.paraphrase if element.backed else _plain_label(group, vocabulary, text)
    fields.append(("label", label))
    if element.backed:
        fields.append(("sources", _flow(element.sources)))
    return [f"{'  - ' if i == 0 else INDENT}{name}: {value if name == 'sources' else scalar(value)}"
            for i, (name, value) in enumerate(fields)]


def _about(element: DraftElement, text: Catalog) -> list[str]:
    group = element.group
    if not element.backed:
        return [_comment(text("interviews.compose.assumption", families=len(group.families)), "  ")]
    lines = [_comment(text("interviews.compose.backed", families=len(group.families),
                           interviews=len(group.interviews)), "  ")]
    if element.group.sensitive:
        lines.append(_comment(text("interviews.compose.sensitive"), "  "))
    for cited in group.cited[1:]:
        lines.append(_comment(text("interviews.compose.also", interview=cited.interview,
                                   paraphrase=cited.evidence.paraphrase), "  "))
    return lines


def _section(name: str, elements: list[DraftElement], vocabulary: Vocabulary, text: Catalog) -> list[str]:
    if not elements:
        return []
    lines = ["", f"{name}:"]
    for element in elements:
        lines += _about(element, text) + _lines_for(element, vocabulary, text)
    return lines


def _left_out(composition: Composition, text: Catalog) -> list[str]:
    if not composition.left_out:
        return []
    lines = ["", _comment(text("interviews.compose.left_out_title"))]
    for group in composition.left_out:
        key = group.key
        lines.append(_comment(text("interviews.compose.left_out", kind=key.kind, what=key.code or key.agency or
                                   key.domain or "", start=f"{key.band[0]:g}", end=f"{key.band[1]:g}",
                                   families=len(group.families))))
    return lines


def draft_text(composition: Composition, persona_id: str, name: str, vocabulary: Vocabulary, text: Catalog) -> str:
    """The composed persona file."""
    families = len({r.family for r in composition.records})
    head = _comment(text("interviews.compose.header", interviews=len(composition.records), families=families))
    lines = [head, "schema: 1", f"id: {persona_id}", f"name: {scalar(name)}",
             f"summary: {scalar(text('interviews.compose.summary', interviews=len(composition.records)))}",
             f"sources: {_flow(composition.sources)}"]
    by_category = {c: [e for e in composition.elements if e.group.key.category == c]
                   for c in ("factor", "support", "event")}
    lines += _section("factors", by_category["factor"], vocabulary, text)
    lines += _section("supports", by_category["support"], vocabulary, text)
    lines += _section("events", sorted(by_category["event"], key=lambda e: (e.age, e.id)), vocabulary, text)
    lines += _left_out(composition, text)
    return "\n".join(lines) + "\n"
