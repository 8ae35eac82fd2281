"""Exportera: the poster (size, tiling), each picture as SVG/PNG/PDF, the text chronology and the
room's notes — all made by the library, offered as downloads."""

from __future__ import annotations

import streamlit as st

from persona.errors import PersonaError
from persona.i18n import Catalog

from app import data, state, ui
from journeys import workshop
from journeys.render import PICTURE_VIEWS as VIEWS
from journeys.render.pages import ORIENTATIONS, POSTER_SIZES, TILE_SIZES

TILES = (None, *TILE_SIZES)
PICTURE_FORMATS = ("svg", "png", "pdf")
MIME = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf", "html": "text/html",
        "markdown": "text/markdown", "yaml": "application/yaml"}
CHRONOLOGY_FORMATS = {"html": "html", "markdown": "md"}


def notes_text(chosen: state.Source, persona_id: str) -> str | None:
    """The room's notes as sidecar text (None when there are none yet)."""
    notes = state.upload_notes(persona_id) if chosen.is_upload else workshop.load_notes(chosen.path, persona_id)
    return workshop.notes_to_text(notes) if notes.notes else None


def stem(persona_id: str, scenario_id: str | None) -> str:
    """Download names come from the persona's id (checked like every value of the file), never
    from the name of the file or upload."""
    return f"{persona_id}-{scenario_id}" if scenario_id else persona_id


def _make_poster(options: tuple) -> None:
    st.session_state["poster_options"] = options


def poster(text: Catalog, chosen: state.Source, persona_id: str, scenario_id: str | None, notes: str | None) -> None:
    st.subheader(text("app.export.poster"))
    size_col, orientation_col, tile_col = st.columns(3)
    with size_col:
        size = st.selectbox(text("app.export.size"), POSTER_SIZES, index=1, key="poster_size")
    with orientation_col:
        orientation = st.selectbox(text("app.export.orientation"), ORIENTATIONS, key="poster_orientation",
                                   format_func=lambda o: text(f"app.export.orientation_{o}"))
    with tile_col:
        tile = st.selectbox(text("app.export.tile"), TILES, key="poster_tile",
                            format_func=lambda t: text("app.export.no_tiles") if t is None else text("app.export.tiles", sheet=t))
    options = (chosen.doc, state.lang(), size, orientation, tile, scenario_id, notes)
    if st.session_state.get("poster_options") != options:
        st.button(text("app.export.make_poster"), key="make_poster", on_click=_make_poster, args=(options,),
                  type="primary")
        return
    with st.spinner(text("app.export.making")):
        pdf = data.poster_file(*options)
    suffix = f"-{tile.lower()}-tiles" if tile else ""
    st.download_button(text("app.export.download_poster", size=size), pdf, key="download_poster", type="primary",
                       file_name=f"{stem(persona_id, scenario_id)}-{size.lower()}{suffix}.pdf", mime=MIME["pdf"])


def pictures(text: Catalog, chosen: state.Source, persona_id: str, scenario_id: str | None) -> None:
    st.subheader(text("app.export.pictures"))
    view_col, format_col, button_col = st.columns([2, 1, 2], vertical_alignment="bottom")
    with view_col:
        view = st.selectbox(text("app.export.view"), VIEWS, key="export_view",
                            format_func=lambda v: text(f"app.export.view_{v}"))
    with format_col:
        fmt = st.selectbox(text("app.export.format"), PICTURE_FORMATS, key="export_format", format_func=str.upper)
    content = data.view_file(chosen.doc, state.lang(), state.theme(), view, fmt,
                             scenario_id if view == "timeline" else None)
    with button_col:
        st.download_button(text("app.export.download_picture", view=text(f"app.export.view_{view}"), fmt=fmt.upper()),
                           content, file_name=f"{stem(persona_id, scenario_id if view == 'timeline' else None)}-{view}.{fmt}",
                           mime=MIME[fmt], key="download_picture")


def chronology(text: Catalog, chosen: state.Source, persona_id: str, scenario_id: str | None, notes: str | None) -> None:
    st.subheader(text("app.export.chronology"))
    format_col, button_col = st.columns([3, 2], vertical_alignment="bottom")
    with format_col:
        fmt = st.segmented_control(text("app.export.format"), list(CHRONOLOGY_FORMATS), default="html", required=True,
                                   key="chronology_format", format_func=lambda f: text(f"app.export.chronology_{f}"))
    content = data.chronology_text(chosen.doc, state.lang(), fmt, notes, scenario_id)
    with button_col:
        st.download_button(text("app.export.download_chronology"), content.encode("utf-8"), key="download_chronology",
                           file_name=f"{stem(persona_id, scenario_id)}.{CHRONOLOGY_FORMATS[fmt]}", mime=MIME[fmt])


def notes_download(text: Catalog, persona_id: str, notes: str | None) -> None:
    st.subheader(text("app.export.notes"))
    if notes is None:
        st.caption(text("app.export.no_notes"))
        return
    name = f"{persona_id}{workshop.SIDECAR_SUFFIX}"
    st.download_button(text("app.export.download_notes"), notes.encode("utf-8"), file_name=name, mime=MIME["yaml"],
                       key="download_notes")


def body(text: Catalog) -> None:
    chosen, found = state.current()
    persona = found.persona_file.persona
    scenario_id = state.scenario()
    st.title(text("app.export.title", name=ui.literal(persona.name)))
    if scenario_id:
        st.caption(text("app.export.with_scenario", label=ui.literal(persona.scenario(scenario_id).label)))
    try:
        notes = notes_text(chosen, persona.id)
    except PersonaError as exc:
        ui.show_problems(exc, text)
        notes = None
    poster(text, chosen, persona.id, scenario_id, notes)
    pictures(text, chosen, persona.id, scenario_id)
    chronology(text, chosen, persona.id, scenario_id, notes)
    notes_download(text, persona.id, notes)
