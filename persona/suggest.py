""""Did you mean …?": the closest allowed word to what an official wrote.

An official may write the code a little wrong (``bupp``), or write the Swedish word instead of
the code (``elevhalsa``, ``orosanmälan``, ``ålder:``). Codes are matched by spelling; words by
the labels the vocabulary gives each code, and for keys by the words of ``lang/fields.*.yaml``,
with and without å, ä and ö.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from persona.errors import Problem
from persona.i18n import LANGUAGES, Catalog

Labels = Mapping[str, Sequence[str]]  # code → the words that name it
LABEL_CUTOFF = 0.8

# Which vocabulary group names the words a field may hold.
FIELD_GROUPS = {
    "agency": "agencies", "to": "agencies", "from": "agencies", "with": "agencies",
    "role": "roles", "sector": "sectors", "kind": "event_kinds", "handover": "handovers",
    "level": "support_levels", "domain": "factor_domains", "type": "factor_types",
}


def suggestion(word: Any, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a misspelt word, if one is close enough."""
    if not isinstance(word, str):
        return None
    matches = difflib.get_close_matches(word.lower(), list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _plain(word: str) -> str:
    """Lower case without accents: ``Elevhälsan`` → ``elevhalsan``."""
    return unicodedata.normalize("NFKD", word.strip().lower()).encode("ascii", "ignore").decode()


def _names(label: str) -> list[str]:
    """A label and its parts: ``Socialtjänsten, barn och unga`` → also ``Socialtjänsten``;
    ``Behandling och omsorg`` → also ``Behandling`` and ``omsorg``."""
    parts = [p.strip() for p in re.split(r"[,()–]| och | eller | and | or ", label) if p.strip()]
    return [label] + parts if len(parts) > 1 else [label]


def label_match(word: Any, labels: Labels) -> tuple[str, str] | None:
    """The code whose label is closest to ``word``, with that label, if one is close enough."""
    if not isinstance(word, str) or not word.strip():
        return None
    plain = _plain(word)
    best: tuple[float, str, str] | None = None
    for code, words in labels.items():
        for label in words:
            for name in _names(label):
                ratio = difflib.SequenceMatcher(None, plain, _plain(name)).ratio()
                if ratio >= LABEL_CUTOFF and (best is None or ratio > best[0]):
                    best = (ratio, code, label)
    return (best[1], best[2]) if best else None


def hint(word: Any, candidates: Iterable[str], labels: Labels | None = None) -> Problem:
    """"did you mean 'x'?" when a close code or label exists, else the list of allowed words."""
    candidates = sorted(candidates)
    close = suggestion(word, candidates)
    if close:
        return Problem("hint.did_you_mean", {"word": close})
    allowed_labels = {code: words for code, words in (labels or {}).items() if code in candidates}
    named = label_match(word, allowed_labels)
    if named:
        return Problem("hint.did_you_mean_label", {"word": named[0], "label": named[1]})
    if not candidates:
        return Problem("hint.none_allowed", {})
    return Problem("hint.allowed", {"words": ", ".join(candidates)})


def key_hint(key: Any, allowed: Iterable[str]) -> Problem:
    """Like :func:`hint` for a key, matching the Swedish and English words for each key."""
    allowed = sorted(allowed)
    close = suggestion(key, allowed)
    if not close:
        named = label_match(key, {k: v for k, v in key_words().items() if k in allowed})
        close = named[0] if named else None
    if close:
        return Problem("hint.did_you_mean", {"word": close})
    return Problem("hint.allowed", {"words": ", ".join(allowed)})


@lru_cache(maxsize=1)
def key_words() -> dict[str, tuple[str, ...]]:
    """Each key's words in every language, from ``lang/fields.<lang>.yaml``."""
    words: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        catalog = Catalog.load(lang)
        for dotted, label in catalog.strings.items():
            if dotted.startswith("key_words."):
                key = dotted.split(".", 1)[1]
                words.setdefault(key, []).extend(w.strip() for w in label.split(",") if w.strip())
    return {key: tuple(found) for key, found in words.items()}


def term_labels(terms: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """A vocabulary group's codes with every label they have (``sv``, ``en``, short forms)."""
    labels: dict[str, tuple[str, ...]] = {}
    for code, term in terms.items():
        found = [getattr(term, name, None) for name in ("sv", "en", "short_sv", "short_en")]
        labels[code] = tuple(label for label in found if isinstance(label, str))
    return labels


def field_labels(vocabulary: Any) -> dict[str, dict[str, tuple[str, ...]]]:
    """For each field that holds vocabulary words, its codes and their labels."""
    return {name: term_labels(getattr(vocabulary, group)) for name, group in FIELD_GROUPS.items()}


def looks_like_prose(key: Any, value: Any) -> bool:
    """Whether an unknown key is really a piece of text that a comma split off.

    Inside ``{…}`` a comma ends a value, and what follows becomes a key without a value:
    ``note: Ensamstående, nedstämd`` gives the key ``nedstämd``. Keys never hold spaces,
    brackets or letters outside a–z.
    """
    if value is not None or not isinstance(key, str):
        return False
    return bool(re.search(r"[^a-z0-9_\-]", key))


def prose_key(key: str) -> str:
    """The message for a piece of text read as a key: a comma in brackets or a plain comma."""
    return "field.comma_in_brackets" if ")" in key and "(" not in key else "field.comma_in_text"
