"""The built-in library, and template files that are broken or hostile."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldkit.checklists.library import builtin_folder, load_library
from fieldkit.checklists.model import NUMERIC_TYPES
from tests.helpers import run_cli

BIG_ONES = ("effluent-sampling", "ambient-air-dust", "noise-survey", "tsf-inspection")


def test_the_built_in_library_is_valid_and_complete():
    library = load_library(builtin_folder())
    assert library.problems == []
    forms = {t.id: t for t in library.templates.values()}
    assert set(forms) >= {
        "effluent-sampling",
        "ambient-air-dust",
        "noise-survey",
        "tsf-inspection",
        "hazmat-waste",
        "explosives-blasting",
        "hse-site-walk",
        "community-liaison-visit",
    }
    for form_id in BIG_ONES:
        assert len(forms[form_id].items) >= 15, form_id
    assert set(library.limit_sets) >= {
        "neqs-effluent",
        "neqs-ambient-air",
        "neqs-noise",
        "ifc-mining-effluent",
        "ifc-general-noise",
    }
    for template in forms.values():
        for item in template.items.values():
            assert item.label.en and (item.type == "note" or item.label.ur), (template.id, item.id)
            if item.type in NUMERIC_TYPES and item.parameter:
                assert any(
                    limit.parameter == item.parameter for s in library.limit_sets.values() for limit in s.limits
                ), f"{template.id}: {item.id} measures {item.parameter}, which no limit set covers"


def test_every_effluent_parameter_of_the_issue_is_measured():
    effluent = load_library(builtin_folder()).latest("effluent-sampling")
    measured = {i.parameter for i in effluent.items.values() if i.parameter}
    wanted = {"ph", "temperature_rise", "tss", "bod5", "cod", "oil_grease", "arsenic", "cadmium", "copper"}
    wanted |= {"lead", "mercury", "nickel", "zinc", "cyanide_total", "cyanide_free", "cyanide_wad"}
    assert wanted <= measured
    assert {"chromium_total", "chromium_vi"} & measured


def test_cli_validates_the_built_in_forms():
    result = run_cli("forms", "validate", str(builtin_folder()))
    assert result.returncode == 0, result.stderr
    assert "all valid" in result.stdout


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "id: x\nversion: '1'\ntitle: T\nsections: [{id: s, title: S, items: [{id: a, type: decimel, label: A}]}]",
            "item 'a': type: Input should be",
        ),
        (
            "id: x\nversion: '1'\ntitle: T\nsections: [{id: s, title: S, items: [{id: a, type: integer, label: A, "
            "relevant: 'b > 1'}]}]",
            "item 'a': relevant: unknown item 'b'",
        ),
        (
            "id: x\nversion: '1'\ntitle: T\nsections: [{id: s, title: S, items: [{id: a, type: integer, label: A, "
            "constraint: '. > (1'}]}]",
            "item 'a': constraint: expected ')' but found the end (at position 7)",
        ),
        ("a: &x [1, 2]\nb: *x\n", "YAML aliases (*name) are not allowed"),
        ("- just\n- a list\n", "must hold a mapping"),
        ("id: [unclosed\n", "not valid YAML"),
        (b"id: \xff\xfe\n", "not UTF-8 text"),
    ],
)
def test_broken_templates_are_refused_with_file_item_and_problem(tmp_path: Path, content, message):
    path = _write(tmp_path, "broken.yaml", content)
    result = run_cli("forms", "validate", str(path))
    assert result.returncode == 1
    assert str(path) in result.stderr and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_billion_laughs_document_is_refused_quickly(tmp_path: Path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"a{i}: &a{i} [*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1}]"
        for i in range(1, 10)
    ]
    path = _write(tmp_path, "laughs.yaml", "\n".join(lines))
    result = run_cli("forms", "validate", str(path))
    assert result.returncode == 1 and "not allowed" in result.stderr


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)
    result = run_cli("forms", "validate", str(path))
    assert result.returncode == 1 and "the limit is 2,000,000" in result.stderr


def test_a_limit_set_with_a_bad_grade_and_an_empty_limit_is_refused(tmp_path: Path):
    path = _write(
        tmp_path,
        "limits.yaml",
        "id: bad\nversion: '1'\ntitle: Bad\nshort: Bad\nsource: {document: none}\njurisdiction: PK\nmedium: water\n"
        "limits:\n  - {parameter: lead, max: 0.1, unit: mg/L, grade: X}\n  - {parameter: zinc, unit: mg/L, grade: V}\n",
    )
    result = run_cli("forms", "validate", str(path))
    assert result.returncode == 1
    assert "limit 'lead': grade: Input should be 'V', 'C' or 'M'" in result.stderr
    path.write_text(path.read_text().replace("grade: X", "grade: V"))
    result = run_cli("forms", "validate", str(path))
    assert result.returncode == 1 and "limit 'zinc': give a min, a max or both" in result.stderr
