"""Fonts: one family for every picture, measured with real metrics.

Text widths decide the layout (label wrapping, collision avoidance), so they are measured with
the same font that draws them: DejaVu Sans when the system has it, else the Vera fonts that
ship with reportlab (DejaVu grew out of Vera; the Latin letters share their widths).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEJAVU_FOLDERS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
DEJAVU_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "italic": "DejaVuSans-Oblique.ttf"}
VERA_FILES = {"regular": "Vera.ttf", "bold": "VeraBd.ttf", "italic": "VeraIt.ttf"}
REPORTLAB_NAMES = {"regular": "JourneysSans", "bold": "JourneysSans-Bold", "italic": "JourneysSans-Italic"}


@dataclass(frozen=True)
class FontFamily:
    """Where the font files are and what Graphviz should ask fontconfig for."""

    files: dict[str, Path]
    graphviz_name: str


def _dejavu() -> dict[str, Path] | None:
    for folder in DEJAVU_FOLDERS:
        files = {weight: folder / name for weight, name in DEJAVU_FILES.items()}
        if all(path.is_file() for path in files.values()):
            return files
    return None


def _vera() -> dict[str, Path]:
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    return {weight: folder / name for weight, name in VERA_FILES.items()}


@lru_cache(maxsize=1)
def font_family() -> FontFamily:
    """DejaVu Sans if installed, else reportlab's bundled Bitstream Vera Sans."""
    dejavu = _dejavu()
    if dejavu:
        return FontFamily(dejavu, "DejaVu Sans")
    return FontFamily(_vera(), "Bitstream Vera Sans")


@lru_cache(maxsize=1)
def register_fonts() -> FontFamily:
    """Register the family with reportlab (embedded as subsets in every PDF it writes)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    family = font_family()
    for weight, path in family.files.items():
        pdfmetrics.registerFont(TTFont(REPORTLAB_NAMES[weight], str(path)))
    pdfmetrics.registerFontFamily(
        REPORTLAB_NAMES["regular"], normal=REPORTLAB_NAMES["regular"], bold=REPORTLAB_NAMES["bold"],
        italic=REPORTLAB_NAMES["italic"], boldItalic=REPORTLAB_NAMES["bold"],
    )
    return family


# Graphviz's cairo renderer places glyphs with hinted advances, a few per cent wider than the
# font's own metrics at small sizes; layout budgets that much so drawn text stays in its box.
RENDER_SLACK = 1.06


@lru_cache(maxsize=65536)
def text_width(line: str, size: float, weight: str = "regular") -> float:
    """Width of one line of text in points, as drawn (font metrics plus the renderer's slack)."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return pdfmetrics.stringWidth(line, REPORTLAB_NAMES[weight], size) * RENDER_SLACK


def _split_long_word(word: str, width: float, size: float, weight: str) -> list[str]:
    pieces, current = [], ""
    for char in word:
        if current and text_width(current + char, size, weight) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return pieces + [current]


def wrap(content: str, width: float, size: float, weight: str = "regular", max_lines: int = 0) -> tuple[str, ...]:
    """Lines of at most ``width`` points (greedy, words kept whole unless longer than a line).

    With ``max_lines``, the last kept line ends in an ellipsis when text had to be left out.
    """
    lines: list[str] = []
    for paragraph in content.splitlines() or [""]:
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, size, weight) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            pieces = _split_long_word(word, width, size, weight)
            lines.extend(pieces[:-1])
            current = pieces[-1]
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _with_ellipsis(lines[-1], width, size, weight)
    return tuple(lines)


def _with_ellipsis(line: str, width: float, size: float, weight: str) -> str:
    while line and text_width(line + "…", size, weight) > width:
        line = line[:-1]
    return line.rstrip() + "…"


def block_width(lines: tuple[str, ...], size: float, weight: str = "regular") -> float:
    return max((text_width(line, size, weight) for line in lines), default=0.0)
