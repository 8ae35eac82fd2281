"""Paper: ISO sizes, and placing one PDF page (a Graphviz drawing) on another, kept vector."""

from __future__ import annotations

import io
from typing import Sequence

MM = 72 / 25.4
ISO_MM = {"A0": (841, 1189), "A1": (594, 841), "A2": (420, 594), "A3": (297, 420), "A4": (210, 297)}
POSTER_SIZES = ("A0", "A1", "A2", "A3")
TILE_SIZES = ("A4", "A3")
ORIENTATIONS = ("landscape", "portrait")


def page_size(size: str, orientation: str = "portrait") -> tuple[float, float]:
    """Width and height in points of an ISO A size."""
    short, long = (v * MM for v in ISO_MM[size])
    return (long, short) if orientation == "landscape" else (short, long)


def merge_drawings(base: bytes, placements: Sequence[tuple[bytes, float, float, float]]) -> bytes:
    """The base PDF's first page with each drawing's first page placed on it at (x, y) (its
    lower-left corner, points from the lower left) and scaled; everything stays vector.

    Each drawing becomes a form XObject drawn with one ``cm … Do``: its content stream is
    copied as it is, never parsed, so placing even a large timeline is quick. The plain PDFs
    that reportlab and Graphviz write are placed directly (:mod:`journeys.render.plainpdf`);
    any other PDF goes through pypdf."""
    from journeys.render.plainpdf import NotPlainPdf, place_drawings

    try:
        return place_drawings(base, placements)
    except NotPlainPdf:
        return merge_with_pypdf(base, placements)


def merge_with_pypdf(base: bytes, placements: Sequence[tuple[bytes, float, float, float]]) -> bytes:
    """:func:`merge_drawings` for any PDF pypdf reads (slower: every object is parsed)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_page(PdfReader(io.BytesIO(base)).pages[0])
    resources = page.setdefault(NameObject("/Resources"), DictionaryObject())
    xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject())
    drawing_ops = []
    for index, (pdf, x, y, scale) in enumerate(placements):
        name = NameObject(f"/Drawing{index}")
        xobjects[name] = writer._add_object(_form(PdfReader(io.BytesIO(pdf)).pages[0], writer))
        drawing_ops.append(f"q {scale:.6f} 0 0 {scale:.6f} {x:.4f} {y:.4f} cm {name} Do Q")
    contents = page.get_contents()
    data = (contents.get_data() if contents is not None else b"") + ("\n" + "\n".join(drawing_ops) + "\n").encode("ascii")
    page.replace_contents(_stream(data))
    return _written(writer)


def _stream(data: bytes):
    from pypdf.generic import DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream.flate_encode()


def _form(page, writer):
    """A PDF page as a form XObject (its content, resources and box, unparsed)."""
    from pypdf.generic import ArrayObject, FloatObject, NameObject

    raw = page["/Contents"].get_object()
    parts = raw if isinstance(raw, list) else [raw]
    data = b"\n".join(part.get_object().get_data() for part in parts)
    form = _stream(data)
    box = page.mediabox
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([FloatObject(float(v)) for v in (box.left, box.bottom, box.right, box.top)])
    if "/Resources" in page:
        form[NameObject("/Resources")] = page["/Resources"].get_object().clone(writer)
    if "/Group" in page:
        form[NameObject("/Group")] = page["/Group"].get_object().clone(writer)
    return form


def _written(writer) -> bytes:
    writer.add_metadata({"/Producer": "journeys"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
