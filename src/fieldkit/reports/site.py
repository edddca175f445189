"""The site summary: inspections in a period, each measured parameter's trend against its limit, and
the corrective actions still open (overdue ones first)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from fieldkit import __version__, services
from fieldkit.checklists.evaluate import ChecklistState
from fieldkit.checklists.limits import Bound
from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.reports.charts import Reading, trend_chart
from fieldkit.reports.common import RED, RED_TINT, Voice, day, facts, footer, grid
from fieldkit.reports.document import build
from fieldkit.reports.inspection import FRAME_WIDTH, ReportResult, _flat, _Steps, write_atomically
from fieldkit.reports.results import bounds_of, counts, limit_text, severity_line
from fieldkit.reports.text import table_style
from fieldkit.services import FindingRow
from fieldkit.services.inspection_list import InspectionQuery, InspectionRow, all_inspections
from fieldkit.services.library import limit_sets_for, parameter_labels
from fieldkit.store import Store


@dataclass
class _Series:
    parameter: str
    unit: str
    readings: list[Reading] = field(default_factory=list)
    bounds: list[Bound] = field(default_factory=list)


@dataclass
class _Visit:
    row: InspectionRow
    state: ChecklistState | None
    open_findings: int


def _moment(row: InspectionRow) -> datetime | None:
    return row.started_at or row.planned_at


def site_report(
    store: Store,
    site_code: str,
    path: Path,
    *,
    date_from: date,
    date_to: date,
    lang: str = "en",
    layout: str = "stacked",
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReportResult:
    """Write the summary of ``site_code`` between ``date_from`` and ``date_to`` (inclusive) to ``path``."""
    if date_from > date_to:
        raise ValidationError(f"The period starts ({date_from}) after it ends ({date_to}).")
    voice = Voice(lang, layout)
    step = _Steps(progress, cancelled)
    site = services.get_site(store, site_code)
    rows = all_inspections(store, InspectionQuery(site_id=site.id, sort="date", descending=False))
    in_period = [r for r in rows if (m := _moment(r)) is not None and date_from <= day_of(m) <= date_to]
    with store.read() as session:
        limit_sets = limit_sets_for(session, list(site.limit_sets))
        labels = parameter_labels(session)
    all_findings = services.list_findings(store)
    site_ids = {r.id for r in rows}
    site_findings = [f for f in all_findings if f.inspection_id in site_ids]
    visits: list[_Visit] = []
    series: dict[tuple[str, str], _Series] = {}
    for n, row in enumerate(in_period, start=1):
        step(0.05 + 0.6 * n / max(1, len(in_period)))
        state = None
        try:
            state = services.load_checklist(store, row.id, voice.primary).state
        except FieldKitError:
            state = None
        opened = sum(1 for f in site_findings if f.inspection_id == row.id and f.status == "open")
        visits.append(_Visit(row, state, opened))
        if state is not None:
            _collect(series, state, day_of(_moment(row)), limit_sets)
    step(0.7)
    open_actions = sorted(
        (f for f in site_findings if f.status == "open"),
        key=lambda f: (not f.overdue, f.due_date or date.max, f.created_at),
    )
    story: list[Flowable] = []
    story.extend(_flat(voice.say("site_report", "title")))
    story.append(voice.free(f"{site.name} ({site.code})", "h2"))
    story.append(
        facts(
            voice,
            [
                ("period", f"{date_from.isoformat()} – {date_to.isoformat()}"),
                ("operator", site.operator or "–"),
                ("partners", ", ".join(site.partners) or "–"),
                ("licence", site.licence_no or "–"),
                ("location", ", ".join(x for x in (site.district, site.province) if x) or "–"),
            ],
            FRAME_WIDTH,
        )
    )
    story.extend(_flat(voice.say("inspections_in_period", "h1")))
    story.extend(_visits(voice, visits))
    story.append(CondPageBreak(70 * mm))
    story.extend(_flat(voice.say("trends", "h1")))
    story.extend(_trends(voice, series, labels))
    story.append(CondPageBreak(40 * mm))
    story.extend(_flat(voice.say("corrective_actions", "h1")))
    story.extend(_actions(voice, open_actions, {r.id: r for r in rows}))
    story.append(Spacer(1, 3 * mm))
    story.extend(_flat(voice.say("generated", "small", date=date.today().isoformat(), version=__version__)))
    step(0.8)

    def make(tmp: Path) -> int:
        return build(
            tmp,
            story,
            title=f"{voice.words('site_report', 'en')}: {site.name} {date_from} – {date_to}",
            author=site.operator or "",
            footer=footer(voice, site.code, None, label="site_record"),
            initial_font=voice.fonts.latin.normal,
        )

    pages = write_atomically(path, make)
    step(1.0)
    return ReportResult(Path(path), pages, Path(path).stat().st_size)


def day_of(moment: datetime) -> date:
    return (moment.astimezone() if moment.tzinfo else moment).date()


def _collect(series: dict[tuple[str, str], _Series], state: ChecklistState, when: date, limit_sets) -> None:
    for item_state in state.items.values():
        item, value = item_state.item, item_state.value
        if (
            not item.parameter
            or not item_state.relevant
            or not isinstance(value, int | float)
            or isinstance(value, bool)
        ):
            continue
        unit = item.unit or ""
        entry = series.setdefault((item.parameter, unit), _Series(item.parameter, unit))
        over = any(f.kind == "exceedance" for f in item_state.flags)
        entry.readings.append(Reading(when, float(value), over))
        bounds = [b for b in bounds_of(item, state, limit_sets) if b.unit == unit]
        if bounds:
            entry.bounds = bounds  # the latest reading's limits (readings come in date order)


def _visits(voice: Voice, visits: list[_Visit]) -> list[Flowable]:
    if not visits:
        return _flat(voice.say("no_inspections"))
    header = [
        voice.label("date"),
        voice.label("inspection"),
        voice.label("status"),
        voice.label("failures_by_severity"),
        voice.label("exceedances"),
        voice.label("open_findings"),
    ]
    rows = []
    for v in visits:
        c = counts(v.state)
        title = v.row.title or v.row.template or v.row.id
        rows.append(
            [
                day(_moment(v.row)),
                voice.free(f"{title}\n{v.row.id[:8]}", "cell"),
                voice.value(f"status_{v.row.status}"),
                voice.each(lambda lang, c=c: severity_line(c["failures"], voice, lang)) if v.state else "–",
                str(c["exceedances"]) if v.state else "–",
                str(v.open_findings),
            ]
        )
    w = FRAME_WIDTH
    return [grid(voice, header, rows, [0.13 * w, 0.35 * w, 0.14 * w, 0.16 * w, 0.11 * w, 0.11 * w])]


def _trends(voice: Voice, series: dict[tuple[str, str], _Series], labels) -> list[Flowable]:
    if not series:
        return _flat(voice.say("no_readings"))
    cells: list[list[Flowable]] = []
    half = (FRAME_WIDTH - 6 * mm) / 2
    for (parameter, unit), s in sorted(series.items(), key=lambda kv: labels.get(kv[0][0], "en").lower()):
        names = [labels.get(parameter, lang) for lang in voice.langs]
        title = " / ".join(dict.fromkeys(names)) + (f" ({unit})" if unit else "")
        high = next((b.value for b in s.bounds if b.side == "max"), None)
        low = next((b.value for b in s.bounds if b.side == "min"), None)
        chart = trend_chart(
            s.readings, limit_max=high, limit_min=low, unit=unit, width=half, height=42 * mm, fonts=voice.fonts
        )
        over = sum(1 for r in s.readings if r.over)

        def caption(lang: str, s=s, over=over) -> str:
            text = voice.words("readings_caption", lang, count=len(s.readings), over=over)
            return f"{text} · {voice.words('limit', lang)}: {limit_text(s.bounds)}" if s.bounds else text

        cells.append([voice.free(title, "cell_head"), chart, *_flat(voice.each(caption, "small"))])
    rows = [voice.row(cells[i : i + 2] + [[]] * (2 - len(cells[i : i + 2]))) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[half + 3 * mm] * 2)
    table.setStyle(
        table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 8), fonts=voice.fonts)
    )
    return [table]


def _actions(voice: Voice, findings: list[FindingRow], inspections: dict[str, InspectionRow]) -> list[Flowable]:
    if not findings:
        return _flat(voice.say("none"))
    header = [
        voice.label("finding"),
        voice.label("severity"),
        voice.label("corrective_action"),
        voice.label("responsible"),
        voice.label("due_date"),
    ]
    rows, overdue_rows = [], []
    for n, f in enumerate(findings, start=1):
        source = inspections.get(f.inspection_id)
        where = f"{day(_moment(source)) if source else ''} · {f.inspection_id[:8]}"
        due = [voice.cell(day(f.due_date))]
        if f.overdue:
            due.append(voice.cell(voice.all_words("overdue"), bold=True, colour=RED))
            overdue_rows.append(n)
        rows.append(
            [
                voice.free(f"{f.title}\n{where}", "cell"),
                voice.all_words(f.severity),
                voice.free(f.corrective_action or "–", "cell"),
                f.responsible or "–",
                due,
            ]
        )
    w = FRAME_WIDTH
    table = grid(voice, header, rows, [0.3 * w, 0.12 * w, 0.3 * w, 0.15 * w, 0.13 * w])
    for n in overdue_rows:
        table.setStyle([("BACKGROUND", (0, n), (-1, n), RED_TINT)])
    return [table]
