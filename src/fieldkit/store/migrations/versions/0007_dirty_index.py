"""An index on the dirty marker of every synced table.

Each sync asks every synced table for its dirty rows; without an index that is a scan of the whole
table, which on a laptop holding 10k inspections cost more than the rest of an incremental sync.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = (
    "sites",
    "users",
    "templates",
    "limit_sets",
    "parameters",
    "inspections",
    "answers",
    "findings",
    "tracks",
    "waypoints",
    "photos",
    "reviews",
    "grievances",
)


def upgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_dirty", table, ["dirty"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_dirty", table_name=table)
