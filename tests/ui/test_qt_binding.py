"""Guards against a broken Qt binding: PySide6 6.12.0 on Python 3.11 drops a reference to None on
every call that returns None, and the interpreter aborts ("deallocating None") after a few thousand
UI updates. A long day of data entry must never end like that."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QPushButton


def test_calls_returning_none_keep_the_reference_count_of_none(qtbot):
    button = QPushButton()
    label = QLabel()
    qtbot.addWidget(button)
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(500):
        button.setText(f"{i}")
        button.setVisible(False)
        label.setText("x")
        button.property("missing")  # an invalid QVariant comes back as None
    assert abs(sys.getrefcount(None) - before) < 50
