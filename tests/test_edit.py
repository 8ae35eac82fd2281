"""Editing a persona file: round-trip (comments, order, style kept), validated, atomic, conflict-safe."""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest
import yaml

from persona.edit import PersonaEditor, edited_text
from persona.errors import PersonaInvalid
from persona.saving import PersonaChangedOnDisk, check_text, open_for_edit, opened_from_text, save

from conftest import EXAMPLES

EXAMPLE_FILES = sorted(p for p in EXAMPLES.rglob("*.yaml") if not p.name.endswith(".mapping.yaml"))  # personas
KIM = EXAMPLES / "kim.yaml"


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [line[2:] for line in diff if line.startswith("- ")], [line[2:] for line in diff if line.startswith("+ ")]


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


@pytest.fixture
def kim_copy(tmp_path: Path) -> Path:
    target = tmp_path / "kim.yaml"
    shutil.copyfile(KIM, target)
    return target


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_untouched_file_is_written_back_byte_for_byte(path: Path):
    text = path.read_text(encoding="utf-8")
    assert PersonaEditor(text).text() == text


@pytest.mark.parametrize("text", [
    "schema: 1\nid: a\nname: A\nevents:\n- id: x\n  age: 1\n  kind: life\n  label: X  # a comment\n",
    "schema: 1\nid: a\nname: A\nevents:\n    - id: x\n      age: 1\n      kind: life\n      label: X\n",
])
def test_other_indentation_styles_round_trip(text: str):
    assert PersonaEditor(text).text() == text


def test_deleting_any_event_removes_only_its_lines_and_keeps_every_comment():
    text = KIM.read_text(encoding="utf-8")
    for item_id in [e["id"] for e in PersonaEditor(text).items("events")]:
        editor = PersonaEditor(text)
        editor.delete_item("events", item_id)
        written = editor.text()
        removed, added = changed_lines(text, written)
        assert added == [], item_id
        assert comments(written) == comments(text), item_id
        assert any(f"id: {item_id}" in line for line in removed)


def test_deleting_flow_style_items_keeps_section_comments():
    text = KIM.read_text(encoding="utf-8")
    editor = PersonaEditor(text)
    for item_id in [f["id"] for f in editor.items("factors")]:
        editor.delete_item("factors", item_id)
    editor.delete_item("people", "faltassistenten")
    assert comments(editor.text()) == comments(text)
    assert "factors" not in yaml.safe_load(editor.text())  # an empty list is left out


@pytest.mark.parametrize("collection, lost", [
    ("events", ["# --- Spädbarn (0–1 år) ---"]),  # the heading above the first event goes with it
    ("supports", []),
    ("agencies", []),
])
def test_emptying_a_collection_leaves_valid_yaml_and_the_other_comments(collection: str, lost: list[str]):
    text = KIM.read_text(encoding="utf-8")
    editor = PersonaEditor(text)
    for item_id in [item["id"] for item in editor.items(collection)]:
        editor.delete_item(collection, item_id)
    data = yaml.safe_load(editor.text())
    assert collection not in data and "scenarios" in data
    assert [c for c in comments(text) if c not in comments(editor.text())] == lost


def test_added_event_goes_in_time_order_in_the_file_style():
    text = KIM.read_text(encoding="utf-8")
    editor = PersonaEditor(text)
    editor.add_item("events", {"id": "ny", "age": 1, "kind": "contact", "agency": "bvc", "label": "Nytt besök"})
    out = editor.text()
    removed, added = changed_lines(text, out)
    assert removed == []
    assert added == ["  - id: ny", "    age: 1", "    kind: contact", "    agency: bvc", "    label: Nytt besök"]
    ids = [e["id"] for e in PersonaEditor(out).items("events")]
    assert ids[ids.index("ny") - 1] == "soc-utr1"  # the last event at 0.8
    # the section comment for 1–3 years still comes right before the first event of that section
    lines = out.splitlines()
    assert lines[lines.index("  # --- Småbarn (1–3 år) ---") + 1] == "  - id: pappa-flyttar"
    check_text(out)


def test_added_flow_item_is_flow_style():
    editor = PersonaEditor(KIM.read_text(encoding="utf-8"))
    editor.add_item("factors", {"id": "f-ny", "type": "risk", "domain": "care", "label": "Ny faktor", "from": 3})
    assert "  - {id: f-ny, type: risk, domain: care, label: Ny faktor, from: 3}" in editor.text().splitlines()


def test_first_collection_item_in_a_persona_without_one(tmp_path: Path):
    editor = PersonaEditor("schema: 1\nid: a\nname: A  # namnet\n")
    editor.add_item("supports", {"id": "s", "agency": "school", "level": "early", "label": "Stöd", "from": 8})
    out = editor.text()
    assert out.startswith("schema: 1\nid: a\nname: A  # namnet\n")
    assert check_text(out).persona.supports[0].from_ == 8


@pytest.mark.parametrize("value", ["no", "yes", "2.5", "null", "on", "Möte: SIP", "#1", "- lista"])
def test_new_text_that_looks_like_something_else_stays_text(value: str):
    editor = PersonaEditor("schema: 1\nid: a\nname: A\n")
    editor.add_item("events", {"id": "x", "age": 1, "kind": "life", "label": value})
    assert yaml.safe_load(editor.text())["events"][0]["label"] == value


def test_changing_a_field_changes_only_that_line():
    text = KIM.read_text(encoding="utf-8")
    editor = PersonaEditor(text)
    editor.update_item("events", "fodd", {"label": "Kim föds på BB"})
    assert changed_lines(text, editor.text()) == (["    label: Kim föds"], ["    label: Kim föds på BB"])


def test_quoted_value_keeps_its_quotes_and_blank_value_removes_the_key():
    text = KIM.read_text(encoding="utf-8")
    editor = PersonaEditor(text)
    editor.update_item("events", "bvc-vald", {"note": "Ny notering.", "sources": None})
    removed, added = changed_lines(text, editor.text())
    assert added == ['    note: "Ny notering."']
    assert removed == ['    note: "Vid rutinfrågan om våld på 8-månadersbesöket."', "    sources: [intervju-a]"]


def test_card_fields_keep_their_style():
    text = KIM.read_text(encoding="utf-8")
    editor = PersonaEditor(text)
    editor.set_card({"name": "Kim", "summary": "Kort. " * 40, "quote": "Ingen frågade."})
    out = editor.text()
    assert "summary: >-\n" in out and 'quote: "Ingen frågade."' in out
    assert max(len(line) for line in out.split("summary: >-\n")[1].split("quote:")[0].splitlines()) < 100
    assert check_text(out).persona.summary.split() == ("Kort. " * 40).split()
    assert comments(out) == comments(text)


def test_tables_round_trip_and_apply_only_real_changes():
    text = KIM.read_text(encoding="utf-8")
    editor = PersonaEditor(text)
    rows = editor.rows("supports")
    ids = [r["id"] for r in rows]
    assert edited_text(text, {"supports": (rows, ids)}) == text  # unchanged table: unchanged file
    rows[0] = {**rows[0], "to": 6.5}
    del rows[1], ids[1]
    rows.append({"id": "s-ny", "agency": "school", "level": "early", "label": "Mentor", "from": 12.0, "to": None})
    ids.append(None)
    out = edited_text(text, {"supports": (rows, ids)})
    removed, added = changed_lines(text, out)
    assert [line for line in removed if "s-resurs" in line or "s-specped" in line] == removed
    assert len(added) == 2 and "to: 6.5" in added[0] and "id: s-ny" in added[1]
    persona = check_text(out).persona
    assert [s.id for s in persona.supports if s.id in ("s-specped", "s-ny")] == ["s-ny"]


def test_renaming_an_id_in_the_table_keeps_the_row_in_place():
    text = KIM.read_text(encoding="utf-8")
    editor = PersonaEditor(text)
    rows = editor.rows("factors")
    ids = [r["id"] for r in rows]
    rows[2] = {**rows[2], "id": "r-pengar"}
    out = edited_text(text, {"factors": (rows, ids)})
    removed, added = changed_lines(text, out)
    assert len(removed) == len(added) == 1 and added[0] == removed[0].replace("r-ekonomi", "r-pengar")


# --- saving ---

def test_save_writes_and_a_second_save_works(kim_copy: Path):
    opened = open_for_edit(kim_copy)
    editor = PersonaEditor(opened.yaml_text)
    editor.update_item("events", "fodd", {"label": "Kim föds på BB"})
    opened = save(opened, editor.text())
    assert "label: Kim föds på BB" in kim_copy.read_text(encoding="utf-8")
    editor = PersonaEditor(opened.yaml_text)
    editor.update_item("events", "fodd", {"label": "Kim föds"})
    save(opened, editor.text())
    assert kim_copy.read_text(encoding="utf-8") == KIM.read_text(encoding="utf-8")


def test_invalid_text_is_refused_and_nothing_written(kim_copy: Path, sv):
    opened = open_for_edit(kim_copy)
    editor = PersonaEditor(opened.yaml_text)
    editor.update_item("events", "fodd", {"agency": "bvcc", "kind": "contact"})
    with pytest.raises(PersonaInvalid) as caught:
        save(opened, editor.text())
    assert any("bvcc" in line and "bvc" in line for line in caught.value.lines(sv))
    assert kim_copy.read_bytes() == KIM.read_bytes()


def test_file_changed_on_disk_is_not_overwritten_and_the_change_is_shown(kim_copy: Path):
    opened = open_for_edit(kim_copy)
    someone_else = opened.yaml_text.replace("label: Kim föds", "label: Kim föds hemma")
    kim_copy.write_text(someone_else, encoding="utf-8")
    editor = PersonaEditor(opened.yaml_text)
    editor.update_item("events", "fodd", {"label": "Kim föds på BB"})
    with pytest.raises(PersonaChangedOnDisk) as caught:
        save(opened, editor.text())
    assert kim_copy.read_text(encoding="utf-8") == someone_else
    assert "-    label: Kim föds\n" in caught.value.diff and "+    label: Kim föds hemma\n" in caught.value.diff
    assert caught.value.disk_text == someone_else


def test_file_deleted_on_disk_is_a_conflict(kim_copy: Path, sv):
    opened = open_for_edit(kim_copy)
    kim_copy.unlink()
    with pytest.raises(PersonaChangedOnDisk) as caught:
        save(opened, opened.yaml_text)
    assert not kim_copy.exists()
    assert caught.value.lines(sv)[0].startswith(str(kim_copy))


def test_unchanged_file_is_no_conflict(kim_copy: Path):
    opened = open_for_edit(kim_copy)
    kim_copy.write_bytes(kim_copy.read_bytes())  # touched, same content
    save(opened, opened.yaml_text)


@pytest.mark.parametrize("broken", ["replace", "fsync", "write"])
def test_nothing_lost_when_the_save_fails_part_way(kim_copy: Path, monkeypatch, broken: str):
    opened = open_for_edit(kim_copy)
    editor = PersonaEditor(opened.yaml_text)
    editor.update_item("events", "fodd", {"label": "Kim föds på BB"})
    new_text = editor.text()

    def fail(*args, **kwargs):
        raise OSError(f"{broken} failed")

    if broken == "write":  # half the text reaches the temporary file, then the disk is full
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, stream):
                self.stream = stream

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.stream.close()

            def write(self, text):
                self.stream.write(text[: len(text) // 2])
                self.stream.flush()
                fail()

        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: HalfWriter(real_fdopen(fd, *a, **k)))
    else:
        monkeypatch.setattr(os, broken, fail)
    with pytest.raises(OSError):
        save(opened, new_text)
    monkeypatch.undo()
    assert kim_copy.read_bytes() == KIM.read_bytes()
    assert sorted(p.name for p in kim_copy.parent.iterdir()) == [".kim.yaml.lock", "kim.yaml"]  # the lock file stays


def test_uploaded_persona_has_no_file_to_save_to():
    with pytest.raises(ValueError):
        save(opened_from_text(KIM.read_text(encoding="utf-8")), "schema: 1\n")


def test_broken_yaml_cannot_be_opened_for_editing(sv):
    with pytest.raises(PersonaInvalid) as caught:
        PersonaEditor("schema: 1\nname: 'open\n", "x.yaml")
    assert caught.value.lines(sv)[0].startswith("x.yaml:")
