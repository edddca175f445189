"""XLSForm expressions (ODK XPath) converted to our grammar, and what is dropped when one cannot be.

* Expressions: ``${x}`` (renamed when the question id had to change), ``and`` / ``or`` / ``not()``,
  comparisons, arithmetic with ``div`` / ``mod``, ``.``, ``../x`` (the sibling ``x``), ``true()`` /
  ``false()`` and the functions both grammars share (selected, count-selected, string-length, if, abs,
  min, max, round). ``${x} = ''`` / ``${x} != ''`` become ``not(answered(${x}))`` / ``answered(${x})``
  because an unanswered item is *unknown* for us, not the empty string. Anything else (regex(), today(),
  jr:choice-name(), pulldata(), position(), indexed-repeat(), once(), concat(), XPath paths, predicates,
  ``/`` as a path step ...) is unsupported: the relevance, constraint (with its message) or calculated
  item is dropped and reported with the row and column of its cell. A question whose relevance was
  dropped (its own or a group's) is shown always and is no longer required, so that it cannot block a
  submission. Note that our three-valued logic hides a question while its relevance is unknown (an item
  it depends on unanswered), where ODK would evaluate the empty string.
"""

from __future__ import annotations

import re

from fieldkit.checklists.expressions import (
    Binary,
    Call,
    Current,
    ExpressionError,
    Literal,
    Node,
    Ref,
    Unary,
    parse,
)
from fieldkit.checklists.xlsform.drafts import _Converted, _ExprDraft, _Target
from fieldkit.checklists.xlsform.sections import _Sections

_XPATH_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<dollar>\$\{(?P<ref>[^{}]*)\})
  | (?P<number>\d+(?:\.\d*)?|\.\d+)
  | (?P<parent>\.\.)
  | (?P<name>[^\W\d][\w\-.]*(?::[^\W\d][\w\-.]*)?)
  | (?P<op><=|>=|!=|==|[-=<>+*/(),.\[\]@|:$])
    """,
    re.VERBOSE,
)
_SHARED_FUNCTIONS = frozenset(
    {"selected", "count-selected", "string-length", "not", "if", "abs", "min", "max", "round"}
)
"""Functions XLSForm (ODK XPath) and our grammar both have, with the same meaning."""
_OPERATOR_WORDS = frozenset({"and", "or", "div", "mod"})


def _unparse(node: Node) -> str:
    if isinstance(node, Literal):
        value = node.value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return repr(value)
        return f'"{value}"' if "'" in value else f"'{value}'"
    if isinstance(node, Ref):
        return "${" + node.name + "}"
    if isinstance(node, Current):
        return "."
    if isinstance(node, Unary):
        return f"not({_unparse(node.operand)})" if node.op == "not" else f"-({_unparse(node.operand)})"
    if isinstance(node, Binary):
        op = "div" if node.op == "/" else node.op
        return f"({_unparse(node.left)} {op} {_unparse(node.right)})"
    return f"{node.name}({', '.join(_unparse(a) for a in node.args)})"


def _is_empty_text(node: Node) -> bool:
    return isinstance(node, Literal) and node.value == ""


def _rewrite_empty_comparisons(node: Node) -> tuple[Node, bool]:
    """``${x} = ''`` → ``not(answered(${x}))``, ``${x} != ''`` → ``answered(${x})`` (anywhere in the tree)."""
    if isinstance(node, Binary):
        if node.op in ("=", "!="):
            for a, b in ((node.left, node.right), (node.right, node.left)):
                if _is_empty_text(b) and isinstance(a, Ref | Current):
                    position = a.position
                    answered = Call("answered", (a,), position)
                    return (Unary("not", answered) if node.op == "=" else answered), True
        left, lc = _rewrite_empty_comparisons(node.left)
        right, rc = _rewrite_empty_comparisons(node.right)
        return (Binary(node.op, left, right), True) if lc or rc else (node, False)
    if isinstance(node, Unary):
        operand, changed = _rewrite_empty_comparisons(node.operand)
        return (Unary(node.op, operand), True) if changed else (node, False)
    if isinstance(node, Call):
        results = [_rewrite_empty_comparisons(a) for a in node.args]
        if any(c for _n, c in results):
            return Call(node.name, tuple(n for n, _c in results), node.position), True
    return node, False


def _convert(
    draft: _ExprDraft, targets: dict[str, _Target], children_of: dict[tuple[str, ...], dict[str, _Target]]
) -> _Converted:
    """``draft``'s expression in our grammar, or why it cannot be converted.

    ``${x}`` is resolved through ``targets`` (every name in the form) and ``../x`` through ``children_of``
    (the names in each group, keyed by the group's path). Returns the text and the item ids it refers to,
    or no text and the reason.
    """
    source = draft.text
    if len(source) > 2000:
        return _Converted(None, reason="expression longer than 2,000 characters")
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(source):
        match = _XPATH_TOKEN.match(source, position)
        if match is None:
            char = source[position]
            reason = "unterminated text (a missing quote)" if char in "'\"" else f"unexpected character {char!r}"
            return _Converted(None, reason=reason)
        kind = match.lastgroup or "op"
        if kind == "ref":
            kind = "dollar"
        tokens.append((kind, match.group()))
        position = match.end()
    out: list[str] = []
    reasons: list[str] = []
    functions: list[str] = []
    refs: set[str] = set()
    operand = False

    def next_index(index: int) -> int:
        while index < len(tokens) and tokens[index][0] == "space":
            index += 1
        return index

    def reason(text: str) -> None:
        if text not in reasons:
            reasons.append(text)

    def reference(target: _Target | None, shown: str) -> None:
        if target is None:
            reason(f"refers to unknown question {shown!r}")
        elif target.kind == "item" and target.id:
            refs.add(target.id)
            out.append("${" + target.id + "}")
        elif target.kind == "dropped":
            reason(f"refers to {shown!r}, which is not imported ({target.reason})")
        else:
            reason(target.reason or f"{shown!r} is not a question")

    index = 0
    while index < len(tokens):
        kind, text = tokens[index]
        if kind == "space":
            out.append(text)
            index += 1
            continue
        if kind == "dollar":
            name = text[2:-1].strip()
            reference(targets.get(name), name)
            operand = True
        elif kind == "parent":
            ups, cursor, target_name = 1, index + 1, None
            while cursor + 1 < len(tokens) and tokens[cursor] == ("op", "/"):
                if tokens[cursor + 1][0] == "parent":
                    ups += 1
                    cursor += 2
                elif tokens[cursor + 1][0] == "name":
                    target_name = tokens[cursor + 1][1]
                    cursor += 2
                    break
                else:
                    break
            container = draft.path[: max(len(draft.path) - ups, 0)] if ups <= len(draft.path) else None
            if target_name is None or container is None or (cursor < len(tokens) and tokens[cursor] == ("op", "/")):
                reason("XPath relative path ('..'); refer to questions as ${name}")
                out.append(text)
                index += 1
                operand = True
                continue
            reference(children_of.get(container, {}).get(target_name), target_name)
            index = cursor
            operand = True
            continue
        elif kind == "name":
            after = next_index(index + 1)
            if text in _OPERATOR_WORDS and operand:  # `a div (b)`: an operator, not a call
                out.append(text)
                operand = False
            elif after < len(tokens) and tokens[after] == ("op", "("):
                if text in ("true", "false"):
                    close = next_index(after + 1)
                    if close < len(tokens) and tokens[close] == ("op", ")"):
                        out.append(text)
                        index = close + 1
                        operand = True
                        continue
                if text not in _SHARED_FUNCTIONS and text not in functions:
                    functions.append(text)
                out.append(text)
                operand = False
            else:
                reason(f"XPath path {text!r}; refer to questions as ${{name}}")
                out.append(text)
                operand = True
        elif kind == "op":
            if text == "/":
                reason("'/' is a path step in XLSForm (divide with div)" if operand else "XPath path ('/')")
            elif text in ("[", "]", "@", "|", ":", "$"):
                reason(f"unsupported XPath syntax {text!r}")
            out.append(text)
            operand = text in (")", ".")
        else:  # string, number
            out.append(text)
            operand = True
        index += 1
    if functions:
        listed = ", ".join(f"{f}()" for f in functions)
        reasons.insert(0, f"unsupported function{'s' if len(functions) > 1 else ''} {listed}")
    if reasons:
        return _Converted(None, reason="; ".join(reasons))
    text = "".join(out).strip()
    try:
        expression = parse(text)
    except ExpressionError as exc:
        return _Converted(None, reason=f"cannot be converted: {exc}")
    tree, changed = _rewrite_empty_comparisons(expression.tree)
    if changed:
        text = _unparse(tree)
        try:
            expression = parse(text)
        except ExpressionError as exc:  # pragma: no cover - our own output
            return _Converted(None, reason=f"cannot be converted: {exc}")
    if expression.uses_current and draft.field != "constraint":
        return _Converted(None, reason="'.' (the question's own answer) is only supported in a constraint")
    return _Converted(text, frozenset(expression.refs))


class _Expressions(_Sections):
    """Adds the conversion of every expression, once the whole form is read, and what its failures drop."""

    def convert(self, draft: _ExprDraft) -> _Converted:
        if draft.converted is not None:
            return draft.converted
        draft.converted = result = _convert(draft, self.targets, self.children_of)
        return result

    def failure(self, draft: _ExprDraft, kept: set[str]) -> str | None:
        converted = self.convert(draft)
        if converted.reason:
            return converted.reason
        for ref in sorted(converted.refs - kept):
            item = self.items.get(ref)
            name = item.name if item else ref
            return f"refers to {name!r}, which is not imported ({item.drop_reason if item else 'dropped'})"
        return None

    def resolve_expressions(self) -> None:
        kept = {item_id for item_id, item in self.items.items() if item.kept}
        changed = True
        while changed:
            changed = False
            for item in self.items.values():
                if not item.kept or item.calculation is None:
                    continue
                why = self.failure(item.calculation, kept)
                if why:
                    item.kept = False
                    kept.discard(item.id)
                    item.drop_reason = "its calculation cannot be imported"
                    self.warn(
                        f"{why}; the calculate item {item.name!r} is not imported",
                        item.calculation.row,
                        item.calculation.column,
                    )
                    changed = True
        for item in self.items.values():
            if not item.kept:
                continue
            if item.calculation is not None:
                item.data["calculation"] = self.convert(item.calculation).text
            if item.relevant is not None:
                why = self.failure(item.relevant, kept)
                if why:
                    extra = ""
                    if item.data.pop("required", False):
                        extra = " and is no longer required"
                    self.warn(
                        f"{why}; dropped (the question is always shown{extra})",
                        item.relevant.row,
                        item.relevant.column,
                    )
                else:
                    item.data["relevant"] = self.convert(item.relevant).text
            constraints = []
            if item.constraint is not None:
                why = self.failure(item.constraint, kept)
                if why:
                    dropped_message = " with its message" if item.data.pop("constraint_message", None) else ""
                    self.warn(
                        f"{item.constraint.origin}{why}; the constraint is dropped{dropped_message}",
                        item.constraint.row,
                        item.constraint.column,
                    )
                else:
                    constraints.append(self.convert(item.constraint).text)
            if item.extra_constraint:
                constraints.append(item.extra_constraint)
            if constraints:
                item.data["constraint"] = (
                    constraints[0] if len(constraints) == 1 else " and ".join(f"({c})" for c in constraints)
                )
        for section in self.sections:
            for group in section.groups:
                if group.relevant is None or group.resolved:
                    continue
                group.resolved = True
                why = self.failure(group.relevant, kept)
                if why:
                    group.dropped_relevance = True
                    self.warn(
                        f"{why}; dropped (the section is always shown and its questions are not required)",
                        group.relevant.row,
                        group.relevant.column,
                    )
                else:
                    group.relevant_text = self.convert(group.relevant).text
            if any(g.dropped_relevance for g in section.groups):
                for item in section.items:
                    item.data.pop("required", None)
