"""Writing DOT with every position pinned, and every persona string escaped.

Persona text only ever enters DOT inside HTML-like labels, escaped as XML text (``&``, ``<``,
``>``, quotes; control characters dropped), so a label such as ``"]; node [color=red]`` or
``<script>`` is drawn literally and changes nothing else. Static geometry (lanes, grid, zones)
goes into the graph's ``_background`` as xdot drawing operations, whose texts are counted in
bytes, never parsed.

Coordinates are given with y growing downwards (like a page); the writer flips them for
Graphviz. Numbers are written with two decimals at most, so the text is the same byte for byte
on every machine.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

Point = tuple[float, float]
CHUNK_BYTES = 8000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def number(value: float) -> str:
    """A coordinate as text: at most two decimals, no trailing zeros, no ``-0``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def quoted(value: str) -> str:
    """A DOT quoted string (for our own attribute values; persona text goes into HTML labels)."""
    clean = _CONTROL.sub("", value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{clean}"'


def escape_text(value: str) -> str:
    """Text for an HTML-like label: XML-escaped, control characters removed, and backslashes
    doubled (Graphviz would otherwise expand ``\\N``, ``\\G`` … inside labels too)."""
    return html.escape(_CONTROL.sub("", value).replace("\\", "\\\\"), quote=True)


@dataclass(frozen=True)
class Html:
    """An HTML-like label, already built from escaped parts."""

    markup: str


@dataclass(frozen=True)
class TextStyle:
    size: float
    colour: str = "#000000"
    bold: bool = False
    italic: bool = False


def text_lines(lines: Sequence[str], style: TextStyle) -> str:
    """Escaped lines joined with left-aligned breaks, wrapped in FONT (and B / I)."""
    body = '<BR ALIGN="LEFT"/>'.join(escape_text(line) for line in lines)
    if style.bold:
        body = f"<B>{body}</B>"
    if style.italic:
        body = f"<I>{body}</I>"
    return f'<FONT POINT-SIZE="{number(style.size)}" COLOR="{style.colour}">{body}</FONT>'


def block_label(parts: Sequence[str], align: str = "LEFT", size: tuple[int, int] | None = None) -> Html:
    """One borderless table cell holding already-built parts, one above the other. With
    ``size`` (whole points), the table has exactly that size, so left-aligned text starts at
    its left edge whatever width Graphviz estimates for the text."""
    fixed = f' FIXEDSIZE="TRUE" WIDTH="{size[0]}" HEIGHT="{size[1]}"' if size else ""
    cell = f' FIXEDSIZE="TRUE" WIDTH="{size[0]}" HEIGHT="{size[1] // max(1, len(parts))}"' if size else ""
    if size and len(parts) > 1:
        cell = ""
    rows = "".join(f'<TR><TD ALIGN="{align}" BALIGN="{align}"{cell}>{part}</TD></TR>' for part in parts)
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0"{fixed}>{rows}</TABLE>')


def _attribute(name: str, value: object) -> str:
    if isinstance(value, Html):
        return f"{name}=<{value.markup}>"
    if isinstance(value, float):
        return f"{name}={number(value)}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{name}={value}"
    return f"{name}={quoted(str(value))}"


def attributes(values: dict[str, object]) -> str:
    return ", ".join(_attribute(k, v) for k, v in values.items() if v is not None)


class XDot:
    """Drawing operations for ``_background`` (see Graphviz's xdot format)."""

    def __init__(self, height: float):
        self.height = height
        self.ops: list[str] = []

    def _xy(self, x: float, y: float) -> str:
        return f"{number(x)} {number(self.height - y)}"

    @staticmethod
    def _string(value: str) -> str:
        clean = _CONTROL.sub("", value)
        return f"{len(clean.encode('utf-8'))} -{clean}"

    def pen(self, colour: str, fill: str | None = None, width: float = 1.0, style: str = "solid") -> "XDot":
        self.ops.append(f"c {self._string(colour)}")
        self.ops.append(f"C {self._string(fill or colour)}")
        self.ops.append(f"S {self._string(f'setlinewidth({number(width)})')}")
        self.ops.append(f"S {self._string(style)}")
        return self

    def rect(self, x: float, y: float, w: float, h: float, filled: bool = True) -> "XDot":
        return self.polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], filled)

    def polygon(self, points: Sequence[Point], filled: bool = True) -> "XDot":
        coords = " ".join(self._xy(x, y) for x, y in points)
        self.ops.append(f"{'P' if filled else 'p'} {len(points)} {coords}")
        return self

    def line(self, points: Sequence[Point]) -> "XDot":
        coords = " ".join(self._xy(x, y) for x, y in points)
        self.ops.append(f"L {len(points)} {coords}")
        return self

    def ellipse(self, x: float, y: float, rx: float, ry: float, filled: bool = True) -> "XDot":
        self.ops.append(f"{'E' if filled else 'e'} {self._xy(x, y)} {number(rx)} {number(ry)}")
        return self

    def text(self, x: float, y: float, value: str, size: float, font: str, colour: str,
             align: str = "left", width: float = 0.0) -> "XDot":
        """Text with its baseline at ``y``; ``align`` is left, centre or right of ``x``."""
        justify = {"left": -1, "centre": 0, "right": 1}[align]
        self.ops.append(f"F {number(size)} {self._string(font)}")
        self.ops.append(f"c {self._string(colour)}")
        self.ops.append(f"T {self._xy(x, y)} {justify} {number(width)} {self._string(value)}")
        return self

    def source(self) -> str:
        return " ".join(self.ops)

    def chunks(self, limit: int = CHUNK_BYTES) -> str:
        """The operations as DOT strings joined with ``+`` (Graphviz reads at most 16 kB per
        quoted string), one piece per line, split only between operations."""
        pieces: list[str] = []
        current: list[str] = []
        size = 0
        for op in self.ops:
            length = len(op.encode("utf-8")) + 1
            if current and size + length > limit:
                pieces.append(" ".join(current) + " ")
                current, size = [], 0
            current.append(op)
            size += length
        pieces.append(" ".join(current))
        return "\n    + ".join(quoted(piece) for piece in pieces)


@dataclass
class DotGraph:
    """A picture of fixed size whose nodes and edges are all pinned (drawn with ``nop2``)."""

    name: str
    width: float
    height: float
    font: str
    background: XDot = field(init=False)
    lines: list[str] = field(default_factory=list)
    graph_attributes: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.background = XDot(self.height)

    def _pos(self, x: float, y: float) -> str:
        return f"{number(x)},{number(self.height - y)}!"

    def node(self, name: str, x: float, y: float, **attrs: object) -> None:
        """A node centred at (x, y)."""
        values = {"pos": self._pos(x, y), **attrs}
        self.lines.append(f"  {quoted(name)} [{attributes(values)}];")

    def edge(self, tail: str, head: str, path: Sequence[Point], tip: Point | None = None, **attrs: object) -> None:
        """An edge along a Bézier path of 3n+1 points; with ``tip``, an arrowhead from the path's
        end to the tip."""
        coords = " ".join(f"{number(x)},{number(self.height - y)}" for x, y in path)
        pos = f"e,{number(tip[0])},{number(self.height - tip[1])} {coords}" if tip else coords
        values = {"pos": pos, **attrs}
        if tip is None:
            values["arrowhead"] = "none"
        self.lines.append(f"  {quoted(tail)} -> {quoted(head)} [{attributes(values)}];")

    def source(self) -> str:
        graph = {
            "layout": "nop2",  # plain `dot -Tsvg` then draws the pinned positions (its own layout crashes on them)
            "bb": f"0,0,{number(self.width)},{number(self.height)}",
            "outputorder": "edgesfirst",
            "pad": "0",
            "margin": "0",
            **self.graph_attributes,
        }
        corners = [
            f"  {quoted('corner:top-left')} [{attributes({'pos': self._pos(0, 0), 'shape': 'point', 'style': 'invis', 'width': 0.01, 'height': 0.01})}];",
            f"  {quoted('corner:bottom-right')} [{attributes({'pos': self._pos(self.width, self.height), 'shape': 'point', 'style': 'invis', 'width': 0.01, 'height': 0.01})}];",
        ]
        head = [
            f"digraph {quoted(self.name)} {{",
            f"  graph [{attributes(graph)}];",
            f"  graph [_background={self.background.chunks()}];",
            f"  node [{attributes({'fontname': self.font, 'fontsize': 8.0, 'label': '', 'margin': '0'})}];",
            f"  edge [{attributes({'fontname': self.font})}];",
        ]
        return "\n".join(head + corners + self.lines + ["}"]) + "\n"


def straight(points: Iterable[Point]) -> list[Point]:
    """A polyline as the 3n+1 Bézier points Graphviz wants (each segment a straight cubic)."""
    pts = list(points)
    result = [pts[0]]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        result += [(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3), (x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3), (x1, y1)]
    return result
