"""The Report tab: preview with QtPdf, language choice, Save As and printing, on the demo store."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from fieldkit import services
from fieldkit.store import Store
from fieldkit.ui.workers import wait_for_all

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "pdfinfo"], capture_output=True).returncode != 0, reason="poppler-utils missing"
)


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _open(make_window, store: Store, title_start: str):
    window = make_window(store)
    window.resize(1280, 860)
    inspection = next(r for r in services.all_inspections(store) if (r.title or "").startswith(title_start))
    window._select(inspection.id)
    window.view.tabs.setCurrentWidget(window.view.report)
    return window, window.view.report, inspection


def _ready(qtbot, tab, before=None) -> None:
    qtbot.waitUntil(lambda: tab.last_result is not None and tab.last_result is not before, timeout=60_000)
    qtbot.waitUntil(lambda: tab.document.pageCount() > 0, timeout=10_000)


def test_preview_shows_the_report_of_the_selected_inspection(qtbot, make_window, demo_store: Store):
    window, tab, inspection = _open(make_window, demo_store, "Effluent sampling")
    _ready(qtbot, tab)
    result = tab.last_result
    assert tab.document.pageCount() == result.pages == _pages(result.path)
    text = _text(result.path)
    assert "Inspection report" in text and inspection.title in text
    assert "DRAFT" in _text(result.path, "-raw")  # the diagonal watermark: submitted, not approved
    assert not tab.notice.isVisible()
    qtbot.wait(300)  # QPdfView renders pages on its own thread
    window.grab().save("/tmp/report-tab.png")


def test_language_change_rebuilds_and_save_as_writes_the_same_report(
    qtbot, make_window, demo_store: Store, tmp_path: Path
):
    _window, tab, _inspection = _open(make_window, demo_store, "Tailings storage")
    _ready(qtbot, tab)
    english = tab.last_result
    assert "DRAFT" not in _text(english.path, "-raw")  # approved
    assert not tab.layout_choice.isEnabled()
    tab.language.setCurrentIndex(tab.language.findData("en+zh"))
    _ready(qtbot, tab, english)
    both = tab.last_result
    assert tab.layout_choice.isEnabled()
    assert "检查报告" in _text(both.path) and "Inspection report" in _text(both.path)
    target = tmp_path / "out" / "report"
    target.parent.mkdir()
    tab.save_as(str(target))
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == both.path.read_bytes()
    assert "Saved to" in tab.notice.text()


def test_print_renders_every_page(qtbot, make_window, demo_store: Store, tmp_path: Path):
    _window, tab, _inspection = _open(make_window, demo_store, "Tailings storage")
    _ready(qtbot, tab)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert tab.print_to(printer) == tab.document.pageCount()
    assert _pages(out) == tab.document.pageCount()


def test_community_summary_leaves_out_names_unless_asked(qtbot, make_window, demo_store: Store):
    _window, tab, inspection = _open(make_window, demo_store, "Effluent sampling")
    _ready(qtbot, tab)
    inspector = services.get_inspection(demo_store, inspection.id).inspector
    assert inspector and inspector in _text(tab.last_result.path)  # the full report names the inspector
    before = tab.last_result
    tab.kind.setCurrentIndex(tab.kind.findData("community"))
    _ready(qtbot, tab, before)
    summary = tab.last_result
    assert summary.pages <= 2
    assert inspector not in _text(summary.path)
    assert tab.names.isVisible()
    tab.names.setChecked(True)
    _ready(qtbot, tab, summary)
    assert inspector in _text(tab.last_result.path)
    wait_for_all()


def test_site_summary_dialog_saves_a_pdf(qtbot, make_window, demo_store: Store, tmp_path: Path):
    from fieldkit.ui.site_report_dialog import SiteReportDialog

    window = make_window(demo_store)
    site = services.get_site(demo_store, "SDK")
    dialog = SiteReportDialog(demo_store, window.settings, site.id, window)
    qtbot.addWidget(dialog)
    assert dialog.site.currentData() == "SDK"
    dialog.date_from.setDate(dialog.date_from.date().fromString("2026-01-01", "yyyy-MM-dd"))
    dialog.date_to.setDate(dialog.date_to.date().fromString("2026-12-31", "yyyy-MM-dd"))
    dialog.save(tmp_path / "sdk-summary")
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=60_000)
    out = tmp_path / "sdk-summary.pdf"
    assert dialog.result_.path == out and _pages(out) == dialog.result_.pages
    text = _text(out)
    assert "Site summary" in text and "Saindak" in text and "Measured parameters against their limits" in text
    wait_for_all()
