"""The mapping file and the extract it describes: every problem one line at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from persona.errors import PersonaUnreadable
from persona.vocabulary import load_vocabulary

from journeys.cohort.mapping import ExtractInvalid, MappingInvalid, read_mapping
from journeys.cohort.run import count_cohort
from tests.cohort_helpers import write_extract, write_table
from tests.conftest import EXAMPLES

MAPPING = EXAMPLES / "cohort" / "barnakten.mapping.yaml"
KID = {"child": "k1", "birth_month": "2015-03", "extract_date": "2025-12-31"}
SIGNAL = {"child": "k1", "event": "1", "date": "2020-05-04", "agency": "school", "kind": "signal"}


def _lines(tmp_path: Path, text: str, sv) -> list[str]:
    path = tmp_path / "case.mapping.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingInvalid) as caught:
        read_mapping(path, load_vocabulary())
    return caught.value.lines(sv)


def test_the_example_mapping_is_valid():
    mapping = read_mapping(MAPPING, load_vocabulary())
    assert mapping.files["events"] == "handelser.csv" and mapping.codes["agency"]["BUP"] == "bup"
    assert mapping.codes["child_heard"] == {"J": "true", "N": "false"}
    assert mapping.free_text == {"events": ("anteckning",)} and mapping.min_count == 5


def test_mapping_errors_name_file_line_and_column(tmp_path: Path, sv):
    lines = _lines(tmp_path, (
        "mapping: 1\n"
        "files: {children: barn.csv, events: h.csv, insatser: i.csv}\n"
        "columns:\n"
        "  events: {child: lopnr, event: nr, date: datum, agency: enhet, kind: typ, svar: x}\n"
        "codes:\n"
        "  agency: {BUP: bupp}\n"
        "  kinds: {ORO: report}\n"
        "age_bands: [0, 6, 3]\n"
    ), sv)
    text = "\n".join(lines)
    assert "case.mapping.yaml:2:44: okänd tabell 'insatser'" in text
    assert "case.mapping.yaml:4:76: okänt fält 'svar' i events" in text
    assert "case.mapping.yaml:6:17: koden 'BUP' översätts till 'bupp'" in text and "menade du 'bup'?" in text
    assert "case.mapping.yaml:7:3: okänd kodlista 'kinds' — menade du 'kind'?" in text
    assert "case.mapping.yaml:8:12: åldersbanden ska börja på 0" in text
    assert all(line.startswith(str(tmp_path)) for line in lines)


def test_shape_errors_come_from_the_model_with_positions(tmp_path: Path, sv):
    text = "\n".join(_lines(tmp_path, "mapping: 1\nfiles: {children: b.csv, events: e.csv}\nunknown_codes: skip\n"
                                      "disclosure: {min_count: 1}\nfoo: 2\n", sv))
    assert ":3:16:" in text and "skip" in text
    assert ":4:25: min_count är 1, men får inte vara mindre än 2" in text
    assert ":5:1: okänd nyckel 'foo'" in text


def test_required_tables_and_fields(tmp_path: Path, sv):
    mapping = "mapping: 1\nfiles: {events: e.csv}\ncolumns:\n  events: {child: a, agency: b}\n"
    text = "\n".join(_lines(tmp_path, mapping, sv))
    assert "tabellen 'children' saknas" in text
    assert "fältet 'kind' saknas för events" in text and "fältet 'event' saknas för events" in text
    assert "datum (date:) eller ålder (age:)" in text


def _run(folder: Path, mapping: Path):
    from tests.cohort_helpers import mapping_of

    return count_cohort(folder, mapping_of(mapping), load_vocabulary(), processes=1)


def test_a_column_the_mapping_names_must_be_in_the_file(tmp_path: Path, sv):
    mapping = write_extract(tmp_path, [KID], [SIGNAL], mapping=(
        "mapping: 1\nfiles: {children: children.csv, events: events.csv}\n"
        "columns:\n  events: {child: child, event: event, date: datum, agency: agency, kind: kind}\n"))
    with pytest.raises(ExtractInvalid) as caught:
        _run(tmp_path, mapping)
    assert caught.value.lines(sv) == [
        f"{mapping}:4:46: events.csv: kolumnen 'datum' finns inte — menade du 'date'?"]


def test_unknown_codes_stop_the_run_or_are_dropped_and_counted(tmp_path: Path, sv):
    events = [SIGNAL, {**SIGNAL, "event": "2", "agency": "XYZ"}, {**SIGNAL, "event": "3", "agency": "XYZ"}]
    base = "mapping: 1\nfiles: {children: children.csv, events: events.csv}\ncodes:\n  agency: {SKOLA: school}\n"
    mapping = write_extract(tmp_path / "error", [KID], events, mapping=base)
    with pytest.raises(ExtractInvalid) as caught:
        _run(tmp_path / "error", mapping)
    assert caught.value.lines(sv) == [
        f"{mapping}:4:3: events.csv: okänd kod 'XYZ' i kolumnen 'agency' (2 rader) — lägg till den under "
        "codes: agency: i mappningen, eller skriv unknown_codes: drop"]
    mapping = write_extract(tmp_path / "drop", [KID], events, mapping=base + "unknown_codes: drop\n")
    counts, dropped = _run(tmp_path / "drop", mapping)
    assert dropped["unknown_code:events.agency"] == 2 and counts.children == 1


def test_a_column_that_looks_like_personal_identity_numbers_is_refused(tmp_path: Path, sv):
    kid = {**KID, "child": "19121212-1212"}  # a valid check digit: Tolvan Tolvansson's test number
    mapping = write_extract(tmp_path, [kid], [{**SIGNAL, "child": "19121212-1212"}])
    with pytest.raises(ExtractInvalid) as caught:
        _run(tmp_path, mapping)
    lines = caught.value.lines(sv)
    assert any("children.csv: kolumnen 'child' innehåller personnummer (19…12)" in line for line in lines)
    assert all("19121212-1212" not in line for line in lines)


def test_numbers_that_only_look_like_identity_numbers_pass(tmp_path: Path):
    kid = {**KID, "child": "1912121212"}  # wrong check digit
    mapping = write_extract(tmp_path, [kid], [{**SIGNAL, "child": "1912121212"}])
    counts, _ = _run(tmp_path, mapping)
    assert counts.children == 1


def test_free_text_goes_through_the_personal_data_guard(tmp_path: Path, sv):
    write_extract(tmp_path, [KID], [])
    write_table(tmp_path, "events", [{**SIGNAL, "note": "ring mamma på 070-123 45 67"}],
                ("child", "event", "date", "agency", "kind", "note"))
    mapping = tmp_path / "free.mapping.yaml"
    mapping.write_text("mapping: 1\nfiles: {children: children.csv, events: events.csv}\n"
                       "free_text: {events: [note]}\n", encoding="utf-8")
    with pytest.raises(ExtractInvalid) as caught:
        _run(tmp_path, mapping)
    assert "kolumnen 'note' innehåller telefonnummer" in "\n".join(caught.value.lines(sv))


def test_a_missing_extract_file_is_unreadable(tmp_path: Path):
    mapping = write_extract(tmp_path, [KID], [SIGNAL])
    (tmp_path / "events.csv").unlink()
    with pytest.raises(PersonaUnreadable):
        _run(tmp_path, mapping)
