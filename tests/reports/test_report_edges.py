"""Reports under stress: 300 items, very long and hostile text, missing fonts; the site summary, the
community summary and the ``fieldkit report`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from fieldkit import services
from fieldkit.checklists.library import Library
from fieldkit.checklists.model import Template
from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.reports.community import community_report
from fieldkit.reports.fonts import FontError
from fieldkit.reports.inspection import inspection_report
from fieldkit.reports.site import site_report
from fieldkit.services.library import install_library
from fieldkit.store import Store
from tests.reports.pdfcheck import fonts, needs_poppler, text

pytestmark = needs_poppler

ROOT = Path(__file__).resolve().parents[2]


def _find(store: Store, title_start: str) -> str:
    return next(r.id for r in services.all_inspections(store) if (r.title or "").startswith(title_start))


def _big_template() -> Template:
    sections = []
    for s in range(10):
        items = []
        for n in range(30):
            kind = ("yes_no", "decimal", "text")[n % 3]
            item = {"id": f"s{s}_i{n}", "type": kind, "label": f"Section {s + 1} item {n + 1}: is it as it should be?"}
            if kind == "decimal":
                item |= {"unit": "mg/L", "parameter": "lead"}
            items.append(item)
        sections.append({"id": f"s{s}", "title": f"Section {s + 1}", "items": items})
    return Template.model_validate({"id": "big-audit", "version": "1", "title": "Big audit", "sections": sections})


def test_a_checklist_of_300_items(demo_store: Store, tmp_path: Path):
    template = _big_template()
    install_library(demo_store, Library(templates={("big-audit", "1"): template}), source="test")
    site = services.get_site(demo_store, "SDK")
    iid = services.create_inspection(
        demo_store, site.id, template_id=services.template_id_for(demo_store, "big-audit"), title="Big audit"
    ).created_id
    for s in range(10):
        for n in range(30):
            value = ("yes", str(0.05 * (n % 7)), "Looked fine.")[n % 3]
            services.answer_item(demo_store, iid, f"s{s}_i{n}", value)
    out = tmp_path / "big.pdf"
    result = inspection_report(demo_store, iid, out)
    words = text(out)
    assert 8 <= result.pages <= 40
    assert "Section 10 item 30: is it as it should be?" in " ".join(words.split())
    assert "300 of 300" in words
    # lead 0.3 mg/L is over IFC's 0.2 at Saindak: the table says so in words, once per reading over.
    over = sum(1 for s in range(10) for n in range(30) if n % 3 == 1 and 0.05 * (n % 7) > 0.2 + 1e-9)
    assert words.count("OVER LIMIT") == over


def test_very_long_and_hostile_text_is_printed_as_text(demo_store: Store, tmp_path: Path):
    iid = _find(demo_store, "General HSE")
    hostile = "<b>bold?</b> &amp; <font name='Courier'>x</font> <img src='/etc/passwd'/> %(x)s {0} \x00\x07"
    long_english = ("The berm along the haul road is eroded and needs rebuilding before the rains. " * 150).strip()
    long_urdu = ("سڑک کے کنارے کی حفاظتی دیوار ٹوٹ چکی ہے اور بارشوں سے پہلے مرمت ضروری ہے۔ " * 60).strip()
    services.create_finding(
        demo_store,
        iid,
        title=hostile[:150],
        severity="high",
        description=long_english,
        corrective_action=long_urdu,
        responsible="Mine manager",
        due_date="2026-12-31",
    )
    out = tmp_path / "long.pdf"
    result = inspection_report(demo_store, iid, out, lang="en+ur")
    words = " ".join(text(out).split())
    assert "<b>bold?</b> &amp; <font name='Courier'>x</font>" in words
    assert words.count("The berm along the haul road is eroded") == 150
    assert result.pages >= 4
    assert all(f.embedded for f in fonts(out))


def test_missing_fonts_give_a_clear_error_and_no_file(demo_store: Store, tmp_path: Path, monkeypatch):
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setenv("FIELDKIT_FONTS_DIR", str(empty))
    out = tmp_path / "r.pdf"
    with pytest.raises(FontError) as caught:
        inspection_report(demo_store, _find(demo_store, "Tailings storage"), out)
    message = str(caught.value)
    assert "NotoSans-Regular.ttf" in message and str(empty) in message
    assert not out.exists()


def test_site_summary_covers_the_period_only(demo_store: Store, tmp_path: Path):
    out = tmp_path / "sdk.pdf"
    result = site_report(demo_store, "SDK", out, date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))
    words = " ".join(text(out).split())
    assert "Site summary" in words and "Saindak Copper-Gold Project (SDK)" in words
    assert "Effluent sampling at the TSF decant" in words
    assert "Tailings storage facility: monthly" not in words  # October: outside the period
    assert "Measured parameters against their limits" in words and "Lead (mg/L)" in words
    assert "Open corrective actions" in words
    assert all(f.embedded for f in fonts(out)) and result.pages >= 2


def test_site_summary_refuses_a_bad_period_or_site(demo_store: Store, tmp_path: Path):
    with pytest.raises(ValidationError):
        site_report(demo_store, "SDK", tmp_path / "x.pdf", date_from=date(2026, 12, 1), date_to=date(2026, 1, 1))
    with pytest.raises(NotFoundError):
        site_report(demo_store, "NOPE", tmp_path / "x.pdf", date_from=date(2026, 1, 1), date_to=date(2026, 12, 1))
    assert not any(tmp_path.glob("*.pdf"))


def test_an_empty_period_still_prints(demo_store: Store, tmp_path: Path):
    out = tmp_path / "empty.pdf"
    site_report(demo_store, "MBC", out, date_from=date(2020, 1, 1), date_to=date(2020, 1, 31), lang="zh")
    words = text(out)
    assert "Muslim Bagh" in words


@pytest.mark.parametrize("mode", ["en", "ur", "zh", "en+ur"])
def test_community_summary_is_short_and_names_nobody(demo_store: Store, tmp_path: Path, mode: str):
    iid = _find(demo_store, "Effluent sampling")
    detail = services.get_inspection(demo_store, iid)
    out = tmp_path / f"community-{mode}.pdf"
    result = community_report(demo_store, iid, out, lang=mode)
    assert result.pages <= 2
    words = " ".join(text(out).split())
    assert detail.inspector not in words
    assert all(f.embedded for f in fonts(out))
    if mode == "en":
        assert "Lead was 0.62 mg/L, above the limit of 0.2 mg/L." in words or "0.62 mg/L" in words
        assert "What the company must do, and by when" in words and "by 2026-11-24" in words
    named = community_report(demo_store, iid, tmp_path / "named.pdf", lang=mode, names=True, contact="Call 0800-12345")
    assert named.pages <= 2
    named_words = " ".join(text(named.path).split())
    assert detail.inspector in named_words and "0800-12345" in named_words


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fieldkit", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def test_the_report_command(demo_store: Store, tmp_path: Path):
    data_dir = demo_store.data_dir
    iid = _find(demo_store, "Effluent sampling")
    photo = services.photos.list_photos(demo_store, iid)[0]
    services.photos.blob_store(demo_store).path_for(photo.sha256).unlink()
    demo_store.close()
    out = tmp_path / "r.pdf"
    done = _cli("report", iid[:8], "-o", str(out), "--lang", "en+zh", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["path"] == str(out) and summary["pages"] >= 4 and len(summary["content_hash"]) == 64
    assert len(summary["warnings"]) == 1 and "warning: Photo" in done.stderr
    done = _cli(
        "report",
        "site",
        "sdk",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "-o",
        str(tmp_path / "s.pdf"),
        data_dir=data_dir,
    )
    assert done.returncode == 0 and "page(s)" in done.stdout
    done = _cli("report", "community", iid[:8], "-o", str(tmp_path / "c.pdf"), "--lang", "ur", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    for args, message in (
        (("report", "nope", "-o", str(tmp_path / "x.pdf")), "No inspection with id nope"),
        (("report", iid[:8], "-o", str(tmp_path / "x.txt")), "name the output file .pdf"),
        (("report", "site", "SDK", "-o", str(tmp_path / "x.pdf")), "needs a period"),
        (("report", iid[:8], "-o", str(tmp_path / "missing" / "x.pdf")), "does not exist"),
        (("report", iid[:8], "-o", str(tmp_path / "x.pdf"), "--basemap", str(out)), "cannot be used"),
    ):
        done = _cli(*args, data_dir=data_dir)
        assert done.returncode == 1 and message in done.stderr, (args, done.stderr)
    done = _cli("report", iid[:8], "-o", str(tmp_path / "x.pdf"), "--lang", "fr", data_dir=data_dir)
    assert done.returncode == 2 and "invalid choice" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_report_built_twice_has_the_same_hash_and_pages(demo_store: Store, tmp_path: Path):
    iid = _find(demo_store, "Noise survey")
    a = inspection_report(demo_store, iid, tmp_path / "a.pdf", lang="zh")
    b = inspection_report(demo_store, iid, tmp_path / "b.pdf", lang="zh")
    assert (a.content_hash, a.pages) == (b.content_hash, b.pages)
    started = datetime(2026, 11, 5, 13, 5, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert started in text(tmp_path / "a.pdf")
