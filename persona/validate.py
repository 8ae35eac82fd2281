"""Checks that need the whole file or the vocabulary: ids, references, kinds, periods, scenarios.

They run on the plain data (not the models) so that every problem of a file is found in one
pass, even where pydantic has already refused part of it. Items of the wrong shape are skipped
here: the model check reports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from pydantic import BaseModel, ValidationError

from persona.errors import Problem
from persona.model import (
    ADDED_TO, CHANGE_ACTIONS, CHANGEABLE, COLLECTIONS, KIND_FIELDS, KINDS_WITH_DERIVED_LABEL, KINDS_WITHOUT_AGENCY,
)
from persona.pydantic_problems import hint, problems_from
from persona.safe_yaml import SourceMap
from persona.suggest import field_labels, term_labels
from persona.vocabulary import Vocabulary

Path_ = tuple[Any, ...]
_FIELD_ALIASES = {"from_": "from", "with_": "with"}


def _items(data: Mapping[str, Any], collection: str) -> Iterator[tuple[Path_, dict[str, Any]]]:
    items = data.get(collection)
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if isinstance(item, dict):
            yield (collection, index), item


def _age(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


@dataclass
class Checker:
    """Walks a persona's plain data and collects problems about meaning, not shape."""

    vocabulary: Vocabulary
    source: SourceMap
    problems: list[Problem] = field(default_factory=list)
    agencies: set[str] = field(default_factory=set)
    ids: dict[str, Path_] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # id → "events" | "supports" | ...
    event_ages: dict[str, float | None] = field(default_factory=dict)
    end: float | None = None  # the age where the record ends (``ends: {age}``), if it ends early

    def add(self, key: str, path: Path_, at_key: bool = False, **params: Any) -> None:
        position = self.source.key(path) if at_key else self.source.value(path)
        self.problems.append(Problem(key, params, position))

    # --- ids -------------------------------------------------------------------------------
    def register(self, item_id: Any, path: Path_, collection: str) -> None:
        if not isinstance(item_id, str):
            return
        if self.duplicate(item_id, path, self.ids):
            return
        self.ids[item_id] = path + ("id",)
        self.kinds[item_id] = collection

    def duplicate(self, item_id: str, path: Path_, ids: dict[str, Path_]) -> bool:
        """Whether ``item_id`` is taken in ``ids``; if so, say where it was first used."""
        if item_id not in ids:
            return False
        first = self.source.value(ids[item_id])
        self.add("ref.duplicate_id", path + ("id",), id=item_id, line=first.line if first else "?")
        return True

    # --- references ------------------------------------------------------------------------
    def agency(self, value: Any, path: Path_) -> None:
        if isinstance(value, str) and value not in self.agencies:
            self.add("ref.unknown_agency", path, value=value,
                     hint=hint(value, self.agencies, term_labels(self.vocabulary.agencies)))

    def period(self, item: dict[str, Any], path: Path_) -> None:
        start, end = _age(item.get("from")), _age(item.get("to"))
        if start is not None and end is not None and end < start:
            self.add("ref.to_before_from", path + ("to",), start=f"{start:g}", end=f"{end:g}")
        self.within_record(start, path + ("from",))
        if end is not None and self.end is not None and end > self.end:
            self.add("ends.to_after_end", path + ("to",), value=f"{end:g}", end=f"{self.end:g}")

    def within_record(self, age: float | None, path: Path_) -> None:
        """Nothing happens after the record ends: an age past ``ends.age`` is a problem."""
        if age is not None and self.end is not None and age > self.end:
            self.add("ends.after_end", path, value=f"{age:g}", end=f"{self.end:g}")

    def responds_to(self, event: dict[str, Any], path: Path_) -> None:
        target = event.get("responds_to")
        if not isinstance(target, str):
            return
        if self.kinds.get(target) != "events":
            self.add("ref.unknown_event", path + ("responds_to",), value=target,
                     hint=hint(target, [i for i, k in self.kinds.items() if k == "events"]))
            return
        own, theirs = _age(event.get("age")), self.event_ages.get(target)
        if own is not None and theirs is not None and theirs > own:
            self.add("ref.responds_to_later", path + ("responds_to",), value=target, age=f"{theirs:g}")

    # --- items -----------------------------------------------------------------------------
    def person(self, person: dict[str, Any], path: Path_) -> None:
        role = person.get("role")
        if isinstance(role, str) and role not in self.vocabulary.roles:
            self.add("ref.unknown_role", path + ("role",), value=role,
                     hint=hint(role, self.vocabulary.roles, term_labels(self.vocabulary.roles)))

    def persona_agency(self, agency: dict[str, Any], path: Path_) -> None:
        sector = agency.get("sector")
        if isinstance(sector, str) and sector not in self.vocabulary.sectors:
            self.add("ref.unknown_sector", path + ("sector",), value=sector,
                     hint=hint(sector, self.vocabulary.sectors, term_labels(self.vocabulary.sectors)))

    def support(self, support: dict[str, Any], path: Path_) -> None:
        self.agency(support.get("agency"), path + ("agency",))
        self.period(support, path)
        self.support_for(support, path)

    def support_for(self, support: dict[str, Any], path: Path_) -> None:
        """``for:`` names someone under ``people:`` (the sibling the support is really for)."""
        person = support.get("for")
        if not isinstance(person, str) or self.kinds.get(person) == "people":
            return
        people = [i for i, k in self.kinds.items() if k == "people"]
        self.add("ref.unknown_person", path + ("for",), value=person,
                 hint=hint(person, people) if people else Problem("hint.add_person", {}))

    def factor(self, factor: dict[str, Any], path: Path_) -> None:
        self.period(factor, path)

    def event(self, event: dict[str, Any], path: Path_) -> None:
        kind = event.get("kind")
        if not isinstance(kind, str):
            return
        for field_name, kinds in KIND_FIELDS.items():
            key = _FIELD_ALIASES.get(field_name, field_name)
            if key in event and kind not in kinds and kind in self.vocabulary.event_kinds:
                self.add("kind.field_not_allowed", path + (key,), at_key=True, field=key, kind=kind,
                         kinds=", ".join(kinds))
        self.within_record(_age(event.get("age")), path + ("age",))
        self._event_agency(event, path, kind)
        self._event_targets(event, path, kind)
        if kind not in KINDS_WITH_DERIVED_LABEL and "label" not in event:
            self.add("kind.label_required", path, kind=kind)
        self.responds_to(event, path)

    def _event_agency(self, event: dict[str, Any], path: Path_, kind: str) -> None:
        if "agency" in event:
            if kind == "transition":
                self.add("kind.field_not_allowed", path + ("agency",), at_key=True, field="agency",
                         kind=kind, kinds="from, to")
            else:
                self.agency(event["agency"], path + ("agency",))
        elif kind not in KINDS_WITHOUT_AGENCY and not (kind == "report" and "reporter" in event):
            self.add("kind.agency_required", path, kind=kind)

    def _event_targets(self, event: dict[str, Any], path: Path_, kind: str) -> None:
        required = {"referral": ("to",), "transition": ("from", "to", "handover"), "information": ("to",)}.get(kind, ())
        for key in required:
            if key not in event:
                self.add("kind.field_required", path, field=key, kind=kind)
        for key in ("to", "from"):
            if key in event and kind in ("referral", "report", "transition", "information"):
                self.agency(event[key], path + (key,))
        partners = event.get("with")
        if isinstance(partners, list):
            for index, partner in enumerate(partners):
                self.agency(partner, path + ("with", index))


def _record_end(data: Mapping[str, Any]) -> float | None:
    ends = data.get("ends")
    return _age(ends.get("age")) if isinstance(ends, dict) else None


def check_persona_data(data: Mapping[str, Any], vocabulary: Vocabulary, source: SourceMap) -> list[Problem]:
    """Every problem of meaning in a persona's plain data (shape problems are pydantic's)."""
    checker = Checker(vocabulary=vocabulary, source=source, end=_record_end(data))
    own_agencies = [a.get("id") for _, a in _items(data, "agencies")]
    checker.agencies = set(vocabulary.agencies) | {a for a in own_agencies if isinstance(a, str)}
    for collection in COLLECTIONS:
        for path, item in _items(data, collection):
            if collection == "agencies":
                # A persona may relabel a vocabulary agency: only its own ids must be unique.
                if not isinstance(item.get("id"), str) or item["id"] not in vocabulary.agencies:
                    checker.register(item.get("id"), path, collection)
            else:
                checker.register(item.get("id"), path, collection)
            if collection == "events" and isinstance(item.get("id"), str):
                checker.event_ages.setdefault(item["id"], _age(item.get("age")))
    for path, person in _items(data, "people"):
        checker.person(person, path)
    for path, agency in _items(data, "agencies"):
        checker.persona_agency(agency, path)
    for path, factor in _items(data, "factors"):
        checker.factor(factor, path)
    for path, support in _items(data, "supports"):
        checker.support(support, path)
    for path, event in _items(data, "events"):
        checker.event(event, path)
    for path, scenario in _items(data, "scenarios"):
        ScenarioChecker(checker, data).check(scenario, path)
    return checker.problems


def _is_valid(model: type[BaseModel], value: Any) -> bool:
    try:
        model.model_validate(value)
    except ValidationError:
        return False
    return True


@dataclass
class ScenarioChecker:
    """Checks a scenario's changes in order, against the persona as the changes leave it."""

    base: Checker
    data: Mapping[str, Any]

    def check(self, scenario: dict[str, Any], path: Path_) -> None:
        changes = scenario.get("changes")
        if not isinstance(changes, list):
            return
        items = {item["id"]: (collection, item) for collection in CHANGEABLE
                 for _, item in _items(self.data, collection) if isinstance(item.get("id"), str)}
        ids = dict(self.base.ids)
        for index, change in enumerate(changes):
            if isinstance(change, dict):
                self._change(change, path + ("changes", index), items, ids)

    def _change(self, change: dict[str, Any], path: Path_, items: dict[str, Any], ids: dict[str, Path_]) -> None:
        actions = [k for k in CHANGE_ACTIONS if k in change]
        if len(actions) != 1:
            self.base.add("scenario.one_action", path, count=len(actions))
            return
        action = actions[0]
        value = change[action]
        if action in ADDED_TO:
            self._add(action, value, path + (action,), items, ids)
        elif action == "set":
            self._set(value, path + ("set",), items)
        elif isinstance(value, str):
            if value not in items:
                self.base.add("scenario.unknown_target", path + ("remove",), value=value, hint=hint(value, items))
            items.pop(value, None)

    def _add(self, action: str, value: Any, path: Path_, items: dict[str, Any], ids: dict[str, Path_]) -> None:
        collection = ADDED_TO[action]
        if not self._valid(CHANGEABLE[collection], value, path):
            return
        if self.base.duplicate(value["id"], path, ids):
            return
        ids[value["id"]] = path + ("id",)
        self.base.kinds.setdefault(value["id"], collection)
        self.base.event_ages.setdefault(value["id"], _age(value.get("age")))
        items[value["id"]] = (collection, value)
        self._meaning(collection, value, path)

    def _set(self, value: Any, path: Path_, items: dict[str, Any]) -> None:
        if not isinstance(value, dict) or not isinstance(value.get("id"), str):
            self.base.add("scenario.set_needs_id", path)
            return
        target = items.get(value["id"])
        if target is None:
            self.base.add("scenario.unknown_target", path + ("id",), value=value["id"], hint=hint(value["id"], items))
            return
        collection, item = target
        model = CHANGEABLE[collection]
        if not _is_valid(model, item):
            return  # the item itself is reported where it stands
        merged = {**item, **value}
        if self._valid(model, merged, path):
            items[value["id"]] = (collection, merged)
            self._meaning(collection, merged, path)

    def _valid(self, model: type[BaseModel], value: Any, path: Path_) -> bool:
        try:
            model.model_validate(value)
        except ValidationError as exc:
            labels = field_labels(self.base.vocabulary)
            self.base.problems.extend(problems_from(exc, self.base.source, model, path, labels))
            return False
        return True

    def _meaning(self, collection: str, item: dict[str, Any], path: Path_) -> None:
        check = {"events": self.base.event, "supports": self.base.support, "factors": self.base.factor}[collection]
        check(item, path)
