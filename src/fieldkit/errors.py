"""Errors a user can act on. Their message is complete and already translated."""


class FieldKitError(Exception):
    """A failure with a one-line, user-facing cause (shown in dialogs, printed by the CLI)."""


class StoreError(FieldKitError):
    """The local database or data folder cannot be used."""


class NotFoundError(FieldKitError):
    """A record named by id or code does not exist (or is deleted)."""


class ValidationError(FieldKitError):
    """Input that does not fit: refused before anything is stored."""
