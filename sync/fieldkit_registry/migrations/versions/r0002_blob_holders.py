"""Blob holders: who proved they hold a blob's bytes (the first uploaders carried over).

Revision ID: r0002
Revises: r0001
Create Date: 2026-12-06

Frozen history: never imports model code.
"""

import sqlalchemy as sa
from alembic import op

revision = "r0002"
down_revision = "r0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob_holders",
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("blobs.sha256", name="fk_blob_holders_sha256_blobs"),
            nullable=False,
        ),
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "user_id", name="pk_blob_holders"),
    )
    # Whoever uploaded a blob before this revision holds it.
    op.execute(
        "INSERT INTO blob_holders (sha256, user_id, created_at) "
        "SELECT sha256, uploaded_by, created_at FROM blobs WHERE uploaded_by IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_table("blob_holders")
