"""``journeys app [PATH]``: start the workshop app (Streamlit) on a folder of personas.

The app runs as a child process (``python -m streamlit run app/streamlit_app.py``), bound to
127.0.0.1 unless ``--host`` says otherwise, headless and with Streamlit's usage statistics off:
personas stay on this machine. This module imports neither Streamlit nor pandas.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

from persona.i18n import Catalog

import journeys
from journeys.cli.common import add_global_options

PACKAGE = Path(journeys.__file__).resolve().parent
BUNDLED = PACKAGE / "bundled"  # what an installed wheel carries: app/, examples/, .streamlit/ (setup.py)


def app_home() -> Path:
    """The folder holding app/, examples/ and .streamlit/: the copy inside an installed wheel,
    else the checkout that holds this package."""
    return BUNDLED if (BUNDLED / "app" / "streamlit_app.py").is_file() else PACKAGE.parent


REPOSITORY = app_home()
APP_SCRIPT = REPOSITORY / "app" / "streamlit_app.py"
DEFAULT_FOLDER = REPOSITORY / "examples"
DEFAULT_PORT = 8501
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
FOLDER_ENV = "JOURNEYS_APP_FOLDER"
MAX_UPLOAD_MB = 5
CODE_ENV = "JOURNEYS_ACCESS_CODE"  # the names app/access.py reads
ALLOW_EDIT_ENV = "JOURNEYS_ALLOW_EDIT"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("app", help=text("cli.app.help"), description=text("cli.app.description"))
    parser.add_argument("path", nargs="?", metavar=text("cli.path_metavar"), help=text("cli.app.path_help"))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=text("cli.app.port_help"))
    parser.add_argument("--host", default="127.0.0.1", metavar=text("cli.app.host_metavar"), help=text("cli.app.host_help"))
    parser.add_argument("--code", metavar=text("cli.access.code_metavar"), help=text("cli.access.code_help"))
    parser.add_argument("--allow-edit", action="store_true", help=text("cli.access.allow_edit_help"))
    add_global_options(parser, text)


def streamlit_command(script: Path, host: str, port: int) -> list[str]:
    """The command line that starts the app: headless, no usage statistics, bound to ``host``."""
    return [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.address", host,
        "--server.port", str(port),
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--server.maxUploadSize", str(MAX_UPLOAD_MB),
        "--browser.gatherUsageStats", "false",
        "--global.developmentMode", "false",
    ]


def access_code(args: argparse.Namespace) -> str | None:
    """The code browsers must give: the one given with ``--code``; one made up here when the app
    is open to the network (``--host`` other than this machine); else none."""
    if getattr(args, "code", None):
        return str(args.code).strip()
    if args.host in LOCAL_HOSTS:
        return None
    return new_code()


def new_code() -> str:
    """Eight characters from an alphabet without look-alikes (0/O, 1/I/L): 40 bits, read aloud easily."""
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{letters[:4]}-{letters[4:]}"


def app_environment(folder: Path, args: argparse.Namespace, code: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env[FOLDER_ENV] = str(folder)
    env.pop(CODE_ENV, None)
    env.pop(ALLOW_EDIT_ENV, None)
    if code:
        env[CODE_ENV] = code
    if getattr(args, "allow_edit", False):
        env[ALLOW_EDIT_ENV] = "1"
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    if getattr(args, "lang", None):
        env["JOURNEYS_LANG"] = args.lang
    if getattr(args, "vocabulary", None):
        env["JOURNEYS_VOCABULARY"] = str(Path(args.vocabulary).resolve())
    return env


def port_is_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def run(args: argparse.Namespace, text: Catalog) -> int:
    if not APP_SCRIPT.is_file():
        print(text("cli.app.missing_script", path=APP_SCRIPT), file=sys.stderr)
        return 2
    folder = Path(args.path).resolve() if args.path else DEFAULT_FOLDER
    if not folder.exists():
        print(text("cli.app.missing_folder", path=folder), file=sys.stderr)
        return 2
    if not 0 < args.port < 65536 or not port_is_free(args.host, args.port):
        print(text("cli.app.port_busy", host=args.host, port=args.port), file=sys.stderr)
        return 2
    shown_host = "localhost" if args.host in LOCAL_HOSTS else args.host
    print(text("cli.app.starting", url=f"http://{shown_host}:{args.port}", folder=folder))
    if args.host not in LOCAL_HOSTS:
        print(text("cli.app.network_warning"), file=sys.stderr)
    code = access_code(args)
    if code:
        print(text("cli.access.code_line", code=code))
        print(text("cli.access.edit_allowed" if args.allow_edit else "cli.access.read_only"))
    sys.stdout.flush()
    command = streamlit_command(APP_SCRIPT, args.host, args.port)
    return subprocess.call(command, env=app_environment(folder, args, code), cwd=REPOSITORY)
