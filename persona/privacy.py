"""The fictional-data guard: personas must never carry real people's personal data.

Flags Swedish personal identity numbers (personnummer and samordningsnummer, 10 or 12 digits,
with or without separator, only when the date is possible and the check digit is right),
Swedish phone numbers and e-mail addresses, anywhere in the file, comments included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from persona.errors import ERROR, Position, Problem

_IDENTITY = re.compile(r"(?<![\d+])(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+]?)(?P<serial>\d{3})(?P<check>\d)(?!\d)")
_PHONE = re.compile(
    r"(?<![\w+])(?P<prefix>\+46|0046|0)[\s-]?(?:\(0\)\s?)?(?P<rest>[1-9][\d\s-]{5,14}\d)(?![\d])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?![\w-])")
_COORDINATION_OFFSET = 60


@dataclass(frozen=True)
class Finding:
    """One piece of personal data found in a text."""

    kind: str  # "personnummer" | "samordningsnummer" | "phone" | "email"
    text: str
    position: Position

    def masked(self) -> str:
        if len(self.text) <= 4:
            return "…"
        return f"{self.text[:2]}…{self.text[-2:]}"


def luhn_ok(digits: str) -> bool:
    """The Luhn check the last digit of a Swedish identity number is made with."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def identity_kind(date: str, serial: str, check: str) -> str | None:
    """"personnummer", "samordningsnummer" or None for a 6+3+1-digit candidate."""
    month, day = int(date[2:4]), int(date[4:6])
    if not 1 <= month <= 12:
        return None
    kind = "personnummer"
    if day > _COORDINATION_OFFSET:
        day -= _COORDINATION_OFFSET
        kind = "samordningsnummer"
    if not 1 <= day <= 31:
        return None
    return kind if luhn_ok(date + serial + check) else None


def _identities(line: str) -> Iterator[tuple[str, int, str]]:
    for match in _IDENTITY.finditer(line):
        if match.group("century") and match.group("century") not in ("18", "19", "20"):
            continue
        kind = identity_kind(match.group("date"), match.group("serial"), match.group("check"))
        if kind:
            yield kind, match.start(), match.group(0)


def _phones(line: str) -> Iterator[tuple[str, int, str]]:
    for match in _PHONE.finditer(line):
        digits = re.sub(r"\D", "", match.group("rest"))
        if 7 <= len(digits) <= 9 and not _is_date_like(match.group(0)):
            yield "phone", match.start(), match.group(0)


def _is_date_like(text: str) -> bool:
    """0YYY-MM-DD style text (e.g. ``2004-05-12`` never starts with 0, but ``05-12-2004`` might)."""
    return bool(re.fullmatch(r"0\d-\d{2}-\d{4}", text.strip()))


def _emails(line: str) -> Iterator[tuple[str, int, str]]:
    for match in _EMAIL.finditer(line):
        yield "email", match.start(), match.group(0)


def find_personal_data(text: str) -> list[Finding]:
    """Every identity number, phone number and e-mail address in a text, with its place."""
    findings: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        taken: list[range] = []
        for finder in (_identities, _emails, _phones):
            for kind, start, found in finder(line):
                span = range(start, start + len(found))
                if any(start in other or other.start in span for other in taken):
                    continue
                taken.append(span)
                findings.append(Finding(kind, found, Position(number, start + 1)))
    return sorted(findings, key=lambda f: (f.position.line, f.position.column))


def privacy_problems(text: str, severity: str = ERROR) -> list[Problem]:
    return [
        Problem(f"privacy.{f.kind}", {"masked": f.masked()}, f.position, severity)
        for f in find_personal_data(text)
    ]
