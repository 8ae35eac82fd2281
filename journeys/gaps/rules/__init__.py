"""The rules of "mellan stolarna", one small module each, found in this package.

A rule is a module here with ``RULE`` (its id), ``ORDER`` (its place in lists) and
``find(graph, params) -> Iterable[Gap]``, and may declare, next to its code:

- ``AGENCY_LISTS``: the names of its ``params`` that are lists of agencies (worded "BUP, skola
  och socialtjänst");
- ``TOLD_BY``: a rule whose gap already tells this one's story when every event of this gap is
  in it (a broken hand-over at 18 is the cliff at 18);
- ``GROUPS_AGENCIES``: ``True`` when its gap names every agency active in a period (no
  coordination, no SIP, the child not heard) rather than the agencies that failed: the ecomap
  shows such a gap by missing links between the agencies, not as stress on each tie
  (:func:`agency_group_rules`).

Its settings are the vocabulary's ``rules: <RULE>:`` section (``persona/data/vocabulary.yaml``
holds the defaults, against which a municipality's file is checked) and its words are
``gaps.<RULE>`` in ``journeys/lang/gaps.sv.yaml`` and ``gaps.en.yaml``. Nothing else lists the
rules: a new rule is its module, its defaults, its two language entries and its tests, and
:func:`wiring_problems` says which piece is missing.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Any, Iterable, Mapping

NOT_RULES = ("common",)


def discover(paths: Iterable[str] | None = None) -> dict[str, ModuleType]:
    """Every rule module of this package (or of ``paths``, searched as part of it), by id, in
    ``ORDER``."""
    found = []
    for info in sorted(pkgutil.iter_modules(list(paths if paths is not None else __path__)), key=lambda i: i.name):
        if info.name in NOT_RULES:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "RULE"):
            found.append(module)
    return {module.RULE: module for module in sorted(found, key=lambda m: (getattr(m, "ORDER", 10_000), m.RULE))}


def wiring_problems(rules: Mapping[str, ModuleType], defaults: Mapping[str, Any],
                    strings: Mapping[str, Mapping[str, str]]) -> list[str]:
    """What a rule still lacks, one line each, for the engineer adding it: the parts of the
    module, its defaults in the vocabulary, its words in every language (``strings`` maps a
    language to its flat catalogue)."""
    problems = []
    for rule, module in rules.items():
        problems += [f"rule {rule!r}: the module {module.__name__} has no {part}"
                     for part in ("ORDER", "find") if not hasattr(module, part)]
        if rule not in defaults:
            problems.append(f"rule {rule!r}: no defaults — add '{rule}: {{enabled: true, severity: 2, …}}' "
                            "under rules: in persona/data/vocabulary.yaml")
        for lang, catalogue in strings.items():
            problems += [f"rule {rule!r}: no 'gaps.{rule}.{key}' in journeys/lang/gaps.{lang}.yaml"
                         for key in ("title", "question") if f"gaps.{rule}.{key}" not in catalogue]
            if not any(k == f"gaps.{rule}.message" or k.startswith(f"gaps.{rule}.message_") for k in catalogue):
                problems.append(f"rule {rule!r}: no 'gaps.{rule}.message' (or message_<variant>) "
                                f"in journeys/lang/gaps.{lang}.yaml")
        if not isinstance(getattr(module, "GROUPS_AGENCIES", False), bool):
            problems.append(f"rule {rule!r}: GROUPS_AGENCIES must be True or False")
        told_by = getattr(module, "TOLD_BY", None)
        if told_by is not None and told_by not in rules:
            problems.append(f"rule {rule!r}: TOLD_BY names {told_by!r}, which is no rule")
    return problems


def agency_group_rules() -> frozenset[str]:
    """The rules whose gaps name every agency active in a period (``GROUPS_AGENCIES``)."""
    return frozenset(rule for rule, module in RULES.items() if getattr(module, "GROUPS_AGENCIES", False) is True)


RULES: dict[str, ModuleType] = discover()
RULE_MODULES: tuple[ModuleType, ...] = tuple(RULES.values())
