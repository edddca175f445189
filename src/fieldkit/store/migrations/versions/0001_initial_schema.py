"""Initial schema: sites, users, templates, inspections and what hangs off them.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Frozen history: this file describes the schema as it was first shipped and never imports model code.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    """The columns every synced entity carries (see fieldkit.store.models.SyncMixin)."""
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64)),
        sa.Column("rev", sa.Integer()),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
    ]


def _synced_table(name: str, *columns: sa.Column | sa.Constraint) -> None:
    op.create_table(name, *columns, *_sync_columns())


def _index(table: str, *columns: str, name: str | None = None) -> None:
    op.create_index(name or f"ix_{table}_{columns[0]}", table, list(columns))


def upgrade() -> None:
    op.create_table(
        "local_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.JSON()),
    )
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(64)),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
    )
    _index("audit_events", "entity_id")

    _synced_table(
        "sites",
        sa.Column("code", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("operator", sa.String(200)),
        sa.Column("partners", sa.JSON(), nullable=False),
        sa.Column("commodity", sa.String(100)),
        sa.Column("province", sa.String(100)),
        sa.Column("district", sa.String(100)),
        sa.Column("licence_no", sa.String(100)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("boundary", sa.JSON()),
        sa.Column("limit_sets", sa.JSON(), nullable=False),
        sa.Column("local_names", sa.JSON(), nullable=False),
    )
    _synced_table(
        "users",
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("site_codes", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    _synced_table(
        "templates",
        sa.Column("form_id", sa.String(100), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.UniqueConstraint("form_id", "version", name="uq_templates_form_version"),
    )
    _synced_table(
        "inspections",
        sa.Column("site_id", sa.String(36), sa.ForeignKey("sites.id"), nullable=False),
        sa.Column("template_id", sa.String(36), sa.ForeignKey("templates.id")),
        sa.Column("inspector_id", sa.String(36), sa.ForeignKey("users.id")),
        sa.Column("title", sa.String(200)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("planned_at", sa.DateTime()),
        sa.Column("started_at", sa.DateTime()),
        sa.Column("finished_at", sa.DateTime()),
        sa.Column("weather", sa.String(200)),
        sa.Column("temperature_c", sa.Float()),
        sa.Column("notes", sa.Text()),
    )
    _index("inspections", "site_id", "started_at", name="ix_inspections_site_started")
    _synced_table(
        "answers",
        sa.Column("inspection_id", sa.String(36), sa.ForeignKey("inspections.id"), nullable=False),
        sa.Column("item_id", sa.String(100), nullable=False),
        sa.Column("value", sa.JSON()),
        sa.Column("unit", sa.String(32)),
        sa.Column("comment", sa.Text()),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.UniqueConstraint("inspection_id", "item_id", name="uq_answers_inspection_item"),
    )
    _index("answers", "inspection_id")
    _synced_table(
        "findings",
        sa.Column("inspection_id", sa.String(36), sa.ForeignKey("inspections.id"), nullable=False),
        sa.Column("item_id", sa.String(100)),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("description", sa.Text()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("corrective_action", sa.Text()),
        sa.Column("responsible", sa.String(200)),
        sa.Column("due_date", sa.Date()),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("follows_id", sa.String(36), sa.ForeignKey("findings.id")),
    )
    _index("findings", "inspection_id")
    _synced_table(
        "tracks",
        sa.Column("inspection_id", sa.String(36), sa.ForeignKey("inspections.id")),
        sa.Column("name", sa.String(200)),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("source_name", sa.String(255)),
        sa.Column("point_count", sa.Integer(), nullable=False),
        sa.Column("segment_count", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime()),
        sa.Column("ended_at", sa.DateTime()),
        sa.Column("stats", sa.JSON(), nullable=False),
    )
    _index("tracks", "inspection_id")
    op.create_table(
        "track_chunks",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("track_id", sa.String(36), sa.ForeignKey("tracks.id", ondelete="CASCADE"), nullable=False),
        sa.Column("segment", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("point_count", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.UniqueConstraint("track_id", "segment", "seq", name="uq_track_chunks_position"),
    )
    _index("track_chunks", "track_id")
    _synced_table(
        "photos",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("original_name", sa.String(255)),
        sa.Column("media_type", sa.String(64)),
        sa.Column("byte_size", sa.Integer()),
        sa.Column("width", sa.Integer()),
        sa.Column("height", sa.Integer()),
        sa.Column("taken_at", sa.DateTime()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("altitude_m", sa.Float()),
        sa.Column("bearing_deg", sa.Float()),
        sa.Column("position_source", sa.String(16)),
        sa.Column("camera_make", sa.String(100)),
        sa.Column("camera_model", sa.String(100)),
        sa.Column("orientation", sa.Integer()),
        sa.Column("caption", sa.Text()),
        sa.Column("inspection_id", sa.String(36), sa.ForeignKey("inspections.id")),
        sa.Column("item_id", sa.String(100)),
        sa.Column("finding_id", sa.String(36), sa.ForeignKey("findings.id")),
        sa.Column("thumbnail", sa.LargeBinary()),
        sa.Column("blob_synced", sa.Boolean(), nullable=False),
    )
    _index("photos", "inspection_id")
    _index("photos", "sha256")
    _synced_table(
        "reviews",
        sa.Column("inspection_id", sa.String(36), sa.ForeignKey("inspections.id"), nullable=False),
        sa.Column("reviewer", sa.String(64), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("comment", sa.Text()),
        sa.Column("item_comments", sa.JSON(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
    )
    _index("reviews", "inspection_id")
    _synced_table(
        "grievances",
        sa.Column("site_id", sa.String(36), sa.ForeignKey("sites.id"), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("village", sa.String(200)),
        sa.Column("category", sa.String(64)),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("complainant", sa.String(200)),
        sa.Column("response", sa.Text()),
        sa.Column("status", sa.String(16), nullable=False),
    )
    _index("grievances", "site_id")


def downgrade() -> None:
    for table in (
        "grievances",
        "reviews",
        "photos",
        "track_chunks",
        "tracks",
        "findings",
        "answers",
        "inspections",
        "templates",
        "users",
        "sites",
        "audit_events",
        "local_meta",
    ):
        op.drop_table(table)
