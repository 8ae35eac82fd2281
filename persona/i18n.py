"""User-facing text: every string a user reads comes from a language file.

Each layer ships its own catalogue (``persona/lang/sv.yaml``, ``journeys/lang/gaps.sv.yaml``, ...);
a :class:`Catalog` merges the catalogues of the layers it is asked for. Keys are dotted paths
into the nested YAML mapping, values are ``str.format`` templates.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

import yaml

try:  # the C loader reads the language files several times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
LANGUAGE_ENV = "JOURNEYS_LANG"


class UnknownLanguage(ValueError):
    """A language was asked for that has no catalogue."""


def language_from(requested: str | None = None) -> str:
    """The language to speak: the one asked for, else ``JOURNEYS_LANG``, else Swedish."""
    lang = (requested or os.environ.get(LANGUAGE_ENV) or DEFAULT_LANGUAGE).strip().lower()
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    return lang


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Nested mapping → ``{"a.b.c": text}``."""
    flat: dict[str, str] = {}
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, dotted + "."))
        else:
            flat[dotted] = str(value)
    return flat


def language_files(package: str, lang: str) -> list[Any]:
    """A package's catalogue files for one language: ``lang/sv.yaml`` and ``lang/<area>.sv.yaml``."""
    folder = resources.files(package).joinpath("lang")
    if not folder.is_dir():
        return []
    names = sorted(p.name for p in folder.iterdir() if p.name == f"{lang}.yaml" or p.name.endswith(f".{lang}.yaml"))
    return [folder.joinpath(name) for name in names]


@lru_cache(maxsize=None)
def _package_strings(package: str, lang: str) -> Mapping[str, str]:
    merged: dict[str, str] = {}
    for path in language_files(package, lang):
        merged.update(flatten(yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}))
    return merged


@dataclass(frozen=True)
class Catalog:
    """The strings of one language, from one or more packages, plus local overrides."""

    lang: str
    strings: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        lang: str | None = None,
        packages: Iterable[str] = ("persona",),
        overrides: Mapping[str, Mapping[str, str]] | None = None,
    ) -> "Catalog":
        lang = language_from(lang)
        merged: dict[str, str] = {}
        for package in packages:
            merged.update(_package_strings(package, lang))
        if overrides:
            merged.update(flatten(overrides.get(lang, {})))
        return cls(lang=lang, strings=merged)

    def has(self, key: str) -> bool:
        return key in self.strings

    def __call__(self, message_key: str, /, **params: Any) -> str:
        template = self.strings.get(message_key)
        if template is None:
            return message_key
        return template.format(**params) if params else template
