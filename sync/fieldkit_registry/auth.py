"""Passwords (argon2id at OWASP's minimum cost), per-device tokens and the failed-login limit.

A token is 32 random bytes given to the laptop once; the registry keeps only its sha256, so a copy of
the database does not let anyone sign in. Failed logins are kept in the database (a restart does not
reset the limit) and counted per username and per client address in a sliding window.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from fieldkit.store.types import utcnow
from fieldkit_registry.config import Settings
from fieldkit_registry.db import LoginFailure, TokenRow, UserRow, write_session

HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_DUMMY_HASH: str | None = None
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches; an unknown user is checked against a dummy hash so the time
    taken does not tell which usernames exist."""
    global _DUMMY_HASH
    if stored is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))
        stored = _DUMMY_HASH
        password = password + "\x00never"
    try:
        return HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, user: UserRow, device: str, settings: Settings) -> tuple[str, TokenRow]:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    row = TokenRow(
        token_hash=token_hash(token),
        user_id=user.id,
        device=device,
        created_at=now,
        expires_at=now + timedelta(days=settings.token_days),
    )
    session.add(row)
    session.flush()
    return token, row


@dataclass(frozen=True)
class Caller:
    """Who is calling, resolved from a valid token."""

    user_id: str
    username: str
    display_name: str
    role: str
    site_codes: tuple[str, ...]
    token_id: int
    device: str
    expires_at: datetime

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def caller_for_token(session: Session, token: str) -> Caller | None:
    """The caller of a valid token: not expired, not revoked, user active; else ``None``."""
    row = session.scalar(select(TokenRow).where(TokenRow.token_hash == token_hash(token)))
    now = utcnow()
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    user = session.get(UserRow, row.user_id)
    if user is None or not user.active:
        return None
    caller = Caller(
        user.id,
        user.username,
        user.display_name,
        user.role,
        tuple(user.site_codes or ()),
        row.id,
        row.device,
        row.expires_at,
    )
    if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=1):
        _touch(session, row.id, now)  # not on every request: a pull should not need a write
    return caller


def _touch(session: Session, token_id: int, now: datetime) -> None:
    """Note when a token was last used, in a transaction of its own that takes SQLite's write lock up
    front: upgrading the caller's read transaction fails at once ("database is locked", no busy wait)
    when another write committed since it began."""
    session.rollback()
    with write_session(session.get_bind()) as writer, writer.begin():
        writer.execute(update(TokenRow).where(TokenRow.id == token_id).values(last_used_at=now))


def retry_after(session: Session, username: str, address: str, settings: Settings) -> int | None:
    """Seconds until another login may be tried, or ``None`` when it may be tried now."""
    since = utcnow() - timedelta(seconds=settings.login_window_s)
    waits = []
    for column, value, limit in (
        (LoginFailure.username, username, settings.login_max_per_user),
        (LoginFailure.address, address, settings.login_max_per_ip),
    ):
        count, oldest = session.execute(
            select(func.count(), func.min(LoginFailure.at)).where(column == value, LoginFailure.at > since)
        ).one()
        if count >= limit:
            rows = session.scalars(
                select(LoginFailure.at)
                .where(column == value, LoginFailure.at > since)
                .order_by(LoginFailure.at.desc())
                .offset(limit - 1)
                .limit(1)
            ).all()
            freed = (rows[0] if rows else oldest) + timedelta(seconds=settings.login_window_s)
            waits.append(max(1, int((freed - utcnow()).total_seconds()) + 1))
    return max(waits) if waits else None


def record_failure(session: Session, username: str, address: str, settings: Settings) -> None:
    now = utcnow()
    session.add(LoginFailure(username=username[:64], address=address[:64], at=now))
    # old failures are of no use: keep the table small
    session.execute(delete(LoginFailure).where(LoginFailure.at < now - timedelta(seconds=settings.login_window_s)))


def clear_failures(session: Session, username: str) -> None:
    session.execute(delete(LoginFailure).where(LoginFailure.username == username))
