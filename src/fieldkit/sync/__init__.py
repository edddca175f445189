"""Sync with the central registry: the wire protocol (shared with the server), the client, bundles."""
