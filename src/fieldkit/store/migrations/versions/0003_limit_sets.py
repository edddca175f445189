"""Limit sets and the parameter catalogue, as synced data.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64)),
        sa.Column("rev", sa.Integer()),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
    ]


def upgrade() -> None:
    op.create_table(
        "limit_sets",
        sa.Column("set_id", sa.String(100), nullable=False, unique=True),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        *_sync_columns(),
    )
    op.create_table(
        "parameters",
        sa.Column("param_id", sa.String(64), nullable=False, unique=True),
        sa.Column("label", sa.JSON(), nullable=False),
        *_sync_columns(),
    )


def downgrade() -> None:
    op.drop_table("parameters")
    op.drop_table("limit_sets")
