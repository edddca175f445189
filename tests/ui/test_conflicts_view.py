"""The conflicts inbox against a real registry: decided from the keyboard, and the changes the registry
refused listed with their reasons."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fieldkit import services
from fieldkit.store.models import Inspection
from fieldkit.sync.conflicts import list_conflicts
from fieldkit.sync.engine import SyncEngine
from fieldkit.ui.conflicts_dialog import ConflictsDialog
from fieldkit.ui.operations import Operations
from tests.registry_process import running_registry
from tests.ui.test_sync_ui import _conflicting_stores


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    with running_registry(tmp_path_factory.mktemp("registry")) as reg:
        yield reg


def test_refused_changes_and_keyboard_decisions(qtbot, tmp_path: Path, registry):
    a, b, iid = _conflicting_stores(tmp_path, registry)
    with b.write() as session:  # submitted with its required items unanswered: the registry refuses it
        session.get(Inspection, iid).status = "draft"
    site = services.get_site(b, "SDK")
    form = next(f for f in services.list_forms(b) if f["id"] == "effluent-sampling")
    refused = services.create_inspection(b, site.id, template_id=form["template_id"], title="Night round").created_id
    with b.write() as session:
        session.get(Inspection, refused).status = "submitted"
    assert SyncEngine(b).run().rejected == 1

    dialog = ConflictsDialog(b, Operations(b))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.tabs.tabText(0) == "Conflicts (3)"
    assert dialog.tabs.tabText(1) == "Refused by the registry (1)"
    assert dialog.issues.rowCount() == 1 and not dialog.no_issues.isVisibleTo(dialog)
    assert dialog.issues.item(0, 0).text().startswith("Inspection 'Night round' at Saindak Copper-Gold Project (SDK)")
    why = dialog.issues.item(0, 1).text()
    assert why.startswith("Required items are not answered: ") and "Location of the sampling point" in why
    assert dialog.issues.editTriggers() == dialog.issues.EditTrigger.NoEditTriggers  # read-only

    # The answer conflicts: the lead reading with its unit, decided from the keyboard.
    lead = next(i for i, v in enumerate(dialog.views) if v.label.startswith("Answer to 'Lead (total)'"))
    dialog.list.setCurrentItem(dialog.list.topLevelItem(lead))
    assert dialog.differing_fields() == ["value"]
    assert [dialog.diff.item(0, c).text() for c in range(3)] == ["Answer", "0.4 mg/L", "0.3 mg/L"]
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Show all fields (an animated click)
    qtbot.waitUntil(dialog.show_all.isChecked)
    assert dialog.diff.rowCount() > 1
    shown = [dialog.diff.item(r, 0).text() for r in range(dialog.diff.rowCount())]
    assert {"Checklist item", "Inspection", "Unit", "Comment", "Checks"} <= set(shown)
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Take Theirs
    qtbot.waitUntil(lambda: dialog.resolved == 1)
    assert len(list_conflicts(b)) == 2
    assert dialog.tabs.tabText(0) == "Conflicts (2)"
    if os.environ.get("FIELDKIT_SCREENSHOTS_DEBUG"):
        dialog.tabs.setCurrentIndex(1)
        qtbot.wait(50)
        dialog.grab().save(os.environ["FIELDKIT_SCREENSHOTS_DEBUG"])
    a.close()
    b.close()
