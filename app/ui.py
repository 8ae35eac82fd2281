"""How the app looks and how it reports trouble: the projector and print themes, error
messages (``st.error``, never a traceback), gap call-outs and pictures."""

from __future__ import annotations

import base64
import html
import re
from functools import lru_cache
from typing import Any, Callable, Sequence

import streamlit as st

from persona.errors import PersonaError, exception_words
from persona.i18n import Catalog

from app import state

# Okabe–Ito colours (safe for the common kinds of colour blindness); meaning is always also
# carried by a word, a number or a symbol.
INK = "#000000"
PAPER = "#ffffff"
BLUE = "#0072B2"
VERMILION = "#D55E00"
GREEN = "#009E73"
GREY = "#595959"

_BASE_CSS = """
<style>
:root { --ink: %(ink)s; --paper: %(paper)s; --accent: %(blue)s; --alarm: %(vermilion)s; --good: %(green)s; }
html { font-size: %(root)s; }
.stApp, .stApp p, .stApp li, .stApp label, .stApp span, .stApp div { color: var(--ink); }
.stApp { background: var(--paper); }
.stApp p, .stApp li { line-height: 1.45; }
section.main .block-container, .stMainBlockContainer { padding: %(top)srem %(side)srem 3rem %(side)srem; max-width: 100%%; }
.stButton button, .stDownloadButton button, .stFormSubmitButton button {
  font-size: 1rem; min-height: %(button)srem; padding: 0.3rem 1.1rem; border: 2px solid var(--ink);
  color: var(--ink); background: var(--paper); font-weight: 600;
}
.stButton button[kind="primary"], .stDownloadButton button[kind="primary"] {
  background: var(--accent); border-color: var(--accent); color: #fff;
}
.stButton button[kind="primary"] p, .stDownloadButton button[kind="primary"] p { color: #fff; }
.stButton button:disabled { opacity: 0.45; }
button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible {
  outline: 4px solid var(--ink) !important; outline-offset: 3px !important;
}
.jr-age { font-size: %(age)srem; font-weight: 800; line-height: 1.1; margin: 0; }
.jr-sub { font-size: 1rem; color: %(grey)s !important; margin: 0; }
.jr-gap { border: 3px solid var(--ink); border-left: 1.1rem solid var(--alarm); padding: 0.6rem 1rem;
  margin: 0.5rem 0 0.8rem 0; background: var(--paper); }
.jr-gap .jr-gap-head { font-size: 0.9rem; font-weight: 700; letter-spacing: 0.02em; margin: 0 0 0.2rem 0; }
.jr-gap .jr-gap-message { font-size: %(message)srem; margin: 0 0 0.4rem 0; }
.jr-gap .jr-gap-question { font-size: %(question)srem; font-weight: 800; margin: 0; }
.jr-gap.jr-closed { border-left-color: var(--good); }
.jr-quote { font-size: 1.3rem; font-style: italic; border-left: 0.4rem solid var(--ink); padding-left: 1rem; }
.jr-picture { width: 100%%; overflow-x: auto; background: #fff; border: 1px solid #999; }
.jr-picture img { width: 100%%; height: auto; display: block; }
.jr-picture.jr-fit img { width: auto; max-width: 100%%; max-height: 80vh; margin: 0 auto; }
.jr-happened ul { margin-bottom: 0.3rem; }
.jr-steps { font-size: 0.9rem; }
.jr-votes { font-size: 1.1rem; font-weight: 700; }
</style>
"""

THEME_SIZES = {
    # root font size, top padding, button height, age heading, gap message, gap question; the
    # projector's type follows the screen's height (24 px at 1080, 16 px at 720)
    "projector": {"root": "clamp(16px, 2.2vh, 24px)", "top": 1.0, "side": 1.5, "button": 2.6, "age": 2.0, "message": 1.1, "question": 1.3},
    "print": {"root": "16px", "top": 2.5, "side": 3.0, "button": 2.2, "age": 1.8, "message": 1.05, "question": 1.15},
}


def apply_theme(theme: str) -> None:
    st.html(theme_css(theme))


@lru_cache(maxsize=None)
def theme_css(theme: str) -> str:
    sizes = THEME_SIZES.get(theme, THEME_SIZES["projector"])
    colours = {"ink": INK, "paper": PAPER, "blue": BLUE, "vermilion": VERMILION, "green": GREEN, "grey": GREY}
    return _BASE_CSS % {**sizes, **colours}


def escape(value: Any) -> str:
    return html.escape(str(value), quote=True)


# What Streamlit's Markdown may read as markup even inside an HTML attribute (icons and colours
# after a colon, maths between dollars, emphasis, code, strike-through, tables).
_ATTRIBUTE_MARKUP = frozenset(":$*_`~\\|")


def attribute(value: Any) -> str:
    """A user-supplied string for an HTML attribute in ``st.markdown`` (an inline picture's
    ``aria-label``): HTML-escaped, and the characters Markdown reads as markup written as
    character references, so the label is read as typed."""
    return "".join(f"&#{ord(c)};" if c in _ATTRIBUTE_MARKUP else html.escape(c, quote=True) for c in str(value))


# Characters that start markup anywhere in Streamlit's Markdown: emphasis, code, links, maths ($),
# colours and icons (:red[…], :material/…:), strike-through, tables, HTML; and those that start it
# only at the beginning of a line: headings, quotes, lists.
_MARKUP = re.compile(r"([\\`*_\[\]$~|<&])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)


def literal(value: Any) -> str:
    """A user-supplied string for a Streamlit text that reads Markdown (titles, messages, labels,
    radio options): every markup character escaped, so ``**x**``, ``$x$``, ``:red[x]`` and
    ``[x](javascript:…)`` show as typed. A colon is written as ``&#58;``: Streamlit finds icons
    (``:material/home:``) before a backslash counts (seen in the browser test)."""
    escaped = _MARKUP.sub(r"\\\1", str(value)).replace(":", "&#58;")  # icons are found before "\\:" counts
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], escaped)


def show_problems(error: PersonaError, text: Catalog) -> None:
    """Every problem of a library error on its own line, inside one ``st.error`` (shown literally:
    the lines quote the file's values)."""
    lines = error.lines(text)
    st.error("\n\n".join(literal(line) for line in lines) or literal(str(error)), icon=":material/error:")


def page(body: Callable[[Catalog], None]) -> None:
    """Run one page: library errors become ``st.error``, never a traceback."""
    guard(body, state.text())


def guard(body: Callable[[Catalog], None], text: Catalog) -> None:
    """Run ``body(text)``; library errors become ``st.error``, never a traceback."""
    try:
        body(text)
    except state.NothingChosen:
        st.info(text("app.no_persona"), icon=":material/arrow_forward:")
        st.page_link("views/choose.py", label=text("app.go_choose"), icon=":material/folder_open:")
    except PersonaError as exc:
        show_problems(exc, text)
    except Exception as exc:  # the last guard (Streamlit's own stop/rerun are BaseExceptions)
        st.error(literal(text("app.internal_error", error=exception_words(exc))), icon=":material/error:")


def picture(svg: str, label: str, fit_height: bool = False) -> None:
    """An SVG drawing with a text alternative: as wide as the page, or (``fit_height``) as large as
    fits on the screen."""
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    kind = "jr-picture jr-fit" if fit_height else "jr-picture"
    st.html(f'<div class="{kind}"><img alt="{escape(label)}" src="data:image/svg+xml;base64,{encoded}"></div>')


def gap_html(number: int, title: str, span: str, message: str, question: str, *, closed: bool = False,
             head: str = "") -> str:
    """A gap in large type: its number and title, the explanation, the question for the room."""
    kind = " jr-closed" if closed else ""
    return (
        f'<div class="jr-gap{kind}" role="note">'
        f'<p class="jr-gap-head">{escape(head)} {number} · {escape(title)} · {escape(span)}</p>'
        f'<p class="jr-gap-message">{escape(message)}</p>'
        f'<p class="jr-gap-question">{escape(question)}</p></div>'
    )


def gap_callout(*args: Any, **kwargs: Any) -> None:
    st.html(gap_html(*args, **kwargs))


def age_span(gap: Any, text: Catalog) -> str:
    """A gap's span as people say it, "8 months – 4 years 7 months" (one age when start and end agree)."""
    from journeys.ages import format_age_span

    return format_age_span(gap.start, gap.end, text)


def heading_html(title: str, subtitle: str = "") -> str:
    return f'<p class="jr-age">{escape(title)}</p>' + (f'<p class="jr-sub">{escape(subtitle)}</p>' if subtitle else "")


def heading(title: str, subtitle: str = "") -> None:
    st.html(heading_html(title, subtitle))


def list_html(lines: Sequence[str], title: str = "") -> str:
    head = f"<p><strong>{escape(title)}</strong></p>" if title else ""
    return head + "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>" if lines else ""


def bullet_list(lines: Sequence[str]) -> None:
    if lines:
        st.html(list_html(lines))
