"""Placing Graphviz's PDF drawings on the poster's page without a general PDF library.

reportlab (the page) and cairo inside Graphviz (the drawings) both write plain PDF: one
cross-reference table, no object streams, no encryption. For such files the objects are found
through the table and copied as they are: a drawing's page becomes a form XObject whose
content is its content stream, still compressed, and its fonts and resources are copied byte
for byte with their object numbers moved. Reading and writing that way takes milliseconds,
where parsing every object with pypdf (and importing it) took a tenth of a second per poster.

Anything else (an object stream, an incremental update, encryption, a page that is not as
expected) raises :class:`NotPlainPdf`, and :func:`journeys.render.pages.merge_drawings`
falls back on pypdf.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
PRODUCER = b"<< /Producer (journeys) >>"
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+)\s+(\d+)\s*\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_REF_OR_STRING = re.compile(rb"\((?:[^()\\]|\\.)*\)|(\d+)\s+0\s+R(?![A-Za-z0-9])")
_DICTIONARY_TOKEN = re.compile(rb"<<|>>|[(<%]")
_LINE_END = re.compile(rb"[\r\n]")
_UNSUPPORTED = (b"/Encrypt", b"/Prev", b"/XRefStm")


class NotPlainPdf(ValueError):
    """A PDF this module does not read (pypdf does)."""


@dataclass(frozen=True)
class PdfObject:
    """One indirect object: its dictionary or value as written, and its stream's bytes as
    stored (still compressed), if it has one."""

    head: bytes
    stream: bytes | None = None


@dataclass(frozen=True)
class PlainPdf:
    objects: dict[int, PdfObject]
    trailer: bytes

    def get(self, number: int) -> PdfObject:
        if number not in self.objects:
            raise NotPlainPdf(f"no object {number}")
        return self.objects[number]

    def ref(self, pdf: bytes, key: bytes) -> int:
        """The object number a ``/Key N 0 R`` entry of ``pdf`` points to."""
        found = re.search(re.escape(key) + rb"\s+(\d+)\s+0\s+R", pdf)
        if found is None:
            raise NotPlainPdf(f"no {key.decode()} reference")
        return int(found.group(1))

    def only_page(self) -> int:
        """The number of the page object of a one-page document."""
        pages = self.get(self.ref(self.trailer, b"/Root")).head
        kids = re.search(rb"/Kids\s*\[\s*(\d+)\s+0\s+R\s*\]", self.get(self.ref(pages, b"/Pages")).head)
        if kids is None:
            raise NotPlainPdf("not exactly one page")
        return int(kids.group(1))


# --- reading ---------------------------------------------------------------------------------
def read_plain_pdf(data: bytes) -> PlainPdf:
    """The objects of a plain PDF, found through its cross-reference table."""
    end = _STARTXREF.search(data[-64:])
    if end is None:
        raise NotPlainPdf("no startxref at the end")
    xref = int(end.group(1))
    if not data.startswith(b"xref", xref):
        raise NotPlainPdf("cross-reference stream")
    trailer_at = data.find(b"trailer", xref)
    if trailer_at < 0:
        raise NotPlainPdf("no trailer")
    trailer = data[trailer_at + len(b"trailer"):len(data) - len(end.group(0))]
    if any(key in trailer for key in _UNSUPPORTED):
        raise NotPlainPdf("encrypted or updated")
    offsets = _offsets(data[xref + len(b"xref"):trailer_at])
    bounds = sorted(offsets.values()) + [xref]
    following = {start: bounds[i + 1] for i, start in enumerate(bounds[:-1])}
    raw = {number: _object_bytes(data, number, start, following[start]) for number, start in offsets.items()}
    objects = {number: _split_stream(body, raw) for number, body in raw.items()}
    if any(b"/ObjStm" in o.head or b"/XRef" in o.head for o in objects.values()):
        raise NotPlainPdf("object streams")
    return PlainPdf(objects, trailer)


def _offsets(table: bytes) -> dict[int, int]:
    offsets, position = {}, _skip_space(table, 0)
    while position < len(table):
        section = _SUBSECTION.match(table, position)
        if section is None:
            raise NotPlainPdf("bad cross-reference subsection")
        first, count = int(section.group(1)), int(section.group(2))
        position = section.end()
        for number in range(first, first + count):
            entry = _ENTRY.match(table, position)
            if entry is None:
                raise NotPlainPdf("bad cross-reference entry")
            position = _skip_space(table, entry.end())
            if entry.group(3) == b"n":
                if entry.group(2) != b"00000":
                    raise NotPlainPdf("object generations")
                offsets[number] = int(entry.group(1))
    if not offsets:
        raise NotPlainPdf("empty cross-reference table")
    return offsets


def _skip_space(data: bytes, position: int) -> int:
    while position < len(data) and data[position] in b" \t\r\n":
        position += 1
    return position


def _object_bytes(data: bytes, number: int, start: int, end: int) -> bytes:
    """What stands between ``N 0 obj`` and ``endobj``."""
    header = re.compile(rb"\s*%d\s+0\s+obj" % number).match(data, start)
    close = data.rfind(b"endobj", start, end)
    if header is None or close < 0:
        raise NotPlainPdf(f"object {number} is not where the table says")
    return data[header.end():close]


def _split_stream(body: bytes, raw: dict[int, bytes]) -> PdfObject:
    stripped = body.lstrip()
    if not stripped.startswith(b"<<"):
        return PdfObject(body.strip())
    end = _dictionary_end(stripped)
    head, rest = stripped[:end], stripped[end:]
    keyword = re.match(rb"\s*stream\r?\n", rest)
    if keyword is None:
        return PdfObject(head)
    length = _stream_length(head, raw)
    data = rest[keyword.end():keyword.end() + length]
    if len(data) != length or not rest[keyword.end() + length:].strip().startswith(b"endstream"):
        raise NotPlainPdf("stream length")
    return PdfObject(head, data)


def _stream_length(head: bytes, raw: dict[int, bytes]) -> int:
    indirect = re.search(rb"/Length\s+(\d+)\s+0\s+R", head)
    if indirect:
        value = raw.get(int(indirect.group(1)), b"").strip()
        if not value.isdigit():
            raise NotPlainPdf("stream length")
        return int(value)
    direct = re.search(rb"/Length\s+(\d+)", head)
    if direct is None:
        raise NotPlainPdf("stream length")
    return int(direct.group(1))


def _dictionary_end(pdf: bytes) -> int:
    """The index just after the ``>>`` that closes the dictionary ``pdf`` starts with
    (strings, hex strings and comments skipped)."""
    depth, position = 0, 0
    while True:
        token = _DICTIONARY_TOKEN.search(pdf, position)
        if token is None:
            raise NotPlainPdf("unclosed dictionary")
        mark = token.group()
        if mark == b"<<":
            depth, position = depth + 1, token.end()
        elif mark == b">>":
            depth, position = depth - 1, token.end()
            if depth == 0:
                return position
        elif mark == b"(":
            position = _string_end(pdf, token.start())
        elif mark == b"%":  # a comment, to the end of its line (cairo writes "/Type /Page % 1")
            line_end = _LINE_END.search(pdf, token.end())
            position = line_end.end() if line_end else len(pdf)
        else:
            position = pdf.find(b">", token.end()) + 1
            if position == 0:
                raise NotPlainPdf("unclosed hex string")


def _string_end(pdf: bytes, position: int) -> int:
    depth = 0
    while position < len(pdf):
        char = pdf[position:position + 1]
        if char == b"\\":
            position += 2
            continue
        depth += {b"(": 1, b")": -1}.get(char, 0)
        position += 1
        if depth == 0:
            return position
    raise NotPlainPdf("unclosed string")


def renumbered(pdf: bytes, numbers: dict[int, int]) -> bytes:
    """``pdf`` with every ``N 0 R`` pointing to ``numbers[N]`` (strings left alone)."""
    def replace(match: re.Match) -> bytes:
        if match.group(1) is None:
            return match.group(0)
        if int(match.group(1)) not in numbers:
            raise NotPlainPdf(f"reference to an object not copied: {match.group(1).decode()}")
        return b"%d 0 R" % numbers[int(match.group(1))]
    return _REF_OR_STRING.sub(replace, pdf)


# --- placing drawings ------------------------------------------------------------------------
def place_drawings(base: bytes, placements: Sequence[tuple[bytes, float, float, float]]) -> bytes:
    """The base's one page with each drawing's page drawn on it at (x, y), scaled (the same
    result as :func:`journeys.render.pages.merge_drawings`)."""
    page_pdf = read_plain_pdf(base)
    objects = dict(page_pdf.objects)
    page = page_pdf.only_page()
    next_number = max(objects) + 1
    names, operations = [], []
    for index, (pdf, x, y, scale) in enumerate(placements):
        form, next_number = _copy_drawing(read_plain_pdf(pdf), objects, next_number)
        names.append(b"/Drawing%d %d 0 R" % (index, form))
        operations.append(f"q {scale:.6f} 0 0 {scale:.6f} {x:.4f} {y:.4f} cm /Drawing{index} Do Q")
    extra = ("\n" + "\n".join(operations) + "\n").encode("ascii")
    objects[next_number] = PdfObject(b"<< /Length %d >>" % len(extra), extra)
    objects[page] = PdfObject(_page_with_drawings(page_pdf.get(page).head, names, next_number))
    info = page_pdf.ref(page_pdf.trailer, b"/Info") if b"/Info" in page_pdf.trailer else next_number + 1
    objects[info] = PdfObject(PRODUCER)
    return _written(objects, page_pdf.ref(page_pdf.trailer, b"/Root"), info)


def _copy_drawing(drawing: PlainPdf, objects: dict[int, PdfObject], next_number: int) -> tuple[int, int]:
    """Copy what a drawing's page uses into ``objects`` under new numbers, the page itself as
    a form XObject; the form's number and the next free number."""
    page = drawing.get(drawing.only_page()).head
    contents = drawing.ref(page, b"/Contents")
    content = drawing.get(contents)
    uses = [value for value in (_entry(page, b"/Resources"), _entry(page, b"/Group")) if value is not None]
    kept = _reachable(drawing, [content.head, *uses])
    if contents in kept or content.stream is None:
        raise NotPlainPdf("page contents")
    numbers = {old: next_number + i for i, old in enumerate(kept)}
    form = next_number + len(kept)
    for old in kept:
        source = drawing.objects[old]
        objects[numbers[old]] = PdfObject(renumbered(source.head, numbers), source.stream)
    objects[form] = PdfObject(_form_head(renumbered(content.head, numbers), page, numbers), content.stream)
    return form, form + 1


def _references(pdf: bytes) -> list[int]:
    return [int(m.group(1)) for m in _REF_OR_STRING.finditer(pdf) if m.group(1) is not None]


def _reachable(pdf: PlainPdf, heads: list[bytes]) -> list[int]:
    """The objects the given dictionaries refer to, directly or through others, in order."""
    seen: set[int] = set()
    waiting = [n for head in heads for n in _references(head)]
    while waiting:
        number = waiting.pop()
        if number in seen:
            continue
        if number not in pdf.objects:
            raise NotPlainPdf(f"reference to a missing object {number}")
        seen.add(number)
        waiting += _references(pdf.objects[number].head)
    return sorted(seen)


def _form_head(content_head: bytes, page: bytes, numbers: dict[int, int]) -> bytes:
    """The content stream's dictionary as a form XObject's: its box, resources and group."""
    box = re.search(rb"/MediaBox\s*\[([^\]]*)\]", page)
    if box is None:
        raise NotPlainPdf("no media box")
    extra = [b"/Type /XObject", b"/Subtype /Form", b"/BBox [" + box.group(1) + b"]"]
    for key in (b"/Resources", b"/Group"):
        value = _entry(page, key)
        if value is not None:
            extra.append(key + b" " + renumbered(value, numbers))
    inner = content_head.strip()[:-2]
    if re.search(rb"/(Type|Subtype|BBox|Resources|Group)\b", inner):
        raise NotPlainPdf("content stream with form keys")
    return inner + b"\n" + b"\n".join(extra) + b"\n>>"


def _entry(dictionary: bytes, key: bytes) -> bytes | None:
    """The value of ``key`` in a dictionary: a reference or an inline dictionary."""
    found = re.search(re.escape(key) + rb"(?![A-Za-z])\s*", dictionary)
    if found is None:
        return None
    rest = dictionary[found.end():]
    if rest.startswith(b"<<"):
        return rest[:_dictionary_end(rest)]
    reference = re.match(rb"\d+\s+0\s+R", rest)
    if reference is None:
        raise NotPlainPdf(f"{key.decode()} is neither a reference nor a dictionary")
    return reference.group(0)


def _page_with_drawings(page: bytes, names: list[bytes], contents: int) -> bytes:
    """The page dictionary with the drawings among its resources and their placing after its
    own content."""
    if b"/XObject" in page:
        raise NotPlainPdf("page already has XObjects")
    own = re.search(rb"/Contents\s+(\d+)\s+0\s+R", page)
    resources = re.search(rb"/Resources\s*<<", page)
    if own is None or resources is None:
        raise NotPlainPdf("page contents or resources")
    xobjects = b"\n/XObject << " + b" ".join(names) + b" >>"
    page = page[:resources.end()] + xobjects + page[resources.end():]
    return re.sub(rb"/Contents\s+(\d+)\s+0\s+R", b"/Contents [ \\1 0 R %d 0 R ]" % contents, page, count=1)


# --- writing ---------------------------------------------------------------------------------
def _written(objects: dict[int, PdfObject], root: int, info: int) -> bytes:
    out = bytearray(HEADER)
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        item = objects[number]
        out += b"%d 0 obj\n" % number + item.head
        if item.stream is not None:
            out += b"\nstream\n" + item.stream + b"\nendstream"
        out += b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, info, xref)
    return bytes(out)
