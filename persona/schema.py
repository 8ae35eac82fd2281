"""The JSON Schema of persona files, for editors with autocompletion.

Generated from the pydantic models; descriptions come from the language files
(``schema.<Model>.<field>``), and fields that name agencies or roles suggest the
vocabulary's words while still allowing a municipality's own.
"""

from __future__ import annotations

import json
from typing import Any

from persona.i18n import Catalog
from persona.model import Persona
from persona.vocabulary import Vocabulary

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_AGENCY_FIELDS = {"Event": ("agency", "to", "from"), "Support": ("agency",)}
_ROLE_FIELDS = {"Person": ("role",)}


def _suggest(prop: dict[str, Any], words: list[str]) -> None:
    """Let editors offer ``words`` for a text field without forbidding other text."""
    target = prop
    for option in prop.get("anyOf", []):
        if option.get("type") == "string":
            target = option
    if target.get("type") == "array":
        target = target.setdefault("items", {})
    target["examples"] = words


def _type_changes(change: dict[str, Any]) -> None:
    """A scenario change holds an event, support or factor: say so, for autocompletion."""
    props = change["properties"]
    for field_name, model_name in (("add", "Event"), ("add_support", "Support"), ("add_factor", "Factor")):
        props[field_name] = {"$ref": f"#/$defs/{model_name}"}
    props["set"] = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
    props["remove"] = {"type": "string"}
    change["minProperties"] = change["maxProperties"] = 1


def _describe(defs: dict[str, Any], catalog: Catalog) -> None:
    for model_name, model in defs.items():
        key = f"schema.{model_name}"
        model.pop("description", None)
        if catalog.has(f"{key}._"):
            model["description"] = catalog(f"{key}._")
        for field_name, prop in model.get("properties", {}).items():
            prop.pop("title", None)
            if catalog.has(f"{key}.{field_name}"):
                prop["description"] = catalog(f"{key}.{field_name}")


def persona_schema(catalog: Catalog, vocabulary: Vocabulary) -> dict[str, Any]:
    """The JSON Schema of schema v1, described in the catalogue's language."""
    schema = Persona.model_json_schema(by_alias=True)
    defs = schema.setdefault("$defs", {})
    defs["Persona"] = {k: v for k, v in schema.items() if k not in ("$defs",)}
    agencies, roles = sorted(vocabulary.agencies), sorted(vocabulary.roles)
    for model_name, fields in _AGENCY_FIELDS.items():
        for field_name in fields:
            _suggest(defs[model_name]["properties"][field_name], agencies)
    _suggest(defs["Event"]["properties"]["with"], agencies)
    for model_name, fields in _ROLE_FIELDS.items():
        for field_name in fields:
            _suggest(defs[model_name]["properties"][field_name], roles)
    _type_changes(defs["Change"])
    _describe(defs, catalog)
    root = {"$schema": SCHEMA_DIALECT, "title": catalog("schema.title"), "$ref": "#/$defs/Persona",
            "$defs": dict(sorted(defs.items()))}
    return root


def schema_text(catalog: Catalog, vocabulary: Vocabulary) -> str:
    """The schema as the text committed in ``schema/persona.schema.json``."""
    return json.dumps(persona_schema(catalog, vocabulary), indent=2, ensure_ascii=False) + "\n"


def interview_schema(catalog: Catalog, vocabulary: Vocabulary) -> dict[str, Any]:
    """The JSON Schema of interview records (``*.interview.yaml``), described in the catalogue's language."""
    from persona.interview import InterviewRecord

    schema = InterviewRecord.model_json_schema(by_alias=True)
    defs = schema.setdefault("$defs", {})
    defs["InterviewRecord"] = {k: v for k, v in schema.items() if k not in ("$defs",)}
    for field_name in ("agency", "to", "from"):
        _suggest(defs["Evidence"]["properties"][field_name], sorted(vocabulary.agencies))
    _describe(defs, catalog)
    return {"$schema": SCHEMA_DIALECT, "title": catalog("schema_interview.title"),
            "$ref": "#/$defs/InterviewRecord", "$defs": dict(sorted(defs.items()))}


def interview_schema_text(catalog: Catalog, vocabulary: Vocabulary) -> str:
    """The schema as the text committed in ``schema/interview.schema.json``."""
    return json.dumps(interview_schema(catalog, vocabulary), indent=2, ensure_ascii=False) + "\n"
