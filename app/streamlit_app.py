"""The workshop app: a router over the pages in ``app/views``.

Started by ``journeys app [FOLDER]`` (``python -m streamlit run app/streamlit_app.py``). The
folder of personas comes from ``JOURNEYS_APP_FOLDER``; the language from the choice page (default
``JOURNEYS_LANG`` or Swedish).
"""

from __future__ import annotations

import sys
from pathlib import Path

_REPOSITORY = str(Path(__file__).resolve().parent.parent)
if _REPOSITORY not in sys.path:  # Streamlit puts only app/ on the path
    sys.path.insert(0, _REPOSITORY)

import streamlit as st  # noqa: E402

from app import access, state, ui  # noqa: E402
from persona.i18n import Catalog  # noqa: E402

PAGES = (
    ("choose", ":material/folder_open:"),
    ("persona", ":material/person:"),
    ("journey", ":material/timeline:"),
    ("gaps", ":material/report:"),
    ("scenarios", ":material/compare_arrows:"),
    ("offer", ":material/grid_view:"),
    ("network", ":material/hub:"),
    ("edit", ":material/edit:"),
    ("export", ":material/download:"),
    ("cohort", ":material/groups:"),
)


def pages(text: Catalog) -> list:
    """The pages in the session's language (made once per language: building them costs a few ms)."""
    made = st.session_state.get("_pages")
    if made is None or made[0] != text.lang:
        made = (text.lang, [
            st.Page(f"views/{name}.py", title=text(f"app.page.{name}"), icon=icon, url_path=name,
                    default=name == "choose")
            for name, icon in PAGES
        ])
        st.session_state["_pages"] = made
    return made[1]


def main() -> None:
    text = state.text()
    st.set_page_config(page_title=text("app.title"), page_icon=":material/route:", layout="wide")
    ui.apply_theme(state.theme())
    if not access.granted():  # open to the room's network: asked once per browser session
        access.gate(text)
    st.navigation(pages(text)).run()


main()
