"""The JSON Schemas of the catalogue and cost table files, for editors with autocompletion.

Generated from the pydantic models like the persona's (:mod:`persona.schema`), described from
the language files; agency fields suggest the vocabulary's words while allowing a municipality's
own.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from persona.catalogue import Catalogue
from persona.costs import CostTable
from persona.i18n import Catalog
from persona.schema import SCHEMA_DIALECT, _describe, _suggest
from persona.vocabulary import Vocabulary

KINDS = ("persona", "catalogue", "costs", "interview")


def _schema(model: type[BaseModel], root: str, title: str, catalog: Catalog) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True)
    defs = schema.setdefault("$defs", {})
    defs[root] = {k: v for k, v in schema.items() if k != "$defs"}
    _describe(defs, catalog)
    return {"$schema": SCHEMA_DIALECT, "title": catalog(title), "$ref": f"#/$defs/{root}",
            "$defs": dict(sorted(defs.items()))}


def catalogue_schema(catalog: Catalog, vocabulary: Vocabulary) -> dict[str, Any]:
    schema = _schema(Catalogue, "Catalogue", "schema.catalogue_title", catalog)
    _suggest(schema["$defs"]["Service"]["properties"]["agency"], sorted(vocabulary.agencies))
    return schema


def costs_schema(catalog: Catalog, vocabulary: Vocabulary) -> dict[str, Any]:
    schema = _schema(CostTable, "CostTable", "schema.costs_title", catalog)
    agencies = sorted(vocabulary.agencies)
    for name in ("SupportMatch", "EventMatch"):
        _suggest(schema["$defs"][name]["properties"]["agency"], agencies)
    return schema


def file_schema_text(kind: str, catalog: Catalog, vocabulary: Vocabulary) -> str:
    """The schema of ``kind`` as committed in ``schema/<kind>.schema.json``."""
    from persona.schema import interview_schema, persona_schema

    makers = {"persona": persona_schema, "catalogue": catalogue_schema, "costs": costs_schema,
              "interview": interview_schema}
    return json.dumps(makers[kind](catalog, vocabulary), indent=2, ensure_ascii=False) + "\n"
