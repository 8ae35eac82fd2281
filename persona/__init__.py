"""Persona files: load safely, validate, and describe every problem in the user's language."""

from persona.errors import PersonaError, PersonaInvalid, PersonaUnreadable, Problem, VocabularyInvalid
from persona.load import PersonaFile, parse_persona, read_persona
from persona.model import Event, Factor, Persona, Person, Scenario, Support
from persona.vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "Event", "Factor", "Persona", "PersonaError", "PersonaFile", "PersonaInvalid", "PersonaUnreadable",
    "Person", "Problem", "Scenario", "Support", "Vocabulary", "VocabularyInvalid", "load_vocabulary",
    "parse_persona", "read_persona",
]
