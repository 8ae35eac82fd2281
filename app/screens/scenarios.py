"""Scenarier: a "what if" over the persona as it is — gaps closed, remaining, new; what the
scenario added, changed and removed, in words and drawn as one layer over the timeline."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from persona.i18n import Catalog

from app import data, overview, state, ui
from journeys.gaps import rule_title
from journeys.scenario_changes import change_lines, change_summary


def _chose() -> None:
    st.session_state["compare_scenario"] = st.session_state["scenario_choice"]


def gap_lines(text: Catalog, gaps) -> list[str]:
    return [text("app.scenarios.gap_line", title=rule_title(g.rule, text), span=ui.age_span(g, text)) for g in gaps]


GAP_KINDS = (("closed", "✔"), ("remaining", "●"), ("new", "✚"))


def gap_columns(text: Catalog, comparison, lists: bool) -> None:
    """The closed, remaining and new gaps side by side: their counts, or (``lists``) each gap."""
    for place, (kind, mark) in zip(st.columns(3), GAP_KINDS):
        gaps = getattr(comparison, kind)
        with place:
            if not lists:
                st.metric(text(f"app.scenarios.{kind}"), len(gaps))
                continue
            st.markdown(f"**{ui.escape(text(f'app.scenarios.{kind}'))}**")
            lines = gap_lines(text, gaps)
            if lines:
                ui.bullet_list([f"{mark} {line}" for line in lines])
            else:
                st.caption(text("app.scenarios.no_gaps"))


def body(text: Catalog) -> None:
    chosen, found = state.current()
    persona = found.persona_file.persona
    st.title(text("app.scenarios.title", name=ui.literal(persona.name)))
    if not persona.scenarios:
        st.info(text("app.scenarios.none"))
        return
    options = [s.id for s in persona.scenarios]
    wanted = state.get("compare_scenario") or state.scenario()
    current = wanted if wanted in options else options[0]
    st.selectbox(text("app.scenarios.choose"), options, index=options.index(current), key="scenario_choice",
                 format_func=lambda sid: persona.scenario(sid).label, on_change=_chose)
    scenario = persona.scenario(current)
    if scenario.note:
        st.caption(ui.literal(scenario.note))
    after = data.scenario_analysis(chosen.doc, current)
    layer_section(text, chosen, after, scenario)
    gap_columns(text, after.comparison, lists=False)
    change_list(text, after)
    gap_columns(text, after.comparison, lists=True)
    cost_section(text, chosen, scenario)


def layer_section(text: Catalog, chosen, after, scenario) -> None:
    """The scenario drawn as one layer over the whole-life overview (one type size, the rest on
    hover), what it changed in a sentence, the legend of the marks shown, and the full timeline
    with the layer as a file for print."""
    lang = state.lang()  # no heading over it: the select box above names the scenario, the room needs the height
    summary = change_summary(after.changes, text)
    st.caption(ui.literal(summary))
    svg, marks = data.scenario_overview_svg(chosen.doc, lang, scenario.id)
    picture = overview.inline_svg(svg, text("scenario_page.layer_alt", label=scenario.label, summary=summary))
    legend = overview.legend_html(marks, text, after.persona_file.vocabulary)
    st.markdown(overview.view_html("", picture, "", legend), unsafe_allow_html=True)
    downloads(text, chosen, scenario)


def downloads(text: Catalog, chosen, scenario) -> None:
    """The full Graphviz timeline with the scenario's layer and its legend, as SVG and PDF."""
    lang, theme = state.lang(), state.theme()
    for place, fmt in zip(st.columns(2), ("svg", "pdf")):
        place.download_button(text(f"scenario_print.{fmt}"),
                              data.scenario_layer_file(chosen.doc, lang, theme, scenario.id, fmt),
                              file_name=f"{scenario.id}-{text('scenario_print.name')}.{fmt}",
                              mime="image/svg+xml" if fmt == "svg" else "application/pdf", key=f"layer-{fmt}")


def change_list(text: Catalog, after) -> None:
    """What the scenario changed, element by element, folded."""
    lines = change_lines(after.changes, after.persona_file.vocabulary, text)
    if lines:
        with st.expander(text("scenario_page.changes", count=len(lines))):
            ui.bullet_list(lines)


def _payback(value, text: Catalog) -> str:
    if value is None:
        return text("app.cost.payback_never")
    return text("app.cost.payback_age", age=f"{value:g}".replace(".", text("cost.decimal")))


def cost_section(text: Catalog, chosen, scenario) -> None:
    """What the journey costs today and with the scenario, and the cost curve (estimates)."""
    from app import offer_data
    from journeys.render.cost_view import short_range

    report = offer_data.cost_report(chosen.doc, state.lang(), scenario.id)
    st.subheader(text("app.cost.heading"))
    st.caption(text("app.cost.caption", file=Path(chosen.name).name, scenario=scenario.id))
    today, after = st.columns(2)
    today.metric(text("app.cost.today"), short_range(report["total"]["today"], text))
    after.metric(text("app.cost.scenario"), short_range(report["total"]["scenario"], text))
    ages = report["payback_age"]
    payback = " / ".join(dict.fromkeys(_payback(ages[b], text) for b in ("low", "high")))
    st.markdown(f"**{ui.escape(text('app.cost.payback'))}:** {ui.escape(payback)}")
    ui.picture(offer_data.cost_curve_svg(chosen.doc, state.lang(), scenario.id), text("cost.picture.title"))
