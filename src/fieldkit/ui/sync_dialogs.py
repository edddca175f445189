"""File > Sign in to Registry…: server, username and password; the sign-in runs off the GUI thread.

A wrong password or an unreachable registry is shown inside the dialog, which stays open so the
user can correct it; nothing is raised to the global error handler.
"""

from __future__ import annotations

import logging
import socket

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from fieldkit.errors import FieldKitError
from fieldkit.sync.errors import AuthRequired, Offline
from fieldkit.ui.sync_controller import SERVER_KEY, USERNAME_KEY, SyncController
from fieldkit.ui.widgets import ltr

log = logging.getLogger("fieldkit.ui")
DEFAULT_SERVER = "https://"


class LoginDialog(QDialog):
    """Signs the controller in; ``user`` holds the registry's :class:`UserInfo` once accepted."""

    def __init__(self, controller: SyncController, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the registry"))
        self.setMinimumWidth(420)
        self.controller = controller
        self.user = None
        self._busy = False
        self._closed = False
        status = controller.status
        self.server = QLineEdit(self)
        self.server.setText(str(settings.value(SERVER_KEY) or status.server or DEFAULT_SERVER))
        self.server.setPlaceholderText("https://registry.example.org")
        self.server.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a URL reads left to right
        self.username = QLineEdit(self)
        self.username.setText(str(settings.value(USERNAME_KEY) or status.username or ""))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        device = getattr(controller.engine, "device", None) or socket.gethostname()
        self.device = QLabel(ltr(device), self)
        self.device.setToolTip(self.tr("The registry lists this name among your signed-in devices."))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        self.error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign In"))
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&Username:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Device:"), self.device)
        form.addRow(self.error)
        form.addRow(self.buttons)
        (self.password if self.username.text() else self.username).setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        server = self.server.text().strip().rstrip("/")
        username = self.username.text().strip()
        password = self.password.text()
        if not server.startswith(("http://", "https://")) or len(server) < 10:
            self._show_error(self.tr("Enter the registry's address, starting with https://"), self.server)
            return
        if not username or not password:
            self._show_error(self.tr("Enter your username and password."), self.username if not username else None)
            return
        self._set_busy(True)
        self.error.setText(self.tr("Signing in…"))
        self.error.setStyleSheet("")
        self.error.show()
        self.controller.login(server, username, password, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.server, self.username, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _done(self, user) -> None:
        if self._closed:
            return
        self._set_busy(False)
        self.user = user
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self._set_busy(False)
        if isinstance(exc, AuthRequired):
            message = self.tr("The registry did not accept this username and password.")
            self.password.clear()
            self._show_error(message, self.password)
            return
        if isinstance(exc, Offline):
            message = self.tr("The registry cannot be reached. Check the address and the connection.")
        elif isinstance(exc, FieldKitError):
            message = str(exc)
        else:  # e.g. a malformed address the HTTP library refuses: shown, logged, not a crash
            log.warning("sign-in failed", exc_info=exc)
            message = self.tr("Could not sign in: {error}").format(error=exc)
        self._show_error(message, self.server)

    def _show_error(self, message: str, focus: QWidget | None) -> None:
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setText(message)
        self.error.show()
        if focus is not None:
            focus.setFocus()
            if isinstance(focus, QLineEdit):
                focus.selectAll()

    def done(self, result: int) -> None:
        # Cancelled while signing in: the worker finishes on its own and its answer is dropped here
        # (a successful sign-in still takes effect in the controller).
        self._closed = True
        super().done(result)
