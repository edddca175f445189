"""Live GPS logging in the Track tab: a receiver on a serial/USB port (QtSerialPort) or a recorded
NMEA log played back, through the Qt-free :class:`fieldkit.gps.live.LiveLogger` into the store."""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QIODevice, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.gps.live import LiveLogger, LiveStatus, State
from fieldkit.services.live_tracks import StoreTrackWriter
from fieldkit.ui.operations import Operations

PLAYBACK = "playback"
BAUD_RATES = (4800, 9600, 19200, 38400, 57600, 115200)
PLAYBACK_LINES_PER_TICK = 40


class LiveGpsPanel(QGroupBox):
    """Start/pause/stop logging; shows fix status, satellites and accuracy as they come."""

    track_changed = Signal()
    """A live track was started or finished: the track list should reload."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Live GPS"))
        self._ops = ops
        self._inspection_id: str | None = None
        self._logger: LiveLogger | None = None
        self._writer: StoreTrackWriter | None = None
        self._port = None
        self._playback = None
        self._buffer = b""
        self.source = QComboBox(self)
        self.baud = QComboBox(self)
        for rate in BAUD_RATES:
            self.baud.addItem(str(rate), rate)
        self.baud.setToolTip(self.tr("Most handheld receivers send NMEA at 4800 or 9600 baud"))
        self.refresh_ports = QPushButton(self.tr("Rescan"), self)
        self.start = QPushButton(self.tr("Start"), self)
        self.pause = QPushButton(self.tr("Pause"), self)
        self.stop = QPushButton(self.tr("Stop"), self)
        self.status = QLabel(self.tr("Not logging."), self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(self.baud)
        row.addWidget(self.refresh_ports)
        row.addWidget(self.start)
        row.addWidget(self.pause)
        row.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.refresh_ports.clicked.connect(self.scan_ports)
        self.start.clicked.connect(self.start_logging)
        self.pause.clicked.connect(self.toggle_pause)
        self.stop.clicked.connect(self.stop_logging)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._play_timer = QTimer(self)
        self._play_timer.setInterval(50)
        self._play_timer.timeout.connect(self._play_some)
        self.scan_ports()
        self._update_buttons()

    def scan_ports(self) -> None:
        from PySide6.QtSerialPort import QSerialPortInfo

        self.source.clear()
        for info in QSerialPortInfo.availablePorts():
            label = f"{info.portName()} — {info.description() or info.manufacturer() or ''}".rstrip(" —")
            self.source.addItem(label, info.portName())
        self.source.addItem(self.tr("Play back a recorded NMEA log…"), PLAYBACK)

    def set_inspection(self, inspection_id: str | None, editable: bool) -> None:
        self._inspection_id = inspection_id
        # Logging adds a track: only while the inspection can still change.
        self.setVisible(inspection_id is not None and (editable or self.logging))

    @property
    def logging(self) -> bool:
        return self._logger is not None

    # -- starting and stopping ------------------------------------------------------------------------

    def start_logging(self, playback_path: Path | None = None) -> bool:
        if self.logging or self._inspection_id is None:
            return False
        source = self.source.currentData()
        if playback_path is None and source == PLAYBACK:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Recorded NMEA log"), "", self.tr("NMEA logs (*.nmea *.log *.txt);;All files (*)")
            )
            if not name:
                return False
            playback_path = Path(name)
        now = datetime.now(UTC)
        self._writer = StoreTrackWriter(
            self._ops.store,
            name=self.tr("Live log {time}").format(time=now.astimezone().strftime("%Y-%m-%d %H:%M")),
            inspection_id=self._inspection_id,
        )
        self._logger = LiveLogger(self._writer, default_date=now.date())
        if playback_path is not None:
            self._playback = playback_path.open("rb")
            self._play_timer.start()
        elif not self._open_port(str(source)):
            self._writer.close()
            self._logger = self._writer = None
            return False
        self._logger.start()
        self._tick.start()
        self._update_buttons()
        self.track_changed.emit()
        self._show(self._logger.status)
        return True

    def _open_port(self, name: str) -> bool:
        from PySide6.QtSerialPort import QSerialPort

        port = QSerialPort(name, self)
        port.setBaudRate(int(self.baud.currentData()))
        if not port.open(QIODevice.OpenModeFlag.ReadOnly):
            QMessageBox.warning(
                self,
                self.tr("GPS receiver"),
                self.tr("Cannot open {port}: {reason}").format(port=name, reason=port.errorString()),
            )
            return False
        port.readyRead.connect(self._read_port)
        port.errorOccurred.connect(self._port_error)
        self._port = port
        return True

    def toggle_pause(self) -> None:
        if self._logger is None:
            return
        if self._logger.status.state == State.PAUSED:
            self._logger.resume()
        else:
            self._logger.pause()
        self._update_buttons()
        self._show(self._logger.status)

    def stop_logging(self) -> None:
        """Stop: flush what is buffered, pack the track and compute its statistics."""
        if self._logger is None:
            return
        status = self._logger.stop()
        self._tick.stop()
        self._play_timer.stop()
        if self._port is not None:
            self._port.close()
            self._port.deleteLater()
            self._port = None
        if self._playback is not None:
            self._playback.close()
            self._playback = None
        assert self._writer is not None
        self._writer.close()
        self._logger = self._writer = None
        self._buffer = b""
        self.status.setText(self.tr("Stopped: {count} points stored.").format(count=status.stored))
        self._update_buttons()
        self.track_changed.emit()

    # -- data --------------------------------------------------------------------------------------

    def _read_port(self) -> None:
        if self._port is None:
            return
        self._feed(bytes(self._port.readAll().data()))

    def _port_error(self, error) -> None:
        from PySide6.QtSerialPort import QSerialPort

        if error == QSerialPort.SerialPortError.ResourceError and self._port is not None:
            # Unplugged: keep what was logged; the inspector can plug it in again and restart.
            self.stop_logging()
            self.status.setText(self.tr("The receiver was disconnected; the track so far is saved."))

    def _play_some(self) -> None:
        if self._playback is None:
            return
        data = b"".join(self._playback.readline() for _ in range(PLAYBACK_LINES_PER_TICK))
        if not data:
            self.stop_logging()
            return
        self._feed(data)

    def feed_lines(self, data: bytes) -> None:
        """Feed received bytes (for tests and other sources)."""
        self._feed(data)

    def _feed(self, data: bytes) -> None:
        if self._logger is None:
            return
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        if len(self._buffer) > 4096:
            self._buffer = b""  # no newline in 4 KB: not NMEA; do not let it grow
        status = None
        now = time.time()
        for raw in lines:
            status = self._logger.feed_line(raw.decode("ascii", errors="replace"), now)
        if status is not None:
            self._show(status)

    def _on_tick(self) -> None:
        if self._logger is not None:
            self._logger.tick(time.time())
            self._show(self._logger.status)

    # -- display ------------------------------------------------------------------------------------

    def _show(self, status: LiveStatus) -> None:
        if status.fix is None:
            fix = self.tr("waiting for the receiver…")
        elif not status.valid:
            fix = self.tr("no fix")
            if not math.isnan(status.last_valid_at):
                fix += " " + self.tr("(lost {seconds} s ago)").format(seconds=int(time.time() - status.last_valid_at))
        else:
            accuracy = "" if math.isnan(status.accuracy_m) else f" (±{status.accuracy_m:.0f} m)"
            qualities = {
                1: "GPS",
                2: "DGPS",
                3: "PPS",
                4: self.tr("RTK fixed"),
                5: self.tr("RTK float"),
                6: self.tr("estimated"),
            }
            fix = self.tr("{quality} fix · {sats} satellites · HDOP {hdop:.1f}{accuracy}").format(
                quality=qualities.get(status.quality, str(status.quality)),
                sats=max(0, status.satellites),
                hdop=0 if math.isnan(status.hdop) else status.hdop,
                accuracy=accuracy,
            )
        state = {
            State.RECORDING: self.tr("Recording"),
            State.PAUSED: self.tr("Paused"),
            State.STOPPED: self.tr("Stopped"),
            State.IDLE: self.tr("Idle"),
        }[status.state]
        self.status.setText(
            self.tr("{state}: {fix} · {stored} points stored in {segments} segment(s)").format(
                state=state, fix=fix, stored=status.stored, segments=max(1, status.segment)
            )
        )

    def _update_buttons(self) -> None:
        logging = self.logging
        self.start.setEnabled(not logging)
        self.source.setEnabled(not logging)
        self.baud.setEnabled(not logging)
        self.pause.setEnabled(logging)
        self.stop.setEnabled(logging)
        paused = logging and self._logger is not None and self._logger.status.state == State.PAUSED
        self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
