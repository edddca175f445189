"""Filling a checklist as an inspector does: with the keyboard only, readings checked as typed."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QListWidget

from fieldkit import services
from fieldkit.demo.checklists import generate_answers
from fieldkit.services.library import compiled_template, limit_sets_for
from fieldkit.store import Store
from fieldkit.store.models import Site
from fieldkit.ui.checklist_items import ItemWidget
from tests.ui.conftest import when_modal


def _new_inspection(store: Store, form: str, site: str = "THR") -> str:
    site_id = services.get_site(store, site).id
    template_id = services.template_id_for(store, form)
    return services.create_inspection(
        store, site_id, template_id=template_id, title=f"Keyboard {form}", started_at=datetime.now(UTC)
    ).created_id


def _plan(store: Store, inspection_id: str, overrides: dict) -> dict:
    """Answers a careful inspector would give (from the demo generator), with our overrides."""
    detail = services.get_inspection(store, inspection_id)
    with store.read() as session:
        compiled = compiled_template(session, detail.template_id)
        site = session.get(Site, detail.site_id)
        limit_sets = limit_sets_for(session, list(site.limit_sets))
    plan = generate_answers(
        compiled,
        limit_sets,
        overrides=overrides,
        share=1.0,
        seed="keyboard",
        when=datetime.now(UTC),
        who="Ayesha Baloch",
        gps={"lat": 24.8, "lon": 70.3},
    )
    return plan


def _current(tab) -> ItemWidget | None:
    focus = QApplication.focusWidget()
    while focus is not None and not isinstance(focus, ItemWidget):
        focus = focus.parentWidget()
    return focus


def _type_answer(qtbot, widget: ItemWidget, value) -> None:
    item = widget.item
    focus = QApplication.focusWidget()
    if item.type == "yes_no":
        qtbot.keyClick(widget, {"yes": Qt.Key.Key_1, "no": Qt.Key.Key_2, "na": Qt.Key.Key_3}[value])
    elif item.type == "select_one" and widget.group is not None:
        qtbot.keyClick(widget, Qt.Key.Key_0 + item.choice_values.index(value) + 1)
    elif item.type == "select_one":
        for _ in range(item.choice_values.index(value) + 1):
            qtbot.keyClick(focus, Qt.Key.Key_Down)
    elif item.type == "select_many":
        for box in widget.checks:
            if box.property("value") in value:
                box.setFocus()
                qtbot.keyClick(box, Qt.Key.Key_Space)
    elif item.type in ("integer", "decimal", "text", "gps"):
        text = f"{value['lat']}, {value['lon']}" if item.type == "gps" else str(value)
        qtbot.keyClicks(focus, text)
    elif item.type == "signature":
        qtbot.keyClicks(focus, value["name"])
    elif item.type in ("datetime", "date"):
        qtbot.keyClick(focus, Qt.Key.Key_N)


def test_a_whole_checklist_by_keyboard_flags_an_exceedance_and_keeps_every_answer(
    qtbot, make_window, demo_store: Store
):
    inspection_id = _new_inspection(demo_store, "noise-survey")
    overrides = {
        "zone": "residential",
        "period": "night",
        "laeq": 52.3,
        "rain": "no",
        "cal_before": 94.0,
        "cal_after": 94.1,
        "background_laeq": 40.0,
        "wind_speed": 2.0,
        "duration_minutes": 60,
    }
    plan = _plan(demo_store, inspection_id, overrides)
    window = make_window(demo_store)
    window.refresh()
    window._select(inspection_id)
    view = window.view
    view.tabs.setCurrentWidget(view.checklist)
    tab = view.checklist
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.focus_first()

    typed: dict[str, object] = {}
    for _ in range(200):
        widget = _current(tab)
        assert widget is not None, f"the keyboard lost its place after {list(typed)[-3:]}: {QApplication.focusWidget()}"
        item = widget.item
        if item.id in plan and item.id not in typed:
            _type_answer(qtbot, widget, plan[item.id])
            typed[item.id] = plan[item.id]
        if item.id == "remarks":
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            assert widget.comment.hasFocus()
            qtbot.keyClicks(widget.comment, "Dogs barking at the receptor during the survey")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        if _current(tab) is widget:  # Enter did not move on: the last item
            break

    checklist = services.load_checklist(demo_store, inspection_id)
    state = checklist.state
    stored = {k: s.value for k, s in state.items.items() if s.value is not None and s.item.answerable}
    expected = {k: v for k, v in plan.items() if state.items[k].relevant and state.items[k].item.type != "photo"}
    for key, value in expected.items():
        item = state.items[key].item
        if item.type in ("datetime", "date"):
            assert stored.get(key), key  # "now" typed with N
        elif item.type == "signature":
            assert stored[key]["name"] == value["name"]
        else:
            assert stored.get(key) == value, key
    assert checklist.comments.get("remarks") == "Dogs barking at the receptor during the survey"

    # The reading over the night limit is flagged in place, with a finding proposed.
    laeq = tab.items["laeq"]
    assert laeq.flags.isVisible() and "exceeds 45 dB(A)" in laeq.flags.text()
    assert laeq.finding_button.isVisible() and laeq.finding_button.isEnabled()

    def record(dialog):
        assert "exceeds 45 dB(A)" in dialog.form.title.text()
        dialog.form.responsible.setText("SECMC Mining Operations")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(qtbot, record)
    qtbot.mouseClick(laeq.finding_button, Qt.MouseButton.LeftButton)
    findings = services.list_findings(demo_store, inspection_id)
    assert [(f.item_id, f.responsible) for f in findings] == [("laeq", "SECMC Mining Operations")]
    assert laeq.finding_button.text() == "Finding recorded"

    # Restart: every answer is still there, shown in the form.
    window.close()
    again = make_window(demo_store)
    again.refresh()
    again._select(inspection_id)
    tab2 = again.view.checklist
    assert tab2.items["laeq"].line.text() == "52.3"
    assert tab2.items["zone"].group.checkedButton().property("value") == "residential"
    assert "exceeds 45 dB(A)" in tab2.items["laeq"].flags.text()
    reloaded = services.load_checklist(demo_store, inspection_id).state
    assert {k: s.value for k, s in reloaded.items.items() if s.value is not None and s.item.answerable} == stored


def test_relevance_hides_and_shows_items_live(qtbot, make_window, demo_store: Store):
    inspection_id = _new_inspection(demo_store, "effluent-sampling", "SDK")
    window = make_window(demo_store)
    window.refresh()
    window._select(inspection_id)
    tab = window.view.checklist
    lead = tab.items["lead"]
    assert not lead.isVisibleTo(tab)
    tab.items["sample_taken"].choose_option(1)  # yes
    tab.items["lab_results_received"].choose_option(1)  # yes
    assert lead.isVisibleTo(tab)
    tab.items["lab_results_received"].choose_option(2)  # no
    assert not lead.isVisibleTo(tab)


def test_a_value_that_does_not_fit_is_refused_and_the_field_shows_what_is_stored(qtbot, make_window, demo_store: Store):
    inspection_id = _new_inspection(demo_store, "noise-survey")
    window = make_window(demo_store)
    window.refresh()
    window._select(inspection_id)
    tab = window.view.checklist
    laeq = tab.items["laeq"]
    messages = []

    def dismiss(box):
        messages.append(box.text())
        box.close()

    when_modal(qtbot, dismiss)
    laeq.line.setFocus()
    qtbot.keyClicks(laeq.line, "loud")
    qtbot.keyClick(laeq.line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(messages))
    assert "'loud' is not a number" in messages[0]
    assert laeq.line.text() == ""  # the field shows what is stored again
    assert services.load_checklist(demo_store, inspection_id).state.items["laeq"].value is None


def test_submitting_an_incomplete_checklist_lists_the_problems_with_links(qtbot, make_window, demo_store: Store):
    inspection_id = _new_inspection(demo_store, "noise-survey")
    window = make_window(demo_store)
    window.refresh()
    window._select(inspection_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = []

    def go_to_first(dialog):
        problems = dialog.findChild(QListWidget)
        seen.append(problems.count())
        problems.setCurrentRow(0)
        problems.itemActivated.emit(problems.currentItem())

    when_modal(qtbot, go_to_first)
    qtbot.mouseClick(window.view.submit, Qt.MouseButton.LeftButton)
    assert seen and seen[0] > 5
    assert services.get_inspection(demo_store, inspection_id).status == "draft"
    assert window.view.tabs.currentWidget() is window.view.checklist
    qtbot.waitUntil(lambda: _current(window.view.checklist) is not None, timeout=2000)
    focused = _current(window.view.checklist)
    assert focused.item.required
