"""The fictional-data guard: personas must never carry real people's personal data.

Flags Swedish personal identity numbers (personnummer and samordningsnummer, 10 or 12 digits,
with or without separator, only when the date is possible and the check digit is right),
Swedish phone numbers and e-mail addresses.

Text is normalised before it is searched (:func:`normalise`): compatibility forms (NFKC, e.g.
full-width digits), every kind of dash, invisible characters (zero-width space, soft hyphen,
direction marks) and every kind of space. A file is searched twice: its raw lines (comments
included) and every string it holds after parsing (:func:`check_texts`), so YAML escapes such
as ``"\\x2D"`` or a line continuation inside a quoted value cannot hide a number.

Other file kinds (catalogues, cost tables, interview records…) call :func:`check_texts` with
their parsed strings and positions, or :func:`check_loaded` with a whole loaded file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from persona.errors import ERROR, Position, Problem

_IDENTITY = re.compile(
    r"(?<![\d+])(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+ ]?)(?P<serial>\d{3})(?P<check>\d)(?![\d])"
)
# A national number starts with 0 (perhaps in brackets: "(070)"); an international one with +46
# or 0046 (perhaps "(0)"). One separator other than space or dash ("/", ".", ")") may follow the
# area code; the rest is digits, spaces and dashes.
_PHONE = re.compile(
    r"(?<![\w+(])(?:(?P<intl>\+46|0046)[ -]?(?:\(0\) ?)?|(?P<bracket>\()?0)"
    r"(?P<rest>[1-9][\d \-/.)]{5,16}\d)(?![\d])"
)
_PHONE_ODD_SEPARATORS = "/.)"
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?![\w-])")
_DATE_LIKE = re.compile(r"0\d[-./]\d{2}[-./]\d{4}")
_COORDINATION_OFFSET = 60
# Text that cannot hold personal data is skipped: it has no "@" and no seven digits with at most
# three other characters between each (digits as NFKC makes them: superscripts, circled digits).
_DIGIT = r"[\d\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u24ff\u2776-\u2793\uff10-\uff19]"
_MIGHT_HOLD = re.compile(rf"[@\uff20\ufe6b]|{_DIGIT}(?:[^\n]{{0,3}}?{_DIGIT}){{6}}")

# Dashes NFKC leaves alone (Unicode category Pd, and the minus sign); all become "-".
DASHES = frozenset(
    "\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e17\u2e1a\u2e3a\u2e3b"
    "\u2e40\u2e5d\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"
)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data found in a text (``value`` as normalised)."""

    kind: str  # "personnummer" | "samordningsnummer" | "phone" | "email"
    value: str
    position: Position

    def masked(self) -> str:
        if len(self.value) <= 4:
            return "…"
        return f"{self.value[:2]}…{self.value[-2:]}"


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


# --- normalising ---

def _normal_char(char: str) -> str:
    if char in DASHES:
        return "-"
    category = unicodedata.category(char)
    if category == "Cf":  # zero-width space and joiners, soft hyphen, direction marks, BOM
        return ""
    if category == "Zs" or char == "\t":
        return " "
    normal = unicodedata.normalize("NFKC", char)
    return "-" if normal in DASHES else normal


def normalise(line: str) -> tuple[str, list[int] | None]:
    """The line as searched, and for each of its characters the column it came from (None when
    nothing changed: plain ASCII, the common case)."""
    if line.isascii() and "\t" not in line:
        return line, None
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(line):
        normal = char if char.isascii() and char != "\t" else _normal_char(char)
        parts.append(normal)
        origin.extend([index] * len(normal))
    return "".join(parts), origin


# --- finding ---

def _identities(line: str) -> Iterator[tuple[str, int, str]]:
    for match in _IDENTITY.finditer(line):
        if match.group("century") and match.group("century") not in ("18", "19", "20"):
            continue
        kind = identity_kind(match.group("date"), match.group("serial"), match.group("check"))
        if kind:
            yield kind, match.start(), match.group(0)


def _phones(line: str) -> Iterator[tuple[str, int, str]]:
    for match in _PHONE.finditer(line):
        rest = match.group("rest")
        digits = re.sub(r"\D", "", rest)
        if 7 <= len(digits) <= 9 and _separators_ok(rest, bool(match.group("bracket"))) \
                and not _DATE_LIKE.fullmatch(match.group(0).strip()):
            yield "phone", match.start(), match.group(0)


def _separators_ok(rest: str, bracket: bool) -> bool:
    """At most one "/", "." or ")" and only right after the area code ("070/…", "(070) …");
    so "08.30-09.15" (a time) and "5.12.2004" (a date) are not phone numbers."""
    odd = [i for i, char in enumerate(rest) if char in _PHONE_ODD_SEPARATORS]
    if not odd:
        return not bracket
    if len(odd) > 1 or odd[0] > 3:
        return False
    return (rest[odd[0]] == ")") == bracket


def _emails(line: str) -> Iterator[tuple[str, int, str]]:
    for match in _EMAIL.finditer(line):
        yield "email", match.start(), match.group(0)


def _line_findings(line: str, number: int) -> list[Finding]:
    if not _MIGHT_HOLD.search(line):
        return []
    normal, origin = normalise(line)
    findings: list[Finding] = []
    taken: list[range] = []
    for finder in (_identities, _emails, _phones):
        for kind, start, found in finder(normal):
            span = range(start, start + len(found))
            if any(start in other or other.start in span for other in taken):
                continue
            taken.append(span)
            column = origin[start] if origin is not None else start
            findings.append(Finding(kind, found.strip(), Position(number, column + 1)))
    return findings


def find_personal_data(content: str) -> list[Finding]:
    """Every identity number, phone number and e-mail address in ``content``, with its place."""
    findings: list[Finding] = []
    if not _MIGHT_HOLD.search(content):
        return findings
    for number, line in enumerate(content.splitlines(), start=1):
        findings += _line_findings(line, number)
    return sorted(findings, key=lambda f: (f.position.line, f.position.column))


def _problem(finding: Finding, position: Position | None, severity: str) -> Problem:
    return Problem(f"privacy.{finding.kind}", {"masked": finding.masked()}, position, severity)


def privacy_problems(content: str, severity: str = ERROR) -> list[Problem]:
    """Personal data in raw ``content`` (every line, comments too), each at its line and column."""
    return [_problem(f, f.position, severity) for f in find_personal_data(content)]


def check_texts(texts: Iterable[tuple[str, Position | None]], severity: str = ERROR) -> list[Problem]:
    """Personal data in parsed strings, each problem at the position given with its string.

    The public guard for every route where text enters: parsed values and keys of any file
    kind, a note typed in the app, an uploaded file's name.
    """
    problems: list[Problem] = []
    for text, position in texts:
        for finding in find_personal_data(text):
            problems.append(_problem(finding, position, severity))
    return problems


def strings_of(data: Any) -> Iterator[tuple[str, tuple[Any, ...], bool]]:
    """Every key and value of parsed YAML data as text, with its path and whether it is a key."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                yield str(key), path + (key,), True
                stack.append((item, path + (key,)))
        elif isinstance(value, list):
            stack.extend((item, path + (index,)) for index, item in enumerate(value))
        elif isinstance(value, (str, int)) and not isinstance(value, bool):
            yield str(value), path, False


def check_loaded(yaml_text: str, data: Any, source: Any = None, severity: str = ERROR) -> list[Problem]:
    """The whole guard for one file: its raw lines, then its parsed strings (a number found in
    both is told once, at its raw place); ``source`` is the file's
    :class:`persona.safe_yaml.SourceMap` (or None: no positions)."""
    raw = find_personal_data(yaml_text)
    problems = [_problem(f, f.position, severity) for f in raw]
    told = {(f.kind, _digits_or_text(f.value)) for f in raw}
    if not _any_might_hold(data):
        return problems
    for value, path, is_key in strings_of(data):
        for finding in find_personal_data(value):
            if (finding.kind, _digits_or_text(finding.value)) not in told:
                told.add((finding.kind, _digits_or_text(finding.value)))
                problems.append(_problem(finding, _position(source, path, is_key), severity))
    return sorted(problems, key=Problem.sort_key)


def check_yaml_text(yaml_text: str, severity: str = ERROR) -> list[Problem]:
    """The whole guard for the text of a YAML file (read here; a text that cannot be read is
    searched line by line only)."""
    from persona.errors import PersonaError
    from persona.safe_yaml import load_yaml

    try:
        loaded = load_yaml(yaml_text, "<text>")
    except PersonaError:
        return privacy_problems(yaml_text, severity)
    return check_loaded(yaml_text, loaded.data, loaded.source, severity)


def _any_might_hold(data: Any) -> bool:
    """Whether any key or value might hold personal data (the quick look before the full one)."""
    if isinstance(data, dict):
        return any(_MIGHT_HOLD.search(str(key)) or _any_might_hold(item) for key, item in data.items())
    if isinstance(data, list):
        return any(_any_might_hold(item) for item in data)
    if isinstance(data, str):
        return _MIGHT_HOLD.search(data) is not None
    return isinstance(data, int) and not isinstance(data, bool) and _MIGHT_HOLD.search(str(data)) is not None


def _position(source: Any, path: tuple[Any, ...], is_key: bool) -> Position | None:
    if source is None:
        return None
    return source.key(path) if is_key else source.value(path)


def _digits_or_text(found: str) -> str:
    digits = re.sub(r"\D", "", found)
    return digits if "@" not in found else found.lower()
