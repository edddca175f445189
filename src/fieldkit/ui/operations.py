"""One way for the UI to change data: call a service, report a refusal, announce what changed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldkit.errors import FieldKitError
from fieldkit.services import ChangeSet
from fieldkit.store import Store

log = logging.getLogger("fieldkit.ui")


class Operations(QObject):
    """Runs service calls on the store and emits :attr:`changed` with their change sets.

    Views connect to ``changed`` and refresh what the change set touches, instead of reaching into
    each other. A :class:`FieldKitError` (a refusal the user can act on) is shown in a message box
    and nothing is emitted; anything else propagates to the global error handler.
    """

    changed = Signal(object)
    """Emitted with the :class:`ChangeSet` of every successful call that changed something."""
    saved = Signal()
    """Emitted after every successful write, for the "all changes saved" indicator."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def run(self, func: Callable[..., Any], *args: Any, parent: QWidget | None = None, **kwargs: Any) -> Any:
        """Call ``func(store, *args, **kwargs)``; its result, or ``None`` when it was refused.

        ``func`` returns a :class:`ChangeSet`, or a result with a ``changes`` change set.
        """
        try:
            changes = func(self.store, *args, **kwargs)
        except FieldKitError as exc:
            log.info("refused: %s", exc)
            QMessageBox.warning(parent, self.tr("Not saved"), str(exc))
            return None
        self.saved.emit()
        change_set = changes if isinstance(changes, ChangeSet) else getattr(changes, "changes", None)
        if change_set:
            self.changed.emit(change_set)
        return changes
