"""Sync in the main window: the actions (Sync Now, sign in and out, automatic sync, conflicts), the
status-bar widget, and what the window does when a sync ends (reload the lists it pulled into).

Kept apart from :mod:`fieldkit.ui.main_window` so the window only wires it in.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from fieldkit.sync.engine import SyncReport
from fieldkit.ui.conflicts_dialog import ConflictsDialog
from fieldkit.ui.sync_bar import SyncStatusBar
from fieldkit.ui.sync_controller import SyncController
from fieldkit.ui.sync_dialogs import LoginDialog

MESSAGE_MS = 8000


class SyncActions(QObject):
    """Everything sync adds to ``window`` (a :class:`MainWindow`: store, settings, ops, refresh())."""

    def __init__(self, window: QMainWindow, controller: SyncController | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller or SyncController(window.store, window.settings, window.ops.changed, self)
        c = self.controller
        self.sync_now_action = self._action(
            self.tr("S&ync Now"), self.sync_now, self.tr("Send your changes to the registry and receive others'")
        )
        self.sync_now_action.setShortcuts([QKeySequence("Ctrl+Shift+Y"), QKeySequence("F9")])
        self.sign_in_action = self._action(self.tr("Sign &in to Registry…"), self.sign_in)
        self.sign_out_action = self._action(self.tr("Sign &Out"), self.sign_out)
        self.auto_action = self._action(
            self.tr("Sync &Automatically"),
            c.set_auto,
            self.tr("Sync a few seconds after each change, and every few minutes when the registry is reachable"),
        )
        self.auto_action.setCheckable(True)
        self.auto_action.setChecked(c.auto)
        self.conflicts_action = self._action(self.tr("&Conflicts…"), self.show_conflicts)
        self.bar = SyncStatusBar(c, self.sync_now_action, self.conflicts_action, window)
        c.status_changed.connect(lambda _s: self._update_actions())
        c.signed_in_changed.connect(lambda _on: self._update_actions())
        c.started.connect(self._update_actions)
        c.finished.connect(self._finished)
        c.failed.connect(self._failed)
        c.auth_required.connect(self._auth_required)
        self._update_actions()

    def _action(self, text: str, slot, tip: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def add_to_menus(self, file_menu: QMenu, edit_menu: QMenu, before: QAction | None = None) -> None:
        actions = [self.sync_now_action, self.auto_action, self.sign_in_action, self.sign_out_action]
        if before is None:
            file_menu.addActions(actions)
            file_menu.addSeparator()
        else:
            file_menu.insertActions(before, actions)
            file_menu.insertSeparator(before)
        edit_menu.addSeparator()
        edit_menu.addAction(self.conflicts_action)

    def _update_actions(self) -> None:
        c = self.controller
        signed_in = c.signed_in()
        self.sign_out_action.setEnabled(signed_in)
        self.sync_now_action.setEnabled(not c.running)
        count = c.status.conflicts
        self.conflicts_action.setText(
            self.tr("&Conflicts… ({count})").format(count=count) if count else self.tr("&Conflicts…")
        )
        tip = self.tr("{count} changes waiting to be sent").format(count=c.status.pending)
        self.sync_now_action.setToolTip(tip if c.status.pending else self.tr("Sync with the registry"))

    # -- slots --------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        self.window.view.flush()  # the edit being typed goes with this sync
        if self.controller.sync_now():
            self.window.statusBar().showMessage(self.tr("Syncing…"), MESSAGE_MS)

    def sign_in(self) -> bool:
        dialog = LoginDialog(self.controller, self.window.settings, self.window)
        accepted = bool(dialog.exec()) and dialog.user is not None
        dialog.deleteLater()
        if accepted:
            self.window.statusBar().showMessage(
                self.tr("Signed in as {name}.").format(name=dialog.user.display_name), MESSAGE_MS
            )
            self.controller.sync_now()
        return accepted

    def sign_out(self) -> None:
        self.controller.logout()
        self.window.statusBar().showMessage(
            self.tr("Signed out. Your data stays on this laptop; sign in again to sync."), MESSAGE_MS
        )

    def show_conflicts(self) -> None:
        dialog = ConflictsDialog(self.window.store, self.window.ops, self.window)
        dialog.exec()
        dialog.deleteLater()
        self.controller.refresh_status()
        if dialog.resolved:
            self.window.refresh()

    def _auth_required(self) -> None:
        self.window.statusBar().showMessage(self.tr("Sign in to the registry to sync."), MESSAGE_MS)
        self.sign_in()

    def _finished(self, report: SyncReport) -> None:
        self._update_actions()
        if report.pulled or report.conflicts:
            self.window.refresh()  # not ops.changed: that would start another automatic sync
        else:
            self.window._update_counts()
        text = self.tr("Sync finished: {sent} sent, {received} received.").format(
            sent=report.accepted, received=report.pulled
        )
        if report.conflicts:
            text += " " + self.tr("{count} conflicts to resolve (Edit → Conflicts…).").format(count=report.conflicts)
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _failed(self, message: str) -> None:
        self._update_actions()
        self.window.statusBar().showMessage(message, MESSAGE_MS)

    def shutdown(self) -> None:
        self.controller.shutdown()
