"""Fixtures for the photo tests: a folder for photos, and an inspection at Saindak with a track we know."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldkit import services
from fieldkit.gps.points import Point, Segment
from fieldkit.services.tracks import add_track
from fieldkit.store import Store
from fieldkit.store.models import Site

TRACK_START = datetime(2026, 10, 14, 4, 0, tzinfo=UTC)  # 09:00 in Pakistan
STEP_S = 10
GAP = (1800, 2400)
"""The track has no fix from 30 to 40 minutes after its start (seconds)."""
TRACK_END_S = 3000


@dataclass(frozen=True)
class WalkedInspection:
    id: str
    store: Store

    @staticmethod
    def at(seconds: float) -> datetime:
        return TRACK_START + timedelta(seconds=seconds)

    @staticmethod
    def position(seconds: float) -> tuple[float, float]:
        """Where the walk was ``seconds`` after its start (it is straight and steady: interpolation is exact)."""
        k = seconds / STEP_S
        return 29.2600 + k * 1e-5, 61.5700 + k * 2e-5


@pytest.fixture
def photo_dir(tmp_path: Path) -> Path:
    path = tmp_path / "camera"
    path.mkdir()
    return path


def saindak(store: Store) -> str:
    """The id of the Saindak site (SDK), added when the store does not have it (faster than the demo)."""
    with store.write() as session:
        site = session.scalar(select(Site).where(Site.code == "SDK"))
        if site is None:
            site = Site(code="SDK", name="Saindak Copper-Gold Project", latitude=29.2633, longitude=61.5717)
            session.add(site)
            session.flush()
        return site.id


@pytest.fixture
def walked(store: Store) -> WalkedInspection:
    """A new draft inspection at Saindak (SDK) with one walk: a fix every 10 s for 50 minutes from 04:00 UTC
    on 14 October 2026, except from minute 30 to 40 (the receiver lost the sky)."""
    iid = services.create_inspection(
        store, saindak(store), title="Photo tests", started_at=TRACK_START, finished_at=TRACK_START + timedelta(hours=1)
    ).created_id
    segment = Segment()
    for seconds in range(0, TRACK_END_S + 1, STEP_S):
        if GAP[0] < seconds < GAP[1]:
            continue
        lat, lon = WalkedInspection.position(seconds)
        segment.append(Point(lat, lon, 850.0 + seconds / 100, (TRACK_START + timedelta(seconds=seconds)).timestamp()))
    with store.write() as session:
        add_track(session, [segment], name="Photo test walk", source="gpx", inspection_id=iid)
    return WalkedInspection(iid, store)
