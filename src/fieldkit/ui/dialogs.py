"""Dialogs built from data fetched before they open; they return values, the caller saves them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QSysInfo, qVersion
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from fieldkit import __version__
from fieldkit.services import SiteRow, UserRow
from fieldkit.ui.widgets import OptionalDateTimeEdit


class NewInspectionDialog(QDialog):
    def __init__(
        self,
        sites: list[SiteRow],
        templates: list[dict[str, Any]],
        inspectors: list[UserRow],
        *,
        site_id: str | None,
        inspector_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New inspection"))
        self.site = QComboBox(self)
        for site in sites:
            self.site.addItem(f"{site.name} ({site.code})", site.id)
        self.site.setCurrentIndex(max(0, self.site.findData(site_id)))
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("e.g. Effluent sampling at the plant outfall"))
        self.template = QComboBox(self)
        self.template.addItem(self.tr("(no checklist)"), None)
        for t in templates:
            self.template.addItem(f"{t['title']} ({t['version']})", t["template_id"])
        self.inspector = QComboBox(self)
        for user in inspectors:
            self.inspector.addItem(user.display_name, user.id)
        self.inspector.setCurrentIndex(max(0, self.inspector.findData(inspector_id)))
        self.planned = OptionalDateTimeEdit(self)
        self.planned.set_value(datetime.now(UTC).replace(second=0, microsecond=0))
        self.start_now = QCheckBox(self.tr("I am on site: start the inspection now"), self)
        self.start_now.setChecked(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Site:"), self.site)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Checklist:"), self.template)
        form.addRow(self.tr("&Inspector:"), self.inspector)
        form.addRow(self.tr("&Planned:"), self.planned)
        form.addRow("", self.start_now)
        form.addRow(buttons)
        self.title.setFocus()
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.site.count() > 0)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "site_id": self.site.currentData(),
            "template_id": self.template.currentData(),
            "inspector_id": self.inspector.currentData(),
            "title": self.title.text(),
            "planned_at": self.planned.value(),
        }
        if self.start_now.isChecked():
            values["started_at"] = datetime.now(UTC).replace(microsecond=0)
        return values


def show_about(parent: QWidget, data_dir: str) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("About", "About FieldKit"),
        QCoreApplication.translate(
            "About",
            "<h3>FieldKit {version}</h3>"
            "<p>Offline-first field inspections for mine sites: checklists, GPS tracks, photos, "
            "reports and sync with the central registry.</p>"
            "<p>Data folder: <code>{data_dir}</code></p>"
            "<p>Qt {qt} on {os}</p>",
        ).format(version=__version__, data_dir=data_dir, qt=qVersion(), os=QSysInfo.prettyProductName()),
    )
