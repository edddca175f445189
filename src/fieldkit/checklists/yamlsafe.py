"""YAML for files that come from outside: safe types only, no aliases, bounded size.

``yaml.safe_load`` never builds Python objects, but it still expands aliases, so a few kilobytes can
describe a "billion laughs" document that exhausts memory. Our formats never need anchors or
aliases, so a document that uses one is refused.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 2_000_000


class YamlError(ValueError):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message if line is None else f"line {line}: {message}")
        self.line = line


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader without aliases, and with YAML 1.2 booleans: only true/false are booleans, so
    ``fail_if: [no]`` and a choice value ``on`` stay text, as a form author means them."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlError("YAML aliases (*name) are not allowed", event.start_mark.line + 1)
        node = super().compose_node(parent, index)
        if getattr(node, "anchor", None):
            raise YamlError("YAML anchors (&name) are not allowed", node.start_mark.line + 1)
        return node


_NoAliasLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_NoAliasLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml_text(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise YamlError(f"not valid YAML: {exc.problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}") from None


def load_yaml_file(path: Path) -> Any:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlError(f"the file is {size:,} bytes; the limit is {MAX_BYTES:,}")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError(f"not UTF-8 text (byte {exc.start})") from None
    return load_yaml_text(text)
