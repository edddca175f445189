"""Importing XLSForms (ODK / Kobo spreadsheets) as checklist templates.

pyxform reads the spreadsheet (.xlsx, .xlsm, .xls, and its .csv and .md text forms) and checks it exactly as
it would before building an XForm (``workbook_to_json``, then the survey builder and the XForm body, without
ODK Validate and without writing any file). Its JSON survey is then mapped to our :class:`Template`. Nothing
in the form is ever evaluated: expressions are tokenised, rewritten and parsed by our own grammar.

Every message names the sheet row and the column of the cell it is about, e.g.::

    form.xlsx: row 12, column relevant: unsupported function regex(); dropped (the question is always shown)

``problems`` mean the form cannot be imported (pyxform rejects it, the file is not a workbook, or what is
left is not a valid template); ``warnings`` list everything dropped or changed on the way.

Mapping decisions
-----------------

* Groups become sections. Nested groups are flattened: a section per run of questions, titled with the
  group labels joined by " / " and shown only when every enclosing group's relevance holds. Questions
  outside any group go into sections titled with the form title.
* Repeats are flattened like groups, with a warning: only one instance is kept (and ``repeat_count`` is
  dropped). Loops (``begin loop over list``) are expanded as pyxform does: one section per choice, with
  ``%(label)s`` / ``%(name)s`` substituted and the choice name added to each question id (warning).
* Question types: integer, decimal, text (also ``string``), date, datetime/dateTime, geopoint → ``gps``,
  image/photo → ``photo`` (``signature`` when its appearance is ``signature``), note, calculate,
  select_one / select_multiple (``or_other`` included) → ``select_one`` / ``select_many``. Changed, with
  a warning: barcode and time → ``text``; range → a number with its bounds as a constraint. acknowledge /
  trigger → ``select_one`` with the single choice ``OK`` (not ``yes_no``: an acknowledge answer is ``OK``
  or nothing, so expressions such as ``${ack} = 'OK'`` keep their meaning and no "no" / "n/a" answer
  appears that the form never offered).
* Dropped with a warning: device metadata (start, end, today, deviceid, username, email, phonenumber,
  simserial, subscriberid, audit, start-geopoint, background audio, ...) and question types FieldKit has
  no answer for (audio, video, file, geotrace, geoshape, rank, osm, hidden, select_one_external,
  selects from files or from earlier answers, external data declarations, entities). Anything that refers
  to a dropped question is dropped in turn (a calculation's item with it), with a warning each time.
* Languages: ``label::English (en)``, ``label::en``, ``label::English``, ``label::EN`` ... → ``en``;
  Urdu (``ur``, ``Urdu``, ``اردو``) → ``ur``; Chinese (``zh``, ``zh-CN``, ``Chinese``, ``中文`` ...) → ``zh``.
  The label without a language is English when a text has no English one. Other languages are not
  imported (a warning per column); a text with neither English nor a default uses another language's
  text (warning), and a question without any label shows its name (warning).
* ``hint`` (and ``guidance_hint``) → ``guidance``; ``required`` yes/true/1 → required (a conditional
  ``required`` expression → optional, with a warning); ``constraint_message`` → ``constraint_message``;
  ``calculation`` on a calculate → ``calculation``. Columns with no equivalent (appearance, default,
  media, choice_filter, read_only, required_message, parameters, ...) are reported once per column with
  the rows that use them.
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
* Ids: question names become item ids (characters other than letters, digits and ``_`` replaced by
  ``_``, at most 64, unique in the template); renamed ones are reported. The template id is the settings
  ``form_id`` (or the file name) in lowercase with ``-`` and ``_``; the version is ``version`` (or "1");
  the title ``form_title``.

Limits: files over 10 MB are refused; so are workbooks that would expand to more than 64 MB (zip bombs),
survey or choices sheets of more than 5,000 rows and groups nested more than 30 deep. Row numbers are
those of the spreadsheet for .xlsx and .xls files; for .csv and .md forms they count the non-empty rows
of the sheet, as pyxform does.
"""

from __future__ import annotations

import copy
import re
import warnings as pywarnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

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
from fieldkit.checklists.model import Template
from fieldkit.checklists.text import LANGUAGES
from fieldkit.checklists.validate import TemplateError, parse_template

MAX_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused before anything reads them."""
MAX_UNZIPPED = 64 * 1024 * 1024
"""An .xlsx (a zip archive) whose members would expand to more than this is refused."""
MAX_ZIP_MEMBERS = 5000
MAX_ROWS = 5000
"""Survey or choices rows: far above real forms, and it keeps pyxform and our checks to seconds."""
MAX_NESTING = 30
MAX_TEXT = 4000

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_GENERATED_TABLE_HEADER = re.compile(r"reserved_name_for_field_list_labels_\d+")
_PYXFORM_NOISE = re.compile(
    r"max-pixels|no longer supported on most devices|^Language '.*' is missing|Choices should have a label"
    r"|^Repeat has no label"
)
"""pyxform warnings about the XForm or ODK Collect that say nothing about what FieldKit imports."""
_ROW_IN_MESSAGE = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
_NAMED_IN_MESSAGE = re.compile(r"named '([^']+)'")
_SHEET_IN_MESSAGE = re.compile(r"On the '(\w+)' sheet")
_IDENT_BAD = re.compile(r"[^A-Za-z0-9_]")
_CHOICE_VALUE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_VERSION_BAD = re.compile(r"[^A-Za-z0-9_.\-]+")
_TEMPLATE_ID_BAD = re.compile(r"[^a-z0-9_\-]+")
_PIPED = re.compile(r"\$\{[^}]*\}")

# -- messages --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportMessage:
    """A problem or a warning about one cell (``row`` / ``column`` of ``sheet``), or the whole file."""

    source: str
    message: str
    row: int | None = None
    column: str | None = None
    sheet: str = "survey"

    def __str__(self) -> str:
        parts = []
        if self.sheet != "survey":
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        where = ", ".join(parts)
        return f"{self.source}: {where}: {self.message}" if where else f"{self.source}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportResult:
    source: str
    template: Template | None = None
    problems: list[ImportMessage] = field(default_factory=list)
    """The form cannot be imported; ``template`` is None."""
    warnings: list[ImportMessage] = field(default_factory=list)
    """Things dropped or changed on the way."""

    @property
    def ok(self) -> bool:
        return self.template is not None and not self.problems


class _Refused(Exception):
    """Stop importing: the problems are already recorded."""


# -- languages -------------------------------------------------------------------------------------

_LANGUAGE_NAMES = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "ur": "ur",
    "urd": "ur",
    "urdu": "ur",
    "اردو": "ur",
    "zh": "zh",
    "zho": "zh",
    "chi": "zh",
    "cmn": "zh",
    "chinese": "zh",
    "mandarin": "zh",
    "中文": "zh",
    "汉语": "zh",
    "漢語": "zh",
    "简体中文": "zh",
    "繁體中文": "zh",
    "普通话": "zh",
    "普通話": "zh",
}
_LANGUAGE_CODE_IN_NAME = re.compile(r"\(\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*\)\s*$")
_DEFAULT = "default"


def language_code(key: str) -> tuple[str | None, int]:
    """``("en", rank)`` for an XLSForm language name such as ``English (en)``, ``en-GB``, ``اردو``.

    The rank prefers an explicit code (0) over a name (1). None when it is none of en, ur, zh.
    """
    text = key.strip()
    match = _LANGUAGE_CODE_IN_NAME.search(text)
    if match:
        return _LANGUAGE_NAMES.get(match.group(1).lower()), 0
    lowered = text.lower()
    if lowered in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[lowered], 0 if len(lowered) <= 3 else 1
    primary = re.split(r"[-_\s]", lowered, maxsplit=1)[0]
    if primary in ("en", "ur", "zh"):
        return primary, 0
    return None, 9


# -- expressions -----------------------------------------------------------------------------------

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


@dataclass
class _Target:
    kind: str  # item, group, dropped, ambiguous
    id: str | None = None
    reason: str = ""


@dataclass
class _Converted:
    text: str | None
    refs: frozenset[str] = frozenset()
    reason: str | None = None


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


def _ranges(rows: Iterable[int]) -> str:
    ordered = sorted(set(rows))
    spans: list[str] = []
    start = prev = None
    for row in ordered:
        if start is None:
            start = prev = row
        elif row == prev + 1:
            prev = row
        else:
            spans.append(str(start) if start == prev else f"{start}-{prev}")
            start = prev = row
    if start is not None:
        spans.append(str(start) if start == prev else f"{start}-{prev}")
    if len(spans) > 12:
        spans = [*spans[:12], f"... ({len(spans) - 12} more)"]
    return ", ".join(spans)


def _ident(name: str) -> str | None:
    """``name`` made into a valid item / section id, or None when nothing usable is left."""
    ident = _IDENT_BAD.sub("_", name.strip())
    if ident and ident[0].isdigit():
        ident = "_" + ident
    ident = ident[:64]
    return ident if re.search(r"[A-Za-z0-9]", ident) else None


def _unique(base: str, used: set[str], limit: int = 64) -> str:
    candidate, number = base[:limit], 2
    while candidate in used:
        suffix = f"_{number}"
        candidate = base[: limit - len(suffix)] + suffix
        number += 1
    used.add(candidate)
    return candidate


# -- drafts ----------------------------------------------------------------------------------------


@dataclass
class _ExprDraft:
    text: str
    field: str  # relevant, constraint, calculation
    row: int | None
    column: str
    path: tuple[str, ...]
    """Names from the root to the element (for ``../x``)."""
    converted: _Converted | None = None
    origin: str = ""
    """Said first in messages when the expression is not in the cell itself."""


@dataclass
class _Group:
    name: str
    row: int | None
    title: dict[str, str]
    relevant: _ExprDraft | None
    relevant_text: str | None = None
    dropped_relevance: bool = False
    resolved: bool = False


@dataclass
class _ItemDraft:
    name: str
    id: str
    row: int | None
    type: str
    data: dict[str, Any]
    path: tuple[str, ...]
    relevant: _ExprDraft | None = None
    constraint: _ExprDraft | None = None
    calculation: _ExprDraft | None = None
    extra_constraint: str | None = None
    kept: bool = True
    drop_reason: str = ""


@dataclass
class _SectionDraft:
    id: str
    title: dict[str, str]
    row: int | None
    groups: list[_Group]
    items: list[_ItemDraft] = field(default_factory=list)


class _Element:
    """A JSON survey element and the parts of it the mapping used (the rest is reported)."""

    def __init__(self, data: dict[str, Any], row: int | None) -> None:
        self.data = data
        self.row = row
        self.used: set[tuple[str, ...]] = {("type",), ("name",)}

    def peek(self, *path: str) -> Any:
        node: Any = self.data
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return node

    def get(self, *path: str) -> Any:
        """The value at ``path``, marked as used."""
        self.use(*path)
        return self.peek(*path)

    def use(self, *path: str) -> None:
        self.used.add(path)

    def leftovers(self, skip: Iterable[str] = ()) -> list[tuple[str, ...]]:
        skipped = {"children", "choices", "itemset", "list_name", "columns", "query", *skip}
        found: list[tuple[str, ...]] = []

        def visit(node: Any, path: tuple[str, ...]) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    visit(value, (*path, str(key)))
            elif node not in (None, "", [], {}) and not any(path[: len(u)] == u for u in self.used):
                found.append(path)

        for key, value in self.data.items():
            if key not in skipped:
                visit(value, (key,))
        return found


# -- the importer ----------------------------------------------------------------------------------

_METADATA_TYPES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "email",
        "phonenumber",
        "simserial",
        "subscriberid",
        "audit",
        "start-geopoint",
        "background-geopoint",
        "background-audio",
    }
)
_NOTE_TYPES = frozenset({"note", "q note", "add note prompt"})
_CALCULATE_TYPES = frozenset({"calculate", "q calculate", "add calculate prompt"})
_INPUT_TYPES = {
    "int": "integer",
    "decimal": "decimal",
    "string": "text",
    "date": "date",
    "dateTime": "datetime",
    "geopoint": "gps",
    "barcode": "text",
    "time": "text",
}
_CHANGED_INPUT = {
    "barcode": "a barcode question becomes a text item (typed, not scanned)",
    "time": "a time question becomes a text item (FieldKit has no time-of-day answer)",
}
_REQUIRED_TRUE = frozenset({"yes", "true", "true()", "1"})
_REQUIRED_FALSE = frozenset({"no", "false", "false()", "0"})
_COLUMN_MESSAGES = {
    "media": "media (images, audio, video) are not imported",
    "default": "default answers are not supported; not imported",
    "choice_filter": "choice filters are not supported: every choice is offered",
    "parameters": "question parameters are not supported; not imported",
    "trigger": "triggers are not supported; not imported",
}
_CONTROL_MESSAGES = {
    "appearance": "appearance (how a question is displayed) is not supported; not imported",
    "jr:count": "repeat counts are not supported; not imported",
}
_BIND_MESSAGES = {
    "readonly": "read-only is not supported (the question can be answered); not imported",
    "jr:requiredMsg": "required messages are not supported; not imported",
}
_TRANSLATED = {"label", "hint", "guidance_hint", "jr:constraintMsg"}
"""Texts the mapping uses in en / ur / zh: a leftover language column of these is a language not mapped."""
_FIELD_COLUMNS = {
    "relevant": ("bind", "relevant"),
    "constraint": ("bind", "constraint"),
    "constraint_message": ("bind", "jr:constraintMsg"),
    "calculation": ("bind", "calculate"),
    "required": ("bind", "required"),
    "label": ("label",),
    "guidance": ("hint",),
    "id": ("name",),
    "type": ("type",),
}
"""Template fields → the XLSForm column they come from (to place check_template's problems)."""
_HANDLED_SETTINGS = frozenset(
    {
        "type",
        "name",
        "title",
        "id_string",
        "sms_keyword",
        "default_language",
        "children",
        "choices",
        "version",
        "clean_text_values",
        "allow_choice_duplicates",
        "entity_version",
    }
)


class _Importer:
    def __init__(self, path: Path, result: ImportResult) -> None:
        self.path = path
        self.result = result
        self.source = result.source
        self.column_for: dict[str, dict[tuple[str, ...], str]] = {"survey": {}, "choices": {}, "settings": {}}
        self.row_queue: dict[str, list[int]] = {}
        self.row_override: dict[str, int | None] = {}
        self.row_types: dict[int, str] = {}
        self.choice_rows: dict[tuple[str, str], list[int]] = {}
        self.default_language = _DEFAULT
        self.language_keys: dict[str, str] = {}
        self.unused_columns: dict[tuple[str, str, str], set[int]] = {}
        self.targets: dict[str, _Target] = {}
        self.children_of: dict[tuple[str, ...], dict[str, _Target]] = {}
        self.item_ids: set[str] = set()
        self.section_ids: set[str] = set()
        self.sections: list[_SectionDraft] = []
        self.items: dict[str, _ItemDraft] = {}
        self.form_title: dict[str, str] = {}
        self.root_section_id = "form"
        self.template_id = "xlsform"
        self.version = "1"

    # -- messages

    def problem(self, message: str, row: int | None = None, column: str | None = None, sheet: str = "survey"):
        self.result.problems.append(ImportMessage(self.source, message, row, column, sheet))

    def warn(self, message: str, row: int | None = None, column: str | None = None, sheet: str = "survey"):
        self.result.warnings.append(ImportMessage(self.source, message, row, column, sheet))

    def refuse(self, message: str, row: int | None = None, column: str | None = None, sheet: str = "survey"):
        self.problem(message, row, column, sheet)
        raise _Refused

    def has_column(self, path: tuple[str, ...], sheet: str = "survey") -> bool:
        columns = self.column_for[sheet]
        return path in columns or (bool(path) and path[-1] == self.default_language and path[:-1] in columns)

    def column(self, *path: str, sheet: str = "survey") -> str:
        """The spreadsheet header of the JSON ``path`` (``relevant`` for ``("bind", "relevant")``)."""
        columns = self.column_for[sheet]
        if path in columns:
            return columns[path]
        if path and path[-1] == self.default_language and path[:-1] in columns:
            return columns[path[:-1]]
        if path and path[0] in ("bind", "control") and len(path) > 1:
            return "::".join(path[1:])
        return "::".join(path)

    # -- reading

    def run(self) -> None:
        try:
            import pyxform  # noqa: F401
        except ImportError:
            self.refuse("importing XLSForms needs pyxform (pip install 'pyxform>=4.5')")
        data = self.read_bytes()
        kind = self.sniff(data)
        workbook = self.read_workbook(data, kind)
        form = self.convert_with_pyxform(workbook)
        self.map_form(form, workbook)

    def read_bytes(self) -> bytes:
        path = self.path
        try:
            stat = path.stat()
        except OSError as exc:
            self.refuse(f"cannot read the file: {exc.strerror or exc}")
        if not path.is_file():
            self.refuse("not a file")
        if stat.st_size > MAX_BYTES:
            self.refuse(
                f"the file is {stat.st_size / 1024 / 1024:.1f} MB; XLSForms are limited to "
                f"{MAX_BYTES // 1024 // 1024} MB"
            )
        if stat.st_size == 0:
            self.refuse("the file is empty")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            self.refuse(f"cannot read the file: {exc.strerror or exc}")
        if len(data) > MAX_BYTES:
            self.refuse(f"the file is larger than {MAX_BYTES // 1024 // 1024} MB")
        return data

    def sniff(self, data: bytes) -> str:
        suffix = self.path.suffix.lower()
        if data.startswith(_ZIP_MAGIC):
            self.check_zip(data)
            return ".xlsm" if suffix == ".xlsm" else ".xlsx"
        if data.startswith(_OLE_MAGIC):
            return ".xls"
        if suffix in (".csv", ".md"):
            return suffix
        if suffix in (".xlsx", ".xlsm", ".xls"):
            self.refuse(
                f"not an Excel workbook: a {suffix} file is a zip archive (.xlsx) or an OLE2 document (.xls), "
                "and this one is neither"
            )
        self.refuse("not a spreadsheet: XLSForms are .xlsx, .xls, .csv or .md files")
        raise AssertionError  # unreachable

    def check_zip(self, data: bytes) -> None:
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                members = archive.infolist()
                if len(members) > MAX_ZIP_MEMBERS:
                    self.refuse(f"the workbook holds {len(members)} files; refusing it (limit {MAX_ZIP_MEMBERS})")
                total = sum(m.file_size for m in members)
                if total > MAX_UNZIPPED:
                    self.refuse(
                        f"the workbook would expand to {total / 1024 / 1024:.0f} MB (limit "
                        f"{MAX_UNZIPPED // 1024 // 1024} MB); refusing it as a possible zip bomb"
                    )
                damaged = archive.testzip()
                if damaged is not None:
                    self.refuse(f"the workbook is damaged (bad checksum in {damaged})")
        except _Refused:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            self.refuse(f"not a valid workbook: damaged or truncated zip archive ({exc})")

    def read_workbook(self, data: bytes, kind: str) -> Any:
        from pyxform.xls2json_backends import Definition, DefinitionData, SupportedFileTypes

        file_type = SupportedFileTypes(kind)
        definition = Definition(data=BytesIO(data), file_type=file_type, file_path_stem=self.path.stem)
        reader = SupportedFileTypes.get_processors()[file_type]
        try:
            with pywarnings.catch_warnings():
                pywarnings.simplefilter("ignore")
                sheets = reader(definition)
        except Exception as exc:  # pyxform's own errors and anything its readers let through
            self.pyxform_problem(exc, prefix="cannot read the spreadsheet: ")
        known = set(DefinitionData.__dataclass_fields__)
        extra = [k for k in sheets if k not in known]
        if extra:  # e.g. a .csv whose first column names no XLSForm sheet
            self.refuse(f"cannot read the spreadsheet: unknown sheet {extra[0]!r} (not an XLSForm)")
        for sheet in ("survey", "choices"):
            rows = sheets.get(sheet) or ()
            if len(rows) > MAX_ROWS:
                self.refuse(f"the {sheet} sheet has {len(rows)} rows; XLSForms are limited to {MAX_ROWS}", sheet=sheet)
        return DefinitionData(fallback_form_name=self.path.stem, **sheets)

    def pyxform_problem(self, exc: BaseException, prefix: str = "") -> None:
        from pyxform.errors import PyXFormError

        text = " ".join(str(exc).split()) or exc.__class__.__name__
        if not isinstance(exc, PyXFormError):
            text = f"{exc.__class__.__name__}: {text}"
        row = None
        match = _ROW_IN_MESSAGE.search(text)
        if match:
            row = int(match.group(1))
            text = _ROW_IN_MESSAGE.sub("", text, count=1).strip()
        sheet_match = _SHEET_IN_MESSAGE.search(text)
        sheet = sheet_match.group(1).lower() if sheet_match else "survey"
        if sheet not in ("survey", "choices", "settings"):
            sheet = "survey"
        column = None
        if row is None:  # pyxform did not say where: find the row when the message lets us
            named = _NAMED_IN_MESSAGE.search(text)
            if "column header" in text:
                row = 1
            elif named and self.row_queue.get(named.group(1)):
                row = self.row_queue[named.group(1)][0]
            elif "has not been included" in text:
                row = next((r for r, kind in self.row_types.items() if kind.startswith("include")), None)
                column = self.column("type") if row else None
                text += " (the type 'include', a form made of other forms, is not supported)"
        self.refuse(f"{prefix}{text}" if prefix else f"pyxform: {text}", row=row, column=column, sheet=sheet)

    def convert_with_pyxform(self, workbook: Any) -> dict[str, Any]:
        from pyxform.builder import create_survey_element_from_dict
        from pyxform.xls2json import workbook_to_json

        self.index_sheets(workbook)
        messages: list[str] = []
        try:
            with pywarnings.catch_warnings():
                pywarnings.simplefilter("ignore")
                form = workbook_to_json(
                    workbook_dict=copy.deepcopy(workbook),
                    fallback_form_name=self.path.stem,
                    warnings=messages,
                )
                survey = create_survey_element_from_dict(copy.deepcopy(form))
                survey.xml()  # what building the XForm checks (references, names, labels), without files
        except _Refused:
            raise
        except Exception as exc:
            self.pyxform_problem(exc)
        for message in messages:
            if _PYXFORM_NOISE.search(message):
                continue
            row = None
            match = _ROW_IN_MESSAGE.search(message)
            if match:
                row = int(match.group(1))
                message = _ROW_IN_MESSAGE.sub("", message, count=1)
            self.warn("pyxform: " + " ".join(message.split()), row=row)
        return form

    def index_sheets(self, workbook: Any) -> None:
        """Headers → JSON paths, and the rows of questions and choices (pyxform's JSON keeps no rows)."""
        from pyxform import aliases
        from pyxform.parsing.sheet_headers import process_header
        from pyxform.question import MultipleChoiceQuestion, Option
        from pyxform.survey import Survey

        specs = {
            "survey": (workbook.survey_header, aliases.survey_header, set(MultipleChoiceQuestion.get_slot_names())),
            "choices": (workbook.choices_header, aliases.list_header, set(Option.get_slot_names())),
            "settings": (workbook.settings_header, aliases.settings_header, set(Survey.get_slot_names())),
        }
        for sheet, (header, header_aliases, columns) in specs.items():
            names = [h for h in (header[0] if header else {}) if isinstance(h, str)]
            double = any("::" in h for h in names)
            for name in names:
                try:
                    _new, tokens = process_header(name, double, header_aliases, columns)
                except Exception:
                    continue
                self.column_for[sheet].setdefault(tuple(tokens), name)
        survey_cols = {v: k for k, v in self.column_for["survey"].items()}
        name_col = next((h for h, t in survey_cols.items() if t == ("name",)), None)
        type_col = next((h for h, t in survey_cols.items() if t == ("type",)), None)
        disabled_col = next((h for h, t in survey_cols.items() if t == ("disabled",)), None)
        for number, row in enumerate(workbook.survey or (), start=2):
            name = str(row.get(name_col, "") or "").strip() if name_col else ""
            kind = str(row.get(type_col, "") or "").strip().lower() if type_col else ""
            self.row_types[number] = kind
            if not name or not kind or re.match(r"^end[\s_]", kind):
                continue
            if disabled_col and str(row.get(disabled_col, "")).strip().lower() in _REQUIRED_TRUE:
                continue
            self.row_queue.setdefault(name, []).append(number)
        choice_cols = {v: k for k, v in self.column_for["choices"].items()}
        list_col = next((h for h, t in choice_cols.items() if t and t[0] == "list name"), None)
        value_col = next((h for h, t in choice_cols.items() if t == ("name",)), None)
        for number, row in enumerate(workbook.choices or (), start=2):
            if list_col and value_col and row.get(list_col) is not None and row.get(value_col) is not None:
                key = (str(row[list_col]).strip(), str(row[value_col]).strip())
                self.choice_rows.setdefault(key, []).append(number)

    def row_for(self, name: str) -> int | None:
        if name in self.row_override:
            return self.row_override.pop(name)
        queue = self.row_queue.get(name)
        if queue:
            return queue.pop(0)
        match = re.fullmatch(r"generated_note_name_(\d+)", name)
        return int(match.group(1)) if match else None

    # -- texts

    def collect_languages(self, form: dict[str, Any]) -> None:
        seen: list[str] = []

        def note(value: Any) -> None:
            if isinstance(value, dict):
                for key in value:
                    if isinstance(key, str) and key not in seen:
                        seen.append(key)

        def visit(element: dict[str, Any]) -> None:
            note(element.get("label"))
            note(element.get("hint"))
            note(element.get("guidance_hint"))
            bind = element.get("bind")
            if isinstance(bind, dict):
                note(bind.get("jr:constraintMsg"))
            for choice in element.get("choices") or element.get("columns") or ():
                if isinstance(choice, dict):
                    note(choice.get("label"))
            for child in element.get("children") or ():
                if isinstance(child, dict):
                    visit(child)

        visit(form)
        for choices in (form.get("choices") or {}).values():
            for choice in choices if isinstance(choices, list) else ():
                if isinstance(choice, dict):
                    note(choice.get("label"))
        best: dict[str, tuple[int, str]] = {}
        for key in seen:
            if key == _DEFAULT:
                continue
            code, rank = language_code(key)
            if code and (code not in best or rank < best[code][0]):
                best[code] = (rank, key)
        self.language_keys = {code: key for code, (_rank, key) in best.items()}

    def local_text(
        self,
        element: _Element,
        path: tuple[str, ...],
        *,
        what: str,
        fallback: str | None = None,
        sheet: str = "survey",
    ) -> dict[str, str] | None:
        """The text at ``path`` in en / ur / zh (see the module docstring); marks what it used."""
        value = element.peek(*path)
        scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
        raw = {self.default_language: value} if scalar else (value if isinstance(value, dict) else {})
        texts = {k: str(v).strip() for k, v in raw.items() if isinstance(k, str) and v is not None}
        texts = {k: v for k, v in texts.items() if v}
        result: dict[str, str] = {}
        used: list[str] = []
        for code in LANGUAGES:
            key = self.language_keys.get(code)
            if key in texts:
                result[code] = texts[key]
                used.append(key)
        if "en" not in result:
            other = _DEFAULT if _DEFAULT in texts else next((k for k in texts if k not in used), None)
            if other is None and used:
                other = used[0]
            if other is not None:
                result["en"] = texts[other]
                if other not in used:
                    used.append(other)
                if other != _DEFAULT:
                    self.warn(
                        f"no English {what}: the {other!r} text is used as the English one",
                        element.row,
                        self.column(*path, other, sheet=sheet),
                        sheet,
                    )
            elif fallback is not None:
                result["en"] = fallback
                self.warn(
                    f"no {what}: {fallback!r} is shown instead", element.row, self.column(*path, sheet=sheet), sheet
                )
        if scalar and used:
            element.use(*path)
        for key in used:
            element.use(*path, key)
        for code, text in list(result.items()):
            if len(text) > MAX_TEXT:
                result[code] = text[: MAX_TEXT - 1] + "…"
                self.warn(
                    f"{what} longer than {MAX_TEXT} characters; cut",
                    element.row,
                    self.column(*path, sheet=sheet),
                    sheet,
                )
        return result or None

    # -- ids and names

    def register(self, name: str, path: tuple[str, ...], target: _Target) -> None:
        if name in self.targets:
            self.targets[name] = _Target("ambiguous", reason=f"{name!r} names more than one question or group")
        else:
            self.targets[name] = target
        self.children_of.setdefault(path[:-1], {})[name] = target

    def item_id(self, name: str, row: int | None) -> str:
        base = _ident(name) or f"q{row or len(self.item_ids) + 1}"
        new = _unique(base, self.item_ids)
        if new != name:
            why = "not a valid FieldKit id" if base != name else "the name is used twice"
            self.warn(f"question {name!r} is imported as {new!r} ({why})", row, self.column("name"))
        return new

    # -- the form

    def map_form(self, form: dict[str, Any], workbook: Any) -> None:
        self.default_language = str(form.get("default_language") or _DEFAULT)
        self.collect_languages(form)
        self.map_settings(form, workbook)
        for sheet in ("external_choices", "entities", "osm"):
            if getattr(workbook, sheet, None):
                self.warn(f"the {sheet} sheet is not supported; ignored", sheet=sheet)
        self.walk(form.get("children") or [], (), [], form.get("choices") or {}, depth=0)
        self.report_unused_columns()
        self.resolve_expressions()
        self.build(form)

    def map_settings(self, form: dict[str, Any], workbook: Any) -> None:
        settings_row = 2 if workbook.settings else None
        form_id = str(form.get("id_string") or self.path.stem)
        template_id = _TEMPLATE_ID_BAD.sub("-", form_id.strip().lower()).strip("-_")[:100] or "xlsform"
        if not re.match(r"^[a-z0-9]", template_id):
            template_id = "xlsform-" + template_id
        if template_id != form_id:
            origin = "form_id" if ("id_string",) in self.column_for["settings"] else "the file name"
            self.warn(
                f"the template id is {template_id!r} ({origin} {form_id!r} made lowercase with - and _)",
                settings_row if origin == "form_id" else None,
                self.column("id_string", sheet="settings") if origin == "form_id" else None,
                "settings" if origin == "form_id" else "survey",
            )
        self.template_id = template_id
        raw_version = str(form.get("version") or "").strip()
        version = _VERSION_BAD.sub("-", raw_version).strip("-")[:32] or "1"
        if raw_version and version != raw_version:
            self.warn(
                f"version {raw_version!r} is imported as {version!r}",
                settings_row,
                self.column("version", sheet="settings"),
                "settings",
            )
        self.version = version
        title = " ".join(str(form.get("title") or self.path.stem).split())[:MAX_TEXT] or template_id
        self.form_title = {"en": title}
        self.root_section_id = _ident(template_id.replace("-", "_")) or "form"
        for key, value in form.items():
            if key in _HANDLED_SETTINGS or value in (None, "", False):
                continue
            self.warn(
                f"setting {key!r} is not supported; ignored",
                settings_row,
                self.column(key, sheet="settings"),
                "settings",
            )

    def walk(
        self,
        children: list[Any],
        path: tuple[str, ...],
        groups: list[_Group],
        all_choices: dict[str, Any],
        depth: int,
    ) -> None:
        if depth > MAX_NESTING:
            self.refuse(f"groups are nested more than {MAX_NESTING} deep")
        run: _SectionDraft | None = None
        generated = self.generated_counts(children)
        for data in children:
            if not isinstance(data, dict):
                continue
            kind = str(data.get("type", ""))
            name = str(data.get("name", ""))
            if name in generated or _GENERATED_TABLE_HEADER.fullmatch(name):
                # pyxform's own helpers: a repeat's count (dropped with the repeat, which says so) and the
                # header row of a table-list (display only)
                self.register(name, (*path, name), _Target("dropped", reason="generated by pyxform"))
                continue
            if kind in ("group", "repeat") and name == "meta" and (data.get("control") or {}).get("bodyless"):
                self.map_meta(data, path)
                continue
            if kind in ("group", "repeat", "loop"):
                run = None
                self.map_group(data, kind, path, groups, all_choices, depth)
                continue
            item = self.map_item(data, path, all_choices)
            if item is None:
                continue
            if run is None:
                run = self.new_section(groups)
            run.items.append(item)

    def generated_counts(self, children: list[Any]) -> set[str]:
        """Calculates pyxform adds for a constant ``repeat_count`` (not in the sheet)."""
        found = set()
        for data in children:
            if isinstance(data, dict) and data.get("type") == "repeat":
                count = str((data.get("control") or {}).get("jr:count", ""))
                match = re.fullmatch(r"\$\{(\w+)\}", count.strip())
                if match and match.group(1) not in self.row_queue:
                    found.add(match.group(1))
        return found

    def new_section(self, groups: list[_Group]) -> _SectionDraft:
        if groups:
            base = _ident(groups[-1].name) or "section"
            titles = [g.title for g in groups]
            title = {"en": " / ".join(t["en"] for t in titles)}
            for code in ("ur", "zh"):
                if any(code in t for t in titles):
                    title[code] = " / ".join(t.get(code, t["en"]) for t in titles)
            title = {k: v[:MAX_TEXT] for k, v in title.items()}
            row = groups[-1].row
        else:
            base, title, row = self.root_section_id, dict(self.form_title), None
        section = _SectionDraft(_unique(base, self.section_ids), title, row, list(groups))
        self.sections.append(section)
        return section

    def map_meta(self, data: dict[str, Any], path: tuple[str, ...]) -> None:
        row = self.row_for("meta")
        for child in data.get("children") or ():
            if not isinstance(child, dict):
                continue
            name = str(child.get("name", ""))
            kind = str(child.get("type", ""))
            child_row = self.row_for(name)
            self.register(name, (*path, "meta", name), _Target("dropped", reason="form metadata"))
            if child_row is not None or kind == "audit":  # not instanceID or entities, which pyxform adds
                self.warn(f"{kind} (metadata the device records) is not imported", child_row, self.column("type"))
        if row is not None:
            self.warn("the meta group is not imported", row, self.column("type"))

    def map_group(
        self,
        data: dict[str, Any],
        kind: str,
        path: tuple[str, ...],
        groups: list[_Group],
        all_choices: dict[str, Any],
        depth: int,
    ) -> None:
        name = str(data.get("name", ""))
        row = self.row_for(name)
        element = _Element(data, row)
        inner = (*path, name)
        self.register(name, inner, _Target("group", reason=f"{name!r} is a {kind}, not a question"))
        title = self.local_text(element, ("label",), what="group label") or {"en": name}
        relevant = element.get("bind", "relevant")
        group = _Group(
            name,
            row,
            title,
            _ExprDraft(str(relevant), "relevant", row, self.column("bind", "relevant"), inner) if relevant else None,
        )
        before = len(self.sections)
        if kind == "loop":
            self.expand_loop(element, path, [*groups, group], all_choices, depth)
        else:
            if kind == "repeat":
                count = element.get("control", "jr:count")
                extra = f"; its repeat_count {count!r} is dropped" if count else ""
                self.warn(
                    f"repeat {name!r}: FieldKit sections do not repeat; imported as one section, "
                    f"so only one instance is kept{extra}",
                    row,
                    self.column("type"),
                )
            self.walk(data.get("children") or [], inner, [*groups, group], all_choices, depth + 1)
        self.report_leftovers(element)
        if len(self.sections) == before:
            self.warn(f"{kind} {name!r} has no question FieldKit can import; skipped", row, self.column("type"))

    def expand_loop(
        self,
        element: _Element,
        path: tuple[str, ...],
        groups: list[_Group],
        all_choices: dict[str, Any],
        depth: int,
    ) -> None:
        loop = groups[-1]
        columns = [c for c in element.data.get("columns") or () if isinstance(c, dict) and c.get("name") != "none"]
        children = [c for c in element.data.get("children") or () if isinstance(c, dict)]
        rows = {str(c.get("name", "")): self.row_for(str(c.get("name", ""))) for c in children}
        self.warn(
            f"loop {loop.name!r} is expanded into one section per choice ({len(columns)}); "
            "each question id gets the choice name as a suffix",
            loop.row,
            self.column("type"),
        )
        for column in columns:
            col_name = str(column.get("name", ""))
            label = column.get("label")
            labels = label if isinstance(label, dict) else {self.default_language: str(label or col_name)}
            col_element = _Element(column, None)
            col_title = self.local_text(col_element, ("label",), what="choice label") or {"en": col_name}
            copies = []
            for child in children:
                clone = copy.deepcopy(child)
                for key in ("label", "hint"):
                    value = clone.get(key)
                    if isinstance(value, str):
                        clone[key] = self.substitute(value, col_name, labels.get(self.default_language, col_name))
                    elif isinstance(value, dict):
                        clone[key] = {
                            lang: self.substitute(str(text), col_name, str(labels.get(lang, col_name)))
                            for lang, text in value.items()
                        }
                clone["name"] = f"{clone.get('name', '')}_{col_name}"
                self.row_override[clone["name"]] = rows.get(str(child.get("name", "")))
                copies.append(clone)
            column_group = _Group(f"{loop.name}_{col_name}", loop.row, col_title, None)
            section_groups = [*groups, column_group]
            self.walk(copies, (*path, loop.name, col_name), section_groups, all_choices, depth + 1)
        for name in rows:
            reason = f"{name!r} is a question of loop {loop.name!r}, which is one question per choice here"
            self.register(name, (*path, loop.name, name), _Target("dropped", reason=reason))

    @staticmethod
    def substitute(text: str, name: str, label: str) -> str:
        return text.replace("%(label)s", label).replace("%(name)s", name)

    def classify(self, kind: str, element: _Element) -> tuple[str | None, str]:
        """(our item type, a note on the change) or (None, why it is dropped)."""
        from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

        spec = QUESTION_TYPE_DICT.get(kind, {})
        bind = spec.get("bind", {})
        control = spec.get("control", {})
        if kind in _NOTE_TYPES:
            return "note", ""
        if kind in _CALCULATE_TYPES:
            return "calculate", ""
        if kind in _METADATA_TYPES or "jr:preload" in bind or kind.startswith("uri:"):
            return None, "metadata"
        if kind == "hidden":
            return None, "hidden questions are not supported"
        if kind in ("csv-external", "xml-external"):
            return None, "external data files are not supported"
        if kind == "select one external":
            return None, "select_one_external (choices from an external file) is not supported"
        tag = control.get("tag")
        if tag == "trigger":
            return "select_one", "acknowledge"
        if tag in ("select1", "select"):
            return ("select_one" if tag == "select1" else "select_many"), ""
        if tag == "range":
            return "decimal", "range"
        if tag == "upload":
            if control.get("mediatype") == "image/*":
                appearance = str(element.data.get("control", {}).get("appearance", "")).split()
                if "signature" in appearance:
                    element.use("control", "appearance")
                    return "signature", ""
                return "photo", ""
            media = {"audio/*": "audio", "video/*": "video", "osm/*": "OpenStreetMap"}.get(control.get("mediatype"))
            return None, f"{media or 'file'} questions are not supported"
        if tag == "input" and bind.get("type") in _INPUT_TYPES:
            return _INPUT_TYPES[bind["type"]], _CHANGED_INPUT.get(bind["type"], "")
        if bind.get("type") in ("geotrace", "geoshape"):
            return None, f"{bind['type']} questions are not supported (FieldKit records points)"
        if tag == "odk:rank":
            return None, "rank questions are not supported"
        return None, f"question type {kind!r} is not supported"

    def map_item(self, data: dict[str, Any], path: tuple[str, ...], all_choices: dict[str, Any]) -> _ItemDraft | None:
        kind = str(data.get("type", ""))
        name = str(data.get("name", ""))
        row = self.row_for(name)
        element = _Element(data, row)
        item_path = (*path, name)
        our_type, note = self.classify(kind, element)
        if our_type is None:
            if note == "metadata":
                self.warn(f"{kind} (metadata the device records) is not imported", row, self.column("type"))
                self.register(name, item_path, _Target("dropped", reason="device metadata"))
            else:
                self.warn(f"{note}; {name!r} is not imported", row, self.column("type"))
                self.register(name, item_path, _Target("dropped", reason=note))
            return None
        choices: list[dict[str, Any]] = []
        if our_type in ("select_one", "select_many") and note != "acknowledge":
            choices = self.map_choices(element, all_choices)
            if not choices:
                itemset = str(element.data.get("itemset") or "")
                if itemset.startswith("${"):
                    reason = f"its choices are earlier answers ({itemset}), which FieldKit does not support"
                elif itemset:
                    reason = f"its choices come from the file {itemset!r}, which FieldKit does not read"
                else:
                    reason = "its choices are not in the form"
                self.warn(f"{kind} {name!r}: {reason}; not imported", row, self.column("type"))
                self.register(name, item_path, _Target("dropped", reason=reason))
                return None
        if note == "acknowledge":
            choices = [{"value": "OK", "label": {"en": "OK"}}]
            self.warn(
                f"{kind} {name!r} becomes a select_one item with the single choice 'OK'", row, self.column("type")
            )
        elif note and note != "range":
            self.warn(f"{name!r}: {note}", row, self.column("type"))
        calculation = element.get("bind", "calculate")
        if our_type == "calculate" and not calculation:
            self.warn(f"calculate {name!r} has no calculation; not imported", row, self.column("type"))
            self.register(name, item_path, _Target("dropped", reason="it has no calculation"))
            return None
        item_id = self.item_id(name, row)
        self.register(name, item_path, _Target("item", id=item_id))
        item: dict[str, Any] = {"type": our_type}
        if our_type == "calculate" and not element.peek("label"):
            item["label"] = {"en": name}  # calculates are not shown: no label is normal
        else:
            item["label"] = self.local_text(element, ("label",), what="label", fallback=name)
        if _PIPED.search(" ".join(item["label"].values())):
            raw = element.peek("label")
            texts = raw if isinstance(raw, dict) else {None: raw}
            key = next((k for k, v in texts.items() if _PIPED.search(str(v or ""))), None)
            column = self.column("label", key) if key is not None else self.column("label")
            self.aggregate("labels that show answers (${...}) are shown as written", row, column)
        guidance = self.guidance(element)
        if guidance:
            item["guidance"] = guidance
        if choices:
            item["choices"] = choices
        self.map_required(element, item, kind, name)
        draft = _ItemDraft(name, item_id, row, our_type, item, item_path)
        relevant = element.get("bind", "relevant")
        if relevant:
            draft.relevant = _ExprDraft(str(relevant), "relevant", row, self.column("bind", "relevant"), item_path)
        self.map_constraint(element, draft, kind)
        if our_type == "calculate":
            element.get("bind", "readonly")
            draft.calculation = _ExprDraft(
                str(calculation), "calculation", row, self.column("bind", "calculate"), item_path
            )
        elif calculation:
            self.warn(
                f"a calculation on a {kind} question (a computed answer) is not supported; dropped",
                row,
                self.column("bind", "calculate"),
            )
        if our_type == "note":
            element.get("bind", "readonly")
        if note == "range":
            self.map_range(element, draft)
        self.report_leftovers(element)
        self.items[item_id] = draft
        return draft

    def guidance(self, element: _Element) -> dict[str, str] | None:
        hint = self.local_text(element, ("hint",), what="hint") or {}
        extra = self.local_text(element, ("guidance_hint",), what="guidance hint") or {}
        if not hint:
            return extra or None
        for code, text in extra.items():
            hint[code] = f"{hint.get(code, hint['en'])}\n\n{text}"[:MAX_TEXT]
        return hint

    def map_required(self, element: _Element, item: dict[str, Any], kind: str, name: str) -> None:
        required = element.get("bind", "required")
        if required is None or str(required).strip() == "":
            return
        value = str(required).strip().lower()
        if value in _REQUIRED_TRUE:
            if item["type"] == "note" or item["type"] == "calculate":
                self.warn(
                    f"a {kind} has no answer to require; required dropped", element.row, self.column("bind", "required")
                )
            else:
                item["required"] = True
        elif value not in _REQUIRED_FALSE:
            self.warn(
                f"a conditional required ({required!r}) is not supported; {name!r} is optional",
                element.row,
                self.column("bind", "required"),
            )

    def map_constraint(self, element: _Element, draft: _ItemDraft, kind: str) -> None:
        from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

        constraint = element.get("bind", "constraint")
        column, origin = self.column("bind", "constraint"), ""
        if not constraint:
            builtin = QUESTION_TYPE_DICT.get(kind, {}).get("bind", {}).get("constraint")
            if builtin:
                constraint, column = builtin, self.column("type")
                origin = f"the check built into the type {kind!r} ({builtin}): "
        if constraint:
            draft.constraint = _ExprDraft(str(constraint), "constraint", element.row, column, draft.path, origin=origin)
            message = self.local_text(element, ("bind", "jr:constraintMsg"), what="constraint message")
            if message:
                draft.data["constraint_message"] = message
        elif element.peek("bind", "jr:constraintMsg"):
            message = element.peek("bind", "jr:constraintMsg")
            self.local_text(element, ("bind", "jr:constraintMsg"), what="constraint message")
            languages = list(message) if isinstance(message, dict) else []
            self.warn(
                "a constraint message without a constraint; dropped",
                element.row,
                self.column("bind", "jr:constraintMsg", *languages[:1]),
            )
        if draft.type in ("integer", "decimal") and not draft.data.get("guidance"):
            hint = QUESTION_TYPE_DICT.get(kind, {}).get("hint")
            if hint:
                draft.data["guidance"] = {"en": hint}

    def map_range(self, element: _Element, draft: _ItemDraft) -> None:
        params = element.get("parameters") or {}
        numbers: dict[str, float] = {}
        for key, default in (("start", 1), ("end", 10), ("step", 1)):
            try:
                numbers[key] = float(params.get(key, default)) if isinstance(params, dict) else float(default)
            except (TypeError, ValueError):
                numbers[key] = float(default)
        if all(v.is_integer() for v in numbers.values()):
            draft.type = draft.data["type"] = "integer"
        low, high = sorted((numbers["start"], numbers["end"]))

        def show(v: float) -> str:
            return str(int(v)) if v.is_integer() else repr(v)

        draft.extra_constraint = f". >= {show(low)} and . <= {show(high)}"
        self.warn(
            f"a range (slider) becomes a number item; its bounds {show(low)}..{show(high)} are kept as a constraint",
            element.row,
            self.column("type"),
        )

    def map_choices(self, element: _Element, all_choices: dict[str, Any]) -> list[dict[str, Any]]:
        list_name = str(element.data.get("list_name") or element.data.get("itemset") or "")
        raw = element.data.get("choices")
        if not isinstance(raw, list):
            raw = all_choices.get(list_name) if list_name else None
        if not isinstance(raw, list):
            return []
        result = []
        seen: dict[str, int] = {}
        for data in raw:
            if not isinstance(data, dict):
                continue
            value = str(data.get("name", "")).strip()
            rows = self.choice_rows.get((list_name, value)) or []
            row = rows[seen.get(value, 0)] if seen.get(value, 0) < len(rows) else None
            if value in seen:
                seen[value] += 1
                self.warn(
                    f"choice {value!r} is listed again in list {list_name!r} (for another choice filter); "
                    "FieldKit offers it once",
                    row,
                    self.column("name", sheet="choices"),
                    "choices",
                )
                continue
            seen[value] = 1
            choice = _Element(data, row)
            label = self.local_text(choice, ("label",), what="choice label", sheet="choices")
            if not label:
                label = {"en": value or "?"}
                if value != "other":
                    self.warn(
                        f"choice {value!r} has no label; its name is shown",
                        row,
                        self.column("label", sheet="choices"),
                        "choices",
                    )
            if not _CHOICE_VALUE.match(value):
                self.problem(
                    f"choice name {value!r} cannot be a FieldKit choice value (letters, digits, _ . and -, "
                    "at most 64 characters)",
                    row,
                    self.column("name", sheet="choices"),
                    "choices",
                )
                continue
            result.append({"value": value, "label": label})
            self.report_leftovers(choice, sheet="choices")
        return result

    # -- leftovers

    def report_leftovers(self, element: _Element, sheet: str = "survey") -> None:
        for path in element.leftovers():
            if not self.has_column(path, sheet):
                continue  # pyxform derived it from another column, which is reported
            self.aggregate(self.leftover_message(path), element.row, self.column(*path, sheet=sheet), sheet)

    def aggregate(self, message: str, row: int | None, column: str, sheet: str = "survey") -> None:
        """A warning given once per column, with every row it applies to."""
        self.unused_columns.setdefault((sheet, column, message), set()).add(row or 0)

    def leftover_message(self, path: tuple[str, ...]) -> str:
        text_field = path[1] if path[0] == "bind" and len(path) > 1 else path[0]
        if text_field in _TRANSLATED and len(path) >= (3 if path[0] == "bind" else 2):
            lang = path[-1]
            code = language_code(lang)[0] if lang != _DEFAULT else "en"
            if code is None:
                return f"language {lang!r} is not English, Urdu or Chinese; not imported"
            chosen = self.language_keys.get(code)
            using = f"the {chosen!r} texts are used" if chosen and chosen != lang else "another column is used"
            return f"not imported: {using} for {code}"
        if path[0] == "control" and len(path) > 1:
            return _CONTROL_MESSAGES.get(path[1], "this column is not supported; not imported")
        if path[0] == "bind" and len(path) > 1:
            return _BIND_MESSAGES.get(path[1], "this column is not supported; not imported")
        return _COLUMN_MESSAGES.get(path[0]) or "this column is not supported; not imported"

    def report_unused_columns(self) -> None:
        for (sheet, column, message), rows in self.unused_columns.items():
            known = sorted(r for r in rows if r)
            more = f" (also rows {_ranges(known[1:])})" if len(known) > 1 else ""
            self.warn(message + more, known[0] if known else None, column, sheet)

    # -- expressions

    def convert(self, draft: _ExprDraft) -> _Converted:
        if draft.converted is not None:
            return draft.converted
        draft.converted = result = self._convert(draft)
        return result

    def _convert(self, draft: _ExprDraft) -> _Converted:
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
                reference(self.targets.get(name), name)
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
                reference(self.children_of.get(container, {}).get(target_name), target_name)
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

    # -- the template

    def build(self, form: dict[str, Any]) -> None:
        sections = []
        rows_of: dict[str, int | None] = {}
        for section in self.sections:
            items = []
            for item in section.items:
                if not item.kept:
                    continue
                items.append({"id": item.id, **item.data})
                rows_of[f"item {item.id!r}"] = item.row
            if not items:
                continue
            data: dict[str, Any] = {"id": section.id, "title": section.title, "items": items}
            relevants = [g.relevant_text for g in section.groups if g.relevant_text]
            if relevants:
                data["relevant"] = relevants[0] if len(relevants) == 1 else " and ".join(f"({r})" for r in relevants)
            rows_of[f"section {section.id!r}"] = section.row
            sections.append(data)
        if self.result.problems:
            raise _Refused
        if not sections:
            reasons = sorted({w.message for w in self.result.warnings if "not imported" in w.message})
            why = f" ({'; '.join(reasons[:5])})" if reasons else ""
            self.refuse(f"the form has no question FieldKit can import{why}")
        data = {"id": self.template_id, "version": self.version, "title": self.form_title, "sections": sections}
        try:
            template = parse_template(data, self.source)
        except TemplateError as exc:
            for problem in exc.problems:
                field_path = _FIELD_COLUMNS.get(problem.field.split(".")[0])
                column = self.column(*field_path) if field_path else (problem.field or None)
                self.problem(f"{problem.where}: {problem.message}", rows_of.get(problem.where), column)
            raise _Refused from None
        from fieldkit.checklists.evaluate import compile_template

        try:
            compile_template(template)
        except (ValueError, ExpressionError) as exc:
            self.refuse(str(exc))
        self.result.template = template


def import_xlsform(path: Path) -> ImportResult:
    """Read the XLSForm at ``path`` and map it to a template; never raises for any input."""
    path = Path(path)
    result = ImportResult(source=path.name or str(path))
    try:
        _Importer(path, result).run()
    except _Refused:
        pass
    except RecursionError:
        result.problems.append(ImportMessage(result.source, "the form is nested too deeply to import"))
    except Exception as exc:  # the last guard: whatever the input, a problem rather than a crash
        result.problems.append(
            ImportMessage(result.source, f"cannot import the form ({exc.__class__.__name__}: {exc})")
        )
    if result.problems:
        result.template = None
    result.problems = _tidy(result.problems)
    result.warnings = _tidy(result.warnings)
    return result


_SHEET_ORDER = {"settings": 0, "survey": 1, "choices": 2}


def _tidy(messages: list[ImportMessage]) -> list[ImportMessage]:
    """Without repeats, in the order of the workbook: settings, then survey and choices rows."""
    unique = list(dict.fromkeys(messages))
    return sorted(unique, key=lambda m: (_SHEET_ORDER.get(m.sheet, 3), m.row or 0))
