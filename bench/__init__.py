"""Benchmarks: every figure is a ratio against a floor measured in the same run.

``make bench`` (``python -m bench``) runs each module listed in ``bench.__main__.MODULES``;
each has ``run() -> list[Figure]``. Results print as ``name: value unit (floor: …)`` and are
written to ``bench/results.json``.
"""
