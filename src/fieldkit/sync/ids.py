"""Ids of reference records (sites, users, templates, limit sets, parameters), derived from their natural
keys, so that the registry and every laptop name the same site or template version with the same UUID
even when each made its copy on its own (the built-in library, the demo, ``forms publish``).
"""

from __future__ import annotations

import uuid

#: The demo has always made its site and user ids in this namespace; kept so existing stores match.
NAMESPACE = uuid.UUID("6f1c2d1e-7a53-4c1b-9a55-2f0e3c9b8d10")

_KINDS = {
    "sites": "site",
    "users": "user",
    "templates": "template",
    "limit_sets": "limit_set",
    "parameters": "parameter",
}


def reference_id(entity: str, key: str) -> str:
    """The UUID of the reference record ``entity`` with natural key ``key``.

    Keys: a site's ``code``, a user's ``username``, a template's ``form_id@version``, a limit set's
    ``set_id``, a parameter's ``param_id``.
    """
    return str(uuid.uuid5(NAMESPACE, f"{_KINDS[entity]}:{key}"))


def template_key(form_id: str, version: str) -> str:
    return f"{form_id}@{version}"
