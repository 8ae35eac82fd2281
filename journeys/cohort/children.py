"""One child of an extract as persona data in memory (no YAML), and as a checked ``Persona``.

Ids are made from the child's own order of rows (``e1``, ``e2``, … by age), never from the case
system's numbers; a ``responds_to`` that names no event of the same child is left out. Labels
the schema asks for are the kind's own word: they are never shown, since nothing per child
leaves the tool.
"""

from __future__ import annotations

from typing import Any, Sequence

from pydantic import ValidationError

from persona.model import KINDS_WITH_DERIVED_LABEL, Persona
from persona.safe_yaml import SourceMap
from persona.validate import check_persona_data
from persona.vocabulary import Vocabulary

from journeys.cohort.extract import ChildRows

CHILD_ID = "child"
_EMPTY_SOURCE = SourceMap()


class ChildInvalid(ValueError):
    """A child's rows do not make a valid persona; ``key`` is the first problem's message key."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def persona_data(rows: ChildRows) -> dict[str, Any]:
    """The child's rows as the plain data of a persona file."""
    ids: dict[str, str] = {}
    for index, row in enumerate(rows.events, start=1):
        if row[8] is not None:
            ids.setdefault(row[8], f"e{index}")
    events = [_event(row, f"e{index}", ids) for index, row in enumerate(rows.events, start=1)]
    supports = [_period(row, f"s{index}", {"agency": row[2], "level": row[3]})
                for index, row in enumerate(rows.supports, start=1)]
    factors = [_period(row, f"f{index}", {"type": row[2], "domain": row[3], "label": row[2]})
               for index, row in enumerate(rows.factors, start=1)]
    return {"schema": 1, "id": CHILD_ID, "name": CHILD_ID, "events": events, "supports": supports,
            "factors": factors}


def _event(row: Sequence[Any], event_id: str, ids: dict[str, str]) -> dict[str, Any]:
    age, kind, agency, to, from_, with_, handover, heard, responds_to = (
        row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[9])
    event: dict[str, Any] = {"id": event_id, "age": round(float(age), 6), "kind": kind}
    if kind == "transition":
        event.update({"from": from_ or agency, "to": to, "handover": handover})
        event = {k: v for k, v in event.items() if v is not None}
    else:
        event["agency"] = agency
        if to is not None and kind in ("referral", "report"):
            event["to"] = to
    if kind == "coordination" and with_:
        event["with"] = [a for a in with_.split(";") if a]
    if kind not in KINDS_WITH_DERIVED_LABEL:
        event["label"] = kind
    if heard is not None:
        event["child_heard"] = heard == "true"
    target = ids.get(responds_to) if responds_to is not None else None
    if target is not None and target != event_id:
        event["responds_to"] = target
    return event


def _period(row: Sequence[Any], item_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    start, end = round(float(row[0]), 6), row[1]
    period: dict[str, Any] = {"id": item_id, "from": start, **fields}
    if end is not None:
        period["to"] = max(start, round(float(end), 6))
    return period


def checked_persona(data: dict[str, Any], vocabulary: Vocabulary) -> Persona:
    """The persona of the data, checked as a persona file is (shape, then meaning)."""
    try:
        persona = Persona.model_validate(data)
    except ValidationError as exc:
        raise ChildInvalid(f"field.{exc.errors()[0]['type']}") from None
    problems = [p for p in check_persona_data(data, vocabulary, _EMPTY_SOURCE) if p.is_error]
    if problems:
        raise ChildInvalid(problems[0].key)
    return persona
