"""The workshop app, page by page and flow by flow, with Streamlit's AppTest (no browser).

Every test runs the app on a temporary copy of the examples: nothing is written into examples/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from journeys.folders import persona_files  # noqa: E402
from journeys.gaps import find_gaps, rule_title  # noqa: E402
from journeys.graph import build_graph  # noqa: E402
from journeys.scenario import apply_scenario, compare_gaps  # noqa: E402
from journeys.workshop import load_notes, sidecar_path  # noqa: E402
from persona.i18n import Catalog  # noqa: E402
from persona.load import read_persona  # noqa: E402

from conftest import EXAMPLES, ROOT  # noqa: E402

APP = ROOT / "app" / "streamlit_app.py"
PAGES = ("choose", "persona", "journey", "gaps", "scenarios", "network", "edit", "export")
TIMEOUT = 120


@pytest.fixture
def folder(app_examples: Path) -> Path:
    return app_examples


@pytest.fixture
def sv_app() -> Catalog:
    return Catalog.load("sv", packages=("persona", "journeys", "app"))


def new_app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    return at


def choose(at: AppTest, path: Path) -> AppTest:
    at.radio(key="choose_file").set_value(str(path)).run()
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"views/{page}.py").run()
    return at


def html(at: AppTest) -> str:
    """The page's HTML blocks (``st.html``, and ``st.markdown`` HTML such as the projector view)."""
    return "\n".join([element.value for element in at.get("html")] + [element.value for element in at.markdown])


def shown(markdown: str) -> str:
    """A Markdown text as the reader sees it: the app escapes markup in what files and users wrote."""
    return re.sub(r"\\(.)|&#58;", lambda found: found.group(1) or ":", markdown)


def errors(at: AppTest) -> list[str]:
    return [shown(e.value) for e in at.error]


def quiet(at: AppTest) -> None:
    """No traceback and no error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def kim_gaps():
    loaded = read_persona(EXAMPLES / "kim.yaml")
    return find_gaps(build_graph(loaded.persona, loaded.vocabulary))


# --- choose ---

def test_choose_lists_the_folder_and_chooses_a_persona(folder: Path):
    at = new_app()
    quiet(at)
    options = at.radio(key="choose_file").options
    personas = list(persona_files([EXAMPLES]))  # not the cohort example's mapping file, nor interview records
    assert len(options) == len(personas) == 6 and any("Kim" in o and "kim.yaml" in o for o in options)
    choose(at, folder / "kim.yaml")
    quiet(at)
    assert "Kim" in at.success[0].value


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_without_errors(folder: Path, page: str):
    at = open_page(choose(new_app(), folder / "kim.yaml"), page)
    quiet(at)
    assert at.title or html(at)


@pytest.mark.parametrize("page", PAGES[1:])
def test_pages_ask_for_a_persona_before_one_is_chosen(folder: Path, page: str):
    at = open_page(new_app(), page)
    quiet(at)
    assert at.info and "Välj en persona" in at.info[0].value


def test_an_invalid_file_in_the_folder_is_marked_and_explained(folder: Path):
    bad = folder / "trasig.yaml"
    bad.write_text("schema: 1\nid: trasig\nname: Trasig\nevents:\n  - {id: a, age: 2, kind: signal, agency: bvcc}\n",
                   encoding="utf-8")
    at = new_app()
    assert any("trasig.yaml" in o and "fel" in o for o in at.radio(key="choose_file").options)
    choose(at, bad)
    assert not at.exception
    assert any("bvcc" in e and "trasig.yaml:5" in e for e in errors(at))


def test_language_and_theme_can_be_switched(folder: Path):
    at = choose(new_app(), folder / "kim.yaml")
    at.segmented_control(key="choose_lang").set_value("en").run()
    quiet(at)
    assert at.title[0].value == "Choose a persona"
    at.segmented_control(key="choose_theme").set_value("print").run()
    assert "font-size: 16px" in html(at)
    open_page(at, "journey")
    quiet(at)
    assert "Kim, 0 years" in html(at)


# --- the journey ---

def step(at: AppTest, key: str = "next") -> AppTest:
    at.button(key=key).click().run()
    return at


def test_stepping_reveals_the_life_and_stops_at_the_first_gap(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "journey")
    quiet(at)
    assert "Kim, 0 år" in html(at) and 'class="jr-gap' not in html(at)
    first = min(kim_gaps(), key=lambda g: g.start)
    steps = 0
    while 'class="jr-gap' not in html(at):
        step(at)
        steps += 1
        assert steps <= 21
    quiet(at)
    assert steps == int(first.start) + 1  # every whole year before it, then the gap's own stop
    assert rule_title(first.rule, Catalog.load("sv", packages=("persona", "journeys"))) in html(at)
    assert at.slider(key="age_slider").value == pytest.approx(first.start)
    step(at, "previous")
    assert at.slider(key="age_slider").value == float(steps - 1)
    assert 'class="jr-gap' not in html(at)


def test_every_gap_is_a_stop_of_its_own_walking_gap_by_gap(folder: Path):
    at = choose(new_app(), folder / "kim.yaml")
    at.segmented_control(key="choose_step").set_value("gap").run()
    open_page(at, "journey")
    text = Catalog.load("sv", packages=("persona", "journeys"))
    ordered = sorted(kim_gaps(), key=lambda g: (g.start, g.rule, g.events))
    for number, gap in enumerate(ordered[:4], start=1):
        step(at)
        quiet(at)
        page = html(at)
        assert page.count('role="note"') == 1 and f"Glapp {number} · {rule_title(gap.rule, text)}" in page
        assert 'class="jr-focus-svg"' in page and 'class="jr-legend"' in page


def test_stepping_by_event_stops_at_each_event_age(folder: Path):
    at = choose(new_app(), folder / "kim.yaml")
    at.segmented_control(key="choose_step").set_value("event").run()
    open_page(at, "journey")
    ages = sorted({e.age for e in read_persona(EXAMPLES / "kim.yaml").persona.events})
    gap_ages = {g.start for g in kim_gaps()}
    for before, expected in zip(ages, ages[1:4]):
        step(at)
        while before in gap_ages and at.slider(key="age_slider").value == pytest.approx(before):
            step(at)  # the gaps starting at that event's age are stops of their own
        assert at.slider(key="age_slider").value == pytest.approx(expected)
    quiet(at)


def test_the_close_up_can_be_switched_off(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "journey")
    assert 'class="jr-focus-svg"' in html(at) and not base64_pictures(html(at))
    open_page(at, "choose")
    at.toggle(key="choose_close_up").set_value(False).run()
    open_page(at, "journey")
    quiet(at)
    page = html(at)
    assert 'class="jr-focus-svg"' not in page and 'class="jr-overview-svg"' in page and 'id="graph0"' in page


def base64_pictures(page: str) -> str:
    import base64

    return "".join(base64.b64decode(data).decode("utf-8") for data in re.findall(r"base64,([A-Za-z0-9+/=]+)", page))


def test_the_slider_moves_the_walk(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "journey")
    at.slider(key="age_slider").set_value(12.0).run()
    quiet(at)
    assert "Kim, 12 år" in html(at)


def test_the_first_step_is_back_disabled_and_the_last_is_next_disabled(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "journey")
    assert at.button(key="previous").disabled and not at.button(key="next").disabled
    at.slider(key="age_slider").set_value(20.0).run()
    assert at.button(key="next").disabled


# --- the room's notes and votes ---

def first_gap_key() -> str:
    return min(kim_gaps(), key=lambda g: (g.start, g.rule, g.events)).key


def test_a_note_is_saved_beside_the_persona_and_read_back(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "gaps")
    quiet(at)
    key = first_gap_key()
    at.text_area(key=f"note-{key}").input("Ingen ringde tillbaka till förskolan.").run()
    quiet(at)
    assert load_notes(folder / "kim.yaml", "kim").note(key).text == "Ingen ringde tillbaka till förskolan."
    assert "Ingen ringde" not in (folder / "kim.yaml").read_text(encoding="utf-8")
    again = open_page(choose(new_app(), folder / "kim.yaml"), "gaps")
    assert again.text_area(key=f"note-{key}").value == "Ingen ringde tillbaka till förskolan."


def test_votes_and_ideas(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "gaps")
    key = first_gap_key()
    at.button(key=f"vote-{key}").click().run()
    at.button(key=f"vote-{key}").click().run()
    at.button(key=f"unvote-{key}").click().run()
    at.text_input(key=f"idea-{key}").input("Namngiven kontaktperson").run()
    at.button(key=f"add-{key}").click().run()
    quiet(at)
    note = load_notes(folder / "kim.yaml", "kim").note(key)
    assert note.votes == 1 and note.ideas == ("Namngiven kontaktperson",)
    assert "Röster: 1" in html(at) and "Namngiven kontaktperson" in html(at)
    at.segmented_control(key="gap_order").set_value("votes").run()
    assert html(at).index("Röster: 1") < html(at).index("Röster: 0")
    at.button(key=f"remove-{key}-0").click().run()
    assert load_notes(folder / "kim.yaml", "kim").note(key).ideas == ()


def test_a_malformed_notes_file_is_shown_and_never_overwritten(folder: Path):
    broken = "schema: 1\npersona: kim\ngaps:\n  x@y:\n    votes: many\n"
    sidecar_path(folder / "kim.yaml").write_text(broken, encoding="utf-8")
    at = open_page(choose(new_app(), folder / "kim.yaml"), "gaps")
    assert not at.exception
    assert any("kim.workshop.yaml:5" in e for e in errors(at))
    assert at.button(key=f"vote-{first_gap_key()}").disabled
    assert sidecar_path(folder / "kim.yaml").read_text(encoding="utf-8") == broken


# --- scenarios, network, export ---

def test_a_scenario_is_compared_with_the_persona(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "scenarios")
    quiet(at)
    loaded = read_persona(EXAMPLES / "kim.yaml")
    scenario = loaded.persona.scenarios[0]
    before = find_gaps(build_graph(loaded.persona, loaded.vocabulary))
    after = find_gaps(build_graph(apply_scenario(loaded.persona, scenario.id), loaded.vocabulary))
    expected = compare_gaps(before, after)
    assert [m.value for m in at.metric][:3] == [str(len(expected.closed)), str(len(expected.remaining)),
                                                str(len(expected.new))]
    page = html(at)
    assert page.count("<img") == 1  # the cost curve; the scenario layer is inline (tests/test_app_scenarios.py)
    assert page.count('class="jr-overview-svg"') == 1 and 'class="jr-legend"' in page
    if len(loaded.persona.scenarios) > 1:
        at.selectbox(key="scenario_choice").set_value(loaded.persona.scenarios[1].id).run()
        quiet(at)


def test_the_chosen_scenario_is_walked_on_the_journey(folder: Path):
    at = choose(new_app(), folder / "kim.yaml")
    scenario = read_persona(EXAMPLES / "kim.yaml").persona.scenarios[0]
    at.selectbox(key="choose_scenario").set_value(scenario.id).run()
    open_page(at, "journey")
    quiet(at)
    assert scenario.label in html(at)


def test_network_shows_both_pictures(folder: Path):
    at = open_page(choose(new_app(), folder / "noor.yaml"), "network")
    quiet(at)
    page = html(at)
    assert page.count("<img") == 1  # the balance
    assert 'class="jr-overview-svg"' in page and 'id="child"' in page  # the screen ecomap, inline


def test_export_offers_every_download(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "export")
    quiet(at)
    at.selectbox(key="export_format").set_value("png").run()
    at.button(key="make_poster").click().run()
    quiet(at)
    labels = [b.label for b in at.get("download_button")]
    assert any("affischen" in label for label in labels)
    assert any("PNG" in label for label in labels) and any("kronologin" in label for label in labels)


# --- editing ---

def card(at: AppTest, field: str):
    """The card field's widget (its key carries the editor's round, which grows on every reload)."""
    for widget in list(at.text_area) + list(at.text_input):
        if (widget.key or "").startswith(f"card-{field}-"):
            return widget
    raise KeyError(field)


def seed_table(at: AppTest, collection: str, edits: dict) -> None:
    round_ = at.session_state["editor_round"] if "editor_round" in at.session_state else 0
    at.session_state[f"table-{collection}-{round_}"] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [],
                                                        **edits}

def test_editing_the_card_saves_and_keeps_comments(folder: Path):
    path = folder / "kim.yaml"
    original = path.read_text(encoding="utf-8")
    at = open_page(choose(new_app(), path), "edit")
    quiet(at)
    card(at, "quote").input("Ingen frågade mig.").run()
    assert at.success and not at.button(key="save").disabled
    at.button(key="save").click().run()
    quiet(at)
    saved = path.read_text(encoding="utf-8")
    assert 'quote: "Ingen frågade mig."' in saved
    comments = [line for line in original.splitlines() if line.strip().startswith("#")]
    assert [line for line in saved.splitlines() if line.strip().startswith("#")] == comments
    assert len(saved.splitlines()) == len(original.splitlines())


def test_editing_a_table_changes_only_that_line(folder: Path):
    path = folder / "kim.yaml"
    original = path.read_text(encoding="utf-8")
    at = open_page(choose(new_app(), path), "edit")
    seed_table(at, "events", {"edited_rows": {0: {"label": "Kim föds på BB"}}})
    at.run()
    quiet(at)
    at.button(key="save").click().run()
    quiet(at)
    changed = [(a, b) for a, b in zip(original.splitlines(), path.read_text(encoding="utf-8").splitlines()) if a != b]
    assert changed == [("    label: Kim föds", "    label: Kim föds på BB")]


def test_an_invalid_edit_is_shown_and_cannot_be_saved(folder: Path):
    path = folder / "kim.yaml"
    at = open_page(choose(new_app(), path), "edit")
    seed_table(at, "events", {"edited_rows": {1: {"agency": "bvcc"}}})
    at.run()
    assert not at.exception
    assert any("bvcc" in e.value for e in at.error)
    assert at.button(key="save").disabled
    assert path.read_bytes() == (EXAMPLES / "kim.yaml").read_bytes()


def test_a_file_changed_on_disk_is_not_overwritten(folder: Path):
    path = folder / "kim.yaml"
    at = open_page(choose(new_app(), path), "edit")
    someone_else = path.read_text(encoding="utf-8").replace("label: Kim föds", "label: Kim föds hemma")
    path.write_text(someone_else, encoding="utf-8")
    card(at, "quote").input("Mitt citat.").run()
    at.button(key="save").click().run()
    assert not at.exception
    assert path.read_text(encoding="utf-8") == someone_else
    assert any("ändrats" in e.value for e in at.error)
    assert any("+    label: Kim föds hemma" in c.value for c in at.code)
    at.button(key="reload").click().run()
    quiet(at)
    assert card(at, "quote").value != "Mitt citat."


def test_nothing_is_lost_when_the_save_fails_part_way(folder: Path, monkeypatch):
    path = folder / "kim.yaml"
    at = open_page(choose(new_app(), path), "edit")
    card(at, "quote").input("Mitt citat.").run()

    def disk_full(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", disk_full)
    at.button(key="save").click().run()
    monkeypatch.undo()
    assert not at.exception
    assert any("disk full" in e.value for e in at.error)
    assert path.read_bytes() == (EXAMPLES / "kim.yaml").read_bytes()
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == [".kim.yaml.lock"]  # no temp file


# --- uploads ---

BAD = b"schema: 1\nid: trasig\nname: Trasig\nevents:\n  - {id: a, age: 2, kind: signal, agency: bvcc}\n"


def test_a_bad_upload_shows_each_problem_and_the_app_keeps_working(folder: Path):
    at = choose(new_app(), folder / "kim.yaml")
    at.file_uploader(key="uploader").set_value(("trasig.yaml", BAD, "application/yaml")).run()
    assert not at.exception
    assert any("trasig.yaml:5" in e and "bvcc" in e for e in errors(at))
    open_page(at, "journey")
    quiet(at)
    assert "Kim, 0 år" in html(at)


def test_a_good_upload_is_used_and_edited_in_memory(folder: Path, tmp_path: Path):
    text = (EXAMPLES / "noor.yaml").read_bytes()
    at = new_app()
    at.file_uploader(key="uploader").set_value(("min-noor.yaml", text, "application/yaml")).run()
    quiet(at)
    assert "Noor" in at.success[0].value
    open_page(at, "edit")
    quiet(at)
    assert at.button(key="save").label == "Använd ändringarna"
    card(at, "name").input("Nora").run()
    at.button(key="save").click().run()
    quiet(at)
    open_page(at, "persona")
    assert "Nora" in html(at)
    assert not list(folder.rglob("min-noor*"))
    open_page(at, "gaps")
    quiet(at)


# --- the words ---

def test_every_app_text_key_in_the_code_exists(sv_app: Catalog):
    used = set()
    for path in (ROOT / "app").rglob("*.py"):
        used |= set(re.findall(r'text\(\s*"(app\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert used and sorted(k for k in used if not sv_app.has(k)) == []


def test_the_app_code_holds_no_swedish_strings():
    """User-facing words live in app/lang; docstrings may name the Swedish pages."""
    import ast

    for path in (ROOT / "app").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        strings = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                   and isinstance(node.value, str) and id(node) not in docstrings]
        assert [s for s in strings if re.search(r"[åäöÅÄÖ]", s)] == [], path


def test_usage_statistics_are_off_in_the_project_config():
    config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert re.search(r"^gatherUsageStats = false$", config, re.M)
    assert re.search(r'^address = "127\.0\.0\.1"$', config, re.M)


def test_persona_text_is_shown_literally_never_as_html(folder: Path):
    hostile = (b"schema: 1\nid: x\nname: \"<b>X</b>\"\nevents:\n"
               b"  - {id: a, age: 0.5, kind: signal, agency: bvc, label: \"<script>alert(1)</script>\"}\n")
    at = new_app()
    at.file_uploader(key="uploader").set_value(("x.yaml", hostile, "application/yaml")).run()
    open_page(at, "journey")
    step(at)
    quiet(at)
    page = html(at)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>X</b>" not in page and "&lt;b&gt;X&lt;/b&gt;" in page


def test_the_childs_own_words_come_with_the_gap_they_belong_to(folder: Path):
    persona = read_persona(EXAMPLES / "kim.yaml").persona
    said = {e.id: e.voice for e in persona.events if e.voice}
    ordered = sorted(kim_gaps(), key=lambda g: (g.start, g.rule, g.events))
    number, gap = next((n, g) for n, g in enumerate(ordered, start=1) if set(g.events) & set(said))
    at = choose(new_app(), folder / "kim.yaml")
    at.segmented_control(key="choose_step").set_value("gap").run()
    open_page(at, "journey")
    assert 'class="jr-quote jr-voice"' not in html(at)
    for _ in range(number):
        step(at)
    quiet(at)
    quotes = [said[e] for e in gap.events if e in said]
    assert 'class="jr-quote jr-voice"' in html(at) and quotes[-1] in html(at)


def test_the_whole_life_pictures_come_with_their_legend(folder: Path):
    at = choose(new_app(), folder / "kim.yaml")
    at.toggle(key="choose_close_up").set_value(False).run()
    open_page(at, "journey")
    at.slider(key="age_slider").set_value(12.0).run()
    quiet(at)
    legend = html(at).split('class="jr-legend"', 1)[1]
    assert "Glapp, numrerat där det börjar" in legend and "Barnets eller familjens egna ord" in legend
    assert "Kontakt" in legend  # the event kinds the overview shows so far
    open_page(at, "scenarios")
    quiet(at)
    assert "Glapp som scenariot stänger" in html(at).split('class="jr-legend"', 1)[1]


def test_a_gap_is_shown_on_the_journey_from_between_the_chairs(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "gaps")
    ordered = sorted(kim_gaps(), key=lambda g: (g.start, g.rule, g.events))
    third = ordered[2]
    at.button(key=f"show-{third.key}").click().run()
    quiet(at)
    page = html(at)
    text = Catalog.load("sv", packages=("persona", "journeys"))
    assert f"Glapp 3 · {rule_title(third.rule, text)}" in page and 'class="jr-focus-svg"' in page
    assert at.slider(key="age_slider").value == pytest.approx(third.start)
    open_page(at, "journey")  # (AppTest itself stays on the page it opened; the app does not)
    assert f"Glapp 3 · {rule_title(third.rule, text)}" in html(at), "the walk stands at the gap"
    step(at)
    quiet(at)
    assert f"Glapp 4 · {rule_title(ordered[3].rule, text)}" in html(at) or at.slider(key="age_slider").value > third.start
