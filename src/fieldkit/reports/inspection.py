"""The inspection report: header and QR code, summary, map, checklist results, findings with photos,
loose photos and the sign-off block, in English, Urdu, Chinese or two of them."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, Spacer, Table

from fieldkit import __version__
from fieldkit.errors import FieldKitError
from fieldkit.reports import mapfig, printphotos
from fieldkit.reports.common import (
    RED,
    RULE,
    SHADE,
    Voice,
    day,
    duration,
    facts,
    footer,
    latlon,
    watermark,
    when,
)
from fieldkit.reports.data import InspectionReportData, gather
from fieldkit.reports.document import MARGIN, build, qr_code, qr_payload
from fieldkit.reports.results import counts, results, severity_line
from fieldkit.reports.text import Stack, table_style
from fieldkit.services import photos as photo_service
from fieldkit.services.photos import PhotoRow
from fieldkit.store import Store

FRAME_WIDTH = 210 * mm - 2 * MARGIN
PHOTO_WIDTH = (FRAME_WIDTH - 6 * mm) / 2
PHOTO_MAX_HEIGHT = 70 * mm


class ReportCancelled(FieldKitError):
    """The user stopped building the report; nothing was written."""


@dataclass
class ReportResult:
    path: Path
    pages: int
    size: int
    content_hash: str = ""
    warnings: list[str] = field(default_factory=list)


Progress = Callable[[float], None]


def write_atomically(path: Path, make: Callable[[Path], int]) -> int:
    """Run ``make(tmp)`` into a temporary file beside ``path``, then move it into place.

    A failed or cancelled build leaves no half-written PDF (and an existing report stays as it was).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FieldKitError(f"The folder {folder} does not exist.")
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    os.close(handle)
    tmp = Path(name)
    try:
        pages = make(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return pages


def inspection_report(
    store: Store,
    inspection_id: str,
    path: Path,
    *,
    lang: str = "en",
    layout: str = "stacked",
    basemap: Path | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReportResult:
    """Write the report of ``inspection_id`` to ``path`` (PDF); ``lang`` is a catalogue mode."""
    voice = Voice(lang, layout)
    data = gather(store, inspection_id, voice.primary)
    step = _Steps(progress, cancelled)
    step(0.05)
    warnings: list[str] = []
    copies = _photo_copies(store, data, warnings, step)
    step(0.7)
    story = _story(voice, data, copies, basemap)
    step(0.8)

    def make(tmp: Path) -> int:
        return build(
            tmp,
            story,
            title=f"{voice.words('inspection_report', 'en')}: {data.inspection.title or data.inspection.id}",
            author=data.inspection.inspector or "",
            footer=footer(voice, data.inspection.id, data.short_hash),
            watermark=None if data.approved else watermark(voice),
            initial_font=voice.fonts.latin.normal,
        )

    pages = write_atomically(path, make)
    step(1.0)
    return ReportResult(Path(path), pages, Path(path).stat().st_size, data.content_hash, warnings)


class _Steps:
    def __init__(self, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
        self.progress, self.cancelled = progress, cancelled

    def __call__(self, share: float) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ReportCancelled("Cancelled.")
        if self.progress is not None:
            self.progress(share)


def _photo_copies(
    store: Store, data: InspectionReportData, warnings: list[str], step: _Steps
) -> dict[str, printphotos.PrintCopy | None]:
    blobs = photo_service.blob_store(store)
    jobs = []
    for photo in data.photos:
        jobs.append(printphotos.PrintJob(photo.id, blobs.path_for(photo.sha256), photo.orientation))
    copies, failed = printphotos.print_copies(jobs, progress=lambda done, total: step(0.05 + 0.6 * done / total))
    names = {p.id: p.original_name or p.id for p in data.photos}
    for photo_id, reason in failed.items():
        if "No such file" in reason or "Errno 2" in reason:
            warnings.append(f"Photo {names[photo_id]} is missing from the photo store; a placeholder is printed.")
        else:
            warnings.append(f"Photo {names[photo_id]} cannot be printed ({reason}); a placeholder is printed.")
    return {p.id: copies.get(p.id) for p in data.photos}


# -- the story ----------------------------------------------------------------------------------------


def _story(voice: Voice, data: InspectionReportData, copies: dict[str, Any], basemap: Path | None) -> list[Flowable]:
    story: list[Flowable] = []
    story.extend(_title(voice, data))
    story.append(_header(voice, data))
    story.append(Spacer(1, 4 * mm))
    story.extend(_flat(voice.say("summary", "h1")))
    story.append(_summary(voice, data))
    figure = _map(voice, data, basemap)
    story.extend(figure)
    if data.state is not None:
        story.append(CondPageBreak(40 * mm))
        story.extend(_flat(voice.say("results", "h1")))
        story.extend(results(voice, data.state, data.comments, data.limit_sets, FRAME_WIDTH))
    story.append(CondPageBreak(50 * mm))
    story.extend(_flat(voice.say("findings", "h1")))
    story.extend(_findings(voice, data, copies))
    loose = data.loose_photos()
    if loose:
        story.append(CondPageBreak(80 * mm))
        story.extend(_flat(voice.say("photos", "h1")))
        story.append(_photo_grid(voice, loose, copies))
    story.append(CondPageBreak(60 * mm))
    story.extend(_flat(voice.say("sign_off", "h1")))
    story.append(_sign_off(voice, data))
    story.append(Spacer(1, 3 * mm))
    story.extend(_flat(voice.say("generated", "small", date=day(_now()), version=__version__)))
    return story


def _now() -> datetime:
    return datetime.now().astimezone()


def _flat(value: Flowable | list[Flowable]) -> list[Flowable]:
    return value if isinstance(value, list) else [value]


def _title(voice: Voice, data: InspectionReportData) -> list[Flowable]:
    i = data.inspection
    lines = _flat(voice.say("inspection_report", "title"))
    lines.append(voice.free(i.title or data.site.name, "h2"))
    lines.append(voice.free(f"{data.site.name} ({data.site.code}) · {day(i.started_at or i.planned_at)}", "body"))
    if not data.approved:
        lines.extend(_flat(voice.say("draft_note", "body")))
    qr = [qr_code(qr_payload(i.id, data.content_hash), 26 * mm), *_flat(voice.say("qr_note", "small"))]
    table = Table([voice.row([Stack(lines), qr])], colWidths=voice.widths([FRAME_WIDTH - 34 * mm, 34 * mm]))
    table.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), fonts=voice.fonts))
    return [table, Spacer(1, 3 * mm)]


def _header(voice: Voice, data: InspectionReportData) -> Table:
    i, s = data.inspection, data.site
    location = ", ".join(x for x in (s.district, s.province) if x)
    if s.latitude is not None:
        location = f"{location} ({latlon(s.latitude, s.longitude)})" if location else latlon(s.latitude, s.longitude)
    moments = [("planned", i.planned_at), ("started", i.started_at), ("finished", i.finished_at)]

    def dates(lang: str) -> str:
        return " · ".join(f"{voice.words(k, lang)} {when(v)}" for k, v in moments if v is not None) or "–"

    template = data.template
    checklist = (
        f"{template.title.get(voice.primary)} ({voice.words('version')} {template.version})" if template else "–"
    )
    review = data.approval
    if review is not None:
        approval = voice.each(
            lambda lang: voice.words("approved_by", lang, name=review.reviewer_name, date=when(review.reviewed_at))
        )
    else:
        approval = voice.value("not_approved")
    weather = " · ".join(x for x in (i.weather, None if i.temperature_c is None else f"{i.temperature_c:g} °C") if x)
    rows: list[tuple[str, Any]] = [
        ("site", f"{s.name} ({s.code})"),
        ("operator", s.operator or "–"),
        ("partners", ", ".join(s.partners) or "–"),
        ("licence", s.licence_no or "–"),
        ("location", location or "–"),
        ("commodity", s.commodity or "–"),
        ("dates", voice.each(dates)),
        ("inspector", i.inspector or "–"),
        ("checklist", checklist),
        ("status", voice.value(f"status_{i.status}")),
        ("approval", approval),
    ]
    if weather:
        rows.append(("weather", weather))
    if i.notes:
        rows.append(("notes", voice.free(i.notes, "cell")))
    return facts(voice, rows, FRAME_WIDTH)


def _summary(voice: Voice, data: InspectionReportData) -> Table:
    c = counts(data.state)
    open_findings = [f for f in data.findings if f.status == "open"]
    overdue = sum(1 for f in open_findings if f.overdue)

    def findings_text(lang: str) -> str:
        late = f" ({voice.words('overdue_count', lang, count=overdue)})" if overdue else ""
        return f"{len(open_findings)}{late}"

    inside = sum((t.stats.get("inside_s") or 0) for t in data.tracks)
    total = sum((t.stats.get("duration_s") or 0) for t in data.tracks)

    def on_site(lang: str) -> str:
        if not data.tracks:
            return voice.words("no_track", lang)
        if inside:
            return voice.words(
                "on_site_of", lang, inside=duration(inside, voice, lang), total=duration(total, voice, lang)
            )
        return duration(total, voice, lang)

    rows: list[tuple[str, Any]] = []
    if data.state is not None:
        rows.append(("items_answered", voice.value("n_of_m", n=c["answered"], m=c["answerable"])))
        red = RED if c["failures"] else None
        rows.append(
            ("failures_by_severity", voice.each(lambda lang: severity_line(c["failures"], voice, lang), colour=red))
        )
        over = str(c["exceedances"])
        rows.append(("exceedances", voice.cell(over, bold=True, colour=RED) if c["exceedances"] else over))
    rows.append(("open_findings", voice.each(findings_text, colour=RED if overdue else None)))
    rows.append(("time_on_site", voice.each(on_site)))
    return facts(voice, rows, FRAME_WIDTH)


def _map(voice: Voice, data: InspectionReportData, basemap: Path | None) -> list[Flowable]:
    findings = [
        mapfig.MapPoint(f.latitude, f.longitude, str(n))
        for n, f in enumerate(data.findings, start=1)
        if f.latitude is not None and f.longitude is not None
    ]
    photos = [
        mapfig.MapPoint(p.latitude, p.longitude, "", p.bearing_deg)
        for p in data.photos
        if p.latitude is not None and p.longitude is not None
    ]
    tracks = [data.segments.get(t.id, []) for t in data.tracks]
    has_track = any(len(seg) for track in tracks for seg in track)
    if not (data.site.boundary or has_track or findings or photos):
        return []
    centre = (data.site.latitude, data.site.longitude) if data.site.latitude is not None else (0.0, 0.0)
    image = mapfig.render_map(
        boundary=data.site.boundary,
        centre=centre,
        tracks=tracks,
        photos=photos,
        findings=findings,
        basemap=basemap,
        size=(1600, 1000),
    )
    height = FRAME_WIDTH * 1000 / 1600
    return [
        KeepTogether(
            [
                *_flat(voice.say("map", "h1")),
                Image(BytesIO(mapfig.jpeg_bytes(image)), width=FRAME_WIDTH, height=height),
                *_flat(voice.say("map_caption", "small")),
            ]
        )
    ]


def _findings(voice: Voice, data: InspectionReportData, copies: dict[str, Any]) -> list[Flowable]:
    if not data.findings:
        return _flat(voice.say("no_findings"))
    items = data.template.items if data.template else {}
    story: list[Flowable] = []
    for n, f in enumerate(data.findings, start=1):

        def status(lang: str, f=f) -> str:
            shown = voice.words(f.status, lang) if f.status in ("open", "closed") else f.status
            return f"{shown} — {voice.words('overdue', lang)}" if f.overdue else shown

        serious = f.severity in ("critical", "high")
        rows: list[tuple[str, Any]] = [
            ("severity", voice.each(lambda lang, f=f: voice.words(f.severity, lang), colour=RED if serious else None)),
            ("finding_status", voice.each(status, colour=RED if f.overdue else None)),
        ]
        if f.item_id and f.item_id in items:
            rows.append(("checklist_item", items[f.item_id].label.get(voice.primary)))
        rows.append(("location", latlon(f.latitude, f.longitude)))
        if f.description:
            rows.append(("description", voice.free(f.description, "cell")))
        rows.append(("corrective_action", voice.free(f.corrective_action or "–", "cell")))
        rows.append(("responsible", f.responsible or "–"))
        rows.append(("due_date", day(f.due_date)))
        table = facts(voice, rows, FRAME_WIDTH)
        title = voice.free(f"F{n}. {f.title}", "h2")
        story.append(KeepTogether([title, table]))
        pictures = data.photos_of_finding(f.id)
        if pictures:
            story.append(Spacer(1, 2 * mm))
            story.append(_photo_grid(voice, pictures, copies))
        story.append(Spacer(1, 4 * mm))
    return story


def _photo_grid(voice: Voice, photos: list[PhotoRow], copies: dict[str, Any]) -> Table:
    cells = [_photo_cell(voice, p, copies.get(p.id)) for p in photos]
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    table = Table([voice.row(r) for r in rows], colWidths=[PHOTO_WIDTH + 3 * mm] * 2)
    table.setStyle(
        table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 6), fonts=voice.fonts)
    )
    return table


def _photo_cell(voice: Voice, photo: PhotoRow, copy: printphotos.PrintCopy | None) -> list[Flowable]:
    if copy is None:
        picture: Flowable = _Placeholder(voice, PHOTO_WIDTH, 45 * mm)
    else:
        scale = min(PHOTO_WIDTH / copy.width, PHOTO_MAX_HEIGHT / copy.height)
        picture = Image(BytesIO(copy.data), width=copy.width * scale, height=copy.height * scale)
        picture.hAlign = "RIGHT" if voice.rtl else "LEFT"
    source = {"exif": "from_exif", "track": "from_track", "manual": "placed_by_hand"}.get(photo.position_source or "")

    def details(lang: str) -> str:
        where = latlon(photo.latitude, photo.longitude)
        if source and photo.latitude is not None:
            where += f" ({voice.words(source, lang)})"
        if photo.bearing_deg is not None:
            where += f", {photo.bearing_deg:.0f}°"
        return f"{voice.words('taken', lang)}: {when(photo.taken_at)} · {voice.words('position', lang)}: {where}"

    caption = photo.caption or photo.original_name or ""
    out: list[Flowable] = [picture]
    if caption:
        out.append(voice.free(caption, "cell"))
    out.extend(_flat(voice.each(details, "small")))
    return out


class _Placeholder(Flowable):
    """A grey box saying the photo cannot be shown (missing or unreadable original)."""

    def __init__(self, voice: Voice, width: float, height: float) -> None:
        super().__init__()
        self.voice, self.width, self.height = voice, width, height
        self.hAlign = "RIGHT" if voice.rtl else "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(SHADE)
        c.setStrokeColor(RED)
        c.setDash(3, 2)
        c.rect(0, 0, self.width, self.height, fill=1, stroke=1)
        text = Stack(_flat(self.voice.say("photo_missing", "small")))
        _w, h = text.wrapOn(c, self.width - 8 * mm, self.height)
        text.drawOn(c, 4 * mm, (self.height - h) / 2)
        c.restoreState()


def _sign_off(voice: Voice, data: InspectionReportData) -> Table:
    i = data.inspection
    inspector_name = i.inspector or ""
    signature = None
    if data.state is not None:
        for item_state in data.state.items.values():
            if item_state.item.type == "signature" and isinstance(item_state.value, dict):
                signature = item_state.value
                break
    signed = voice.words("signed_in_app", name=signature.get("name", "")) if signature else ""
    approver = data.approval.reviewer_name if data.approval else ""
    approved_on = day(data.approval.reviewed_at) if data.approval else ""
    header = [voice.label("role"), voice.label("name"), voice.label("signature"), voice.label("date")]
    rows = [
        [voice.label("inspector"), voice.cell(inspector_name), voice.cell(signed), voice.cell(day(i.finished_at))],
        [voice.label("supervisor"), voice.cell(approver), voice.cell(""), voice.cell(approved_on)],
    ]
    widths = [0.2 * FRAME_WIDTH, 0.3 * FRAME_WIDTH, 0.32 * FRAME_WIDTH, 0.18 * FRAME_WIDTH]
    table = Table(
        [voice.row(header)] + [voice.row(r) for r in rows],
        colWidths=voice.widths(widths),
        rowHeights=[None, 16 * mm, 16 * mm],
    )
    table.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            fonts=voice.fonts,
        )
    )
    return table
