"""The persona's evidence, on the Persona page: how much rests on interviews, and an element's sources.

Only counts per family key and interview ids are shown, never what an interview says: interview
records are sensitive. The records are those below the app's folder (or ``JOURNEYS_APP_INTERVIEWS``).
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from persona.errors import PersonaError
from persona.i18n import Catalog

from app import state, ui
from journeys.folders import interview_files

INTERVIEWS_ENV = "JOURNEYS_APP_INTERVIEWS"


def interviews_folder() -> Path:
    return Path(os.environ.get(INTERVIEWS_ENV) or state.folder())


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    found = []
    for path in interview_files([folder]) if folder.is_dir() else []:
        info = path.stat()
        found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(found)


def records_note(folder: Path, text: Catalog) -> None:
    """Under the folder's personas: how many interview records it holds (never listed, never opened here)."""
    count = len(_stamp(folder))
    if count:
        st.caption(text("app.evidence.records_in_folder", count=count))


def section(persona_file, text: Catalog) -> None:
    """The evidence section; nothing when there are no interview records."""
    folder = interviews_folder()
    stamp = _stamp(folder)
    if not stamp:
        return
    st.subheader(text("app.evidence.title"))
    try:
        found = provenance(persona_file, str(folder), stamp)
    except PersonaError as exc:
        ui.show_problems(exc, text)
        return
    summary(found, text)
    sources_on_demand(found, text)


def provenance(persona_file, folder: str, stamp: tuple) -> object:
    """The provenance check of the persona against the folder's interviews (cached on contents)."""
    key = (persona_file.path, persona_file.text, folder, stamp)
    kept = st.session_state.get("_provenance")
    if kept is None or kept[0] != key:
        from journeys.interviews.provenance import check_provenance
        from journeys.interviews.records import read_interviews
        from journeys.interviews.settings import load_thresholds

        interviews = read_interviews([folder], persona_file.vocabulary)
        kept = (key, check_provenance(persona_file, interviews, load_thresholds()))
        st.session_state["_provenance"] = kept
    return kept[1]


def summary(found, text: Catalog) -> None:
    st.markdown(text("app.evidence.summary", backed=len(found.backed), elements=len(found.elements),
                     assumptions=len(found.assumptions)))
    lines = [text("app.evidence.family", family=family, count=count)
             for family, count in sorted(found.family_counts.items()) if count]
    if lines:
        st.markdown(f"**{ui.escape(text('app.evidence.per_family'))}**")
        ui.bullet_list(lines)
    if found.ok:
        st.success(text("app.evidence.ok"), icon=":material/verified_user:")
    else:
        st.warning(text("app.evidence.violations", count=len(found.problems)), icon=":material/warning:")


def sources_on_demand(found, text: Catalog) -> None:
    elements = {e.id: e for e in found.elements}
    chosen = st.selectbox(text("app.evidence.choose"), [None, *elements], key="evidence_element",
                          format_func=lambda eid: text("app.evidence.none_chosen") if eid is None else eid)
    if chosen is None:
        return
    element = elements[chosen]
    if element.is_assumption:
        st.info(text("app.evidence.assumption", id=element.id), icon=":material/help:")
    else:
        st.info(text("app.evidence.sources", id=element.id, sources=", ".join(element.sources),
                     families=len(element.families), needed=element.needed), icon=":material/source:")
