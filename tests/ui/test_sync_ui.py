"""Sync in the app against a real registry process: sign-in, Sync Now in the background, the offline
indicator, and the conflicts inbox resolving edits two laptops made to the same records."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from fieldkit import services
from fieldkit.store import Store
from fieldkit.store.models import Answer
from fieldkit.sync.conflicts import list_conflicts
from fieldkit.sync.engine import TOKEN_KEY, SyncEngine, SyncProgress
from fieldkit.sync.status import sync_status
from fieldkit.ui.conflicts_dialog import ConflictsDialog
from fieldkit.ui.operations import Operations
from fieldkit.ui.sync_bar import last_sync_text, progress_text
from fieldkit.ui.sync_controller import SyncController
from fieldkit.ui.sync_dialogs import LoginDialog
from tests.registry_process import running_registry

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def shoot(widget, name: str) -> None:
    """Refresh a README screenshot when asked (FIELDKIT_SCREENSHOTS=1), so test runs leave the tree clean."""
    if os.environ.get("FIELDKIT_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))


SYNC_TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    with running_registry(tmp_path_factory.mktemp("registry")) as reg:
        yield reg


def _store(tmp_path: Path, name: str) -> Store:
    return services.open_store(tmp_path / name)


def _sign_in(store: Store, registry, username: str = "inspector") -> None:
    SyncEngine(store, registry.url).login(username, registry.password)


def _sync(store: Store) -> None:
    SyncEngine(store).run()


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


# -- pure formatting ----------------------------------------------------------------------------------


def test_progress_and_last_sync_texts():
    p = SyncProgress("blobs", 120, 300, int(12.4 * 1024 * 1024), 40 * 1024 * 1024, "")
    assert progress_text(p).replace("\u2066", "").replace("\u2069", "") == "Sync: 120/300 records, 12.4/40.0 MB"
    assert last_sync_text(None) == "Never synced"
    now = datetime.now(UTC)
    assert now.astimezone().strftime("%H:%M") in last_sync_text(now)


# -- against the registry -----------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _manual_sync_only(settings_path: Path):
    """Tests start syncs themselves; automatic sync is tested on the controller."""
    QSettings(str(settings_path), QSettings.Format.IniFormat).setValue("sync/auto", "false")


def test_login_dialog_shows_a_wrong_password_inline_then_signs_in(qtbot, make_window, tmp_path, registry):
    store = _store(tmp_path, "laptop")
    window = make_window(store)
    controller = window.sync.controller
    assert window.sync.bar.online_text == "Not signed in"
    dialog = LoginDialog(controller, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.server.setText(registry.url)
    dialog.username.setText("inspector")
    dialog.password.setText("not-the-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter submits
    qtbot.waitUntil(lambda: "did not accept" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.user is None and not controller.signed_in()
    assert dialog.password.text() == "" and dialog.password.hasFocus()

    qtbot.keyClicks(dialog.password, registry.password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=10_000)
    assert not dialog.isVisible() and dialog.user.username == "inspector"
    assert controller.signed_in() and controller.online is True
    assert window.sync.bar.online_text == "Online"
    assert window.settings.value("sync/server") == registry.url
    # Offline and malformed addresses are also shown in the dialog, not raised.
    again = LoginDialog(controller, window.settings, window)
    qtbot.addWidget(again)
    again.open()
    assert again.server.text() == registry.url and again.username.text() == "inspector"
    again.server.setText(_closed_port_url())
    again.password.setText("x")
    again.submit()
    qtbot.waitUntil(lambda: again.sign_in_button.isEnabled(), timeout=10_000)
    assert again.isVisible() and again.error.isVisible() and "cannot be reached" in again.error.text()
    again.server.setText("https://")
    again.submit()
    assert "starting with https://" in again.error.text() and again.server.hasFocus()
    qtbot.keyClick(again, Qt.Key.Key_Escape)  # Esc cancels
    assert not again.isVisible() and again.user is None


def test_sync_now_runs_in_the_background_and_updates_last_sync(qtbot, make_window, tmp_path, registry):
    store = _store(tmp_path, "laptop")
    _sign_in(store, registry)
    window = make_window(store)
    bar, controller = window.sync.bar, window.sync.controller
    assert bar.last_sync.text() == "Never synced"
    seen: list[SyncProgress] = []
    controller.progress.connect(seen.append)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F9)
    assert controller.running  # the GUI thread came back while the engine works on a worker
    assert not window.sync.sync_now_action.isEnabled()
    with qtbot.waitSignal(controller.finished, timeout=SYNC_TIMEOUT_MS) as finished:
        pass
    report = finished.args[0]
    assert report.pulled > 0 and seen and seen[-1].phase in ("download", "done", "pull")
    assert bar.last_sync.text().startswith("Last sync: ")
    assert sync_status(store).last_sync_at is not None
    assert bar.online_text == "Online" and not bar.progress.isVisible()
    assert window.sync.sync_now_action.isEnabled()
    sites = [window.site_model.site_at(r) for r in range(1, window.site_model.rowCount())]
    assert any(s.code == "SDK" for s in sites)  # pulled from the registry and shown

    # A second sync sends a new inspection; an edit made while it runs is kept and sent next time.
    site = services.get_site(store, "SDK")
    iid = window.ops.run(services.create_inspection, site.id, title="Dust round").created_id
    window.sync.sync_now()
    assert controller.running
    window.ops.run(services.update_inspection, iid, title="Dust round, north pit")
    qtbot.waitUntil(lambda: not controller.running, timeout=SYNC_TIMEOUT_MS)
    assert services.get_inspection(store, iid).title == "Dust round, north pit"
    controller.sync_now()
    qtbot.waitUntil(lambda: not controller.running, timeout=SYNC_TIMEOUT_MS)
    assert sync_status(store).pending == 0
    window.resize(1280, 760)
    window._select(iid)
    services.update_inspection(store, iid, notes="Haul road sprinklers off since Tuesday.")
    window.refresh()
    window.sync.controller.refresh_status()
    window.statusBar().clearMessage()
    qtbot.wait(100)  # let the layout settle before the screenshot
    assert window.sync_label.text() == "1 not yet synced"
    shoot(window, "sync-status.png")


def test_offline_indicator_when_the_registry_cannot_be_reached(qtbot, tmp_path, registry):
    store = _store(tmp_path, "laptop")
    _sign_in(store, registry)
    closed = _closed_port_url()
    controller = SyncController(
        store, _settings(tmp_path), engine_factory=lambda s, _server: SyncEngine(s, closed), ping_ms=60_000
    )
    try:
        with qtbot.waitSignal(controller.online_changed, timeout=10_000) as online:
            controller.check()
        assert online.args == [False] and controller.online is False
        assert not controller.sync_now(auto=True)  # automatic sync waits while offline: no error storm
    finally:
        controller.shutdown()


def _conflicting_stores(tmp_path: Path, registry) -> tuple[Store, Store, str]:
    """Two laptops signed in as the same inspector edit the same answer and title; B ends with conflicts."""
    a, b = _store(tmp_path, "a"), _store(tmp_path, "b")
    for store in (a, b):
        _sign_in(store, registry)
        _sync(store)
    site = services.get_site(a, "SDK")
    form = next(f for f in services.list_forms(a) if f["id"] == "effluent-sampling")
    iid = services.create_inspection(a, site.id, template_id=form["template_id"], title="Outfall round").created_id
    services.answer_item(a, iid, "lead", 0.2)
    _sync(a)
    _sync(b)
    services.answer_item(a, iid, "lead", 0.3)
    services.update_inspection(a, iid, title="Outfall round (laptop A)")
    _sync(a)
    services.answer_item(b, iid, "lead", 0.4)
    services.update_inspection(b, iid, title="Outfall round (laptop B)")
    _sync(b)
    return a, b, iid


def test_conflicts_inbox_keeps_mine_or_takes_theirs(qtbot, make_window, tmp_path, registry):
    a, b, iid = _conflicting_stores(tmp_path, registry)
    # The title and the lead answer (and the sum the checklist computes from it) changed on both laptops.
    assert sorted(c.entity for c in list_conflicts(b)) == ["answers", "answers", "inspections"]
    window = make_window(b)
    window.sync.controller.refresh_status()
    assert window.sync.conflicts_action.text() == "&Conflicts… (3)"
    assert window.sync.bar.conflicts_button.isVisible()
    dialog = ConflictsDialog(b, window.ops, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.topLevelItemCount() == 3
    assert "on the registry by Ayesha Baloch" in dialog.list.topLevelItem(0).text(0)  # who changed it there
    row = next(i for i, c in enumerate(dialog.rows) if c.entity == "inspections")
    dialog.list.setCurrentItem(dialog.list.topLevelItem(row))
    assert dialog.list.topLevelItem(row).text(0).startswith("Inspection 'Outfall round (laptop B)' at Saindak")
    assert dialog.differing_fields() == ["title"]  # only what differs is listed, in words
    assert dialog.diff.rowCount() == 1 and dialog.diff.item(0, 0).text() == "Title"
    assert dialog.diff.item(0, 1).text() == "Outfall round (laptop B)"
    assert dialog.diff.item(0, 2).text() == "Outfall round (laptop A)"
    assert dialog.diff.item(0, 1).font().bold()
    assert dialog.who.text().startswith("Changed here by Ayesha Baloch at ")
    dialog.show_all.setChecked(True)
    labels = [dialog.diff.item(r, 0).text() for r in range(dialog.diff.rowCount())]
    assert "Site" in labels and "updated_at" not in labels and "Updated at" not in labels
    status_row = labels.index("Status")
    assert dialog.diff.item(status_row, 1).text() == "Draft"
    assert not dialog.diff.item(status_row, 1).font().bold()  # equal on both sides: not highlighted
    dialog.show_all.setChecked(False)
    assert dialog.tabs.tabText(1) == "Refused by the registry (0)"
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # let the wrapped record list settle before the screenshot
    shoot(dialog, "conflicts.png")

    changed = []
    window.ops.changed.connect(changed.append)
    dialog.keep_mine.click()  # the title: this laptop's
    assert dialog.list.topLevelItemCount() == 2 and changed
    assert {c.entity for c in dialog.rows} == {"answers"}
    dialog.take_theirs.click()  # the answers: the registry's
    dialog.take_theirs.click()
    assert dialog.list.topLevelItemCount() == 0 and not dialog.keep_mine.isEnabled()
    assert list_conflicts(b) == []
    assert services.get_inspection(b, iid).title == "Outfall round (laptop B)"
    _sync(b)
    _sync(a)
    assert services.get_inspection(a, iid).title == "Outfall round (laptop B)"
    assert _lead(a, iid) == _lead(b, iid) == 0.3
    a.close()


def _lead(store: Store, inspection_id: str) -> float:
    with store.read() as session:
        value = session.scalar(
            select(Answer.value).where(Answer.inspection_id == inspection_id, Answer.item_id == "lead")
        )
    return float(value)


def test_automatic_sync_after_an_edit_and_one_sign_in_request_for_a_refused_token(qtbot, tmp_path, registry):
    store = _store(tmp_path, "laptop")
    _sign_in(store, registry)
    _sync(store)
    settings = _settings(tmp_path)
    settings.setValue("sync/auto", "true")
    ops = Operations(store)
    controller = SyncController(store, settings, ops.changed, ping_ms=60_000, debounce_ms=200)
    asked: list[bool] = []
    controller.auth_required.connect(lambda: asked.append(True))
    try:
        qtbot.waitUntil(lambda: controller.online is True and not controller.running, timeout=10_000)
        site = services.get_site(store, "THR")
        with qtbot.waitSignal(controller.finished, timeout=SYNC_TIMEOUT_MS):
            ops.run(services.create_inspection, site.id, title="Noise at the school")  # no Sync pressed
        assert sync_status(store).pending == 0

        store.set_meta(TOKEN_KEY, "revoked-or-expired")  # the registry answers 401 from now on
        with qtbot.waitSignal(controller.failed, timeout=SYNC_TIMEOUT_MS):
            assert controller.sync_now(auto=True)
        assert not controller.sync_now(auto=True)  # automatic sync waits for a new sign-in
        with qtbot.waitSignal(controller.failed, timeout=SYNC_TIMEOUT_MS):
            assert controller.sync_now()  # Sync Now still tries
        assert asked == [True]  # asked once, not at every attempt
        ops.run(services.create_inspection, site.id, title="Second")
        qtbot.wait(400)
        assert not controller.running  # automatic sync waits for a new sign-in
        controller.set_auto(False)
        assert settings.value("sync/auto") == "false"
    finally:
        controller.shutdown()
