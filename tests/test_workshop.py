"""Workshop notes: the sidecar beside the persona, read back, refused when malformed, saved atomically."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from journeys import workshop
from journeys.workshop import (
    GapNote,
    WorkshopNotes,
    WorkshopNotesInvalid,
    add_idea,
    add_votes,
    load_notes,
    notes_from_text,
    notes_to_text,
    remove_idea,
    save_notes,
    set_text,
    sidecar_path,
    update_note,
)


@pytest.fixture
def persona_path(tmp_path: Path) -> Path:
    path = tmp_path / "kim.yaml"
    path.write_text("schema: 1\nid: kim\nname: Kim\n", encoding="utf-8")
    return path


def sample() -> WorkshopNotes:
    return WorkshopNotes("kim", {
        "unanswered-signal@sprak": GapNote.plain("Ingen återkoppling till förskolan.", 3, ("Namngiven kontakt på BVC", "SIP")),
        "broken-handover@skolstart": GapNote.plain(votes=1),
    })


def test_sidecar_sits_beside_the_persona(tmp_path: Path):
    assert sidecar_path(tmp_path / "kim.yaml") == tmp_path / "kim.workshop.yaml"
    assert sidecar_path(tmp_path / "sub" / "noor.yml") == tmp_path / "sub" / "noor.workshop.yaml"


def test_no_sidecar_gives_empty_notes(persona_path: Path):
    notes = load_notes(persona_path, "kim")
    assert notes == WorkshopNotes("kim", {})
    assert notes.note("anything") == GapNote()
    assert not sidecar_path(persona_path).exists()


def test_saved_notes_read_back_equal(persona_path: Path):
    save_notes(persona_path, sample())
    assert load_notes(persona_path, "kim") == sample()
    assert persona_path.read_text(encoding="utf-8") == "schema: 1\nid: kim\nname: Kim\n"  # persona untouched


def test_sidecar_text_is_deterministic_and_keeps_swedish_letters():
    text = notes_to_text(sample())
    assert text == notes_to_text(WorkshopNotes("kim", dict(reversed(list(sample().notes.items())))))
    assert "återkoppling" in text
    assert text.index("broken-handover@skolstart") < text.index("unanswered-signal@sprak")


def test_empty_notes_are_dropped():
    notes = sample().with_note("broken-handover@skolstart", GapNote())
    assert list(notes.notes) == ["unanswered-signal@sprak"]


def test_changes_to_one_note():
    note = GapNote.plain("a", 1, ("x", "y"))
    assert set_text("b")(note).text == "b"
    assert add_votes(2)(note).votes == 3
    assert add_votes(-5)(note).votes == 0
    assert add_idea("  z ")(note).ideas == ("x", "y", "z")
    assert add_idea("   ")(note) == note
    assert remove_idea(0)(note).ideas == ("y",)


def test_update_note_keeps_what_others_saved(persona_path: Path):
    save_notes(persona_path, sample())
    update_note(persona_path, "kim", "new@x", set_text("Ny anteckning"))
    update_note(persona_path, "kim", "unanswered-signal@sprak", add_votes(1))
    notes = load_notes(persona_path, "kim")
    assert notes.note("new@x").text == "Ny anteckning"
    assert notes.note("unanswered-signal@sprak").votes == 4
    assert notes.note("broken-handover@skolstart").votes == 1


@pytest.mark.parametrize(
    "body, key, line",
    [
        ("- a\n- b\n", "workshop.not_mapping", 1),
        ("schema: 1\npersona: kim\ngaps:\n  g@x:\n    votes: -2\n", "workshop.bad_votes", 5),
        ("schema: 1\npersona: kim\ngaps:\n  g@x:\n    votes: many\n", "workshop.bad_votes", 5),
        ("schema: 1\npersona: kim\ngaps:\n  g@x:\n    text: a\n    colour: red\n", "workshop.unknown_key", 6),
        ("schema: 1\npersona: kim\ngaps:\n  g@x:\n    ideas: just one\n", "workshop.bad_ideas", 5),
        ("schema: 1\npersona: kim\ngaps: [a, b]\n", "workshop.gaps_not_mapping", 3),
        ("schema: 1\npersona: noor\ngaps: {}\n", "workshop.other_persona", 2),
        ("schema: 2\npersona: kim\n", "workshop.schema_version", 1),
        ("schema: 1\ngaps: {}\n", "workshop.no_persona", 1),
        ("schema: 1\npersona: kim\ngaps:\n  g@x: {text: 'unclosed\n", "yaml.unclosed_quote", None),
    ],
)
def test_malformed_sidecar_is_refused_with_its_line(persona_path: Path, sv, body: str, key: str, line: int | None):
    sidecar_path(persona_path).write_text(body, encoding="utf-8")
    with pytest.raises(WorkshopNotesInvalid) as caught:
        load_notes(persona_path, "kim")
    problem = caught.value.problems[0]
    assert problem.key == key
    if line is not None:
        assert problem.position.line == line
    first = caught.value.lines(sv)[0]
    assert first.startswith(f"{sidecar_path(persona_path)}:")
    assert "\n" not in first and sv.has(key) and key not in first


def test_wellformed_sidecar_is_quiet(persona_path: Path):
    sidecar_path(persona_path).write_text(
        "schema: 1\npersona: kim\ngaps:\n  g@x:\n    text: Bra\n    votes: 2\n    ideas: [a]\n  h@y:\n", encoding="utf-8"
    )
    notes = load_notes(persona_path, "kim")
    assert notes.note("g@x") == GapNote.plain("Bra", 2, ("a",))
    assert notes.note("h@y") == GapNote()


def test_sidecar_error_is_a_persona_error_for_the_cli_and_app():
    from persona.errors import PersonaError

    with pytest.raises(PersonaError):
        notes_from_text("persona: kim\ngaps: 3\n", "x.workshop.yaml", "kim")


def test_failed_rename_leaves_old_notes_and_no_temp_file(persona_path: Path, monkeypatch):
    save_notes(persona_path, sample())
    before = sidecar_path(persona_path).read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_notes(persona_path, WorkshopNotes("kim", {"x@y": GapNote.plain("ny")}))
    assert sidecar_path(persona_path).read_bytes() == before
    assert sorted(p.name for p in persona_path.parent.iterdir()) == ["kim.workshop.yaml", "kim.yaml"]


def test_failed_write_leaves_no_sidecar_and_no_temp_file(persona_path: Path, monkeypatch):
    def broken_fsync(fd):
        raise OSError("i/o error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        save_notes(persona_path, sample())
    assert sorted(p.name for p in persona_path.parent.iterdir()) == ["kim.yaml"]


def test_no_swedish_in_the_module():
    source = Path(workshop.__file__).read_text(encoding="utf-8").split('"""', 2)[2]
    code = "\n".join(line for line in source.splitlines() if not line.strip().startswith("#"))
    assert not any(ch in code for ch in "åäöÅÄÖ")


# --- merged, never replaced ---

def test_two_authors_notes_on_one_gap_are_both_kept(persona_path: Path):
    update_note(persona_path, "kim", "g@x", set_text("Förskolan visste", "Grupp 1", "", at="2026-11-29T10:00:00+01:00"))
    update_note(persona_path, "kim", "g@x", set_text("BVC visste också", "Grupp 2", "", at="2026-11-29T10:01:00+01:00"))
    note = load_notes(persona_path, "kim").note("g@x")
    assert [(e.by, e.text, e.at[11:16]) for e in note.entries] == [
        ("Grupp 1", "Förskolan visste", "10:00"), ("Grupp 2", "BVC visste också", "10:01")]
    assert note.text == "Förskolan visste\n\nBVC visste också" and not note.has_conflict


def test_an_author_edits_their_own_note(persona_path: Path):
    update_note(persona_path, "kim", "g@x", set_text("Första", "Grupp 1", ""))
    update_note(persona_path, "kim", "g@x", set_text("Andra", "Grupp 1", "Första"))
    assert [e.text for e in load_notes(persona_path, "kim").note("g@x").entries] == ["Andra"]
    update_note(persona_path, "kim", "g@x", set_text("", "Grupp 1", "Andra"))
    assert load_notes(persona_path, "kim").note("g@x").entries == ()


def test_a_conflicting_edit_is_kept_beside_and_flagged(persona_path: Path):
    """Two tabs of Grupp 1 both showed "Första"; the second save must not drop the first."""
    update_note(persona_path, "kim", "g@x", set_text("Första", "Grupp 1", ""))
    update_note(persona_path, "kim", "g@x", set_text("Från flik A", "Grupp 1", "Första"))
    update_note(persona_path, "kim", "g@x", set_text("Från flik B", "Grupp 1", "Första"))
    note = load_notes(persona_path, "kim").note("g@x")
    assert [(e.text, e.conflict) for e in note.entries] == [("Från flik A", False), ("Från flik B", True)]
    assert note.has_conflict
    assert "conflict: true" in sidecar_path(persona_path).read_text(encoding="utf-8")


def test_removing_an_idea_someone_else_moved_or_removed(persona_path: Path):
    for idea in ("a", "b", "c"):
        update_note(persona_path, "kim", "g@x", add_idea(idea, "Grupp 1"))
    seen = load_notes(persona_path, "kim").note("g@x").idea_entries
    update_note(persona_path, "kim", "g@x", remove_idea(0, seen[0]))  # another browser removes "a"
    update_note(persona_path, "kim", "g@x", remove_idea(1, seen[1]))  # this one still shows "b" second
    assert load_notes(persona_path, "kim").note("g@x").ideas == ("c",)
    update_note(persona_path, "kim", "g@x", remove_idea(0, seen[0]))  # "a" is gone already: nothing happens
    assert load_notes(persona_path, "kim").note("g@x").ideas == ("c",)


def test_the_older_form_is_read_and_kept_plain(persona_path: Path):
    text = "schema: 1\npersona: kim\ngaps:\n  g@x:\n    text: Bra\n    votes: 2\n    ideas:\n    - a\n"
    sidecar_path(persona_path).write_text(text, encoding="utf-8")
    notes = load_notes(persona_path, "kim")
    assert notes_to_text(notes) == text


def test_leftovers_of_a_killed_writer_are_removed_at_the_next_save(persona_path: Path):
    folder = persona_path.parent
    notes_leftover = folder / ".kim.abcd1234.workshop.yaml.tmp"
    persona_leftover = folder / ".kim.wxyz5678.yaml.tmp"
    notes_leftover.write_text("half", encoding="utf-8")
    persona_leftover.write_text("half", encoding="utf-8")
    update_note(persona_path, "kim", "g@x", add_votes(1))
    assert not notes_leftover.exists() and persona_leftover.exists()  # only the sidecar's own


def test_a_note_with_personal_data_is_refused_and_nothing_changes(persona_path: Path):
    save_notes(persona_path, sample())
    before = sidecar_path(persona_path).read_bytes()
    with pytest.raises(workshop.NoteRefused):
        update_note(persona_path, "kim", "unanswered-signal@sprak", set_text("ring 070-123 45 67", "Grupp 1"))
    assert sidecar_path(persona_path).read_bytes() == before


def test_a_persona_save_removes_only_its_own_leftovers(persona_path: Path):
    from persona.saving import open_for_edit, save

    folder = persona_path.parent
    own, sidecars = folder / ".kim.abcd1234.yaml.tmp", folder / ".kim.abcd1234.workshop.yaml.tmp"
    own.write_text("half", encoding="utf-8")
    sidecars.write_text("half", encoding="utf-8")
    opened = open_for_edit(persona_path)
    save(opened, opened.yaml_text + "summary: Ny\n")
    assert not own.exists() and sidecars.exists()
