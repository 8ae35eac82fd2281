"""argparse's own words ("usage:", "options", its error messages) in the user's language.

argparse asks ``gettext`` for each of its texts through the module-level names ``_`` and
``ngettext``. While the command line is built and parsed, :func:`argparse_language` puts a
lookup there that finds each text's wording in ``lang/cli_argparse.<lang>.yaml``; afterwards
argparse is as it was. Texts that are not listed (programming errors in the parser itself, never
shown to a user) stay as argparse wrote them.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from persona.i18n import Catalog

# argparse's English text (its gettext message id) → our key under cli_argparse.
MESSAGE_KEYS = {
    "usage: ": "usage",
    "positional arguments": "positional_arguments",
    "options": "options",
    "optional arguments": "options",  # the title before Python 3.10
    "show this help message and exit": "help",
    "%(prog)s: error: %(message)s\n": "error",
    "argument %(argument_name)s: %(message)s": "argument",
    "the following arguments are required: %s": "required",
    "one of the arguments %s is required": "one_required",
    "unrecognized arguments: %s": "unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "invalid choice: %(value)r, choose from %(choices)s": "invalid_choice",
    "invalid %(type)s value: %(value)r": "invalid_value",
    "expected one argument": "expected_one",
    "expected at most one argument": "expected_at_most_one",
    "expected at least one argument": "expected_at_least_one",
    "expected %s argument": "expected_n",
    "expected %s arguments": "expected_n",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "not allowed with argument %s": "not_allowed_with",
    "ignored explicit argument %r": "ignored_explicit",
    "unexpected option string: %s": "unexpected_option",
    "can't open '%(filename)s': %(error)s": "cannot_open",
}


def translator(text: Catalog) -> Callable[[str], str]:
    """A stand-in for ``gettext``: argparse's text in the catalogue's language."""

    def translate(message: str) -> str:
        key = MESSAGE_KEYS.get(message)
        return text(f"cli_argparse.{key}") if key else message

    return translate


@contextmanager
def argparse_language(text: Catalog) -> Iterator[None]:
    """argparse speaks the catalogue's language inside the block (and English again after it)."""
    translate = translator(text)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return translate(singular if count == 1 else plural)

    saved: dict[str, Any] = {"_": argparse._, "ngettext": argparse.ngettext}  # type: ignore[attr-defined]
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved["_"]  # type: ignore[attr-defined]
        argparse.ngettext = saved["ngettext"]  # type: ignore[attr-defined]
