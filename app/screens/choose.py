"""Välj: a persona from the folder or an uploaded file; language, theme and scenario."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from persona.errors import PersonaError, describe
from persona.i18n import LANGUAGES, Catalog
from persona.load import parse_persona
from persona.privacy import check_texts
from persona.safe_yaml import DEFAULT_MAX_BYTES, decode

from app import data, state, ui
from app.screens import evidence
from app.state import THEMES
from app.steps import STEP_MODES
from journeys.folders import persona_files

MAX_UPLOAD_BYTES = DEFAULT_MAX_BYTES


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


def _copy(widget: str, name: str) -> None:
    st.session_state[name] = st.session_state[widget]


def _chose_file() -> None:
    state.choose_file(Path(st.session_state["choose_file"]))


def folder_choice(text: Catalog) -> None:
    folder = state.folder()
    files = list(persona_files([str(folder)])) if folder.is_dir() else []
    if not files:
        st.warning(text("app.choose.empty_folder", folder=folder))
        return
    entries = {str(p): data.listed(str(p), _stamp(p)) for p in files}

    def label(path: str) -> str:
        entry, name = entries[path], Path(path).relative_to(folder).as_posix()
        if entry.name is None:
            return text("app.choose.invalid_entry", file=ui.literal(name), problems=entry.problems)
        return text("app.choose.entry", name=ui.literal(entry.name), file=ui.literal(name))

    paths = list(entries)
    chosen = state.get("chosen_path")
    st.radio(text("app.choose.from_folder", folder=folder), paths, format_func=label, key="choose_file",
             index=paths.index(chosen) if chosen in paths else None, on_change=_chose_file)
    evidence.records_note(folder, text)


def upload_choice(text: Catalog) -> None:
    upload = st.file_uploader(text("app.choose.upload"), type=["yaml", "yml"], key="uploader",
                              help=text("app.choose.upload_help"))
    # The drop zone's own words ("Drag and drop", "Browse files", the size limit) are Streamlit's
    # and cannot be set; the same facts are said here in the user's language.
    st.caption(text("app.upload.limits", mb=st.get_option("server.maxUploadSize")))
    if upload is None or state.get("upload_id") == upload.file_id:
        return
    if upload.size > MAX_UPLOAD_BYTES:  # refused before it is read
        st.error(text("app.choose.upload_too_large", size=f"{upload.size / 2**20:.1f}",
                      limit=f"{MAX_UPLOAD_BYTES / 2**20:.1f}"), icon=":material/error:")
        return
    if check_texts([(upload.name, None)]):  # the name is shown and used in messages
        st.error(text("app.choose.upload_name_personal"), icon=":material/error:")
        return
    raw = upload.getvalue()
    failed = state.failed_upload(raw)
    if failed is None:
        try:
            content = decode(raw, upload.name)
            parse_persona(content, upload.name, data.vocabulary())
        except PersonaError as exc:
            failed = state.remember_failed_upload(raw, exc)
    if failed is not None:  # shown on every run while the file stays in the box, read only once
        st.error(text("app.choose.upload_invalid", file=ui.literal(upload.name), problems=len(failed.problems)),
                 icon=":material/error:")
        ui.show_problems(failed, text)
        return
    state.put("upload_id", upload.file_id)
    state.choose_upload(upload.name, content)


def settings(text: Catalog) -> None:
    columns = st.columns(2)
    with columns[0]:
        _choice(text, "app.choose.language", LANGUAGES, state.lang(), "app.lang.", "lang")
    with columns[1]:
        _choice(text, "app.choose.theme", THEMES, state.theme(), "app.theme.", "theme")
    walk_settings(text)


def _choice(text: Catalog, label: str, options, current: str, words: str, setting: str,
            key: str | None = None) -> None:
    """A row of buttons for one setting; each option worded by the text ``<words><option>``."""
    key = key or f"choose_{setting}"
    st.segmented_control(text(label), options, default=current, required=True,
                         format_func=lambda option: text(f"{words}{option}"), key=key,
                         on_change=_copy, args=(key, setting))


def walk_settings(text: Catalog) -> None:
    """How the journey is walked and shown: a year or an event per step; a close-up or the whole life."""
    columns = st.columns(2)
    with columns[0]:
        _choice(text, "app.journey.step_by", STEP_MODES, state.step_mode(), "app.journey.step_", "step_mode",
                key="choose_step")
    with columns[1]:
        st.toggle(text("app.journey.zoom"), value=state.close_up(), key="choose_close_up",
                  help=text("app.journey.zoom_help"), on_change=_copy, args=("choose_close_up", "close_up"))


def scenario_choice(text: Catalog, persona) -> None:
    options = [None] + [s.id for s in persona.scenarios]
    labels = {s.id: s.label for s in persona.scenarios}
    current = state.scenario()
    st.selectbox(text("app.choose.scenario"), options, index=options.index(current) if current in options else 0,
                 format_func=lambda sid: labels.get(sid, text("app.choose.no_scenario")), key="choose_scenario",
                 on_change=_copy, args=("choose_scenario", "scenario"))


def summary(text: Catalog) -> None:
    if state.chosen_name() is None:
        st.info(text("app.choose.pick_one"), icon=":material/arrow_upward:")
        return
    chosen, found = state.current()
    persona = found.persona_file.persona
    st.success(text("app.choose.ready", name=ui.literal(persona.name), events=len(persona.events), gaps=len(found.gaps)),
               icon=":material/check_circle:")
    for warning in found.persona_file.warnings:
        st.warning(ui.literal(describe(warning, chosen.name, text)))
    scenario_choice(text, persona)
    st.page_link("views/journey.py", label=text("app.choose.go_journey"), icon=":material/arrow_forward:")


def body(text: Catalog) -> None:
    st.title(text("app.choose.title"))
    settings(text)
    left, right = st.columns([3, 2], gap="large")
    with left:
        folder_choice(text)
    with right:
        upload_choice(text)
    summary(text)
