"""Censoring: a child is observed until the extract date (or the end of its record); a window
that had not closed by then is not a gap."""

from __future__ import annotations

from pathlib import Path

from persona.vocabulary import load_vocabulary

from journeys.cohort.censor import cut_at, decided_at, observed_gaps
from journeys.cohort.run import count_cohort
from journeys.gaps import Gap, rule_settings
from tests.cohort_helpers import mapping_of, write_extract

BORN = "2012-01"  # the middle of the month, 2012-01-15, is the birth day cohort mode assumes


def _signal(child: str, day: str, answer: str | None = None) -> list[dict]:
    rows = [{"child": child, "event": "1", "date": day, "agency": "school", "kind": "signal"}]
    if answer:
        rows.append({"child": child, "event": "2", "date": answer, "agency": "student_health", "kind": "contact",
                     "responds_to": "1"})
    return rows


def _unanswered(tmp_path: Path, extract_date: str, signal_day: str, record_end: str | None = None) -> int:
    kid = {"child": "a", "birth_month": BORN, "extract_date": extract_date, "record_end": record_end}
    mapping = "mapping: 1\nfiles: {children: children.csv, events: events.csv}\ndates: day\n"
    path = write_extract(tmp_path, [kid], _signal("a", signal_day), mapping=mapping)
    if record_end is not None:
        from tests.cohort_helpers import write_table

        write_table(tmp_path, "children", [kid], ("child", "birth_month", "extract_date", "record_end"))
    counts, _ = count_cohort(tmp_path, mapping_of(path), load_vocabulary(), processes=1)
    return counts.rule_totals().get("unanswered-signal", 0)


def test_a_signal_whose_window_is_still_open_at_the_extract_date_is_not_a_gap(tmp_path: Path):
    assert _unanswered(tmp_path / "open", "2025-12-31", "2025-11-15") == 0      # 46 days: may still be answered
    assert _unanswered(tmp_path / "closed", "2025-12-31", "2025-08-01") == 1    # 152 days: the 90 have passed
    assert _unanswered(tmp_path / "later", "2026-03-01", "2025-11-15") == 1     # the same signal, a later extract


def test_the_end_of_the_record_censors_before_the_extract_date(tmp_path: Path):
    # The child moved away 30 days after the signal: nobody can know whether it was answered.
    assert _unanswered(tmp_path / "moved", "2025-12-31", "2025-08-01", record_end="2025-08-31") == 0
    assert _unanswered(tmp_path / "stayed", "2025-12-31", "2025-08-01", record_end="") == 1


def test_an_answer_after_the_extract_date_is_never_seen(tmp_path: Path):
    kid = {"child": "a", "birth_month": BORN, "extract_date": "2025-12-31"}
    mapping = "mapping: 1\nfiles: {children: children.csv, events: events.csv}\ndates: day\n"
    path = write_extract(tmp_path, [kid], _signal("a", "2025-06-01", answer="2026-01-20"), mapping=mapping)
    counts, _ = count_cohort(tmp_path, mapping_of(path), load_vocabulary(), processes=1)
    assert counts.rule_totals() == {"unanswered-signal": 1}


def test_cutting_a_record_ends_running_supports_and_drops_what_came_later():
    data = {"events": [{"id": "e1", "age": 5.0}, {"id": "e2", "age": 9.0, "responds_to": "e1"},
                       {"id": "e3", "age": 12.0, "responds_to": "e2"}],
            "supports": [{"id": "s1", "from": 4.0, "to": None}, {"id": "s2", "from": 11.0, "to": 12.0},
                         {"id": "s3", "from": 6.0, "to": 7.0}],
            "factors": [{"id": "f1", "from": 2.0, "to": 15.0}]}
    cut = cut_at(data, 10.0)
    assert [e["id"] for e in cut["events"]] == ["e1", "e2"]
    assert [(s["id"], s["to"]) for s in cut["supports"]] == [("s1", 10.0), ("s3", 7.0)]
    assert cut["factors"] == [{"id": "f1", "from": 2.0, "to": 10.0}]


def test_each_rule_is_decided_at_its_window_its_start_or_its_end():
    settings = rule_settings(load_vocabulary())
    assert decided_at(Gap("unanswered-signal", 10.0, 10.5), settings) == 10.0 + 90 / 365.25
    assert decided_at(Gap("referral-wait", 10.0, 10.5, params={"to": "bup"}), settings) == 10.0 + 30 / 365.25
    assert decided_at(Gap("closed-while-risk", 10.0, 11.0), settings) == 10.0
    assert decided_at(Gap("voice-not-heard", 8.0, 11.0), settings) == 11.0
    assert decided_at(Gap("a-rule-added-later", 8.0, 11.0), settings) == 11.0  # unknown: the cautious end
    gaps = [Gap("unanswered-signal", 9.8, 10.1), Gap("unanswered-signal", 9.5, 9.8)]
    assert observed_gaps(gaps, 9.9, settings) == (gaps[1],)
