"""Small stand-alone SVG symbols of the marks a picture draws, for legends written as HTML (the
app's compact legend under the projector close-up). Drawn from the same styles as the pictures:
the shape of each event kind, the support box, a faded mark, the gap bracket, the now-line."""

from __future__ import annotations

import math

from journeys.render.theme import KIND_STYLES, LEVEL_FILLS, OKABE_ITO

SIZE = 24
_INK = "#000000"
_FADED_FILL, _FADED_LINE = "#E4E4E4", "#8C8C8C"


def _points(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


def _polygon(points: list[tuple[float, float]], fill: str, line: str = _INK) -> str:
    return f'<polygon points="{_points(points)}" fill="{fill}" stroke="{line}" stroke-width="1.5"/>'


def _octagon() -> list[tuple[float, float]]:
    return [(12 + 10 * math.cos(math.radians(22.5 + 45 * k)), 12 + 10 * math.sin(math.radians(22.5 + 45 * k)))
            for k in range(8)]


def _shape(shape: str, fill: str, line: str = _INK) -> str:
    shapes = {
        "triangle": lambda: _polygon([(12, 3), (22, 21), (2, 21)], fill, line),
        "invtriangle": lambda: _polygon([(2, 3), (22, 3), (12, 21)], fill, line),
        "rarrow": lambda: _polygon([(2, 7), (14, 7), (14, 3), (22, 12), (14, 21), (14, 17), (2, 17)], fill, line),
        "larrow": lambda: _polygon([(22, 7), (10, 7), (10, 3), (2, 12), (10, 21), (10, 17), (22, 17)], fill, line),
        "circle": lambda: f'<circle cx="12" cy="12" r="9" fill="{fill}" stroke="{line}" stroke-width="1.5"/>',
        "square": lambda: _polygon([(3, 3), (21, 3), (21, 21), (3, 21)], fill, line),
        "box": lambda: _polygon([(1, 6), (23, 6), (23, 18), (1, 18)], fill, line),
        "diamond": lambda: _polygon([(12, 2), (22, 12), (12, 22), (2, 12)], fill, line),
        "doublecircle": lambda: (f'<circle cx="12" cy="12" r="10" fill="none" stroke="{line}" stroke-width="1.5"/>'
                                 f'<circle cx="12" cy="12" r="7" fill="{fill}" stroke="{line}" stroke-width="1.5"/>'),
        "octagon": lambda: _polygon([(round(x, 2), round(y, 2)) for x, y in _octagon()], fill, line),
        "house": lambda: _polygon([(12, 2), (22, 10), (22, 22), (2, 22), (2, 10)], fill, line),
        "Mdiamond": lambda: (_polygon([(12, 2), (22, 12), (12, 22), (2, 12)], fill, line)
                             + f'<path d="M8,8 L16,16 M16,8 L8,16" stroke="{line}" stroke-width="1.5"/>'),
    }
    return shapes[shape]()


def _svg(body: str, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 24 24" '
            f'role="img" aria-label="{label}">{body}</svg>')


def kind_symbol(kind: str, label: str = "") -> str:
    style = KIND_STYLES[kind]
    return _svg(_shape(style.shape, style.fill), label)


def support_symbol(label: str = "") -> str:
    return _svg(_shape("box", LEVEL_FILLS["early"]), label)


def faded_symbol(label: str = "") -> str:
    return _svg(_shape("circle", _FADED_FILL, _FADED_LINE), label)


def gap_symbol(label: str = "") -> str:
    red = OKABE_ITO["vermillion"]
    return _svg(f'<path d="M2,20 L2,5 L22,5 L22,20" fill="none" stroke="{red}" stroke-width="4"/>', label)


def now_symbol(label: str = "") -> str:
    return _svg('<rect x="10" y="1" width="4" height="22" fill="#000000"/>', label)


def thin_bar_symbol(label: str = "") -> str:
    """A support as the overview draws it: a thin bar along the bottom of its lane."""
    return _svg(f'<rect x="1" y="14" width="22" height="5" fill="{LEVEL_FILLS["early"]}" stroke="{_INK}"/>', label)


def voice_symbol(label: str = "") -> str:
    """A quote: a sheet with a folded corner (Graphviz's ``note``)."""
    return _svg(f'<path d="M4,4 L16,4 L20,8 L20,20 L4,20 Z M16,4 L16,8 L20,8" fill="#FFFFFF" stroke="{_INK}" '
                'stroke-width="1.5"/>', label)


def badge_symbol(label: str = "") -> str:
    """A gap's number in a filled circle."""
    red = OKABE_ITO["vermillion"]
    return _svg(f'<circle cx="12" cy="12" r="10" fill="{red}"/><text x="12" y="16.5" font-size="13" '
                'font-weight="bold" text-anchor="middle" fill="#FFFFFF" font-family="sans-serif">1</text>', label)


def gap_mark_symbol(label: str = "") -> str:
    """A gap without room for its number: a small filled triangle."""
    red = OKABE_ITO["vermillion"]
    return _svg(_polygon([(6, 7), (18, 7), (12, 17)], red, red), label)


def folded_symbol(label: str = "") -> str:
    """A lane folded to a thin grey strip."""
    return _svg('<rect x="1" y="9" width="22" height="6" fill="#BDBDBD" stroke="#9A9A9A"/>', label)


def end_symbol(label: str = "") -> str:
    """The end of the record: a strong line, greyed after it."""
    return _svg('<rect x="11" y="1" width="12" height="22" fill="#D9D9D9"/>'
                '<rect x="9" y="1" width="4" height="22" fill="#000000"/>', label)


def closed_badge_symbol(label: str = "") -> str:
    """A gap a scenario closes: its number in a dashed ring."""
    red = OKABE_ITO["vermillion"]
    return _svg(f'<circle cx="12" cy="12" r="9.5" fill="#FFFFFF" stroke="{red}" stroke-width="2" stroke-dasharray="3 2"/>'
                f'<text x="12" y="16.5" font-size="13" font-weight="bold" text-anchor="middle" fill="{red}" '
                'font-family="sans-serif">1</text>', label)


def new_badge_symbol(label: str = "") -> str:
    """A gap new in a scenario: its filled number inside a second ring."""
    red = OKABE_ITO["vermillion"]
    return _svg(f'<circle cx="12" cy="12" r="11" fill="none" stroke="{red}" stroke-width="1.5"/>'
                f'<circle cx="12" cy="12" r="8" fill="{red}"/><text x="12" y="16" font-size="11" font-weight="bold" '
                'text-anchor="middle" fill="#FFFFFF" font-family="sans-serif">1</text>', label)


def added_symbol(label: str = "") -> str:
    """What a scenario adds: a mark in a heavy frame, a plus at its top left."""
    return _svg('<circle cx="14" cy="14" r="5" fill="#0072B2" stroke="#000000" stroke-width="1.5"/>'
                '<circle cx="14" cy="14" r="8.5" fill="none" stroke="#000000" stroke-width="3"/>'
                '<circle cx="6" cy="6" r="5" fill="#FFFFFF" stroke="#000000" stroke-width="1.2"/>'
                '<path d="M3,6 L9,6 M6,3 L6,9" stroke="#000000" stroke-width="1.6"/>', label)


def changed_symbol(label: str = "") -> str:
    """What a scenario changes: a mark in a double frame."""
    return _svg('<circle cx="12" cy="12" r="5" fill="#0072B2" stroke="#000000" stroke-width="1.5"/>'
                '<circle cx="12" cy="12" r="8" fill="none" stroke="#000000" stroke-width="1.2"/>'
                '<circle cx="12" cy="12" r="10.5" fill="none" stroke="#000000" stroke-width="1.2"/>', label)


def removed_symbol(label: str = "") -> str:
    """What a scenario removes: the mark faded under a veil and struck through."""
    return _svg(f'<circle cx="12" cy="12" r="7" fill="{_FADED_FILL}" stroke="{_FADED_LINE}" stroke-width="1.5"/>'
                '<rect x="1" y="11" width="22" height="2.4" fill="#000000"/>', label)


def _line(body: str, label: str) -> str:
    return _svg(body, label)


def strong_tie_symbol(label: str = "") -> str:
    """A strong tie in the ecomap: a thick solid line."""
    return _line('<path d="M1,12 L23,12" stroke="#000000" stroke-width="4"/>', label)


def weak_tie_symbol(label: str = "") -> str:
    """A weak tie: a dashed line."""
    return _line('<path d="M1,12 L23,12" stroke="#000000" stroke-width="2" stroke-dasharray="4 3"/>', label)


def stressful_tie_symbol(label: str = "") -> str:
    """A stressful tie (the agency is part of a gap): a jagged line."""
    red = OKABE_ITO["vermillion"]
    return _line(f'<path d="M1,12 L5,8 L9,16 L13,8 L17,16 L21,8 L23,12" fill="none" stroke="{red}" '
                 'stroke-width="2.5"/>', label)


def missing_link_symbol(label: str = "") -> str:
    """A missing link between agencies active at once that never coordinated: a dotted line."""
    purple = OKABE_ITO["reddish_purple"]
    return _line(f'<path d="M2,12 L23,12" stroke="{purple}" stroke-width="3.5" stroke-dasharray="1 4" '
                 'stroke-linecap="round"/>', label)


def protective_tie_symbol(label: str = "") -> str:
    """A protective adult's tie: a double line."""
    green = OKABE_ITO["bluish_green"]
    return _line(f'<path d="M1,9.5 L23,9.5 M1,14.5 L23,14.5" stroke="{green}" stroke-width="2"/>', label)


def unnamed_tie_symbol(label: str = "") -> str:
    """A person or agency without room for its name: a small rounded box (the name on hover)."""
    return _svg('<rect x="5" y="5" width="14" height="14" rx="3" fill="#FFFFFF" stroke="#000000" '
                'stroke-width="1.5"/>', label)
