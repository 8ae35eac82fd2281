"""The cohort's pictures from fixed counts: golden DOT (``make golden``), and what each must show
whatever its exact drawing — hidden counts as "..", nothing below the threshold."""

from __future__ import annotations

from persona.vocabulary import load_vocabulary

from journeys.cohort.aggregate import Counts
from journeys.cohort.publish import publish
from journeys.cohort.report import report_pictures
from tests.render_helpers import catalog, check_golden

BANDS = (0.0, 3.0, 6.0, 10.0, 13.0, 16.0, 18.0)
RULES = ("unanswered-signal", "referral-wait", "broken-handover", "uncoordinated")
COUNTS = Counts(
    children=900,
    left_out={},
    observed_in_band={0: 900, 1: 800, 2: 700, 3: 600, 4: 500, 5: 400, 6: 300},
    rule_band_pair={("unanswered-signal", 1, "school"): 40, ("unanswered-signal", 2, "school"): 3,
                    ("unanswered-signal", 3, "school+social"): 25, ("referral-wait", 2, "health+school"): 30,
                    ("referral-wait", 4, "health"): 12, ("broken-handover", 2, "school"): 60,
                    ("broken-handover", 5, "school"): 2, ("uncoordinated", 3, "health+school"): 45},
    sector_band={("school", 1): 40, ("school", 2): 70, ("health", 2): 30, ("social", 3): 4, ("health", 4): 12},
    waits={("referral", "health", "le30"): 20, ("referral", "health", "le90"): 9, ("referral", "health", "none"): 3},
    handovers={("bvc", "preschool"): 800, ("preschool", "school"): 700, ("school", "social"): 25,
               ("student_health", "bup"): 30, ("bup", "primary"): 3},
    places={("wait", "bup"): 30, ("bounce", "primary"): 2},
)


def _pictures(lang: str = "sv"):
    vocabulary = load_vocabulary()
    published = publish(COUNTS, RULES, BANDS, min_count=5)
    return published, report_pictures(published, BANDS, catalog(lang), vocabulary)


def test_golden_cohort_pictures():
    _, pictures = _pictures()
    for name, drawing in pictures.items():
        check_golden(f"cohort.{name}.dot", drawing.dot)


def test_hidden_counts_are_drawn_as_dots_and_small_hand_overs_not_at_all():
    published, pictures = _pictures()
    assert published.tables["rule_band"].cell("unanswered-signal", "2") == ".."
    assert " -.." in pictures["heatmap"].dot and " -..\"" not in pictures["network"].dot
    network = pictures["network"].dot
    assert "BUP" in network and "Vårdcentral" not in network, "3 children from BUP to primary care: not shown"
    assert " -800" in network and " -3\"" not in network
    assert " -..\"" in pictures["where"].dot or " -.. " in pictures["where"].dot


def test_pictures_are_the_same_every_time_and_speak_english_when_asked():
    _, first = _pictures()
    _, again = _pictures()
    assert {n: d.dot for n, d in first.items()} == {n: d.dot for n, d in again.items()}
    _, english = _pictures("en")
    assert "Children per 1,000 by rule and age" in english["heatmap"].dot
    assert english["heatmap"].png()[:8] == b"\x89PNG\r\n\x1a\n"
