"""Censoring: a child is observed only until the extract date or the end of its record.

The persona engine's own end of record (``ends: {age, reason}``, schema 1.1) says so: the child's
persona data ends there (:func:`observed_until`), and the rules themselves know that a waiting
window still open where the record ends is no gap, and cut every gap at the end. There is no
second mechanism here: the cohort and a persona file with the same ``ends`` give the same gaps.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

import yaml

SCHEMA_WITH_ENDS = 1.1
# Why the record ends: the extract was taken, or the case system's record stops (a move away, a
# death): the extract rarely says which, so "other".
END_REASON = "other"


@lru_cache(maxsize=1)
def cohort_settings() -> Mapping[str, Any]:
    """``journeys/data/cohort.yaml``: the buckets of the waits."""
    yaml_text = resources.files("journeys").joinpath("data").joinpath("cohort.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(yaml_text)


def observed_until(data: dict[str, Any], censor_age: float) -> dict[str, Any]:
    """A child's persona data as far as it was observed: events up to the censoring age, supports
    and factors that began by then (still running there: no ``to``), and the record's end."""
    cut = dict(data)
    cut["schema"] = SCHEMA_WITH_ENDS
    cut["ends"] = {"age": censor_age, "reason": END_REASON}
    cut["events"] = [e for e in data.get("events", []) if e["age"] <= censor_age]
    kept = {e["id"] for e in cut["events"]}
    for event in cut["events"]:
        if event.get("responds_to") not in (None, *kept):
            del event["responds_to"]
    for collection in ("supports", "factors"):
        cut[collection] = [_running_on(p, censor_age) for p in data.get(collection, []) if p["from"] <= censor_age]
    return cut


def _running_on(period: dict[str, Any], censor_age: float) -> dict[str, Any]:
    end = period.get("to")
    if end is not None and end > censor_age:
        return {k: v for k, v in period.items() if k != "to"}
    return period
