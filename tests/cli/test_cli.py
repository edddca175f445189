"""The command line as scripts use it: in its own process, with its stable JSON."""

from __future__ import annotations

import json
from pathlib import Path

from fieldkit import __version__
from tests.helpers import run_cli

LIST_KEYS = {"id", "site_code", "site_name", "status", "started_at", "finished_at", "inspector"}


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"fieldkit {__version__}"


def test_demo_is_idempotent_and_lists_at_least_six_inspections(data_dir: Path):
    first = run_cli("demo", data_dir=data_dir)
    assert first.returncode == 0 and "Demo added" in first.stdout
    after_once = json.loads(run_cli("inspections", "list", "--json", data_dir=data_dir).stdout)
    second = run_cli("demo", data_dir=data_dir)
    assert second.returncode == 0 and "nothing added" in second.stdout
    after_twice = json.loads(run_cli("inspections", "list", "--json", data_dir=data_dir).stdout)
    assert after_twice == after_once
    assert len(after_once) >= 6
    assert all(set(row) >= LIST_KEYS for row in after_once)
    assert len({row["status"] for row in after_once}) >= 3
    assert {"SDK", "DDR"} <= {row["site_code"] for row in after_once}
    sites = json.loads(run_cli("sites", "list", "--json", data_dir=data_dir).stdout)
    assert len(sites) >= 3 and all({"code", "name"} <= set(s) for s in sites)


def test_demo_keeps_the_users_edits_and_deletions(data_dir: Path):
    from fieldkit import services
    from fieldkit.demo import seed_demo
    from fieldkit.store import Store

    with Store.open(data_dir) as store:
        seed_demo(store)
        drafts = [r for r in services.all_inspections(store) if r.status == "draft"]
        services.update_inspection(store, drafts[0].id, title="My own title")
        services.delete_inspection(store, drafts[1].id)
        assert seed_demo(store).total == 0
        titles = {r.id: r.title for r in services.all_inspections(store)}
    assert titles[drafts[0].id] == "My own title"
    assert drafts[1].id not in titles


def test_list_filters_and_plain_table(data_dir: Path):
    run_cli("demo", data_dir=data_dir)
    rows = json.loads(run_cli("inspections", "list", "--json", "--site", "ddr", data_dir=data_dir).stdout)
    assert rows and {r["site_code"] for r in rows} == {"DDR"}
    table = run_cli("inspections", "list", data_dir=data_dir)
    assert table.returncode == 0 and table.stdout.splitlines()[0].split()[:3] == ["ID", "SITE", "STATUS"]


def test_show_accepts_an_id_prefix_and_prints_the_audit_trail(data_dir: Path):
    run_cli("demo", data_dir=data_dir)
    rows = json.loads(run_cli("inspections", "list", "--json", "--status", "approved", data_dir=data_dir).stdout)
    shown = json.loads(run_cli("inspections", "show", rows[0]["id"][:8], "--json", data_dir=data_dir).stdout)
    assert shown["id"] == rows[0]["id"]
    assert [e["action"] for e in shown["audit"]] == ["create", "status", "status"]


def test_errors_are_one_line_on_stderr_with_a_non_zero_exit(data_dir: Path):
    result = run_cli("inspections", "list", "--site", "NOPE", data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.strip() == "fieldkit: No site with code NOPE."
    result = run_cli("inspections", "show", "zzzz", data_dir=data_dir)
    assert result.returncode == 1 and "No inspection with id zzzz" in result.stderr
    usage = run_cli("inspections", "frobnicate", data_dir=data_dir)
    assert usage.returncode == 2


def test_gui_without_a_display_says_so_in_one_line(data_dir: Path, monkeypatch):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "fieldkit", "--data-dir", str(data_dir), "gui"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("fieldkit: no display")
    assert len(result.stderr.strip().splitlines()) == 1
