"""The demo made on two machines is the same records with the same ids (the registry's demo relies on it)."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from fieldkit.demo import seed_demo
from fieldkit.store import Store
from fieldkit.store.models import SYNCED_ENTITIES
from fieldkit.store.types import derived_ids, new_id

BOOKKEEPING = {"dirty", "rev", "blob_synced", "thumbnail", "created_at", "updated_at", "updated_by"}


def _records(store: Store) -> dict[tuple[str, str], dict]:
    with store.read() as session:
        return {
            (model.__tablename__, row.id): {
                c.name: getattr(row, c.name) for c in model.__table__.columns if c.name not in BOOKKEEPING
            }
            for model in SYNCED_ENTITIES
            for row in session.scalars(select(model))
        }


def test_two_demo_stores_hold_identical_records(tmp_path) -> None:
    with Store.open(tmp_path / "a") as a, Store.open(tmp_path / "b") as b:
        seed_demo(a)
        seed_demo(b)
        first, second = _records(a), _records(b)
    assert len(first) > 500
    assert first.keys() == second.keys()
    assert [key for key in first if first[key] != second[key]] == []


def test_derived_ids_are_scoped_to_the_block() -> None:
    namespace = uuid.UUID(int=7)
    with derived_ids(namespace, "x"):
        inside = [new_id(), new_id()]
    with derived_ids(namespace, "x"):
        again = [new_id(), new_id()]
    assert inside == again and inside[0] != inside[1]
    assert new_id() not in inside and uuid.UUID(new_id()).version == 4
