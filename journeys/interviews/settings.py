"""The thresholds of the provenance check and compose, as data (``journeys/data/interviews.yaml``)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from persona.errors import PersonaInvalid, Problem
from persona.pydantic_problems import hint
from persona.safe_yaml import load_file, load_yaml


@dataclass(frozen=True)
class Thresholds:
    """How much evidence an element needs, and how evidence is grouped."""

    min_families: int
    min_families_sensitive: int
    max_family_share: float
    min_families_rare: int
    exact_age_tolerance: float
    age_bands: tuple[float, ...]
    default_support_level: str

    def families_needed(self, sensitive: bool) -> int:
        return self.min_families_sensitive if sensitive else self.min_families

    def band_of(self, age: float) -> tuple[float, float]:
        """The age band an age falls in (a band includes its start, not its end)."""
        limits = self.age_bands
        index = min(max(bisect_right(limits, age) - 1, 0), len(limits) - 2)
        return limits[index], limits[index + 1]


def _default_data() -> dict[str, Any]:
    yaml_text = resources.files("journeys").joinpath("data").joinpath("interviews.yaml").read_text(encoding="utf-8")
    return load_yaml(yaml_text, "journeys/data/interviews.yaml").data


def _flat(data: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for section in data.values() if isinstance(section, dict) for key, value in section.items()}


def _checked(value: Any, default: Any, name: str, path: str | Path, position: Any) -> Any:
    if isinstance(default, list):
        ok = isinstance(value, list) and len(value) >= 2 and all(isinstance(v, (int, float)) for v in value) \
            and list(value) == sorted(set(value))
    elif isinstance(default, str):
        ok = isinstance(value, str)
    else:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
    if not ok:
        raise PersonaInvalid(path, [Problem("thresholds.bad_value", {"name": name, "value": value}, position)])
    return value


def load_thresholds(path: str | Path | None = None) -> Thresholds:
    """The default thresholds, with a municipality's file (same shape) laid over them."""
    values = _flat(_default_data())
    if path is not None:
        loaded = load_file(path)
        data = loaded.data if isinstance(loaded.data, dict) else {}
        for section, items in data.items():
            for name, value in (items.items() if isinstance(items, dict) else []):
                position = loaded.source.key((section, name))
                if name not in values:
                    problem = Problem("thresholds.unknown", {"name": name, "hint": hint(name, values)}, position)
                    raise PersonaInvalid(path, [problem])
                values[name] = _checked(value, values[name], name, path, loaded.source.value((section, name)))
    names = {f.name for f in fields(Thresholds)}
    values = {k: v for k, v in values.items() if k in names}
    values["age_bands"] = tuple(float(v) for v in values["age_bands"])
    return Thresholds(**values)
