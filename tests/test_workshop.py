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
