"""The Report tab: the inspection's printed report (or its community summary) in a chosen language,
previewed with QtPdf, saved as a PDF or printed. Reports are built off the GUI thread."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import FieldKitError
from fieldkit.reports.community import community_report
from fieldkit.reports.inspection import ReportCancelled, ReportResult, inspection_report
from fieldkit.services import InspectionDetail
from fieldkit.ui.operations import Operations
from fieldkit.ui.track_tab import BASEMAP_KEY
from fieldkit.ui.workers import run_with_progress

LANGUAGE_KEY = "report/language"
PRINT_DPI = 300


def language_choice(parent: QWidget) -> QComboBox:
    """A combo box of the report languages (their mode as item data); Urdu and Chinese in their script."""
    combo = QComboBox(parent)
    for mode, label in (
        ("en", QCoreApplication.translate("ReportTab", "English")),
        ("ur", "اردو"),
        ("zh", "中文"),
        ("en+ur", QCoreApplication.translate("ReportTab", "English and Urdu")),
        ("en+zh", QCoreApplication.translate("ReportTab", "English and Chinese")),
    ):
        combo.addItem(label, mode)
    return combo


class ReportTab(QWidget):
    """Shows the report of the current inspection; rebuilt when shown after a change."""

    def __init__(
        self, ops: Operations, language: str = "en", settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._settings = settings or QSettings()
        self._detail: InspectionDetail | None = None
        self._stale = True
        self._building = False
        self._folder = tempfile.TemporaryDirectory(prefix="fieldkit-report-")
        self._preview: Path | None = None
        self.last_result: ReportResult | None = None

        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Inspection report"), "inspection")
        self.kind.addItem(self.tr("Community summary"), "community")
        self.language = language_choice(self)
        saved = self._settings.value(LANGUAGE_KEY) or language
        self.language.setCurrentIndex(max(0, self.language.findData(saved)))
        self.layout_choice = QComboBox(self)
        self.layout_choice.addItem(self.tr("One language under the other"), "stacked")
        self.layout_choice.addItem(self.tr("Side by side"), "side")
        self.names = QCheckBox(self.tr("Print staff names"), self)
        self.names.setToolTip(self.tr("The community summary leaves out staff names unless this is ticked."))
        self.refresh_button = QPushButton(self.tr("Re&build"), self)
        self.refresh_button.setToolTip(self.tr("Build the report again from the current data"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.print_button = QPushButton(self.tr("Pri&nt…"), self)
        self.save_button.setToolTip(self.tr("Save the report as a PDF file (Ctrl+Shift+S)"))
        self.print_button.setToolTip(self.tr("Print the report (Ctrl+P)"))
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("reportNotice")
        self.notice.setStyleSheet(
            "QLabel#reportNotice { background: #fff4e5; border: 1px solid #f0b36b; padding: 4px; }"
        )
        self.notice.hide()

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        bar = QHBoxLayout()
        for widget in (self.kind, self.language, self.layout_choice, self.names):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.refresh_button, self.save_button, self.print_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)

        self.kind.currentIndexChanged.connect(self._options_changed)
        self.language.currentIndexChanged.connect(self._options_changed)
        self.layout_choice.currentIndexChanged.connect(self._options_changed)
        self.names.toggled.connect(self._options_changed)
        self.refresh_button.clicked.connect(self.build_preview)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_report)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.save_as)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_report)
        ops.changed.connect(self._data_changed)
        self._update_controls()

    # -- options -----------------------------------------------------------------------------------

    def options(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "lang": self.language.currentData(),
            "layout": self.layout_choice.currentData(),
            "names": self.names.isChecked(),
        }

    def _options_changed(self) -> None:
        self._settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self._update_controls()
        self._stale = True
        if self.isVisible():
            self.build_preview()

    def _update_controls(self) -> None:
        self.layout_choice.setEnabled("+" in (self.language.currentData() or ""))
        self.names.setVisible(self.kind.currentData() == "community")
        has = self._detail is not None
        for button in (self.refresh_button, self.save_button, self.print_button):
            button.setEnabled(has and not self._building)
        self.print_button.setEnabled(has and not self._building and self._preview is not None)

    # -- showing -----------------------------------------------------------------------------------

    def show_inspection(self, detail: InspectionDetail | None) -> None:
        if detail is None or self._detail is None or detail.id != self._detail.id or detail != self._detail:
            self._stale = True
        self._detail = detail
        if detail is None:
            self.document.close()
            self._preview = None
        self._update_controls()
        if self._stale and self.isVisible():
            self.build_preview()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self._detail is not None:
            self.build_preview()

    def _data_changed(self, changes) -> None:
        self._stale = True

    def flush(self) -> None:
        """Nothing is typed here."""

    def _build(self, path: Path, *, progress=None, cancelled=None) -> ReportResult:
        assert self._detail is not None
        o = self.options()
        store = self._ops.store
        if o["kind"] == "community":
            return community_report(
                store,
                self._detail.id,
                path,
                lang=o["lang"],
                layout=o["layout"],
                names=o["names"],
                progress=progress,
                cancelled=cancelled,
            )
        basemap = self._settings.value(BASEMAP_KEY) or None
        return inspection_report(
            store,
            self._detail.id,
            path,
            lang=o["lang"],
            layout=o["layout"],
            basemap=Path(str(basemap)) if basemap and Path(str(basemap)).is_file() else None,
            progress=progress,
            cancelled=cancelled,
        )

    def build_preview(self) -> None:
        """Build the report into a temporary file and show it (off the GUI thread)."""
        if self._detail is None or self._building:
            return
        self._building = True
        self._stale = False
        self._update_controls()
        path = Path(self._folder.name) / f"{self._detail.id}-{self.options()['lang']}.pdf"
        self.document.close()  # the file is replaced under the viewer otherwise
        run_with_progress(
            self,
            self.tr("Making the report…"),
            self._build,
            path,
            on_done=self._preview_ready,
            on_error=self._failed,
        )

    def _preview_ready(self, result: ReportResult) -> None:
        self._building = False
        self.last_result = result
        self._preview = result.path
        self.document.load(str(result.path))
        self._show_warnings(result)
        self._update_controls()

    def _show_warnings(self, result: ReportResult) -> None:
        if result.warnings:
            self.notice.setText("\n".join(result.warnings))
            self.notice.show()
        else:
            self.notice.hide()

    def _failed(self, exc: Exception) -> None:
        self._building = False
        self._update_controls()
        if isinstance(exc, ReportCancelled):
            self._stale = True
            return
        if isinstance(exc, FieldKitError):
            QMessageBox.warning(self, self.tr("No report"), str(exc))
            return
        raise exc

    # -- saving and printing -----------------------------------------------------------------------

    def suggested_name(self) -> str:
        if self._detail is None:
            return "report.pdf"
        o = self.options()
        kind = "community" if o["kind"] == "community" else "inspection"
        return f"{self._detail.site_code}-{kind}-{self._detail.id[:8]}-{o['lang'].replace('+', '-')}.pdf"

    def save_as(self, path: str | None = None) -> None:
        """Save the report (rebuilt from the current data when the preview is out of date)."""
        if self._detail is None:
            return
        if not path:
            start = str(Path(self._settings.value("report/folder") or Path.home()) / self.suggested_name())
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), start, self.tr("PDF files (*.pdf)"))
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        self._settings.setValue("report/folder", str(target.parent))
        if self._preview is not None and not self._stale and not self._building:
            shutil.copyfile(self._preview, target)
            self.saved_to(target)
            return
        run_with_progress(
            self,
            self.tr("Making the report…"),
            self._build,
            target,
            on_done=lambda result: (self._show_warnings(result), self.saved_to(result.path)),
            on_error=self._failed,
        )

    def saved_to(self, path: Path) -> None:
        self.notice.setText(self.tr("Saved to {path}").format(path=path))
        self.notice.show()

    def print_report(self) -> None:
        if self._preview is None or self.document.pageCount() == 0:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render each page of the report onto ``printer``; returns the number of pages printed."""
        count = self.document.pageCount()
        first, last = printer.fromPage() or 1, printer.toPage() or count
        painter = QPainter()
        if not painter.begin(printer):
            raise FieldKitError(self.tr("The printer could not be started."))
        printed = 0
        try:
            for index in range(first - 1, min(last, count)):
                if printed:
                    printer.newPage()
                size_pt = self.document.pagePointSize(index)
                pixels = QSize(round(size_pt.width() / 72 * PRINT_DPI), round(size_pt.height() / 72 * PRINT_DPI))
                image: QImage = self.document.render(index, pixels)
                target = painter.viewport()
                scaled = pixels.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
                printed += 1
        finally:
            painter.end()
        return printed
