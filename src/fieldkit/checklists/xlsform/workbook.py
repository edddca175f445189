"""Reading the workbook with pyxform, and finding the sheet row and column of every cell.

pyxform's JSON survey keeps neither rows nor spreadsheet headers: the sheets are indexed first (each
header → the JSON path pyxform makes of it; each question name and choice → its rows), so that every
message can name the cell it is about.

Limits: files over 10 MB are refused; so are workbooks that would expand to more than 64 MB (zip bombs)
and survey or choices sheets of more than 5,000 rows. Row numbers are those of the spreadsheet for .xlsx
and .xls files; for .csv and .md forms they count the non-empty rows of the sheet, as pyxform does.
"""

from __future__ import annotations

import copy
import re
import warnings as pywarnings
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

from fieldkit.checklists.xlsform.messages import ImportMessage, ImportResult, _Refused

MAX_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused before anything reads them."""
MAX_UNZIPPED = 64 * 1024 * 1024
"""An .xlsx (a zip archive) whose members would expand to more than this is refused."""
MAX_ZIP_MEMBERS = 5000
MAX_ROWS = 5000
"""Survey or choices rows: far above real forms, and it keeps pyxform and our checks to seconds."""

_DEFAULT = "default"
"""pyxform's key for a text whose column names no language (``label`` rather than ``label::English (en)``)."""

_REQUIRED_TRUE = frozenset({"yes", "true", "true()", "1"})
"""Cell values that mean yes (``required``, ``disabled``)."""

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PYXFORM_NOISE = re.compile(
    r"max-pixels|no longer supported on most devices|^Language '.*' is missing|Choices should have a label"
    r"|^Repeat has no label"
)
"""pyxform warnings about the XForm or ODK Collect that say nothing about what FieldKit imports."""
_ROW_IN_MESSAGE = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
_NAMED_IN_MESSAGE = re.compile(r"named '([^']+)'")
_SHEET_IN_MESSAGE = re.compile(r"On the '(\w+)' sheet")


class _Workbook:
    """The first layer of the importer: the file, its sheets as pyxform reads them, and where each cell is."""

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
