"""What leaves the tool: counts of distinct children only — no pseudonym, date, code, free text
or per-child row in any output — and clean errors with nothing written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.cohort_generate import CASE_CODES, NOTES, write_extract
from tests.conftest import EXAMPLES

MAPPING = EXAMPLES / "cohort" / "barnakten.mapping.yaml"
COUNT = 160


@pytest.fixture(scope="module")
def extract(tmp_path_factory) -> Path:
    folder = write_extract(tmp_path_factory.mktemp("case"), COUNT, seed=11, case=True)
    (folder / "barnakten.mapping.yaml").write_text(MAPPING.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _leaks(text: str, folder: Path) -> list[str]:
    """Anything of the extract itself that shows up in an output."""
    found = re.findall(r"B\d{7}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}(?!\d)", text)
    found += [note for note in NOTES if note in text]
    vocabulary_words = {"BVC", "BUP", "SIP"}  # the vocabulary's own labels as well as the system's codes
    codes = {code for codes in CASE_CODES.values() for code in codes.values() if len(code) >= 3} - vocabulary_words
    found += [code for code in codes if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)]
    found += [name for name in ("lopnr", "handelser.csv", "anteckning", str(folder)) if name in text]
    return found


def _shown_counts(report: dict) -> list:
    cells = [c for table in report["tables"] if table["id"] != "rule_band_rates" for row in table["cells"] for c in row]
    cells += [h["children"] for h in report["handovers"]]
    cells += [a["children"] for place in report["places"] for a in place["agencies"]]
    return cells + [report["children"]] + [o["children"] for o in report["observed_by_age"]]


def test_json_report_holds_only_published_counts(extract: Path, cli, tmp_path: Path):
    out = tmp_path / "kohort.json"
    result = cli("cohort", extract, "--mapping", extract / "barnakten.mapping.yaml", "-o", out, "--processes", "1")
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert _leaks(text, extract) == []
    report = json.loads(text)
    assert report["children"] == COUNT and report["min_count"] == 5
    shown = _shown_counts(report)
    assert all(c == ".." or c == 0 or (isinstance(c, int) and c >= 5) for c in shown)
    assert ".." in shown, "a cohort this small has small counts to hide"
    assert {t["id"] for t in report["tables"]} >= {"rule_band", "rule_band_rates", "rule_pair", "rule_band_pair",
                                                 "sector_band", "waits_referral", "waits_answer"}
    assert report["disclosure"] and "små" in " ".join(report["disclosure"])


def test_html_report_has_tables_pictures_and_no_extract_data(extract: Path, cli, tmp_path: Path):
    out = tmp_path / "kohort.html"
    result = cli("cohort", extract, "--mapping", extract / "barnakten.mapping.yaml", "-o", out, "--lang", "en",
                 "--min-count", "10", "--processes", "1")
    assert result.code == 0, result.err
    html = out.read_text(encoding="utf-8")
    assert _leaks(html, extract) == []
    assert html.count("<svg") == 3 and html.count("<table") >= 8 and 'lang="en"' in html
    assert "Disclosure control" in html and "1–9" in html


def test_terminal_summary_speaks_swedish_and_leaks_nothing(extract: Path, cli):
    result = cli("cohort", extract, "--mapping", extract / "barnakten.mapping.yaml", "--processes", "1")
    assert result.code == 0, result.err
    assert "Obesvarad signal" in result.out and f"{COUNT} barn i uttaget" in result.out
    assert _leaks(result.out + result.err, extract) == []


def test_a_bad_mapping_is_one_line_per_problem_and_nothing_is_written(tmp_path: Path, cli, extract: Path):
    bad = tmp_path / "bad.mapping.yaml"
    bad.write_text("mapping: 1\nfiles: {children: barn.csv}\ncodes: {agency: {X: nowhere}}\n", encoding="utf-8")
    out = tmp_path / "kohort.json"
    result = cli("cohort", extract, "--mapping", bad, "-o", out)
    assert result.code == 1 and not out.exists() and "Traceback" not in result.err
    assert [line.split(": ", 1)[0] for line in result.err.splitlines()] == [f"{bad}:2:8", f"{bad}:3:21"]


def test_personal_identity_numbers_in_the_extract_stop_everything(tmp_path: Path, cli, extract: Path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in extract.iterdir():
        text = path.read_text(encoding="utf-8")
        if path.name == "barn.csv":
            text = text.replace("B0000001", "20121212-1212", 1)
        (copy / path.name).write_text(text, encoding="utf-8")
    out = tmp_path / "kohort.html"
    result = cli("cohort", copy, "--mapping", copy / "barnakten.mapping.yaml", "-o", out)
    assert result.code == 1 and not out.exists()
    assert "personnummer" in result.err and "20121212-1212" not in result.err


def test_the_output_must_be_html_or_json(cli, extract: Path, tmp_path: Path):
    result = cli("cohort", extract, "--mapping", extract / "barnakten.mapping.yaml", "-o", tmp_path / "x.pdf")
    assert result.code == 2 and ".html" in result.err


def test_the_same_extract_gives_the_same_report_byte_for_byte(extract: Path, cli, tmp_path: Path):
    outputs = []
    for name, processes in (("one.json", "1"), ("two.json", "2")):
        out = tmp_path / name
        result = cli("cohort", extract, "--mapping", extract / "barnakten.mapping.yaml", "-o", out,
                     "--processes", processes)
        assert result.code == 0, result.err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_the_workbook_holds_the_same_published_figures_and_nothing_else(extract: Path, cli, tmp_path: Path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "kohort.xlsx"
    result = cli("cohort", extract, "--mapping", extract / "barnakten.mapping.yaml", "-o", out, "--processes", "1")
    assert result.code == 0, result.err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Regel och ålder" and "Röjandekontroll" in book.sheetnames
    values = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert _leaks("\n".join(str(v) for v in values), extract) == []
    counts = [v for v in book["Regel och ålder"].iter_rows(min_row=3, min_col=2, values_only=True)]
    assert all(c == ".." or c == 0 or c >= 5 for row in counts for c in row)


def test_a_workbook_is_the_same_byte_for_byte():
    from journeys.cohort.report import build_report
    from journeys.cohort.xlsx import report_xlsx
    from persona.i18n import Catalog
    from persona.vocabulary import load_vocabulary
    from tests.test_cohort_pictures import BANDS, COUNTS, RULES

    from journeys.cohort.publish import publish

    text = Catalog.load("sv", packages=("persona", "journeys"))
    report = build_report(publish(COUNTS, RULES, BANDS, 5), BANDS, {}, text, load_vocabulary())
    assert report_xlsx(report, text) == report_xlsx(report, text)
