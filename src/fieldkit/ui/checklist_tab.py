"""The Checklist tab: sections with progress on the left, the items in one scrolling form on the right.

Every change is saved through :func:`fieldkit.services.answer_item` as it is made; the whole
checklist is then re-evaluated (a few milliseconds) so that relevance, calculated values and flags
of other items follow live.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldkit import services
from fieldkit.errors import FieldKitError
from fieldkit.services import Checklist, InspectionDetail
from fieldkit.ui.checklist_items import ItemWidget
from fieldkit.ui.operations import Operations


class ChecklistTab(QWidget):
    finding_proposed = Signal(str, str)
    """(inspection id, item id): the user asked to record the proposed finding of an item."""

    def __init__(self, ops: Operations, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._lang = language
        self._inspection_id: str | None = None
        self._template_key: tuple[str, str] | None = None
        self._checklist: Checklist | None = None
        self.items: dict[str, ItemWidget] = {}
        self._order: list[ItemWidget] = []
        self._section_headers: dict[str, QLabel] = {}
        self._findings: tuple[str, set[str]] | None = None
        self._photos: tuple[str, Counter[str]] | None = None
        ops.changed.connect(self._findings_changed)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.sections = QListWidget(self)
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.currentRowChanged.connect(self._section_chosen)
        self.form = QWidget(self)
        self.form_layout = QVBoxLayout(self.form)
        self.form_layout.setSpacing(2)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.form)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.sections)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 620])
        self.sections.setWordWrap(True)

        self.empty = QLabel(self.tr("This inspection has no checklist. Choose one when creating an inspection."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.summary)
        page_layout.addWidget(splitter, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # -- loading -----------------------------------------------------------------------------------

    def show_inspection(self, detail: InspectionDetail | None) -> None:
        same = detail is not None and detail.id == self._inspection_id
        if not same:
            self.flush()
        self._inspection_id = detail.id if detail else None
        if detail is None or detail.template_id is None:
            self._checklist = None
            self.stack.setCurrentIndex(0)
            return
        try:
            checklist = services.load_checklist(self._ops.store, detail.id, self._lang)
        except FieldKitError as exc:
            self.empty.setText(str(exc))
            self.stack.setCurrentIndex(0)
            return
        key = (checklist.compiled.template.id, checklist.compiled.template.version)
        if key != self._template_key:
            self._build(checklist)
            self._template_key = key
        self._checklist = checklist
        self._show(checklist)
        self.stack.setCurrentIndex(1)

    def _build(self, checklist: Checklist) -> None:
        while self.form_layout.count():
            child = self.form_layout.takeAt(0)
            if child.widget() is not None:
                child.widget().deleteLater()
        self.items.clear()
        self._order.clear()
        self._section_headers.clear()
        self.sections.blockSignals(True)
        self.sections.clear()
        template = checklist.compiled.template
        for section in template.sections:
            header = QLabel(f"<h3>{section.title.get(self._lang)}</h3>", self.form)
            header.setWordWrap(True)
            self.form_layout.addWidget(header)
            self._section_headers[section.id] = header
            entry = QListWidgetItem(section.title.get(self._lang))
            entry.setData(Qt.ItemDataRole.UserRole, section.id)
            self.sections.addItem(entry)
            for item in section.items:
                widget = ItemWidget(item, self._lang, self.form)
                widget.answered.connect(self._answered)
                widget.commented.connect(self._commented)
                widget.next_requested.connect(lambda w=widget: self.focus_next(w))
                widget.finding_requested.connect(
                    lambda item_id: self.finding_proposed.emit(self._inspection_id, item_id)
                )
                self.form_layout.addWidget(widget)
                self.items[item.id] = widget
                self._order.append(widget)
        self.form_layout.addStretch(1)
        self.sections.blockSignals(False)

    def _show(self, checklist: Checklist) -> None:
        state = checklist.state
        read_only = not checklist.editable
        recorded = self._recorded_findings(checklist.inspection_id)
        for item_id, widget in self.items.items():
            widget.show_state(state.items[item_id], checklist.comments.get(item_id), read_only, item_id in recorded)
        self._show_photo_counts()
        required = answered_required = answered = answerable = 0
        for row, section_state in enumerate(state.sections):
            self._section_headers[section_state.section.id].setVisible(section_state.relevant)
            entry = self.sections.item(row)
            title = section_state.section.title.get(self._lang)
            req, done = section_state.required, section_state.required_answered
            entry.setText(
                f"{title}  {done}/{req}" if req else f"{title}  {section_state.answered}/{section_state.answerable}"
            )
            entry.setHidden(not section_state.relevant)
            flagged = any(
                f.kind in ("exceedance", "constraint", "failed")
                for s in section_state.items
                for f in s.flags
                if s.relevant
            )
            entry.setForeground(Qt.GlobalColor.darkRed if flagged else Qt.GlobalColor.black)
            required += req
            answered_required += done
            answered += section_state.answered
            answerable += section_state.answerable
        exceedances = sum(1 for _s, f in state.flags if f.kind == "exceedance")
        failures = sum(1 for _s, f in state.flags if f.kind in ("failed", "constraint"))
        parts = [
            self.tr("Answered {done} of {total}").format(done=answered, total=answerable),
            self.tr("required {done} of {total}").format(done=answered_required, total=required),
        ]
        if exceedances:
            over = self.tr("{count} over the limit").format(count=exceedances)
            parts.append(f"<span style='color:#b42318'>{over}</span>")
        if failures:
            failed = self.tr("{count} failed checks").format(count=failures)
            parts.append(f"<span style='color:#b54708'>{failed}</span>")
        if read_only:
            parts.append(self.tr("read-only"))
        self.summary.setText(" · ".join(parts))

    # -- saving ------------------------------------------------------------------------------------

    def _answered(self, item_id: str, value: Any) -> None:
        self._save(item_id, value=value)

    def _commented(self, item_id: str, text: str) -> None:
        if self._checklist is not None and (self._checklist.comments.get(item_id) or "") != text.strip():
            self._save(item_id, comment=text)

    def _save(self, item_id: str, **kwargs: Any) -> None:
        if self._inspection_id is None:
            return
        result = self._ops.run(
            services.answer_item, self._inspection_id, item_id, parent=self, lang=self._lang, **kwargs
        )
        if result is None or result.state is None or self._checklist is None:
            # Refused: show what is stored again, even in the field being typed in.
            widget = self.items[item_id]
            widget._shown_key = None  # show the stored value over whatever was typed
            if widget.line is not None:
                widget.line.clearFocus()
            self._checklist = services.load_checklist(self._ops.store, self._inspection_id, self._lang)
        else:  # the write path evaluated the whole checklist already: no second read
            comments = dict(self._checklist.comments)
            if "comment" in kwargs:
                comments[item_id] = (kwargs["comment"] or "").strip()
            self._checklist = replace(self._checklist, state=result.state, comments=comments)
        self._show(self._checklist)

    def _recorded_findings(self, inspection_id: str) -> set[str]:
        """Items that already have a finding; re-read only when findings changed."""
        if self._findings is None or self._findings[0] != inspection_id:
            found = {f.item_id for f in services.list_findings(self._ops.store, inspection_id) if f.item_id}
            self._findings = (inspection_id, found)
        return self._findings[1]

    def _findings_changed(self, changes) -> None:
        if changes.touches("findings"):
            self._findings = None
        if changes.touches("photos"):
            self._photos = None
            self._show_photo_counts()

    def _show_photo_counts(self) -> None:
        """Photo items say how many photos are linked to them; re-read only when photos changed."""
        inspection_id = self._checklist.inspection_id if self._checklist else None
        if inspection_id is None:
            return
        if self._photos is None or self._photos[0] != inspection_id:
            rows = services.photos.list_photos(self._ops.store, inspection_id)
            self._photos = (inspection_id, Counter(r.item_id for r in rows if r.item_id))
        for item_id, widget in self.items.items():
            widget.show_photo_count(self._photos[1][item_id])

    def flush(self) -> None:
        for widget in self._order:
            widget.flush()

    # -- navigation --------------------------------------------------------------------------------

    def focus_next(self, current: ItemWidget) -> None:
        index = self._order.index(current)
        for widget in self._order[index + 1 :]:
            if widget.isVisibleTo(self.form) and widget.takes_focus:
                widget.focus_editor()
                self.scroll.ensureWidgetVisible(widget, 0, 60)
                return

    def focus_item(self, item_id: str) -> None:
        widget = self.items.get(item_id)
        if widget is not None:
            section = self._checklist.compiled.template.section_of[item_id] if self._checklist else None
            if section is not None:
                for row in range(self.sections.count()):
                    if self.sections.item(row).data(Qt.ItemDataRole.UserRole) == section.id:
                        self.sections.blockSignals(True)
                        self.sections.setCurrentRow(row)
                        self.sections.blockSignals(False)
            self.scroll.ensureWidgetVisible(widget, 0, 60)
            widget.focus_editor()

    def focus_first(self) -> None:
        for widget in self._order:
            if widget.isVisibleTo(self.form) and widget.takes_focus:
                widget.focus_editor()
                self.scroll.ensureWidgetVisible(widget, 0, 60)
                return

    def item_focused(self, widget: ItemWidget) -> None:
        for other in self._order:
            other.set_current(other is widget)

    def _section_chosen(self, row: int) -> None:
        if row < 0:
            return
        section_id = self.sections.item(row).data(Qt.ItemDataRole.UserRole)
        header = self._section_headers.get(section_id)
        if header is not None:
            self.scroll.verticalScrollBar().setValue(header.y())
