"""Alembic environment of the registry: always run on a connection handed in by fieldkit_registry.migrate."""

from alembic import context
from fieldkit_registry.db import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
