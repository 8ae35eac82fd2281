"""Scenarios: "what if" changes applied to a copy of a persona, and what they change in gaps.

``apply_scenario`` never touches the file; it returns a new :class:`Persona` with the changes
made in order. A persona loaded with :func:`persona.load.read_persona` has had its scenarios
checked already (with file:line messages); a change that is still wrong here (a persona built
in code) raises :class:`ScenarioError` naming the scenario and the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from pydantic import BaseModel, ValidationError

from persona.errors import PersonaError, Problem
from persona.model import ADDED_TO, CHANGEABLE, Change, Persona
from persona.pydantic_problems import hint
from persona.safe_yaml import SourceMap
from persona.validate import check_persona_data
from persona.vocabulary import Vocabulary

from journeys.gaps.model import Gap

EDITABLE = tuple(CHANGEABLE)


class ScenarioError(PersonaError):
    """A scenario that does not exist, or a change that cannot be made."""

    exit_code = 2


@dataclass(frozen=True)
class GapComparison:
    """What a scenario does to the gaps: closed (gone), remaining (as in the scenario), new."""

    closed: tuple[Gap, ...]
    remaining: tuple[Gap, ...]
    new: tuple[Gap, ...]


def apply_scenario(persona: Persona, scenario_id: str, vocabulary: Vocabulary | None = None) -> Persona:
    """The persona with the scenario's changes made, in order (the persona itself is unchanged).

    With ``vocabulary``, the result is also checked for meaning (agencies, references).
    """
    scenario = persona.scenario(scenario_id)
    if scenario is None:
        raise ScenarioError(persona.id, [Problem("scenario_apply.unknown", {
            "scenario": scenario_id, "hint": hint(scenario_id, [s.id for s in persona.scenarios])})])
    items = {name: list(getattr(persona, name)) for name in EDITABLE}
    for number, change in enumerate(scenario.changes, start=1):
        _apply(change, items, scenario_id, number)
    result = persona.model_copy(update={name: tuple(found) for name, found in items.items()})
    if vocabulary is not None:
        _check_meaning(result, vocabulary, scenario_id)
    return result


def _fail(scenario: str, number: int, key: str, **params: Any) -> ScenarioError:
    return ScenarioError(f"scenario {scenario}", [Problem(key, {"scenario": scenario, "number": number, **params})])


def _apply(change: Change, items: dict[str, list[BaseModel]], scenario: str, number: int) -> None:
    action = change.action()
    if action is None:
        raise _fail(scenario, number, "scenario_apply.one_action")
    name, value = action
    if name in ADDED_TO:
        _add(items, ADDED_TO[name], value, scenario, number)
    elif name == "set":
        _set(items, value, scenario, number)
    else:
        _remove(items, value, scenario, number)


def _validated(model: type[BaseModel], value: Mapping[str, Any], scenario: str, number: int) -> BaseModel:
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "-"
        raise _fail(scenario, number, "scenario_apply.invalid", field=field, detail=first["msg"]) from None


def _find(items: dict[str, list[BaseModel]], item_id: str) -> tuple[str, int] | None:
    for name in EDITABLE:
        for position, item in enumerate(items[name]):
            if getattr(item, "id") == item_id:
                return name, position
    return None


def _add(items: dict[str, list[BaseModel]], collection: str, value: Mapping[str, Any], scenario: str, number: int) -> None:
    item = _validated(CHANGEABLE[collection], value, scenario, number)
    if _find(items, getattr(item, "id")) is not None:
        raise _fail(scenario, number, "scenario_apply.duplicate_id", id=getattr(item, "id"))
    items[collection].append(item)


def _set(items: dict[str, list[BaseModel]], value: Mapping[str, Any], scenario: str, number: int) -> None:
    target = _find(items, str(value.get("id")))
    if target is None:
        raise _fail(scenario, number, "scenario_apply.unknown_target", id=value.get("id"))
    collection, position = target
    current = items[collection][position].model_dump(by_alias=True, exclude_none=True)
    items[collection][position] = _validated(CHANGEABLE[collection], {**current, **value}, scenario, number)


def _remove(items: dict[str, list[BaseModel]], item_id: str, scenario: str, number: int) -> None:
    target = _find(items, item_id)
    if target is None:
        raise _fail(scenario, number, "scenario_apply.unknown_target", id=item_id)
    collection, position = target
    del items[collection][position]


def _check_meaning(persona: Persona, vocabulary: Vocabulary, scenario: str) -> None:
    data = persona.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["scenarios"] = []
    problems = check_persona_data(data, vocabulary, SourceMap())
    if problems:
        raise ScenarioError(f"scenario {scenario}", problems)


def compare_gaps(before: Sequence[Gap], after: Sequence[Gap]) -> GapComparison:
    """Match the gaps before and after a scenario: the same key, else the same rule with an
    overlapping span. Unmatched before → closed; matched → remaining (as after); unmatched
    after → new."""
    unmatched = list(after)
    closed: list[Gap] = []
    remaining: list[Gap] = []
    for gap in before:
        partner = _partner(gap, unmatched)
        if partner is None:
            closed.append(gap)
        else:
            unmatched.remove(partner)
            remaining.append(partner)
    return GapComparison(tuple(closed), tuple(sorted(remaining, key=Gap.sort_key)), tuple(unmatched))


def _partner(gap: Gap, candidates: list[Gap]) -> Gap | None:
    same_key = next((g for g in candidates if g.key == gap.key), None)
    if same_key is not None:
        return same_key
    return next((g for g in candidates if g.rule == gap.rule and g.overlaps(gap)), None)
