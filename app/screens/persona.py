"""Persona: the card — name, summary, quote, the adults around the child, factors by My World domain."""

from __future__ import annotations

import streamlit as st

from persona.i18n import Catalog
from persona.model import FACTOR_DOMAINS

from app import state, ui
from app.screens import evidence
from journeys.ages import format_age
from journeys.labels import person_label


def span(period, text: Catalog) -> str:
    if period.to is None:
        return text("app.persona.from_age", start=format_age(period.from_, text))
    return text("app.persona.span", start=format_age(period.from_, text), end=format_age(period.to, text))


def people(persona, vocabulary, text: Catalog) -> None:
    st.subheader(text("app.persona.people"))
    lines = []
    for person in persona.people:
        role = vocabulary.label("roles", person.role, text.lang)
        mark = text("app.persona.protective_mark") if person.protective else ""
        name = person_label(person, vocabulary, text)
        lines.append(text("app.persona.person", mark=mark, name=name, role=role,
                          note=f" — {person.note}" if person.note else "").strip())
    show_list(lines, text)


def show_list(lines: list[str], text: Catalog) -> None:
    if lines:
        ui.bullet_list(lines)
    else:
        st.caption(text("app.persona.none"))


def factors(persona, vocabulary, text: Catalog) -> None:
    st.subheader(text("app.persona.factors"))
    columns = st.columns(len(FACTOR_DOMAINS))
    for column, domain in zip(columns, FACTOR_DOMAINS):
        with column:
            st.markdown(f"**{ui.literal(vocabulary.label('factor_domains', domain, text.lang))}**")
            lines = [
                text(f"app.persona.factor_{factor.type}", label=factor.label, span=span(factor, text))
                for factor in sorted(persona.factors, key=lambda f: (f.from_, f.id)) if factor.domain == domain
            ]
            show_list(lines, text)


def body(text: Catalog) -> None:
    chosen, found = state.current()
    persona, vocabulary = found.persona_file.persona, found.persona_file.vocabulary
    born = text("app.persona.born", year=persona.born) if persona.born else ""
    ui.heading(persona.name, born)
    if persona.summary:
        st.html(f"<p>{ui.escape(persona.summary)}</p>")
    if persona.quote:
        st.html(f'<blockquote class="jr-quote">{ui.escape(text("app.persona.quoted", quote=persona.quote))}</blockquote>')
    people(persona, vocabulary, text)
    factors(persona, vocabulary, text)
    st.caption(text("app.persona.legend"))
    evidence.section(found.persona_file, text)
