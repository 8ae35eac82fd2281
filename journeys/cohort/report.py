"""The cohort report in words: tables with labelled rows and columns, the pictures, and the
disclosure report, as JSON (for scripts) or one self-contained HTML page (for people).

Only :class:`~journeys.cohort.publish.Published` figures reach a report: counts of distinct
children with small ones hidden, rates computed from shown counts, agencies' hand-overs made
by at least the threshold of children. No pseudonym, date, code or free text of the extract is
ever in it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from persona.i18n import Catalog
from persona.vocabulary import Vocabulary

from journeys.cohort.censor import cohort_settings
from journeys.cohort.disclosure import HIDDEN, TOTAL
from journeys.cohort.engine import NO_SECTOR
from journeys.cohort.network import handover_network
from journeys.cohort.pictures import Words, heatmap, network_picture, where_children_fall
from journeys.cohort.publish import Published, Table
from journeys.gaps import rule_title
from journeys.render.drawing import Drawing

FORMATS = ("html", "json")
Label = tuple[str, str]


@dataclass(frozen=True)
class ReportTable:
    """A published table with its words: title, labelled rows and columns."""

    id: str
    title: str
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    cells: Mapping[tuple[str, str], Any]

    def grid(self) -> list[list[Any]]:
        return [[self.cells.get((r, c), 0) for c, _ in self.columns] for r, _ in self.rows]


@dataclass(frozen=True)
class CohortReport:
    """Everything a report says, in one language."""

    lang: str
    title: str
    subtitle: str
    min_count: int
    children: Any
    left_out: Any
    observed: tuple[tuple[str, Any], ...]
    tables: tuple[ReportTable, ...]
    handovers: tuple[tuple[str, str, int], ...]
    places: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    dropped_rows: tuple[tuple[str, Any], ...]
    disclosure: tuple[str, ...]
    can_say: tuple[str, str]


def _fmt(value: float) -> str:
    return f"{value:g}"


def cell_text(value: Any, lang: str) -> str:
    """A published figure as people read it: a decimal comma in Swedish, ``..`` as it is."""
    if isinstance(value, float):
        shown = f"{value:.1f}"
        return shown.replace(".", ",") if lang == "sv" else shown
    return str(value)


def band_labels(bands: Sequence[float], text: Catalog) -> tuple[Label, ...]:
    labels = []
    for i, low in enumerate(bands):
        if i + 1 < len(bands):
            high = bands[i + 1] - 1 if all(float(b).is_integer() for b in bands) else bands[i + 1]
            labels.append((str(i), text("cohort.band", low=_fmt(low), high=_fmt(high))))
        else:
            labels.append((str(i), text("cohort.band_last", low=_fmt(low))))
    return tuple(labels)


def _sector(sector: str, text: Catalog, vocabulary: Vocabulary) -> str:
    return text("cohort.no_agency") if sector == NO_SECTOR else vocabulary.label("sectors", sector, text.lang)


def _pair(pair: str, text: Catalog, vocabulary: Vocabulary) -> str:
    parts = [_sector(p, text, vocabulary) for p in pair.split("+")]
    return text("cohort.pair", first=parts[0], second=parts[1]) if len(parts) == 2 else parts[0]


def _bucket(bucket: str, text: Catalog) -> str:
    if bucket == "none":
        return text("cohort.bucket.none", days=int(cohort_settings()["wait_buckets"][-1]))
    return text(f"cohort.bucket.{bucket[:2]}", days=int(bucket[2:]))


def _labelled(ids: Sequence[str], name: Any, text: Catalog, total: str = "cohort.total") -> tuple[Label, ...]:
    return tuple((i, text(total) if i == TOTAL else name(i)) for i in ids)


def report_tables(published: Published, bands: Sequence[float], text: Catalog,
                  vocabulary: Vocabulary) -> tuple[ReportTable, ...]:
    band_names = dict(band_labels(bands, text))

    def rule(r: str) -> str:
        return rule_title(r, text)

    def rule_at_band(row: str) -> str:
        r, b = row.split("@")
        return f"{rule_title(r, text)}, {band_names[b]}"

    lanes = {s: i for i, s in enumerate(vocabulary.sectors_in_order())}

    def words(table: Table, title_key: str, rows: Any, columns: Any, cells: Any = None) -> ReportTable:
        total = "cohort.total_rules" if rows in (rule, rule_at_band) else "cohort.total"
        ids = table.rows
        if rows not in (rule, rule_at_band):  # sectors in the timeline's lane order, the total last
            ids = tuple(sorted(ids, key=lambda r: (r == TOTAL, lanes.get(r, len(lanes)), r)))
        return ReportTable(table.id, text(title_key), _labelled(ids, rows, text, total),
                           _labelled(table.columns, columns, text), cells if cells is not None else table.cells)

    t = published.tables
    return (
        words(t["rule_band"], "cohort.table.rule_band", rule, band_names.__getitem__),
        ReportTable("rule_band_rates", text("cohort.table.rule_band_rates"),
                    _labelled(t["rule_band"].rows, rule, text, "cohort.total_rules"),
                    _labelled(t["rule_band"].columns, band_names.__getitem__, text), t["rule_band"].rates or {}),
        words(t["rule_pair"], "cohort.table.rule_pair", rule, lambda p: _pair(p, text, vocabulary)),
        words(t["sector_band"], "cohort.table.sector_band", lambda s: _sector(s, text, vocabulary),
              band_names.__getitem__),
        words(t["waits_referral"], "cohort.table.waits_referral", lambda s: _sector(s, text, vocabulary),
              lambda b: _bucket(b, text)),
        words(t["waits_answer"], "cohort.table.waits_answer", lambda s: _sector(s, text, vocabulary),
              lambda b: _bucket(b, text)),
        words(t["rule_band_pair"], "cohort.table.rule_band_pair", rule_at_band, lambda p: _pair(p, text, vocabulary)),
    )


def build_report(published: Published, bands: Sequence[float], dropped: Mapping[str, int], text: Catalog,
                 vocabulary: Vocabulary) -> CohortReport:
    below = published.min_count - 1
    lines = [text("cohort.disclosure.rule", below=below)]
    for audit in published.audits:
        titles = ", ".join(text(f"cohort.table.{t}").split(":")[0] for t in audit.tables)
        lines.append(text("cohort.disclosure.group", tables=titles, counts=audit.counts, small=audit.primary,
                          protect=audit.secondary))
    narrowest = [a.narrowest for a in published.audits if a.narrowest is not None]
    lines.append(text("cohort.disclosure.audit", below=below, narrowest=_fmt(round(min(narrowest), 2)))
                 if narrowest else text("cohort.disclosure.audit_none"))
    lines.append(text("cohort.disclosure.why_not_which"))
    small = published.min_count
    return CohortReport(
        lang=text.lang,
        title=text("cohort.title"),
        subtitle=text("cohort.subtitle", children=published.children),
        min_count=published.min_count,
        children=published.children,
        left_out=published.left_out,
        observed=tuple((label, published.observed_in_band.get(i, 0)) for i, label in band_labels(bands, text)),
        tables=report_tables(published, bands, text, vocabulary),
        handovers=tuple((vocabulary.agency_label(a, text.lang), vocabulary.agency_label(b, text.lang), n)
                        for (a, b), n in published.network.items()),
        places=tuple((text(f"cohort.places.{m}"),
                      tuple((vocabulary.agency_label(a, text.lang), n) for a, n in found.items()))
                     for m, found in published.places.items()),
        dropped_rows=tuple((_dropped_reason(k, text), v if v >= small else HIDDEN) for k, v in sorted(dropped.items())),
        disclosure=tuple(lines),
        can_say=(text("cohort.can_say.title"), text("cohort.can_say.body")),
    )


def _dropped_reason(key: str, text: Catalog) -> str:
    reason, _, table = key.partition(":")
    return text(f"cohort.rows_reason.{reason}", table=table)


# --- pictures --------------------------------------------------------------------------------
def report_pictures(published: Published, bands: Sequence[float], text: Catalog,
                    vocabulary: Vocabulary) -> dict[str, Drawing]:
    band_names = band_labels(bands, text)
    rules = [r for r in published.tables["rule_band"].rows if r != TOTAL]
    sectors = [s for s in vocabulary.sectors_in_order() if s in published.tables["sector_band"].rows]
    sectors += [s for s in published.tables["sector_band"].rows if s not in sectors and s != TOTAL]
    return {
        "heatmap": heatmap(published, Words(text("cohort.picture.heatmap"),
                                            [(r, rule_title(r, text)) for r in rules], band_names,
                                            text("cohort.picture.heatmap_note"))),
        "where": where_children_fall(published, Words(text("cohort.picture.where"),
                                                      [(s, _sector(s, text, vocabulary)) for s in sectors],
                                                      band_names, text("cohort.picture.where_note"))),
        "network": network_picture(handover_network(published, vocabulary, text.lang),
                                   text("cohort.picture.network"),
                                   text("cohort.picture.network_note", count=published.min_count)),
    }


# --- JSON and HTML ---------------------------------------------------------------------------
def report_json(report: CohortReport) -> str:
    """The report as a stable JSON object (tables as rows of cells; ``".."`` for hidden)."""
    data = {
        "kind": "journeys-cohort",
        "version": 1,
        "language": report.lang,
        "title": report.title,
        "min_count": report.min_count,
        "children": report.children,
        "children_left_out": report.left_out,
        "observed_by_age": [{"age": label, "children": n} for label, n in report.observed],
        "tables": [{"id": t.id, "title": t.title, "rows": [{"id": i, "label": label} for i, label in t.rows],
                    "columns": [{"id": i, "label": label} for i, label in t.columns], "cells": t.grid()}
                   for t in report.tables],
        "handovers": [{"from": a, "to": b, "children": n} for a, b, n in report.handovers],
        "places": [{"title": title, "agencies": [{"agency": a, "children": n} for a, n in found]}
                   for title, found in report.places],
        "rows_left_out": [{"reason": reason, "rows": n} for reason, n in report.dropped_rows],
        "disclosure": list(report.disclosure),
        "limits": {"title": report.can_say[0], "text": report.can_say[1]},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report_html(report: CohortReport, pictures: Mapping[str, Drawing], text: Catalog) -> str:
    """One self-contained HTML page: tables, the three pictures as inline SVG, the disclosure report."""
    from jinja2 import Environment, PackageLoader, StrictUndefined
    from markupsafe import Markup

    env = Environment(loader=PackageLoader("journeys.cohort", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    svgs = {name: Markup(_svg_body(drawing.svg())) for name, drawing in pictures.items()}
    return env.get_template("cohort.html.j2").render(report=report, pictures=svgs, t=text, hidden=HIDDEN,
                                                     cell=lambda value: cell_text(value, report.lang))


def _svg_body(svg: str) -> str:
    """An SVG document without its XML prologue and doctype, to sit inside HTML."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg
