"""The risk balance: how many risk and protective factors are active at each age, the net
load (risk minus protective), the threshold the rules use, and when any support was active.

Same x scale as the timeline (age 0–20, or to where the record ends: :func:`axis_end`), so the
two line up on a poster.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Sequence

from persona.i18n import Catalog

from journeys.graph import JourneyGraph
from journeys.render.dot import DotGraph
from journeys.render.fonts import font_family, text_width
from journeys.render.layout import LINE_SPACING, PAD, _Sizes, age_x, axis_end
from journeys.render.marks import PROTECTIVE_FILL, RISK_FILL
from journeys.render.stages import stage_starts
from journeys.render.theme import LEVEL_FILLS, PROJECTOR, Theme
from journeys.timeline import Periods, merge_periods

THRESHOLD_RULE = "risk-without-support"
# The balance for a screen (the app's Nätverk): one type size, a twentieth of a life across about
# 1,000 points, so that the page can show it whole at a size the room can read (as the overview).
SCREEN = replace(PROJECTOR, name="screen", font_size=20.0, small_size=20.0, title_size=20.0, year_width=36.0,
                 label_width=20.0)
Steps = Sequence[tuple[float, int]]


def _changes(end: float, *step_sets: Steps) -> list[float]:
    return sorted({a for steps in step_sets for a, _ in steps if a <= end} | {0.0, end})


def threshold(graph: JourneyGraph) -> int:
    """The risk load the rules call heavy (risk-without-support's ``load``)."""
    from journeys.gaps import rule_settings

    return int(rule_settings(graph.vocabulary).params(THRESHOLD_RULE)["load"])


def _support_spans(graph: JourneyGraph, end: float) -> Periods:
    """When any support runs (one with no end runs to the end of the axis)."""
    return merge_periods((s.from_, s.to if s.to is not None else end) for s in graph.supports())


def balance_dot(graph: JourneyGraph, text: Catalog, theme: Theme, legend: bool = False) -> tuple[str, float, float]:
    """The balance's DOT, width and height; with ``legend``, a key of its marks under the axis."""
    end = axis_end(graph)
    sizes = _Sizes.of(theme, end)
    left = sizes.left
    width = left + end * theme.year_width + sizes.label_width + 4 * PAD
    risk, net = graph.risk_count, graph.risk
    ages = _changes(end, risk.steps, net.steps)
    protective = [(a, risk.value_at(a) - net.value_at(a)) for a in ages]
    peak = max([risk.value_at(a) for a in ages] + [v for _, v in protective] + [threshold(graph), 1])
    unit = max(theme.font_size * 1.1, 9.0)
    top = theme.title_size * LINE_SPACING + 2 * PAD
    zero = top + peak * unit
    strip_top = zero + peak * unit + PAD * 2
    axis_y = strip_top + unit + PAD
    height = axis_y + theme.font_size * LINE_SPACING + 2 * PAD
    entries = legend_entries(graph, text, theme) if legend else []
    rows = _flow(entries, width, theme)
    height += (max((row for _, _, row in rows), default=-1) + 1) * _row_height(theme) + (2 * PAD if rows else 0)
    dot = DotGraph("balance", width, height, font_family().graphviz_name)
    x = partial(age_x, left=left, year_width=theme.year_width, end=end)
    bg = dot.background
    _grid(dot, theme, x, top, axis_y, text, end)
    for start, stop in zip(ages, ages[1:]):
        r, p = risk.value_at(start), risk.value_at(start) - net.value_at(start)
        if r:
            bg.pen(theme.risk, RISK_FILL, width=theme.line_width).rect(x(start), zero - r * unit, x(stop) - x(start), r * unit)
        if p:
            bg.pen(theme.protective, PROTECTIVE_FILL, width=theme.line_width, style="dashed").rect(
                x(start), zero, x(stop) - x(start), p * unit)
    _net_line(dot, net.steps, theme, x, zero, unit, end)
    limit = threshold(graph)
    bg.pen(theme.gap_line, width=theme.line_width * 1.2, style="dashed").line([(x(0), zero - limit * unit), (x(end), zero - limit * unit)])
    for start, stop in _support_spans(graph, end):
        bg.pen(theme.ink, LEVEL_FILLS["early"], width=theme.line_width).rect(x(start), strip_top, x(stop) - x(start), unit)
    _labels(dot, text, theme, left, top, zero, unit, limit, strip_top, legend)
    _record_end(dot, graph, theme, x, top, axis_y, end)
    _draw_legend(dot, rows, axis_y + theme.font_size * LINE_SPACING + 3 * PAD, theme)
    return dot.source(), width, height


def _record_end(dot: DotGraph, graph: JourneyGraph, theme: Theme, x, top: float, axis_y: float, axis: float) -> None:
    """Where the record ends early, the rest of the axis is greyed out behind a strong line."""
    end = graph.record_end
    if end is None:
        return
    bg = dot.background
    bg.pen("#FFFFFF00", "#FFFFFFCC", width=0.1).rect(x(end), top, x(axis) - x(end) + 1, axis_y - top)
    bg.pen(theme.ink, width=theme.line_width * 2.5).line([(x(end), top), (x(end), axis_y)])


def _grid(dot: DotGraph, theme: Theme, x, top: float, axis_y: float, text: Catalog, end: float) -> None:
    bg = dot.background
    starts = {round(age) for age in stage_starts()}  # the same strong lines as the timeline above it
    for year in range(int(end) + 1):
        strong = year in starts or year in (0, int(end))
        bg.pen(theme.muted if strong else theme.grid, width=theme.line_width * 0.6, style="solid" if strong else "dashed")
        bg.line([(x(year), top), (x(year), axis_y)])
        bg.text(x(year), axis_y + theme.font_size + PAD, text("render.timeline.year", age=year), theme.font_size,
                dot.font, theme.ink, align="centre")


def _net_line(dot: DotGraph, net: Steps, theme: Theme, x, zero: float, unit: float, axis: float) -> None:
    points = []
    for index, (age, value) in enumerate(net):
        if age > axis:
            break
        end = min(net[index + 1][0] if index + 1 < len(net) else axis, axis)
        points += [(x(age), zero - value * unit), (x(end), zero - value * unit)]
    if points:
        dot.background.pen(theme.ink, width=theme.line_width * 2.5).line(points)


def _labels(dot: DotGraph, text: Catalog, theme: Theme, left: float, top: float, zero: float, unit: float,
            limit: int, strip_top: float, legend: bool = False) -> None:
    bg, right = dot.background, left - PAD * 3
    bg.text(PAD * 2, theme.title_size + PAD, text("render.balance.title"), theme.title_size, dot.font, theme.ink)
    bg.text(right, zero - unit * 0.3, text("render.balance.risk"), theme.small_size, dot.font, theme.risk, align="right")
    bg.text(right, zero + unit * 0.9, text("render.balance.protective"), theme.small_size, dot.font, theme.protective, align="right")
    bg.text(right, zero - limit * unit + theme.small_size * 0.35, text("render.balance.threshold", load=limit),
            theme.small_size, dot.font, theme.gap_line, align="right")
    bg.text(right, strip_top + unit * 0.8, text("render.balance.supports"), theme.small_size, dot.font, theme.ink, align="right")
    if not legend:  # without a key, the net line is named in the corner
        bg.text(PAD * 2, top + theme.small_size, text("render.balance.net"), theme.small_size, dot.font, theme.ink)


# --- the legend ----------------------------------------------------------------------------

SYMBOL = 28.0


@dataclass(frozen=True)
class BalanceKey:
    """One mark of the balance: how it is drawn (``form``: bar, line or after-the-end; ``style``;
    ``heavy``; ``fill``), its colour, and what it means."""

    form: str
    label: str
    fill: str = "#FFFFFF"
    style: str = "solid"
    heavy: bool = False
    colour: str = "#000000"


def legend_entries(graph: JourneyGraph, text: Catalog, theme: Theme) -> list[BalanceKey]:
    """The balance's marks: the risk and protective counts, the net line, the threshold, the
    supports' strip, and (when the record ends early) what lies after its end."""
    t = text
    entries = [
        BalanceKey("bar", t("balance.legend.risk"), RISK_FILL, "solid", False, theme.risk),
        BalanceKey("bar", t("balance.legend.protective"), PROTECTIVE_FILL, "dashed", False, theme.protective),
        BalanceKey("line", t("balance.legend.net"), style="solid", heavy=True, colour=theme.ink),
        BalanceKey("line", t("balance.legend.threshold"), style="dashed", colour=theme.gap_line),
        BalanceKey("bar", t("balance.legend.supports"), LEVEL_FILLS["early"], "solid", False, theme.ink),
    ]
    if graph.record_end is not None:
        entries.append(BalanceKey("ended", t("balance.legend.ended"), "#FFFFFF", "solid", True, theme.ink))
    return entries


def _row_height(theme: Theme) -> float:
    return max(theme.small_size * LINE_SPACING, 10.0) + PAD * 2


def _flow(entries: Sequence[BalanceKey], width: float, theme: Theme) -> list[tuple[BalanceKey, float, int]]:
    placed, x, row = [], PAD * 2, 0
    for entry in entries:
        w = SYMBOL + PAD + text_width(entry.label, theme.small_size)
        if x + w > width - PAD * 2 and x > PAD * 2:
            x, row = PAD * 2, row + 1
        placed.append((entry, x, row))
        x += w + PAD * 4
    return placed


def _draw_legend(dot: DotGraph, rows: Sequence[tuple[BalanceKey, float, int]], top: float, theme: Theme) -> None:
    bg, row_h = dot.background, _row_height(theme)
    for entry, x, row in rows:
        y = top + row * row_h
        middle = y + row_h / 2
        if entry.form == "bar":
            bg.pen(entry.colour, entry.fill, width=theme.line_width, style=entry.style).rect(x, y + PAD, SYMBOL,
                                                                                             row_h - 2 * PAD)
        elif entry.form == "line":
            bg.pen(entry.colour, width=theme.line_width * (2.5 if entry.heavy else 1.2), style=entry.style)
            bg.line([(x, middle), (x + SYMBOL, middle)])
        else:  # after the end: greyed behind the strong end line
            bg.pen("#BDBDBD", "#E6E6E6", width=0.1).rect(x, y + PAD, SYMBOL, row_h - 2 * PAD)
            bg.pen(entry.colour, width=theme.line_width * 2.5).line([(x + 2, y + PAD), (x + 2, y + row_h - PAD)])
        bg.text(x + SYMBOL + PAD, middle + theme.small_size * 0.35, entry.label, theme.small_size, dot.font, theme.ink)
