"""Inspection reports built from the demo store, read back with poppler: text, fonts, pages, images."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldkit import services
from fieldkit.reports import catalogue
from fieldkit.reports.data import gather
from fieldkit.reports.inspection import ReportCancelled, inspection_report
from fieldkit.store import Store
from tests.reports.pdfcheck import fonts, needs_poppler, render, text
from tests.reports.pdfcheck import words as pdf_words

pytestmark = needs_poppler

EFFLUENT = "Effluent sampling"
TAILINGS = "Tailings storage"


def _find(store: Store, title_start: str) -> str:
    return next(r.id for r in services.all_inspections(store) if (r.title or "").startswith(title_start))


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def _all_embedded(pdf: Path) -> None:
    found = fonts(pdf)
    assert found, "no fonts at all"
    assert all(f.embedded for f in found), [f.name for f in found if not f.embedded]
    assert not any("Helvetica" in f.name or "Times" in f.name for f in found)


@pytest.mark.parametrize("mode", catalogue.MODES)
def test_the_effluent_report_in_each_language(demo_store: Store, tmp_path: Path, mode: str):
    iid = _find(demo_store, EFFLUENT)
    out = tmp_path / f"report-{mode}.pdf"
    result = inspection_report(demo_store, iid, out, lang=mode)
    assert out.is_file() and result.pages == _pages(out)
    assert 4 <= result.pages <= 20
    _all_embedded(out)
    words = text(out)
    # The record id and the short content hash are in every footer, whatever the language.
    assert words.count(iid) == result.pages
    assert words.count(result.content_hash[:12]) == result.pages
    if "en" in catalogue.languages(mode):
        for key in ("inspection_report", "summary", "results", "findings", "sign_off", "exceedance"):
            assert catalogue.text(key, "en") in words, key
        assert "Lead (total)" in words and "0.62 mg/L" in words
        assert "IFC Mining 2007, Table 1" in words
    # Urdu comes back from poppler word by word (-bbox gives each word in logical order).
    found = {w.text for w in pdf_words(out)}
    for lang in catalogue.languages(mode):
        for key in ("inspection_report", "sign_off", "findings"):
            phrase = catalogue.text(key, lang)
            assert set(phrase.split()) <= found if lang == "ur" else phrase in words, (lang, key)
    assert not re.search("[\ue000-\uf8ff]", words)  # no private-use codes instead of letters
    page = render(out, tmp_path / f"page-{mode}", dpi=60)
    assert page.convert("L").getextrema()[0] < 60  # ink on the first page


def test_every_demo_inspection_prints_in_english(demo_store: Store, tmp_path: Path):
    for row in services.all_inspections(demo_store):
        out = tmp_path / f"{row.id}.pdf"
        result = inspection_report(demo_store, row.id, out)
        assert result.warnings == []
        assert 1 <= result.pages <= 30
        words = text(out)
        assert (row.title or "") in words.replace("\n", " ") or row.title is None
        assert ("DRAFT" in text(out, "-raw")) == (row.status != "approved")


def test_flags_are_in_words_as_well_as_colour(demo_store: Store, tmp_path: Path):
    out = tmp_path / "effluent.pdf"
    inspection_report(demo_store, _find(demo_store, EFFLUENT), out)
    words = " ".join(text(out).split())
    # Copper 0.45 mg/L against 0.3 (IFC) and lead 0.62 against 0.2: "OVER LIMIT (≤ 0.3 mg/L, +50%)".
    assert re.search(r"OVER LIMIT \(≤ 0\.3 mg/L, \+50%\)", words)
    assert re.search(r"OVER LIMIT \(≤ 0\.2 mg/L, \+210%\)", words)
    assert "limit unverified" in words  # a limit graded M (from memory) says so on paper
    assert re.search(r"Readings over a limit +2\n", text(out, "-layout"))


def test_photos_are_print_copies_not_originals(demo_store: Store, tmp_path: Path):
    iid = _find(demo_store, EFFLUENT)
    out = tmp_path / "effluent.pdf"
    inspection_report(demo_store, iid, out)
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    images = [line.split() for line in listing.splitlines()[2:]]
    photos = services.photos.list_photos(demo_store, iid)
    assert len(images) >= len(photos) + 1  # the photos and the map
    for row in images:
        width, height, encoding = int(row[3]), int(row[4]), row[8]
        assert max(width, height) <= 1600 and encoding == "jpeg"


def test_the_content_hash_is_stable_and_follows_the_content(demo_store: Store, tmp_path: Path):
    iid = _find(demo_store, "Ambient air")
    first = gather(demo_store, iid).content_hash
    assert gather(demo_store, iid).content_hash == first
    assert gather(demo_store, iid, "ur").content_hash == first  # the language is not content
    services.update_inspection(demo_store, iid, notes="Dust suppression bowser seen at work.")
    changed = gather(demo_store, iid).content_hash
    assert changed != first
    result = inspection_report(demo_store, iid, tmp_path / "air.pdf")
    assert result.content_hash == changed and changed[:12] in text(tmp_path / "air.pdf")


def test_an_inspection_without_track_photos_or_checklist(demo_store: Store, tmp_path: Path):
    site = services.get_site(demo_store, "MBC")
    iid = services.create_inspection(
        demo_store, site.id, title="Walk-over only", started_at=datetime.now(UTC)
    ).created_id
    out = tmp_path / "bare.pdf"
    result = inspection_report(demo_store, iid, out)
    words = text(out)
    assert result.pages <= 3 and result.warnings == []
    assert "No GPS track recorded" in words and "No findings were recorded." in words
    assert "Checklist results" not in words


def test_a_missing_or_broken_photo_prints_a_placeholder_and_warns(demo_store: Store, tmp_path: Path):
    iid = _find(demo_store, EFFLUENT)
    photos = services.photos.list_photos(demo_store, iid)
    assert len(photos) >= 2
    blobs = services.photos.blob_store(demo_store)
    blobs.path_for(photos[0].sha256).unlink()
    broken = blobs.path_for(photos[1].sha256)
    broken.chmod(0o644)
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    out = tmp_path / "holes.pdf"
    result = inspection_report(demo_store, iid, out)
    assert len(result.warnings) == 2
    assert "missing from the photo store" in result.warnings[0]
    assert "cannot be printed" in result.warnings[1]
    words = " ".join(text(out).split())
    assert words.count("Photo not available") == 2


def test_cancelling_leaves_no_file_and_keeps_an_existing_one(demo_store: Store, tmp_path: Path):
    iid = _find(demo_store, TAILINGS)
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "report.pdf"
    out.write_bytes(b"the report printed last week")
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ReportCancelled):
        inspection_report(demo_store, iid, out, cancelled=cancelled)
    assert out.read_bytes() == b"the report printed last week"
    assert sorted(p.name for p in folder.iterdir()) == ["report.pdf"]


def test_progress_rises_to_one(demo_store: Store, tmp_path: Path):
    seen: list[float] = []
    inspection_report(demo_store, _find(demo_store, TAILINGS), tmp_path / "r.pdf", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 4
