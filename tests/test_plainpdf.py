"""Placing Graphviz's drawings on the poster page without pypdf: the same page as pypdf makes,
and pypdf still takes over for any PDF that is not plain."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from functools import lru_cache

import pytest
from pypdf import PdfReader

from journeys import render
from journeys.render.fonts import register_fonts
from journeys.render.pages import merge_drawings, merge_with_pypdf
from journeys.render.plainpdf import NotPlainPdf, place_drawings, read_plain_pdf, renumbered
from tests.render_helpers import catalog, example


@lru_cache(maxsize=None)
def parts() -> tuple[bytes, tuple[tuple[bytes, float, float, float], ...]]:
    """A reportlab page with a line of Swedish text, and Kim's timeline, risk balance and
    ecomap drawn by Graphviz, each placed somewhere on it."""
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(1200, 900), invariant=1, pageCompression=1)
    canvas.setFont("JourneysSans-Bold", 24)
    canvas.drawString(40, 850, "Kims resa – vem såg barnet?")
    canvas.showPage()
    canvas.save()
    journey, text = example("kim"), catalog()
    drawings = (render.timeline(journey.graph, journey.gaps, text, legend=False), render.balance(journey.graph, text),
                render.ecomap(journey.graph, journey.gaps, text))
    placements = tuple((d.pdf(), 40.0, 40.0 + 250 * i, 0.45) for i, d in enumerate(drawings))
    return out.getvalue(), placements


def page_of(pdf: bytes):
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0]


def test_placed_directly_is_the_same_page_as_through_pypdf():
    base, placements = parts()
    direct, through_pypdf = page_of(place_drawings(base, placements)), page_of(merge_with_pypdf(base, placements))
    assert direct.mediabox == through_pypdf.mediabox
    assert direct.get_contents().get_data() == through_pypdf.get_contents().get_data()
    forms, expected = direct["/Resources"]["/XObject"], through_pypdf["/Resources"]["/XObject"]
    assert sorted(forms) == sorted(expected) == ["/Drawing0", "/Drawing1", "/Drawing2"]
    for name in forms:
        form, other = forms[name].get_object(), expected[name].get_object()
        assert form["/Subtype"] == "/Form"
        assert form.get_data() == other.get_data()
        assert [float(v) for v in form["/BBox"]] == [float(v) for v in other["/BBox"]]
        assert sorted(form["/Resources"]["/Font"]) == sorted(other["/Resources"]["/Font"])
    assert "Kims resa" in direct.extract_text()
    assert direct.extract_text() == through_pypdf.extract_text()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_placed_directly_looks_the_same_as_through_pypdf(tmp_path):
    base, placements = parts()
    pictures = []
    for name, pdf in (("direct", place_drawings(base, placements)), ("pypdf", merge_with_pypdf(base, placements))):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "36", "-png", "-singlefile", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True, capture_output=True)
        pictures.append((tmp_path / f"{name}.png").read_bytes())
    assert pictures[0] == pictures[1]


def test_the_same_parts_give_the_same_bytes():
    base, placements = parts()
    assert place_drawings(base, placements) == place_drawings(base, placements)
    assert merge_drawings(base, placements) == place_drawings(base, placements)


def with_incremental_update(pdf: bytes) -> bytes:
    """The same document with an (empty) incremental update appended, as editors write them."""
    previous = int(re.search(rb"startxref\s+(\d+)", pdf[-64:]).group(1))
    root = re.search(rb"/Root (\d+) 0 R", pdf[previous:]).group(1)
    size = re.search(rb"/Size (\d+)", pdf[previous:]).group(1)
    xref = len(pdf)
    update = (b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size " + size + b" /Root " + root
              + b" 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (previous, xref))
    return pdf + update


def test_any_other_pdf_goes_through_pypdf():
    base, placements = parts()
    updated = with_incremental_update(base)
    with pytest.raises(NotPlainPdf):
        read_plain_pdf(updated)
    merged = page_of(merge_drawings(updated, placements))
    assert sorted(merged["/Resources"]["/XObject"]) == ["/Drawing0", "/Drawing1", "/Drawing2"]
    assert "Kims resa" in merged.extract_text()


@pytest.mark.parametrize("broken", [b"", b"%PDF-1.4\nnot a pdf", b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\nstartxref\n999\n%%EOF\n"])
def test_what_is_not_plain_pdf_is_refused_cleanly(broken):
    with pytest.raises(NotPlainPdf):
        read_plain_pdf(broken)


def test_object_numbers_move_but_strings_stay():
    text = b"<< /Font 3 0 R /Kids [ 4 0 R 12 0 R ] /Title (see 3 0 R) >>"
    assert renumbered(text, {3: 30, 4: 40, 12: 120}) == b"<< /Font 30 0 R /Kids [ 40 0 R 120 0 R ] /Title (see 3 0 R) >>"
    with pytest.raises(NotPlainPdf):
        renumbered(b"<< /Parent 9 0 R >>", {3: 30})
