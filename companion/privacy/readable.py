"""The export a person reads: profile and settings in words, the journal by date, journeys, reply sessions.

It is written from the same rows as the JSON document, in the user's language and register; technical columns
(ids, versions, counters, the conversation's raw state) stay in the JSON document only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from companion.engine.flows.plan import PARTS
from companion.engine.flows.reminders import hhmm, zone_label
from companion.engine.i18n import Translator, agreement_of
from companion.engine.nvc import NvcLists
from companion.engine.reminders import weekday_name
from companion.engine.reply_text import join_words
from companion.engine.schedule import EVERY_DAY, WEEKDAYS

Rows = dict[str, list[dict[str, Any]]]
Labels = Callable[[Sequence[str]], list[str]]

JOURNEY_KINDS = ("personnage", "mission", "famille")
REPLY_KIND = "reply"


def readable_export(tables: Rows, now: datetime, t: Translator, nvc: NvcLists | None = None) -> str:
    """The Markdown document: one section per part of the user's life with Compagnon, in their words."""
    user = (tables.get("users") or [{}])[0]
    settings = (tables.get("reminder_settings") or [None])[0]
    zone = _zone((settings or {}).get("timezone") or user.get("timezone"))
    entries = sorted(tables.get("journal_entries") or [], key=lambda row: str(row.get("created_at") or ""))
    journal = [e for e in entries if e.get("kind") not in (*JOURNEY_KINDS, REPLY_KIND)]
    journeys = [e for e in entries if e.get("kind") in JOURNEY_KINDS]
    sessions = [e for e in entries if e.get("kind") == REPLY_KIND]
    lines = [f"# {t('privacy.md_title')}", "", t("privacy.md_intro", date=now.strftime("%Y-%m-%d %H:%M UTC")), ""]
    lines += _section(t("privacy.doc.profile"), _profile(user, t, zone))
    lines += _section(t("privacy.doc.reminders"), _reminders(settings, tables.get("reminder_deliveries") or [], t,
                                                             zone))
    agreement = str(user.get("agreement") or "")
    lines += _section(t("privacy.doc.journal"),
                      _by_date(journal, t, zone, _labels(nvc, t, agreement)) or [t("privacy.doc.journal_none")])
    lines += _section(t("privacy.doc.journeys"), _journeys(journeys, t, zone, _labels(nvc, t, agreement)))
    lines += _section(t("privacy.doc.sessions"), _sessions(sessions, t, zone))
    lines += _section(t("plan.title"), _safety_plan(tables.get("safety_plans") or [], t))
    lines += _section(t("privacy.doc.now"), _now(tables, t))
    return "\n".join(lines).rstrip() + "\n"


def _section(title: str, body: list[str]) -> list[str]:
    while body and not body[-1]:
        body = body[:-1]
    return [f"## {title}", "", *body, ""] if body else []


def _profile(user: dict[str, Any], t: Translator, zone: ZoneInfo) -> list[str]:
    if not user:
        return [t("privacy.doc.nothing")]
    language = str(user.get("language") or "fr")
    lines = [t("privacy.doc.language", language=_first(t, language, f"privacy.doc.lang.{language}"))]
    if language == "fr":
        lines.append(t("privacy.doc.register"))  # tu or vous: the register the whole document is written in
    if user.get("agreement") in ("fem", "masc", "neutral"):
        lines.append(t(f"privacy.doc.agreement_{user['agreement']}"))
    lines.append(t("privacy.doc.timezone", zone=zone.key))
    if user.get("created_at"):
        lines.append(t("privacy.doc.since", date=_local(user["created_at"], zone).strftime("%Y-%m-%d")))
    if user.get("consent_at"):
        lines.append(t("privacy.doc.consent", date=_local(user["consent_at"], zone).strftime("%Y-%m-%d")))
    if user.get("active") is False:
        lines.append(t("privacy.doc.inactive"))
    lines = [f"- {line}" for line in lines]
    for key, value in (("moi.portrait", user.get("portrait")), ("moi.mission", user.get("mission"))):
        if value:
            lines += ["", t(key, portrait=value, mission=value)]
    return lines


def _reminders(settings: dict[str, Any] | None, deliveries: list[dict[str, Any]], t: Translator,
               zone: ZoneInfo) -> list[str]:
    if not settings:
        return [t("privacy.doc.reminders_none")]
    if not settings.get("enabled"):
        lines = [t("privacy.doc.daily_off")]
    else:
        days = int(settings.get("days") or 0)
        if days & EVERY_DAY == EVERY_DAY:
            said = t("reminders.settings.days_every")
        elif days & EVERY_DAY == WEEKDAYS:
            said = t("reminders.settings.days_weekdays")
        else:
            said = join_words([weekday_name(t, day) for day in range(7) if days & (1 << day)], t.lang)
        lines = [t("reminders.settings.summary", time=hhmm(int(settings.get("minute") or 0)), days=said,
                   zone=zone_label(t, str(settings.get("timezone") or zone.key)))]
        weekly = settings.get("weekly_day")
        lines.append(t("reminders.settings.weekly_on", day=weekday_name(t, weekly)) if weekly is not None
                     else t("reminders.settings.weekly_off"))
        if settings.get("paused"):
            lines.append(t("reminders.settings.paused"))
    if settings.get("streak"):
        lines.append(t("privacy.doc.streak", count=settings["streak"]))
    lines = [f"- {line}" for line in lines]
    planned = sorted(str(d["due_at"]) for d in deliveries if d.get("status") == "due" and d.get("due_at"))
    if planned:
        lines += ["", t("privacy.doc.planned"),
                  *(f"- {_local(due, zone).strftime('%Y-%m-%d %H:%M')}" for due in planned)]
    sent = sum(1 for d in deliveries if d.get("status") == "sent")
    if sent:
        lines += ["", t("privacy.doc.sent", count=sent)]
    return lines


def _by_date(entries: Sequence[dict[str, Any]], t: Translator, zone: ZoneInfo, labels: Labels,
             level: str = "###", kinds: bool = True) -> list[str]:
    """Entries under a heading per local day: the time (and kind), the question, the text quoted, the feelings."""
    lines: list[str] = []
    day = None
    for entry in entries:
        when = _local(entry.get("created_at"), zone)
        if when.date() != day:
            day = when.date()
            lines += [f"{level} {day.isoformat()}", ""]
        title = f"{when.strftime('%H:%M')}, {_kind(entry.get('kind'), t)}" if kinds else when.strftime("%H:%M")
        lines += [f"**{title}**", ""]
        question = entry.get("prompt") or (entry.get("details") or {}).get("question")
        if question:
            lines += [t("journal.entry_question", question=question), ""]
        lines += [_quote(str(entry.get("text") or "")), ""]
        feelings = join_words(labels(entry.get("emotions") or []), t.lang)
        if feelings:
            lines += [t("journal.entry_feelings", feelings=feelings), ""]
    return lines


def _journeys(entries: Sequence[dict[str, Any]], t: Translator, zone: ZoneInfo, labels: Labels) -> list[str]:
    """Each journey's answers, journey by journey, day by day."""
    lines: list[str] = []
    for kind in JOURNEY_KINDS:
        answers = [e for e in entries if e.get("kind") == kind]
        if answers:
            lines += [f"### {_kind(kind, t)}", "", *_by_date(answers, t, zone, labels, level="####", kinds=False)]
    return lines or [t("privacy.doc.journeys_none")]


def _sessions(entries: Sequence[dict[str, Any]], t: Translator, zone: ZoneInfo) -> list[str]:
    lines: list[str] = []
    for entry in entries:
        when = _local(entry.get("created_at"), zone)
        lines += [f"### {when.strftime('%Y-%m-%d %H:%M')}", ""]
        received = (entry.get("details") or {}).get("received")
        if received:
            lines += [t("privacy.doc.received"), "", _quote(str(received)), ""]
        lines += [f"- {row}" for row in str(entry.get("text") or "").splitlines() if row.strip()]
        lines.append("")
    return lines or [t("privacy.doc.sessions_none")]


def _safety_plan(rows: Sequence[dict[str, Any]], t: Translator) -> list[str]:
    """The plan built with /plan, part by part in the order it was asked; nothing when there is none."""
    parts = (rows[0].get("parts") or {}) if rows else {}
    return ["- " + t("plan.line", title=t(f"plan.t_{part}"), text=parts[part]) for part in PARTS if parts.get(part)]


def _now(tables: Rows, t: Translator) -> list[str]:
    lines = []
    state = (tables.get("conversation_states") or [{}])[0]
    if state.get("flow"):
        lines.append(t("privacy.doc.in_flow", flow=_flow(str(state["flow"]), t)))
    if state.get("paused"):
        lines.append(t("privacy.doc.paused_flow"))
    waiting = len(tables.get("pending_replies") or [])
    if waiting:
        lines.append(t("privacy.doc.undelivered", count=waiting))
    return [f"- {line}" for line in lines]


def _kind(kind: object, t: Translator) -> str:
    """A journal entry's kind in words (the journal's own names first)."""
    return _first(t, str(kind), f"journal.kind.{kind}", f"privacy.doc.kind.{kind}")


def _flow(flow: str, t: Translator) -> str:
    """A conversation flow in words: its journal name, else its menu entry."""
    return _first(t, flow, f"journal.kind.{flow}", f"menu.{flow}")


def _first(t: Translator, default: str, *keys: str) -> str:
    return next((t(key) for key in keys if t.catalog.has(key, t.lang)), default)


def _labels(nvc: NvcLists | None, t: Translator, agreement: str) -> Labels:
    """Feeling ids as the user reads them: the list's label, agreed as chosen (French), else the id itself."""
    def labels(ids: Sequence[str]) -> list[str]:
        found = nvc.labels(ids, t.lang, agreement=agreement_of(agreement)) if nvc else []
        return found if len(found) == len(ids) else list(ids)
    return labels


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines() or [""])


def _zone(name: object) -> ZoneInfo:
    try:
        return ZoneInfo(str(name or "Europe/Paris"))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _local(value: object, zone: ZoneInfo) -> datetime:
    """A stored time (ISO text, UTC when it carries no offset) in the user's time zone."""
    if not value:
        return datetime.fromtimestamp(0, UTC).astimezone(zone)
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone)
