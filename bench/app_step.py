"""app_step_vs_bare: one step of the age control on the Journey page (Streamlit AppTest: the
"Nästa" click and the rerun it causes), divided by a rerun of a bare Streamlit script that shows
the same pre-rendered timeline picture the same way — medians, both measured in the same run.

Two figures: ``app_step_vs_bare`` for a step to an age already drawn in this session (the
render cache answers: stepping back and forth, a second walk, a second browser in the room)
and ``app_first_step_vs_bare`` for the first walk, which draws each age once.

    python -m bench app_step
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Figure

TARGET = 2.0
REPEATS = 3
STEPS = 20

BARE_SCRIPT = '''
import base64, os
import streamlit as st
svg = open(os.environ["BENCH_SVG"], encoding="utf-8").read()
encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
st.html(f'<div class="jr-picture"><img alt="timeline" src="data:image/svg+xml;base64,{encoded}"></div>')
'''


def _app(folder: Path):
    from streamlit.testing.v1 import AppTest

    os.environ["JOURNEYS_APP_FOLDER"] = str(folder)
    at = AppTest.from_file(str(ROOT / "app" / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.radio(key="choose_file").set_value(str(folder / "kim.yaml")).run()
    at.switch_page("views/journey.py").run()
    return at


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _bare(svg: str, folder: Path):
    from streamlit.testing.v1 import AppTest

    picture = folder / "picture.svg"
    picture.write_text(svg, encoding="utf-8")
    os.environ["BENCH_SVG"] = str(picture)
    at = AppTest.from_string(BARE_SCRIPT, default_timeout=60)
    at.run()
    return at


def _walk(at, bare=None) -> tuple[list[float], list[float]]:
    """Step from 0 to 20 a year at a time, each step followed by a bare rerun (interleaved, so
    that a change in the machine's load touches both alike); the times of both."""
    at.slider(key="age_slider").set_value(0.0).run()
    steps, floors = [], []
    for _ in range(STEPS):
        steps.append(_timed(lambda: at.button(key="next").click().run()))
        if bare is not None:
            floors.append(_timed(bare.run))
    return steps, floors


def _picture_at(folder: Path, age: float = 10.0) -> str:
    """The picture the Journey page shows at ``age`` in projector mode (its close-up), from the
    same cache: a mid-life picture."""
    from app import data

    persona = folder / "kim.yaml"
    doc = data.document(str(persona), persona.read_text(encoding="utf-8"))
    return data.focus_svg(doc, "sv", age, 0, None)[0]


def run() -> list[Figure]:
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "examples"
        shutil.copytree(ROOT / "examples", folder)
        at = _app(folder)
        bare = _bare(_picture_at(folder), Path(tmp))
        first, first_floors = _walk(at, bare)  # every age drawn for the first time (but the one at 10)
        warm, floors = [], []
        for _ in range(REPEATS):
            steps, bares = _walk(at, bare)
            warm += steps
            floors += bares
    floor = statistics.median(floors)
    return [
        Figure("app_step_vs_bare", statistics.median(warm) / floor, "x", f"{floor * 1000:.1f} ms", TARGET,
               f"step {statistics.median(warm) * 1000:.1f} ms (median of {len(warm)}), Kim, projector"),
        Figure("app_first_step_vs_bare", statistics.median(first) / statistics.median(first_floors), "x",
               f"{statistics.median(first_floors) * 1000:.1f} ms", None,
               f"first walk: step {statistics.median(first) * 1000:.1f} ms (median of {len(first)})"),
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure.line())
