"""The Header tab of an inspection: its fields, autosaved as they are edited.

Text is saved 600 ms after the last keystroke and when the field loses focus; choices and times when
they are made. Reloading after a save never overwrites a field the user is typing in, so Qt's own
undo (Ctrl+Z) keeps working inside each field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fieldkit import services
from fieldkit.services import InspectionDetail
from fieldkit.ui.operations import Operations
from fieldkit.ui.widgets import OptionalDateTimeEdit, ltr

SAVE_DELAY_MS = 600
WEATHER_WORDS = [
    "Clear",
    "Clear, calm",
    "Sunny, light wind",
    "Hot, dusty",
    "Dust storm",
    "Hazy",
    "Overcast",
    "Light rain",
    "Heavy rain",
    "Cold, clear",
]


class HeaderForm(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._detail: InspectionDetail | None = None
        self._pending: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

        self.site = QLabel(self)
        self.site.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("What is inspected, e.g. Tailings dam monthly inspection"))
        self.inspector = QComboBox(self)
        self.template = QLabel(self)
        self.planned = OptionalDateTimeEdit(self)
        self.started = OptionalDateTimeEdit(self)
        self.finished = OptionalDateTimeEdit(self)
        self.weather = QLineEdit(self)
        self.weather.setMaxLength(200)
        self.weather.setPlaceholderText(self.tr("e.g. Clear, NW wind 20 km/h, dusty"))
        completer = QCompleter(WEATHER_WORDS, self.weather)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.weather.setCompleter(completer)
        self.temperature = QDoubleSpinBox(self)
        self.temperature.setRange(-61.0, 70.0)
        self.temperature.setDecimals(1)
        self.temperature.setSuffix(" °C")
        self.temperature.setSpecialValueText("—")
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("Notes for the whole inspection"))
        self.notes.setTabChangesFocus(True)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Site:"), self.site)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Inspector:"), self.inspector)
        form.addRow(self.tr("Checklist:"), self.template)
        form.addRow(self.tr("&Planned:"), self.planned)
        form.addRow(self.tr("&Started:"), self.started)
        form.addRow(self.tr("&Finished:"), self.finished)
        form.addRow(self.tr("&Weather:"), self.weather)
        form.addRow(self.tr("Te&mperature:"), self.temperature)
        form.addRow(self.tr("&Notes:"), self.notes)

        self.title.textEdited.connect(lambda text: self._queue("title", text))
        self.title.editingFinished.connect(self.flush)
        self.weather.textEdited.connect(lambda text: self._queue("weather", text))
        self.weather.editingFinished.connect(self.flush)
        self.notes.textChanged.connect(self._notes_changed)
        self.temperature.valueChanged.connect(self._temperature_changed)
        self.temperature.editingFinished.connect(self.flush)
        self.inspector.activated.connect(self._inspector_chosen)
        for name, widget in (
            ("planned_at", self.planned),
            ("started_at", self.started),
            ("finished_at", self.finished),
        ):
            widget.committed.connect(lambda value, name=name: self._save_now(name, value))

    # -- loading -------------------------------------------------------------------------------------

    def show_inspection(self, detail: InspectionDetail | None) -> None:
        """Show ``detail``; when it is the inspection already shown, fields being edited are kept."""
        same = detail is not None and self._detail is not None and detail.id == self._detail.id
        if not same:
            self.flush()
        self._detail = detail
        if detail is None:
            return
        editing = self.focusWidget() if same else None

        def keep(widget: QWidget) -> bool:
            return editing is not None and (widget is editing or widget.isAncestorOf(editing))

        self._fill_inspectors(detail)
        self.site.setText(f"{detail.site_name} ({ltr(detail.site_code)})")
        self.template.setText(detail.template or self.tr("None chosen"))
        if not keep(self.title) and "title" not in self._pending:
            self.title.setText(detail.title or "")
        if not keep(self.weather) and "weather" not in self._pending:
            self.weather.setText(detail.weather or "")
        if not keep(self.notes) and "notes" not in self._pending:
            self.notes.blockSignals(True)
            self.notes.setPlainText(detail.notes or "")
            self.notes.blockSignals(False)
        if not keep(self.temperature) and "temperature_c" not in self._pending:
            self.temperature.blockSignals(True)
            self.temperature.setValue(
                self.temperature.minimum() if detail.temperature_c is None else detail.temperature_c
            )
            self.temperature.blockSignals(False)
        for widget, value in (
            (self.planned, detail.planned_at),
            (self.started, detail.started_at),
            (self.finished, detail.finished_at),
        ):
            if not keep(widget):
                widget.set_value(value)
        self._set_read_only(not detail.editable)

    def _fill_inspectors(self, detail: InspectionDetail) -> None:
        self.inspector.blockSignals(True)
        self.inspector.clear()
        self.inspector.addItem(self.tr("(nobody)"), None)
        for user in services.list_users(self._ops.store):
            if user.role in ("inspector", "supervisor", "admin"):
                self.inspector.addItem(user.display_name, user.id)
        self.inspector.setCurrentIndex(max(0, self.inspector.findData(detail.inspector_id)))
        self.inspector.blockSignals(False)

    def _set_read_only(self, read_only: bool) -> None:
        for widget in (self.title, self.weather):
            widget.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        self.temperature.setReadOnly(read_only)
        for widget in (self.inspector, self.planned, self.started, self.finished):
            widget.setEnabled(not read_only)

    # -- saving --------------------------------------------------------------------------------------

    def _queue(self, field: str, value: Any) -> None:
        if self._detail is None or not self._detail.editable:
            return
        self._pending[field] = value
        self._timer.start()

    def _notes_changed(self) -> None:
        if not self.notes.isReadOnly():
            self._queue("notes", self.notes.toPlainText())

    def _temperature_changed(self, value: float) -> None:
        self._queue("temperature_c", None if value <= self.temperature.minimum() else value)

    def _inspector_chosen(self, index: int) -> None:
        self._save_now("inspector_id", self.inspector.itemData(index))

    def _save_now(self, field: str, value: Any) -> None:
        if self._detail is None:
            return
        self._pending[field] = value
        self.flush()

    def flush(self) -> None:
        """Write every pending edit now (called on a timer, on focus loss, and before switching away)."""
        self._timer.stop()
        if not self._pending or self._detail is None:
            self._pending.clear()
            return
        fields, self._pending = self._pending, {}
        result = self._ops.run(services.update_inspection, self._detail.id, parent=self, **fields)
        if result is None:  # refused: show what is stored again
            self.show_inspection(services.get_inspection(self._ops.store, self._detail.id))

    def has_pending(self) -> bool:
        return bool(self._pending)

    def focusOutEvent(self, event) -> None:
        self.flush()
        super().focusOutEvent(event)
