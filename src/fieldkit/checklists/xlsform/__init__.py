"""Importing XLSForms (ODK / Kobo spreadsheets) as checklist templates.

pyxform reads the spreadsheet (.xlsx, .xlsm, .xls, and its .csv and .md text forms) and checks it exactly as
it would before building an XForm (``workbook_to_json``, then the survey builder and the XForm body, without
ODK Validate and without writing any file). Its JSON survey is then mapped to our :class:`Template`. Nothing
in the form is ever evaluated: expressions are tokenised, rewritten and parsed by our own grammar.

Every message names the sheet row and the column of the cell it is about, e.g.::

    form.xlsx: row 12, column relevant: unsupported function regex(); dropped (the question is always shown)

``problems`` mean the form cannot be imported (pyxform rejects it, the file is not a workbook, or what is
left is not a valid template); ``warnings`` list everything dropped or changed on the way.

Mapping decisions are explained where they are made:

* :mod:`.workbook`: reading the file with pyxform, the row and column of every cell, and the limits;
* :mod:`.languages`: which language columns give the en / ur / zh texts;
* :mod:`.columns`: columns with no equivalent;
* :mod:`.questions`: question types, choices, hints, required, constraints and item ids;
* :mod:`.sections`: groups, repeats and loops;
* :mod:`.xpath`: expressions, and what is dropped when one cannot be converted;
* :mod:`.template`: the template's id, version and title, and the final checks.
"""

from __future__ import annotations

from pathlib import Path

from fieldkit.checklists.xlsform.languages import MAX_TEXT, language_code
from fieldkit.checklists.xlsform.messages import ImportMessage, ImportResult, _Refused
from fieldkit.checklists.xlsform.sections import MAX_NESTING
from fieldkit.checklists.xlsform.template import _Importer
from fieldkit.checklists.xlsform.workbook import MAX_BYTES, MAX_ROWS, MAX_UNZIPPED, MAX_ZIP_MEMBERS

__all__ = [
    "MAX_BYTES",
    "MAX_NESTING",
    "MAX_ROWS",
    "MAX_TEXT",
    "MAX_UNZIPPED",
    "MAX_ZIP_MEMBERS",
    "ImportMessage",
    "ImportResult",
    "import_xlsform",
    "language_code",
]


def import_xlsform(path: Path) -> ImportResult:
    """Read the XLSForm at ``path`` (.xlsx, .xlsm, .xls, .csv or .md) and map it to a template.

    The result holds the template, or None and the problems that stop the import, and the warnings either
    way, each in the order of the workbook. Never raises for any input.
    """
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
