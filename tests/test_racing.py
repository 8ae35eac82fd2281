"""Nothing is lost when writers race: two processes changing the room's notes, eight processes
saving the same opened persona at once."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.racing import fast_folder, race_notes_forked, race_saves_forked


@pytest.fixture
def folder():
    with tempfile.TemporaryDirectory(dir=fast_folder()) as name:
        yield Path(name)


def test_two_processes_500_changes_to_the_notes_none_lost(folder: Path):
    found = race_notes_forked(folder, processes=2, each=250)
    assert found == {"operations": 500, "lost": 0, "votes_lost": 0, "ideas_lost": 0}


def test_racing_saves_one_wins_the_others_are_told(folder: Path):
    found = race_saves_forked(folder, rounds=5, processes=8)
    assert found == {"saves": 40, "silent_losses": 0, "refused": 35}
