"""Pictures of a journey: the swimlane timeline, the ecomap and the risk balance.

Each picture is a :class:`Drawing`: DOT text with every position computed here (a faithful
time axis), drawn by Graphviz to SVG, PNG or PDF. The same persona gives the same DOT and
SVG, byte for byte.
"""

from __future__ import annotations

from typing import Any, Sequence

from persona.i18n import Catalog

from journeys.graph import JourneyGraph
from journeys.render.drawing import FORMATS, Drawing, RenderFailed
from journeys.render.gaplist import NumberedGap, number_gaps
from journeys.render.theme import THEMES, UnknownTheme, theme_named

VIEWS = ("timeline", "ecomap", "balance", "chronology")
PICTURE_VIEWS = ("timeline", "ecomap", "balance")

__all__ = ["Drawing", "RenderFailed", "UnknownTheme", "FORMATS", "THEMES", "VIEWS", "timeline", "ecomap",
           "balance", "legend", "picture", "PICTURE_VIEWS", "number_gaps", "NumberedGap", "gap_messages", "focus",
           "overview", "scenario_overview", "ecomap_screen"]


def gap_messages(numbered: Sequence[NumberedGap], graph: JourneyGraph, text: Catalog) -> list[tuple[NumberedGap, str]]:
    """Each numbered gap with the sentence that explains it."""
    from journeys.gaps import gap_text

    return [(n, gap_text(n.gap, text, graph.vocabulary).message) for n in numbered]


def timeline(graph: JourneyGraph, gaps: Sequence[Any], text: Catalog, *, theme: str = "print",
             until_age: float | None = None, comparison: Any = None, legend: bool = True,
             assumptions: frozenset[str] = frozenset(), changes: Any = None) -> Drawing:
    """The swimlane timeline. ``until_age`` reveals only what happened up to that age;
    ``comparison`` (a scenario's GapComparison) draws closed gaps as closed; ``assumptions``
    (ids of elements without sources) are drawn dashed and explained in the legend; ``changes``
    (a scenario's ScenarioChanges, with ``graph`` the scenario's journey) draws the scenario as a
    layer over the journey: what it added, changed and removed."""
    from journeys.render.legend_view import Legend
    from journeys.render.scenario_layer import legend_entries, scenario_layer
    from journeys.render.timeline_view import timeline_dot

    look = theme_named(theme)
    layer = scenario_layer(graph, changes) if changes is not None else None
    every = number_gaps(gaps, comparison)
    numbered = every if until_age is None else tuple(n for n in every if n.gap.start <= until_age + 1e-9)
    messages = gap_messages(every, graph, text) if legend or until_age is not None else ()
    key = room = None
    said = [e.age for e in (layer.graph if layer else graph).persona.events if e.voice]
    if legend:
        shown = {n.number for n in numbered}
        key = Legend(text, graph.vocabulary, look, [m for m in messages if m[0].number in shown],
                     assumptions=bool(assumptions), marks=legend_entries(layer, text, look, until_age),
                     voices=any(until_age is None or age <= until_age + 1e-9 for age in said))
        room = Legend(text, graph.vocabulary, look, messages, assumptions=bool(assumptions),
                      marks=legend_entries(layer, text, look), voices=bool(said))
    elif until_age is not None:
        room = Legend(text, graph.vocabulary, look, messages)
    dot, width, height = timeline_dot(graph, numbered, text, look, until_age, key, room, assumptions, layer)
    return Drawing(dot, width, height)


def legend(graph: JourneyGraph, text: Catalog, *, theme: str = "print", width: float = 600.0,
           gaps: Sequence[Any] = (), comparison: Any = None, assumptions: bool = False,
           explain: bool = True, changes: Any = None) -> Drawing:
    """The legend on its own (and the gap explanations, when gaps are given; ``explain=False``:
    the marks only, with those for closed and new gaps when a comparison has them, and for what a
    scenario added, changed and removed when its ``changes`` are given)."""
    from journeys.render.legend_view import Legend, legend_drawing_dot
    from journeys.render.scenario_layer import legend_entries, scenario_layer

    look = theme_named(theme)
    numbered = number_gaps(gaps, comparison)
    layer = scenario_layer(graph, changes) if changes is not None else None
    key = Legend(text, graph.vocabulary, look, gap_messages(numbered, graph, text) if gaps or comparison else (),
                 assumptions=assumptions, explain=explain, marks=legend_entries(layer, text, look))
    dot, w, h = legend_drawing_dot(key, width)
    return Drawing(dot, w, h)


def ecomap(graph: JourneyGraph, gaps: Sequence[Any], text: Catalog, *, theme: str = "print",
           screen: bool = False) -> Drawing:
    """The child in the centre, people and agencies around, lines by strength of contact
    (``screen``: in the overview's one type size on its 1,000 × 560 points, the strongest ties
    named and the rest on hover — :func:`ecomap_screen` gives its legend's marks too)."""
    from journeys.render.ecomap_view import ecomap_dot

    if screen:
        return ecomap_screen(graph, gaps, text).drawing

    dot, width, height = ecomap_dot(graph, gaps, text, theme_named(theme))
    return Drawing(dot, width, height)


def balance(graph: JourneyGraph, text: Catalog, *, theme: str = "print", legend: bool = False,
            screen: bool = False) -> Drawing:
    """Risk and protective load over age (``legend``: with a key of its marks under it;
    ``screen``: in one type size on about 1,000 points, for a page that shows it whole)."""
    from journeys.render.balance_view import SCREEN, balance_dot

    dot, width, height = balance_dot(graph, text, SCREEN if screen else theme_named(theme), legend)
    return Drawing(dot, width, height)


def picture(view: str, graph: JourneyGraph, gaps: Sequence[Any], text: Catalog, *, theme: str = "print",
            until_age: float | None = None, comparison: Any = None,
            assumptions: frozenset[str] = frozenset(), changes: Any = None) -> Drawing:
    """One of the :data:`PICTURE_VIEWS` by name (``until_age``, ``comparison`` and ``changes``
    are the timeline's; the other pictures show the whole life of the persona)."""
    if view == "timeline":
        return timeline(graph, gaps, text, theme=theme, until_age=until_age, comparison=comparison,
                        assumptions=assumptions, changes=changes)
    if view == "ecomap":
        return ecomap(graph, gaps, text, theme=theme)
    if view == "balance":
        return balance(graph, text, theme=theme, legend=True)
    raise ValueError(view)


def focus(graph: JourneyGraph, gaps: Sequence[Any], text: Catalog, *, age: float, gap_number: int | None = None,
          comparison: Any = None) -> Any:
    """The projector close-up of one moment (a ``FocusPicture``): about three years around
    ``age``, or around gap number ``gap_number``, only the lanes involved, in one large type size;
    with the marks it shows, for a legend of just those."""
    from journeys.render.focus_view import Moment, focus_picture

    numbered = number_gaps(gaps, comparison)
    chosen = next((n for n in numbered if n.number == gap_number), None) if gap_number else None
    return focus_picture(graph, Moment(chosen.gap.start if chosen else age, chosen), text)


def overview(graph: JourneyGraph, gaps: Sequence[Any], text: Catalog, *, until_age: float | None = None,
             comparison: Any = None) -> Any:
    """The whole-life overview a screen can hold (an ``OverviewPicture``): the life stages, the
    lanes, the gaps' numbers in reading order and the child's words, in one type size; labels
    only where they fit, the rest on hover; with the marks it shows, for a legend of just those."""
    from journeys.render.overview_view import overview_picture

    return overview_picture(graph, number_gaps(gaps, comparison), text, until_age)


def scenario_overview(graph: JourneyGraph, comparison: Any, changes: Any, text: Catalog) -> Any:
    """A scenario as one layer over the whole-life overview (an ``OverviewPicture``): ``graph`` is
    the journey with the scenario applied, ``comparison`` its closed, remaining and new gaps,
    ``changes`` what it added, changed and removed — drawn by shape, in the overview's one type
    size, with hover texts that say what changed."""
    from journeys.render.scenario_overview_view import scenario_overview_picture

    return scenario_overview_picture(graph, number_gaps((), comparison), changes, text)


def ecomap_screen(graph: JourneyGraph, gaps: Sequence[Any], text: Catalog) -> Any:
    """The ecomap for a screen (an ``EcomapScreen``): its drawing, the marks it shows (for a
    legend of just those) and how many names are left to hover."""
    from journeys.render.ecomap_screen_view import ecomap_screen as screen_picture

    return screen_picture(graph, gaps, text)
