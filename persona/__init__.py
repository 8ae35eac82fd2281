"""Persona files: load safely, validate, and describe every problem in the user's language.

The names below are imported on first use, so that a command line asking only for ``--help``
does not pay for pydantic.
"""

from importlib import import_module

_EXPORTS = {
    "PersonaError": "persona.errors", "PersonaInvalid": "persona.errors",
    "PersonaUnreadable": "persona.errors", "Problem": "persona.errors",
    "VocabularyInvalid": "persona.errors",
    "PersonaFile": "persona.load", "parse_persona": "persona.load", "read_persona": "persona.load",
    "Event": "persona.model", "Factor": "persona.model", "Persona": "persona.model",
    "Person": "persona.model", "Scenario": "persona.model", "Support": "persona.model",
    "Vocabulary": "persona.vocabulary", "load_vocabulary": "persona.vocabulary",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'persona' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
