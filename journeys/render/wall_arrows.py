"""The arrows the gaps rest on, on the wall poster: an answer (an event that ``responds_to``
another: a signal answered late, a referral sent back) from the first event to its answer,
and a referral or report that got no answer, from the event into the lane of the agency it
went to.

Arrows run in straight pieces, across and down, and never through a word: each arrow tries
the horizontal channels of the timeline (the strips at the top and bottom of the lanes, the
rows of the marks) and takes the shortest route whose pieces cross no line of text and no
other mark; an arrow with no such route is left out (its events are still on the poster, and
the explanation is in the gap's text and the chronology). Pure geometry: drawn by
:mod:`journeys.render.wall_draw`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from persona.model import Event

from journeys.graph import JourneyGraph
from journeys.render.gaplist import NumberedGap
from journeys.render.geometry import Box
from journeys.render.wall_timeline import EventPlace, WallTimeline

RESPONSE, UNANSWERED = "response", "unanswered"
CLEARANCE = 1.0  # points an arrow keeps from a word's box and from another mark
INTO_LANE = 0.6  # how far an unanswered referral's arrow reaches into the receiver's lane, times the mark's size

SHIFTS = ((0.0, 0.0), (-0.3, 0.0), (0.3, 0.0), (0.0, -0.3), (0.0, 0.3))  # where on a mark an arrow may leave or arrive

DETOUR_REACH = 12.0  # how far aside (times the mark's size) a detour may look for a free column
SIDEWAYS = (1.0, 1.5, 2.5, 4.0)  # how far an unanswered referral's arrow may go aside first, times the mark's size

Point = tuple[float, float]
Edges = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Arrow:
    """An arrow from ``source`` (to ``target``, an event id, or a lane's sector when unanswered)
    along ``points``; the head is at the last point."""

    kind: str
    source: str
    target: str
    points: tuple[Point, ...]

    def segments(self) -> list[tuple[Point, Point]]:
        return list(zip(self.points, self.points[1:]))


def _grown(box: Box, margin: float) -> Box:
    return Box(box.x - margin, box.y - margin, box.w + 2 * margin, box.h + 2 * margin)


def segment_box(a: Point, b: Point) -> Box:
    """The box a straight piece (across or down) takes."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return Box(x0, y0, x1 - x0, y1 - y0)


def crosses(a: Point, b: Point, box: Box) -> bool:
    """Whether the straight piece a–b (across or down) runs through ``box`` (touching does not count)."""
    piece = segment_box(a, b)
    return piece.x < box.right and box.x < piece.right and piece.y < box.bottom and box.y < piece.bottom


def rested_on(numbered: Sequence[NumberedGap], graph: JourneyGraph) -> tuple[list[tuple[Event, Event]], list[Event]]:
    """The answers (first event, its answer) with either end among a gap's events, and the referrals
    and reports among a gap's events that were never answered, in the order of the persona."""
    in_gaps = {event_id for item in numbered for event_id in item.gap.events}
    by_id = {event.id: event for event in graph.persona.events}
    answers = [(by_id[e.responds_to], e) for e in graph.persona.events
               if e.responds_to in by_id and (e.id in in_gaps or e.responds_to in in_gaps)]
    unanswered = [e for e in graph.persona.events if e.id in in_gaps and e.kind in ("referral", "report")
                  and graph.receiver(e) and not graph.responses_to(e.id)]
    return answers, unanswered


class Router:
    """Routes that cross no word and no mark but their own ends."""

    def __init__(self, timeline: WallTimeline, words: Iterable[Box]):
        self.words = [_grown(box, CLEARANCE) for box in words]
        self.marks = {place.event.id: _grown(place.marker, CLEARANCE) for place in timeline.events}
        self.channels = _channels(timeline)

    def obstacles(self, left: float, right: float, ends: Sequence[str]) -> list[Edges]:
        """The words and marks (but the ends' own) that reach into the columns from ``left`` to
        ``right``, as their edges (left, top, right, bottom)."""
        own = [self.marks[key] for key in ends if key in self.marks]
        near = [b for b in self.words if b.right > left and b.x < right]
        near += [b for key, b in self.marks.items()
                 if key not in ends and b not in own and b.right > left and b.x < right]  # a mark drawn on an end's is the end
        return [(b.x, b.y, b.right, b.bottom) for b in near]

    def clear(self, points: Sequence[Point], ends: Sequence[str], near: Sequence[Edges] | None = None) -> bool:
        """Whether the route crosses no word and no mark but its ends' (``near``: the obstacles to
        check, when already gathered for a wider stretch)."""
        if near is None:
            near = self.obstacles(min(p[0] for p in points), max(p[0] for p in points), ends)
        for a, b in zip(points, points[1:]):
            piece = segment_box(a, b)  # once per piece, not once per obstacle
            x0, y0, x1, y1 = piece.x, piece.y, piece.right, piece.bottom
            if any(x0 < right and left < x1 and y0 < bottom and top < y1 for left, top, right, bottom in near):
                return False
        return True

    def answer(self, first: EventPlace, then: EventPlace) -> tuple[Point, ...] | None:
        """The shortest clear route from one mark to the other: straight across when they share a
        row; an L (across from the first, then up or down into the answer, or the other way round);
        or up or down to a channel, across, and into the answer from above or below."""
        (x0, y0), (x1, y1) = first.marker.centre, then.marker.centre
        ends = (first.event.id, then.event.id)
        toward = 1 if x1 >= x0 else -1
        tries: list[tuple[float, tuple[Point, ...]]] = []
        if abs(y1 - y0) < 0.5:
            tries.append((abs(x1 - x0), ((x0 + toward * first.marker.w / 2, y0), (x1 - toward * then.marker.w / 2, y1))))
        else:
            below = 1 if y1 > y0 else -1
            length = abs(x1 - x0) + abs(y1 - y0)
            tries.append((length, ((x0 + toward * first.marker.w / 2, y0), (x1, y0), (x1, y1 - below * then.marker.h / 2))))
            tries.append((length, ((x0, y0 + below * first.marker.h / 2), (x0, y1), (x1 - toward * then.marker.w / 2, y1))))
        for y in self.channels:
            if abs(y - y0) < first.marker.h / 2 + CLEARANCE or abs(y - y1) < then.marker.h / 2 + CLEARANCE:
                continue
            for dx0, dx1 in SHIFTS:
                a, b = x0 + dx0 * first.marker.w, x1 + dx1 * then.marker.w
                start = (a, first.marker.y if y < y0 else first.marker.bottom)
                tip = (b, then.marker.y if y < y1 else then.marker.bottom)
                length = abs(y - y0) + abs(b - a) + abs(y - y1) + abs(dx0) + abs(dx1)
                tries.append((length, (start, (a, y), (b, y), tip)))
        return self._shortest(tries, ends) or self._detour(first, then, ends)

    def _detour(self, first: EventPlace, then: EventPlace, ends: Sequence[str]) -> tuple[Point, ...] | None:
        """When no direct route is clear: out of the first mark's side to a free column beside the
        words in the way, up or down it to a channel, across, and into the answer from above or below."""
        (x0, y0), (x1, y1) = first.marker.centre, then.marker.centre
        reach = DETOUR_REACH * first.marker.w
        near = self.obstacles(min(x0, x1) - reach, max(x0, x1) + reach, ends)
        columns = sorted({round(edge + side * 2 * CLEARANCE, 2) for left, _, right, _ in near
                          for edge, side in ((left, -1), (right, 1)) if abs(edge - x0) <= reach})
        tries: list[tuple[float, tuple[Point, ...]]] = []
        for x in columns:
            side = 1 if x > x0 else -1
            start = (x0 + side * first.marker.w / 2, y0)
            for y in self.channels:
                if abs(y - y1) < then.marker.h / 2 + CLEARANCE:
                    continue
                tip = (x1, then.marker.y if y < y1 else then.marker.bottom)
                length = abs(x - x0) + abs(y - y0) + abs(x1 - x) + abs(y - y1)
                tries.append((length, (start, (x, y0), (x, y), (x1, y), tip)))
        for _, points in sorted(tries):
            if self.clear(points, ends, near):
                return points
        return None

    def into_lane(self, place: EventPlace, lane: Box) -> tuple[Point, ...] | None:
        """Straight up or down from the mark into the receiver's lane, at the mark or just beside it,
        or out of the mark's side and then up or down."""
        x, y = place.marker.centre
        down = lane.y > y
        reach = INTO_LANE * place.marker.h
        tip_y = lane.y + reach if down else lane.bottom - reach
        start_y = place.marker.bottom if down else place.marker.y
        w = place.marker.w
        tries: list[tuple[float, tuple[Point, ...]]] = [(abs(dx), ((x + dx, start_y), (x + dx, tip_y)))
                                                        for dx in (0.0, -w * 0.3, w * 0.3)]
        for steps in SIDEWAYS:  # out of the mark's side first, then up or down
            for side in (1, -1):
                leg = x + side * steps * w
                tries.append((steps * w, ((x + side * w / 2, y), (leg, y), (leg, tip_y))))
        return self._shortest(tries, (place.event.id,))

    def _shortest(self, tries: list[tuple[float, tuple[Point, ...]]], ends: Sequence[str]) -> tuple[Point, ...] | None:
        xs = [p[0] for _, points in tries for p in points]
        if not xs:
            return None
        near = self.obstacles(min(xs), max(xs), ends)  # gathered once for all the tries
        for _, points in sorted(tries):
            if self.clear(points, ends, near):
                return points
        return None


def _channels(timeline: WallTimeline) -> list[float]:
    """Heights where an arrow may run across: near the top and the bottom of every lane, and
    midway between a lane's rows of marks."""
    found: set[float] = set()
    for lane in timeline.lanes:
        found |= {round(lane.box.y + 2 * CLEARANCE, 2), round(lane.box.bottom - 2 * CLEARANCE, 2)}
        rows = sorted({round(p.marker.centre[1], 2) for p in timeline.events if p.lane == lane.sector})
        found |= {round((a + b) / 2, 2) for a, b in zip(rows, rows[1:])}
    return sorted(found)


def route_arrows(timeline: WallTimeline, numbered: Sequence[NumberedGap], graph: JourneyGraph,
                 words: Iterable[Box]) -> tuple[tuple[Arrow, ...], int]:
    """The arrows the gaps rest on that find a clear route, and how many did not."""
    router = Router(timeline, words)
    places = {place.event.id: place for place in timeline.events}
    lanes = {lane.sector: lane.box for lane in timeline.lanes}
    answers, unanswered = rested_on(numbered, graph)
    arrows: list[Arrow] = []
    missed = 0
    for first, then in answers:
        if first.id not in places or then.id not in places:
            continue
        points = router.answer(places[first.id], places[then.id])
        if points is None:
            missed += 1
            continue
        arrows.append(Arrow(RESPONSE, first.id, then.id, points))
    for event in unanswered:
        sector = graph.vocabulary.sector_of(graph.receiver(event) or "")
        place = places.get(event.id)
        lane = lanes.get(sector)
        if place is None or lane is None or lane.y <= place.marker.centre[1] <= lane.bottom:
            continue
        points = router.into_lane(place, lane)
        if points is None:
            missed += 1
            continue
        arrows.append(Arrow(UNANSWERED, event.id, sector, points))
    return tuple(arrows), missed
