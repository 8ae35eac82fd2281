"""Resan: walk through the child's life a year (or an event) at a time, stopping at each gap;
with the close-up on (the projector's default) every step is one view that fits the screen: the
years around the moment, the gap's explanation and question in large type, and a legend."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from persona.i18n import Catalog

from app import data, focus, overview, state, steps, ui
from journeys.ages import format_age
from journeys.gaps import gap_text, rule_title
from journeys.labels import event_label
from journeys.render import NumberedGap, number_gaps
from journeys.render.layout import axis_end


def _here() -> steps.Stop:
    return steps.Stop(state.age(), state.gap_stop())


def _go(direction: int, walk: tuple[steps.Stop, ...]) -> None:
    move = steps.next_walk_stop if direction > 0 else steps.previous_walk_stop
    there = move(_here(), walk)
    state.set_age(there.age, there.gap)


def _slid() -> None:
    state.set_age(float(st.session_state["age_slider"]))


def controls(text: Catalog, walk: tuple[steps.Stop, ...], end: float) -> None:
    here = _here()
    st.session_state.setdefault("age_slider", here.age)
    if st.session_state["age_slider"] > end:  # a record that ends earlier than where the walk stood
        st.session_state["age_slider"] = end
    back, slider, forward = st.columns([3, 5, 3], vertical_alignment="center")
    with back:
        st.button(text("app.journey.previous"), key="previous", on_click=_go, args=(-1, walk),
                  disabled=steps.previous_walk_stop(here, walk) == here, width="stretch", shortcut="Left")
    with slider:
        st.slider(text("app.journey.age"), 0.0, end, step=0.1, key="age_slider", on_change=_slid,
                  format=text("app.journey.slider_format"), label_visibility="collapsed")
    with forward:
        st.button(text("app.journey.next"), key="next", on_click=_go, args=(1, walk), type="primary",
                  disabled=steps.next_walk_stop(here, walk) == here, width="stretch", shortcut="Right")


def gap_html(text: Catalog, found: data.Analysis, numbered: NumberedGap) -> str:
    """A gap in large type (HTML): number, title, span, explanation, question."""
    gap = numbered.gap
    words = gap_text(gap, text, found.graph.vocabulary)
    return ui.gap_html(numbered.number, rule_title(gap.rule, text), ui.age_span(gap, text), words.message,
                       words.question, closed=numbered.is_closed, head=text(f"app.gap.status_{numbered.status}"))


def event_lines(text: Catalog, found: data.Analysis, window: tuple[float, float]) -> list[str]:
    """What happened in this step, one line per event."""
    vocabulary = found.graph.vocabulary
    happened = [e for e in found.graph.persona.events_by_age() if steps.new_between(e.age, window[0], window[1])]
    return [text("app.journey.event_line", age=format_age(e.age, text), label=event_label(e, vocabulary, text),
                 agency=vocabulary.agency_label(e.agency, text.lang, short=True) if e.agency else "").rstrip(" ·")
            for e in happened]


def voice_html(text: Catalog, found: data.Analysis, at_gap: NumberedGap | None, window: tuple[float, float]) -> str:
    """The child's (or the family's) own words from this step: the last ``voice:`` of the events
    the gap rests on, or of the events that happened in this step."""
    events = found.graph.persona.events_by_age()
    if at_gap is not None:
        said = [e for e in events if e.id in set(at_gap.gap.events) and e.voice]
    else:
        said = [e for e in events if e.voice and steps.new_between(e.age, window[0], window[1])]
    if not said:
        return ""
    last = said[-1]
    words = text("projector.voice", voice=last.voice, age=format_age(last.age, text))
    return f'<p class="jr-quote jr-voice">{ui.escape(words)}</p>'


def body(text: Catalog) -> None:
    scenario_id = state.scenario()
    chosen, found = state.current(scenario_id)
    walk(text, chosen.doc, found, scenario_id)


def walk(text: Catalog, doc: data.Document, found: data.Analysis, scenario_id: str | None) -> None:
    """The controls, then the step: one gap, or what happened since the last age; with the picture."""
    persona = found.graph.persona
    event_ages = tuple(sorted({float(e.age) for e in persona.events}))
    end = axis_end(found.graph)  # 20, or the end of the record rounded up to a year
    numbered = number_gaps(found.gaps, found.comparison)
    stops = tuple(steps.walk_stops(state.step_mode(), event_ages, [(n.gap.start, n.number) for n in numbered], end))
    wanted = st.session_state.pop(state.SHOW_GAP, None)
    shown = next((n for n in numbered if n.gap.key == wanted), None) if wanted else None
    if shown is not None:
        state.set_age(shown.gap.start, shown.number)
    age = min(max(state.age(), 0.0), end)
    at_gap = next((n for n in numbered if n.number == state.gap_stop()), None)
    controls(text, stops, end)
    subtitle = text("app.journey.scenario", label=persona.scenario(scenario_id).label) if scenario_id else ""
    heading = ui.heading_html(text("app.journey.heading", name=persona.name, age=format_age(age, text)), subtitle)
    reached = sum(1 for g in found.gaps if steps.reached(g.start, age))
    counted = text("app.journey.reached", reached=reached, total=len(found.gaps), new=1 if at_gap else 0)
    previous = steps.previous_stop(age, state.step_mode(), event_ages, end)
    span = (previous if previous < age else -1.0, age)
    lines = [] if at_gap else event_lines(text, found, span)
    if state.close_up():
        projector_view(text, doc, found, scenario_id, age, at_gap, heading, lines, voice_html(text, found, at_gap, span))
        return
    words = gap_html(text, found, at_gap) if at_gap else ui.list_html(lines, text("app.journey.happened"))
    words += voice_html(text, found, at_gap, span) + f'<p class="jr-sub">{ui.escape(counted)}</p>'
    overview_view(text, doc, found, scenario_id, age, heading, words)


def overview_view(text: Catalog, doc: data.Document, found: data.Analysis, scenario_id: str | None, age: float,
                  heading: str, words: str) -> None:
    """The whole life so far, in a picture the screen can hold, with the step's words under it."""
    svg, marks = data.overview_svg(doc, text.lang, age, scenario_id)
    label = text("app.journey.picture_alt", name=found.graph.persona.name, age=format_age(age, text))
    legend = overview.legend_html(marks, text, found.graph.vocabulary)
    st.markdown(overview.view_html(heading, overview.inline_svg(svg, label), words, legend), unsafe_allow_html=True)


def projector_view(text: Catalog, doc: data.Document, found: data.Analysis, scenario_id: str | None, age: float,
                   at_gap: NumberedGap | None, heading: str, lines: Sequence[str], voice: str) -> None:
    """One view that fits the screen: the close-up, the step's words under it, the legend."""
    svg, marks, window = data.focus_svg(doc, text.lang, age, at_gap.number if at_gap else 0, scenario_id)
    name = found.graph.persona.name
    label = text("projector.picture_alt", name=name, start=format_age(window[0], text), end=format_age(window[1], text))
    words = gap_html(text, found, at_gap) if at_gap else focus.events_html(lines, text("app.journey.happened"), text)
    legend = focus.legend_html(marks, text, found.graph.vocabulary)
    st.markdown(focus.view_html(heading, focus.inline_svg(svg, label), words + voice, legend), unsafe_allow_html=True)
