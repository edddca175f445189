"""Relevance, constraint and calculation expressions: our own small grammar, parsed, never eval'ed.

Grammar (lowest precedence first)::

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("=" | "==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/" | "div" | "mod") unary)*
    unary   := "-" unary | primary
    primary := NUMBER | STRING | "true" | "false" | "." | ref | call | "(" expr ")"
    ref     := NAME | "${" NAME "}"            (another item's answer; ${...} as in XLSForm)
    call    := FUNCTION "(" [expr ("," expr)*] ")"

``.`` is the answer being checked (in a constraint). Functions: ``selected(ref, 'value')``,
``count-selected(ref)``, ``answered(ref)``, ``if(cond, a, b)``, ``string-length(x)``,
``abs(x)``, ``min(a, b, ...)``, ``max(a, b, ...)``, ``round(x[, digits])``; ``count_selected`` and
``string_length`` are accepted too.

Values: numbers, text, true/false, a list (select many), or *unknown* (an unanswered item). Unknown
propagates: ``x > 3`` is unknown while ``x`` is unanswered, ``and``/``or`` follow three-valued
logic (``false and unknown`` is false). ``<``/``>`` compare numbers when both sides read as numbers
(``'10' > '9'``), else text with text (ISO dates order as text); ``=`` compares numbers when one side
is a number (``'7' = 7``), else text. ``round`` rounds halves away from zero, as in XLSForm. A type
error (text plus a number), a division by zero or an overflow gives unknown, never an exception.
An item whose relevance is unknown is hidden; a constraint that is unknown does not fail.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MAX_LENGTH = 2000
MAX_DEPTH = 40
MAX_OPERATORS = 200
"""Bounds that keep evaluation's recursion far from Python's limit, whatever the input."""


class ExpressionError(ValueError):
    """A syntax error, with the 0-based character position where it was found."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at position {position + 1})")
        self.message = message
        self.position = position


# -- tokens ----------------------------------------------------------------------------------------

_FUNCTIONS = {
    "selected": (2, 2),
    "count-selected": (1, 1),
    "count_selected": (1, 1),
    "answered": (1, 1),
    "if": (3, 3),
    "string-length": (1, 1),
    "string_length": (1, 1),
    "abs": (1, 1),
    "min": (1, 20),
    "max": (1, 20),
    "round": (1, 2),
}
_KEYWORDS = {"and", "or", "not", "true", "false", "div", "mod"}
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<dollar>\$\{\s*(?P<dname>[A-Za-z_][A-Za-z0-9_]*)\s*\})
  | (?P<hyphenated>(?:count-selected|string-length)(?=\s*\())
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op><=|>=|!=|==|[=<>+\-*/(),.])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # number, string, name, ref, op, keyword, end
    text: str
    position: int


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None:
            raise ExpressionError(f"unexpected character {source[pos]!r}", pos)
        kind = match.lastgroup
        text = match.group()
        if kind == "dname":  # the named group inside ${...}
            kind = "dollar"
        if kind == "dollar":
            tokens.append(Token("ref", match.group("dname"), pos))
        elif kind == "hyphenated":
            tokens.append(Token("name", text, pos))
        elif kind == "name":
            tokens.append(Token("keyword" if text in _KEYWORDS else "name", text, pos))
        elif kind != "space":
            tokens.append(Token(kind or "op", text, pos))
        pos = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


# -- syntax tree -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Literal:
    value: Any


@dataclass(frozen=True)
class Ref:
    name: str
    position: int


@dataclass(frozen=True)
class Current:
    position: int


@dataclass(frozen=True)
class Unary:
    op: str
    operand: Node


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]
    position: int


Node = Literal | Ref | Current | Unary | Binary | Call


@dataclass(frozen=True)
class Expression:
    """A parsed expression: its source, its tree, and the items it refers to."""

    source: str
    tree: Node
    refs: frozenset[str]
    uses_current: bool

    def evaluate(self, resolve: Callable[[str], Any], current: Any = None) -> Any:
        """The value of the expression; unknown (``None``) instead of any error."""
        try:
            return _eval(self.tree, resolve, current)
        except (ArithmeticError, ValueError, TypeError):
            return None


def parse(source: str) -> Expression:
    """Parse ``source``; raise :class:`ExpressionError` (with a position) when it is not valid."""
    if not isinstance(source, str):
        raise ExpressionError("an expression must be text", 0)
    if len(source) > MAX_LENGTH:
        raise ExpressionError(f"longer than {MAX_LENGTH} characters", MAX_LENGTH)
    if not source.strip():
        raise ExpressionError("empty expression", 0)
    parser = _Parser(tokenize(source))
    tree = parser.expression()
    parser.expect_end()
    refs: set[str] = set()
    current = False
    stack: list[Node] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Ref):
            refs.add(node.name)
        elif isinstance(node, Current):
            current = True
        elif isinstance(node, Unary):
            stack.append(node.operand)
        elif isinstance(node, Binary):
            stack.extend((node.left, node.right))
        elif isinstance(node, Call):
            stack.extend(node.args)
    return Expression(source, tree, frozenset(refs), current)


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.operators = 0

    def node(self, node: Node) -> Node:
        self.operators += 1
        if self.operators > MAX_OPERATORS:
            raise ExpressionError(f"more than {MAX_OPERATORS} operators", self.token.position)
        return node

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at(self, kind: str, *texts: str) -> bool:
        token = self.token
        return token.kind == kind and (not texts or token.text in texts)

    def expect(self, kind: str, text: str) -> Token:
        if not self.at(kind, text):
            raise ExpressionError(f"expected {text!r} but found {self._describe()}", self.token.position)
        return self.advance()

    def expect_end(self) -> None:
        if self.token.kind != "end":
            raise ExpressionError(f"unexpected {self._describe()}", self.token.position)

    def _describe(self) -> str:
        return "the end" if self.token.kind == "end" else repr(self.token.text)

    def _nested(self, parse_next: Callable[[], Node]) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"nested more than {MAX_DEPTH} levels deep", self.token.position)
        try:
            return parse_next()
        finally:
            self.depth -= 1

    def expression(self) -> Node:
        return self._nested(self.or_)

    def or_(self) -> Node:
        node = self.and_()
        while self.at("keyword", "or"):
            self.advance()
            node = self.node(Binary("or", node, self.and_()))
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.at("keyword", "and"):
            self.advance()
            node = self.node(Binary("and", node, self.not_()))
        return node

    def not_(self) -> Node:
        if self.at("keyword", "not"):
            # `not(x)` (XLSForm's function) and `not x` are the same operator: parentheses only group.
            self.advance()
            return self.node(Unary("not", self._nested(self.not_)))
        return self.compare()

    def compare(self) -> Node:
        node = self.sum()
        if self.at("op", "=", "==", "!=", "<", "<=", ">", ">="):
            op = self.advance().text
            node = self.node(Binary("=" if op == "==" else op, node, self.sum()))
            if self.at("op", "=", "==", "!=", "<", "<=", ">", ">="):
                raise ExpressionError("comparisons cannot be chained; use 'and'", self.token.position)
        return node

    def sum(self) -> Node:
        node = self.product()
        while self.at("op", "+", "-"):
            op = self.advance().text
            node = self.node(Binary(op, node, self.product()))
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.at("op", "*", "/") or self.at("keyword", "div", "mod"):
            op = self.advance().text
            node = self.node(Binary("/" if op == "div" else op, node, self.unary()))
        return node

    def unary(self) -> Node:
        if self.at("op", "-"):
            self.advance()
            return self.node(Unary("-", self._nested(self.unary)))
        return self.primary()

    def primary(self) -> Node:
        token = self.token
        if token.kind == "number":
            self.advance()
            value = float(token.text)
            if not math.isfinite(value):
                raise ExpressionError("number out of range", token.position)
            integral = value.is_integer() and not any(c in token.text for c in ".eE")
            return Literal(int(value) if integral else value)
        if token.kind == "string":
            self.advance()
            return Literal(token.text[1:-1])
        if token.kind == "keyword" and token.text in ("true", "false"):
            self.advance()
            return Literal(token.text == "true")
        if token.kind == "op" and token.text == ".":
            self.advance()
            return Current(token.position)
        if token.kind == "ref":
            self.advance()
            return Ref(token.text, token.position)
        if token.kind in ("name", "keyword") and self.tokens[self.index + 1].text == "(":
            return self.call()
        if token.kind == "name":
            self.advance()
            return Ref(token.text, token.position)
        if token.kind == "op" and token.text == "(":
            self.advance()
            node = self.expression()
            self.expect("op", ")")
            return node
        if token.kind == "end":
            raise ExpressionError("the expression ends too early", token.position)
        raise ExpressionError(f"unexpected {token.text!r}", token.position)

    def call(self) -> Node:
        name_token = self.advance()
        name = name_token.text
        if name not in _FUNCTIONS:
            raise ExpressionError(f"unknown function {name!r}", name_token.position)
        self.expect("op", "(")
        args: list[Node] = []
        if not self.at("op", ")"):
            args.append(self.expression())
            while self.at("op", ","):
                self.advance()
                args.append(self.expression())
        self.expect("op", ")")
        low, high = _FUNCTIONS[name]
        if not low <= len(args) <= high:
            expected = str(low) if low == high else f"{low} to {high}"
            raise ExpressionError(
                f"{name}() takes {expected} argument{'s' if high > 1 else ''}, not {len(args)}",
                name_token.position,
            )
        if name in ("selected", "count-selected", "count_selected", "answered") and not isinstance(
            args[0], Ref | Current
        ):
            raise ExpressionError(f"the first argument of {name}() must be an item", name_token.position)
        return self.node(Call(name, tuple(args), name_token.position))


# -- evaluation ------------------------------------------------------------------------------------

_BIG = 1e15


_NUMERIC_TEXT = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        if abs(value) <= _BIG:
            return value
        try:
            return float(value)
        except OverflowError:
            return None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip()
        if not _NUMERIC_TEXT.match(text):
            return None
        number = float(text)
        return number if math.isfinite(number) else None
    return None


def _truth(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str | list | tuple | dict):
        return len(value) > 0
    return True


def _compare(op: str, left: Any, right: Any) -> bool | None:
    """XPath-like: ordering compares numbers when both read as numbers, else text with text (ISO
    dates order correctly as text); equality compares numbers when one side is a number."""
    if left is None or right is None:
        return None
    if isinstance(left, list | tuple | dict) or isinstance(right, list | tuple | dict):
        return None
    ln, rn = _number(left), _number(right)
    a: Any
    b: Any
    if isinstance(left, bool) or isinstance(right, bool):
        if op not in ("=", "!="):
            return None
        a, b = _truth(left), _truth(right)
    elif op in ("=", "!="):
        numeric = ln is not None and rn is not None and not (isinstance(left, str) and isinstance(right, str))
        a, b = (ln, rn) if numeric else (str(left), str(right))
    elif ln is not None and rn is not None:
        a, b = ln, rn
    elif isinstance(left, str) and isinstance(right, str):
        a, b = left, right
    else:
        return None
    if op == "=":
        return a == b
    if op == "!=":
        return a != b
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    return a >= b


def _arith(op: str, left: Any, right: Any) -> float | int | None:
    a, b = _number(left), _number(right)
    if a is None or b is None:
        return None
    try:
        if op == "+":
            result = a + b
        elif op == "-":
            result = a - b
        elif op == "*":
            result = a * b
        elif op == "/":
            result = a / b
        else:  # mod
            result = math.fmod(a, b)
    except (ZeroDivisionError, OverflowError, ValueError):
        return None
    if isinstance(result, float) and not math.isfinite(result):
        return None
    if isinstance(result, int) and abs(result) > _BIG:
        result = float(result)
    return result


def _eval(node: Node, resolve: Callable[[str], Any], current: Any) -> Any:
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Ref):
        return resolve(node.name)
    if isinstance(node, Current):
        return current
    if isinstance(node, Unary):
        value = _eval(node.operand, resolve, current)
        if node.op == "not":
            truth = _truth(value)
            return None if truth is None else not truth
        number = _number(value)
        return None if number is None else -number
    if isinstance(node, Binary):
        if node.op in ("and", "or"):
            left = _truth(_eval(node.left, resolve, current))
            if node.op == "and" and left is False:
                return False
            if node.op == "or" and left is True:
                return True
            right = _truth(_eval(node.right, resolve, current))
            if node.op == "and":
                return False if right is False else (None if left is None or right is None else True)
            return True if right is True else (None if left is None or right is None else False)
        left = _eval(node.left, resolve, current)
        right = _eval(node.right, resolve, current)
        if node.op in ("=", "!=", "<", "<=", ">", ">="):
            return _compare(node.op, left, right)
        return _arith(node.op, left, right)
    return _call(node, resolve, current)


def _selection(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value).split()


def _call(node: Call, resolve: Callable[[str], Any], current: Any) -> Any:
    name = node.name.replace("_", "-")
    if name == "if":
        cond = _truth(_eval(node.args[0], resolve, current))
        if cond is None:
            return None
        return _eval(node.args[1] if cond else node.args[2], resolve, current)
    args = [_eval(arg, resolve, current) for arg in node.args]
    if name == "selected":
        if args[0] is None or args[1] is None:
            return None
        return str(args[1]) in _selection(args[0])
    if name == "count-selected":
        return len(_selection(args[0]))
    if name == "answered":
        return args[0] is not None and args[0] != "" and args[0] != []
    if name == "string-length":
        return None if args[0] is None else len(str(args[0]))
    numbers = [_number(a) for a in args]
    if any(n is None for n in numbers):
        return None
    if name == "abs":
        return abs(numbers[0])
    if name == "min":
        return min(numbers)
    if name == "max":
        return max(numbers)
    digits = int(numbers[1]) if len(numbers) > 1 else 0
    if not -10 <= digits <= 10:
        return None
    scale = 10**digits  # half away from zero, as XLSForm/ODK round, not Python's half-to-even
    rounded = math.floor(abs(numbers[0]) * scale + 0.5) / scale
    return math.copysign(rounded, numbers[0]) if digits > 0 else int(math.copysign(rounded, numbers[0]))
