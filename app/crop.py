"""Showing part of a wide SVG picture: the left column (the lane titles) next to a window of it.

Plain SVG handling, no knowledge of journeys: the picture is kept once in ``<defs>`` and shown
through two nested viewports.
"""

from __future__ import annotations

import re

_SVG_START = re.compile(r"<svg\b[^>]*?viewBox=\"([-\d.\s]+)\"[^>]*>", re.S)


class NotCroppable(ValueError):
    """The text is not an SVG picture with a viewBox."""


def crop_columns(svg: str, keep: float, start: float, end: float) -> str:
    """The picture's columns ``[0, keep]`` and ``[start, end]`` (viewBox units), side by side."""
    found = _SVG_START.search(svg)
    if not found or "</svg>" not in svg:
        raise NotCroppable("no <svg viewBox=…>")
    left, top, width, height = (float(v) for v in found.group(1).split())
    start, end = max(start, left + keep), min(end, left + width)
    if end <= start:
        raise NotCroppable("empty window")
    body = svg[found.end(): svg.rindex("</svg>")]
    shown = keep + (end - start)
    link = 'href="#jr-whole" xlink:href="#jr-whole"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{shown:.2f}pt" height="{height:.2f}pt" viewBox="0 0 {shown:.2f} {height:.2f}">'
        f'<defs><g id="jr-whole">{body}</g></defs>'
        f'<svg x="0" y="0" width="{keep:.2f}" height="{height:.2f}" '
        f'viewBox="{left:.2f} {top:.2f} {keep:.2f} {height:.2f}"><use {link}/></svg>'
        f'<svg x="{keep:.2f}" y="0" width="{end - start:.2f}" height="{height:.2f}" '
        f'viewBox="{start:.2f} {top:.2f} {end - start:.2f} {height:.2f}"><use {link}/></svg>'
        f'<line x1="{keep:.2f}" y1="0" x2="{keep:.2f}" y2="{height:.2f}" stroke="#000" stroke-width="3"/>'
        f"</svg>"
    )
