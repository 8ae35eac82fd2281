"""What the app remembers for one browser session: the chosen persona, language, theme,
scenario, the age on the journey, and the room's notes for an uploaded persona.

Values live under plain keys of ``st.session_state`` (not widget keys), so they survive moving
between pages; widgets copy into them with callbacks.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

import streamlit as st

from persona.i18n import LANGUAGES, UnknownLanguage, language_from
from persona.safe_yaml import read_text

from app import data

REPOSITORY = Path(__file__).resolve().parent.parent
FOLDER_ENV = "JOURNEYS_APP_FOLDER"
THEMES = ("projector", "print")
DEFAULT_THEME = "projector"


@dataclass(frozen=True)
class Source:
    """The persona being shown: a file of the folder, or an upload held in memory."""

    name: str  # what is shown and used in messages: the path, or the uploaded file's name
    yaml_text: str
    path: Path | None = None  # None for an upload

    @property
    def is_upload(self) -> bool:
        return self.path is None

    @cached_property
    def doc(self) -> data.Document:
        """The text as the caches know it (keyed on its content hash)."""
        return data.document(self.name, self.yaml_text)


def folder() -> Path:
    return Path(os.environ.get(FOLDER_ENV) or REPOSITORY / "examples")


def get(name: str, default: Any = None) -> Any:
    return st.session_state.get(name, default)


def put(name: str, value: Any) -> None:
    st.session_state[name] = value


def lang() -> str:
    if "lang" not in st.session_state:
        try:
            st.session_state["lang"] = language_from(None)
        except UnknownLanguage:
            st.session_state["lang"] = LANGUAGES[0]
    return st.session_state["lang"]


def text():
    return data.catalog(lang())


def theme() -> str:
    return st.session_state.setdefault("theme", DEFAULT_THEME)


def scenario() -> str | None:
    return st.session_state.get("scenario")


# --- the chosen persona ---

def choose_file(path: Path) -> None:
    st.session_state["chosen_path"] = str(path)
    st.session_state.pop("upload", None)
    _new_persona()


def choose_upload(name: str, yaml_text: str) -> None:
    st.session_state["upload"] = (name, yaml_text)
    st.session_state.pop("chosen_path", None)
    _new_persona()


def replace_upload_text(new_text: str) -> None:
    """Edits of an uploaded persona replace the text held in memory."""
    name, _ = st.session_state["upload"]
    st.session_state["upload"] = (name, new_text)


def _new_persona() -> None:
    for key in ("scenario", "age", "gap_stop", "last_age", "opened", "upload_notes"):
        st.session_state.pop(key, None)
    forget_editor()


def forget_editor() -> None:
    """Drop the edit page's tables and fields, so they are made afresh from the file."""
    st.session_state["editor_round"] = st.session_state.get("editor_round", 0) + 1


def chosen_name() -> str | None:
    """The chosen persona's file name, without reading it."""
    if "upload" in st.session_state:
        return st.session_state["upload"][0]
    chosen = st.session_state.get("chosen_path")
    return Path(chosen).name if chosen else None


def source() -> Source | None:
    """The chosen persona's current text (read from disk on every run: edits show at once)."""
    if "upload" in st.session_state:
        name, yaml_text = st.session_state["upload"]
        return Source(name, yaml_text)
    chosen = st.session_state.get("chosen_path")
    if chosen is None:
        return None
    path = Path(chosen)
    return Source(str(path), _current_text(path), path)


def _current_text(path: Path) -> str:
    """The file's text, read again only when its size or modification time changed."""
    try:
        info = os.stat(path)
    except OSError:
        return read_text(path)  # names the problem (missing, no permission)
    stamp = (str(path), info.st_size, info.st_mtime_ns)
    kept = st.session_state.get("_read")
    if kept is None or kept[0] != stamp:
        kept = (stamp, read_text(path))
        st.session_state["_read"] = kept
    return kept[1]


def current(scenario_id: str | None = None) -> tuple[Source, data.Analysis]:
    """The chosen persona, analysed (raises PersonaError for a file that is not valid)."""
    chosen = source()
    if chosen is None:
        raise NothingChosen()
    return chosen, data.chosen(chosen.doc, scenario_id)


class NothingChosen(Exception):
    """No persona has been chosen yet."""


# --- uploads that failed: read once, remembered by their content hash ---

FAILED_UPLOADS_KEPT = 8


def failed_upload(raw: bytes) -> Any:
    """The error of an upload with these bytes that failed before (None: not tried, or valid)."""
    return st.session_state.get("failed_uploads", {}).get(hashlib.sha256(raw).hexdigest())


def remember_failed_upload(raw: bytes, error: Any) -> Any:
    failed = st.session_state.setdefault("failed_uploads", {})
    failed[hashlib.sha256(raw).hexdigest()] = error
    while len(failed) > FAILED_UPLOADS_KEPT:
        failed.pop(next(iter(failed)))
    return error


# --- the age on the journey ---

def age() -> float:
    return float(st.session_state.get("age", 0.0))


def last_age() -> float:
    return float(st.session_state.get("last_age", -1.0))


def set_age(value: float, gap: int = 0) -> None:
    """Stand at an age (``gap``: at that gap's stop, its number; 0 for the age itself)."""
    st.session_state["last_age"] = age()
    st.session_state["age"] = float(value)
    st.session_state["gap_stop"] = int(gap)
    st.session_state["age_slider"] = float(value)


SHOW_GAP = "show_gap"


def show_gap(key: str) -> None:
    """Ask Resan to stand at the gap with this key (its number depends on the scenario shown there)."""
    st.session_state[SHOW_GAP] = key


def gap_stop() -> int:
    """The number of the gap the walk stands at, or 0 at an age."""
    return int(st.session_state.get("gap_stop", 0))


def step_mode() -> str:
    return st.session_state.setdefault("step_mode", "year")


def close_up() -> bool:
    """Show the years around the age in readable size (the default on a projector)."""
    return bool(st.session_state.get("close_up", theme() == "projector"))


# --- notes of an uploaded persona (files get a sidecar instead) ---

def upload_notes(persona_id: str):
    from journeys.workshop import WorkshopNotes

    notes = st.session_state.get("upload_notes")
    if notes is None or notes.persona_id != persona_id:
        notes = WorkshopNotes(persona_id)
        st.session_state["upload_notes"] = notes
    return notes


def change_upload_note(persona_id: str, gap_key: str, change: Callable[[Any], Any]) -> None:
    """Change a note of an uploaded persona (refused, unchanged, when it would hold personal data)."""
    notes = upload_notes(persona_id)
    st.session_state["upload_notes"] = notes.changed(gap_key, change, chosen_name() or persona_id)


# --- who writes notes from this browser ---

def author() -> str:
    """The name this browser writes notes under; at first a short code made from the session."""
    if "author" not in st.session_state:
        st.session_state["author"] = text()("app.gaps.default_author", code=_session_code())
    return st.session_state["author"]


def set_author(name: str) -> None:
    st.session_state["author"] = name.strip() or author()


def _session_code() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    session = context.session_id if context is not None else "local"
    return hashlib.sha256(session.encode("utf-8")).hexdigest()[:4]
