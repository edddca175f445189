"""Small reusable widgets."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt, QTimer, QTimeZone, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QToolButton, QWidget

_EMPTY = QDateTime.fromSecsSinceEpoch(0, QTimeZone.utc()).toLocalTime()


def ltr(text: object) -> str:
    """``text`` isolated as left-to-right (paths, codes, numbers) so that it reads right inside an
    Urdu (right-to-left) sentence instead of having its slashes and digits reordered."""
    return f"\u2066{text}\u2069"


def to_qdatetime(value: datetime | None) -> QDateTime:
    if value is None:
        return _EMPTY
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class OptionalDateTimeEdit(QWidget):
    """A local date and time that may be empty ("—"), with Now and Clear buttons.

    Emits :attr:`committed` with an aware UTC datetime (or ``None``) when the user finishes an edit.
    """

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        # Digits and separators stay left to right in an Urdu interface (Qt would otherwise show
        # 04:30 as 30:04 while editing).
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setMinimumDateTime(_EMPTY)
        self.edit.setSpecialValueText("—")
        self.edit.setDateTime(_EMPTY)
        now = QToolButton(self)
        now.setText(self.tr("Now"))
        now.setToolTip(self.tr("Set to the current time"))
        clear = QToolButton(self)
        clear.setText("×")
        clear.setToolTip(self.tr("Clear"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(now)
        layout.addWidget(clear)
        self._last: datetime | None = None
        self.edit.editingFinished.connect(self._commit)
        # The calendar popup changes the value without an editingFinished; commit after a pick.
        self.edit.dateChanged.connect(lambda _d: QTimer.singleShot(0, self._commit_if_popup_closed))
        now.clicked.connect(self.set_now)
        clear.clicked.connect(lambda: self.set_value(None, commit=True))
        self.setFocusProxy(self.edit)

    def value(self) -> datetime | None:
        current = self.edit.dateTime()
        return None if current <= _EMPTY else from_qdatetime(current)

    def set_value(self, value: datetime | None, *, commit: bool = False) -> None:
        self.edit.blockSignals(True)
        self.edit.setDateTime(to_qdatetime(value))
        self.edit.blockSignals(False)
        if commit:
            self._commit()
        else:
            self._last = self.value()

    def set_now(self) -> None:
        self.set_value(datetime.now(UTC).replace(second=0, microsecond=0), commit=True)

    def _commit_if_popup_closed(self) -> None:
        if not self.edit.hasFocus():
            self._commit()

    def _commit(self) -> None:
        value = self.value()
        if value != self._last:
            self._last = value
            self.committed.emit(value)

    def setReadOnly(self, read_only: bool) -> None:
        self.setEnabled(not read_only)
