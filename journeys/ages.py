"""Ages: years with decimals in the persona, days in the rules, years and months for people.

An age is years × 365.25 days. Rules compare spans in days, rounded to a millionth of a day so
that an age written as a decimal lands exactly on a window when it is meant to.
"""

from __future__ import annotations

from persona.i18n import Catalog

DAYS_PER_YEAR = 365.25
MONTHS_PER_YEAR = 12
SHOW_DAYS_UP_TO = 100


def to_years(days: float) -> float:
    """A span in days as years."""
    return days / DAYS_PER_YEAR


def days_between(start: float, end: float) -> float:
    """Days from one age to a later one, rounded so decimal ages compare exactly."""
    return round((end - start) * DAYS_PER_YEAR, 6)


def years_and_months(age: float) -> tuple[int, int]:
    """Whole years and the months past them (rounded to the nearest month)."""
    months = int(round(max(age, 0.0) * MONTHS_PER_YEAR))
    return divmod(months, MONTHS_PER_YEAR)


def _count(key: str, number: int, text: Catalog) -> str:
    return text(f"age.{key}.{'one' if number == 1 else 'other'}", n=number)


def format_age(age: float, text: Catalog) -> str:
    """An age as people say it: "11 år 3 mån" / "11 years 3 months", "6 mån", "11 år"."""
    years, months = years_and_months(age)
    if months == 0:
        return _count("years", years, text)
    if years == 0:
        return _count("months", months, text)
    return f"{_count('years', years, text)} {_count('months', months, text)}"


def format_age_span(start: float, end: float, text: Catalog) -> str:
    """From one age to another: "11 år 3 mån – 12 år"; one age when both read the same."""
    first, last = format_age(start, text), format_age(end, text)
    return first if first == last else text("age.span", start=first, end=last)


def format_span(days: float, text: Catalog) -> str:
    """A duration as people say it: in days up to 100 days ("37 dagar", "91 dagar"), else in
    years and months ("5 mån", "1 år 6 mån")."""
    if days <= SHOW_DAYS_UP_TO:
        return _count("days", int(round(days)), text)
    return format_age(to_years(days), text)
