"""Nätverk: the ecomap (the child, the adults and agencies around; the screen version, in the
overview's one type size, with its legend) and the risk balance over age, each on its own tab so
that it gets the whole screen."""

from __future__ import annotations

import streamlit as st

from persona.i18n import Catalog

from app import data, ecomap, state, ui


def body(text: Catalog) -> None:
    chosen, found = state.current()
    name = found.persona_file.persona.name
    lang, theme = state.lang(), state.theme()
    st.title(text("app.network.title", name=ui.literal(name)))
    eco_tab, balance = st.tabs([text("app.network.ecomap"), text("app.network.balance")])
    with eco_tab:
        st.caption(text("app.network.ecomap_help"))
        svg, marks = data.ecomap_screen_svg(chosen.doc, lang)
        st.markdown(ecomap.view_html(svg, marks, text("app.network.ecomap"), text, found.graph.vocabulary),
                    unsafe_allow_html=True)
    with balance:
        st.caption(text("app.network.balance_help"))
        ui.picture(data.balance_svg(chosen.doc, lang, theme), text("app.network.balance"), fit_height=True)
