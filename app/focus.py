"""The projector view of one step of the walk, as HTML: the close-up picture inline (so its text
is real text on the screen, sized by the screen's height), the step's words under it, and a
compact legend of the marks the picture shows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from persona.i18n import Catalog

from app import ui
from journeys.render import symbols
from journeys.render.focus_view import END, FADED, GAP, NOW, SUPPORT_KIND

# The picture takes this share of the screen's height; its text is then (share / LINES_TALL) of
# the height: 42 / 16 = 2.6 % — 28 px at 1080 and 19 px at 720 (journeys.render.focus_view).
PICTURE_VH = 42
EVENT_LINES = 3
_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_CSS = f"""<style>
.jr-focus .jr-age {{ font-size: 1.5rem; }}
.jr-focus-picture {{ margin: 0.3rem 0; }}
.jr-focus-svg {{ display: block; height: {PICTURE_VH}vh; aspect-ratio: 3 / 1; width: auto; max-width: 100%;
  background: #fff; }}
.jr-focus .jr-gap {{ margin: 0.3rem 0; padding: 0.4rem 0.9rem; }}
.jr-focus-words ul {{ margin: 0; }}
.jr-focus .jr-voice {{ font-size: 1.2rem; margin: 0.2rem 0 0 0; padding-left: 0.8rem; }}
.jr-legend {{ display: flex; flex-wrap: wrap; gap: 0.1rem 1.2rem; font-size: 0.75rem; margin-top: 0.3rem; }}
.jr-key {{ display: inline-flex; align-items: center; gap: 0.35rem; }}
.jr-key svg {{ width: 1.2em; height: 1.2em; flex: none; }}
</style>"""


def inline_svg(svg: str, label: str) -> str:
    """Graphviz's SVG without its prologue and fixed size, to be sized by the page."""
    found = _SVG_OPEN.search(svg)
    if not found:
        return ""
    view_box = re.search(r'viewBox="([^"]+)"', found.group(0))
    box = view_box.group(1) if view_box else "0 0 100 100"
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="jr-focus-svg" viewBox="{box}" '
            f'preserveAspectRatio="xMinYMin meet" role="img" aria-label="{ui.attribute(label)}">')
    return head + svg[found.end():].strip()


def legend_html(marks: Sequence[str], text: Catalog, vocabulary: Any) -> str:
    """One line of the marks the picture shows, each with its symbol."""
    items = []
    for mark in marks:
        if mark == SUPPORT_KIND:
            label, symbol = text("focus.legend.support"), symbols.support_symbol
        elif mark == FADED:
            label, symbol = text("focus.legend.faded"), symbols.faded_symbol
        elif mark == GAP:
            label, symbol = text("focus.legend.gap"), symbols.gap_symbol
        elif mark == NOW:
            label, symbol = text("focus.legend.now"), symbols.now_symbol
        elif mark == END:
            label, symbol = text("overview.legend.end"), symbols.end_symbol
        else:
            label = vocabulary.label("event_kinds", mark, text.lang)
            items.append(f'<span class="jr-key">{symbols.kind_symbol(mark, ui.escape(label))}{ui.escape(label)}</span>')
            continue
        items.append(f'<span class="jr-key">{symbol(ui.escape(label))}{ui.escape(label)}</span>')
    return (f'<div class="jr-legend" aria-label="{ui.escape(text("projector.legend"))}">' + "".join(items)
            + "</div>")


def events_html(lines: Sequence[str], title: str, text: Catalog) -> str:
    """What happened in this step, at most :data:`EVENT_LINES` lines (the picture shows them all)."""
    shown = list(lines[:EVENT_LINES])
    if len(lines) > EVENT_LINES:
        shown.append(text("projector.more", count=len(lines) - EVENT_LINES))
    return ui.list_html(shown, title)


def view_html(heading: str, picture: str, words: str, legend: str) -> str:
    """The whole view as one block of HTML on one line (shown with ``st.markdown``, whose HTML
    keeps inline SVG, which ``st.html`` strips; one line, so no part is read as Markdown)."""
    html = (f'{_CSS}<div class="jr-focus">{heading}<div class="jr-focus-picture">{picture}</div>'
            f'<div class="jr-focus-words">{words}</div>{legend}</div>')
    return " ".join(html.split("\n"))
