"""The cohort report as a workbook (XLSX, openpyxl): one sheet per table, the hand-overs, and
the disclosure report. The same published figures as the HTML and JSON reports; ``..`` stays
text, counts are numbers. Byte for byte the same for the same report (fixed dates inside)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from persona.i18n import Catalog

from journeys.cohort.report import CohortReport

FIXED = datetime(2000, 1, 1)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def report_xlsx(report: CohortReport, text: Catalog) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for table in report.tables:
        sheet = book.create_sheet(text(f"cohort.sheet.{table.id}"))
        sheet.append([table.title])
        sheet["A1"].font = bold
        sheet.append([""] + [label for _, label in table.columns])
        for (_, label), row in zip(table.rows, table.grid()):
            sheet.append([label, *row])
    sheet = book.create_sheet(text("cohort.sheet.handovers"))
    sheet.append([text("cohort.network.source"), text("cohort.network.target"), text("cohort.count_children")])
    for source, target, count in report.handovers:
        sheet.append([source, target, count])
    sheet = book.create_sheet(text("cohort.sheet.disclosure"))
    for line in (report.title, report.subtitle, *report.disclosure, report.can_say[0], report.can_say[1]):
        sheet.append([line])
    book.properties.created = book.properties.modified = FIXED
    book.properties.creator = "journeys"
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_dates(raw.getvalue())


def _fixed_dates(data: bytes) -> bytes:
    """The workbook's zip with every entry dated the same, so equal reports give equal files."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
