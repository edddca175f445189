"""Make the audit trail append-only in the database itself.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The ORM never updates or deletes audit events, but a trigger makes that a property of the file: a
bug, a script or a hand edit with the sqlite3 shell cannot rewrite history either.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
            "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
        )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_events_no_{verb}")
