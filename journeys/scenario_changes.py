"""What a scenario changes, element by element: the events, supports and factors it adds,
changes (the same id with different fields) and removes.

Computed from the persona and the persona with the scenario applied, by element id, never from
the list of changes: a ``set`` that gives a field the value it already had changes nothing,
and an element added and removed again by the same scenario is not there. The result is in a
fixed order (kind, then added / changed / removed, then the order of the file), so every
picture and caption made from it is the same each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from persona.i18n import Catalog
from persona.model import CHANGEABLE, Persona
from persona.vocabulary import Vocabulary

from journeys.ages import format_age, format_age_span
from journeys.labels import event_label, support_label

KINDS = tuple(CHANGEABLE)  # events, supports, factors
ADDED, CHANGED, REMOVED = "added", "changed", "removed"
ACTIONS = (ADDED, CHANGED, REMOVED)


@dataclass(frozen=True)
class ElementChange:
    """One element the scenario added, changed or removed. ``before`` is the persona's version
    (None when added), ``after`` the scenario's (None when removed); ``fields`` names the
    fields that differ (for a changed element), as they are written in the file."""

    kind: str
    action: str
    id: str
    before: Any = None
    after: Any = None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScenarioChanges:
    """Every element a scenario added, changed or removed, in a fixed order."""

    scenario: str
    elements: tuple[ElementChange, ...]

    def of(self, action: str, kind: str | None = None) -> tuple[ElementChange, ...]:
        return tuple(e for e in self.elements if e.action == action and (kind is None or e.kind == kind))

    def action_of(self, element_id: str) -> str | None:
        """``added``, ``changed`` or ``removed`` for an element the scenario touched, else None."""
        return next((e.action for e in self.elements if e.id == element_id), None)

    def count(self, action: str, kind: str | None = None) -> int:
        return len(self.of(action, kind))

    def removed_items(self, kind: str) -> tuple[Any, ...]:
        """The persona's versions of the elements of one kind the scenario removed."""
        return tuple(e.before for e in self.of(REMOVED, kind))

    @property
    def actions(self) -> tuple[str, ...]:
        """The actions that occur at least once, in the order added, changed, removed."""
        return tuple(action for action in ACTIONS if self.of(action))

    def __bool__(self) -> bool:
        return bool(self.elements)


def _dumped(item: Any) -> dict[str, Any]:
    return item.model_dump(mode="json", by_alias=True, exclude_none=True)


def _differing(before: Any, after: Any) -> tuple[str, ...]:
    old, new = _dumped(before), _dumped(after)
    return tuple(sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key)))


def _kind_changes(kind: str, before: tuple[Any, ...], after: tuple[Any, ...]) -> list[ElementChange]:
    old = {item.id: item for item in before}
    new_ids = {item.id for item in after}
    added = [ElementChange(kind, ADDED, item.id, None, item) for item in after if item.id not in old]
    changed = []
    for item in after:
        if item.id in old:
            fields = _differing(old[item.id], item)
            if fields:
                changed.append(ElementChange(kind, CHANGED, item.id, old[item.id], item, fields))
    removed = [ElementChange(kind, REMOVED, item.id, item, None) for item in before if item.id not in new_ids]
    return added + changed + removed


def scenario_changes(before: Persona, after: Persona, scenario: str = "") -> ScenarioChanges:
    """What turned ``before`` (the persona) into ``after`` (the persona with a scenario applied)."""
    elements: list[ElementChange] = []
    for kind in KINDS:
        elements += _kind_changes(kind, tuple(getattr(before, kind)), tuple(getattr(after, kind)))
    return ScenarioChanges(scenario, tuple(elements))


def _kind_phrase(changes: ScenarioChanges, kind: str, text: Catalog) -> str | None:
    """One kind's changes: "3 händelser tillagda, 1 ändrad och 1 borttagen" (the noun once)."""
    phrases: list[str] = []
    for action in ACTIONS:
        count = changes.count(action, kind)
        if count:
            key = f"scenario_layer.summary.{kind}" if not phrases else "scenario_layer.summary.short"
            phrases.append(text(f"{key}.{action}.{'one' if count == 1 else 'many'}", count=count))
    if not phrases:
        return None
    if len(phrases) == 1:
        return phrases[0]
    return text("scenario_layer.summary.last", first=", ".join(phrases[:-1]), last=phrases[-1])


def change_summary(changes: ScenarioChanges, text: Catalog) -> str:
    """The change set in one sentence for a caption: "3 händelser tillagda och 1 borttagen; 1
    insats tillagd" (the kinds in the order events, supports, factors)."""
    phrases = [p for p in (_kind_phrase(changes, kind, text) for kind in KINDS) if p]
    if not phrases:
        return text("scenario_layer.summary.nothing")
    joined = phrases[0]
    for phrase in phrases[1:]:
        joined = text("scenario_layer.summary.between_kinds", first=joined, then=phrase)
    return text("scenario_layer.summary.sentence", list=joined)


def _label(item: Any, kind: str, vocabulary: Vocabulary, text: Catalog) -> str:
    if kind == "events":
        return event_label(item, vocabulary, text)
    if kind == "supports":
        return support_label(item, vocabulary, text)
    return str(item.label)


def _when(item: Any, kind: str, text: Catalog) -> str:
    if kind == "events":
        return format_age(item.age, text)
    end = item.to if item.to is not None else None
    return format_age(item.from_, text) if end is None else format_age_span(item.from_, end, text)


def _field_word(kind: str, name: str, text: Catalog) -> str:
    """A field as a reader calls it ("överlämning" for ``handover``; an event's ``to`` is its receiver)."""
    for key in (f"scenario_layer.field.{kind}.{name}", f"scenario_layer.field.{name}"):
        if text.has(key):
            return text(key)
    return name


AGE_FIELDS = {"events": ("age",), "supports": ("from", "to"), "factors": ("from", "to")}


def _value(kind: str, name: str, value: Any, vocabulary: Vocabulary, text: Catalog) -> str | None:
    """A changed field's value as people say it, for the ages and the hand-over; None for the others."""
    if name in AGE_FIELDS[kind]:
        return format_age(float(value), text) if value is not None else text("scenario_layer.open_end")
    if name == "handover" and value is not None:
        return vocabulary.label("handovers", str(value), text.lang)
    return None


def _field_change(element: ElementChange, name: str, vocabulary: Vocabulary, text: Catalog) -> str:
    """A changed field: its name, and for an age or a hand-over what it was and what it becomes
    ("ålder 11 år 3 mån → 11 år 1 mån"; a hand-over's values name themselves: "Ingen överlämning
    → Fullständig överlämning")."""
    word = _field_word(element.kind, name, text)
    before, after = (_value(element.kind, name, getattr(v, "model_dump")(by_alias=True).get(name), vocabulary, text)
                     for v in (element.before, element.after))
    if before is None or after is None:
        return word
    key = "scenario_layer.value_change_named" if name == "handover" else "scenario_layer.value_change"
    return text(key, field=word, before=before, after=after)


def change_lines(changes: ScenarioChanges, vocabulary: Vocabulary, text: Catalog) -> tuple[str, ...]:
    """One line per element the scenario touched: what it is, when, and for a changed one the
    fields that differ ("… (händelse, 6 år) – Delvis överlämning → Fullständig överlämning, anteckning")."""
    lines = []
    for element in changes.elements:
        item = element.after if element.after is not None else element.before
        params = {"label": _label(item, element.kind, vocabulary, text), "when": _when(item, element.kind, text),
                  "what": text(f"scenario_layer.kind.{element.kind}"),
                  "fields": ", ".join(_field_change(element, name, vocabulary, text) for name in element.fields)}
        lines.append(text(f"scenario_layer.line.{element.action}", **params))
    return tuple(lines)
