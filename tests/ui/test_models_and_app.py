"""Qt models against Qt's own model checks; the app's start-up, languages and error handling."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldkit import services
from fieldkit.services import InspectionQuery
from fieldkit.store import Store
from fieldkit.store.models import Inspection, Site
from fieldkit.ui.inspection_model import InspectionTableModel, ObjectRole
from fieldkit.ui.site_model import SiteListModel
from tests.helpers import run_cli
from tests.ui.conftest import when_modal


def test_inspection_model_passes_qt_model_checks(qtmodeltester, demo_store: Store):
    model = InspectionTableModel(demo_store)
    qtmodeltester.check(model, force_py=True)
    model.sort(InspectionTableModel.SITE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_site_model_passes_qt_model_checks(qtmodeltester, demo_store: Store):
    qtmodeltester.check(SiteListModel(demo_store), force_py=True)


def test_inspection_model_loads_lazily_in_pages(qtbot, store: Store):
    with store.write("t") as session:
        site = Site(code="BIG", name="Big site")
        session.add(site)
        session.flush()
        session.add_all(Inspection(site_id=site.id, status="draft", title=f"#{i}") for i in range(1000))
    model = InspectionTableModel(store)
    assert model.rowCount() == InspectionTableModel.PAGE_SIZE
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1000
    ids = [model.index(r, 0).data(ObjectRole).id for r in range(1000)]
    assert len(set(ids)) == 1000
    model.set_query(InspectionQuery(text="#99"))
    assert {model.row_at(r).title for r in range(model.rowCount())} == {
        "#99",
        *(f"#99{i}" for i in range(10)),
    }


def test_urdu_interface_is_right_to_left_with_urdu_site_names(qtbot, make_window, demo_store: Store):
    from fieldkit.ui.application import install_translations

    app = QApplication.instance()
    translators = install_translations(app, "ur")
    try:
        window = make_window(demo_store, "ur")
        assert window.isRightToLeft() and window.view.header.isRightToLeft()
        names = [window.site_model.index(r, 0).data() for r in range(1, window.site_model.rowCount())]
        assert any("سینڈک" in n for n in names)
    finally:
        for t in translators:
            app.removeTranslator(t)
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        from fieldkit.i18n import install_translator

        install_translator(None)


def test_an_unexpected_exception_is_logged_and_shown(qtbot, tmp_path: Path, caplog):
    from fieldkit.ui.errors import install_excepthook

    log_file = tmp_path / "fieldkit.log"
    saved = sys.excepthook
    install_excepthook(log_file)
    shown = []

    def read_and_close(box):
        shown.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    try:
        when_modal(qtbot, read_and_close)
        with caplog.at_level(logging.ERROR, logger="fieldkit.ui"):
            try:
                raise RuntimeError("boom in a slot")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = saved
    assert shown and "boom in a slot" in shown[0] and str(log_file) in shown[0]
    assert "unexpected error" in caplog.text


@pytest.mark.skipif(not shutil.which("xvfb-run") or not shutil.which("xwininfo"), reason="needs xvfb-run and xwininfo")
def test_the_app_opens_a_real_window_under_xvfb(data_dir: Path):
    """What `make run` does, end to end: seed the demo, open the real window on a virtual screen."""
    assert run_cli("demo", "--quiet", data_dir=data_dir).returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    log_file = data_dir / "logs" / "fieldkit.log"
    # The window is mapped a moment before its "shown" line is logged: wait for both before stopping it.
    script = (
        f'"{sys.executable}" -m fieldkit --data-dir "{data_dir}" gui & pid=$!; '
        "for i in $(seq 1 150); do "
        '  if xwininfo -root -tree | grep -q "\\"FieldKit\\"" '
        f'&& grep -q "main window shown" "{log_file}" 2>/dev/null; then kill $pid; wait $pid; exit 0; fi; '
        "  sleep 0.2; "
        "done; kill $pid; exit 1"
    )
    started = time.monotonic()
    result = subprocess.run(
        ["xvfb-run", "-a", "sh", "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "main window shown" in log_file.read_text()
    assert time.monotonic() - started < 110


def test_site_names_follow_the_interface_language(demo_store: Store):
    model = SiteListModel(demo_store, "zh")
    names = [model.index(r, 0).data() for r in range(1, model.rowCount())]
    assert any(n.startswith("山达克") for n in names)
    assert services.get_site(demo_store, "SDK").name == "Saindak Copper-Gold Project"
