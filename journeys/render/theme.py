"""Two looks for every picture: ``print`` (white, fine lines) and ``projector`` (large type, high contrast).

Colours follow the Okabe–Ito palette, which people with the common colour-vision deficiencies
tell apart; every colour is paired with a shape, a line style or a position, so a picture
printed in grayscale still says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
THEMES = ("print", "projector")


@dataclass(frozen=True)
class KindStyle:
    """How one kind of event is drawn: a Graphviz shape and its fill."""

    shape: str
    fill: str
    peripheries: int = 1


# Shapes carry the meaning; colour only repeats it.
KIND_STYLES: Mapping[str, KindStyle] = {
    "life": KindStyle("house", "#FFFFFF"),
    "signal": KindStyle("triangle", OKABE_ITO["orange"]),
    "report": KindStyle("invtriangle", OKABE_ITO["vermillion"]),
    "referral": KindStyle("rarrow", OKABE_ITO["sky_blue"]),
    "contact": KindStyle("circle", OKABE_ITO["blue"]),
    "assessment": KindStyle("square", OKABE_ITO["yellow"]),
    "decision": KindStyle("diamond", OKABE_ITO["reddish_purple"]),
    "coordination": KindStyle("doublecircle", OKABE_ITO["bluish_green"]),
    "closure": KindStyle("octagon", OKABE_ITO["black"]),
    "transition": KindStyle("Mdiamond", "#FFFFFF"),
    "missed": KindStyle("circle", "#FFFFFF"),
    "information": KindStyle("larrow", OKABE_ITO["sky_blue"]),
}

# Support levels: darker with more intensive help (readable in grayscale), outline heavier too.
LEVEL_FILLS = {"promotive": "#E3F1FB", "preventive": "#B7DCF4", "early": "#56B4E9", "treatment": "#0072B2"}
LEVEL_STYLES = {"promotive": "dashed", "preventive": "solid", "early": "solid", "treatment": "bold"}
LEVEL_TEXT = {"promotive": "#000000", "preventive": "#000000", "early": "#000000", "treatment": "#FFFFFF"}

# Hand-over quality at a transition: line style first, colour second.
HANDOVER_STYLES = {"full": ("solid", OKABE_ITO["bluish_green"]), "partial": ("dashed", OKABE_ITO["orange"]),
                   "none": ("dotted", OKABE_ITO["vermillion"])}


@dataclass(frozen=True)
class Theme:
    """Sizes and colours of one look. Sizes are points (1/72 inch)."""

    name: str
    font_size: float
    small_size: float
    title_size: float
    line_width: float
    year_width: float
    label_width: float
    marker: float
    row_gap: float
    ink: str = "#000000"
    muted: str = "#555555"
    grid: str = "#D0D0D0"
    paper: str = "#FFFFFF"
    lane_fills: tuple[str, str] = ("#F6F6F6", "#FFFFFF")
    band_fill: str = "#FBF3EC"
    gap_fill: str = "#D55E001C"
    gap_line: str = OKABE_ITO["vermillion"]
    risk: str = OKABE_ITO["vermillion"]
    protective: str = OKABE_ITO["bluish_green"]
    missing_link: str = OKABE_ITO["reddish_purple"]


PRINT = Theme(name="print", font_size=8.0, small_size=6.5, title_size=10.0, line_width=0.6,
              year_width=92.0, label_width=112.0, marker=9.0, row_gap=3.0)
PROJECTOR = Theme(name="projector", font_size=13.0, small_size=11.0, title_size=16.0, line_width=1.6,
                  year_width=150.0, label_width=170.0, marker=15.0, row_gap=5.0,
                  muted="#222222", grid="#9A9A9A", lane_fills=("#E8E8E8", "#FFFFFF"),
                  band_fill="#F7E4D6", gap_fill="#D55E0030")


class UnknownTheme(ValueError):
    """A theme name that is neither ``print`` nor ``projector``."""


def theme_named(name: str) -> Theme:
    themes = {"print": PRINT, "projector": PROJECTOR}
    if name not in themes:
        raise UnknownTheme(name)
    return themes[name]
