"""The whole-life overview on the page, as HTML: the picture inline (its text real text on the
screen, sized by the page's width and never taller than the screen), and a legend of the marks it
shows.

The overview's type is a fiftieth of its width (journeys.render.overview_view). The picture fills
the page's width, up to the height that leaves room for the controls above it; on the screens we
support that is at least 930 px wide, so its text is at least 18.6 px — at 1920 × 1080 about
30 px (measured in Chromium: tests/e2e/test_overview.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from persona.i18n import Catalog

from app import focus, ui
from journeys.render import symbols
from journeys.render.overview_view import (
    END, FOLDED, GAP, GAP_CLOSED, GAP_MARKED, GAP_NEW, HEIGHT, NOW, SUPPORT, VOICE, WIDTH,
)
from journeys.scenario_changes import ADDED, CHANGED, REMOVED

# The height above the picture kept for the page's controls and heading.
ROOM_ABOVE = "9rem"
_CSS = f"""<style>
.jr-overview-svg {{ display: block; width: min(100%, calc((100vh - {ROOM_ABOVE}) * {WIDTH / HEIGHT:.4f}));
  aspect-ratio: {WIDTH:g} / {HEIGHT:g}; height: auto; background: #fff; margin: 0.3rem 0; }}
.jr-overview .jr-age {{ font-size: 1.5rem; }}
.jr-overview .jr-voice {{ font-size: 1.5rem; margin: 0.4rem 0; }}
.jr-legend {{ display: flex; flex-wrap: wrap; gap: 0.1rem 1.2rem; font-size: 0.85rem; margin-top: 0.3rem; }}
.jr-key {{ display: inline-flex; align-items: center; gap: 0.35rem; }}
.jr-key svg {{ width: 1.2em; height: 1.2em; flex: none; }}
.jr-hint {{ font-size: 0.85rem; color: #595959 !important; margin: 0.2rem 0 0 0; }}
</style>"""

_SYMBOLS = {
    SUPPORT: ("overview.legend.support", symbols.thin_bar_symbol),
    VOICE: ("overview.legend.voice", symbols.voice_symbol),
    GAP: ("overview.legend.gap", symbols.badge_symbol),
    GAP_MARKED: ("overview.legend.gap_mark", symbols.gap_mark_symbol),
    GAP_CLOSED: ("render.legend.gap_closed", symbols.closed_badge_symbol),
    GAP_NEW: ("render.legend.gap_new", symbols.new_badge_symbol),
    FOLDED: ("overview.legend.folded", symbols.folded_symbol),
    NOW: ("overview.legend.now", symbols.now_symbol),
    END: ("overview.legend.end", symbols.end_symbol),
    ADDED: ("scenario_layer.legend.added", symbols.added_symbol),
    CHANGED: ("scenario_layer.legend.changed", symbols.changed_symbol),
    REMOVED: ("scenario_layer.legend.removed", symbols.removed_symbol),
}


def inline_svg(svg: str, label: str) -> str:
    return focus.inline_svg(svg, label).replace('class="jr-focus-svg"', 'class="jr-overview-svg"', 1)


def legend_html(marks: Sequence[str], text: Catalog, vocabulary: Any,
                table: Mapping[str, tuple[str, Callable[[str], str]]] = _SYMBOLS,
                hint: str = "overview.legend.hover") -> str:
    """One line of the marks the picture shows, each with its symbol (``table``: the marks' words
    and symbols, the overview's by default; an event kind not in it is drawn as on the timeline)."""
    items = []
    for mark in marks:
        if mark in table:
            key, symbol = table[mark]
            label = ui.escape(text(key))
            items.append(f'<span class="jr-key">{symbol(label)}{label}</span>')
        else:
            label = ui.escape(vocabulary.label("event_kinds", mark, text.lang))
            items.append(f'<span class="jr-key">{symbols.kind_symbol(mark, label)}{label}</span>')
    return (f'<div class="jr-legend" aria-label="{ui.escape(text("projector.legend"))}">' + "".join(items)
            + f'</div><p class="jr-hint">{ui.escape(text(hint))}</p>')


def view_html(heading: str, picture: str, words: str, legend: str) -> str:
    """The heading, the overview, the step's words and the legend as one block of HTML on one
    line (``st.markdown`` keeps inline SVG, which ``st.html`` strips)."""
    html = (f'{_CSS}<div class="jr-overview">{heading}<div class="jr-overview-picture">{picture}</div>'
            f'<div class="jr-overview-words">{words}</div>{legend}</div>')
    return " ".join(html.split("\n"))
