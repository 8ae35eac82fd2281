"""An interview record as YAML text, as ``journeys interviews import`` writes it."""

from __future__ import annotations

from typing import Any

from persona.i18n import Catalog

from journeys.interviews.yaml_text import flow, scalar

_RECORD_ORDER = ("interview", "id", "family", "month", "roles", "child_age_band", "consent", "codebook")
_EVIDENCE_ORDER = ("kind", "code", "agency", "from", "to", "handover", "age", "age_band", "domain", "level",
                   "paraphrase", "quote", "sensitive", "unique")


def record_text(record: dict[str, Any], text: Catalog, source: str) -> str:
    """The record with a comment saying where it came from and that it is sensitive."""
    lines = [f"# {text('sheet.written_from', source=source)}"]
    for key in _RECORD_ORDER:
        if key in record:
            value = record[key]
            lines.append(f"{key}: {flow(value) if isinstance(value, list) else scalar(value)}")
    lines.append("evidence:")
    for item in record["evidence"]:
        fields = [(k, item[k]) for k in _EVIDENCE_ORDER if k in item and item[k] not in (None, "", False)]
        lines += [f"{'  - ' if i == 0 else '    '}{k}: {scalar(v)}" for i, (k, v) in enumerate(fields)]
    return "\n".join(lines) + "\n"
