"""Legends where marks are shown: the risk balance's key (risk and protective counts, the net
line, the threshold, the supports, and what lies after the record's end), and the marks the
overview adds — each told apart in black-and-white print."""

from __future__ import annotations

from itertools import combinations

from journeys import render
from journeys.render.balance_view import legend_entries
from journeys.render.overview_view import MARK_LOOKS
from journeys.render.theme import theme_named
from tests.render_helpers import catalog, example
from tests.test_render_grayscale import VISIBLE_GREY_STEP, grey

KEY = ("Aktiva riskfaktorer", "Aktiva skyddsfaktorer", "Risk minus skydd", "Tröskeln som reglerna", "Någon insats pågår")


def test_the_balance_picture_has_a_key_of_its_marks():
    kim = example("kim")
    dot = render.picture("balance", kim.graph, kim.gaps, catalog()).dot
    assert all(words in dot for words in KEY)
    assert "Efter journalens slut" not in dot  # a whole life has no end line to explain
    alva = example("alva")
    assert "Efter journalens slut" in render.picture("balance", alva.graph, alva.gaps, catalog()).dot


def test_without_a_key_the_balance_names_its_net_line_in_the_corner():
    kim = example("kim")
    plain = render.balance(kim.graph, catalog()).dot
    assert "Tjock linje: risk minus skydd" in plain and "Aktiva riskfaktorer" not in plain
    keyed = render.balance(kim.graph, catalog(), legend=True)
    assert keyed.height > render.balance(kim.graph, catalog()).height


def test_the_balance_key_is_in_english_too():
    kim = example("kim")
    assert "Active risk factors" in render.picture("balance", kim.graph, kim.gaps, catalog("en")).dot


def test_the_balance_marks_differ_without_colour():
    for theme in ("print", "projector"):
        entries = legend_entries(example("alva").graph, catalog(), theme_named(theme))
        for first, second in combinations(entries, 2):
            if (first.form, first.style, first.heavy) == (second.form, second.style, second.heavy):
                step = abs(grey(first.fill) - grey(second.fill))
                assert step >= VISIBLE_GREY_STEP, f"{first.label} and {second.label}: {step:.0f}"


def test_the_overviews_own_marks_differ_by_form():
    forms = [form for form, _ in MARK_LOOKS.values()]
    assert len(set(forms)) == len(forms)
    for (first, _), (second, _) in combinations(MARK_LOOKS.values(), 2):
        assert first != second

