"""The Findings tab: what the inspection found, each with its corrective action, owner and due date."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldkit import services
from fieldkit.services import FindingRow, InspectionDetail
from fieldkit.store.models import SEVERITIES
from fieldkit.ui.finding_photos import FindingPhotos
from fieldkit.ui.operations import Operations

SEVERITY_COLOURS = {"low": "#5f6b7a", "medium": "#b54708", "high": "#b42318", "critical": "#7a0916"}
SAVE_DELAY_MS = 600
_NO_DATE = QDate(2000, 1, 1)


class FindingForm(QWidget):
    """The fields of a finding; used by the tab (autosaving) and by the new-finding dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.severity = QComboBox(self)
        for severity in SEVERITIES:
            self.severity.addItem(services.severity_label(severity), severity)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Open"), "open")
        self.status.addItem(self.tr("Closed"), "closed")
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.action = QPlainTextEdit(self)
        self.action.setTabChangesFocus(True)
        self.action.setPlaceholderText(self.tr("What must be done to correct it"))
        self.responsible = QLineEdit(self)
        self.responsible.setPlaceholderText(self.tr("Who must do it (person or department)"))
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(_NO_DATE)
        self.due.setSpecialValueText("—")
        self.due.setDate(_NO_DATE)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("Se&verity:"), self.severity)
        form.addRow(self.tr("St&atus:"), self.status)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("&Corrective action:"), self.action)
        form.addRow(self.tr("&Responsible:"), self.responsible)
        form.addRow(self.tr("D&ue date:"), self.due)

    def values(self) -> dict[str, Any]:
        due = self.due.date()
        return {
            "title": self.title.text(),
            "severity": self.severity.currentData(),
            "status": self.status.currentData(),
            "description": self.description.toPlainText(),
            "corrective_action": self.action.toPlainText(),
            "responsible": self.responsible.text(),
            "due_date": None if due <= _NO_DATE else date(due.year(), due.month(), due.day()),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        for widget in (
            self.title,
            self.severity,
            self.status,
            self.description,
            self.action,
            self.responsible,
            self.due,
        ):
            widget.blockSignals(True)
        self.title.setText(values.get("title") or "")
        self.title.setCursorPosition(0)
        self.severity.setCurrentIndex(max(0, self.severity.findData(values.get("severity") or "medium")))
        self.status.setCurrentIndex(max(0, self.status.findData(values.get("status") or "open")))
        self.description.setPlainText(values.get("description") or "")
        self.action.setPlainText(values.get("corrective_action") or "")
        self.responsible.setText(values.get("responsible") or "")
        due = values.get("due_date")
        self.due.setDate(QDate(due.year, due.month, due.day) if due else _NO_DATE)
        for widget in (
            self.title,
            self.severity,
            self.status,
            self.description,
            self.action,
            self.responsible,
            self.due,
        ):
            widget.blockSignals(False)


class NewFindingDialog(QDialog):
    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New finding"))
        self.form = FindingForm(self)
        self.form.status.setEnabled(False)
        self.form.set_values(values)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record finding"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(520, 480)
        self.form.action.setFocus()


class FindingsTab(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._detail: InspectionDetail | None = None
        self._current: FindingRow | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Findings"))
        self.list.currentRowChanged.connect(self._chosen)
        self.add = QPushButton(self.tr("&New finding…"), self)
        self.remove = QPushButton(self.tr("Delete"), self)
        self.add.clicked.connect(lambda: self.new_finding({}))
        self.remove.clicked.connect(self._delete)
        self.form = FindingForm(self)
        self.photos = FindingPhotos(ops, self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        for signal in (
            self.form.title.textEdited,
            self.form.description.textChanged,
            self.form.action.textChanged,
            self.form.responsible.textEdited,
        ):
            signal.connect(lambda *_: self._timer.start())
        for signal in (self.form.severity.activated, self.form.status.activated, self.form.due.dateChanged):
            signal.connect(lambda *_: self.flush(force=True))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        left_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form, 1)
        right_layout.addWidget(self.photos)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([220, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_inspection(self, detail: InspectionDetail | None) -> None:
        if detail is None or self._detail is None or detail.id != self._detail.id:
            self.flush()
        self._detail = detail
        self.reload()

    def reload(self, select: str | None = None) -> None:
        keep = select or (self._current.id if self._current else None)
        self.list.blockSignals(True)
        self.list.clear()
        findings = services.list_findings(self._ops.store, self._detail.id) if self._detail else []
        for finding in findings:
            entry = QListWidgetItem(f"{services.severity_label(finding.severity)} · {finding.title}")
            entry.setData(Qt.ItemDataRole.UserRole, finding)
            entry.setForeground(QColor(SEVERITY_COLOURS.get(finding.severity, "#000")))
            if finding.status == "closed":
                font = entry.font()
                font.setStrikeOut(True)
                entry.setFont(font)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        rows = [i for i, f in enumerate(findings) if f.id == keep]
        self.list.setCurrentRow(rows[0] if rows else (0 if findings else -1))
        if not findings:
            self._chosen(-1)
        editable = bool(self._detail and self._detail.editable)
        self.add.setEnabled(editable)
        self.remove.setEnabled(editable and bool(findings))

    def _chosen(self, row: int) -> None:
        self.flush()
        entry = self.list.item(row) if row >= 0 else None
        self._current = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        self.form.setEnabled(self._current is not None)
        if self._current is not None:
            self.form.set_values(self._current.__dict__)
            editable = bool(self._detail and self._detail.editable)
            for widget in (self.form.title, self.form.responsible):
                widget.setReadOnly(not editable)
            for widget in (self.form.description, self.form.action):
                widget.setReadOnly(not editable)
            for widget in (self.form.severity, self.form.due):
                widget.setEnabled(editable)
        else:
            self.form.set_values({})
        self.photos.show_finding(
            self._detail.id if self._detail else None,
            self._current.id if self._current else None,
            bool(self._detail and self._detail.editable),
        )

    def flush(self, force: bool = False) -> None:
        self._timer.stop()
        if self._current is None:
            return
        values = self.form.values()
        current = self._current.__dict__
        changed = {k: v for k, v in values.items() if (current.get(k) or None) != (v or None)}
        if not (self._detail and self._detail.editable):
            changed = {k: v for k, v in changed.items() if k == "status"}
        if not changed:
            return
        if self._ops.run(services.update_finding, self._current.id, parent=self, **changed) is not None:
            self._current = next(
                (
                    f
                    for f in services.list_findings(self._ops.store, self._current.inspection_id)
                    if f.id == self._current.id
                ),
                None,
            )
            if force or "severity" in changed or "title" in changed or "status" in changed:
                self.reload()

    def new_finding(self, values: dict[str, Any]) -> str | None:
        if self._detail is None or not self._detail.editable:
            return None
        self.flush()
        dialog = NewFindingDialog(values, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        fields = dialog.form.values()
        fields.pop("status", None)
        for key in ("item_id", "latitude", "longitude"):
            if values.get(key) is not None:
                fields[key] = values[key]
        changes = self._ops.run(services.create_finding, self._detail.id, parent=self, **fields)
        if changes is None:
            return None
        self.reload(select=changes.created_id)
        return changes.created_id

    def _delete(self) -> None:
        if self._current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete finding"),
            self.tr("Delete the finding “{title}”?").format(title=self._current.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._ops.run(services.delete_finding, self._current.id, parent=self)
            self._current = None
            self.reload()
