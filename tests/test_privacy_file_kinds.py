"""The personal-data guard on the file kinds beside personas (catalogue, cost table, interview
record): a number hidden in a YAML escape is found in the parsed value, not only in raw lines."""

from __future__ import annotations

import pytest

from persona.catalogue import CatalogueInvalid, parse_catalogue
from persona.costs import CostsInvalid, parse_costs
from persona.errors import PersonaInvalid
from persona.interview_load import parse_interview

from journeys.cost import default_cost_table

from test_catalogue import SMALL
from test_cost import ITEM, costs_text
from test_interview_records import record

HIDDEN = '"19811218\\x2D9876"'  # a personnummer whose dash is a YAML escape: no raw line shows it
PLAIN = '"Samtal om skolan"'


def catalogue(name: str) -> str:
    return SMALL.replace("name: Stöd", f"name: {name}")


def costs(label: str) -> str:
    return costs_text(ITEM.replace("sv: X", f"sv: {label}"))


def interview(paraphrase: str) -> str:
    return record(paraphrase=f"    paraphrase: {paraphrase}")


def keys(exc: Exception) -> list[str]:
    return [p.key for p in exc.problems]  # type: ignore[attr-defined]


def test_a_catalogue_hides_no_personnummer_in_an_escape():
    assert parse_catalogue(catalogue(PLAIN)).catalogue.services
    with pytest.raises(CatalogueInvalid) as caught:
        parse_catalogue(catalogue(HIDDEN))
    assert "privacy.personnummer" in keys(caught.value)


def test_a_cost_table_hides_no_personnummer_in_an_escape():
    assert parse_costs(costs(PLAIN), "k.yaml", default_cost_table()).table.items
    with pytest.raises(CostsInvalid) as caught:
        parse_costs(costs(HIDDEN), "k.yaml", default_cost_table())
    assert "privacy.personnummer" in keys(caught.value)


def test_an_interview_record_hides_no_personnummer_in_an_escape():
    assert parse_interview(interview(PLAIN), "x.interview.yaml").record
    with pytest.raises(PersonaInvalid) as caught:
        parse_interview(interview(HIDDEN), "x.interview.yaml")
    assert "interview.privacy.personnummer" in keys(caught.value)
