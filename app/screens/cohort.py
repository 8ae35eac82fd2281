"""Kohort: the rules over a municipality's anonymised extract, with disclosure control — the
same library calls as ``journeys cohort``; only published counts are shown or offered."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from persona.i18n import Catalog
from persona.vocabulary import load_vocabulary

from app import state, ui
from journeys.cohort.disclosure import DisclosureFailed
from journeys.cohort.report import (
    CohortReport,
    ReportTable,
    build_report,
    cell_text,
    report_html,
    report_json,
    report_pictures,
)
from journeys.cohort.run import run_cohort
from journeys.folders import MAPPING_SUFFIXES


def default_folder() -> Path:
    """The app folder's ``cohort/`` when it has one (the examples do), else the app folder."""
    found = state.folder() / "cohort"
    return found if found.is_dir() else state.folder()


def mappings_in(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(str(p) for p in folder.iterdir() if p.name.endswith(MAPPING_SUFFIXES))


def body(text: Catalog) -> None:
    st.title(text("app.cohort.title"))
    st.caption(text("app.cohort.intro"))
    folder = Path(st.text_input(text("app.cohort.extract"), str(default_folder()), key="cohort_folder"))
    found = mappings_in(folder)
    if not found:
        st.info(text("app.cohort.no_mapping"), icon=":material/info:")
        return
    mapping = st.selectbox(text("app.cohort.mapping"), found, key="cohort_mapping", format_func=lambda p: Path(p).name)
    min_count = st.number_input(text("app.cohort.min_count"), min_value=2, max_value=100, value=5, key="cohort_k")
    request = (str(folder), mapping, int(min_count), text.lang)
    if st.button(text("app.cohort.run"), key="cohort_run", type="primary"):
        st.session_state["cohort_request"] = request
    if st.session_state.get("cohort_request") != request:
        return
    made = _made(request, text)
    if made is not None:
        show(*made, text)


def _made(request: tuple, text: Catalog) -> tuple | None:
    cached = st.session_state.get("cohort_result")
    if cached is not None and cached[0] == request:
        return cached[1]
    folder, mapping, min_count, _ = request
    vocabulary = load_vocabulary()
    with st.spinner(text("app.cohort.running")):
        try:
            run = run_cohort(folder, mapping, vocabulary, min_count=min_count)
        except DisclosureFailed:
            st.error(text("cohort.extract.disclosure_failed"), icon=":material/error:")
            return None
        bands = run.mapping.age_bands
        report = build_report(run.published, bands, run.dropped_rows, text, vocabulary)
        pictures = report_pictures(run.published, bands, text, vocabulary)
        made = (report, {name: drawing.svg() for name, drawing in pictures.items()},
                report_html(report, pictures, text), report_json(report))
    st.session_state["cohort_result"] = (request, made)
    return made


def show(report: CohortReport, svgs: dict[str, str], html: str, json_text: str, text: Catalog) -> None:
    st.metric(text("app.cohort.children"), str(report.children))
    st.caption(text("cohort.hidden_note", below=report.min_count - 1))
    heat, where, network = st.tabs([text("cohort.picture.heatmap"), text("cohort.picture.where"),
                                    text("cohort.picture.network")])
    for tab, name in ((heat, "heatmap"), (where, "where"), (network, "network")):
        with tab:
            ui.picture(svgs[name], text(f"cohort.picture.{name}"))
    for table in report.tables:
        st.subheader(table.title)
        st.dataframe(_frame(table, text.lang), use_container_width=True)
    st.subheader(text("cohort.disclosure.title"))
    for line in report.disclosure:
        st.write(line)
    st.subheader(report.can_say[0])
    st.write(report.can_say[1])
    left, right = st.columns(2)
    left.download_button(text("app.cohort.download_html"), html, file_name="kohort.html", mime="text/html",
                         key="cohort_html", type="primary")
    right.download_button(text("app.cohort.download_json"), json_text, file_name="kohort.json",
                          mime="application/json", key="cohort_json")


def _frame(table: ReportTable, lang: str):
    import pandas as pd

    columns = [label for _, label in table.columns]
    rows = [label for _, label in table.rows]
    return pd.DataFrame([[cell_text(v, lang) for v in row] for row in table.grid()], index=rows, columns=columns)
