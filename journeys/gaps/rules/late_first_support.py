"""late-first-support: the first targeted support (above the promotive level) starts more than
``days`` after the first signal or report (or never comes). A support that starts before the
signal, or exactly ``days`` after it, is in time; a universal support (a preschool place) is not
a first support. A window still open where the record ends is not a gap.
"""

from __future__ import annotations

from typing import Iterator

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import days_between, overrun_severity, to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "late-first-support"
ORDER = 80  # its place in lists of rules


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    targeted = graph.targeted_supports()
    signal, support = graph.first_signal(), (targeted[0] if targeted else None)
    if signal is None:
        return
    window = float(params["days"])
    waited = days_between(signal.age, support.from_) if support else None
    if waited is not None and waited <= window:
        return
    if support is None and graph.open_at_end(signal.age, to_years(window)):
        return
    end = support.from_ if support else signal.age + to_years(window)
    agencies = [a for a in (signal.agency, support.agency if support else None) if a]
    yield Gap(rule=RULE, start=signal.age, end=end, agencies=tuple(dict.fromkeys(agencies)),
              events=(signal.id,) + ((support.id,) if support else ()),
              severity=overrun_severity(params.severity, waited, window),
              params={"variant": "late" if support else "never", "signal": signal, "support": support,
                      "days": window, "waited": waited})
