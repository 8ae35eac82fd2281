"""A picture as DOT text, drawn to SVG, PNG or PDF by Graphviz in-process (pygraphviz, ``nop2``).

``nop2`` keeps every node and edge exactly where the DOT pins it, so the layout is the
toolkit's own (a faithful time axis), and Graphviz only draws.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

FORMATS = ("svg", "png", "pdf", "dot")
_DRAWING = threading.Lock()


class RenderFailed(RuntimeError):
    """Graphviz could not draw a picture."""


@contextmanager
def _captured_stderr() -> Iterator[list[str]]:
    """Graphviz and fontconfig write warnings straight to the C stderr (fontconfig, for one,
    complains about newer system config files it cannot read; harmless). While Graphviz draws,
    that stream goes to a temporary file; its lines are handed back instead of reaching the
    user's terminal. Drawings are made one at a time."""
    with _DRAWING:
        sys.stderr.flush()
        saved = os.dup(2)
        lines: list[str] = []
        with tempfile.TemporaryFile() as caught:
            os.dup2(caught.fileno(), 2)
            try:
                yield lines
            finally:
                os.dup2(saved, 2)
                os.close(saved)
                caught.seek(0)
                lines += [line for line in caught.read().decode("utf-8", "replace").splitlines()
                          if line.strip() and not line.startswith("Fontconfig")]


def draw(dot: str, fmt: str, dpi: float | None = None) -> bytes:
    """Graphviz's drawing of pinned DOT in one format (svg, png, pdf)."""
    import pygraphviz

    args = f"-Gdpi={dpi:g}" if dpi else ""
    with _captured_stderr() as errors, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            graph = pygraphviz.AGraph(string=dot)
            data = graph.draw(format=fmt, prog="nop2", args=args)
        except Exception as exc:  # pygraphviz raises bare ValueError/OSError for Graphviz errors
            data, failure = b"", str(exc)
        else:
            failure = ""
    if not data:
        details = errors + [str(w.message) for w in caught] + [failure]
        raise RenderFailed(next((d for d in details if d.strip()), fmt).strip())
    return data


# The pictures of one poster (timeline, balance, ecomap, legend, cost panel) and a few more.
PDF_CACHE = 8


@lru_cache(maxsize=PDF_CACHE)
def _pdf(dot: str) -> bytes:
    """Graphviz's PDF of pinned DOT, kept for the next poster a warm process makes (``journeys
    poster --watch``): a picture whose DOT did not change is not drawn again. The same DOT
    draws the same picture (only the creation date cairo writes in the PDF's info would be
    newer; the poster does not copy it); a failed drawing is not kept."""
    return draw(dot, "pdf")


@dataclass(frozen=True)
class Drawing:
    """One picture; ``dot`` is the source, the rest are drawn from it."""

    dot: str
    width: float = 0.0
    height: float = 0.0

    def svg(self) -> str:
        return draw(self.dot, "svg").decode("utf-8")

    def png(self, dpi: int = 96) -> bytes:
        return draw(self.dot, "png", dpi)

    def pdf(self) -> bytes:
        return _pdf(self.dot)

    def as_format(self, fmt: str) -> bytes:
        """The picture as bytes in one of :data:`FORMATS`."""
        if fmt == "dot":
            return self.dot.encode("utf-8")
        if fmt == "svg":
            return self.svg().encode("utf-8")
        if fmt == "png":
            return self.png()
        if fmt == "pdf":
            return self.pdf()
        raise ValueError(fmt)
