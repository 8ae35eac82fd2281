"""The cold `journeys poster` process: what it loads, when it collects garbage, and that neither
changes the poster (the speed work of bench/poster.py; these tests check correctness only)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from journeys.cli.watch import watch
from journeys.render.fonts import REPORTLAB_NAMES
from tests.conftest import EXAMPLES, ROOT

# What the poster's own process must not load: the app's libraries (never, tests/test_layers.py),
# pypdf (only the fallback merge) and filelock with asyncio (only a locked read-modify-write).
NOT_ON_THE_POSTER_PATH = ("streamlit", "pandas", "pypdf", "filelock", "asyncio")


def _whole_process(*args: str) -> dict:
    """Run ``journeys ARGS`` as a process does (``main()`` reading ``sys.argv``); what it
    loaded, whether the collector was on when it ended, and its exit code."""
    code = (
        "import contextlib, gc, io, json, sys\n"
        "from journeys.cli import main\n"
        f"sys.argv = ['journeys', *{list(args)!r}]\n"
        "with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main()\n"
        "print(json.dumps({'code': code, 'collecting': gc.isenabled(),\n"
        "                  'loaded': sorted(sys.modules)}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(result.stdout)


def test_the_poster_process_loads_only_what_it_draws_with(tmp_path: Path):
    out = tmp_path / "kim.pdf"
    ran = _whole_process("poster", str(EXAMPLES / "kim.yaml"), "-o", str(out))
    assert ran["code"] == 0 and out.read_bytes().startswith(b"%PDF")
    assert "reportlab" in ran["loaded"]
    assert "pygraphviz" not in ran["loaded"], "the wall poster draws its pictures itself, without Graphviz"
    assert [m for m in ran["loaded"] if m.split(".")[0] in NOT_ON_THE_POSTER_PATH] == []


def test_the_poster_process_makes_its_poster_without_collecting_garbage(tmp_path: Path):
    ran = _whole_process("poster", str(EXAMPLES / "kim.yaml"), "-o", str(tmp_path / "kim.pdf"))
    assert ran["code"] == 0
    assert ran["collecting"] is False


def test_a_command_that_does_not_pause_the_collector_runs_with_it_on():
    ran = _whole_process("gaps", str(EXAMPLES / "kim.yaml"))
    assert ran["code"] == 0
    assert ran["collecting"] is True


def test_the_poster_is_the_same_with_the_collector_paused_or_not(cli, tmp_path: Path):
    """The same bytes from a whole process (collector paused) and in-process (collector on)."""
    paused, running = tmp_path / "paused.pdf", tmp_path / "running.pdf"
    assert _whole_process("poster", str(EXAMPLES / "noor.yaml"), "-o", str(paused))["code"] == 0
    assert gc.isenabled()
    assert cli("poster", EXAMPLES / "noor.yaml", "-o", running).code == 0
    assert paused.read_bytes() == running.read_bytes()


def test_a_watch_collects_garbage_after_its_first_make(sv, tmp_path: Path):
    """A one-shot poster pauses the collector; the watch, which stays for hours, turns it on."""
    watched = tmp_path / "kim.yaml"
    watched.write_text("a", encoding="utf-8")
    seen: list[bool] = []

    def make() -> None:
        seen.append(gc.isenabled())
        if len(seen) == 1:
            watched.write_text("ab", encoding="utf-8")  # saved again: the watch makes it again
        else:
            raise KeyboardInterrupt  # Ctrl+C: the watch ends

    gc.disable()
    try:
        assert watch([watched], make, sv, poll=0.01) == 0
    finally:
        gc.unfreeze()
        gc.enable()
    assert seen == [False, True]


def test_each_font_file_is_parsed_once_per_process_however_many_posters(tmp_path: Path):
    """Parsing a TrueType file takes reportlab ~7 ms: once per weight and process, not per poster."""
    code = (
        "import contextlib, io, json\n"
        "import reportlab.pdfbase.ttfonts as ttfonts\n"
        "parsed = []\n"
        "parse = ttfonts.TTFont.__init__\n"
        "def counted(self, name, *args, **kwargs):\n"
        "    parsed.append(name)\n"
        "    parse(self, name, *args, **kwargs)\n"
        "ttfonts.TTFont.__init__ = counted\n"
        "from journeys.cli import main\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert main(['poster', {str(EXAMPLES / 'kim.yaml')!r}, '-o', {str(tmp_path / 'a1.pdf')!r}]) == 0\n"
        f"    assert main(['poster', {str(EXAMPLES / 'noor.yaml')!r}, '--size', 'A3', '-o', {str(tmp_path / 'a3.pdf')!r}]) == 0\n"
        "print(json.dumps(parsed))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert sorted(json.loads(result.stdout)) == sorted(REPORTLAB_NAMES.values())


def test_a_warm_process_draws_only_the_pictures_whose_dot_changed(cli, tmp_path: Path, monkeypatch):
    """--watch re-makes the poster in the same process: Graphviz draws again only what changed
    (on the wall poster that is the cost panel; the rest is drawn without Graphviz), and the
    poster is the same bytes as one made from scratch."""
    from journeys.render import drawing

    drawn: list[str] = []
    draw = drawing.draw
    monkeypatch.setattr(drawing, "draw", lambda dot, fmt, dpi=None: drawn.append(fmt) or draw(dot, fmt, dpi))
    drawing._pdf.cache_clear()
    persona = tmp_path / "kim.yaml"
    text = (EXAMPLES / "kim.yaml").read_text(encoding="utf-8")
    persona.write_text(text, encoding="utf-8")
    assert cli("poster", persona, "--cost", "-o", tmp_path / "first.pdf").code == 0
    first = len(drawn)
    assert first >= 1  # the cost panel
    assert cli("poster", persona, "--cost", "-o", tmp_path / "again.pdf").code == 0
    assert len(drawn) == first, "nothing changed: nothing drawn again"
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "first.pdf").read_bytes()
    persona.write_text(text.replace("name: Kim", "name: Kimmy", 1), encoding="utf-8")
    assert cli("poster", persona, "--cost", "-o", tmp_path / "renamed.pdf").code == 0
    assert len(drawn) == first, "the name is not in the cost panel: it is not drawn again"
    assert (tmp_path / "renamed.pdf").read_bytes() != (tmp_path / "first.pdf").read_bytes()
    drawing._pdf.cache_clear()
    assert cli("poster", persona, "--cost", "-o", tmp_path / "cold.pdf").code == 0
    assert len(drawn) > first
    assert (tmp_path / "cold.pdf").read_bytes() == (tmp_path / "renamed.pdf").read_bytes()


def test_a_failed_drawing_is_not_kept():
    from journeys.render.drawing import Drawing, RenderFailed

    broken = Drawing('digraph { graph [layout=nop2]; a [pos="1,1", shape=nosuchshape]; a -> }')
    for _ in range(2):
        try:
            broken.pdf()
        except RenderFailed:
            continue
        raise AssertionError("a broken DOT must fail every time")
