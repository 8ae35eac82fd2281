"""Small files cannot take gigabytes: every hostile case under the size limit is read (or refused
with the project's own error) in a fresh process within generous bounds of time and memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile import CASES, measure_all

CPU_SECONDS = 2.0  # per file, CPU time (not wall-clock: the machine may be busy with others)
PEAK_MB = 300  # the reading process at its largest

EXPECTED = {
    "deep_list": "limits.too_deep",
    "deep_brackets": "limits.too_deep",
    "deep_aliases": "limits.too_deep",
    "base60": "limits.value_too_long",
    "hex_overflow": "limits.integer_too_long",
    "long_integer": "limits.integer_too_long",
    "many_nodes": "limits.too_many_values",
    "long_scalar": "limits.value_too_long",
    "many_keys": "limits.too_many_values",
    "huge_persona": "limits.too_many_values",
    "large_persona": "valid",
}


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict:
    folder: Path = tmp_path_factory.mktemp("hostile")
    return {m.name: m for m in measure_all(list(CASES), folder, timeout=300)}


@pytest.mark.parametrize("name", list(CASES))
def test_read_within_bounds_with_a_clear_outcome(measured: dict, name: str):
    found = measured[name]
    assert EXPECTED[name] in found.outcome and "CRASH" not in found.outcome, found
    assert found.cpu_seconds <= CPU_SECONDS, found
    assert found.peak_mb <= PEAK_MB, found
