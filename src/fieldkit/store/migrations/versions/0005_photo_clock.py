"""What the camera's clock said, and each inspection's camera clock correction.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.add_column(sa.Column("camera_time", sa.String(32)))
        batch.add_column(sa.Column("camera_utc_offset", sa.String(8)))
    with op.batch_alter_table("inspections") as batch:
        batch.add_column(sa.Column("camera_offset_s", sa.Float()))


def downgrade() -> None:
    with op.batch_alter_table("inspections") as batch:
        batch.drop_column("camera_offset_s")
    with op.batch_alter_table("photos") as batch:
        batch.drop_column("camera_utc_offset")
        batch.drop_column("camera_time")
