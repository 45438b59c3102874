"""What a due reminder says, and what it does to the conversation: pure, given the user's state and records.

Three kinds: the daily question (``daily``), the weekly look-back (``weekly``) and one-off follow-ups such as the
cooling-off reminder of a reply session (``cooloff``). A reminder never breaks a flow in progress: an idle user
can simply type the answer, a busy one gets the question with a button to answer later.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from companion.engine.effects import DailyQuestionAsked
from companion.engine.events import Choice, Image, Reply
from companion.engine.i18n import Translator
from companion.engine.nvc import NvcLists
from companion.engine.ports import Charts, ReminderView, UserRecords
from companion.engine.questions import QuestionBank
from companion.engine.state import ConversationState, Profile
from companion.engine.text import excerpt

DAILY = "daily"
WEEKLY = "weekly"
COOLOFF = "cooloff"
FAMILLE = "famille"
DAILY_FLOW = "daily"
ANSWER_STEP = "answer"
ANSWER_LATER = "menu:daily"
PERSONAL_EVERY = 5
"""About one day in five, the question draws on what the user wrote about themselves (portrait, mission)."""
FALLBACK_ID = "fallback"


@dataclass(frozen=True)
class DueReminder:
    """A reminder the dispatcher is about to send: its kind, the user's local date, and a payload."""

    kind: str
    local_date: date
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DailyQuestion:
    """The question of the day as the daily flow keeps it."""

    id: str
    text: str
    theme: str | None

    def data(self, local_date: str) -> dict[str, Any]:
        """The daily flow's data for this question."""
        return {"qid": self.id, "date": local_date, "prompt": self.text, "theme": self.theme}


def view_of(records: UserRecords | None) -> ReminderView:
    """The user's reminder settings, or defaults when there is no store (or no row)."""
    reader = getattr(records, "reminders", None)
    return reader() if callable(reader) else ReminderView()


def _digest(seed: str) -> int:
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest()[:8], 16)


def personal_question(t: Translator, profile: Profile, question_id: str) -> DailyQuestion | None:
    """A question drawn from the user's own portrait or mission, when they wrote one."""
    if question_id == "personal:portrait" and profile.portrait:
        return DailyQuestion(question_id, t("reminders.daily.personal_portrait",
                                            portrait=excerpt(profile.portrait, 140)), "personnage")
    if question_id == "personal:mission" and profile.mission:
        return DailyQuestion(question_id, t("reminders.daily.personal_mission",
                                            mission=excerpt(profile.mission, 140)), "mission")
    return None


def find_question(t: Translator, profile: Profile, bank: QuestionBank | None, question_id: str) -> DailyQuestion:
    """The question called ``question_id`` in the user's language (a gentle generic one if it is gone)."""
    personal = personal_question(t, profile, question_id)
    if personal is not None:
        return personal
    for question in bank.questions(t.lang) if bank else ():
        if question.id == question_id:
            return DailyQuestion(question.id, question.text, question.theme)
    return DailyQuestion(FALLBACK_ID, t("reminders.daily.fallback_question"), None)


def pick_question(t: Translator, profile: Profile, bank: QuestionBank | None, view: ReminderView,
                  local_date: str) -> DailyQuestion:
    """Today's question: rotating through the bank without repeats, sometimes personal."""
    seed = f"{profile.user_id}:{local_date}"
    if _digest("personal:" + seed) % PERSONAL_EVERY == 0:
        options = [key for key, text in (("personal:portrait", profile.portrait), ("personal:mission", profile.mission))
                   if text]
        if options:
            personal = personal_question(t, profile, options[_digest(seed) % len(options)])
            if personal is not None:
                return personal
    daily = bank.select(t.lang, use="daily") if bank is not None else []
    if daily:
        asked = set(view.asked)
        pool = [q for q in daily if q.id not in asked]
        if pool:
            # Themes rotate: the day's question comes from the theme asked least in this round.
            counts = Counter(q.theme for q in daily if q.id in asked)
            themes = sorted({q.theme for q in pool})
            fewest = min(counts[name] for name in themes)
            least_asked = [name for name in themes if counts[name] == fewest]
            theme = least_asked[_digest("theme:" + seed) % len(least_asked)]
            pool = [q for q in pool if q.theme == theme]
        else:  # the bank is exhausted: a new round begins
            pool = daily
        chosen = pool[_digest(seed) % len(pool)]
        return DailyQuestion(chosen.id, chosen.text, chosen.theme)
    return DailyQuestion(FALLBACK_ID, t("reminders.daily.fallback_question"), None)


def compose(t: Translator, profile: Profile, state: ConversationState, due: DueReminder, now: datetime,
            records: UserRecords | None, *, questions: QuestionBank | None = None, nvc: NvcLists | None = None,
            charts: Charts | None = None) -> tuple[ConversationState, list[Reply], list[object]]:
    """The new state, the messages and the effects of a due reminder (no message: nothing to send)."""
    if not profile.consented:
        return state, [], []
    if due.kind == DAILY:
        return _daily(t, profile, state, due, records, questions)
    if due.kind == WEEKLY:
        return state, _weekly(t, due, now, records, nvc, charts), []
    if due.kind == COOLOFF:
        return state, _cooloff(t, state, due), []
    if due.kind == FAMILLE:
        # A month after "en famille": an offer to do the round table again (the journey's own words).
        return state, [Reply(t("famille.follow_up"), (Choice(t("famille.follow_up_start"), "menu:famille"),))], []
    return state, [], []


def _daily(t: Translator, profile: Profile, state: ConversationState, due: DueReminder, records: UserRecords | None,
           bank: QuestionBank | None) -> tuple[ConversationState, list[Reply], list[object]]:
    today = due.local_date.isoformat()
    question = pick_question(t, profile, bank, view_of(records), today)
    effects: list[object] = [DailyQuestionAsked(question.id, today)]
    if state.active and state.flow != DAILY_FLOW:
        # Busy: the flow in progress stays as it is; the question waits behind a button.
        text = f"{t('reminders.daily.busy')}\n\n{question.text}"
        return state, [Reply(text, (Choice(t("reminders.daily.answer_now"), ANSWER_LATER),))], effects
    waiting = replace(state, flow=DAILY_FLOW, step=ANSWER_STEP, data=question.data(today))
    text = f"{t('reminders.daily.intro')}\n\n{question.text}\n\n{t('reminders.daily.how')}"
    return waiting, [Reply(text, (Choice(t("reminders.daily.later"), f"{DAILY_FLOW}:later"),))], effects


def weekday_name(t: Translator, day: int) -> str:
    """The weekday's name (0 = Monday)."""
    return t(f"reminders.weekday.{day}")


def _weekly(t: Translator, due: DueReminder, now: datetime, records: UserRecords | None, nvc: NvcLists | None,
            charts: Charts | None) -> list[Reply]:
    since = now - timedelta(days=7)
    items = [item for item in records.journal_page(0, 200).items if item.created_at >= since] if records else []
    emotions = records.recent_emotions(since) if records else []
    view = view_of(records)
    lines = [t("reminders.weekly.title")]
    if not items:
        lines.append(t("reminders.weekly.empty"))
        return [Reply("\n\n".join(lines))]
    daily = sum(1 for item in items if item.kind == DAILY)
    lines.append(t("reminders.weekly.count", n=len(items), daily=daily))
    shown = [t("reminders.weekly.line", day=weekday_name(t, item.created_at.weekday()), excerpt=excerpt(item.text, 70))
             for item in sorted(items, key=lambda i: i.created_at)[-5:]]
    lines.append("\n".join(shown))
    counts = Counter(emotions).most_common(8)
    labelled = [(_feeling_label(nvc, feeling, t.lang, t.agreement), n) for feeling, n in counts]
    if labelled:
        lines.append(t("reminders.weekly.emotions", list=", ".join(f"{label} ({n})" for label, n in labelled)))
    else:
        lines.append(t("reminders.weekly.no_emotions"))
    if view.streak >= 2:
        lines.append(t("reminders.weekly.streak", n=view.streak))
    lines.append(t("reminders.weekly.outro"))
    image = None
    if labelled and charts is not None:
        alt = t("reminders.weekly.alt", list=", ".join(f"{label} ×{n}" for label, n in labelled))
        image = Image(charts.emotions_chart(labelled, t("reminders.weekly.chart_title")), alt, "semaine.png")
    return [Reply("\n\n".join(lines), image=image)]


def _feeling_label(nvc: NvcLists | None, feeling: str, lang: str, agreement: str) -> str:
    term = nvc.term(feeling) if nvc is not None else None
    return term.label(lang, agreement) if term is not None else feeling.replace("_", " ")


def _cooloff(t: Translator, state: ConversationState, due: DueReminder) -> list[Reply]:
    flow = str(due.payload.get("flow") or "reply")
    paused = (state.paused or {}).get("flow")
    if state.flow != flow and paused != flow:
        return []  # the user already came back to it, or let it go: nothing to remind
    return [Reply(t("reminders.cooloff.text"), (Choice(t("reminders.cooloff.resume"), "menu:resume"),))]
