"""Utbudet: the municipality's service catalogue as a map (age × level per sector), and its
luckor, each with a question for the room. Needs no persona: the catalogue sits in the folder."""

from __future__ import annotations

import streamlit as st

from persona.i18n import Catalog

from app import offer_data, state, ui
from journeys.catalogue.text import lucka_line, lucka_question


def chosen_catalogue_path():
    """The catalogue chosen on this page, else the folder's first (None when there is none)."""
    paths = offer_data.catalogue_paths(state.folder())
    wanted = state.get("catalogue_path")
    return next((p for p in paths if str(p) == wanted), paths[0] if paths else None)


def chosen_catalogue(text: Catalog):
    """The catalogue the room looks at (a choice when the folder holds several), or None."""
    paths = offer_data.catalogue_paths(state.folder())
    if not paths:
        return None
    names = [str(p) for p in paths]
    wanted = state.get("catalogue_path")
    current = wanted if wanted in names else names[0]
    if len(names) > 1:
        current = st.selectbox(text("app.offer.choose"), names, index=names.index(current),
                               format_func=lambda n: paths[names.index(n)].name)
    state.put("catalogue_path", current)
    return paths[names.index(current)]


def body(text: Catalog) -> None:
    path = chosen_catalogue(text)
    if path is None:
        st.title(text("app.offer.title_none"))
        st.info(text("app.offer.none", folder=state.folder()), icon=":material/info:")
        return
    loaded = offer_data.catalogue(path)
    catalogue = loaded.catalogue
    st.title(text("app.offer.title", municipality=catalogue.municipality))
    luckor = offer_data.luckor(path)
    st.caption(text("app.offer.caption", services=len(catalogue.services), luckor=len(luckor), file=path.name))
    ui.picture(offer_data.heatmap_svg(path, state.lang()),
               text("catalogue.picture.title", municipality=catalogue.municipality))
    st.subheader(text("catalogue.luckor_heading"))
    if not luckor:
        st.info(text("catalogue.no_luckor"))
    for lucka in luckor:
        with st.container(border=True):
            st.markdown(f"**{ui.escape(lucka_line(lucka, text, loaded.vocabulary))}**")
            st.markdown(ui.escape(f"{text('catalogue.question')}: {lucka_question(lucka, text, loaded.vocabulary)}"))
