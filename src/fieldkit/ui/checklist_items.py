"""One checklist item in the entry form: its label, guidance, editor, flags and comment.

Keyboard: 1/2/3 answer yes/no/N/A (and pick the first options of a short choice list), Enter moves to
the next item, Ctrl+Enter opens the comment. Numbers are typed straight in, with the unit beside them;
a reading is saved (and checked against the limits) 0.5 s after the last keystroke.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.checklists.evaluate import ItemState
from fieldkit.checklists.model import Item
from fieldkit.checklists.values import display
from fieldkit.ui.widgets import OptionalDateTimeEdit

TYPE_DELAY_MS = 500
FLAG_COLOURS = {
    "exceedance": "#b42318",
    "constraint": "#b42318",
    "failed": "#b54708",
    "unit_mismatch": "#b54708",
    "unverified_limit": "#6941c6",
}
_RADIO_LIMIT = 6


class ItemWidget(QFrame):
    """Emits :attr:`answered` (item id, value) and :attr:`commented` (item id, text); the tab saves them."""

    answered = Signal(str, object)
    commented = Signal(str, str)
    next_requested = Signal()
    finding_requested = Signal(str)

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.lang = lang
        self._loading = False
        self.setObjectName("checklistItem")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#checklistItem { border: 1px solid transparent; border-radius: 4px; }"
            'QFrame#checklistItem[current="true"] { border: 1px solid #2f6fde; background: #f3f7ff; }'
        )
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPE_DELAY_MS)
        self._typing.timeout.connect(self._emit_text_value)

        label = item.label.get(lang) + (" *" if item.required else "")
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(item.type != "note")
        self.label.setFont(font)
        self.guidance = QLabel(item.guidance.get(lang) if item.guidance else "", self)
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet("color: #5f6b7a;")
        self.guidance.setVisible(item.guidance is not None)
        self.flags = QLabel(self)
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        self.flags.hide()
        self.finding_button = QPushButton(self.tr("Create finding…"), self)
        self.finding_button.hide()
        self.finding_button.clicked.connect(lambda: self.finding_requested.emit(self.item.id))
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(self.tr("Comment (Ctrl+Enter)"))
        self.comment.hide()
        self.comment.editingFinished.connect(lambda: self.commented.emit(self.item.id, self.comment.text()))

        self.editor_row = QHBoxLayout()
        self.editors: list[QWidget] = []
        self._build_editor()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addWidget(self.label)
        layout.addWidget(self.guidance)
        if item.type != "note":
            layout.addLayout(self.editor_row)
        flag_row = QHBoxLayout()
        flag_row.addWidget(self.flags, 1)
        flag_row.addWidget(self.finding_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(flag_row)
        layout.addWidget(self.comment)
        for widget in (self, *self.editors, self.comment):
            widget.installEventFilter(self)

    # -- editors ----------------------------------------------------------------------------------

    def _build_editor(self) -> None:
        item, row = self.item, self.editor_row
        self.group: QButtonGroup | None = None
        self.line: QLineEdit | None = None
        self.combo: QComboBox | None = None
        self.checks: list[QCheckBox] = []
        self.when: OptionalDateTimeEdit | None = None
        self.value_label: QLabel | None = None
        if item.type == "yes_no" or (item.type == "select_one" and len(item.choices) <= _RADIO_LIMIT):
            options = (
                [("yes", self.tr("Yes")), ("no", self.tr("No")), ("na", self.tr("N/A"))]
                if item.type == "yes_no"
                else [(c.value, c.label.get(self.lang)) for c in item.choices]
            )
            self.group = QButtonGroup(self)
            self.group.setExclusive(False)  # allows clearing by clicking the checked option again
            # Short option lists side by side, longer ones one under the other (no sideways scrolling).
            stacked = len(options) > 3 or sum(len(t) for _v, t in options) > 36
            box = QVBoxLayout() if stacked else row
            for number, (value, text) in enumerate(options, start=1):
                shown = f"{number} {text}" if number <= 9 else text
                button = QRadioButton("" if stacked else shown, self)
                button.setProperty("value", value)
                button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                self.group.addButton(button, number)
                if stacked:  # a wrapping label beside the button: long choices never widen the form
                    line = QHBoxLayout()
                    label = _ClickLabel(shown, button, self)
                    line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
                    line.addWidget(label, 1)
                    box.addLayout(line)
                else:
                    box.addWidget(button)
                self.editors.append(button)
            self.group.buttonClicked.connect(self._option_clicked)
            if stacked:
                row.addLayout(box)
            row.addStretch(1)
        elif item.type == "select_one":
            self.combo = QComboBox(self)
            # Long choice labels must not widen the whole form: the popup shows them in full.
            self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.combo.setMinimumContentsLength(14)
            self.combo.addItem("—", None)
            for choice in item.choices:
                self.combo.addItem(choice.label.get(self.lang), choice.value)
            self.combo.activated.connect(lambda _i: self._emit(self.combo.currentData()))
            row.addWidget(self.combo, 1)
            self.editors.append(self.combo)
        elif item.type == "select_many":
            for choice in item.choices:
                box = QCheckBox(choice.label.get(self.lang), self)
                box.setProperty("value", choice.value)
                box.toggled.connect(lambda _on: self._emit([b.property("value") for b in self.checks if b.isChecked()]))
                self.checks.append(box)
                self.editors.append(box)
            grid = QVBoxLayout()
            for box in self.checks:
                grid.addWidget(box)
            row.addLayout(grid, 1)
        elif item.type in ("integer", "decimal", "text", "gps", "signature"):
            self.line = QLineEdit(self)
            if item.type in ("integer", "decimal"):
                self.line.setPlaceholderText(self.tr("Type a number"))
                self.line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                self.line.setMaximumWidth(220)
            elif item.type == "gps":
                self.line.setPlaceholderText(self.tr("latitude, longitude"))
            elif item.type == "signature":
                self.line.setPlaceholderText(self.tr("Name of the person signing"))
            self.line.textEdited.connect(lambda _t: self._typing.start())
            self.line.editingFinished.connect(self._emit_text_value)
            row.addWidget(self.line, 1 if item.type not in ("integer", "decimal") else 0)
            self.editors.append(self.line)
            if item.unit:
                unit = QLabel(item.unit, self)
                row.addWidget(unit)
            if item.type in ("integer", "decimal"):
                row.addStretch(1)
        elif item.type in ("datetime", "date"):
            self.when = OptionalDateTimeEdit(self)
            self.when.edit.setToolTip(self.tr("N: now"))
            if item.type == "date":
                self.when.edit.setDisplayFormat("yyyy-MM-dd")
            self.when.committed.connect(self._when_committed)
            row.addWidget(self.when, 1)
            self.editors.append(self.when.edit)
        elif item.type == "calculate":
            self.value_label = QLabel("—", self)
            self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(self.value_label, 1)
        elif item.type == "photo":
            self.value_label = QLabel(self.tr("No photo attached yet"), self)
            row.addWidget(self.value_label, 1)
        if self.item.type in ("note", "calculate", "photo"):
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_photo_count(self, count: int) -> None:
        """Photo items: how many of the inspection's photos are linked to this item."""
        if self.item.type == "photo" and self.value_label is not None:
            self.value_label.setText(
                self.tr("%n photo(s) linked", "", count) if count else self.tr("No photo attached yet")
            )

    def focus_editor(self) -> None:
        """Give the keyboard to this item: its text field, or the item itself for 1/2/3 answers."""
        if self.line is not None:
            self.line.setFocus(Qt.FocusReason.TabFocusReason)
            self.line.selectAll()
        elif self.combo is not None:
            self.combo.setFocus(Qt.FocusReason.TabFocusReason)
        elif self.when is not None:
            self.when.edit.setFocus(Qt.FocusReason.TabFocusReason)
        elif self.checks:
            self.checks[0].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.setFocus(Qt.FocusReason.TabFocusReason)

    @property
    def takes_focus(self) -> bool:
        return self.item.type not in ("note", "calculate", "photo")

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            self.style().unpolish(self)
            self.style().polish(self)

    # -- values ------------------------------------------------------------------------------------

    def _emit(self, value: Any) -> None:
        if not self._loading:
            self.answered.emit(self.item.id, value)

    def _option_clicked(self, button) -> None:
        assert self.group is not None
        if button.isChecked():
            for other in self.group.buttons():
                if other is not button:
                    other.setChecked(False)
            self._emit(button.property("value"))
        else:
            self._emit(None)

    def choose_option(self, number: int) -> bool:
        """Answer with the numbered option (keys 1-9); ``False`` when there is no such option."""
        if self.group is None:
            return False
        button = self.group.button(number)
        if button is None:
            return False
        if not button.isChecked():
            button.click()
        return True

    def _emit_text_value(self) -> None:
        self._typing.stop()
        if self.line is None or self._loading:
            return
        text = self.line.text().strip() or None
        if text == self._shown_text:
            return
        self._shown_text = text
        if self.item.type == "signature" and text:
            self._emit({"name": text, "signed_at": datetime.now(UTC).isoformat()})
        else:
            self._emit(text)

    def _when_committed(self, value: datetime | None) -> None:
        if value is None:
            self._emit(None)
        elif self.item.type == "date":
            self._emit(value.astimezone().date().isoformat())
        else:
            self._emit(value.astimezone().isoformat())

    def flush(self) -> None:
        """Save a number or text still being typed."""
        if self._typing.isActive():
            self._emit_text_value()

    _shown_key: tuple | None = None
    _shown_text: str | None = None
    """The text last shown or saved: unchanged text is not saved again."""

    def show_state(self, state: ItemState, comment: str | None, read_only: bool, has_finding: bool = False) -> None:
        """Show the stored answer and its evaluation; never disturbs a field the user is typing in."""
        key = (
            state.relevant,
            repr(state.value),
            tuple(f.message for f in state.flags),
            comment,
            read_only,
            has_finding,
            state.proposal is not None,
        )
        if key == self._shown_key:
            return  # nothing changed for this item: no widget work (most items, after one answer)
        self._shown_key = key
        self._loading = True
        try:
            self.setVisible(state.relevant)
            value = state.value
            typing = self.line is not None and (self.line.hasFocus() or self._typing.isActive())
            if self.group is not None:
                for button in self.group.buttons():
                    button.setChecked(button.property("value") == value)
            elif self.combo is not None:
                self.combo.setCurrentIndex(max(0, self.combo.findData(value)))
            elif self.checks:
                for box in self.checks:
                    box.blockSignals(True)
                    box.setChecked(box.property("value") in (value or []))
                    box.blockSignals(False)
            elif self.line is not None and not typing:
                if self.item.type in ("integer", "decimal"):
                    text = "" if value is None else (f"{value:.10g}" if isinstance(value, float) else str(value))
                elif self.item.type == "gps":
                    text = "" if value is None else f"{value['lat']:.6f}, {value['lon']:.6f}"
                elif self.item.type == "signature":
                    text = "" if value is None else value.get("name", "")
                else:
                    text = value or ""
                self.line.setText(text)
                self._shown_text = text.strip() or None
            elif self.when is not None:
                self.when.set_value(_parse_when(value))
            elif self.value_label is not None:
                if self.item.type == "calculate":
                    self.value_label.setText(display(self.item, value, self.lang) or "—")
                elif value:
                    self.value_label.setText(display(self.item, value, self.lang))
            if comment is not None and not self.comment.hasFocus():
                self.comment.setText(comment)
            self.comment.setVisible(bool(comment) or self.comment.hasFocus())
            self._show_flags(state)
            for widget in (*self.editors, self.comment):
                if isinstance(widget, QLineEdit):
                    widget.setReadOnly(read_only)
                else:
                    widget.setEnabled(not read_only)
            if self.when is not None:
                self.when.setEnabled(not read_only)
            self.finding_button.setVisible(state.proposal is not None and not read_only)
            self.finding_button.setEnabled(not has_finding)
            self.finding_button.setText(self.tr("Finding recorded") if has_finding else self.tr("Create finding…"))
        finally:
            self._loading = False

    def _show_flags(self, state: ItemState) -> None:
        lines = []
        for flag in state.flags:
            colour = FLAG_COLOURS.get(flag.kind, "#b42318")
            icon = {"exceedance": "▲", "constraint": "✖", "failed": "✖", "unverified_limit": "?"}.get(flag.kind, "!")
            lines.append(f"<span style='color:{colour}'>{icon} {_escape(flag.message)}</span>")
        if state.missing and self.item.required:
            pass  # shown in the section progress and on submit, not as a red line under every item
        self.flags.setText("<br>".join(lines))
        self.flags.setVisible(bool(lines))

    # -- keyboard ----------------------------------------------------------------------------------

    def open_comment(self) -> None:
        self.comment.show()
        self.comment.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.parent_tab_focus()
        if event.type() != QEvent.Type.KeyPress:
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key = key_event.key()
        ctrl = bool(key_event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if ctrl:
                self.open_comment()
                return True
            if watched is self.comment:
                self.commented.emit(self.item.id, self.comment.text())
            self.flush()
            self.next_requested.emit()
            return True
        if self.when is not None and watched is self.when.edit and key == Qt.Key.Key_N and not ctrl:
            self.when.set_now()  # N: now, the usual answer to "when"
            return True
        # Keys 1-9 answer when the item itself has the focus (not while typing in a field).
        return (
            watched is self
            and not ctrl
            and Qt.Key.Key_1 <= key <= Qt.Key.Key_9
            and self.choose_option(key - Qt.Key.Key_0)
        )

    def parent_tab_focus(self) -> None:
        tab = self.parent()
        while tab is not None and not hasattr(tab, "item_focused"):
            tab = tab.parent()
        if tab is not None:
            tab.item_focused(self)


class _ClickLabel(QLabel):
    """A word-wrapped option text that answers like its radio button when clicked."""

    def __init__(self, text: str, button: QRadioButton, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._button = button

    def mousePressEvent(self, event) -> None:
        self._button.click()


def _parse_when(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value if "T" in value else f"{value}T00:00"
    parsed = datetime.fromisoformat(text)
    return (parsed if parsed.tzinfo else parsed.astimezone()).astimezone(UTC)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
