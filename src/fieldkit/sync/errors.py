"""Sync failures a user can act on; each message is one translated line."""

from __future__ import annotations

from fieldkit.errors import FieldKitError


class SyncError(FieldKitError):
    """The registry refused a request or answered something unusable."""


class AuthRequired(SyncError):
    """No token, or the registry no longer accepts it (expired, revoked, user disabled): log in again."""


class Offline(SyncError):
    """The registry could not be reached after retries; nothing was lost, sync again later."""


class Cancelled(SyncError):
    """The user stopped the sync; everything done so far is stored and consistent."""
