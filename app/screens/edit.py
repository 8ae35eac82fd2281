"""Redigera: events, supports, factors and people as tables, the card as fields; checked as you
type; saved back into the YAML with comments and formatting kept (persona.edit), atomically,
and never over a file someone else changed meanwhile. Uploaded personas are edited in memory
and downloaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import streamlit as st

from persona.edit import CARD_FIELDS, PersonaEditor, edited_text
from persona.errors import PersonaError
from persona.i18n import Catalog
from persona.saving import (
    Opened,
    PersonaChangedOnDisk,
    check_text,
    open_for_edit,
    opened_from_text,
    refuse_if_changed,
    save,
    unified_diff,
)

from app import access, data, state, ui
from app import tables as tables_
from app.cell_values import row_cells, row_values

COLLECTIONS = tables_.COLLECTIONS


def opened_for(chosen: state.Source) -> Opened:
    """The file as it was when editing began (kept until it is saved or reloaded)."""
    opened = st.session_state.get("opened")
    fresh = opened is None or opened.path != chosen.path or (chosen.is_upload and opened.yaml_text != chosen.yaml_text)
    if fresh:
        opened = opened_from_text(chosen.yaml_text) if chosen.is_upload else open_for_edit(chosen.path)
        st.session_state["opened"] = opened
    return opened


def _reload() -> None:
    st.session_state.pop("opened", None)
    st.session_state.pop("conflict", None)
    state.forget_editor()


def tables(text: Catalog, editor: PersonaEditor, agencies: list[str], round_: int) -> dict[str, Any]:
    edited = {}
    own = {str(a.get("id")): str(a.get("label") or a.get("id")) for a in editor.items("agencies") if isinstance(a, Mapping)}
    tabs = st.tabs([text(f"app.edit.tab.{c}") for c in COLLECTIONS] + [text("app.edit.tab.card")])
    for tab, collection in zip(tabs, COLLECTIONS):
        with tab:
            table = st.data_editor(tables_.frame(editor, collection, text), key=f"table-{collection}-{round_}",
                                   num_rows="dynamic", column_config=tables_.column_config(collection, text, agencies, own),
                                   hide_index=True, width="stretch", placeholder="")
            edited[collection] = tables_.table_rows(table, collection, text)
    with tabs[-1]:
        edited["card"] = card_fields(text, editor, round_)
    return edited


def card_fields(text: Catalog, editor: PersonaEditor, round_: int) -> dict[str, Any]:
    card = row_cells(editor.card())
    with st.container(border=True):
        values = {
            "name": st.text_input(text("app.edit.column.name"), card["name"] or "", key=f"card-name-{round_}"),
            "born": st.text_input(text("app.edit.column.born"), card["born"] or "", key=f"card-born-{round_}"),
            "summary": st.text_area(text("app.edit.column.summary"), card["summary"] or "", height=160,
                                    key=f"card-summary-{round_}"),
            "quote": st.text_area(text("app.edit.column.quote"), card["quote"] or "", key=f"card-quote-{round_}"),
        }
    return row_values({k: v for k, v in values.items() if k in CARD_FIELDS and v != (card[k] or "")})


def conflict_box(text: Catalog, conflict: PersonaChangedOnDisk, mine: str | None, file_name: str) -> None:
    ui.show_problems(conflict, text)
    st.code(conflict.diff or text("app.edit.no_difference"), language="diff")
    reload, download = st.columns(2)
    with reload:
        st.button(text("app.edit.reload"), on_click=_reload, type="primary", key="reload", width="stretch")
    with download:
        if mine:
            st.download_button(text("app.edit.download_mine"), mine.encode("utf-8"), file_name=file_name,
                               mime="application/yaml", key="download-mine", width="stretch")


def validity(text: Catalog, new_text: str, source: str) -> bool:
    try:
        check_text(new_text, source, data.vocabulary())
    except PersonaError as exc:
        st.error(text("app.edit.invalid", problems=len(exc.problems)), icon=":material/error:")
        ui.show_problems(exc, text)
        return False
    st.success(text("app.edit.valid"), icon=":material/check_circle:")
    return True


def save_file(opened: Opened, new_text: str) -> None:
    """The save button's callback: problems are kept for the page to show (never a traceback)."""
    if not access.files_editable():  # the button is disabled then; a forged click still writes nothing
        return
    try:
        st.session_state["opened"] = save(opened, new_text, data.vocabulary())
    except PersonaChangedOnDisk as exc:
        st.session_state["conflict"] = exc
        return
    except (PersonaError, OSError) as exc:  # invalid after all, or the disk refused: nothing written
        st.session_state["edit_failed"] = exc
        return
    st.session_state.pop("conflict", None)
    st.session_state["edit_saved"] = True
    state.forget_editor()


def apply_upload(new_text: str) -> None:
    state.replace_upload_text(new_text)
    st.session_state["opened"] = opened_from_text(new_text)
    st.session_state["edit_saved"] = True
    state.forget_editor()


def actions(text: Catalog, chosen: state.Source, opened: Opened, new_text: str | None, valid: bool) -> None:
    changed = new_text is not None and new_text != opened.yaml_text
    save_col, undo_col, download_col = st.columns(3)
    with save_col:
        if chosen.is_upload:
            st.button(text("app.edit.apply"), type="primary", key="save", disabled=not (changed and valid),
                      on_click=apply_upload, args=(new_text,), width="stretch")
        else:
            st.button(text("app.edit.save"), type="primary", key="save",
                      disabled=not (changed and valid and access.files_editable()),
                      on_click=save_file, args=(opened, new_text), width="stretch")
    with undo_col:
        st.button(text("app.edit.undo"), key="undo", disabled=not changed, on_click=_reload, width="stretch")
    with download_col:
        st.download_button(text("app.edit.download"), (new_text or opened.yaml_text).encode("utf-8"),
                           file_name=Path(chosen.name).name, mime="application/yaml", key="download", width="stretch")
    if changed:
        with st.expander(text("app.edit.changes")):
            st.code(unified_diff(opened.yaml_text, new_text, Path(chosen.name).name), language="diff")


def body(text: Catalog) -> None:
    chosen = state.source()
    if chosen is None:
        raise state.NothingChosen()
    st.title(text("app.edit.title", file=ui.literal(Path(chosen.name).name)))
    if st.session_state.pop("edit_saved", False):
        st.toast(text("app.edit.saved"), icon=":material/check_circle:")
    failed = st.session_state.pop("edit_failed", None)
    if isinstance(failed, PersonaError):
        ui.show_problems(failed, text)
    elif failed is not None:
        st.error(text("app.edit.save_failed", error=ui.literal(failed)), icon=":material/error:")
    st.caption(text("app.edit.upload_note") if chosen.is_upload else text("app.edit.file_note", file=ui.literal(chosen.name)))
    if not chosen.is_upload and not access.files_editable():
        st.info(text("app.edit.read_only_network"), icon=":material/lock:")
    opened = opened_for(chosen)
    conflict = st.session_state.get("conflict")
    if conflict is None and not chosen.is_upload:
        try:
            refuse_if_changed(opened)
        except PersonaChangedOnDisk as exc:
            conflict = exc
    editor = PersonaEditor(opened.yaml_text, chosen.name)
    vocabulary = data.vocabulary()
    own = {item.get("id") for item in editor.items("agencies") if isinstance(item, Mapping)}
    agencies = sorted(set(vocabulary.agencies) | {a for a in own if isinstance(a, str)})
    edited = tables(text, editor, agencies, st.session_state.get("editor_round", 0))
    new_text = None
    try:
        card = edited.pop("card")
        new_text = edited_text(opened.yaml_text, edited, card, chosen.name)
    except (PersonaError, KeyError, ValueError) as exc:
        st.error(text("app.edit.cannot_apply", error=ui.literal(exc)), icon=":material/error:")
    if conflict is not None:
        conflict_box(text, conflict, new_text, Path(chosen.name).name)
    valid = new_text is not None and validity(text, new_text, chosen.name)
    actions(text, chosen, opened, new_text, valid)
