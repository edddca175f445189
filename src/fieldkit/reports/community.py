"""The community summary: one or two pages in plain words for a village meeting.

What was checked, what was found, what the operator must do and by when, and who to contact. No
staff names unless asked for; readings over a limit are told as sentences built from the parameter
names in the report's language (findings typed by inspectors are printed as they were written).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fieldkit import __version__
from fieldkit.reports.common import Voice, day, footer, number, watermark
from fieldkit.reports.data import InspectionReportData, gather
from fieldkit.reports.document import build
from fieldkit.reports.inspection import ReportResult, _flat, _Steps, write_atomically
from fieldkit.services.library import parameter_labels
from fieldkit.store import Store

PLAIN_SEVERITY = {"low": "plain_low", "medium": "plain_medium", "high": "plain_high", "critical": "plain_critical"}


def community_report(
    store: Store,
    inspection_id: str,
    path: Path,
    *,
    lang: str = "en",
    layout: str = "stacked",
    names: bool = False,
    contact: str | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReportResult:
    """Write the plain-language summary of ``inspection_id`` to ``path``.

    ``names`` prints the inspector's and approver's names; ``contact`` replaces the standard "who to
    contact" text (a liaison office, a phone number).
    """
    voice = Voice(lang, layout)
    step = _Steps(progress, cancelled)
    data = gather(store, inspection_id, voice.primary)
    with store.read() as session:
        labels = parameter_labels(session)
    step(0.3)
    story = _story(voice, data, labels, names=names, contact=contact)
    step(0.6)

    def make(tmp: Path) -> int:
        return build(
            tmp,
            story,
            title=f"{voice.words('community_report', 'en')}: {data.site.name}",
            author=data.site.operator or "",
            footer=footer(voice, data.inspection.id, data.short_hash),
            watermark=None if data.approved else watermark(voice),
            initial_font=voice.fonts.latin.normal,
        )

    pages = write_atomically(path, make)
    step(1.0)
    return ReportResult(Path(path), pages, Path(path).stat().st_size, data.content_hash)


def _story(voice: Voice, data: InspectionReportData, labels, *, names: bool, contact: str | None) -> list[Flowable]:
    i, site = data.inspection, data.site
    when = day(i.started_at or i.planned_at)
    site_name = site.local_names.get(voice.primary) or site.name
    what = data.template.title.get(voice.primary) if data.template else (i.title or "")
    story: list[Flowable] = []
    story.extend(_flat(voice.say("community_report", "title")))
    story.append(voice.free(f"{site_name} · {when}", "h2"))
    story.extend(_flat(voice.say("community_intro", date=when, what=what, site=site_name)))
    if not data.approved:
        story.extend(_flat(voice.say("draft_note", "small")))

    story.extend(_flat(voice.say("what_was_checked", "h1")))
    if data.state is not None:
        sections = [s.section.title.get(voice.primary) for s in data.state.sections if s.relevant]
        story.extend(_flat(voice.say("sections_checked", sections="; ".join(sections))))
    elif i.title:
        story.append(voice.free(i.title))

    story.extend(_flat(voice.say("what_was_found", "h1")))
    found = _found(voice, data, labels)
    story.extend(found or _flat(voice.say("nothing_wrong")))

    story.extend(_flat(voice.say("what_must_be_done", "h1")))
    actions = [f for f in data.findings if f.status == "open" and f.corrective_action]
    if not actions:
        story.extend(_flat(voice.say("no_actions")))
    for f in actions:
        who = f.responsible or site.operator or ""
        due = voice.words("by_date", date=day(f.due_date)) if f.due_date else ""
        story.append(
            voice.free(f"• {f.corrective_action}" + (f" ({who})" if who else "") + (f" — {due}" if due else ""))
        )

    story.extend(_flat(voice.say("contact", "h1")))
    if contact:
        story.append(voice.free(contact))
    else:
        story.extend(_flat(voice.say("contact_text", operator=site.operator or site.name)))
    if names:
        story.append(Spacer(1, 2 * mm))
        people = voice.words("inspected_by", name=i.inspector or "–")
        if data.approval is not None:
            people += " · " + voice.words(
                "approved_by", name=data.approval.reviewer_name, date=day(data.approval.reviewed_at)
            )
        story.append(voice.free(people, "small"))
    story.append(Spacer(1, 3 * mm))
    story.extend(_flat(voice.say("generated", "small", date=date.today().isoformat(), version=__version__)))
    return story


def _found(voice: Voice, data: InspectionReportData, labels) -> list[Flowable]:
    """Readings over a limit as sentences in the report's language, then the other findings."""
    lines: list[Flowable] = []
    told_items: set[str] = set()
    if data.state is not None:
        for item_state, flag in data.state.flags:
            if flag.kind != "exceedance" or flag.limit is None or not item_state.item.parameter:
                continue
            item = item_state.item
            told_items.add(item.id)
            unit = f" {flag.unit}" if flag.unit else ""
            key = "reading_under" if flag.bound == "min" else "reading_over"
            texts = [
                voice.words(
                    key,
                    lang,
                    parameter=labels.get(item.parameter, lang),
                    value=f"{number(float(item_state.value))}{unit}",
                    limit=f"{number(flag.limit)}{unit}",
                )
                for lang in voice.langs
            ]
            lines.extend(_flat(voice._both(["• " + t for t in texts], "body")))
    for f in data.findings:
        if f.item_id in told_items:
            continue
        severity = voice.words(PLAIN_SEVERITY.get(f.severity, "plain_medium"))
        lines.append(voice.free(f"• {f.title} ({severity})"))
    return lines
