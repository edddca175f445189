"""XLSForm import: the mapping of forms we build here, the shared corpus, hostile files and the CLI."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("pyxform", reason="XLSForm import needs pyxform")
from openpyxl import Workbook  # installed with pyxform

from fieldkit.checklists.evaluate import compile_template, evaluate
from fieldkit.checklists.validate import check_template, load_template_file
from fieldkit.checklists.xlsform import MAX_BYTES, ImportMessage, ImportResult, import_xlsform, language_code
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]

# -- building forms --------------------------------------------------------------------------------


def write_form(
    path: Path,
    survey: list[list[object]],
    choices: list[list[object]] | None = None,
    settings_rows: list[list[object]] | None = None,
) -> Path:
    """An .xlsx with a survey sheet (first row = headers), and optional choices and settings sheets."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    if choices is not None:
        sheet = workbook.create_sheet("choices")
        for row in choices:
            sheet.append(row)
    if settings_rows is not None:
        sheet = workbook.create_sheet("settings")
        for row in settings_rows:
            sheet.append(row)
    workbook.save(path)
    return path


SURVEY_HEADER = [
    "type",
    "name",
    "label::English (en)",
    "label::Urdu (ur)",
    "label::Chinese (zh)",
    "label::Français (fr)",
    "hint::English (en)",
    "relevant",
    "constraint",
    "constraint_message::English (en)",
    "required",
    "calculation",
]


def row(type_, name, en=None, ur=None, zh=None, fr=None, hint=None, relevant=None, constraint=None, message=None,
        required=None, calculation=None):  # fmt: skip
    return [type_, name, en, ur, zh, fr, hint, relevant, constraint, message, required, calculation]


BUND_SURVEY = [
    SURVEY_HEADER,
    row("start", "start"),  # row 2
    row("begin group", "site", "Site", "سائٹ", "现场"),  # row 3
    row(
        "select_one yes_no",
        "bund_ok",
        "Is the bund intact?",
        "کیا بند ٹھیک ہے؟",
        "围堤完好吗？",
        fr="La digue est-elle intacte ?",
        hint="Walk its full length.",
        required="yes",
    ),  # row 4
    row("text", "bund_notes", "Describe the damage", relevant="${bund_ok} = 'no'"),  # row 5
    row("begin group", "readings", "Readings", relevant="${bund_ok} = 'yes'"),  # row 6
    row("decimal", "ph", "pH", constraint=". >= 0 and . <= 14", message="pH is between 0 and 14", required="TRUE"),
    row("select_multiple hazards", "hazards", "Hazards seen"),  # row 8
    row("calculate", "ph_twice", calculation="${ph} * 2"),  # row 9
    row("end group", None),  # row 10
    row("note", "email_note", "An e-mail address was noted", relevant="regex(${bund_notes}, '@')"),  # row 11
    row("end group", None),  # row 12
    row("begin repeat", "samples", "Samples"),  # row 13
    row("integer", "sample_no", "Sample number", constraint=". > 0"),  # row 14
    row("end repeat", None),  # row 15
    row("text", "other-remarks", "Other remarks", relevant="${bund_notes} != ''"),  # row 16
    row("acknowledge", "confirm", "I confirm the readings"),  # row 17
]
BUND_CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Urdu (ur)", "label::Chinese (zh)"],
    ["yes_no", "yes", "Yes", "ہاں", "是"],
    ["yes_no", "no", "No", "نہیں", "否"],
    ["hazards", "dust", "Dust", None, None],
    ["hazards", "noise", "Noise", None, None],
]
BUND_SETTINGS = [["form_title", "form_id", "version"], ["Bund check", "Bund_Check 2", "2026.1"]]


@pytest.fixture
def bund(tmp_path: Path) -> ImportResult:
    return import_xlsform(write_form(tmp_path / "bund.xlsx", BUND_SURVEY, BUND_CHOICES, BUND_SETTINGS))


def warning_at(result: ImportResult, row: int | None, column: str | None, text: str) -> ImportMessage:
    found = [w for w in result.warnings if w.row == row and w.column == column and text in w.message]
    assert found, f"no warning at row {row}, column {column} with {text!r}:\n" + "\n".join(map(str, result.warnings))
    return found[0]


# -- the mapping -----------------------------------------------------------------------------------


def test_groups_selects_languages_expressions_map_exactly(bund: ImportResult):
    assert bund.problems == []
    template = bund.template
    assert template is not None and check_template(template, "bund.xlsx") == []
    definition = template.definition()
    yes_no = [
        {"value": "yes", "label": {"en": "Yes", "ur": "ہاں", "zh": "是"}},
        {"value": "no", "label": {"en": "No", "ur": "نہیں", "zh": "否"}},
    ]
    assert definition == {
        "id": "bund_check-2",
        "version": "2026.1",
        "title": {"en": "Bund check"},
        "sections": [
            {
                "id": "site",
                "title": {"en": "Site", "ur": "سائٹ", "zh": "现场"},
                "items": [
                    {
                        "id": "bund_ok",
                        "type": "select_one",
                        "label": {"en": "Is the bund intact?", "ur": "کیا بند ٹھیک ہے؟", "zh": "围堤完好吗？"},
                        "guidance": {"en": "Walk its full length."},
                        "required": True,
                        "choices": yes_no,
                    },
                    {
                        "id": "bund_notes",
                        "type": "text",
                        "label": {"en": "Describe the damage"},
                        "relevant": "${bund_ok} = 'no'",
                    },
                ],
            },
            {
                "id": "readings",
                "title": {"en": "Site / Readings", "ur": "سائٹ / Readings", "zh": "现场 / Readings"},
                "relevant": "${bund_ok} = 'yes'",
                "items": [
                    {
                        "id": "ph",
                        "type": "decimal",
                        "label": {"en": "pH"},
                        "required": True,
                        "constraint": ". >= 0 and . <= 14",
                        "constraint_message": {"en": "pH is between 0 and 14"},
                    },
                    {
                        "id": "hazards",
                        "type": "select_many",
                        "label": {"en": "Hazards seen"},
                        "choices": [
                            {"value": "dust", "label": {"en": "Dust"}},
                            {"value": "noise", "label": {"en": "Noise"}},
                        ],
                    },
                    {
                        "id": "ph_twice",
                        "type": "calculate",
                        "label": {"en": "ph_twice"},
                        "calculation": "${ph} * 2",
                    },
                ],
            },
            {
                "id": "site_2",
                "title": {"en": "Site", "ur": "سائٹ", "zh": "现场"},
                "items": [{"id": "email_note", "type": "note", "label": {"en": "An e-mail address was noted"}}],
            },
            {
                "id": "samples",
                "title": {"en": "Samples"},
                "items": [
                    {"id": "sample_no", "type": "integer", "label": {"en": "Sample number"}, "constraint": ". > 0"}
                ],
            },
            {
                "id": "bund_check_2",
                "title": {"en": "Bund check"},
                "items": [
                    {
                        "id": "other_remarks",
                        "type": "text",
                        "label": {"en": "Other remarks"},
                        "relevant": "answered(${bund_notes})",
                    },
                    {
                        "id": "confirm",
                        "type": "select_one",
                        "label": {"en": "I confirm the readings"},
                        "choices": [{"value": "OK", "label": {"en": "OK"}}],
                    },
                ],
            },
        ],
    }


def test_what_was_dropped_or_changed_is_reported_with_row_and_column(bund: ImportResult):
    unsupported = warning_at(bund, 11, "relevant", "unsupported function regex()")
    assert str(unsupported).startswith("bund.xlsx: row 11, column relevant: unsupported function regex()")
    assert "always shown" in unsupported.message
    warning_at(bund, 2, "type", "start (metadata the device records) is not imported")
    warning_at(bund, 13, "type", "only one instance is kept")
    renamed = warning_at(bund, 16, "name", "'other-remarks' is imported as 'other_remarks'")
    assert str(renamed) == (
        "bund.xlsx: row 16, column name: question 'other-remarks' is imported as 'other_remarks' "
        "(not a valid FieldKit id)"
    )
    warning_at(bund, 17, "type", "single choice 'OK'")
    french = warning_at(bund, 4, "label::Français (fr)", "not English, Urdu or Chinese")
    assert "language 'Français (fr)'" in french.message
    identifier = warning_at(bund, 2, "form_id", "'bund_check-2'")
    assert identifier.sheet == "settings"
    assert str(identifier).startswith("bund.xlsx: sheet settings, row 2, column form_id:")


def test_the_imported_template_behaves_like_the_form(bund: ImportResult):
    compiled = compile_template(bund.template)
    state = evaluate(compiled, {"bund_ok": "no"}, [])
    assert state.items["bund_notes"].relevant and not state.items["ph"].relevant
    assert not state.items["other_remarks"].relevant  # `${bund_notes} != ''` while unanswered
    state = evaluate(compiled, {"bund_ok": "no", "bund_notes": "cracked at the toe"}, [])
    assert state.items["other_remarks"].relevant
    state = evaluate(compiled, {"bund_ok": "yes", "ph": "15"}, [])
    assert state.items["ph"].relevant and state.items["ph_twice"].value == 30
    assert [p.kind for p in state.problems() if p.item_id == "ph"] == ["constraint"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("English (en)", "en"),
        ("en", "en"),
        ("EN", "en"),
        ("English", "en"),
        ("english", "en"),
        ("en-GB", "en"),
        ("Urdu (ur)", "ur"),
        ("ur", "ur"),
        ("Urdu", "ur"),
        ("اردو", "ur"),
        ("ur-PK", "ur"),
        ("Chinese (zh)", "zh"),
        ("Chinese (zh-Hans)", "zh"),
        ("zh-CN", "zh"),
        ("中文", "zh"),
        ("chinese", "zh"),
        ("Français (fr)", None),
        ("Swahili (sw)", None),
        ("default", None),
    ],
)
def test_language_names(name: str, code: str | None):
    assert language_code(name)[0] == code


def test_the_label_without_language_is_english_when_there_is_no_english_column(tmp_path: Path):
    path = write_form(
        tmp_path / "default.xlsx",
        [["type", "name", "label", "label::Urdu (ur)", "hint"], ["text", "a", "Site name", "سائٹ کا نام", "As posted"]],
    )
    result = import_xlsform(path)
    item = result.template.item("a")
    assert item.label.model_dump(exclude_none=True) == {"en": "Site name", "ur": "سائٹ کا نام"}
    assert item.guidance.en == "As posted"
    assert result.template.id == "default" and result.template.version == "1"


def test_a_form_only_in_another_language_keeps_its_text_and_says_so(tmp_path: Path):
    path = write_form(tmp_path / "fr.xlsx", [["type", "name", "label::French (fr)"], ["text", "a", "Nom du site"]])
    result = import_xlsform(path)
    assert result.template.item("a").label.en == "Nom du site"
    warning_at(result, 2, "label::French (fr)", "no English label")


# -- expressions -----------------------------------------------------------------------------------

EXPRESSIONS = [
    ("${t} = 'x'", "${t} = 'x'"),
    ("${n} > 3 and ${n} < 10 or ${n} = 20", "${n} > 3 and ${n} < 10 or ${n} = 20"),
    ("not(selected(${s}, 'b'))", "not(selected(${s}, 'b'))"),
    ("selected(${s},'a') and count-selected(${s}) >= 1", "selected(${s},'a') and count-selected(${s}) >= 1"),
    ("${n} div 2 > 1 and ${n} mod 2 = 0", "${n} div 2 > 1 and ${n} mod 2 = 0"),
    ("string-length(${t}) > 3", "string-length(${t}) > 3"),
    ("if(${n} > 1, 1, 0) = 1", "if(${n} > 1, 1, 0) = 1"),
    ("true()", "true"),
    ("${t} != ''", "answered(${t})"),
    ('${t} = ""', "not(answered(${t}))"),
    ("${n} > 1 and '' = ${t}", "((${n} > 1) and not(answered(${t})))"),
    ("${my-name} = 'x'", "${my_name} = 'x'"),
]
UNSUPPORTED = [
    ("regex(${t}, '^a')", "unsupported function regex()"),
    ("today() > ${d}", "unsupported function today()"),
    ("jr:choice-name(${s}, '${s}') = 'A'", "unsupported function jr:choice-name()"),
    ("pulldata('sites', 'name', 'id', ${t}) = 'x'", "unsupported function pulldata()"),
    ("position(..) = 1", "unsupported function position()"),
    ("once(${t}) = 'x'", "unsupported function once()"),
    ("concat(${t}, 'x') = 'yx'", "unsupported function concat()"),
    ("indexed-repeat(${t}, ${t}, 1) = 'x'", "unsupported function indexed-repeat()"),
    ("/data/t = 'x'", "XPath path"),
    ("t = 'x'", "XPath path 't'"),
    ("${n}/2 > 1", "'/' is a path step"),
    ("${t}[1] = 'x'", "unsupported XPath syntax '['"),
    (". > 1", "'.' (the question's own answer) is only supported in a constraint"),
    ("${audio} = 'x'", "refers to 'audio', which is not imported (audio questions are not supported)"),
    ("${grp} = 'x'", "'grp' is a group, not a question"),
    ("${n} > ", "cannot be converted"),
]


@pytest.fixture(scope="module")
def expressions(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    rows = [
        ["type", "name", "label", "relevant"],
        ["text", "t", "T", None],
        ["integer", "n", "N", None],
        ["date", "d", "D", None],
        ["select_multiple ab", "s", "S", None],
        ["text", "my-name", "Name", None],
        ["audio", "audio", "A recording", None],
        ["begin group", "grp", "G", None],
        ["note", "in_group", "In a group", None],
        ["end group", None, None, None],
    ]
    first = len(rows) + 1
    for index, (expression, _expected) in enumerate(EXPRESSIONS + UNSUPPORTED):
        rows.append(["text", f"q{index}", f"Q{index}", expression])
    path = write_form(
        tmp_path_factory.mktemp("expr") / "expr.xlsx",
        rows,
        [["list_name", "name", "label"], ["ab", "a", "A"], ["ab", "b", "B"]],
    )
    result = import_xlsform(path)
    result.first_row = first  # type: ignore[attr-defined]
    return result


@pytest.mark.parametrize(("index", "case"), list(enumerate(EXPRESSIONS)), ids=[c[0] for c in EXPRESSIONS])
def test_equivalent_expressions_are_converted(expressions: ImportResult, index: int, case: tuple[str, str]):
    assert expressions.problems == []
    assert expressions.template.item(f"q{index}").relevant == case[1]


@pytest.mark.parametrize(("index", "case"), list(enumerate(UNSUPPORTED)), ids=[c[0] for c in UNSUPPORTED])
def test_unsupported_expressions_are_dropped_and_reported_at_their_cell(
    expressions: ImportResult, index: int, case: tuple[str, str]
):
    position = len(EXPRESSIONS) + index
    item = expressions.template.item(f"q{position}")
    assert item.relevant is None
    warning_at(expressions, expressions.first_row + position, "relevant", case[1])  # type: ignore[attr-defined]


def test_unsupported_calculations_drop_their_item_and_what_depends_on_it(tmp_path: Path):
    path = write_form(
        tmp_path / "calc.xlsx",
        [
            ["type", "name", "label", "calculation", "relevant", "constraint", "required"],
            ["calculate", "age_days", None, "today() - ${built}", None, None, None],
            ["date", "built", "Built on", None, None, None, None],
            ["calculate", "age_years", None, "${age_days} div 365", None, None, None],
            ["text", "why_old", "Why so old?", None, "${age_years} > 50", None, "yes"],
            ["integer", "count", "Count", None, None, ". < ${age_days}", None],
        ],
    )
    result = import_xlsform(path)
    assert result.problems == [] and set(result.template.items) == {"built", "why_old", "count"}
    warning_at(result, 2, "calculation", "unsupported function today(); the calculate item 'age_days'")
    warning_at(result, 4, "calculation", "refers to 'age_days', which is not imported")
    dropped = warning_at(result, 5, "relevant", "refers to 'age_years', which is not imported")
    assert "no longer required" in dropped.message
    why_old = result.template.item("why_old")
    assert why_old.relevant is None and not why_old.required
    warning_at(result, 6, "constraint", "refers to 'age_days'")


def test_types_that_change_and_types_that_are_dropped(tmp_path: Path):
    path = write_form(
        tmp_path / "types.xlsx",
        [
            ["type", "name", "label", "appearance", "parameters"],
            ["geopoint", "where", "Where", None, None],
            ["image", "photo", "Photo", None, None],
            ["image", "sig", "Signature", "signature", None],
            ["dateTime", "when", "When", None, None],
            ["time", "at", "At", None, None],
            ["barcode", "code", "Code", None, None],
            ["range", "level", "Level", None, "start=0 end=5 step=1"],
            ["geotrace", "path", "Path", None, None],
            ["video", "clip", "Clip", None, None],
            ["username", "username", None, None, None],
            ["text", "notes", "Notes", "multiline", None],
        ],
    )
    result = import_xlsform(path)
    types = {i.id: i.type for i in result.template.items.values()}
    assert types == {
        "where": "gps",
        "photo": "photo",
        "sig": "signature",
        "when": "datetime",
        "at": "text",
        "code": "text",
        "level": "integer",
        "notes": "text",
    }
    assert result.template.item("level").constraint == ". >= 0 and . <= 5"
    warning_at(result, 6, "type", "time question becomes a text item")
    warning_at(result, 9, "type", "geotrace questions are not supported")
    warning_at(result, 10, "type", "video questions are not supported")
    warning_at(result, 11, "type", "username (metadata the device records) is not imported")
    warning_at(result, 12, "appearance", "not supported")


def test_names_are_made_valid_and_unique(tmp_path: Path):
    path = write_form(
        tmp_path / "names.xlsx",
        [
            ["type", "name", "label"],
            ["begin group", "a", "A"],
            ["text", "x", "X in A"],
            ["end group", None, None],
            ["begin group", "b", "B"],
            ["text", "x", "X in B"],
            ["text", "x.y", "Dotted"],
            ["end group", None, None],
        ],
    )
    result = import_xlsform(path)
    assert [i.id for i in result.template.items.values()] == ["x", "x_2", "x_y"]
    warning_at(result, 6, "name", "'x' is imported as 'x_2' (the name is used twice)")
    warning_at(result, 7, "name", "'x.y' is imported as 'x_y' (not a valid FieldKit id)")


def test_choice_values_the_model_cannot_hold_are_problems(tmp_path: Path):
    path = write_form(
        tmp_path / "choices.xlsx",
        [["type", "name", "label"], ["select_one l", "q", "Q"]],
        [["list_name", "name", "label"], ["l", "ok", "Fine"], ["l", "niño", "Child"]],
    )
    result = import_xlsform(path)
    assert result.template is None
    (problem,) = result.problems
    assert (problem.sheet, problem.row, problem.column) == ("choices", 3, "name")
    assert "'niño' cannot be a FieldKit choice value" in problem.message


def test_what_pyxform_rejects_is_a_problem_with_its_message(tmp_path: Path):
    path = write_form(tmp_path / "noname.xlsx", [["type", "name", "label"], ["text", "a", "A"], ["text", None, "B"]])
    result = import_xlsform(path)
    assert result.template is None
    (problem,) = result.problems
    assert problem.row == 3 and "no name" in problem.message and problem.message.startswith("pyxform:")


def test_a_form_with_nothing_to_import_says_why(tmp_path: Path):
    path = write_form(tmp_path / "meta.xlsx", [["type", "name"], ["start", "start"], ["deviceid", "deviceid"]])
    result = import_xlsform(path)
    assert result.template is None
    assert "no question FieldKit can import" in result.problems[0].message
    assert "metadata" in result.problems[0].message


def test_or_other_and_loops_map_like_pyxform_builds_them(tmp_path: Path):
    path = write_form(
        tmp_path / "other.xlsx",
        [
            ["type", "name", "label"],
            ["select_one source or_other", "source", "Water source"],
            ["begin loop over source", "per_source", "Per source"],
            ["integer", "wells", "Wells of type %(label)s"],
            ["end loop", None, None],
        ],
        [["list_name", "name", "label"], ["source", "river", "River"], ["source", "bore", "Borehole"]],
    )
    result = import_xlsform(path)
    assert result.problems == []
    other = result.template.item("source_other")
    assert other.relevant == "selected(${source}, 'other')"
    assert result.template.item("source").choice_values == ("river", "bore", "other")
    assert [(s.id, s.title.en, [i.label.en for i in s.items]) for s in result.template.sections[1:]] == [
        ("per_source_river", "Per source / River", ["Wells of type River"]),
        ("per_source_bore", "Per source / Borehole", ["Wells of type Borehole"]),
        ("per_source_other", "Per source / Other", ["Wells of type Other"]),
    ]
    warning_at(result, 3, "type", "expanded into one section per choice (3)")


def test_too_many_rows_are_refused(tmp_path: Path):
    rows = [["type", "name", "label"]] + [["text", f"q{i}", f"Q{i}"] for i in range(5001)]
    only_problems(import_xlsform(write_form(tmp_path / "long.xlsx", rows)), "limited to 5000")


# -- hostile input ---------------------------------------------------------------------------------


def only_problems(result: ImportResult, text: str) -> None:
    assert result.template is None and result.problems, result
    assert any(text in p.message for p in result.problems), [str(p) for p in result.problems]


def test_text_renamed_to_xlsx(tmp_path: Path):
    path = tmp_path / "notes.xlsx"
    path.write_text("type,name,label\ntext,a,A\n")
    only_problems(import_xlsform(path), "not an Excel workbook")


def test_truncated_xlsx(tmp_path: Path):
    good = write_form(tmp_path / "good.xlsx", [["type", "name", "label"], ["text", "a", "A"]]).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[: len(good) // 2])
    only_problems(import_xlsform(path), "damaged or truncated")


def test_zip_bomb(tmp_path: Path):
    path = tmp_path / "bomb.xlsx"
    block = b"<row/>" * (1 << 17)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(110):
            member.write(block)
    assert path.stat().st_size < 1024 * 1024
    only_problems(import_xlsform(path), "possible zip bomb")


def test_corrupt_member_in_a_workbook(tmp_path: Path):
    good = write_form(tmp_path / "good.xlsx", [["type", "name", "label"], ["text", "a", "A"]]).read_bytes()
    path = tmp_path / "garbled.xlsx"
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = b"<worksheet><sheetData><row><c t='s'><v>99999</v>"
            target.writestr(info, data)
    only_problems(import_xlsform(path), "cannot read the spreadsheet")


def test_empty_workbook_and_workbook_without_survey(tmp_path: Path):
    Workbook().save(tmp_path / "empty.xlsx")
    only_problems(import_xlsform(tmp_path / "empty.xlsx"), "survey")
    workbook = Workbook()
    workbook.active.title = "choices"
    workbook.active.append(["list_name", "name", "label"])
    workbook.create_sheet("settings").append(["form_id"])
    workbook.save(tmp_path / "nosurvey.xlsx")
    only_problems(import_xlsform(tmp_path / "nosurvey.xlsx"), "You must have a sheet named 'survey'")


def test_huge_file_is_refused_unread(tmp_path: Path):
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no disk used
    only_problems(import_xlsform(path), "limited to 10 MB")


def test_missing_file_folder_and_empty_file(tmp_path: Path):
    only_problems(import_xlsform(tmp_path / "nowhere.xlsx"), "cannot read the file")
    only_problems(import_xlsform(tmp_path), "not a file")
    (tmp_path / "empty.xls").write_bytes(b"")
    only_problems(import_xlsform(tmp_path / "empty.xls"), "the file is empty")


def test_deeply_nested_groups(tmp_path: Path):
    rows = [["type", "name", "label"]]
    rows += [["begin group", f"g{i}", f"G{i}"] for i in range(60)]
    rows += [["text", "t", "T"]] + [["end group", None, None]] * 60
    only_problems(import_xlsform(write_form(tmp_path / "deep.xlsx", rows)), "nested more than")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".xlsx", ".xls", ".csv", ".md", ".txt"]))
def test_no_bytes_crash_the_importer(tmp_path: Path, data: bytes, suffix: str):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    result = import_xlsform(path)
    assert result.template is not None or result.problems


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_workbooks_do_not_crash_the_importer(tmp_path: Path, cuts: list[tuple[int, int]]):
    good = bytearray(write_form(tmp_path / "base.xlsx", BUND_SURVEY, BUND_CHOICES, BUND_SETTINGS).read_bytes())
    for offset, value in cuts:
        good[offset % len(good)] = value
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(good))
    result = import_xlsform(path)
    assert result.template is not None or result.problems


# -- the shared corpus -----------------------------------------------------------------------------


def corpus_root() -> Path:
    return Path(os.environ.get("FIELDKIT_CORPUS", ROOT.parent / "shared" / "corpus")) / "xlsform"


def corpus_files() -> list[object]:
    root = corpus_root()
    if not root.is_dir():
        return [pytest.param(None, id="corpus-absent")]
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".csv", ".md"))
    return [pytest.param(p, id=str(p.relative_to(root))) for p in files] or [pytest.param(None, id="corpus-empty")]


CORPUS_FAILURES = {
    # file name: what the problem must name
    "bad_calc.xlsx": "unterminated text",
    "calculate_without_calculation.xls": "Missing calculation",
    "duplicate_columns.xlsx": "Duplicate column header",
    "group_name_test.xls": "no name",
    "hidden.xls": "hidden questions are not supported",
    "include.csv": "has not been included",
    "include.md": "has not been included",
    "include.xls": "has not been included",
    "include.xlsx": "has not been included",
    "include_json.csv": "has not been included",
    "include_json.md": "has not been included",
    "include_json.xls": "has not been included",
    "include_json.xlsx": "has not been included",
    "unknown_question_type.xls": "different names for the same column",
    "fruits.csv": "not an XLSForm",
    "gps.csv": "has no label or hint",
}


@pytest.mark.parametrize("path", corpus_files())
def test_corpus_forms_import_or_name_what_is_unsupported(path: Path | None):
    if path is None:
        pytest.skip(f"shared corpus not found at {corpus_root()}")
    result = import_xlsform(path)
    for message in [*result.problems, *result.warnings]:
        assert str(message).startswith(f"{path.name}: ") and message.message
    expected = CORPUS_FAILURES.get(path.name)
    if expected is not None:
        assert result.template is None
        assert any(expected in p.message for p in result.problems), [str(p) for p in result.problems]
        return
    assert result.problems == [], [str(p) for p in result.problems]
    template = result.template
    assert template is not None and template.items
    assert check_template(template, path.name) == []
    compile_template(template)
    for warning in result.warnings:
        if "unsupported function" in warning.message:
            assert warning.row is not None and warning.column


# -- the command line ------------------------------------------------------------------------------


def test_cli_imports_writes_yaml_and_installs(tmp_path: Path, data_dir: Path):
    form = write_form(tmp_path / "bund.xlsx", BUND_SURVEY, BUND_CHOICES, BUND_SETTINGS)
    output = tmp_path / "bund.yaml"
    result = run_cli(
        "forms", "import-xlsform", str(form), "--json", "--output", str(output), "--install", data_dir=data_dir
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert {k: summary[k] for k in ("id", "version", "title", "sections", "items", "installed")} == {
        "id": "bund_check-2",
        "version": "2026.1",
        "title": "Bund check",
        "sections": 5,
        "items": 9,
        "installed": True,
    }
    assert summary["problems"] == []
    assert {"sheet": "survey", "row": 11, "column": "relevant"}.items() <= next(
        w for w in summary["warnings"] if "regex()" in w["message"]
    ).items()
    assert "bund.xlsx: row 11, column relevant: unsupported function regex()" in result.stderr
    assert load_template_file(output).definition() == yaml.safe_load(output.read_text(encoding="utf-8"))
    forms = json.loads(run_cli("forms", "list", "--json", data_dir=data_dir).stdout)
    assert {"id": "bund_check-2", "version": "2026.1", "source": "xlsform"}.items() <= next(
        f for f in forms if f["id"] == "bund_check-2"
    ).items()


def test_cli_refuses_a_bad_form_on_stderr(tmp_path: Path, data_dir: Path):
    path = tmp_path / "broken.xlsx"
    path.write_text("not a workbook")
    result = run_cli("forms", "import-xlsform", str(path), "--json", data_dir=data_dir)
    assert result.returncode != 0
    assert "broken.xlsx: not an Excel workbook" in result.stderr
    summary = json.loads(result.stdout)
    assert summary["id"] is None and summary["problems"][0]["message"].startswith("not an Excel workbook")
