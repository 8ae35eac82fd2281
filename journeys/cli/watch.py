"""Re-making an output whenever its input files are saved: ``journeys poster --watch``.

The process stays warm (the library imported, fonts registered, caches filled), so a re-made
poster costs the drawing only. Files are polled by size and modification time (no extra
dependency, the same on every system); a file that becomes invalid is reported line by line and
the last good output is kept.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from persona.errors import PersonaError
from persona.i18n import Catalog

POLL_SECONDS = 0.02  # a save is noticed within 20 ms (10 ms on average); two stat() calls per poll cost nothing
Stamp = tuple[tuple[int, int], ...]


def stamp(paths: Sequence[Path]) -> Stamp:
    """Size and modification time of each file ((-1, -1) for one that is missing)."""
    found = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            found.append((-1, -1))
        else:
            found.append((info.st_size, info.st_mtime_ns))
    return tuple(found)


def make_once(make: Callable[[], None], text: Catalog) -> bool:
    """Run ``make``; a library error is printed (one line per problem) instead of ending the watch."""
    try:
        make()
    except PersonaError as exc:
        for line in exc.lines(text):
            print(line, file=sys.stderr)
        return False
    return True


def watch(paths: Sequence[Path], make: Callable[[], None], text: Catalog, poll: float = POLL_SECONDS) -> int:
    """Make once, then again after every save of one of ``paths``, until interrupted (Ctrl+C)."""
    print(text("cli.watch.started", paths=", ".join(str(p) for p in paths)), file=sys.stderr)
    seen = stamp(paths)
    make_once(make, text)
    # A watch runs for hours: garbage is collected as in any long process (a one-shot command
    # pauses the collector, see journeys.cli.main). What is left after the first make (the
    # library, fonts, caches) stays to the end: frozen, no collection walks it again.
    gc.enable()
    gc.collect()
    gc.freeze()
    try:
        while True:
            time.sleep(poll)
            now = stamp(paths)
            if now != seen:
                seen = now
                make_once(make, text)
    except KeyboardInterrupt:
        print(text("cli.watch.stopped"), file=sys.stderr)
        return 0
