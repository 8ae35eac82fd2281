"""The engine over a cohort: each child through the same functions ``journeys gaps`` uses
(persona checked, ``build_graph``, ``find_gaps``), in batches over all cores.

A worker returns only the facts the tables count, keyed by the child's place in the run: the
first age band and sector pair of each rule that struck, the first age band each sector was
involved in a gap, waits in days, the hand-overs between agencies, where referrals waited too
long and where they bounced. The pseudonym never reaches a worker. At most two batches per
process are in flight, so memory stays bounded however large the extract.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Callable, Iterable, Iterator, Sequence

from persona.vocabulary import Vocabulary

from journeys.ages import days_between, to_years
from journeys.cohort.censor import cohort_settings, observed_until
from journeys.cohort.children import ChildInvalid, checked_persona, persona_data
from journeys.cohort.extract import ChildRows
from journeys.gaps import Gap, RuleSettings, find_gaps, rule_settings
from journeys.graph import JourneyGraph, build_graph

BATCH = 500
NO_ANSWER = -1.0
Progress = Callable[[int], None]


@dataclass(frozen=True)
class ChildFacts:
    """What the tables count of one child (no ids, no text, no dates)."""

    number: int
    invalid: str | None = None
    rules: tuple[tuple[str, int, str], ...] = ()            # rule, age band, sector pair
    sectors: tuple[tuple[str, int], ...] = ()               # sector, age band
    waits: tuple[tuple[str, str, float], ...] = ()          # measure, sector, days (-1: no answer)
    handovers: tuple[tuple[str, str], ...] = ()             # from agency, to agency
    places: tuple[tuple[str, str], ...] = ()                # measure (wait, bounce), agency


@dataclass(frozen=True)
class EngineSettings:
    vocabulary: Vocabulary
    rules: RuleSettings
    age_bands: tuple[float, ...]

    @classmethod
    def of(cls, vocabulary: Vocabulary, age_bands: Sequence[float]) -> "EngineSettings":
        return cls(vocabulary, rule_settings(vocabulary), tuple(age_bands))

    def band(self, age: float) -> int:
        return max(0, bisect_right(self.age_bands, age) - 1)


def child_facts(rows: ChildRows, settings: EngineSettings) -> ChildFacts:
    """One child: persona in memory, checked, graph, the engine's own rules, censoring."""
    try:
        persona = checked_persona(observed_until(persona_data(rows), rows.censor_age), settings.vocabulary)
    except ChildInvalid as exc:
        return ChildFacts(rows.number, invalid=exc.key)
    graph = build_graph(persona, settings.vocabulary)
    gaps = find_gaps(graph, settings.rules)
    return ChildFacts(
        number=rows.number,
        rules=_first_per_rule(gaps, graph, settings),
        sectors=_first_per_sector(gaps, graph, settings),
        waits=tuple(_waits(graph)),
        handovers=_handovers(graph),
        places=_places(gaps),
    )


NO_SECTOR = "none"


def sector_pair(gap: Gap, graph: JourneyGraph) -> str:
    """The first two sectors a gap names, in the vocabulary's lane order: ``school+social``,
    ``school`` when it names one, ``none`` when it names no agency."""
    order = {s: i for i, s in enumerate(graph.vocabulary.sectors_in_order())}
    sectors = sorted(dict.fromkeys(graph.sector(a) for a in gap.agencies), key=lambda s: order.get(s, 99))
    return "+".join(sectors[:2]) or NO_SECTOR


def _first_per_rule(gaps: Sequence[Gap], graph: JourneyGraph, settings: EngineSettings) -> tuple:
    first: dict[str, Gap] = {}
    for gap in gaps:  # sorted by start
        first.setdefault(gap.rule, gap)
    return tuple((rule, settings.band(g.start), sector_pair(g, graph)) for rule, g in sorted(first.items()))


def _first_per_sector(gaps: Sequence[Gap], graph: JourneyGraph, settings: EngineSettings) -> tuple:
    first: dict[str, float] = {}
    for gap in gaps:
        for sector in dict.fromkeys(graph.sector(a) for a in gap.agencies):
            first.setdefault(sector, gap.start)
    return tuple((sector, settings.band(age)) for sector, age in sorted(first.items()))


def _waits(graph: JourneyGraph) -> Iterator[tuple[str, str, float]]:
    """Per child and sector, the longest wait for a first answer (a referral: from the receiving
    agency; a signal or report: from anyone responding to it). No answer counts only when the
    record went on past the last bucket; otherwise the answer is not known yet."""
    last_bucket = to_years(float(cohort_settings()["wait_buckets"][-1]))
    longest: dict[tuple[str, str], float] = {}
    for event in graph.events(("referral", "signal", "report")):
        measure = "referral" if event.kind == "referral" else "answer"
        agency = graph.receiver(event) if measure == "referral" else event.agency
        answers = graph.responses_to(event.id)
        if answers:
            days = max(0.0, days_between(event.age, answers[0].age))
        elif not graph.open_at_end(event.age, last_bucket):
            days = NO_ANSWER
        else:
            continue  # not yet known: the answer may still come
        key = (measure, graph.sector(agency) if agency else NO_SECTOR)
        before = longest.get(key)
        if before is None or (before != NO_ANSWER and (days == NO_ANSWER or days > before)):
            longest[key] = days
    for (measure, sector), days in sorted(longest.items()):
        yield measure, sector, days


def _places(gaps: Sequence[Gap]) -> tuple[tuple[str, str], ...]:
    """Where referrals waited too long (the receiving agency) and where children bounced."""
    found = set()
    for gap in gaps:
        if gap.rule == "referral-wait" and gap.params.get("to"):
            found.add(("wait", str(gap.params["to"])))
        elif gap.rule == "referral-bounce":
            found |= {("bounce", agency) for agency in gap.agencies}
    return tuple(sorted(found))


def _handovers(graph: JourneyGraph) -> tuple[tuple[str, str], ...]:
    edges = set()
    for event in graph.events(("referral", "report", "transition")):
        source = event.from_ if event.kind == "transition" else event.agency
        target = graph.receiver(event)
        if source and target and source != target:
            edges.add((source, target))
    return tuple(sorted(edges))


# --- over all cores --------------------------------------------------------------------------
_WORKER_SETTINGS: EngineSettings | None = None


def _start_worker(vocabulary: Vocabulary, age_bands: tuple[float, ...]) -> None:
    """A worker makes its own settings (the rules' settings are read-only mappings, which do not
    travel between processes)."""
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = EngineSettings.of(vocabulary, age_bands)


def _run_batch(batch: list[ChildRows]) -> list[ChildFacts]:
    assert _WORKER_SETTINGS is not None
    return [child_facts(rows, _WORKER_SETTINGS) for rows in batch]


def default_processes() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_children(children: Iterable[ChildRows], settings: EngineSettings, processes: int | None = None,
                 progress: Progress | None = None) -> Iterator[ChildFacts]:
    """Every child's facts, in the children's order; ``processes=1`` runs in this process."""
    processes = processes or default_processes()
    batches = _batches(children)
    if processes == 1:
        for batch in batches:
            yield from (child_facts(rows, settings) for rows in batch)
            if progress:
                progress(len(batch))
        return
    import multiprocessing

    # Workers start from a fresh server process, not as copies of this one: by now this process
    # holds DuckDB's buffers, which forked workers would each carry along.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:  # the server imports the engine once (not the caller's __main__)
        context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker,
                             initargs=(settings.vocabulary, settings.age_bands)) as pool:
        pending: list[Future[list[ChildFacts]]] = []
        for batch in batches:
            pending.append(pool.submit(_run_batch, batch))
            if len(pending) >= 2 * processes:
                yield from _finished(pending.pop(0), progress)
        while pending:
            yield from _finished(pending.pop(0), progress)


def _finished(future: "Future[list[ChildFacts]]", progress: Progress | None) -> list[ChildFacts]:
    facts = future.result()
    if progress:
        progress(len(facts))
    return facts


def _batches(children: Iterable[ChildRows]) -> Iterator[list[ChildRows]]:
    iterator = iter(children)
    while batch := list(islice(iterator, BATCH)):
        yield batch
