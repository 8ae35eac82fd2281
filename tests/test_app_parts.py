"""The app's small pure parts: where the walk stops, the edit tables."""

from __future__ import annotations


import pytest

pytest.importorskip("streamlit")

from app import steps  # noqa: E402
from app.tables import frame, table_rows  # noqa: E402
from persona.edit import PersonaEditor, edited_text  # noqa: E402
from persona.i18n import Catalog  # noqa: E402

from conftest import EXAMPLES  # noqa: E402

AGES = (0.0, 0.7, 0.7, 2.5, 6.0, 11.3)


def test_year_steps_are_whole_years_to_twenty():
    assert steps.stops("year", AGES) == [float(y) for y in range(21)]
    assert steps.next_stop(2.5, "year", AGES) == 3.0 and steps.previous_stop(2.5, "year", AGES) == 2.0
    assert steps.next_stop(20.0, "year", AGES) == 20.0 and steps.previous_stop(0.0, "year", AGES) == 0.0


def test_event_steps_are_the_distinct_event_ages():
    assert steps.stops("event", AGES) == [0.0, 0.7, 2.5, 6.0, 11.3, 20.0]
    assert steps.next_stop(0.7, "event", AGES) == 2.5 and steps.previous_stop(6.0, "event", AGES) == 2.5


def test_a_life_with_events_after_twenty_walks_on():
    assert steps.last_age((3.0, 22.4)) == 23.0
    assert steps.stops("year", (22.4,))[-1] == 23.0


def test_reached_and_new_in_a_step():
    assert steps.reached(2.5, 2.5) and not steps.reached(2.6, 2.5)
    assert steps.new_between(2.5, 2.0, 3.0) and not steps.new_between(1.5, 2.0, 3.0)


def test_each_gap_is_a_stop_of_its_own_after_the_age_it_starts_at():
    walk = steps.walk_stops("year", AGES, [(0.7, 1), (0.7, 2), (2.0, 3)])
    assert walk[:6] == [steps.Stop(0.0), steps.Stop(0.7, 1), steps.Stop(0.7, 2), steps.Stop(1.0), steps.Stop(2.0),
                        steps.Stop(2.0, 3)]
    assert steps.next_walk_stop(steps.Stop(0.7, 1), walk) == steps.Stop(0.7, 2)
    assert steps.next_walk_stop(steps.Stop(2.0), walk) == steps.Stop(2.0, 3)
    assert steps.previous_walk_stop(steps.Stop(1.0), walk) == steps.Stop(0.7, 2)
    assert steps.previous_walk_stop(steps.Stop(0.0), walk) == steps.Stop(0.0)
    assert steps.next_walk_stop(walk[-1], walk) == walk[-1]


def test_walking_gap_by_gap_stops_only_at_the_gaps_and_the_ends():
    walk = steps.walk_stops("gap", AGES, [(0.7, 1), (6.0, 2)])
    assert walk == [steps.Stop(0.0), steps.Stop(0.7, 1), steps.Stop(6.0, 2), steps.Stop(20.0)]


def test_a_slider_age_between_stops_moves_to_the_neighbours():
    walk = steps.walk_stops("year", AGES, [(0.7, 1)])
    assert steps.next_walk_stop(steps.Stop(0.5), walk) == steps.Stop(0.7, 1)
    assert steps.previous_walk_stop(steps.Stop(0.9), walk) == steps.Stop(0.7, 1)


@pytest.mark.parametrize("collection", ["events", "supports", "factors", "people"])
def test_tables_round_trip_without_changing_the_file(collection: str):
    text = (EXAMPLES / "kim.yaml").read_text(encoding="utf-8")
    catalog = Catalog.load("sv", packages=("persona", "journeys", "app"))
    rows, originals = table_rows(frame(PersonaEditor(text), collection, catalog), collection, catalog)
    assert originals == [item["id"] for item in PersonaEditor(text).items(collection)]
    assert edited_text(text, {collection: (rows, originals)}) == text


def test_a_new_table_row_has_no_original_id():
    import pandas as pd

    text = (EXAMPLES / "kim.yaml").read_text(encoding="utf-8")
    catalog = Catalog.load("sv", packages=("persona", "journeys", "app"))
    table = frame(PersonaEditor(text), "supports", catalog)
    new = pd.DataFrame([{"id": "s-ny", "agency": "school", "level": "early", "label": "Mentor", "from": "12 år"}])
    rows, originals = table_rows(pd.concat([table, new], ignore_index=True), "supports", catalog)
    assert originals[-1] is None and rows[-1]["to"] is None
    assert "{id: s-ny, agency: school, level: early, label: Mentor, from: 12}" in edited_text(
        text, {"supports": (rows, originals)})


@pytest.mark.parametrize("column, collection, cell, value", [
    ("age", "events", 6.0, 6), ("age", "events", "2,5", "2,5"), ("age", "events", " 2.5 ", 2.5),
    ("from", "supports", float("nan"), None), ("from", "events", "bvc", "bvc"),
    ("with", "events", "bvc, school", ["bvc", "school"]), ("sources", "events", "", None),
    ("child_heard", "events", "ja", True), ("protective", "people", False, False),
    ("born", "top", "2004", 2004), ("label", "events", "  Möte ", "Möte"),
])
def test_cells_become_yaml_values(column: str, collection: str, cell, value):
    from app.cell_values import cell_to_value

    assert cell_to_value(column, cell, collection) == value


def test_yaml_values_become_cells():
    from app.cell_values import row_cells

    cells = row_cells({"age": 6, "with": ["bvc", "school"], "child_heard": True, "label": None}, "events")
    assert cells == {"age": 6.0, "with": "bvc, school", "child_heard": True, "label": None}
