"""Running the app as `make app` does, and driving it with Debian's Chromium (never `playwright install`).

Used by the end-to-end test and by ``python -m tests.e2e.shoot`` (screenshots of every page).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def journeys_command() -> list[str]:
    """The installed ``journeys`` script beside this Python (as `make app` runs it)."""
    script = Path(sys.executable).with_name("journeys")
    return [str(script)] if script.exists() else [sys.executable, "-m", "journeys"]


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app stopped before it answered (exit code {process.returncode})")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"the app did not answer at {url} within {timeout:.0f} s")


def stop(process: subprocess.Popen) -> None:
    """Stop the app and everything it started (its own process group): SIGTERM, then SIGKILL to
    whatever of the group is left after a bounded wait. ``journeys app`` runs Streamlit as a
    child, which can outlive the launcher; nothing may be left running."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except (ProcessLookupError, PermissionError):
            break
        deadline = time.monotonic() + STOP_TIMEOUT
        while time.monotonic() < deadline:
            process.poll()  # reap the launcher, so that only live members keep the group
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
    process.wait(timeout=STOP_TIMEOUT)


@contextmanager
def running_app(folder: Path, log: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """``journeys app FOLDER --port N`` on 127.0.0.1; yields its URL; always stopped afterwards."""
    port = free_port()
    env = {**os.environ, **(extra_env or {})}
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [*journeys_command(), "app", str(folder), "--port", str(port)],
            stdout=output, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, process)
            yield url
        finally:
            stop(process)


@contextmanager
def chromium_page(width: int = 1600, height: int = 1000) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=30_000)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_default_timeout(20_000)
            yield page
        finally:
            browser.close()


def wait_for_app(page, timeout_ms: int = 20_000, settle_ms: int = 300) -> None:
    """Wait until Streamlit has finished a run: nothing running, nothing stale, no skeletons."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_timeout(settle_ms)
    page.wait_for_function(
        """() => {
            const running = document.querySelector('[data-testid="stStatusWidget"]');
            const busy = running && /Running|Kör|Stop/.test(running.innerText);
            const stale = document.querySelector('[data-stale="true"]');
            const skeleton = document.querySelector('[data-testid="stSkeleton"]');
            return !busy && !stale && !skeleton;
        }""",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(settle_ms)
