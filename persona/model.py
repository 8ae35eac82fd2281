"""The persona file, schema 1.1 (every schema 1 file is valid), as frozen pydantic models.

The models check shape and types (unknown keys, numbers, ranges, the closed word lists of the
schema). Everything that needs the whole file or the vocabulary (references, duplicate ids,
agencies, kind-specific fields) is checked in :mod:`persona.validate`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

MAX_AGE = 25.0

EventKind = Literal[
    "life", "signal", "report", "referral", "contact", "assessment",
    "decision", "coordination", "closure", "transition",
    "missed", "information",  # schema 1.1
]
EVENT_KINDS: tuple[str, ...] = EventKind.__args__  # type: ignore[attr-defined]
Handover = Literal["none", "partial", "full"]
SupportLevel = Literal["promotive", "preventive", "early", "treatment"]
SUPPORT_LEVELS: tuple[str, ...] = SupportLevel.__args__  # type: ignore[attr-defined]
FactorType = Literal["risk", "protective"]
FactorDomain = Literal["growth", "care", "world"]
FACTOR_DOMAINS: tuple[str, ...] = FactorDomain.__args__  # type: ignore[attr-defined]
EndReason = Literal["death", "moved", "review", "other"]
# Schema 1.1: how sure an age is, what came of a step, and who reported when no agency did.
Approx = Literal["month", "year"]
Outcome = Literal["accepted", "rejected", "no_need", "other"]
OUTCOMES: tuple[str, ...] = Outcome.__args__  # type: ignore[attr-defined]
Reporter = Literal["neighbour", "relative", "parent", "child", "anonymous", "other"]
END_REASONS: tuple[str, ...] = EndReason.__args__  # type: ignore[attr-defined]
# Schema 1.1 only adds optional fields: a file that says ``schema: 1`` is read the same way.
SchemaVersion = Literal[1, 1.1]  # type: ignore[valid-type]
SCHEMA_VERSIONS: tuple[float, ...] = (1, 1.1)

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=60)]
# strict: a number, never true/false (pydantic would read `to: true` as 1.0) nor a number in quotes
Age = Annotated[float, Field(ge=0, le=MAX_AGE, strict=True)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]

# Fields of events that only some kinds may carry.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "to": ("referral", "report", "transition", "information"),
    "from_": ("transition",),
    "handover": ("transition",),
    "with_": ("coordination",),
    "outcome": ("referral", "assessment", "coordination"),
    "reporter": ("report",),
}
KINDS_WITHOUT_AGENCY = ("life", "transition")
KINDS_WITH_DERIVED_LABEL = ("referral", "report", "transition", "coordination", "closure", "missed", "information")


class Item(BaseModel):
    """Common ground of every part of a persona file."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, coerce_numbers_to_str=True
    )


CostUnit = Literal["day", "month", "year", "hour", "event"]
COST_UNITS: tuple[str, ...] = CostUnit.__args__  # type: ignore[attr-defined]
Amount = Annotated[float, Field(ge=0, le=1e9)]
Share = Annotated[float, Field(gt=0, le=1)]
# Who pays: one payer id, or payer ids with their shares (adding up to 1).
PayerSplit = Union[Slug, dict[str, Share]]


class UnitCost(Item):
    """A price a file gives itself: an item of the cost table by id, or a whole price."""

    item: Optional[Slug] = None
    low: Optional[Amount] = None
    high: Optional[Amount] = None
    unit: Optional[CostUnit] = None
    hours_per_month: Optional[Annotated[float, Field(gt=0, le=744)]] = None
    hours: Optional[Annotated[float, Field(gt=0, le=10000)]] = None
    payer: Optional[PayerSplit] = None
    source: Optional[Text] = None
    year: Optional[Annotated[str, Field(min_length=1, max_length=40)]] = None


class Person(Item):
    """An adult (or sibling) around the child."""

    id: Slug
    role: str
    label: Optional[Text] = None
    note: Optional[Text] = None
    protective: bool = False
    sources: tuple[str, ...] = ()


class AgencyDef(Item):
    """An agency this persona adds to the vocabulary, or relabels."""

    id: Slug
    label: Text
    sector: str
    coordinates: Optional[bool] = None
    note: Optional[Text] = None


class Period(Item):
    """Something that lasts from one age to another (or past 20 when ``to`` is left out)."""

    from_: Age = Field(alias="from")
    to: Optional[Age] = None

    def covers(self, age: float) -> bool:
        return self.from_ <= age and (self.to is None or age <= self.to)


class Factor(Period):
    """A risk or protective factor in one of the My World domains."""

    id: Slug
    type: FactorType
    domain: FactorDomain
    label: Text
    note: Optional[Text] = None
    sources: tuple[str, ...] = ()


class Support(Period):
    """An intervention that lasts: who gives it, at which level."""

    id: Slug
    agency: str
    level: SupportLevel
    label: Optional[Text] = None
    placement: bool = False  # schema 1.1: the child lives away from home (foster care, HVB, SiS)
    coordinates: bool = False  # schema 1.1: a standing coordinating role (named person, lead professional)
    for_: Optional[Slug] = Field(default=None, alias="for")  # schema 1.1: another person's support (a sibling's)
    note: Optional[Text] = None
    cost: Optional[UnitCost] = None
    sources: tuple[str, ...] = ()


class Event(Item):
    """Something that happened at one age."""

    id: Slug
    age: Age
    approx: Optional[Approx] = None
    kind: EventKind
    agency: Optional[str] = None
    label: Optional[Text] = None
    to: Optional[str] = None
    from_: Optional[str] = Field(default=None, alias="from")
    with_: Optional[tuple[str, ...]] = Field(default=None, alias="with")
    handover: Optional[Handover] = None
    responds_to: Optional[str] = None
    outcome: Optional[Outcome] = None
    reporter: Optional[Reporter] = None
    note: Optional[Text] = None
    voice: Optional[Text] = None
    child_heard: Optional[bool] = None
    cost: Optional[UnitCost] = None
    sources: tuple[str, ...] = ()


class Ends(Item):
    """Where the record of the child's life ends before 20: the child died, moved away, or the
    review the persona is drawn from stops there. Nothing is known after ``age``."""

    age: Age
    reason: EndReason
    note: Optional[Text] = None


class Change(Item):
    """One change of a scenario: exactly one of the fields is given."""

    add: Optional[dict[str, Any]] = None
    add_support: Optional[dict[str, Any]] = None
    add_factor: Optional[dict[str, Any]] = None
    set: Optional[dict[str, Any]] = None
    remove: Optional[str] = None

    def action(self) -> tuple[str, Any] | None:
        given = [(name, getattr(self, name)) for name in CHANGE_ACTIONS if getattr(self, name) is not None]
        return given[0] if len(given) == 1 else None


CHANGE_ACTIONS = ("add", "add_support", "add_factor", "set", "remove")
# What a scenario may change: the collection each ``add…`` adds to, and the model of its items.
ADDED_TO = {"add": "events", "add_support": "supports", "add_factor": "factors"}
CHANGEABLE: dict[str, type[Item]] = {"events": Event, "supports": Support, "factors": Factor}


class Scenario(Item):
    """A "what if": changes on top of the persona."""

    id: Slug
    label: Text
    note: Optional[Text] = None
    changes: tuple[Change, ...] = Field(min_length=1)


class Persona(Item):
    """A fictional child's life, 0 to 20 years (or to where its record ``ends``)."""

    schema_: SchemaVersion = Field(alias="schema")
    id: Slug
    name: Text
    born: Optional[Annotated[int, Field(ge=1900, le=2100)]] = None
    summary: Optional[Text] = None
    quote: Optional[Text] = None
    ends: Optional[Ends] = None
    sources: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    agencies: tuple[AgencyDef, ...] = ()
    factors: tuple[Factor, ...] = ()
    supports: tuple[Support, ...] = ()
    events: tuple[Event, ...] = ()
    scenarios: tuple[Scenario, ...] = ()

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    def events_by_age(self) -> list[Event]:
        """Events in time order; the file's order breaks ties."""
        return sorted(self.events, key=lambda e: e.age)


# Where each collection of the persona file lives, and the model of its items.
COLLECTIONS: dict[str, type[Item]] = {
    "people": Person,
    "agencies": AgencyDef,
    "factors": Factor,
    "supports": Support,
    "events": Event,
    "scenarios": Scenario,
}
