"""Conflicts and refused changes told the way an inspector or a supervisor reads them.

A conflict row holds two copies of a record as raw columns (UUIDs, ISO UTC times, item ids); nobody
can choose between "63ce534f-…" and "63ce534f-…". Here each copy becomes what the app shows elsewhere:
names instead of ids, local times, answers formatted like the checklist, and the bookkeeping columns
(who saved it, when) said once in a header line instead of as fields that always differ. Qt-free, so
the CLI and tests read the same words as the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Date, select
from sqlalchemy.orm import Session

from fieldkit.checklists.model import Item
from fieldkit.checklists.values import display
from fieldkit.errors import FieldKitError
from fieldkit.i18n import current_language, translate
from fieldkit.services.findings import severity_label
from fieldkit.services.inspections import status_label
from fieldkit.services.library import compiled_template
from fieldkit.store import Store
from fieldkit.store.models import Finding, Inspection, Site, SyncIssue, Template, Track, User
from fieldkit.store.types import UTCDateTime
from fieldkit.sync.conflicts import ConflictRow, keep_mine_note
from fieldkit.sync.describe_text import field_label, kind_label, month_name, reason_text
from fieldkit.sync.outbox import RETRIED_REASONS
from fieldkit.sync.records import MODELS, row_data

NONE = "—"
#: Saved with every edit: said once in the header line, never shown as content.
BOOKKEEPING = frozenset({"id", "created_at", "created_by", "updated_at", "updated_by", "deleted_at", "deleted"})
#: Not for reading (a track's packed points, a photo's content hash).
HIDDEN = frozenset({"chunks", "sha256"})
#: Columns whose value is a number in a unit the column name implies.
UNITS = {"temperature_c": "°C", "camera_offset_s": "s", "elevation_m": "m", "altitude_m": "m", "bearing_deg": "°"}
MAX_TEXT = 240


class FieldView(NamedTuple):
    label: str
    mine: str
    theirs: str
    differs: bool
    field: str
    """The column name (for tooltips and tests)."""


@dataclass(frozen=True)
class ConflictView:
    conflict: ConflictRow
    label: str
    """The record as a person names it: "Inspection 'Outfall round' at Saindak … (SDK), 5 Oct"."""
    header: str
    """Who changed each copy, and when, in one line."""
    mine_by: str
    mine_at: datetime | None
    theirs_by: str
    theirs_at: datetime | None
    fields: tuple[FieldView, ...]
    note: str = ""
    """What "keep mine" means when it is not the usual (a reference record: kept on this laptop only)."""

    @property
    def differing(self) -> tuple[FieldView, ...]:
        return tuple(f for f in self.fields if f.differs)


@dataclass(frozen=True)
class IssueRow:
    """A change the registry refused: the record stays on the laptop, unsent until edited again."""

    id: str
    entity: str
    record_id: str
    label: str
    reason: str
    """The code from :data:`fieldkit.sync.protocol.REJECT_CODES`."""
    text: str
    """The reason in the user's language."""
    detail: str
    """The registry's own words (English), for a tooltip or a support request."""
    at: datetime
    retried: bool
    """True when the next sync sends it again by itself (``blob_missing``, ``parent_missing``)."""


# -- times ----------------------------------------------------------------------------------------------


def parse_time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str) and len(value) >= 16:
        try:
            found = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return found if found.tzinfo else found.replace(tzinfo=UTC)
    return None


def date_text(value: date, *, year: bool = True) -> str:
    if not year:
        return translate("Sync", "{day} {month}").format(day=value.day, month=month_name(value.month))
    return translate("Sync", "{day} {month} {year}").format(
        day=value.day, month=month_name(value.month), year=value.year
    )


def time_text(value: datetime | None, *, today: date | None = None) -> str:
    """Local time, "5 Oct 2026 14:32"; just "14:32" when ``today`` is given and it is that day."""
    if value is None:
        return NONE
    local = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone()
    clock = local.strftime("%H:%M")
    if today is not None and local.date() == today:
        return clock
    return translate("Sync", "{date} {time}").format(date=date_text(local.date()), time=clock)


# -- names for ids ----------------------------------------------------------------------------------------


class Names:
    """Looks up what ids and usernames stand for, once each, in one read session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[tuple[str, str], str] = {}
        self._users: dict[str, str] | None = None

    def _get(self, kind: str, key: Any, find) -> str:
        if key is None or key == "":
            return NONE
        cache_key = (kind, str(key))
        if cache_key not in self._cache:
            self._cache[cache_key] = find(str(key)) or str(key)
        return self._cache[cache_key]

    def site(self, site_id: Any) -> str:
        def find(key: str) -> str | None:
            site = self.session.get(Site, key)
            return f"{site.name} ({site.code})" if site else None

        return self._get("site", site_id, find)

    def user(self, id_or_username: Any) -> str:
        if self._users is None:
            rows = self.session.execute(select(User.id, User.username, User.display_name)).all()
            self._users = {k: name or username for uid, username, name in rows for k in (uid, username)}
        return self._get("user", id_or_username, self._users.get)

    def template(self, template_id: Any) -> str:
        def find(key: str) -> str | None:
            found = self.session.get(Template, key)
            if found is None:
                return None
            return translate("Sync", "{title}, version {version}").format(title=found.title, version=found.version)

        return self._get("template", template_id, find)

    def inspection(self, inspection_id: Any) -> str:
        def find(key: str) -> str | None:
            found = self.session.get(Inspection, key)
            return (found.title or translate("Sync", "untitled inspection")) if found else None

        return self._get("inspection", inspection_id, find)

    def finding(self, finding_id: Any) -> str:
        return self._get("finding", finding_id, lambda k: getattr(self.session.get(Finding, k), "title", None))

    def track(self, track_id: Any) -> str:
        return self._get("track", track_id, lambda k: getattr(self.session.get(Track, k), "name", None))

    def item(self, inspection_id: Any, item_id: Any) -> Item | None:
        inspection = self.session.get(Inspection, inspection_id) if inspection_id else None
        if inspection is None or inspection.template_id is None or not item_id:
            return None
        try:
            return compiled_template(self.session, inspection.template_id).template.items.get(item_id)
        except FieldKitError:
            return None

    def item_label(self, inspection_id: Any, item_id: Any) -> str:
        item = self.item(inspection_id, item_id)
        return item.label.get(current_language()) if item else str(item_id or NONE)


# -- values ---------------------------------------------------------------------------------------------


def compact(value: Any) -> str:
    """Any stored value as one short line: None as "—", lists and dicts without JSON punctuation."""
    if value is None or value == "" or value == [] or value == {}:
        return NONE
    if isinstance(value, bool):
        return translate("Sync", "Yes") if value else translate("Sync", "No")
    if isinstance(value, float):
        text = f"{value:.10g}"
    elif isinstance(value, list):
        text = ", ".join(compact(v) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {compact(v)}" for k, v in value.items())
    else:
        text = " ".join(str(value).split()) if "\n" in str(value) else str(value)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _flags(value: Any) -> str:
    if not isinstance(value, list):
        return compact(value)
    return compact([f.get("message") or f.get("kind") if isinstance(f, dict) else f for f in value]).replace(", ", "; ")


def _kind(entity: str, column: str) -> str:
    model = MODELS.get(entity)
    col = model.__table__.columns.get(column) if model is not None else None  # type: ignore[attr-defined]
    if col is None:
        return ""
    if isinstance(col.type, UTCDateTime):
        return "datetime"
    if isinstance(col.type, Date):
        return "date"
    return ""


def value_text(names: Names, entity: str, column: str, value: Any, data: dict[str, Any]) -> str:
    """One column's value as the app shows it elsewhere (names, local times, answers with their unit)."""
    if value is None or value == "":
        return NONE
    try:
        kind = _kind(entity, column)
        if kind == "datetime":
            when = parse_time(value)
            return time_text(when) if when else compact(value)
        if kind == "date":
            return date_text(date.fromisoformat(str(value)[:10]))
        if column == "site_id":
            return names.site(value)
        if column in ("inspector_id", "reviewer"):
            return names.user(value)
        if column == "template_id":
            return names.template(value)
        if column == "inspection_id":
            return names.inspection(value)
        if column in ("finding_id", "follows_id"):
            return names.finding(value)
        if column == "track_id":
            return names.track(value)
        if column == "item_id" and data.get("inspection_id"):
            return names.item_label(data.get("inspection_id"), value)
        if column == "status" and entity == "inspections":
            return status_label(str(value))
        if column == "severity":
            return severity_label(str(value))
        if column == "flags":
            return _flags(value)
        if entity == "answers" and column == "value":
            item = names.item(data.get("inspection_id"), data.get("item_id"))
            return (display(item, value, current_language()) or NONE) if item else compact(value)
        if column in UNITS and isinstance(value, (int, float)):
            return f"{value:.10g} {UNITS[column]}"
        if column == "byte_size" and isinstance(value, int):
            return f"{value / 1_048_576:.1f} MB" if value >= 1_048_576 else f"{max(1, round(value / 1024))} KB"
    except (TypeError, ValueError, KeyError, AttributeError, IndexError):
        pass  # a value of an unexpected shape (another version's record): shown as it is
    return compact(value)


def _same(a: Any, b: Any) -> bool:
    ta, tb = parse_time(a), parse_time(b)
    if ta is not None and tb is not None:
        return ta == tb
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (a, b))
    if numbers:
        return float(a) == float(b)  # 3 and 3.0 are the same reading
    return (a if a != "" else None) == (b if b != "" else None)


# -- records --------------------------------------------------------------------------------------------


def record_label(names: Names, entity: str, data: dict[str, Any]) -> str:
    """The record as a person names it, e.g. "Answer to 'Lead (Pb)' in 'Outfall round'"."""

    def quoted(text: Any) -> str:
        return compact(text)

    if entity == "inspections":
        when = parse_time(data.get("started_at") or data.get("planned_at") or data.get("created_at"))
        day = ""
        if when is not None:
            local = when.astimezone().date()
            day = date_text(local, year=local.year != datetime.now().year)
        return (
            translate("Sync", "Inspection '{title}' at {site}, {day}")
            .format(
                title=quoted(data.get("title") or translate("Sync", "untitled")),
                site=names.site(data.get("site_id")),
                day=day,
            )
            .rstrip(", ")
        )
    if entity == "answers":
        return translate("Sync", "Answer to '{item}' in '{inspection}'").format(
            item=names.item_label(data.get("inspection_id"), data.get("item_id")),
            inspection=names.inspection(data.get("inspection_id")),
        )
    if entity == "reviews":
        return translate("Sync", "Review of '{inspection}'").format(
            inspection=names.inspection(data.get("inspection_id"))
        )
    if entity == "grievances":
        return translate("Sync", "Grievance from {village}: {text}").format(
            village=quoted(data.get("village")), text=quoted(data.get("description"))[:60]
        )
    name = (
        {
            "findings": data.get("title"),
            "photos": data.get("caption") or data.get("original_name"),
            "tracks": data.get("name") or data.get("source_name"),
            "waypoints": data.get("name"),
            "users": data.get("display_name") or data.get("username"),
            "limit_sets": data.get("set_id"),
            "parameters": data.get("param_id"),
        }.get(entity)
        or data.get("title")
        or data.get("name")
    )
    kind = kind_label(entity)
    return f"{kind} '{quoted(name)[:80]}'" if name else kind


def theirs_data(row: ConflictRow) -> dict[str, Any]:
    """The registry's field values: ``remote`` holds them directly, or is a protocol Record dump (under ``data``)."""
    remote = row.remote or {}
    data = remote.get("data")
    if isinstance(data, dict) and "entity" in remote:
        merged = dict(data)
        for key in ("deleted", "updated_at", "updated_by"):
            if remote.get(key) is not None:
                merged.setdefault(key, remote[key])
        if remote.get("deleted"):
            merged["deleted"] = True
        return merged
    return dict(remote)


def _deleted(data: dict[str, Any]) -> bool:
    return bool(data.get("deleted")) or data.get("deleted_at") is not None


def describe_conflict(store: Store, row: ConflictRow, *, today: date | None = None) -> ConflictView:
    """``row`` as a person decides it: its label, who changed each copy, and its fields in words."""
    mine, theirs = dict(row.local or {}), theirs_data(row)
    today = today or datetime.now().date()
    with store.read() as session:
        names = Names(session)
        label = record_label(names, row.entity, mine or theirs)
        mine_by = names.user(mine.get("updated_by"))
        theirs_by = names.user(theirs.get("updated_by") or row.remote_by)
        mine_at, theirs_at = parse_time(mine.get("updated_at")), parse_time(theirs.get("updated_at"))
        fields: list[FieldView] = []
        if _deleted(mine) != _deleted(theirs):
            fields.append(
                FieldView(
                    translate("Sync", "Deleted"),
                    translate("Sync", "deleted on the laptop") if _deleted(mine) else NONE,
                    translate("Sync", "deleted on the registry") if _deleted(theirs) else NONE,
                    True,
                    "deleted",
                )
            )
        for column in dict.fromkeys([*mine, *theirs]):
            if column in BOOKKEEPING or column in HIDDEN:
                continue
            a, b = mine.get(column), theirs.get(column)
            fields.append(
                FieldView(
                    field_label(row.entity, column),
                    value_text(names, row.entity, column, a, mine),
                    value_text(names, row.entity, column, b, theirs),
                    not _same(a, b),
                    column,
                )
            )
        if row.entity == "tracks" and mine.get("chunks") != theirs.get("chunks"):
            fields.append(
                FieldView(field_label(row.entity, "chunks"), translate("Sync", "changed"), NONE, True, "chunks")
            )
    header = translate("Sync", "Changed here by {mine_by} at {mine_at} / on the registry by {theirs_by} at {theirs_at}")
    header = header.format(
        mine_by=mine_by,
        mine_at=time_text(mine_at, today=today),
        theirs_by=theirs_by,
        theirs_at=time_text(theirs_at or row.detected_at, today=today),
    )
    note = keep_mine_note(row.entity)
    if note:
        header = f"{header}. {note}"  # the header is what every view shows: the note is seen without a new widget
    return ConflictView(row, label, header, mine_by, mine_at, theirs_by, theirs_at, tuple(fields), note)


# -- refused changes --------------------------------------------------------------------------------------


def list_issues(store: Store) -> list[IssueRow]:
    """Changes the registry refused, newest first, each with its reason in words."""
    found = []
    with store.read() as session:
        names = Names(session)
        for issue in session.scalars(select(SyncIssue).order_by(SyncIssue.at.desc())):
            model = MODELS.get(issue.entity)
            row = session.get(model, issue.record_id) if model is not None else None
            data = row_data(session, row) if row is not None else {}
            label = (
                record_label(names, issue.entity, data) if data else f"{kind_label(issue.entity)} {issue.record_id[:8]}"
            )
            missing, refused = [], []
            if issue.reason == "required_missing" and isinstance(issue.detail, list):
                for problem in issue.detail:
                    if not isinstance(problem, dict):
                        continue
                    item = f"'{names.item_label(issue.record_id, problem.get('item_id'))}'"
                    if problem.get("kind") == "missing":
                        missing.append(item)
                    else:
                        refused.append(f"{item} ({problem.get('message') or problem.get('kind')})")
            detail = issue.detail if isinstance(issue.detail, str) else compact(issue.detail)
            found.append(
                IssueRow(
                    id=issue.id,
                    entity=issue.entity,
                    record_id=issue.record_id,
                    label=label,
                    reason=issue.reason,
                    text=reason_text(issue.reason, detail if detail != NONE else "", missing, refused),
                    detail=detail if detail != NONE else "",
                    at=issue.at,
                    retried=issue.reason in RETRIED_REASONS,
                )
            )
    return found
