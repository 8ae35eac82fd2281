"""The catalogue's settings as data (``journeys/data/catalogue.yaml``): the level each gap rule
calls for, and the ages the map of the offer spans."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

import yaml

try:  # the C loader reads the file several times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

AROUND = "around"


@dataclass(frozen=True)
class CatalogueSettings:
    called_for: Mapping[str, str]
    default_level: str
    first_age: int
    last_age: int

    def level_for(self, rule: str) -> str:
        """The level a rule calls for, or ``around`` (see the data file)."""
        return self.called_for.get(rule, self.default_level)


@lru_cache(maxsize=1)
def catalogue_settings() -> CatalogueSettings:
    yaml_text = resources.files("journeys").joinpath("data/catalogue.yaml").read_text(encoding="utf-8")
    data = yaml.load(yaml_text, Loader=_Loader)
    return CatalogueSettings(MappingProxyType(dict(data["called_for"])), data["default"],
                             int(data["ages"]["from"]), int(data["ages"]["to"]))
