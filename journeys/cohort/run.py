"""The whole of cohort mode in one call: mapping → extract (DuckDB) → the engine on each child →
counts (DuckDB) → disclosure control → what may be published."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from persona.vocabulary import Vocabulary

from journeys.cohort.aggregate import Counts, count_facts, write_facts
from journeys.cohort.engine import EngineSettings, Progress, run_children
from journeys.cohort.extract import open_extract
from journeys.cohort.mapping import CohortMapping, read_mapping
from journeys.cohort.publish import Published, publish
from journeys.gaps import RULE_IDS, rule_settings


SMALL_COHORT = 2_000


@dataclass(frozen=True)
class CohortRun:
    """A finished run: the mapping, the raw counts (for checks; never written out as they are),
    what was dropped from the extract, and what may be published."""

    mapping: CohortMapping
    counts: Counts
    dropped_rows: Mapping[str, int]
    published: Published


def count_cohort(extract_folder: str | Path, mapping: CohortMapping, vocabulary: Vocabulary,
                 processes: int | None = None, progress: Progress | None = None,
                 on_start: Callable[[int], None] | None = None) -> tuple[Counts, Mapping[str, int]]:
    """The counts of a cohort before disclosure control, and the rows left out of the extract."""
    settings = EngineSettings.of(vocabulary, mapping.age_bands)
    with open_extract(extract_folder, mapping, vocabulary) as extract:
        total = extract.children_count()
        if on_start:
            on_start(total)
        if processes is None and total < SMALL_COHORT:
            processes = 1  # starting processes would take longer than the children
        folder = Path(extract.spill_folder)
        facts = run_children(extract.children(), settings, processes, progress)
        left_out = write_facts(facts, folder)
        counts = count_facts(extract, folder, left_out, mapping.age_bands)
        return counts, dict(extract.quality.dropped)


def run_cohort(extract_folder: str | Path, mapping_path: str | Path, vocabulary: Vocabulary,
               min_count: int | None = None, processes: int | None = None,
               progress: Progress | None = None, on_start: Callable[[int], None] | None = None) -> CohortRun:
    """Cohort mode from an extract folder and its mapping file."""
    mapping = read_mapping(mapping_path, vocabulary)
    counts, dropped = count_cohort(extract_folder, mapping, vocabulary, processes, progress, on_start)
    rules = [r for r in RULE_IDS if rule_settings(vocabulary).enabled(r)]
    published = publish(counts, rules, mapping.age_bands, min_count or mapping.min_count)
    return CohortRun(mapping, counts, dropped, published)
