"""The cost report as text for people (a table for the terminal) and as CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import textwrap
from typing import Any, Mapping

from persona.i18n import Catalog

WIDTH = 100


MINUS = "\u2212"


def money(value: float, text: Catalog) -> str:
    """Whole kronor with the language's thousands separator and a true minus: ``−1 234 567``."""
    whole = round(value)
    digits = f"{abs(whole):,}".replace(",", text("cost.thousands"))
    return f"{MINUS}{digits}" if whole < 0 else digits


def span(pair: Mapping[str, float], text: Catalog) -> str:
    """A range from its smaller to its larger end (one figure when both are the same). The ends
    are the two price worlds; a difference may be larger in the low one."""
    ends = sorted((pair["low"], pair["high"]))
    low, high = money(ends[0], text), money(ends[1], text)
    return low if low == high else text("cost.range", low=low, high=high)


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
            for row in rows]


def _year_rows(report: Mapping[str, Any], text: Catalog) -> list[str]:
    c = "cost.column."
    if report["scenario"] is None:
        rows = [[text(c + "age"), text(c + "year"), text(c + "cumulative")]]
        rows += [[str(y["age"]), span(y["today"], text), span(y["today_cumulative"], text)] for y in report["years"]]
    else:
        rows = [[text(c + "age"), text(c + "today"), text(c + "cumulative"), text(c + "scenario"),
                 text(c + "cumulative"), text(c + "difference")]]
        rows += [[str(y["age"]), span(y["today"], text), span(y["today_cumulative"], text), span(y["scenario"], text),
                  span(y["scenario_cumulative"], text), span(y["difference_cumulative"], text)]
                 for y in report["years"]]
    return _columns(rows)


def _payer_rows(report: Mapping[str, Any], text: Catalog) -> list[str]:
    c = "cost.column."
    scenario = report["scenario"] is not None
    rows = [[text(c + "payer"), text(c + "today")] + ([text(c + "scenario")] if scenario else [])]
    for payer in report["payers"]:
        rows.append([payer["label"], span(payer["today"], text)] + ([span(payer["scenario"], text)] if scenario else []))
    return _columns(rows)


def _silo_rows(report: Mapping[str, Any], text: Catalog) -> list[str]:
    c = "cost.column."
    rows = [[text(c + "payer"), text(c + "costs"), text(c + "saves"), text(c + "net")]]
    rows += [[s["label"], span(s["costs"], text), span(s["saves"], text), span(s["net"], text)] for s in report["silo"]]
    return _columns(rows)


def _payback(value: float | None, text: Catalog) -> str:
    if value is None:
        return text("cost.payback_never")
    return text("cost.payback_age", age=f"{value:g}".replace(".", text("cost.decimal")))


def _return_line(report: Mapping[str, Any], text: Catalog) -> str:
    roi = report["return_on_investment"]
    if roi["low"] is None and roi["high"] is None:
        return text("cost.roi_none")
    words = {b: "–" if roi[b] is None else f"{roi[b]:.2f}".replace(".", text("cost.decimal")) for b in ("low", "high")}
    return text("cost.roi", **words)


def _wrapped(line: str) -> list[str]:
    return textwrap.wrap(line, WIDTH, subsequent_indent="  ") or [""]


def cost_table_text(report: Mapping[str, Any], text: Catalog) -> str:
    """Heading, the estimate note, years, payers, (silo view, return, payback,) unpriced, sources."""
    scenario = report["scenario"]
    heading = (text("cost.heading_scenario", name=report["name"], scenario=scenario["label"]) if scenario
               else text("cost.heading", name=report["name"]))
    lines = [heading, *_wrapped(text("cost.estimate_note")), "", *_year_rows(report, text), "",
             text("cost.by_payer"), *_payer_rows(report, text)]
    if scenario:
        lines += ["", text("cost.silo"), *_silo_rows(report, text), "", _return_line(report, text),
                  text("cost.payback", low=_payback(report["payback_age"]["low"], text),
                       high=_payback(report["payback_age"]["high"], text))]
    unpriced = {u["id"]: u["label"] or u["id"] for part in report["unpriced"].values() for u in part}
    if unpriced:
        lines += ["", *_wrapped(text("cost.unpriced", supports=", ".join(unpriced.values())))]
    lines += ["", text("cost.sources")]
    for source in report["sources"]:
        lines += _wrapped("- " + text("cost.source_line", label=source["label"], price=span(source, text),
                                      unit=text(f"cost.unit.{source['unit']}"), year=source["year"],
                                      source=source["source"]))
    return "\n".join(lines)


def cost_csv(report: Mapping[str, Any]) -> str:
    """One row per journey, year of age and payer (``all`` for the sum): ``journey, age, payer,
    low, high, cumulative_low, cumulative_high``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["journey", "age", "payer", "low", "high", "cumulative_low", "cumulative_high"])
    journeys = ["today"] + (["scenario"] if report["scenario"] else [])
    for journey in journeys:
        for year in report["years"]:
            parts = [("all", year)] + sorted(year["by_payer"].items())
            for payer, part in parts:
                now, so_far = part[journey], part[f"{journey}_cumulative"]
                writer.writerow([journey, year["age"], payer, now["low"], now["high"], so_far["low"], so_far["high"]])
    return out.getvalue()
