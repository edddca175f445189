"""Sync in the background: one :class:`SyncEngine` run at a time on a worker, a ping that drives the
offline indicator, and automatic sync after edits or when the last sync is old.

Everything that talks to the registry runs on the controller's own thread pool, never on the GUI
thread; results come back as Qt signals. Failures are reported once through :attr:`failed` (the
window shows them in the status bar), never as a stream of dialogs: an offline laptop is normal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSettings, QThreadPool, QTimer, Signal

from fieldkit.errors import FieldKitError
from fieldkit.store import Store
from fieldkit.sync.engine import SyncEngine, SyncReport
from fieldkit.sync.errors import AuthRequired, Cancelled, Offline
from fieldkit.sync.status import SyncStatus, sync_status

log = logging.getLogger("fieldkit.ui")

AUTO_KEY = "sync/auto"
SERVER_KEY = "sync/server"
USERNAME_KEY = "sync/username"
PING_MS = 30_000
DEBOUNCE_MS = 10_000
#: Automatic sync also runs when the last one is older than this, to bring in others' changes.
AUTO_EVERY = timedelta(minutes=15)
LOGIN_ATTEMPTS = 2

EngineFactory = Callable[[Store, "str | None"], SyncEngine]


class _Signals(QObject):
    progress = Signal(object)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    """Runs ``func(progress, cancelled)`` on a pool thread and reports through queued signals."""

    def __init__(self, func: Callable[[Callable[[Any], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._func = func
        self._cancel = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._func(self.signals.progress.emit, self._cancel.is_set)
        except BaseException as exc:  # handed to the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            self.finished.set()


def _default_engine(store: Store, server: str | None) -> SyncEngine:
    return SyncEngine(store, server)


class SyncController(QObject):
    """Owns the sync engine of one store and runs it off the GUI thread.

    ``changed`` is a signal emitted after local edits (``Operations.changed``); with automatic sync on
    it starts a sync :data:`DEBOUNCE_MS` after the last edit. ``engine_factory(store, server)`` makes
    the engine (a new one per sign-in, since the server URL is fixed per engine).
    """

    started = Signal()
    progress = Signal(object)  # SyncProgress
    finished = Signal(object)  # SyncReport
    failed = Signal(str)
    online_changed = Signal(bool)
    auth_required = Signal()
    status_changed = Signal(object)  # SyncStatus
    signed_in_changed = Signal(bool)

    def __init__(
        self,
        store: Store,
        settings: QSettings,
        changed=None,
        parent: QObject | None = None,
        *,
        engine_factory: EngineFactory = _default_engine,
        ping_ms: int = PING_MS,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self._factory = engine_factory
        self.engine = engine_factory(store, None)
        self.online: bool | None = None
        self.last_report: SyncReport | None = None
        self.last_error: str | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._jobs: set[_Job] = set()
        self._sync_job: _Job | None = None
        self._ping_job: _Job | None = None
        self._again = False
        self._auth_asked = False
        self.status: SyncStatus = sync_status(store)

        self._ping_timer = QTimer(self)
        self._ping_timer.setInterval(ping_ms)
        self._ping_timer.timeout.connect(self.check)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(lambda: self.sync_now(auto=True))
        if changed is not None:
            changed.connect(self._local_change)
        self._ping_timer.start()
        QTimer.singleShot(0, self.check)

    # -- state -------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._sync_job is not None

    @property
    def auto(self) -> bool:
        return str(self.settings.value(AUTO_KEY, "true")).lower() in ("true", "1")

    def set_auto(self, on: bool) -> None:
        self.settings.setValue(AUTO_KEY, "true" if on else "false")
        if on:
            self.check()
        else:
            self._debounce.stop()

    def signed_in(self) -> bool:
        return self.engine.logged_in()

    def refresh_status(self) -> SyncStatus:
        self.status = sync_status(self.store)
        self.status_changed.emit(self.status)
        return self.status

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    def _due(self) -> bool:
        status = self.status
        if status.pending:
            return True
        last = status.last_sync_at
        if last is None:
            return True
        if last.tzinfo is None:
            last = last.replace(tzinfo=UTC)
        return datetime.now(UTC) - last > AUTO_EVERY

    # -- jobs ---------------------------------------------------------------------------------------

    def _start(self, func, on_done, on_failed, on_progress=None) -> _Job:
        # A job is dropped only once its run() has returned: its signals may arrive first, and
        # freeing the runnable under a running worker would crash.
        self._jobs = {j for j in self._jobs if not j.finished.is_set()}
        job = _Job(func)
        self._jobs.add(job)
        job.signals.done.connect(on_done)
        job.signals.failed.connect(on_failed)
        if on_progress is not None:
            job.signals.progress.connect(on_progress)
        self._pool.start(job)
        return job

    def check(self) -> None:
        """Ping the registry (off the GUI thread); when online, start an automatic sync if one is due."""
        if self._ping_job is not None or self._sync_job is not None:
            return
        if not self.refresh_status().server:
            return
        engine = self.engine

        def done(online: bool) -> None:
            self._ping_job = None
            self._set_online(bool(online))
            if online and self.auto and self.signed_in() and self._due():
                self.sync_now(auto=True)

        def failed(exc: BaseException) -> None:  # ping never raises; a bug is logged, not shown
            self._ping_job = None
            log.error("ping failed", exc_info=exc)
            self._set_online(False)

        self._ping_job = self._start(lambda _p, _c: engine.ping(), done, failed)

    def _local_change(self, _changes: object = None) -> None:
        if self.auto and self.signed_in():
            self._debounce.start()

    def sync_now(self, auto: bool = False) -> bool:
        """Start a sync on a worker; False when one is running or it cannot start (not signed in).

        A manual sync while signed out emits :attr:`auth_required`; an automatic one stays quiet.
        """
        if self._sync_job is not None:
            if auto:
                self._again = True  # edits during a sync: another round once it ends
            return False
        if not self.signed_in():
            if not auto:
                self.auth_required.emit()
            return False
        if auto and (self.online is False or self._auth_asked):  # wait for the ping or a new sign-in
            return False
        self._debounce.stop()
        engine = self.engine
        self.last_error = None
        self._sync_job = self._start(
            lambda progress, cancelled: engine.run(progress=progress, cancelled=cancelled),
            self._sync_done,
            self._sync_failed,
            self.progress.emit,
        )
        self.started.emit()
        return True

    def cancel(self) -> None:
        if self._sync_job is not None:
            self._sync_job.cancel()

    def _sync_done(self, report: SyncReport) -> None:
        self._sync_job = None
        self.last_report = report
        self._auth_asked = False
        self._set_online(True)
        self.refresh_status()
        self.finished.emit(report)
        self._maybe_again()

    def _sync_failed(self, exc: BaseException) -> None:
        self._sync_job = None
        self.refresh_status()
        if isinstance(exc, Offline):
            self._set_online(False)
        elif isinstance(exc, AuthRequired):
            if not self._auth_asked:
                self._auth_asked = True
                self.auth_required.emit()
        elif not isinstance(exc, FieldKitError):
            log.error("sync failed", exc_info=exc)
        if isinstance(exc, Cancelled):
            message = self.tr("Sync cancelled.")
        elif isinstance(exc, FieldKitError):
            message = str(exc)
        else:
            message = self.tr("Sync failed: {error}").format(error=f"{type(exc).__name__}: {exc}")
        self.last_error = message
        self.failed.emit(message)
        if not isinstance(exc, (Offline, AuthRequired, Cancelled)):
            self._maybe_again()

    def _maybe_again(self) -> None:
        if self._again:
            self._again = False
            if self.auto:
                self._debounce.start()

    # -- signing in and out ---------------------------------------------------------------------------

    def login(
        self,
        server: str,
        username: str,
        password: str,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """Sign in on a worker with a new engine for ``server``; on success it becomes this controller's."""
        factory, store = self._factory, self.store

        def work(_progress, _cancelled):
            engine = factory(store, server)
            # Someone is waiting at the dialog: a wrong address should fail in seconds, not after
            # the full backoff a background sync uses.
            attempts = getattr(engine, "attempts", None)
            if attempts is not None:
                engine.attempts = min(attempts, LOGIN_ATTEMPTS)
            try:
                return engine, engine.login(username, password)
            finally:
                if attempts is not None:
                    engine.attempts = attempts

        def done(result) -> None:
            engine, user = result
            self.engine = engine
            self._auth_asked = False
            self.settings.setValue(SERVER_KEY, server)
            self.settings.setValue(USERNAME_KEY, username)
            self._set_online(True)
            self.refresh_status()
            self.signed_in_changed.emit(True)
            on_done(user)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Offline):
                self._set_online(False)
            on_failed(exc)

        self._start(work, done, failed)

    def logout(self) -> None:
        self.cancel()
        self.engine.logout()
        self._debounce.stop()
        self.refresh_status()
        self.signed_in_changed.emit(False)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop timers, cancel a running sync and wait for the workers (at window close)."""
        self._ping_timer.stop()
        self._debounce.stop()
        for job in list(self._jobs):
            job.cancel()
        self._pool.waitForDone(timeout_ms)
