"""The wall posters' type scale per paper size (A0, A1), read from ``journeys/data/poster_sizes.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

SIZES_FILE = Path(__file__).resolve().parent.parent / "data" / "poster_sizes.yaml"
LEADING = 1.25


@dataclass(frozen=True)
class TypeScale:
    """The five type sizes of one wall poster (points), its margin and the cost panel's scale."""

    title: float
    heading: float
    label: float
    body: float
    small: float
    margin: float
    cost_scale: float

    def sizes(self) -> tuple[float, ...]:
        return (self.title, self.heading, self.label, self.body, self.small)

    def line(self, size: float) -> float:
        """The height of one line of text of ``size``."""
        return size * LEADING


@cache
def type_scales() -> dict[str, TypeScale]:
    data = yaml.safe_load(SIZES_FILE.read_text(encoding="utf-8"))
    return {size: TypeScale(**{k: float(v) for k, v in values.items()}) for size, values in data["sizes"].items()}


def wall_sizes() -> tuple[str, ...]:
    """The paper sizes that get the wall poster (the others get the summary poster)."""
    return tuple(type_scales())


def type_scale(size: str) -> TypeScale:
    return type_scales()[size]
