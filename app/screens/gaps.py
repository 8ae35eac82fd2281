"""Mellan stolarna: every gap to discuss, with the room's notes, ideas and dot-votes.

Notes of a persona file are saved in the sidecar ``NAME.workshop.yaml`` beside it (never in the
persona); notes of an uploaded persona are kept for the session and can be downloaded.
"""

from __future__ import annotations

from typing import Any, Callable

import streamlit as st

from persona.errors import PersonaError
from persona.i18n import Catalog

from app import state, ui
from journeys import workshop
from journeys.gaps import gap_text, rule_title
from journeys.render import number_gaps

SORT_ORDERS = ("time", "votes")


def notes_for(chosen: state.Source, persona_id: str) -> workshop.WorkshopNotes:
    if chosen.is_upload:
        return state.upload_notes(persona_id)
    return workshop.load_notes(chosen.path, persona_id)


def change(chosen: state.Source, persona_id: str, gap_key: str, how: Callable[[Any], Any]) -> None:
    """Save one change of one gap's note (callbacks run before the page is drawn again)."""
    try:
        if chosen.is_upload:
            state.change_upload_note(persona_id, gap_key, how)
        else:
            workshop.update_note(chosen.path, persona_id, gap_key, how)
        st.session_state["notes_saved"] = True
    except (PersonaError, OSError) as exc:
        st.session_state["notes_failed"] = exc


def _text_changed(chosen, persona_id: str, gap_key: str, widget: str) -> None:
    """Save this browser's note; ``base`` (the text it showed) lets the library tell an edit of a
    note changed elsewhere meanwhile, which is then kept beside it, not over it."""
    base = st.session_state.get(f"{widget}-saved")
    change(chosen, persona_id, gap_key, workshop.set_text(st.session_state[widget], state.author(), base))


def _idea_added(chosen, persona_id: str, gap_key: str, widget: str) -> None:
    idea = st.session_state.get(widget, "")
    if idea.strip():
        change(chosen, persona_id, gap_key, workshop.add_idea(idea, state.author()))
    if "notes_failed" not in st.session_state:  # a refused idea stays in the box
        st.session_state[widget] = ""


def entries_html(note, mine, text: Catalog) -> str:
    """The room's other notes (and a conflicting version of this browser's), each with its author
    and time, shown literally."""
    lines = []
    for entry in note.entries:
        if entry is mine:
            continue
        who = entry.by or text("app.gaps.no_author")
        mark = f' <strong>{ui.escape(text("app.gaps.conflict_mark"))}</strong>' if entry.conflict else ""
        lines.append(f'<p class="jr-entry"><em>{ui.escape(who)} · {ui.escape(entry.at[:16].replace("T", " "))}</em>'
                     f'{mark}<br>{ui.escape(entry.text)}</p>')
    return "".join(lines)


def gap_card(text: Catalog, numbered, note, chosen, persona_id: str, vocabulary, read_only: bool,
             verdict: str | None = None) -> None:
    gap, key = numbered.gap, numbered.gap.key
    words = gap_text(gap, text, vocabulary)
    with st.container(border=True):
        ui.gap_callout(numbered.number, rule_title(gap.rule, text), ui.age_span(gap, text), words.message,
                       words.question, head=text("app.gap.status_open"))
        if verdict:
            st.markdown(f"**{ui.escape(verdict)}**")
        st.button(text("projector.show"), key=f"show-{key}", on_click=state.show_gap, args=(key,),
                  icon=":material/slideshow:")
        votes, minus, plus = st.columns([4, 1, 1], vertical_alignment="center")
        with votes:
            dots = "●" * min(note.votes, 20)
            st.html(f'<p class="jr-votes">{ui.escape(text("app.gaps.votes", votes=note.votes))} {dots}</p>')
        with minus:
            st.button(text("app.gaps.unvote"), key=f"unvote-{key}", on_click=change, width="stretch",
                      args=(chosen, persona_id, key, workshop.add_votes(-1)), disabled=read_only or not note.votes,
                      help=text("app.gaps.unvote_help"))
        with plus:
            st.button(text("app.gaps.vote"), key=f"vote-{key}", on_click=change, width="stretch",
                      args=(chosen, persona_id, key, workshop.add_votes(1)), disabled=read_only,
                      help=text("app.gaps.vote_help"))
        mine = note.by(state.author())
        if note.has_conflict:
            st.warning(text("app.gaps.conflict"), icon=":material/warning:")
        others = entries_html(note, mine, text)
        if others:
            st.html(others)
        widget = f"note-{key}"
        mine_text = mine.text if mine else ""
        if st.session_state.get(widget) is None or st.session_state.get(f"{widget}-saved") != mine_text:
            st.session_state[widget] = mine_text  # a refused text stays: what was saved did not change
            st.session_state[f"{widget}-saved"] = mine_text
        st.text_area(text("app.gaps.notes_by", author=ui.literal(state.author())), key=widget,
                     on_change=_text_changed, disabled=read_only, args=(chosen, persona_id, key, widget),
                     placeholder=text("app.gaps.notes_placeholder"))
        ideas(text, note, chosen, persona_id, key, read_only)


def ideas(text: Catalog, note, chosen, persona_id: str, key: str, read_only: bool) -> None:
    st.markdown(f"**{ui.escape(text('app.gaps.ideas'))}**")
    for index, idea in enumerate(note.idea_entries):
        line, remove = st.columns([8, 1], vertical_alignment="center")
        with line:
            who = f' <em>({ui.escape(idea.by)})</em>' if idea.by else ""
            st.html(f"<p>→ {ui.escape(idea.text)}{who}</p>")
        with remove:
            st.button(text("app.gaps.remove_idea"), key=f"remove-{key}-{index}", on_click=change, disabled=read_only,
                      args=(chosen, persona_id, key, workshop.remove_idea(index, idea)),
                      help=text("app.gaps.remove_idea_help"))
    widget = f"idea-{key}"
    new, add = st.columns([8, 1], vertical_alignment="bottom")
    with new:
        st.text_input(text("app.gaps.new_idea"), key=widget, disabled=read_only, label_visibility="collapsed",
                      placeholder=text("app.gaps.new_idea_placeholder"))
    with add:
        st.button(text("app.gaps.add_idea"), key=f"add-{key}", on_click=_idea_added, disabled=read_only,
                  args=(chosen, persona_id, key, widget), width="stretch")


def messages(text: Catalog, chosen: state.Source) -> None:
    failed = st.session_state.pop("notes_failed", None)
    if isinstance(failed, workshop.NoteRefused):
        st.error(text("app.gaps.refused"), icon=":material/error:")
        ui.show_problems(failed, text)
    elif isinstance(failed, PersonaError):
        ui.show_problems(failed, text)
    elif failed is not None:
        st.error(text("app.gaps.save_failed", error=ui.literal(failed)), icon=":material/error:")
    if st.session_state.pop("notes_saved", False):
        where = text("app.gaps.kept_in_session") if chosen.is_upload else workshop.sidecar_path(chosen.path).name
        st.toast(text("app.gaps.saved", where=ui.literal(where)), icon=":material/check_circle:")


def _author_changed() -> None:
    state.set_author(st.session_state["author_field"])


def author_field(text: Catalog) -> None:
    """Who writes from this browser: notes and ideas keep it, with the time."""
    st.session_state.setdefault("author_field", state.author())
    st.text_input(text("app.gaps.author"), key="author_field", on_change=_author_changed, max_chars=60,
                  help=text("app.gaps.author_help"))


def body(text: Catalog) -> None:
    if state.get(state.SHOW_GAP):
        st.switch_page("views/journey.py")
    chosen, found = state.current()
    persona = found.persona_file.persona
    st.title(text("app.gaps.title", name=ui.literal(persona.name)))
    messages(text, chosen)
    read_only = False
    try:
        notes = notes_for(chosen, persona.id)
    except PersonaError as exc:  # a malformed sidecar: shown, and never overwritten
        ui.show_problems(exc, text)
        st.warning(text("app.gaps.read_only"))
        notes, read_only = workshop.WorkshopNotes(persona.id), True
    where = text("app.gaps.kept_in_session") if chosen.is_upload else str(workshop.sidecar_path(chosen.path))
    st.caption(text("app.gaps.where", where=ui.literal(where), votes=notes.total_votes))
    author_field(text)
    if not found.gaps:
        st.info(text("app.gaps.none"))
        return
    order = st.segmented_control(text("app.gaps.sort"), SORT_ORDERS, default="time", required=True, key="gap_order",
                                 format_func=lambda o: text(f"app.gaps.sort_{o}"))
    numbered = list(number_gaps(found.gaps))
    if order == "votes":
        numbered.sort(key=lambda n: (-notes.note(n.gap.key).votes, n.number))
    verdicts = catalogue_verdicts(text, found)
    for item in numbered:
        gap_card(text, item, notes.note(item.gap.key), chosen, persona.id, found.graph.vocabulary, read_only,
                 verdicts.get(item.gap.key))


def catalogue_verdicts(text: Catalog, found) -> dict[str, str]:
    """The folder's service catalogue on each gap: offer missing, or there and not reaching the
    child (nothing without a catalogue; a bad catalogue is shown and left out)."""
    from app import offer_data
    from app.screens.offer import chosen_catalogue_path
    from journeys.catalogue.text import verdict_sentence

    path = chosen_catalogue_path()
    if path is None:
        return {}
    try:
        verdicts = offer_data.verdicts(found, path)
    except PersonaError as exc:
        ui.show_problems(exc, text)
        return {}
    vocabulary = offer_data.catalogue(path).vocabulary
    return {key: text("app.gaps.verdict", sentence=verdict_sentence(v, text, vocabulary)) for key, v in verdicts.items()}
