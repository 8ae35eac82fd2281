"""How the edit page's tables show a persona's values, and how a cell becomes a value again.

Codes (``life``, ``preschool``, ``partial``) are shown by their labels in the user's language;
the cell keeps the code, so nothing changes in the file. Ages are shown as people say them,
"3 år 7 mån", and read back from that, from "3.5" or "3,5"; a cell left as it was shown keeps
the exact age of the file (0.70 stays 0.70, although it shows as 8 months).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from persona.i18n import Catalog
from persona.vocabulary import Vocabulary

from journeys.ages import format_age

# Column → the vocabulary group whose labels it shows (agency columns use the agency labels).
GROUPS = {"kind": "event_kinds", "level": "support_levels", "domain": "factor_domains",
          "type": "factor_types", "handover": "handovers", "role": "roles"}
AGENCY_COLUMNS = ("agency", "to", "from")
_AGE = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*([^\d\s]*)\s*(?:(\d+)\s*([^\d\s]*))?\s*")


def label_function(column: str, vocabulary: Vocabulary, lang: str,
                   own: dict[str, str] | None = None) -> Callable[[Any], str]:
    """What a choice column shows for each code: its label, or the code when it has none."""

    def show(code: Any) -> str:
        if not isinstance(code, str):
            return "" if code is None else str(code)
        if column in AGENCY_COLUMNS:
            return (own or {}).get(code) or vocabulary.agency_label(code, lang, short=True)
        return vocabulary.label(GROUPS[column], code, lang)

    return show


def age_cell(value: Any, text: Catalog) -> Any:
    """An age as the table shows it ("3 år 7 mån"); anything that is not a number as it is."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
        return format_age(float(value), text)
    return value


def age_value(cell: Any, original: Any, text: Catalog) -> Any:
    """The age a cell holds: the file's own when the cell still reads as it was shown."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return None
    if isinstance(original, (int, float)) and original == original and cell == age_cell(original, text):
        return original
    return parse_age(cell, text)


def _words(text: Catalog, key: str) -> set[str]:
    return {w.strip().lower() for w in text(f"app.cells.{key}").split(",") if w.strip()}


def parse_age(cell: Any, text: Catalog) -> Any:
    """ "3 år 7 mån" → 3.58, "7 mån" → 0.58, "3,5" → 3.5; text that is no age is kept as it is,
    for the validator to name."""
    if not isinstance(cell, str):
        return cell
    match = _AGE.fullmatch(cell)
    if not match:
        return cell.strip()
    years_words, months_words = _words(text, "years_words"), _words(text, "months_words")
    first, first_unit, second, second_unit = match.groups()
    first_unit, second_unit = (first_unit or "").lower(), (second_unit or "").lower()
    number = float(first.replace(",", "."))
    if first_unit in months_words and second is None:
        return round(number / 12, 2)
    if first_unit not in years_words | {""} or second_unit not in months_words | {""}:
        return cell.strip()
    months = float(second) if second is not None else 0.0
    age = round(number + months / 12, 2)
    return int(age) if age.is_integer() else age
