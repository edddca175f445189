"""Waypoints from GPS files (and later marked in the field).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "waypoints",
        sa.Column("inspection_id", sa.String(36), sa.ForeignKey("inspections.id")),
        sa.Column("track_id", sa.String(36), sa.ForeignKey("tracks.id")),
        sa.Column("name", sa.String(200)),
        sa.Column("description", sa.Text()),
        sa.Column("symbol", sa.String(64)),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("elevation_m", sa.Float()),
        sa.Column("time", sa.DateTime()),
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64)),
        sa.Column("rev", sa.Integer()),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
    )
    op.create_index("ix_waypoints_inspection_id", "waypoints", ["inspection_id"])


def downgrade() -> None:
    op.drop_table("waypoints")
