"""The provenance check's findings as a plain-text table or as JSON (for other tools)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from persona.errors import describe
from persona.i18n import Catalog

from journeys.interviews.provenance import Provenance
from journeys.interviews.settings import Thresholds


def _row(cells: list[str], widths: list[int]) -> str:
    return " | ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()


def provenance_table(found: Provenance, text: Catalog, source: str | Path, thresholds: Thresholds) -> str:
    """A table of every element's evidence, the families' shares, and each violation on its own line."""
    persona = found.persona_file.persona
    lines = [text("provenance.heading", persona=persona.id, backed=len(found.backed),
                  assumptions=len(found.assumptions), families=len(found.family_counts)), ""]
    rows = [[c.strip() for c in text("provenance.columns").split("|")]]
    for element in found.elements:
        kind = text(f"provenance.category.{element.category}")
        if element.is_assumption:
            rows.append([element.id, kind, "", "", text("provenance.assumption_row")])
        else:
            rows.append([element.id, kind, str(len(element.families)), str(element.needed), ", ".join(element.sources)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines += [_row(row, widths) for row in rows]
    limit = math.floor(thresholds.max_family_share * len(found.elements))
    lines += ["", text("provenance.family_heading", limit=limit, elements=len(found.elements))]
    lines += [text("provenance.family_row", family=f, count=c) for f, c in sorted(found.family_counts.items())]
    lines += ["", text("provenance.ok") if found.ok else text("provenance.failed", count=len(found.problems))]
    return "\n".join(lines) + "\n"


def problem_lines(found: Provenance, text: Catalog, source: str | Path) -> list[str]:
    return [describe(problem, source, text) for problem in found.problems]


def provenance_json(found: Provenance, text: Catalog, source: str | Path) -> str:
    """The same findings as JSON: elements, assumptions, families' counts and violations with places."""
    data: dict[str, Any] = {
        "persona": found.persona_file.persona.id,
        "ok": found.ok,
        "elements": [{"id": e.id, "category": e.category, "sources": list(e.sources),
                      "families": len(e.families), "needed": e.needed, "assumption": e.is_assumption}
                     for e in found.elements],
        "assumptions": [e.id for e in found.assumptions],
        "family_counts": dict(sorted(found.family_counts.items())),
        "violations": [{"check": p.key.split(".", 1)[1],
                        "line": p.position.line if p.position else None,
                        "column": p.position.column if p.position else None,
                        "message": describe(p, source, text)} for p in found.problems],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
