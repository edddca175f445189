"""The review workflow: draft → submitted → approved | returned → submitted ...

Submitting checks the checklist; approving and returning are a supervisor's decisions, recorded as
reviews. Every status change lands in the audit trail (see fieldkit.store.audit).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldkit.errors import ValidationError
from fieldkit.i18n import translate
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.services.inspections import _load, status_label
from fieldkit.store import Store
from fieldkit.store.models import INSPECTION_STATUSES, Inspection, Review, User
from fieldkit.store.types import utcnow

REVIEWER_ROLES = ("supervisor", "admin")


class SubmissionBlocked(ValidationError):
    """The checklist has required items unanswered or answers that fail their checks."""

    def __init__(self, problems: list[Any]) -> None:
        self.problems = problems
        lines = [f"- {p.label}: {p.message}" for p in problems[:10]]
        if len(problems) > 10:
            lines.append(translate("Inspections", "… and {count} more").format(count=len(problems) - 10))
        super().__init__(
            translate("Inspections", "The inspection cannot be submitted yet ({count} problems):").format(
                count=len(problems)
            )
            + "\n"
            + "\n".join(lines)
        )


#: Status changes a person may make: from -> allowed targets.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("submitted",),
    "submitted": ("approved", "returned"),
    "returned": ("submitted",),
    "approved": (),
}


def _user(session: Session, username: str | None) -> User | None:
    if username is None:
        return None
    return session.scalar(select(User).where(User.username == username))


def set_status(
    store: Store, inspection_id: str, status: str, *, comment: str | None = None, actor: str | None = None
) -> ChangeSet:
    """Move an inspection along its workflow (draft → submitted → approved | returned → submitted).

    Approving and returning are a reviewer's decisions: they need a supervisor or admin as the
    actor (when the actor is a known user) and are recorded as a :class:`Review`; returning needs
    a comment saying what to correct.
    """
    if status not in INSPECTION_STATUSES:
        raise ValidationError(translate("Inspections", "Unknown status {status!r}.").format(status=status))
    with store.write(actor) as session:
        return apply_status(session, _load(session, inspection_id), status, comment, actor or store.current_user)


def apply_status(
    session: Session,
    inspection: Inspection,
    status: str,
    comment: str | None,
    who: str | None,
    at: datetime | None = None,
    check_checklist: bool = True,
) -> ChangeSet:
    """:func:`set_status` inside an open write session (for callers that batch several changes).

    ``at`` is when the decision was made (default: now); records imported from paper use it.
    """
    old = inspection.status
    if status not in TRANSITIONS[old]:
        raise ValidationError(
            translate("Inspections", "An inspection that is {old} cannot become {new}.").format(
                old=status_label(old).lower(), new=status_label(status).lower()
            )
        )
    if status == "submitted" and inspection.template_id is not None and check_checklist:
        from fieldkit.services.checklists import problems_in

        problems = problems_in(session, inspection)
        if problems:
            raise SubmissionBlocked(problems)
    changes = [Change("inspections", inspection.id, "status", {"status": (old, status)})]
    if status in ("approved", "returned"):
        user = _user(session, who)
        if user is not None and user.role not in REVIEWER_ROLES:
            raise ValidationError(translate("Inspections", "Only a supervisor can approve or return an inspection."))
        if status == "returned" and not (comment or "").strip():
            raise ValidationError(translate("Inspections", "Say what must be corrected when returning an inspection."))
        review = Review(
            inspection_id=inspection.id,
            reviewer=who or "",
            decision=status,
            comment=(comment or "").strip() or None,
            reviewed_at=at or utcnow(),
        )
        session.add(review)
        session.flush()
        changes.append(Change("reviews", review.id, "created"))
    if status == "submitted" and inspection.finished_at is None:
        inspection.finished_at = at or utcnow()
        changes[0].fields["finished_at"] = (None, inspection.finished_at)
    inspection.status = status
    session.flush()
    return ChangeSet(tuple(changes))
