"""`journeys poster --watch`: makes the poster, makes it again when the persona is saved, keeps
the last good poster (and says what is wrong) when the file becomes invalid, and stops cleanly
on Ctrl+C."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import EXAMPLES

TIMEOUT = 60.0


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def poster_text(path: Path) -> str:
    return " ".join(PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text().split())


def test_the_poster_is_made_again_when_the_persona_is_saved(tmp_path: Path):
    persona, out, log = tmp_path / "kim.yaml", tmp_path / "kim.pdf", tmp_path / "watch.log"
    original = (EXAMPLES / "kim.yaml").read_text(encoding="utf-8")
    persona.write_text(original, encoding="utf-8")
    with open(log, "wb") as errors:
        process = subprocess.Popen([sys.executable, "-m", "journeys", "poster", str(persona), "--size", "A3",
                                    "--watch", "-o", str(out)], stderr=errors, start_new_session=True,
                                   env={**os.environ, "JOURNEYS_LANG": "sv"})
    try:
        wait_for(out.exists, "the first poster")
        first = out.stat().st_mtime_ns
        assert "Kim – en resa" in poster_text(out)
        persona.write_text(original.replace("name: Kim", "name: Kimmy", 1), encoding="utf-8")
        wait_for(lambda: out.stat().st_mtime_ns != first, "the poster made again")
        wait_for(lambda: "Kimmy" in poster_text(out), "the new name on the poster")
        second = out.read_bytes()
        persona.write_text(original + "\n  - {id: broken\n", encoding="utf-8")
        wait_for(lambda: "kim.yaml:" in log.read_text(encoding="utf-8", errors="replace"), "the problem reported")
        assert out.read_bytes() == second, "the last good poster is kept"
        assert process.poll() is None, "the watch goes on after a bad save"
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=TIMEOUT)
    said = log.read_text(encoding="utf-8", errors="replace")
    assert code == 0 and "Slutade bevaka" in said and "Traceback" not in said
