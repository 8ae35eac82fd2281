"""The workshop app and the examples travel inside the wheel (the rest is in pyproject.toml).

In a checkout the app is ``app/`` beside ``persona/`` and ``journeys/``, and imports itself as
``app`` (``from app import state``). The wheel installs the same files as a small copy of the
checkout inside the package, ``journeys/bundled/``: ``app/``, ``examples/`` and
``.streamlit/config.toml``. ``journeys app`` runs ``journeys/bundled/app/streamlit_app.py``,
which puts ``journeys/bundled`` on ``sys.path``, so ``app`` is found there and nowhere else:
no top-level ``app`` package is claimed in site-packages, and app/ keeps its imports.
"""

import shutil
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

BUNDLE = "journeys.bundled"
# Files beside the app that it reads at run time, copied as they are.
BUNDLED_FILES = ("examples/*.yaml", "examples/en/*.yaml", ".streamlit/config.toml")


class BuildWithBundle(build_py):
    """Also copies the examples and Streamlit's settings into ``journeys/bundled/``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install runs the checkout itself
        root = Path(__file__).resolve().parent
        target = Path(self.build_lib, *BUNDLE.split("."))
        for pattern in BUNDLED_FILES:
            for source in sorted(root.glob(pattern)):
                destination = target / source.relative_to(root)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)


setup(
    packages=find_packages(include=["persona", "persona.*", "journeys", "journeys.*"])
    + [f"{BUNDLE}.{name}" for name in find_packages(include=["app", "app.*"])],
    package_dir={f"{BUNDLE}.app": "app"},
    package_data={
        "persona": ["data/*.yaml", "lang/*.yaml"],
        "journeys": ["data/*.yaml", "lang/*.yaml", "templates/*", "report/templates/*", "cohort/templates/*"],
        f"{BUNDLE}.app": ["lang/*.yaml"],
    },
    cmdclass={"build_py": BuildWithBundle},
)
