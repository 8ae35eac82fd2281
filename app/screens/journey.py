"""Resan: walk through the child's life a year (or an event) at a time; gaps appear as the walk
reaches them, with the explanation and the question for the room in large type."""

from __future__ import annotations

import streamlit as st

from persona.i18n import Catalog

from app import data, state, steps, ui
from journeys.ages import format_age
from journeys.gaps import gap_text, rule_title
from journeys.labels import event_label
from journeys.render import number_gaps


def _go(direction: int, event_ages: tuple[float, ...]) -> None:
    move = steps.next_stop if direction > 0 else steps.previous_stop
    state.set_age(move(state.age(), state.step_mode(), event_ages))


def _slid() -> None:
    state.set_age(float(st.session_state["age_slider"]))


def controls(text: Catalog, event_ages: tuple[float, ...], end: float) -> None:
    age, mode = state.age(), state.step_mode()
    st.session_state.setdefault("age_slider", age)
    back, slider, forward = st.columns([3, 5, 3], vertical_alignment="center")
    with back:
        st.button(text("app.journey.previous"), key="previous", on_click=_go, args=(-1, event_ages),
                  disabled=steps.previous_stop(age, mode, event_ages) == age, width="stretch",
                  shortcut="Left")
    with slider:
        st.slider(text("app.journey.age"), 0.0, end, step=0.1, key="age_slider", on_change=_slid,
                  format=text("app.journey.slider_format"), label_visibility="collapsed")
    with forward:
        st.button(text("app.journey.next"), key="next", on_click=_go, args=(1, event_ages), type="primary",
                  disabled=steps.next_stop(age, mode, event_ages) == age, width="stretch",
                  shortcut="Right")


def gaps_here(text: Catalog, found: data.Analysis, window: tuple[float, float]) -> list[str]:
    """Call-outs (HTML) for the gaps this step reached."""
    vocabulary = found.graph.vocabulary
    shown = []
    for numbered in number_gaps(found.gaps, found.comparison):
        gap = numbered.gap
        if steps.new_between(gap.start, window[0], window[1]):
            words = gap_text(gap, text, vocabulary)
            shown.append(ui.gap_html(numbered.number, rule_title(gap.rule, text), ui.age_span(gap, text),
                                     words.message, words.question, closed=numbered.is_closed,
                                     head=text(f"app.gap.status_{numbered.status}")))
    return shown


def events_here(text: Catalog, found: data.Analysis, window: tuple[float, float]) -> str:
    """What happened in this step, as an HTML list."""
    vocabulary = found.graph.vocabulary
    happened = [e for e in found.graph.persona.events_by_age() if steps.new_between(e.age, window[0], window[1])]
    return ui.list_html([
        text("app.journey.event_line", age=format_age(e.age, text), label=event_label(e, vocabulary, text),
             agency=vocabulary.agency_label(e.agency, text.lang, short=True) if e.agency else "").rstrip(" ·")
        for e in happened
    ], text("app.journey.happened"))


def body(text: Catalog) -> None:
    scenario_id = state.scenario()
    chosen, found = state.current(scenario_id)
    walk(text, chosen.doc, found, scenario_id)


def walk(text: Catalog, doc: data.Document, found: data.Analysis, scenario_id: str | None) -> None:
    """The controls, what happened in this step, the gaps it reached, and the timeline so far."""
    persona = found.graph.persona
    event_ages = tuple(sorted({float(e.age) for e in persona.events}))
    end = steps.last_age(event_ages)
    age = min(max(state.age(), 0.0), end)
    mode = state.step_mode()
    previous = steps.previous_stop(age, mode, event_ages)
    span = (previous if previous < age else -1.0, age)

    controls(text, event_ages, end)
    subtitle = text("app.journey.scenario", label=persona.scenario(scenario_id).label) if scenario_id else ""
    heading = ui.heading_html(text("app.journey.heading", name=persona.name, age=format_age(age, text)), subtitle)
    reached = sum(1 for g in found.gaps if steps.reached(g.start, age))
    callouts = gaps_here(text, found, span)
    counted = text("app.journey.reached", reached=reached, total=len(found.gaps), new=len(callouts))
    st.html(heading + events_here(text, found, span) + "".join(callouts)
            + f'<p class="jr-sub">{ui.escape(counted)}</p>')
    window = steps.close_up(age, end) if state.close_up() else None
    svg = data.timeline_svg(doc, text.lang, state.theme(), age, scenario_id, window=window)
    ui.picture(svg, text("app.journey.picture_alt", name=persona.name, age=format_age(age, text)))
