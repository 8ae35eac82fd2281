"""Censoring: a child is observed until the extract date (or the end of its record); a window
that had not closed by then is not a gap — the persona engine's own end of record (``ends``)."""

from __future__ import annotations

from pathlib import Path

from persona.vocabulary import load_vocabulary

from journeys.cohort.censor import observed_until
from journeys.cohort.run import count_cohort
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


def test_the_record_ends_at_the_censoring_age_with_what_runs_on_left_open():
    data = {"schema": 1, "events": [{"id": "e1", "age": 5.0}, {"id": "e2", "age": 9.0, "responds_to": "e1"},
                                    {"id": "e3", "age": 12.0, "responds_to": "e2"}],
            "supports": [{"id": "s1", "from": 4.0}, {"id": "s2", "from": 11.0, "to": 12.0},
                         {"id": "s3", "from": 6.0, "to": 7.0}],
            "factors": [{"id": "f1", "from": 2.0, "to": 15.0}]}
    seen = observed_until(data, 10.0)
    assert seen["schema"] == 1.1 and seen["ends"] == {"age": 10.0, "reason": "other"}
    assert [e["id"] for e in seen["events"]] == ["e1", "e2"]
    assert seen["supports"] == [{"id": "s1", "from": 4.0}, {"id": "s3", "from": 6.0, "to": 7.0}]
    assert seen["factors"] == [{"id": "f1", "from": 2.0}]
