"""Checklists from the command line: listing forms, starting an inspection, answering (lab results)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli


def test_forms_list_json(data_dir: Path):
    rows = json.loads(run_cli("forms", "list", "--json", data_dir=data_dir).stdout)
    assert len(rows) >= 8
    assert all({"id", "version", "title"} <= set(r) for r in rows)
    assert "effluent-sampling" in {r["id"] for r in rows}


def test_new_inspection_and_lab_results_from_the_command_line(data_dir: Path):
    assert run_cli("demo", "--quiet", data_dir=data_dir).returncode == 0
    created = run_cli("inspections", "new", "--site", "SDK", "--form", "effluent-sampling", "--json", data_dir=data_dir)
    assert created.returncode == 0, created.stderr
    iid = json.loads(created.stdout)["id"]
    plain = run_cli("inspections", "new", "--site", "SDK", "--form", "effluent-sampling", data_dir=data_dir)
    assert len(plain.stdout.strip()) == 36  # just the id, for scripts

    for item, value in (("discharge_route", "inland"), ("sample_taken", "yes"), ("lab_results_received", "yes")):
        assert run_cli("inspections", "answer", iid, item, value, data_dir=data_dir).returncode == 0
    answer = run_cli("inspections", "answer", iid, "lead", "0.62", "--json", data_dir=data_dir)
    assert answer.returncode == 0, answer.stderr
    data = json.loads(answer.stdout)
    assert (data["item"], data["value"], data["unit"]) == ("lead", 0.62, "mg/L")
    exceedances = [f for f in data["flags"] if f["kind"] == "exceedance"]
    assert exceedances == [
        {
            "kind": "exceedance",
            "message": "Lead 0.62 mg/L exceeds 0.2 mg/L (IFC Mining 2007, Table 1) by 210%",
            "severity": exceedances[0]["severity"],
            "limit": 0.2,
            "unit": "mg/L",
            "standard": "IFC Mining 2007, Table 1",
            "limit_set": "ifc-mining-effluent",
            "bound": "max",
            "margin_pct": 210.0,
            "grade": "V",
        }
    ]
    assert data["proposed_finding"]["title"].startswith("Lead 0.62 mg/L exceeds")
    human = run_cli("inspections", "answer", iid[:8], "copper", "0.1", data_dir=data_dir)
    assert human.returncode == 0 and human.stdout.startswith("copper = 0.1 mg/L")


def test_values_that_do_not_fit_are_refused_with_a_clear_message(data_dir: Path):
    run_cli("demo", "--quiet", data_dir=data_dir)
    iid = run_cli(
        "inspections", "new", "--site", "SDK", "--form", "effluent-sampling", data_dir=data_dir
    ).stdout.strip()
    text = run_cli("inspections", "answer", iid, "lead", "a lot", data_dir=data_dir)
    assert text.returncode == 1
    assert text.stderr.strip() == "fieldkit: Lead (total): 'a lot' is not a number"
    option = run_cli("inspections", "answer", iid, "discharge_route", "river", data_dir=data_dir)
    assert option.returncode == 1 and "'river' is not an option (options: inland, sewage, sea)" in option.stderr
    unknown = run_cli("inspections", "answer", iid, "no_such_item", "1", data_dir=data_dir)
    assert unknown.returncode == 1 and "has no item no_such_item" in unknown.stderr
    unknown_form = run_cli("inspections", "new", "--site", "SDK", "--form", "nope", data_dir=data_dir)
    assert unknown_form.returncode == 1 and "No checklist template nope" in unknown_form.stderr


def test_submit_from_the_command_line_lists_what_is_missing(data_dir: Path):
    run_cli("demo", "--quiet", data_dir=data_dir)
    iid = run_cli("inspections", "new", "--site", "THR", "--form", "noise-survey", data_dir=data_dir).stdout.strip()
    result = run_cli("inspections", "submit", iid, data_dir=data_dir)
    assert result.returncode == 1
    assert "cannot be submitted yet" in result.stderr and "required, not answered" in result.stderr
