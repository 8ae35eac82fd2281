"""What each child adds to the counts: once per rule where it first struck, its longest wait,
its hand-overs; and the progress line of long runs."""

from __future__ import annotations

import io
from contextlib import redirect_stderr
from pathlib import Path

from persona.i18n import Catalog
from persona.vocabulary import load_vocabulary

from journeys.cli.cohort import _Progress
from journeys.cohort.run import count_cohort
from tests.cohort_helpers import mapping_of, write_extract

MAPPING = "mapping: 1\nfiles: {children: children.csv, events: events.csv}\ndates: day\n"


def _event(child: str, number: int, day: str, agency: str, kind: str, **more: str) -> dict:
    return {"child": child, "event": str(number), "date": day, "agency": agency, "kind": kind, **more}


def test_each_child_counts_once_per_rule_at_its_first_gap_and_once_per_wait(tmp_path: Path):
    kids = [{"child": c, "birth_month": "2010-01", "extract_date": "2025-12-31"} for c in ("a", "b")]
    events = [
        # a: two unanswered signals (ages 4 and 11): one child, counted in the 3–5 band
        _event("a", 1, "2014-01-15", "preschool", "signal"),
        _event("a", 2, "2021-01-15", "school", "signal"),
        # a: a referral to BUP answered after 45 days, another after 10: the longest wait counts
        _event("a", 3, "2022-01-15", "student_health", "referral", to="bup"),
        _event("a", 4, "2022-03-01", "bup", "contact", responds_to="3"),
        _event("a", 5, "2023-01-15", "student_health", "referral", to="bup"),
        _event("a", 6, "2023-01-25", "bup", "contact", responds_to="5"),
        # b: a referral to BUP with no answer, 2 years before the extract
        _event("b", 1, "2023-06-01", "school", "referral", to="bup"),
    ]
    mapping = write_extract(tmp_path, kids, events, mapping=MAPPING)
    counts, _ = count_cohort(tmp_path, mapping_of(mapping), load_vocabulary(), processes=1)
    assert counts.children == 2
    signals = {k: v for k, v in counts.rule_band_pair.items() if k[0] == "unanswered-signal"}
    assert signals == {("unanswered-signal", 1, "school"): 1}
    assert counts.waits[("referral", "health", "le90")] == 1      # a: 45 days, not 10
    assert counts.waits[("referral", "health", "none")] == 1      # b
    assert counts.handovers == {("student_health", "bup"): 1, ("school", "bup"): 1}
    assert counts.places == {("wait", "bup"): 2}
    assert counts.rule_totals()["referral-wait"] == 2


def test_a_progress_line_is_drawn_only_for_long_runs():
    text = Catalog.load("sv", packages=("persona", "journeys"))
    for total, expected in ((500, ""), (5000, "[###############...............] 2500 av 5000 barn")):
        progress, err = _Progress(text), io.StringIO()
        with redirect_stderr(err):
            progress.start(total)
            progress.step(total // 2)
            progress.done()
        assert err.getvalue().strip("\r\n") == expected


def test_a_child_listed_twice_counts_once_and_adults_past_25_are_followed_to_25(tmp_path: Path):
    kids = [{"child": "a", "birth_month": "2012-01", "extract_date": "2025-12-31"},
            {"child": "a", "birth_month": "2012-01", "extract_date": "2025-12-31"},
            {"child": "old", "birth_month": "1995-01", "extract_date": "2025-12-31"}]
    events = [_event("a", 1, "2016-01-15", "school", "signal"), _event("old", 1, "2000-01-15", "school", "signal")]
    mapping = write_extract(tmp_path, kids, events, mapping=MAPPING)
    counts, _ = count_cohort(tmp_path, mapping_of(mapping), load_vocabulary(), processes=1)
    assert counts.children == 2 and not counts.left_out
    assert counts.rule_totals()["unanswered-signal"] == 2
