"""The ecomap on Nätverk, as HTML: the screen ecomap inline (its text real text, sized like the
whole-life overview: the same 1,000 × 560 points and type a fiftieth of the width, so the same
width on the page gives the same text size — measured in Chromium: tests/e2e/test_overview.py),
and a legend of the lines and marks it shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from persona.i18n import Catalog

from app import overview
from journeys.render import symbols
from journeys.render.ecomap_screen_view import MISSING, PROTECTIVE, STRESSFUL, STRONG, UNLABELLED, WEAK

SYMBOLS = {
    STRONG: ("render.ecomap.strong", symbols.strong_tie_symbol),
    WEAK: ("render.ecomap.weak", symbols.weak_tie_symbol),
    STRESSFUL: ("render.ecomap.stressful", symbols.stressful_tie_symbol),
    MISSING: ("render.ecomap.missing", symbols.missing_link_symbol),
    PROTECTIVE: ("marks.ecomap.protective", symbols.protective_tie_symbol),
    UNLABELLED: ("ecomap_page.unnamed", symbols.unnamed_tie_symbol),
}


def view_html(svg: str, marks: Sequence[str], label: str, text: Catalog, vocabulary: Any) -> str:
    """The ecomap and its legend as one block of HTML (``st.markdown`` keeps inline SVG)."""
    legend = overview.legend_html(marks, text, vocabulary, SYMBOLS, "ecomap_page.hover")
    return overview.view_html("", overview.inline_svg(svg, label), "", legend)
