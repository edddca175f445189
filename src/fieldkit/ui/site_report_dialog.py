"""File > Site Summary Report…: a site, a period and a language, saved as a PDF (built off the GUI thread)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QWidget,
)

from fieldkit import services
from fieldkit.errors import FieldKitError
from fieldkit.reports.inspection import ReportCancelled, ReportResult
from fieldkit.reports.site import site_report
from fieldkit.store import Store
from fieldkit.ui.report_tab import LANGUAGE_KEY, language_choice
from fieldkit.ui.workers import run_with_progress


class SiteReportDialog(QDialog):
    def __init__(
        self, store: Store, settings: QSettings, site_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Site summary report"))
        self._store, self._settings = store, settings
        self.result_: ReportResult | None = None
        self.site = QComboBox(self)
        for site in services.list_sites(store):
            self.site.addItem(f"{site.name} ({site.code})", site.code)
            if site.id == site_id:
                self.site.setCurrentIndex(self.site.count() - 1)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-12), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.language = language_choice(self)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.value(LANGUAGE_KEY) or "en")))
        form = QFormLayout(self)
        form.addRow(self.tr("&Site:"), self.site)
        form.addRow(self.tr("&From:"), self.date_from)
        form.addRow(self.tr("&To:"), self.date_to)
        form.addRow(self.tr("&Language:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def choose_file(self) -> None:
        start, end = self.period()
        name = f"{self.site.currentData()}-summary-{start}-{end}.pdf"
        folder = Path(self._settings.value("report/folder") or Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), str(folder / name), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        start, end = self.period()
        if start > end:
            QMessageBox.warning(self, self.tr("No report"), self.tr("The period starts after it ends."))
            return
        self._settings.setValue("report/folder", str(path.parent))
        run_with_progress(
            self,
            self.tr("Making the report…"),
            site_report,
            self._store,
            self.site.currentData(),
            path,
            date_from=start,
            date_to=end,
            lang=self.language.currentData(),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, result: ReportResult) -> None:
        self.result_ = result
        self.accept()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ReportCancelled):
            return
        if isinstance(exc, FieldKitError):
            QMessageBox.warning(self, self.tr("No report"), str(exc))
            return
        raise exc
