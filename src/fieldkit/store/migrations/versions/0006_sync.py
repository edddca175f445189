"""Sync bookkeeping: conflicts kept for a person to resolve, rejected changes, records waiting for a parent.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("local_data", sa.JSON(), nullable=False),
        sa.Column("remote", sa.JSON(), nullable=False),
        sa.Column("remote_rev", sa.Integer(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime()),
        sa.Column("resolution", sa.String(16)),
    )
    op.create_index("ix_sync_conflicts_record_id", "sync_conflicts", ["record_id"])
    op.create_table(
        "sync_issues",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("change_id", sa.String(64), nullable=False),
        sa.Column("record_updated_at", sa.DateTime()),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("detail", sa.JSON()),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("entity", "record_id", name="uq_sync_issues_record"),
    )
    op.create_table(
        "sync_parked",
        sa.Column("entity", sa.String(32), primary_key=True),
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_parked")
    op.drop_table("sync_issues")
    op.drop_index("ix_sync_conflicts_record_id", "sync_conflicts")
    op.drop_table("sync_conflicts")
