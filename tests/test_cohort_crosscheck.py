"""The cohort counts what ``journeys gaps`` finds: one implementation of every rule."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from persona.vocabulary import load_vocabulary

from bench.cohort_generate import children, persona_text, write_extract
from journeys.cohort.run import count_cohort
from tests.cohort_helpers import CANONICAL_MAPPING, mapping_of

COUNT, SEED = 60, 7
# Children old enough at the extract date that every window had closed: the persona files and
# the cohort then see the same lives, and censoring changes nothing.
AGES = (22.6, 24.0)


def test_cohort_counts_per_rule_equal_journeys_gaps_on_each_child_as_a_persona_file(tmp_path: Path, cli):
    folder = write_extract(tmp_path / "extract", COUNT, seed=SEED, ages=AGES)
    (folder / "extract.mapping.yaml").write_text(CANONICAL_MAPPING, encoding="utf-8")
    personas = tmp_path / "personas"
    personas.mkdir()
    for child in children(COUNT, seed=SEED, ages=AGES):
        (personas / f"c{child.number}.yaml").write_text(persona_text(child), encoding="utf-8")

    expected: Counter[str] = Counter()
    for path in sorted(personas.glob("*.yaml")):
        result = cli("gaps", path, "--format", "json")
        assert result.code == 0, result.err
        expected.update({gap["rule"] for gap in json.loads(result.out)})

    mapping = mapping_of(folder / "extract.mapping.yaml")
    counts, dropped = count_cohort(folder, mapping, load_vocabulary(), processes=1)
    assert counts.children == COUNT and not counts.left_out and not dropped
    assert counts.rule_totals() == {rule: n for rule, n in expected.items() if n}
    assert len(expected) >= 6, "the synthetic cohort makes many rules fire"
    assert sum(expected.values()) > COUNT


def test_two_processes_count_the_same_as_one(tmp_path: Path):
    folder = write_extract(tmp_path / "extract", 150, seed=3)
    (folder / "extract.mapping.yaml").write_text(CANONICAL_MAPPING, encoding="utf-8")
    mapping = mapping_of(folder / "extract.mapping.yaml")
    one, _ = count_cohort(folder, mapping, load_vocabulary(), processes=1)
    two, _ = count_cohort(folder, mapping, load_vocabulary(), processes=2)
    assert one == two
