"""What keeps an inspection from being submitted, each problem a link to its item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class SubmitProblemsDialog(QDialog):
    """Lists the problems; ``chosen`` holds the item the user went to once the dialog has closed."""

    def __init__(self, problems: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("Not ready to submit"))
        intro = QLabel(
            self.tr("Fix these {count} items first (double-click or press Enter to go to one):").format(
                count=len(problems)
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        for problem in problems:
            entry = QListWidgetItem(f"{problem.label} — {problem.message}")
            entry.setData(Qt.ItemDataRole.UserRole, problem.item_id)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._go)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _go(self, entry: QListWidgetItem) -> None:
        self.chosen = entry.data(Qt.ItemDataRole.UserRole)
        self.accept()
