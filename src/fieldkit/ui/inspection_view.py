"""The right-hand side of the main window: one inspection, its status actions and its tabs.

Later features add tabs with :meth:`InspectionView.add_tab`; each tab is a widget with a
``show_inspection(detail)`` method.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldkit import services
from fieldkit.services import InspectionDetail
from fieldkit.ui.checklist_tab import ChecklistTab
from fieldkit.ui.findings_tab import FindingsTab
from fieldkit.ui.gallery_tab import GalleryTab
from fieldkit.ui.header_form import HeaderForm
from fieldkit.ui.inspection_model import STATUS_COLOURS
from fieldkit.ui.operations import Operations
from fieldkit.ui.report_tab import ReportTab
from fieldkit.ui.track_tab import TrackTab


class InspectionView(QWidget):
    status_requested = Signal(str, str)

    def __init__(
        self, ops: Operations, language: str = "en", settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._detail: InspectionDetail | None = None

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(self)
        self.sync_state = QLabel(self)
        self.sync_state.setObjectName("syncState")
        self.review = QLabel(self)
        self.review.setWordWrap(True)
        self.review.setObjectName("reviewBanner")
        self.review.setStyleSheet(
            "QLabel#reviewBanner { background: #fff4e5; border: 1px solid #f0b36b; padding: 6px; }"
        )
        self.submit = QPushButton(self.tr("Submit for review"), self)
        self.approve = QPushButton(self.tr("Approve"), self)
        self.return_ = QPushButton(self.tr("Return for correction…"), self)
        self.submit.clicked.connect(lambda: self._request("submitted"))
        self.approve.clicked.connect(lambda: self._request("approved"))
        self.return_.clicked.connect(lambda: self._request("returned"))

        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addWidget(self.sync_state)
        status_row.addStretch(1)
        for button in (self.submit, self.approve, self.return_):
            status_row.addWidget(button)

        self.header = HeaderForm(ops, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.header, self.tr("&Header"))
        self._tabs: list[QWidget] = [self.header]
        self.checklist = ChecklistTab(ops, language, self)
        self.add_tab(self.checklist, self.tr("&Checklist"))
        self.findings = FindingsTab(ops, self)
        self.add_tab(self.findings, self.tr("F&indings"))
        self.checklist.finding_proposed.connect(self._record_proposed_finding)
        self.track = TrackTab(ops, settings, self)
        self.add_tab(self.track, self.tr("&Track"))
        self.gallery = GalleryTab(ops, language, settings, self)
        self.add_tab(self.gallery, self.tr("&Photos"))
        self.report = ReportTab(ops, language, settings, self)
        self.add_tab(self.report, self.tr("&Report"))

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.heading)
        layout.addLayout(status_row)
        layout.addWidget(self.review)
        layout.addWidget(self.tabs, 1)

        self.placeholder = QLabel(
            self.tr("Select an inspection on the left, or press Ctrl+N to start a new one."), self
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def add_tab(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)
        self._tabs.append(widget)

    @property
    def inspection_id(self) -> str | None:
        return self._detail.id if self._detail else None

    def show_inspection(self, detail: InspectionDetail | None) -> None:
        self._detail = detail
        if detail is None:
            self.header.show_inspection(None)
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.heading.setText(detail.title or self.tr("(untitled inspection)"))
        colour = STATUS_COLOURS.get(detail.status)
        label = services.status_label(detail.status)
        self.status.setText(f"<b style='color:{colour.name() if colour else '#000'}'>{label}</b> · {detail.site_name}")
        self.sync_state.setText(self.tr("· not yet synced") if detail.dirty else self.tr("· synced"))
        me = services.current_user(self._ops.store)
        reviewer = me is None or me.role in ("supervisor", "admin")
        self.submit.setVisible(detail.status in ("draft", "returned"))
        self.approve.setVisible(detail.status == "submitted" and reviewer)
        self.return_.setVisible(detail.status == "submitted" and reviewer)
        review = detail.last_review
        if detail.status == "returned" and review is not None:
            self.review.setText(
                self.tr("Returned by {name} on {when}: {comment}").format(
                    name=review.reviewer_name,
                    when=review.reviewed_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    comment=review.comment or "",
                )
            )
            self.review.show()
        elif detail.status in ("submitted", "approved"):
            self.review.setText(
                self.tr("Read-only: approved.")
                if detail.status == "approved"
                else self.tr("Read-only until a supervisor returns it for correction.")
            )
            self.review.show()
        else:
            self.review.hide()
        for tab in self._tabs:
            tab.show_inspection(detail)

    def flush(self) -> None:
        """Save anything typed but not yet written (before switching inspections or closing)."""
        for tab in self._tabs:
            tab.flush()

    def show_item(self, item_id: str) -> None:
        """Bring a checklist item into view with the keyboard on it (from the submit problems list)."""
        self.tabs.setCurrentWidget(self.checklist)
        self.checklist.focus_item(item_id)

    def _record_proposed_finding(self, inspection_id: str, item_id: str) -> None:
        checklist = services.load_checklist(self._ops.store, inspection_id)
        proposal = checklist.state.items[item_id].proposal
        values = {"item_id": item_id}
        if proposal is not None:
            values.update(title=proposal.title, severity=proposal.severity, description=proposal.description)
        if self.findings.new_finding(values):
            self.checklist.show_inspection(self._detail)

    def _request(self, status: str) -> None:
        if self._detail is None:
            return
        self.flush()
        comment = ""
        if status == "returned":
            comment, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Return for correction"),
                self.tr("What must the inspector correct?"),
            )
            if not ok:
                return
        self.status_requested.emit(status, comment)
