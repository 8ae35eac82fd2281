"""The stages of a child's life (BVC and preschool, lower, middle and upper school, upper
secondary, 18+) as data: ages from ``journeys/data/life_stages.yaml``, names from the language
files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

STAGES_FILE = Path(__file__).resolve().parent.parent / "data" / "life_stages.yaml"


@dataclass(frozen=True)
class LifeStage:
    id: str
    start: float
    end: float


@cache
def life_stages() -> tuple[LifeStage, ...]:
    data = yaml.safe_load(STAGES_FILE.read_text(encoding="utf-8"))
    return tuple(LifeStage(s["id"], float(s["from"]), float(s["to"])) for s in data["stages"])


def stage_starts() -> tuple[float, ...]:
    """The ages where a new stage starts (after the first)."""
    return tuple(stage.start for stage in life_stages()[1:])
