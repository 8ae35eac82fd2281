"""The poster: exact ISO page sizes, a real text layer, embedded fonts, tiling, the privacy
guard; and the render/poster commands' clean failures."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from journeys.render.pages import page_size
from journeys.render.poster import PersonalDataRefused, poster_pdf
from journeys.render.tiles import tile_layout
from journeys.workshop import GapNote, WorkshopNotes
from persona.load import parse_persona, read_persona
from tests.conftest import EXAMPLES, persona_text
from tests.render_helpers import catalog, example

PERSONAL = persona_text("""
summary: "Ring mamma på 070-123 45 67"
events:
  - {id: a, age: 2, kind: signal, agency: preschool, label: Oro}
""")


@pytest.fixture(scope="module")
def kim_file():
    return read_persona(EXAMPLES / "kim.yaml")


@pytest.fixture(scope="module")
def kim_a1(kim_file):
    return PdfReader(io.BytesIO(poster_pdf(kim_file, catalog(), size="A1", orientation="landscape")))


def box(page) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


def test_a1_landscape_is_exactly_a1(kim_a1):
    assert len(kim_a1.pages) == 1
    width, height = box(kim_a1.pages[0])
    assert width == pytest.approx(2384, abs=1) and height == pytest.approx(1684, abs=1)


@pytest.mark.parametrize("size,orientation,expected", [
    ("A3", "portrait", (842, 1191)), ("A2", "landscape", (1684, 1191)), ("A0", "portrait", (2384, 3370))])
def test_other_sizes(kim_file, size, orientation, expected):
    pdf = PdfReader(io.BytesIO(poster_pdf(kim_file, catalog(), size=size, orientation=orientation)))
    width, height = box(pdf.pages[0])
    assert (width, height) == (pytest.approx(expected[0], abs=1), pytest.approx(expected[1], abs=1))


def test_text_layer_is_real_and_swedish(kim_a1):
    text = kim_a1.pages[0].extract_text()
    assert "Kim – en resa genom välfärden" in text
    assert "Var hamnar barnet mellan stolarna?" in text
    assert "Förskola och" in text  # a lane title on the timeline, still text
    assert "intervju-a" in text  # the footer names the sources


def test_fonts_are_embedded(kim_a1):
    fonts = []

    def collect(resources):
        for font in (resources.get("/Font") or {}).values():
            fonts.append(font.get_object())
        for xobject in (resources.get("/XObject") or {}).values():
            inner = xobject.get_object().get("/Resources")
            if inner is not None:
                collect(inner.get_object())

    collect(kim_a1.pages[0]["/Resources"].get_object())
    assert fonts
    for font in fonts:
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        descriptor = descriptor.get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")


def test_scenario_poster_names_the_scenario(kim_file):
    pdf = PdfReader(io.BytesIO(poster_pdf(kim_file, catalog(), size="A2", scenario="bro-vid-18")))
    assert "Tänk om: En bro till vuxenlivet vid 18" in pdf.pages[0].extract_text()


def test_notes_and_votes_appear(kim_file):
    gap = example("kim").gaps[0]
    notes = WorkshopNotes("kim", {gap.key: GapNote.plain(note_text="Ringde ingen tillbaka?", votes=4, ideas=("Kontaktperson",))})
    text = PdfReader(io.BytesIO(poster_pdf(kim_file, catalog(), size="A2", notes=notes))).pages[0].extract_text()
    assert "Ringde ingen tillbaka?" in text and "Röster: 4" in text and "Kontaktperson" in text


@pytest.mark.parametrize("tile", ["A4", "A3"])
def test_tiles_cover_the_poster_numbered_row_column(kim_file, tile):
    pdf = PdfReader(io.BytesIO(poster_pdf(kim_file, catalog(), size="A1", tile=tile)))
    orientation, rows, columns = tile_layout(*page_size("A1", "landscape"), tile)
    assert len(pdf.pages) == rows * columns > 1
    expected = page_size(tile, orientation)
    for index, page in enumerate(pdf.pages):
        assert box(page) == (pytest.approx(expected[0], abs=1), pytest.approx(expected[1], abs=1))
        row, column = divmod(index, columns)
        assert f"Rad {row + 1} – kolumn {column + 1} (av {rows} × {columns})" in page.extract_text()


def test_a1_on_a4_needs_more_sheets_than_on_a3():
    a4 = tile_layout(*page_size("A1", "landscape"), "A4")
    a3 = tile_layout(*page_size("A1", "landscape"), "A3")
    assert a4[1] * a4[2] > a3[1] * a3[2] >= 4


def test_personal_data_is_refused():
    persona_file = parse_persona(PERSONAL, "p.yaml", privacy="warning")
    with pytest.raises(PersonalDataRefused) as caught:
        poster_pdf(persona_file, catalog())
    lines = caught.value.lines(catalog())
    assert "affischen görs inte" in lines[0]
    assert any("telefonnummer" in line for line in lines[1:])


def test_cli_refuses_personal_data_and_writes_nothing(cli, tmp_path):
    source = tmp_path / "p.yaml"
    source.write_text(PERSONAL, encoding="utf-8")
    out = tmp_path / "p.pdf"
    result = cli("poster", source, "-o", out)
    assert result.code == 1
    assert "affischen görs inte" in result.err and "Traceback" not in result.err
    assert not out.exists()


def test_cli_poster_writes_a_pdf(cli, tmp_path):
    out = tmp_path / "noor.pdf"
    result = cli("poster", EXAMPLES / "noor.yaml", "--size", "A3", "--orientation", "portrait", "-o", out)
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["noor.pdf"]


@pytest.mark.parametrize("args,message", [
    (["--view", "ecomap", "--format", "html"], "passar inte vyn ecomap"),
    (["--view", "chronology", "--format", "svg"], "passar inte vyn chronology"),
    (["--view", "balance", "--until", "5"], "--until går bara med --view timeline"),
    (["--compare"], "--compare behöver --scenario"),
    (["--until", "40"], "utanför 0–25"),
    (["--format", "png"], "ange -o FIL"),
    (["--view", "chronology", "--theme", "projector", "--format", "html"], "--theme gäller bilder"),
])
def test_cli_render_refuses_bad_combinations_in_one_line(cli, args, message):
    result = cli("render", EXAMPLES / "kim.yaml", *args)
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_cli_poster_refuses_tiles_as_big_as_the_poster(cli, tmp_path):
    result = cli("poster", EXAMPLES / "kim.yaml", "--size", "A3", "--tile", "A3", "-o", tmp_path / "x.pdf")
    assert result.code == 2 and "mindre än affischen" in result.err
    assert not (tmp_path / "x.pdf").exists()


def test_cli_unknown_scenario_is_one_clean_line(cli, tmp_path):
    result = cli("render", EXAMPLES / "kim.yaml", "--scenario", "finns-inte", "-o", tmp_path / "x.svg")
    assert result.code != 0 and "Traceback" not in result.err
    assert not (tmp_path / "x.svg").exists()


@pytest.mark.parametrize("view,fmt,start", [
    ("timeline", "svg", b"<?xml"), ("ecomap", "png", b"\x89PNG"), ("balance", "pdf", b"%PDF"),
    ("timeline", "dot", b"digraph"), ("chronology", "html", b"<!DOCTYPE html>"), ("chronology", "markdown", b"# ")])
def test_cli_render_every_view_and_format(cli, tmp_path, view, fmt, start):
    out = tmp_path / f"out.{fmt}"
    result = cli("render", EXAMPLES / "elias.yaml", "--view", view, "--format", fmt, "-o", out)
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(start)


def test_cli_render_scenario_comparison_and_until(cli, tmp_path):
    out = tmp_path / "c.dot"
    result = cli("render", EXAMPLES / "kim.yaml", "--scenario", "sip-mellanstadiet", "--compare", "--until", "14",
                 "--theme", "projector", "-o", out)
    assert result.code == 0, result.err
    assert "s2-sip" in out.read_text(encoding="utf-8")


def test_cli_chronology_includes_the_rooms_notes(cli, tmp_path):
    source = tmp_path / "kim.yaml"
    source.write_text((EXAMPLES / "kim.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    gap = example("kim").gaps[0]
    (tmp_path / "kim.workshop.yaml").write_text(
        f"schema: 1\npersona: kim\ngaps:\n  {gap.key}:\n    text: Vem ringde?\n    votes: 2\n", encoding="utf-8")
    result = cli("render", source, "--view", "chronology", "--format", "markdown")
    assert result.code == 0, result.err
    assert "Vem ringde?" in result.out and "Röster: 2" in result.out


def _poster_text(persona_file, size: str) -> str:
    pdf = PdfReader(io.BytesIO(poster_pdf(persona_file, catalog(), size=size, orientation="landscape")))
    return " ".join(pdf.pages[0].extract_text().split())


def test_a_poster_with_room_names_no_gaps_left_out(kim_file):
    assert "fick inte plats" not in _poster_text(kim_file, "A0")
