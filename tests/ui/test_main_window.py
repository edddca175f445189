"""The main window as an inspector uses it: keyboard, autosave, dialogs, state across restarts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from fieldkit import services
from fieldkit.store import Store
from fieldkit.ui.header_form import SAVE_DELAY_MS
from fieldkit.ui.inspection_model import InspectionTableModel
from tests.ui.conftest import when_modal


def _titles(window) -> list[str]:
    model = window.model
    return [model.row_at(r).title for r in range(model.rowCount())]


def test_opens_with_the_demo_sites_and_inspections(window, demo_store: Store):
    names = [window.site_model.index(r, 0).data() for r in range(window.site_model.rowCount())]
    assert names[0].startswith("All sites (14)")
    assert any(n.startswith("Saindak Copper-Gold Project") for n in names)
    assert any(n.startswith("Duddar Lead-Zinc Mine") for n in names)
    assert window.model.rowCount() == 14
    assert window.view.inspection_id == window.model.row_at(0).id  # first row shown
    assert str(demo_store.data_dir) in window.data_dir_label.text()
    assert window.count_label.text() == "14 inspections"


def test_choosing_a_site_shows_only_its_inspections(window, qtbot):
    row = next(r for r in range(1, window.site_model.rowCount()) if window.site_model.site_at(r).code == "DDR")
    window.site_list.setCurrentIndex(window.site_model.index(row, 0))
    assert {window.model.row_at(r).site_code for r in range(window.model.rowCount())} == {"DDR"}
    assert window.count_label.text() == "2 inspections"


def test_ctrl_f_filters_as_you_type(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter.hasFocus()
    qtbot.keyClicks(window.filter, "noise")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert _titles(window) == ["Noise survey at Islamkot road receptors"]
    qtbot.keyClick(window.filter, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.filter, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.model.rowCount() == 14)


def test_typing_in_a_field_is_autosaved_and_survives_a_restart(window, qtbot, make_window, demo_store: Store):
    draft = next(
        window.model.row_at(r) for r in range(window.model.rowCount()) if window.model.row_at(r).status == "draft"
    )
    window._select(draft.id)
    title = window.view.header.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Dust round after the storm")
    # Saved shortly after typing stops, without leaving the field or pressing anything.
    qtbot.waitUntil(
        lambda: services.get_inspection(demo_store, draft.id).title == "Dust round after the storm",
        timeout=SAVE_DELAY_MS * 5,
    )
    assert title.hasFocus() and title.text() == "Dust round after the storm"  # not reloaded under the cursor
    assert window.saved_label.text() == "All changes saved"
    notes = window.view.header.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Visibility under 200 m")
    window.close()  # closing flushes what is still pending
    assert services.get_inspection(demo_store, draft.id).notes.endswith("Visibility under 200 m")

    again = make_window(demo_store)
    assert again.view.inspection_id == draft.id  # the selection is restored
    assert again.view.header.title.text() == "Dust round after the storm"
    assert again.view.header.notes.toPlainText().endswith("Visibility under 200 m")


def test_ctrl_n_creates_an_inspection_at_the_selected_site(window, qtbot, demo_store: Store):
    row = next(r for r in range(1, window.site_model.rowCount()) if window.site_model.site_at(r).code == "THR")
    window.site_list.setCurrentIndex(window.site_model.index(row, 0))

    def fill(dialog):
        assert dialog.site.currentText().startswith("Thar Coal Block II")
        dialog.title.setText("Overburden dump stability walk")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.view.heading.text() == "Overburden dump stability walk")
    new_id = window.view.inspection_id
    detail = services.get_inspection(demo_store, new_id)
    assert (detail.site_code, detail.status, detail.inspector) == ("THR", "draft", "Ayesha Baloch")
    assert detail.started_at is not None  # "start now" is the default when on site
    assert "Overburden dump stability walk" in _titles(window)


def test_delete_asks_first_and_can_be_undone(window, qtbot, demo_store: Store):
    victim = window.view.inspection_id
    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    window.delete_action.trigger()
    assert victim in {r.id for r in services.all_inspections(demo_store)}

    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.delete_action.trigger()
    assert victim not in {r.id for r in services.all_inspections(demo_store)}
    assert window.model.rowCount() == 13 and window.view.inspection_id != victim

    window.undo_delete_action.trigger()
    assert victim in {r.id for r in services.all_inspections(demo_store)}
    assert window.view.inspection_id == victim


def test_submitting_makes_the_inspection_read_only(window, qtbot, demo_store: Store):
    site = services.get_site(demo_store, "SDK").id
    draft_id = services.create_inspection(demo_store, site, title="Walk without a checklist").created_id
    window.refresh()
    window._select(draft_id)
    draft = services.get_inspection(demo_store, draft_id)
    assert window.view.submit.isVisible() and not window.view.header.title.isReadOnly()
    qtbot.mouseClick(window.view.submit, Qt.MouseButton.LeftButton)
    assert services.get_inspection(demo_store, draft.id).status == "submitted"
    assert window.view.header.title.isReadOnly()
    assert not window.view.submit.isVisible()
    assert "Read-only" in window.view.review.text()


def test_a_returned_inspection_shows_the_supervisors_comment(window, demo_store: Store):
    returned = next(r for r in services.all_inspections(demo_store) if r.status == "returned")
    window._select(returned.id)
    assert "Returned by Farhan Qureshi" in window.view.review.text()
    assert "stock reconciliation" in window.view.review.text()
    assert not window.view.header.title.isReadOnly()


def test_f5_reloads_changes_made_elsewhere(window, qtbot, demo_store: Store):
    site = services.get_site(demo_store, "SDK").id
    services.create_inspection(demo_store, site, title="Made by the CLI meanwhile")
    assert "Made by the CLI meanwhile" not in _titles(window)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "Made by the CLI meanwhile" in _titles(window)


def test_window_geometry_and_site_survive_a_restart(window, make_window, demo_store: Store, settings_path: Path):
    # A size the window can take on this screen (the offscreen screen is small) and is not its default.
    screen = window.screen().availableGeometry()
    low = window.minimumSizeHint()
    size = ((low.width() + screen.width()) // 2, (low.height() + screen.height()) // 2)
    window.resize(*size)
    size = (window.width(), window.height())  # what the window could take (never below its minimum)
    row = next(r for r in range(1, window.site_model.rowCount()) if window.site_model.site_at(r).code == "SDK")
    window.site_list.setCurrentIndex(window.site_model.index(row, 0))
    window.close()
    assert settings_path.exists()
    again = make_window(demo_store)
    assert (again.width(), again.height()) == size
    assert again.current_site_id() == services.get_site(demo_store, "SDK").id


def test_table_sorts_by_site_then_by_date(window):
    window.table.sortByColumn(InspectionTableModel.SITE, Qt.SortOrder.AscendingOrder)
    names = [window.model.row_at(r).site_name for r in range(window.model.rowCount())]
    assert names == sorted(names)
    window.table.sortByColumn(InspectionTableModel.DATE, Qt.SortOrder.DescendingOrder)
    dates = [(r.started_at or r.planned_at) for r in (window.model.row_at(i) for i in range(window.model.rowCount()))]
    assert dates == sorted(dates, reverse=True)
