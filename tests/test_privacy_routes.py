"""The privacy corpus: every format the guard must catch, on every route text enters by — and the
look-alikes it must leave alone on the same routes."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from journeys.workshop import (
    GapNote,
    NoteRefused,
    WorkshopNotes,
    WorkshopNotesInvalid,
    add_idea,
    load_notes,
    notes_from_text,
    set_text,
    sidecar_path,
    update_note,
)
from persona.errors import PersonaInvalid, VocabularyInvalid
from persona.load import parse_persona
from persona.privacy import DASHES, check_texts, find_personal_data, normalise
from persona.vocabulary import load_vocabulary
from tests.conftest import persona_text

# (YAML scalar as written in a double-quoted value, kind). Each is personal data once parsed.
QUOTED_FORMATS = [
    ("811218-9876", "personnummer"),
    ("811218\u20139876", "personnummer"),  # en dash, as word processors write it
    ("811218\u20149876", "personnummer"),  # em dash
    ("811218\u22129876", "personnummer"),  # minus sign
    ("811218 9876", "personnummer"),
    ("811218\u00a09876", "personnummer"),  # no-break space
    ("8112\u200b18-9876", "personnummer"),  # zero-width space inside
    ("811218\u00ad-9876", "personnummer"),  # soft hyphen
    ("\uff18\uff11\uff11\uff12\uff11\uff18-\uff19\uff18\uff17\uff16", "personnummer"),  # full-width digits
    ("19811218\\x2D9876", "personnummer"),  # YAML escape for "-"
    ("19811218\\u20139876", "personnummer"),  # YAML escape for an en dash
    ("8112\\\n    18-9876", "personnummer"),  # a line continuation splits the number
    ("(070) 123 45 67", "phone"),
    ("070/123 45 67", "phone"),
    ("070.123 45 67", "phone"),
    ("070\u2011123 45 67", "phone"),  # non-breaking hyphen
    ("+46\u00a070\u00a0123\u00a045\u00a067", "phone"),
    ("kalle.anka\\u0040kommun.se", "email"),  # YAML escape for "@"
    ("kalle.anka\uff20kommun.se", "email"),  # full-width at sign
    ("kalle\u200b.anka@kommun.se", "email"),
]

LOOK_ALIKES = [
    "811218-9875", "2004-05-12", "20040512", "12.5 år, 2004", "10 000 kr", "2019-2021", "vecka 0-6",
    "version 1.2.3.4", "@kommun", "SIP 14.5", "kl 08.30-09.15", "5.12.2004", "05.12.2004", "0-6 år",
    "070 är ett riktnummer", "rum 0.12", "2004\u20132010",
]


def _ids(cases):
    return [repr(text)[:30] for text, _ in cases]


def test_every_dash_is_read_as_a_dash():
    """DASHES holds every Unicode dash that NFKC leaves alone."""
    import sys

    left = [chr(c) for c in range(sys.maxunicode + 1)
            if unicodedata.category(chr(c)) == "Pd" and unicodedata.normalize("NFKC", chr(c)) != "-"]
    assert [c for c in left if c not in DASHES] == []


def test_normalising_keeps_columns():
    normal, origin = normalise("a\u200bb\u2013c")
    assert normal == "ab-c" and origin == [0, 2, 3, 4]


@pytest.mark.parametrize("value, kind", QUOTED_FORMATS, ids=_ids(QUOTED_FORMATS))
def test_persona_value(value: str, kind: str):
    with pytest.raises(PersonaInvalid) as caught:
        parse_persona(persona_text(f'summary: "Se {value} här"\n'), "t.yaml")
    assert [p.key for p in caught.value.problems] == [f"privacy.{kind}"]
    assert caught.value.problems[0].position.line == 4


@pytest.mark.parametrize("value, kind", QUOTED_FORMATS, ids=_ids(QUOTED_FORMATS))
def test_scenario_label(value: str, kind: str):
    body = (f'scenarios:\n  - id: s\n    label: "Ring {value}"\n    changes:\n'
            "      - remove: x\n")
    with pytest.raises(PersonaInvalid) as caught:
        parse_persona(persona_text(body), "t.yaml")
    assert f"privacy.{kind}" in [p.key for p in caught.value.problems]


@pytest.mark.parametrize("value, kind", QUOTED_FORMATS, ids=_ids(QUOTED_FORMATS))
def test_vocabulary_label_and_strings(tmp_path: Path, value: str, kind: str):
    for body in (f'agencies:\n  bup: {{sv: "BUP {value}"}}\n',
                 f'strings:\n  sv:\n    render:\n      poster:\n        footer: "Ring {value}"\n'):
        path = tmp_path / "kommun.yaml"
        path.write_text(body, encoding="utf-8")
        with pytest.raises(VocabularyInvalid) as caught:
            load_vocabulary(path)
        assert f"privacy.{kind}" in [p.key for p in caught.value.problems], body


@pytest.mark.parametrize("value, kind", QUOTED_FORMATS, ids=_ids(QUOTED_FORMATS))
def test_sidecar_note_and_idea(value: str, kind: str):
    for gap in (f'    text: "Ring {value}"\n', f'    ideas: ["Ring {value}"]\n',
                f'    notes:\n      - {{text: "Ring {value}", by: Grupp 1}}\n'):
        text = "schema: 1\npersona: kim\ngaps:\n  g@x:\n" + gap
        with pytest.raises(WorkshopNotesInvalid) as caught:
            notes_from_text(text, "kim.workshop.yaml", "kim")
        assert f"privacy.{kind}" in [p.key for p in caught.value.problems], gap


def _parsed(value: str) -> str:
    """The string a double-quoted YAML value stands for."""
    import yaml

    return yaml.safe_load(f'x: "{value}"')["x"]


@pytest.mark.parametrize("value, kind", QUOTED_FORMATS, ids=_ids(QUOTED_FORMATS))
def test_typed_note_idea_and_author_are_refused_and_nothing_written(tmp_path: Path, value: str, kind: str):
    persona = tmp_path / "kim.yaml"
    typed = _parsed(value)
    for change in (set_text(f"Ring {typed}", "Grupp 1"), add_idea(f"Ring {typed}"), set_text("Bra", typed)):
        with pytest.raises(NoteRefused) as caught:
            update_note(persona, "kim", "g@x", change)
        assert [p.key for p in caught.value.problems] == [f"privacy.{kind}"]
        assert not sidecar_path(persona).exists()


@pytest.mark.parametrize("value, kind", QUOTED_FORMATS, ids=_ids(QUOTED_FORMATS))
def test_a_name_is_checked(value: str, kind: str):
    """An uploaded file's name (the app checks it before anything else)."""
    name = _parsed(value).replace("\n", "") + ".yaml"
    assert [p.key for p in check_texts([(name, None)])] == [f"privacy.{kind}"]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_stay_quiet_on_every_route(tmp_path: Path, text: str):
    assert find_personal_data(text) == []
    parse_persona(persona_text(f'summary: "{text}"\n'), "t.yaml")
    notes_from_text(f'schema: 1\npersona: kim\ngaps:\n  g@x:\n    text: "{text}"\n    ideas: ["{text}"]\n',
                    "kim.workshop.yaml", "kim")
    path = tmp_path / "kommun.yaml"
    path.write_text(f'agencies:\n  bup: {{sv: "BUP {text}"}}\n', encoding="utf-8")
    load_vocabulary(path)
    update_note(tmp_path / "kim.yaml", "kim", "g@x", set_text(text, "Grupp 1"))
    assert load_notes(tmp_path / "kim.yaml", "kim").note("g@x").text == text


def test_a_number_found_raw_and_parsed_is_told_once():
    with pytest.raises(PersonaInvalid) as caught:
        parse_persona(persona_text("summary: Bor på gatan, 811218-9876\n"), "t.yaml")
    assert len(caught.value.problems) == 1


def test_uploaded_notes_are_guarded_too():
    notes = WorkshopNotes("kim")
    with pytest.raises(NoteRefused):
        notes.changed("g@x", set_text("mejla kim@kommun.se"), "upload")
    assert notes.note("g@x") == GapNote()


# --- every export refuses ---

EXPORTS = {
    "timeline": ["render", "{file}", "--view", "timeline", "-o", "{out}.svg"],
    "chronology_html": ["render", "{file}", "--view", "chronology", "-o", "{out}.html"],
    "chronology_markdown": ["render", "{file}", "--view", "chronology", "-o", "{out}.md"],
    "poster": ["poster", "{file}", "-o", "{out}.pdf"],
    "gaps": ["gaps", "{file}"],
}
GOOD = "schema: 1\nid: kim\nname: Kim\nevents:\n  - {id: a, age: 1, kind: signal, agency: bvc, label: Oro}\n"


def _export(cli, name: str, file: Path, out: Path):
    return cli(*[part.format(file=file, out=out) for part in EXPORTS[name]])


@pytest.mark.parametrize("export", list(EXPORTS))
@pytest.mark.parametrize("value, kind", QUOTED_FORMATS, ids=_ids(QUOTED_FORMATS))
def test_every_export_refuses_a_persona_with_personal_data(cli, tmp_path: Path, export: str, value: str, kind: str):
    file = tmp_path / "kim.yaml"
    file.write_text(GOOD + f'summary: "Ring {value}"\n', encoding="utf-8")
    result = _export(cli, export, file, tmp_path / "out")
    assert result.code == 1, result.err
    assert "privacy" not in result.err and str(file) in result.err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("out")] == []


@pytest.mark.parametrize("export", ["chronology_html", "chronology_markdown", "poster"])
@pytest.mark.parametrize("where", ["text", "idea", "author"])
def test_exports_with_notes_refuse_personal_data_in_the_notes(cli, tmp_path: Path, export: str, where: str):
    file = tmp_path / "kim.yaml"
    file.write_text(GOOD, encoding="utf-8")
    gap = {"text": '    text: "Ring 070\\u2013123 45 67"\n',
           "idea": '    ideas: ["kim\\u0040skolan.se"]\n',
           "author": '    notes: [{text: Bra, by: "811218 9876"}]\n'}[where]
    sidecar_path(file).write_text("schema: 1\npersona: kim\ngaps:\n  any@a:\n" + gap, encoding="utf-8")
    result = _export(cli, export, file, tmp_path / "out")
    assert result.code == 1 and "kim.workshop.yaml:5:" in result.err, result.err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("out")] == []


@pytest.mark.parametrize("export", list(EXPORTS))
def test_every_export_refuses_a_vocabulary_with_personal_data(cli, tmp_path: Path, export: str):
    file = tmp_path / "kim.yaml"
    file.write_text(GOOD, encoding="utf-8")
    vocabulary = tmp_path / "kommun.yaml"
    vocabulary.write_text('agencies:\n  bvc: {sv: "BVC, ring 070/123 45 67"}\n', encoding="utf-8")
    result = _export(cli, export, file, tmp_path / "out")
    assert result.code == 0  # without the vocabulary: fine
    result = cli("--vocabulary", vocabulary, *[p.format(file=file, out=tmp_path / "out2") for p in EXPORTS[export]])
    assert result.code == 2 and f"{vocabulary}:2:" in result.err, result.err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("out2")] == []
