"""Nätverk: the ecomap (the child, the adults and agencies around) and the risk balance over age,
each on its own tab so that it gets the whole screen."""

from __future__ import annotations

import streamlit as st

from persona.i18n import Catalog

from app import data, state, ui


def body(text: Catalog) -> None:
    chosen, found = state.current()
    name = found.persona_file.persona.name
    lang, theme = state.lang(), state.theme()
    st.title(text("app.network.title", name=ui.literal(name)))
    ecomap, balance = st.tabs([text("app.network.ecomap"), text("app.network.balance")])
    with ecomap:
        st.caption(text("app.network.ecomap_help"))
        ui.picture(data.ecomap_svg(chosen.doc, lang, theme), text("app.network.ecomap"), fit_height=True)
    with balance:
        st.caption(text("app.network.balance_help"))
        ui.picture(data.balance_svg(chosen.doc, lang, theme), text("app.network.balance"), fit_height=True)
