"""The app's safeguards: the access code, read-only files for the network, personal data refused in
notes and upload names, upload limits, failed uploads read once, user strings shown literally."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit")

from journeys.workshop import load_notes, sidecar_path  # noqa: E402
from tests.test_app import (  # noqa: E402
    EXAMPLES, card, choose, errors, first_gap_key, folder, html, new_app, open_page, quiet, shown,
)

__all__ = ["folder"]  # the fixture, used by name

CODE = "ABCD-EFGH"


@pytest.fixture
def with_code(monkeypatch):
    monkeypatch.setenv("JOURNEYS_ACCESS_CODE", CODE)
    monkeypatch.delenv("JOURNEYS_ALLOW_EDIT", raising=False)


def enter(at, code: str):
    at.text_input(key="_access_code").input(code)
    at.button[0].click().run()
    return at


# --- the access code ---

def test_without_the_code_nothing_is_shown(folder: Path, with_code):
    at = new_app()
    assert not at.exception
    assert at.text_input(key="_access_code") is not None
    assert not [r for r in at.radio if r.key == "choose_file"]  # no persona list, no page
    enter(at, "WRONG-CODE")
    assert any("Fel kod" in e for e in errors(at))
    assert not [r for r in at.radio if r.key == "choose_file"]


def test_with_the_code_the_app_opens_and_asks_no_more(folder: Path, with_code):
    at = enter(new_app(), CODE.lower())  # read aloud, typed in small letters: still right
    quiet(at)
    choose(at, folder / "kim.yaml")
    open_page(at, "journey")
    quiet(at)
    assert "Kim" in html(at)


def test_files_are_read_only_for_code_holders_without_allow_edit(folder: Path, with_code):
    path = folder / "kim.yaml"
    original = path.read_text(encoding="utf-8")
    at = open_page(choose(enter(new_app(), CODE), path), "edit")
    card(at, "quote").input("Ingen frågade mig.").run()
    assert at.button(key="save").disabled
    assert any("--allow-edit" in i.value for i in at.info)
    assert path.read_text(encoding="utf-8") == original


def test_notes_stay_open_to_code_holders(folder: Path, with_code):
    at = open_page(choose(enter(new_app(), CODE), folder / "kim.yaml"), "gaps")
    key = first_gap_key()
    at.button(key=f"vote-{key}").click().run()
    quiet(at)
    assert load_notes(folder / "kim.yaml", "kim").note(key).votes == 1


def test_allow_edit_lets_code_holders_save(folder: Path, with_code, monkeypatch):
    monkeypatch.setenv("JOURNEYS_ALLOW_EDIT", "1")
    path = folder / "kim.yaml"
    at = open_page(choose(enter(new_app(), CODE), path), "edit")
    card(at, "quote").input("Ingen frågade mig.").run()
    assert not at.button(key="save").disabled
    at.button(key="save").click().run()
    quiet(at)
    assert 'quote: "Ingen frågade mig."' in path.read_text(encoding="utf-8")


# --- personal data typed in the room ---

def test_a_note_with_personal_data_is_refused_and_kept_in_the_box(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "gaps")
    key = first_gap_key()
    typed = "Mamma nås på 070\u2013123 45 67"
    at.text_area(key=f"note-{key}").input(typed).run()
    assert not at.exception
    assert any("personuppgifter" in e for e in errors(at))
    assert at.text_area(key=f"note-{key}").value == typed  # nothing typed is lost
    assert not sidecar_path(folder / "kim.yaml").exists()


def test_an_idea_with_personal_data_is_refused_and_kept_in_the_box(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "gaps")
    key = first_gap_key()
    at.text_input(key=f"idea-{key}").input("Mejla rektor@skolan.se")
    at.button(key=f"add-{key}").click().run()
    assert any("personuppgifter" in e for e in errors(at))
    assert at.text_input(key=f"idea-{key}").value == "Mejla rektor@skolan.se"
    assert not sidecar_path(folder / "kim.yaml").exists()


def test_notes_keep_their_author_and_time(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "gaps")
    key = first_gap_key()
    at.text_input(key="author_field").input("Grupp 2").run()
    at.text_area(key=f"note-{key}").input("Ingen ringde tillbaka.").run()
    quiet(at)
    entry = load_notes(folder / "kim.yaml", "kim").note(key).entries[0]
    assert (entry.text, entry.by) == ("Ingen ringde tillbaka.", "Grupp 2") and entry.at[:2] == "20"


# --- uploads ---

def test_an_upload_named_after_a_personnummer_is_refused(folder: Path):
    at = new_app()
    text = (EXAMPLES / "noor.yaml").read_bytes()
    at.file_uploader(key="uploader").set_value(("811218\u20139876.yaml", text, "application/yaml")).run()
    assert any("Filnamnet" in e for e in errors(at))
    assert not at.success


def test_an_upload_over_the_limit_is_refused_unread(folder: Path, monkeypatch):
    import app.screens.choose as choose_screen

    def never(*args, **kwargs):
        raise AssertionError("an upload over the limit must not be parsed")

    monkeypatch.setattr(choose_screen, "parse_persona", never)
    at = new_app()
    big = b"schema: 1\n" + b"#" * (choose_screen.MAX_UPLOAD_BYTES + 1)
    at.file_uploader(key="uploader").set_value(("stor.yaml", big, "application/yaml")).run()
    assert any("gränsen" in e for e in errors(at))


def test_a_failed_upload_is_read_once(folder: Path, monkeypatch):
    import app.screens.choose as choose_screen

    calls = []
    real = choose_screen.parse_persona

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(choose_screen, "parse_persona", counted)
    at = new_app()
    bad = b"schema: 1\nid: trasig\nname: Trasig\nborn: 1:30\n"
    at.file_uploader(key="uploader").set_value(("trasig.yaml", bad, "application/yaml")).run()
    at.toggle(key="choose_close_up").set_value(False).run()
    at.run()
    assert any("trasig.yaml:4" in e for e in errors(at))
    assert len(calls) == 1


# --- markup: every user string literal ---

MARKUP = b'''schema: 1
id: markup
name: "**Fet** $x^2$ :red[R\xc3\xb6d] :material/home: [l](javascript:alert(1))"
scenarios:
  - id: s
    label: "# Rubrik :red[scenario]"
    note: "$pengar$ och :blue[bl\xc3\xa5tt]"
    changes:
      - set: {id: a, label: "ny"}
events:
  - {id: a, age: 1, kind: signal, agency: bvc, label: "`kod` *lutande*"}
'''


def _rendered(at) -> list[str]:
    """Every Markdown text of the page, as its source."""
    found = []
    for kind in ("title", "subheader", "caption", "markdown", "success", "error", "warning", "info"):
        found += [element.value for element in at.get(kind)]
    return found


def _literal(source: str, typed: str) -> bool:
    """``typed`` appears in ``source`` with every markup character escaped."""
    return typed not in source and typed in shown(source)


def test_user_strings_are_shown_literally(folder: Path):
    at = new_app()
    at.file_uploader(key="uploader").set_value(("markup.yaml", MARKUP, "application/yaml")).run()
    quiet(at)
    name = "**Fet** $x^2$ :red[Röd] :material/home: [l](javascript:alert(1))"
    assert any(_literal(text, name) for text in _rendered(at))
    for page in ("gaps", "export", "scenarios", "network"):
        open_page(at, page)
        assert not at.exception, page
        titles = [t.value for t in at.title]
        assert titles and all(name not in t for t in titles), page
        assert any(_literal(t, name) for t in titles), page
    open_page(at, "scenarios")
    at.selectbox(key="scenario_choice").set_value("s").run()
    texts = _rendered(at)
    assert any(_literal(t, "# Rubrik :red[scenario]") for t in texts)
    assert any(_literal(t, "$pengar$ och :blue[blått]") for t in texts)


def test_a_file_name_and_an_error_value_are_shown_literally(folder: Path):
    bad = folder / "*fet*.yaml"
    bad.write_text("schema: 1\nid: x\nname: X\nevents:\n  - {id: a, age: 1, kind: ':red[fel]'}\n", encoding="utf-8")
    at = new_app()
    assert any(_literal(option, "*fet*.yaml") for option in at.radio(key="choose_file").options)
    choose(at, bad)
    assert any(":red[fel]" in shown(e.value) and ":red[fel]" not in e.value for e in at.error)


# --- broken files never blank a page ---

BROKEN = {
    "hex.yaml": "schema: 1\nid: h\nname: H\nborn: 0x" + "f" * 3600 + "\n",
    "deep.yaml": "schema: 1\nid: d\nname: D\nsummary: " + "[" * 330 + "]" * 330 + "\n",
    "tag.yaml": "schema: 1\nid: b\nname: B\nborn: !!bool maybe\n",
}


def test_broken_files_are_marked_and_every_page_shows_their_problem(folder: Path):
    for name, text in BROKEN.items():
        (folder / name).write_text(text, encoding="utf-8")
    at = new_app()
    quiet(at)
    options = at.radio(key="choose_file").options
    assert sum("⚠" in shown(o) for o in options) == 3 and any("Kim (kim" in shown(o) for o in options)
    choose(at, folder / "hex.yaml")
    for page in ("persona", "journey", "gaps", "export"):
        open_page(at, page)
        assert not at.exception, page
        assert any("hex.yaml:4:" in e for e in errors(at)), page


def test_a_file_that_breaks_the_loader_unexpectedly_is_marked_and_the_others_listed(folder: Path, monkeypatch):
    import app.data

    real = app.data.read_persona

    def broken(path, *args, **kwargs):
        if Path(path).name == "noor.yaml":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(app.data, "read_persona", broken)
    app.data.listed.clear()
    at = new_app()
    assert not at.exception
    options = [shown(o) for o in at.radio(key="choose_file").options]
    assert any("noor.yaml" in o and "⚠" in o for o in options)
    assert any(o.startswith("Kim (kim.yaml)") for o in options) and any(o.startswith("Elias") for o in options)
    app.data.listed.clear()


def test_download_names_come_from_the_persona_id(folder: Path, monkeypatch):
    """An upload's file name never becomes a download name: the persona's id does."""
    import streamlit

    names = []
    real = streamlit.download_button

    def recording(*args, **kwargs):
        names.append(kwargs.get("file_name"))
        return real(*args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", recording)
    at = new_app()
    at.file_uploader(key="uploader").set_value(("Noor Andersson.yaml", (EXAMPLES / "noor.yaml").read_bytes(),
                                                "application/yaml")).run()
    open_page(at, "gaps")
    key = next(k for k in [w.key for w in at.button] if k and k.startswith("vote-"))
    at.button(key=key).click().run()
    open_page(at, "export")
    at.button(key="make_poster").click().run()
    quiet(at)
    assert len(names) >= 4 and all(name.startswith("noor") for name in names), names
    assert not any("Andersson" in name for name in names)
