"""The app's Kohort page with Streamlit's AppTest: the example extract counted, published
figures only, errors as a message."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.conftest import EXAMPLES, ROOT  # noqa: E402

APP = ROOT / "app" / "streamlit_app.py"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES / "cohort", copy / "cohort")
    monkeypatch.setenv("JOURNEYS_APP_FOLDER", str(copy))
    monkeypatch.delenv("JOURNEYS_LANG", raising=False)
    monkeypatch.delenv("JOURNEYS_VOCABULARY", raising=False)
    return copy


def _cohort_page() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=180)
    at.run()
    at.switch_page("views/cohort.py").run()
    return at


def test_the_cohort_page_counts_the_example_extract(folder: Path):
    at = _cohort_page()
    assert not at.exception and not at.error
    assert at.title[0].value.startswith("Kohort")
    assert at.selectbox(key="cohort_mapping").value.endswith("barnakten.mapping.yaml")
    at.button(key="cohort_run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.metric[0].value == "400"
    assert len(at.dataframe) == 7
    shown = [v for frame in at.dataframe for row in frame.value.values.tolist() for v in row]
    assert ".." in shown and "B0000001" not in shown
    assert all(v == ".." or "," in v or int(v) == 0 or int(v) >= 5 for v in shown)
    report = json.loads(at.session_state["cohort_result"][1][3])
    assert report["children"] == 400


def test_a_folder_without_a_mapping_says_so(folder: Path):
    at = _cohort_page()
    at.text_input(key="cohort_folder").set_value(str(folder)).run()
    assert not at.exception and at.info and not at.dataframe


def test_a_broken_mapping_is_an_error_message_not_a_traceback(folder: Path):
    mapping = folder / "cohort" / "barnakten.mapping.yaml"
    mapping.write_text(mapping.read_text(encoding="utf-8").replace("BUP: bup", "BUP: bupp"), encoding="utf-8")
    at = _cohort_page()
    at.button(key="cohort_run").click().run()
    assert not at.exception
    assert "bupp" in at.error[0].value and "menade du 'bup'?" in at.error[0].value
