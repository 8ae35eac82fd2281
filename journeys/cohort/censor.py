"""Censoring: a child is observed only until the extract date or the end of its record.

Two steps, behind :func:`observed_gaps`: the child's record is cut at the censoring age
(:func:`cut_at`: nothing after it, supports and factors still running end there), and a gap is
counted only when the moment it is decided (``journeys/data/cohort.yaml``: the rule's window
after its start, its start, or its end) lies within what was observed. A window that had not
closed by the extract date is not a gap: the answer may still come.

The persona engine's own end-of-record field (``ends:``, schema 1.1) is meant to take the place
of the cutting; the rules would then stop at the end themselves.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

import yaml

from journeys.ages import to_years
from journeys.gaps import Gap, RuleSettings

EPSILON = 1e-9


@lru_cache(maxsize=1)
def cohort_settings() -> Mapping[str, Any]:
    """``journeys/data/cohort.yaml``: when each rule's gap is decided, the wait buckets."""
    text = resources.files("journeys").joinpath("data", "cohort.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def cut_at(data: dict[str, Any], censor_age: float) -> dict[str, Any]:
    """A child's persona data as far as it was observed: events up to the censoring age;
    supports and factors that began by then, ending there at the latest."""
    cut = dict(data)
    cut["events"] = [e for e in data.get("events", []) if e["age"] <= censor_age + EPSILON]
    kept = {e["id"] for e in cut["events"]}
    for event in cut["events"]:
        if event.get("responds_to") not in (None, *kept):
            del event["responds_to"]
    for collection in ("supports", "factors"):
        cut[collection] = [_period_cut(p, censor_age) for p in data.get(collection, [])
                           if p["from"] <= censor_age + EPSILON]
    return cut


def _period_cut(period: dict[str, Any], censor_age: float) -> dict[str, Any]:
    end = period.get("to")
    if end is None or end > censor_age:
        return {**period, "to": censor_age}
    return period


def decided_at(gap: Gap, settings: RuleSettings) -> float:
    """The age at which a gap became certain (see ``journeys/data/cohort.yaml``)."""
    how = cohort_settings()["decided"].get(gap.rule, "end")
    if how == "start":
        return gap.start
    if how == "end":
        return gap.end
    params = settings.params(gap.rule)
    if how == "limits":
        receiver = gap.params.get("to")
        days = params.limit(str(receiver) if receiver else None)
    else:
        days = float(params[how])
    return gap.start + to_years(days)


def observed_gaps(gaps: Iterable[Gap], censor_age: float, settings: RuleSettings) -> tuple[Gap, ...]:
    """The gaps decided by the censoring age."""
    return tuple(g for g in gaps if decided_at(g, settings) <= censor_age + EPSILON)
