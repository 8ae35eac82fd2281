"""Put the plain text values inside {…} rows of persona files in quotes, keeping every value.

    python scripts/quote_example_text.py examples/*.yaml examples/en/*.yaml

Inside a {…} row a comma, colon or bracket in unquoted text breaks the row; quoted text cannot.
Only plain values of the text keys (label, note, voice, summary, quote, name) are touched; the file is
rewritten only when its parsed data is the same before and after, line for line.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

TEXT_KEYS = {"label", "note", "voice", "summary", "quote", "name"}


def quoted(value: str) -> str:
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def convert(text: str) -> tuple[str, int]:
    """The text with its plain row values quoted, and how many were quoted."""
    edits = []
    depth, key = 0, None
    tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    for previous, token in zip(tokens, tokens[1:]):
        if isinstance(token, (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)):
            depth += 1
        elif isinstance(token, (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
            depth -= 1
        elif isinstance(token, yaml.ScalarToken):
            if isinstance(previous, yaml.KeyToken):
                key = token.value
            elif isinstance(previous, yaml.ValueToken) and depth > 0 and token.plain and key in TEXT_KEYS:
                edits.append((token.start_mark.index, token.end_mark.index, quoted(token.value)))
    for start, end, new in reversed(edits):
        text = text[:start] + new + text[end:]
    return text, len(edits)


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        before = path.read_text(encoding="utf-8")
        after, count = convert(before)
        if yaml.safe_load(before) != yaml.safe_load(after) or before.count("\n") != after.count("\n"):
            print(f"{name}: not changed (the data would differ)", file=sys.stderr)
            return 1
        path.write_text(after, encoding="utf-8")
        print(f"{name}: {count} values quoted, data unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
