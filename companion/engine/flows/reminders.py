"""/rappels (the daily question's settings) and the daily flow (answer → journal → optional emotions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from companion.engine.effects import (
    AddJournalDetails,
    DailyAnswered,
    DailyQuestionAsked,
    SetDailyEmotions,
    UpdateReminders,
)
from companion.engine.events import Choice, EventKind, Reply
from companion.engine.flows.base import END, OTHER, STALE, Entered, Flow, Turn
from companion.engine.flows.picker import PICK, add_typed, classify_pick, picker_reply
from companion.engine.i18n import Translator
from companion.engine.nvc import NvcLists
from companion.engine.ports import ReminderView
from companion.engine.questions import QuestionBank
from companion.engine.reminders import (
    ANSWER_LATER,
    ANSWER_STEP,
    DAILY_FLOW,
    find_question,
    pick_question,
    view_of,
    weekday_name,
)
from companion.engine.schedule import EVERY_DAY, WEEKDAYS, find_timezone, local_date, parse_hhmm
from companion.engine.text import clean, excerpt

SHOW, TIME, ZONE, DAYS, WEEKLY = "show", "time", "zone", "days", "weekly"
PRESET_MINUTES = {"morning": 8 * 60 + 30, "noon": 12 * 60 + 30, "evening": 20 * 60 + 30}
ZONES = {
    "fr": ("Europe/Paris", "Europe/Brussels", "Europe/Zurich", "America/Toronto", "Africa/Dakar", "Indian/Reunion"),
    "en": ("Europe/London", "Europe/Paris", "America/New_York", "America/Los_Angeles", "Asia/Kolkata",
           "Australia/Sydney"),
}
DEFAULT_ZONE = {"fr": "Europe/Paris", "en": "Europe/London"}
DEFAULT_WEEKLY_DAY = 6  # Sunday


def hhmm(minute: int) -> str:
    """Minutes past midnight as ``HH:MM``."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


def zone_label(t: Translator, name: str) -> str:
    """A short label for a timezone button: the city as the user's language names it."""
    key = "reminders.zone." + name.lower().replace("/", "_")
    return t(key) if t.catalog.has(key, t.lang) else name.rsplit("/", 1)[-1].replace("_", " ")


class RemindersFlow(Flow):
    """Show the settings → change one (time, timezone, days, look-back day, pause, stop) → show again."""

    name = "rem"
    initial = SHOW
    transitions = {
        (SHOW, "on"): TIME,
        (SHOW, "time"): TIME,
        (SHOW, "zone"): ZONE,
        (SHOW, "days"): DAYS,
        (SHOW, "weekly"): WEEKLY,
        (SHOW, "pause"): SHOW,
        (SHOW, "resume"): SHOW,
        (SHOW, "stop"): SHOW,
        (SHOW, "close"): END,
        **{(TIME, preset): SHOW for preset in PRESET_MINUTES},
        (TIME, "typed"): SHOW,
        (TIME, "bad"): TIME,
        (TIME, "back"): SHOW,
        **{(ZONE, f"z{i}"): SHOW for i in range(6)},
        (ZONE, "typed"): SHOW,
        (ZONE, "bad"): ZONE,
        (ZONE, "back"): SHOW,
        **{(DAYS, f"d{i}"): DAYS for i in range(7)},
        (DAYS, "all"): DAYS,
        (DAYS, "weekdays"): DAYS,
        (DAYS, "empty"): DAYS,
        (DAYS, "done"): SHOW,
        **{(WEEKLY, f"w{i}"): SHOW for i in range(7)},
        (WEEKLY, "none"): SHOW,
        (WEEKLY, "back"): SHOW,
    }

    def classify(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Buttons and typed answers; the change they ask for is kept in ``data['change']`` for ``enter``."""
        symbol = super().classify(step, turn, data)
        if symbol in (STALE, OTHER, "bad", "back", "close"):
            return symbol
        view = self._view(turn, data)
        change: dict[str, Any] = {}
        if step == SHOW and symbol in ("pause", "resume", "stop"):
            change = {"paused": symbol == "pause"} if symbol != "stop" else {"enabled": False}
        elif step == TIME:
            minute = PRESET_MINUTES.get(symbol, data.pop("typed_minute", None))
            change = {"minute": minute, "enabled": True, "paused": False}
            if not view.exists:
                change.update(timezone=DEFAULT_ZONE.get(turn.t.lang, "Europe/Paris"), days=EVERY_DAY,
                              weekly_day=DEFAULT_WEEKLY_DAY)
        elif step == ZONE:
            zone = data.pop("typed_zone", None) if symbol == "typed" else self._zones(turn)[int(symbol[1:])]
            change = {"timezone": zone}
        elif step == DAYS:
            days = int(data.get("days", view.days))
            if symbol[1:].isdigit():  # d0 … d6 toggle a weekday
                days ^= 1 << int(symbol[1:])
            elif symbol in ("all", "weekdays"):
                days = EVERY_DAY if symbol == "all" else WEEKDAYS
            data["days"] = days
            if symbol == "done":
                if not days & EVERY_DAY:
                    return "empty"
                change = {"days": days}
                data.pop("days", None)
        elif step == WEEKLY:
            change = {"weekly_day": None} if symbol == "none" else {"weekly_day": int(symbol[1:])}
        if change:
            data["change"] = change
        return symbol

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """A typed time (``19:30``) or timezone (``Europe/Paris``)."""
        if turn.event.kind is not EventKind.TEXT:
            return OTHER
        if step == TIME:
            minute = parse_hhmm(turn.event.text)
            if minute is None:
                return "bad"
            data["typed_minute"] = minute
            return "typed"
        if step == ZONE:
            zone = find_timezone(turn.event.text)
            if zone is None:
                return "bad"
            data["typed_zone"] = zone
            return "typed"
        return OTHER

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Apply the change that led here, then show the step."""
        t = turn.t
        if step == END:
            return Entered([Reply(t("reminders.settings.closed"))])
        change = data.pop("change", None)
        effects: list[object] = []
        lead: list[Reply] = []
        if change is not None:
            effects.append(UpdateReminders(
                enabled=change.get("enabled"), paused=change.get("paused"), minute=change.get("minute"),
                timezone=change.get("timezone"), days=change.get("days"),
                weekly_day=change.get("weekly_day"), no_weekly="weekly_day" in change and change["weekly_day"] is None))
            data["seen"] = {**data.get("seen", {}), **change}
            lead.append(Reply(t("reminders.settings.stopped" if change.get("enabled") is False
                                else "reminders.settings.done")))
        view = self._view(turn, data)
        c = self.choice
        if step == SHOW:
            if not view.exists or not view.enabled:
                choices = (c(turn, "reminders.settings.turn_on", "on"), c(turn, "reminders.settings.close", "close"))
                return Entered(lead + [Reply(t("reminders.settings.off"), choices)], effects, data)
            choices = (c(turn, "reminders.settings.change_time", "time"),
                       c(turn, "reminders.settings.change_zone", "zone"),
                       c(turn, "reminders.settings.change_days", "days"),
                       c(turn, "reminders.settings.change_weekly", "weekly"),
                       c(turn, "reminders.settings.resume", "resume") if view.paused
                       else c(turn, "reminders.settings.pause", "pause"),
                       c(turn, "reminders.settings.stop", "stop"),
                       c(turn, "reminders.settings.close", "close"))
            return Entered(lead + [Reply(self.summary(turn, view), choices, columns=2)], effects, data)
        if step == TIME:
            choices = tuple(c(turn, f"reminders.settings.{preset}", preset) for preset in PRESET_MINUTES) + (
                c(turn, "reminders.settings.back", "back"),)
            key = "reminders.settings.time_bad" if turn.event.kind is EventKind.TEXT else "reminders.settings.time_ask"
            return Entered(lead + [Reply(t(key), choices)], effects, data)
        if step == ZONE:
            zones = enumerate(self._zones(turn))
            choices = tuple(Choice(zone_label(t, zone), f"{self.name}:z{i}") for i, zone in zones)
            key = "reminders.settings.zone_bad" if turn.event.kind is EventKind.TEXT else "reminders.settings.zone_ask"
            return Entered(lead + [Reply(t(key, zone=zone_label(t, view.timezone)), choices + (
                c(turn, "reminders.settings.back", "back"),), columns=2)], effects, data)
        if step == DAYS:
            days = int(data.get("days", view.days))
            marks = tuple(Choice(("✓ " if days & (1 << i) else "") + weekday_name(t, i), f"{self.name}:d{i}")
                          for i in range(7))
            extra = (c(turn, "reminders.settings.every_day", "all"), c(turn, "reminders.settings.weekdays", "weekdays"),
                     c(turn, "reminders.settings.days_done", "done"))
            key = "reminders.settings.days_empty" if not days & EVERY_DAY else "reminders.settings.days_ask"
            return Entered(lead + [Reply(t(key), marks + extra, columns=3)], effects, data)
        if step == WEEKLY:
            choices = tuple(Choice(weekday_name(t, i), f"{self.name}:w{i}") for i in range(7)) + (
                c(turn, "reminders.settings.no_weekly", "none"), c(turn, "reminders.settings.back", "back"))
            return Entered(lead + [Reply(t("reminders.settings.weekly_ask"), choices, columns=3)], effects, data)
        raise ValueError(f"unknown reminders step {step!r}")

    def summary(self, turn: Turn, view: ReminderView) -> str:
        """What is set, in one short message."""
        t = turn.t
        if view.days & EVERY_DAY == EVERY_DAY:
            days = t("reminders.settings.days_every")
        elif view.days & EVERY_DAY == WEEKDAYS:
            days = t("reminders.settings.days_weekdays")
        else:
            days = ", ".join(weekday_name(t, i) for i in range(7) if view.days & (1 << i))
        weekly = (t("reminders.settings.weekly_on", day=weekday_name(t, view.weekly_day))
                  if view.weekly_day is not None else t("reminders.settings.weekly_off"))
        lines = [t("reminders.settings.summary", time=hhmm(view.minute), days=days,
                   zone=zone_label(t, view.timezone)), weekly]
        if view.paused:
            lines.append(t("reminders.settings.paused"))
        return "\n".join(lines)

    @staticmethod
    def _zones(turn: Turn) -> tuple[str, ...]:
        return ZONES.get(turn.t.lang, ZONES["fr"])

    @staticmethod
    def _view(turn: Turn, data: dict[str, Any]) -> ReminderView:
        """The stored settings with the changes made in this flow on top (they are applied after the turn)."""
        view = view_of(turn.records)
        seen = dict(data.get("seen", {}))
        if not view.exists and not seen:
            return replace(view, timezone=turn.profile.timezone or DEFAULT_ZONE.get(turn.t.lang, "Europe/Paris"))
        if seen:
            view = replace(view, exists=True, **{k: v for k, v in seen.items() if k != "enabled"},
                           enabled=seen.get("enabled", view.enabled or "minute" in seen))
        return view


# -- the daily question ------------------------------------------------------------------------------

EMOTION = "emotion"
EMOTION_OPTIONS = ("content", "calme", "reconnaissant", "joyeux", "curieux", "confiant", "soulage", "touche",
                   "fatigue", "stresse", "inquiet", "triste", "agace", "frustre", "seul", "decu")
MIN_CHARS = 3


def next_streak(view: ReminderView, today: date) -> tuple[int, bool]:
    """Days in a row including ``today``, and whether a longer streak just broke (said without guilt)."""
    last = date.fromisoformat(view.last_answer_date) if view.last_answer_date else None
    if last == today:
        return max(view.streak, 1), False
    if last == today - timedelta(days=1):
        return view.streak + 1, False
    return 1, view.streak >= 2


class DailyFlow(Flow):
    """The question of the day: answer → journal (with a streak) → optional emotions → done."""

    name = DAILY_FLOW
    initial = ANSWER_STEP
    transitions = {
        (ANSWER_STEP, "text"): EMOTION,
        (ANSWER_STEP, "saved"): END,
        (ANSWER_STEP, "short"): ANSWER_STEP,
        (ANSWER_STEP, "later"): END,
        (EMOTION, PICK): EMOTION,
        (EMOTION, "typed"): END,
        (EMOTION, "done"): END,
        (EMOTION, "skip"): END,
    }

    def __init__(self, questions: QuestionBank | None = None, nvc: NvcLists | None = None) -> None:
        self.questions = questions
        self.nvc = nvc

    def classify(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """The answer, the emotion picker, or "later"."""
        if step == EMOTION:
            picked = classify_pick(self.name, turn, data, "emotions", self._options())
            if picked is not None:
                return picked
        symbol = super().classify(step, turn, data)
        if symbol in ("later", "done", "skip"):
            data["outcome"] = symbol
        return symbol

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Text long enough is the answer; at the emotion step, feelings named in words."""
        if turn.event.kind not in (EventKind.TEXT, EventKind.FORWARDED):
            return OTHER
        text = clean(turn.event.text)
        if step == ANSWER_STEP:
            if len(text) < MIN_CHARS:
                return "short"
            return "text" if self.nvc is not None else "saved"
        if step == EMOTION and self.nvc is not None:
            nvc = self.nvc
            found = turn.feelings_in(text, lambda: nvc.find(text, turn.t.lang, "feelings"))
            if found:
                add_typed(data, "emotions", found)
                data["outcome"] = "done"
                return "typed"
        return OTHER

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Ask, save the answer, offer emotions, close."""
        t = turn.t
        if step == ANSWER_STEP:
            return self._ask(turn, data)
        if step == EMOTION:
            effects: list[object] = []
            lead: list[Reply] = []
            if not data.get("saved"):
                lead, effects = self._save(turn, data)
            text = t("reminders.daily.emotion_ask")
            if data.get("emotions"):
                text = t("reminders.daily.emotion_selected", list=", ".join(self._labels(t, data["emotions"])))
            actions = (self.choice(turn, "reminders.daily.emotion_done", "done"),
                       self.choice(turn, "reminders.daily.emotion_skip", "skip"))
            options = [(fid, label) for fid, label in zip(self._options(), self._labels(t, self._options()),
                                                          strict=True)]
            picker = picker_reply(turn, self.name, text, options, data, "emotions", actions)
            return Entered(lead + [picker], effects, data)
        if step == END:
            outcome = data.get("outcome")
            if outcome == "later":
                return Entered([Reply(t("reminders.daily.later_ok"),
                                      (Choice(t("reminders.daily.answer_now"), ANSWER_LATER),))])
            if not data.get("saved"):  # no emotion step (no feelings list): save and close
                lead, effects = self._save(turn, data)
                return Entered(lead, effects)
            chosen = tuple(data.get("emotions") or ()) if outcome == "done" else ()
            if chosen:
                named = ", ".join(self._labels(t, chosen))
                return Entered([Reply(t("reminders.daily.emotion_saved", list=named))], [SetDailyEmotions(chosen)])
            return Entered([Reply(t("reminders.daily.emotion_none"))])
        raise ValueError(f"unknown daily step {step!r}")

    def _ask(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        effects: list[object] = []
        if not data.get("prompt"):
            view = view_of(turn.records)
            today = local_date(turn.now, view.timezone).isoformat()
            if view.pending_question and view.pending_date:
                question = find_question(t, turn.profile, self.questions, view.pending_question)
                data.update(question.data(view.pending_date))
            else:
                question = pick_question(t, turn.profile, self.questions, view, today)
                data.update(question.data(today))
                effects.append(DailyQuestionAsked(question.id, today))
        lead = t("reminders.daily.short") if turn.event.kind is EventKind.TEXT else t("reminders.daily.intro")
        reply = Reply(f"{lead}\n\n{data['prompt']}", (self.choice(turn, "reminders.daily.later", "later"),))
        return Entered([reply], effects, data)

    def _save(self, turn: Turn, data: dict[str, Any]) -> tuple[list[Reply], list[object]]:
        t = turn.t
        text = clean(turn.event.text)
        view = view_of(turn.records)
        today = local_date(turn.now, view.timezone)
        streak, broke = next_streak(view, today)
        details = {"question_id": data.get("qid"), "date": data.get("date"), "question": data.get("prompt")}
        effects: list[object] = [AddJournalDetails("daily", text, data.get("theme"), (), details),
                                 DailyAnswered(today.isoformat(), streak)]
        lines = [t("reminders.daily.saved", excerpt=excerpt(text))]
        if broke:
            lines.append(t("reminders.daily.welcome_back"))
        elif streak >= 2:
            lines.append(t("reminders.daily.streak", n=streak))
        data["saved"] = True
        return [Reply("\n".join(lines))], effects

    def _options(self) -> tuple[str, ...]:
        if self.nvc is None:
            return ()
        return tuple(f for f in EMOTION_OPTIONS if self.nvc.term(f) is not None)

    def _labels(self, t: Translator, ids: Any) -> list[str]:
        return self.nvc.labels(ids, t.lang, agreement=t.agreement) if self.nvc is not None else list(ids)
