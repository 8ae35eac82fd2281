"""The edit page's tables show labels and ages as people read them, and keep the file exact."""

from __future__ import annotations

import pytest

pytest.importorskip("streamlit")

from app import cells  # noqa: E402
from app.tables import column_config, frame, table_rows  # noqa: E402
from persona.edit import PersonaEditor, edited_text  # noqa: E402
from persona.i18n import Catalog  # noqa: E402
from persona.vocabulary import load_vocabulary  # noqa: E402

from conftest import EXAMPLES  # noqa: E402


@pytest.fixture
def sv() -> Catalog:
    return Catalog.load("sv", packages=("persona", "journeys", "app"))


@pytest.fixture
def en() -> Catalog:
    return Catalog.load("en", packages=("persona", "journeys", "app"))


def shown(config: dict, column: str) -> dict[str, str]:
    return {o["value"]: o["label"] for o in config[column]["type_config"]["options"]}


def test_choice_columns_show_labels_and_keep_codes(sv: Catalog):
    agencies = sorted(load_vocabulary().agencies) + ["maria"]
    events = column_config("events", sv, agencies, {"maria": "Mini-Maria"})
    assert shown(events, "kind")["life"] == "Livshändelse" and shown(events, "kind")["contact"] == "Kontakt"
    assert shown(events, "agency")["preschool"] == "Förskola" and shown(events, "agency")["maria"] == "Mini-Maria"
    assert shown(events, "handover")["partial"] == "Delvis överlämning"
    assert shown(column_config("supports", sv, agencies), "level")["early"] == "Tidiga insatser"
    assert shown(column_config("people", sv, agencies), "role")["parent"] == "Förälder"


def test_english_labels(en: Catalog):
    assert shown(column_config("events", en, ["preschool"]), "kind")["life"] == "Life event"


def test_ages_show_as_years_and_months(sv: Catalog, en: Catalog):
    text = (EXAMPLES / "kim.yaml").read_text(encoding="utf-8")
    table = frame(PersonaEditor(text), "supports", sv)
    assert table["from"].iloc[0] == "4 år 7 mån"  # 4.6 in the file
    assert cells.age_cell(0.7, sv) == "8 mån" and cells.age_cell(3.58, en) == "3 years 7 months"
    assert column_config("events", sv, [])["age"]["type_config"]["type"] == "text"


@pytest.mark.parametrize("cell, age", [
    ("3 år 7 mån", 3.58), ("3 år", 3), ("7 mån", 0.58), ("3.5", 3.5), ("3,5", 3.5), ("3år7mån", 3.58),
    ("12", 12), (" 2 år 6 ", 2.5),
])
def test_an_age_is_read_back_from_what_people_write(sv: Catalog, cell: str, age: float):
    assert cells.parse_age(cell, sv) == age


def test_an_age_in_english_words(en: Catalog):
    assert cells.parse_age("3 years 7 months", en) == 3.58


@pytest.mark.parametrize("cell", ["tre år", "3 veckor", "3 mån 2 år"])
def test_text_that_is_no_age_is_left_for_the_validator(sv: Catalog, cell: str):
    assert cells.parse_age(cell, sv) == cell


def test_an_age_left_as_shown_keeps_the_files_number(sv: Catalog):
    assert cells.age_value("8 mån", 0.7, sv) == 0.7
    assert cells.age_value("9 mån", 0.7, sv) == 0.75


def test_an_edited_age_is_written_and_the_rest_stays(sv: Catalog):
    text = (EXAMPLES / "kim.yaml").read_text(encoding="utf-8")
    table = frame(PersonaEditor(text), "supports", sv)
    table.loc[0, "from"] = "4 år 6 mån"
    rows, originals = table_rows(table, "supports", sv)
    changed = edited_text(text, {"supports": (rows, originals)})
    assert [a for a, b in zip(text.splitlines(), changed.splitlines()) if a != b] == [
        line for line in text.splitlines() if "id: s-resurs," in line]
    assert "from: 4.5, to: 6}" in changed


def test_the_edit_page_saves_an_age_written_in_years_and_months(tmp_path, monkeypatch):
    """AppTest: the Redigera page, an age typed as "4 år 6 mån", saved to the file."""
    import shutil

    from streamlit.testing.v1 import AppTest

    from conftest import ROOT

    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    monkeypatch.setenv("JOURNEYS_APP_FOLDER", str(folder))
    monkeypatch.delenv("JOURNEYS_LANG", raising=False)
    monkeypatch.delenv("JOURNEYS_VOCABULARY", raising=False)
    path = folder / "kim.yaml"
    original = path.read_text(encoding="utf-8")
    at = AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.radio(key="choose_file").set_value(str(path)).run()
    at.switch_page("views/edit.py").run()
    assert not at.exception
    round_ = at.session_state["editor_round"] if "editor_round" in at.session_state else 0
    at.session_state[f"table-supports-{round_}"] = {"edited_rows": {0: {"from": "4 år 6 mån"}}, "added_rows": [],
                                                   "deleted_rows": []}
    at.run()
    assert not at.exception and at.success
    at.button(key="save").click().run()
    assert not at.exception
    changed = [(a, b) for a, b in zip(original.splitlines(), path.read_text(encoding="utf-8").splitlines()) if a != b]
    assert len(changed) == 1 and "from: 4.6," in changed[0][0] and "from: 4.5," in changed[0][1]
