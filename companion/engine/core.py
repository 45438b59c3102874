"""The dialogue engine: (profile, state, event) -> (new state, replies, effects). Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from companion.engine import voice
from companion.engine.commands import phrase_command, resolve
from companion.engine.effects import ExportData, ForgetUser
from companion.engine.events import Choice, Event, EventKind, Reply
from companion.engine.flows.ask import THEME_FLOWS, AskFlow
from companion.engine.flows.base import Flow, Step, Turn
from companion.engine.flows.famille import FamilleFlow
from companion.engine.flows.forget import ForgetFlow
from companion.engine.flows.journal import JournalFlow, MoiFlow
from companion.engine.flows.mission import MissionFlow
from companion.engine.flows.note import NoteFlow
from companion.engine.flows.onboarding import OnboardingFlow
from companion.engine.flows.personnage import PersonnageFlow
from companion.engine.flows.plan import PlanFlow
from companion.engine.flows.reminders import DailyFlow, RemindersFlow
from companion.engine.flows.reply import ReplyFlow
from companion.engine.flows.settings import SettingsFlow
from companion.engine.i18n import Catalog, Translator, load_catalog
from companion.engine.listening import (
    CARE,
    CARE_TURNS,
    LISTEN,
    SHORT_KEYS,
    VENT,
    VENT_TURNS,
    expresses_feeling,
    listening,
    reflection,
    short_answer,
    sounds_settled,
)
from companion.engine.menu import MENU_PREFIX, MORE, menu_reply, more_reply, opener
from companion.engine.nvc import NvcLists
from companion.engine.ports import Charts, Knowledge, UserRecords, Writer
from companion.engine.questions import QuestionBank
from companion.engine.reading import CHECKIN, CRISIS, MODEL_CUE, CrisisReading, NullReader, Reader, Reading
from companion.engine.reminders import DueReminder
from companion.engine.reminders import compose as compose_reminder
from companion.engine.state import ConversationState, Profile
from companion.engine.text import clean, format_resources, looks_like_question, small_talk

# Commands (French and English names) that start a flow.
COMMAND_FLOWS = {
    "note": "note",
    "reglages": "set",
    "settings": "set",
    "oubli": "forget",
    "forget": "forget",
    "question": "ask",
    "repondre": "reply",
    "reply": "reply",
    "rappels": "rem",
    "reminders": "rem",
    "personnage": "personnage",
    "character": "personnage",
    "mission": "mission",
    "famille": "famille",
    "family": "famille",
    "journal": "journal",
    "moi": "moi",
    "me": "moi",
    "plan": "plan",
}
MENU_FLOWS = {"reply": "reply", "ask": "ask", "personnage": "personnage", "mission": "mission", "famille": "famille",
              "note": "note", "journal": "journal", "moi": "moi", "plan": "plan", "settings": "set",
              "reminders": "rem"}
BUTTON_FLOWS = {"daily": "daily"}
"""Flows started by a ``menu:`` button that the menu itself does not list (the question of the day)."""
LONG_PASTE = 160
"""Characters from which free text outside a flow is taken for a pasted message rather than a chat line."""
HUGE_PASTE = 2000
"""Characters from which free text outside a flow is taken for a pasted message whatever its reading."""
RESUME_COMMANDS = ("reprendre", "resume")
CARE_PREFIX = "care"
"""Buttons of the safety check-in."""
CRISIS_PREFIX = "crisis"
"""The button that shows the rest of the helplines."""
RESOURCES_AT_ONCE = 3
"""Helplines shown in a crisis answer; the others wait behind a button."""
SHORT_ANSWERS = {"about_bot": "smalltalk.about", "off_topic": "smalltalk.off_topic"}
"""Intents outside a flow answered with one fixed text (greetings, thanks and goodbyes vary: ``SHORT_KEYS``)."""
SMALL_TALK_INTENTS = {"hello": "greeting", "thanks": "thanks", "bye": "farewell"}
"""What the words-only small talk reading (no reader) is, as an intent."""
EXPORT_COMMANDS = ("mesdonnees", "mydata")
"""Commands that send the user everything stored about them."""


@dataclass
class Result:
    """The engine's decision for one event."""

    state: ConversationState
    replies: list[Reply] = field(default_factory=list)
    effects: list[object] = field(default_factory=list)


class Engine:
    """Routes each event: crisis screening first, then onboarding, commands, and the flow in progress."""

    def __init__(
        self,
        catalog: Catalog | None = None,
        *,
        knowledge: Knowledge | None = None,
        questions: QuestionBank | None = None,
        reader: Reader | None = None,
        nvc: NvcLists | None = None,
        writer: Writer | None = None,
    ) -> None:
        self.reader: Reader = reader or NullReader()
        self.catalog = catalog or load_catalog()
        self.nvc = nvc
        self.questions = questions
        self.writer = writer  # a language model's words where configured; offline text otherwise
        flows: list[Flow] = [OnboardingFlow(), NoteFlow(), SettingsFlow(), ForgetFlow(), RemindersFlow(),
                             DailyFlow(questions, nvc), PersonnageFlow(knowledge, nvc, writer),
                             MissionFlow(knowledge, nvc, writer),
                             FamilleFlow(knowledge, nvc, writer), JournalFlow(nvc), MoiFlow(), PlanFlow()]
        if knowledge is not None and questions is not None:
            flows.append(AskFlow(knowledge, questions, writer))
        if nvc is not None:
            flows.append(ReplyFlow(self.reader.read, nvc, questions, self.reader.resources, writer))
        self.flows = {f.name: f for f in flows}
        if isinstance(self.flows.get("ask"), AskFlow):
            ask_flow = self.flows["ask"]
            assert isinstance(ask_flow, AskFlow)
            ask_flow.guided = {theme: flow for theme, flow in THEME_FLOWS.items() if flow in self.flows}
        self.menu_entries = tuple(value for value in MENU_FLOWS if MENU_FLOWS[value] in self.flows)

    def handle(self, profile: Profile, state: ConversationState, event: Event, now: datetime,
               records: UserRecords | None = None) -> Result:
        """Decide what to answer to ``event``; the caller persists the state and applies the effects."""
        t = self.catalog.bind(profile.language, profile.formal, profile.agreement)
        if event.kind is EventKind.COMMAND:
            # Aliases and near-misses (/aide, /annuler, /repondr) become the command they stand for.
            event = replace(event, command=resolve(event.command) or event.command)
        said = event.args if event.kind is EventKind.COMMAND else event.text
        reading = self.reader.read(said, profile.language) if said and said.strip() else Reading(profile.language)
        turn = Turn(profile, t, now, event, records, reading, self.reader.resources)
        result = self._route(turn, state)
        result.state = replace(result.state, version=state.version)
        return result

    def reminder(self, profile: Profile, state: ConversationState, due: DueReminder, now: datetime,
                 records: UserRecords | None = None, charts: Charts | None = None) -> Result:
        """Word a due reminder (daily question, weekly look-back, follow-up); no reply means nothing to send."""
        t = self.catalog.bind(profile.language, profile.formal, profile.agreement)
        new_state, replies, effects = compose_reminder(t, profile, state, due, now, records, questions=self.questions,
                                                       nvc=self.nvc, charts=charts)
        return Result(replace(new_state, version=state.version), replies, effects)

    # -- routing ---------------------------------------------------------------------------------

    def _route(self, turn: Turn, state: ConversationState) -> Result:
        event, t = turn.event, turn.t
        if voice.concerns(event, state):  # a voice note is checked, then read as the same typed text
            heard = voice.handle(turn, state)
            if heard.typed is None:
                return Result(heard.state, heard.replies)
            return self._route(self._retold(turn, heard.typed), heard.state)
        if event.kind is EventKind.UNSUPPORTED:
            return self._with_flow_hint(Result(state, [Reply(t("fallback.unsupported"))]), state, t)
        if event.kind is EventKind.CHOICE and event.choice.startswith(f"{CARE_PREFIX}:"):
            return self._care_choice(turn, state, event.choice.partition(":")[2])
        if event.kind is EventKind.CHOICE and event.choice.startswith(f"{CRISIS_PREFIX}:more:"):
            rest = self.reader.resources(t.lang, event.choice.split(":", 2)[2] or None)[RESOURCES_AT_ONCE:]
            return Result(state, [Reply(format_resources(rest, t.lang, t.formal))] if rest else [])
        signal = turn.reading.crisis
        third_party = self._third_party(event, state, turn.reading.intent if event.kind is EventKind.TEXT else None)
        own_words_unsure = third_party and signal.kind in ("suicide", "self-harm") \
            and not self._third_party(event, state)
        if own_words_unsure:
            # Only the reading guesses that someone else wrote it ("vous serez tranquilles, je vous dérangerai
            # plus"): the safe reading is that it is the user's own; forwarding it says otherwise.
            third_party = False
        if signal.tier == CHECKIN and not third_party:
            return self._checkin(turn, state)
        if signal.tier == CRISIS:
            # Someone else's words, or "I am being threatened" while talking a conflict through: the resources
            # come first, and the session goes on (being harassed is what the reply session is for).
            in_reply = state.flow == "reply" and signal.kind == "danger"
            if in_reply and signal.cues == (MODEL_CUE,):
                # Only the learned model's hunch, while describing the conflict: the session's protection
                # branch (3018, evidence, blocking) is the right help, without a wall of emergency numbers.
                return self._route_after_screening(turn, state)
            if third_party or in_reply:
                if third_party and signal.kind in ("suicide", "self-harm"):
                    # Someone else's words about ending their life: the lines answer relatives too.
                    signal = replace(signal, kind="other-at-risk")
                result = self._route_after_screening(turn, state)
                if signal.kind == "danger" and result.state.flow == "reply" and result.state.step == "safe":
                    # The reply session opens on safety with the help chosen for this threat (17 and 112 when
                    # the user is not safe): a wall of every emergency line first would bury it.
                    return result
                result.replies.insert(0, self._crisis(turn, state, signal, pause=False).replies[0])
                return result
            result = self._crisis(turn, state, signal)
            if own_words_unsure:
                result.replies.insert(1, Reply(t("crisis.if_received")))
            return result
        return self._route_after_screening(turn, state)

    def _third_party(self, event: Event, state: ConversationState, turn_intent: str | None = None) -> bool:
        """Is the text someone else's words: forwarded, pasted (as the reading says), into the reply session, or
        ``/repondre <text>``?"""
        if event.kind is EventKind.FORWARDED or turn_intent == "received_message" or len(event.text) >= HUGE_PASTE:
            return True
        if event.kind is EventKind.COMMAND:
            return event.command in ("repondre", "reply") and "reply" in self.flows
        flow = self.flows.get(state.flow or "")
        return isinstance(flow, ReplyFlow) and flow.third_party(state.step)

    def _route_after_screening(self, turn: Turn, state: ConversationState) -> Result:
        event, t = turn.event, turn.t
        if event.kind in (EventKind.TEXT, EventKind.FORWARDED) and not clean(event.text):
            return Result(state, [Reply(t("fallback.empty"))])
        if not turn.profile.consented:
            return self._onboarding(turn, state)
        if event.kind is EventKind.COMMAND:
            return self._command(turn, state.settled() if state.flow == LISTEN else state, event.command)
        if event.kind is EventKind.CHOICE and event.choice.startswith(f"{MENU_PREFIX}:"):
            return self._menu_choice(turn, state.settled(), event.choice.partition(":")[2])
        if state.flow == LISTEN:
            if event.kind is EventKind.TEXT:
                return self._listen(turn, state)
            state = state.settled()
        if state.flow == "ask" and state.step == "answered" and event.kind is EventKind.TEXT \
                and not self._asks(turn):
            state = state.settled()  # an answer does not hold the next message
        if state.active and state.flow in self.flows:
            return self._step(self.flows[state.flow].handle(state, turn), state, turn)
        if event.kind is EventKind.CHOICE:
            return Result(state, [Reply(t("common.stale_button")), self._menu(t, state)])
        intent = turn.reading.intent if event.kind is EventKind.TEXT else None
        wanted = phrase_command(event.text, self._labels(t)) if event.kind is EventKind.TEXT else None
        if wanted is not None:
            return self._command(replace(turn, event=replace(event, kind=EventKind.COMMAND, command=wanted)), state,
                                 wanted)
        length = len(clean(event.text))
        pasted = intent == "received_message" or length >= HUGE_PASTE or (intent is None and length >= LONG_PASTE)
        if "reply" in self.flows and (event.kind is EventKind.FORWARDED or pasted):
            flow = self.flows["reply"]
            assert isinstance(flow, ReplyFlow)
            question = "ask" in self.flows and (intent == "question" if intent else looks_like_question(event.text))
            step = flow.offer(turn, event.text, event.kind is EventKind.FORWARDED, question)
            return self._step(step, state.pause(), turn)
        if intent is None and event.kind is EventKind.TEXT \
                and expresses_feeling(event.text, turn.t.lang, self.nvc, turn.reading):
            intent = "venting"  # "ça m'énerve": a feeling of one's own, told rather than asked
        if intent is not None:
            return self._by_intent(turn, state, intent)
        chat = small_talk(event.text) if event.kind is EventKind.TEXT else None
        if chat in SMALL_TALK_INTENTS:
            return self._by_intent(turn, state, SMALL_TALK_INTENTS[chat])
        if chat == "how":
            return Result(state, [Reply(t(f"smalltalk.{chat}")), self._menu(t, state)])
        if "ask" in self.flows and looks_like_question(event.text):
            return self._ask(turn, state, event.text)
        return Result(state, [Reply(t("fallback.text")), self._menu(t, state)])

    def _by_intent(self, turn: Turn, state: ConversationState, intent: str) -> Result:
        """Free text outside a flow, by what the reading says it is: only questions reach the knowledge base."""
        t = turn.t
        if intent == "question" and "ask" in self.flows:
            return self._ask(turn, state, turn.event.text)
        if intent == "help":
            return self._with_flow_hint(Result(state, [Reply(t("help.text"))]), state, t)
        if intent == "greeting":
            return Result(state, [Reply(short_answer(t, intent, self._seed(turn))), self._menu(t, state)])
        if intent == "venting":
            text = turn.event.text
            listening_state = replace(state, flow=LISTEN, step=VENT, data={"left": VENT_TURNS})
            return Result(listening_state, [Reply(reflection(t, text, turn.reading, self.nvc, self._seed(turn))),
                                            self._offer(t)])
        if intent in SHORT_KEYS:
            return Result(state, [Reply(short_answer(t, intent, self._seed(turn)))])
        if intent in SHORT_ANSWERS:
            return Result(state, [Reply(t(SHORT_ANSWERS[intent]))])
        return Result(state, [Reply(t("fallback.text")), self._menu(t, state)])

    def _ask(self, turn: Turn, state: ConversationState, question: str) -> Result:
        flow = self.flows["ask"]
        assert isinstance(flow, AskFlow)
        entered = flow.start_with(turn, question)
        # An answer leaves the user at the "answered" step; "nothing found" leaves them idle.
        landing = ConversationState(flow.name, "answered", entered.data) if entered.data else ConversationState()
        return self._step(Step(landing, entered.replies), state.pause(), turn)

    def _crisis(self, turn: Turn, state: ConversationState, signal: CrisisReading, *, pause: bool = True) -> Result:
        t = turn.t
        intro = {"danger": "crisis.danger_intro", "other-at-risk": "crisis.other_intro"}.get(signal.kind or "",
                                                                                          "crisis.intro")
        found = self.reader.resources(t.lang, signal.kind)
        spoken = "yes" if turn.event.spoken else "no"  # a voice note: "ce que tu me dis"
        lines = [t(intro, spoken=spoken), format_resources(found[:RESOURCES_AT_ONCE], t.lang, t.formal),
                 t("crisis.outro")]
        rest = len(found) - RESOURCES_AT_ONCE
        more = (Choice(t("crisis.more", n=rest), f"{CRISIS_PREFIX}:more:{signal.kind or ''}"),)
        replies = [Reply("\n".join(lines), more if rest > 0 else ())]
        new_state = state.pause() if pause else state
        if new_state.paused and turn.profile.consented and not state.lingering:
            replies.append(Reply(t("crisis.paused")))
        if pause and turn.profile.consented:
            new_state = self._caring(new_state)
        return Result(new_state, replies)

    def _checkin(self, turn: Turn, state: ConversationState) -> Result:
        """A concerning but indirect message: one gentle question before anything else; what was going on waits."""
        t = turn.t
        choices = (Choice(t("care.safe"), f"{CARE_PREFIX}:safe"), Choice(t("care.unsafe"), f"{CARE_PREFIX}:unsafe"),
                   Choice(t("care.talk"), f"{CARE_PREFIX}:talk"))
        return Result(self._caring(state.pause()), [Reply(t("care.checkin"), choices)])

    def _care_choice(self, turn: Turn, state: ConversationState, value: str) -> Result:
        t = turn.t
        if value == "unsafe":
            return self._crisis(turn, state, CrisisReading(CRISIS, "suicide", ("checkin",)))
        if value == "lines":
            # The helplines again, one button away during care; what was set aside stays where it is.
            return Result(state, self._crisis(turn, state, CrisisReading(CRISIS, "suicide", ("care",)),
                                              pause=False).replies)
        if value == "talk":
            return Result(state, [Reply(t("care.listening"))])
        replies = [Reply(t("care.glad"), (Choice(t("plan.offer"), f"{MENU_PREFIX}:plan"),))]
        if state.paused and (not state.active or state.lingering):
            replies.append(Reply(t("care.resume"), (Choice(t("menu.resume"), f"{MENU_PREFIX}:resume"),)))
        return Result(state, replies)

    # -- listening -------------------------------------------------------------------------------

    def _listen(self, turn: Turn, state: ConversationState) -> Result:
        """A message while listening: after a crisis or a check-in, care only; after venting, keep listening for
        a turn or two, then offer again. Anything else leaves listening and is answered as usual."""
        t, text, intent = turn.t, turn.event.text, turn.reading.intent
        seed = self._seed(turn)
        left = int(state.data.get("left", 1)) - 1
        after = replace(state, data={**state.data, "left": left}) if left > 0 else state.settled()
        if state.step != CARE:
            if intent not in (None, "venting"):
                return self._route_after_screening(turn, state.settled())
            said = listening(t, text, turn.reading, self.nvc, seed, left)
            return Result(after, [Reply(said)] if left > 0 else [Reply(said), self._offer(t)])
        if intent == "received_message" or len(clean(text)) >= HUGE_PASTE:
            # A message someone sent them (a threat, a pile-on): the reply session and its protection, as always.
            return self._route_after_screening(turn, state.settled())
        lines = Choice(t("listen.care.lines"), f"{CARE_PREFIX}:lines")
        if intent == "farewell":
            return Result(state.settled(), [Reply(t("listen.care.bye"), (lines,))])
        if sounds_settled(text) or intent in ("thanks", "ack"):
            choices = [lines]
            if state.paused:
                choices.append(Choice(t("menu.resume"), f"{MENU_PREFIX}:resume"))
            return Result(after, [Reply(t("listen.care.okay"), tuple(choices))])
        if intent in ("greeting", "laughter"):
            return Result(after, [Reply(t("listen.care.hello"), (lines,))])
        if intent == "question" and not expresses_feeling(text, t.lang, self.nvc):
            return Result(after, [Reply(t("listen.care.question"), (lines,))])
        if state.data.get("asked"):
            said = listening(t, text, turn.reading, self.nvc, seed, left)
        else:
            said = reflection(t, text, turn.reading, self.nvc, seed)
            after = replace(after, data={**after.data, "asked": True}) if after.flow == LISTEN else after
        return Result(after, [Reply(said, (lines,))])

    @staticmethod
    def _caring(state: ConversationState) -> ConversationState:
        """Stay with the person for the next messages; what was set aside stays paused."""
        return replace(state, flow=LISTEN, step=CARE, data={"left": CARE_TURNS})

    def _offer(self, t: Translator) -> Reply:
        """What may help next: talking on (just writing), a reply to someone, the journal."""
        choices = [Choice(t(key), f"{MENU_PREFIX}:{value}") for value, key in
                   (("reply", "menu.reply"), ("note", "listen.journal")) if MENU_FLOWS[value] in self.flows]
        return Reply(t("listen.offer"), tuple(choices))

    def _asks(self, turn: Turn) -> bool:
        """Is this text a new question (after an answer, anything else is not held by it)?"""
        intent = turn.reading.intent
        return intent == "question" or (intent is None and looks_like_question(turn.event.text))

    @staticmethod
    def _seed(turn: Turn) -> str:
        """What picks among variants: the same message from the same person gets the same words."""
        return f"{turn.profile.user_id}:{turn.event.text or turn.event.args}"

    def _onboarding(self, turn: Turn, state: ConversationState) -> Result:
        flow = self.flows["onb"]
        event = turn.event
        if event.kind is EventKind.COMMAND and event.command == "help":
            step = flow.resume(state, turn) if state.flow == flow.name else flow.start(turn)
            return Result(step.state, [Reply(turn.t("help.text"))] + step.replies[-1:], step.effects)
        if state.flow != flow.name or (event.kind is EventKind.COMMAND and event.command == "start"):
            return self._step(flow.start(turn), ConversationState(), turn)
        return self._step(flow.handle(state, turn), state, turn)

    def _command(self, turn: Turn, state: ConversationState, command: str) -> Result:
        t = turn.t
        if command == "start" and turn.event.args.strip().lower() in ("repondre", "reply") and "reply" in self.flows:
            return self._start(turn, state, "reply")
        if command == "start":
            menu = menu_reply(t, lead_key="menu.welcome_back", can_resume=state.resumable,
                              entries=self.menu_entries, lead_values=opener(turn.now, turn.profile.timezone))
            return Result(state.pause(), [menu])
        if command == "help":
            return self._with_flow_hint(Result(state, [Reply(t("help.text"))]), state, t)
        if command == "menu":
            paused = state.pause()
            return Result(paused, [self._menu(t, paused)])
        if command == "cancel":
            flow = self.flows.get(state.flow or "")
            if state.active and (flow is None or not flow.kept_on_cancel):
                dropped = replace(state, flow=None, step=None, data={})
                return Result(dropped, [Reply(t("cancel.dropped")), self._menu(t, dropped)])
            if state.active:
                # Set aside, not dropped: what was written waits for /reprendre, as the message says.
                kept = state.pause()
                return Result(kept, [Reply(t("cancel.done")), self._menu(t, kept)])
            return Result(state, [Reply(t("cancel.nothing")), self._menu(t, state)])
        if command in RESUME_COMMANDS:
            return self._resume(turn, state)
        if command in EXPORT_COMMANDS:
            # The documents are built by the service from the database; the engine only asks for them.
            return self._with_flow_hint(Result(state, [Reply(t("privacy.export_ready"))], [ExportData()]), state, t)
        if command == "question" and turn.event.args and "ask" in self.flows:
            return self._ask(turn, state, turn.event.args)
        if command in ("repondre", "reply") and turn.event.args and "reply" in self.flows:
            flow = self.flows["reply"]
            assert isinstance(flow, ReplyFlow)
            base = replace(state.pause(), flow=None, step=None, data={})
            return self._step(flow.start_with(turn, turn.event.args), base, turn)
        if command == "note" and turn.event.args:
            flow = self.flows["note"]
            assert isinstance(flow, NoteFlow)
            base = replace(state if state.flow == "note" else state.pause(), flow=None, step=None, data={})
            return self._step(flow.save(turn, turn.event.args), base, turn)
        if command in COMMAND_FLOWS and COMMAND_FLOWS[command] in self.flows:
            return self._start(turn, state, COMMAND_FLOWS[command])
        return Result(state, [Reply(t("commands.unknown")), self._menu(t, state)])

    def _menu_choice(self, turn: Turn, state: ConversationState, value: str) -> Result:
        if value == "resume":
            return self._resume(turn, state)
        if value == "help":
            return self._command(turn, state, "help")
        if value == MORE:
            return Result(state, [more_reply(turn.t, entries=self.menu_entries)])
        if value == "plan_edit" and "plan" in self.flows:
            return self._start(turn, state, "plan", {"edit": True})
        if value in MENU_FLOWS and MENU_FLOWS[value] in self.flows:
            return self._start(turn, state, MENU_FLOWS[value])
        if value in BUTTON_FLOWS and BUTTON_FLOWS[value] in self.flows:
            return self._start(turn, state, BUTTON_FLOWS[value])
        return Result(state, [Reply(turn.t("common.unknown_button")), self._menu(turn.t, state)])

    def _start(self, turn: Turn, state: ConversationState, flow_name: str,
               data: dict[str, object] | None = None) -> Result:
        flow = self.flows[flow_name]
        if flow.resumes_on_start and not state.active and (state.paused or {}).get("flow") == flow_name:
            return self._resume(turn, state)  # e.g. a safety plan set aside halfway: its answers are not lost
        base = state if state.flow == flow_name else state.pause()
        base = replace(base, flow=None, step=None, data={})
        return self._step(flow.start(turn, data), base, turn)

    def _resume(self, turn: Turn, state: ConversationState) -> Result:
        state = state.settled()  # listening, or an answer shown, is not what the person wants back
        current = state if state.active else state.resumed()
        if not current.active or current.flow not in self.flows:
            return Result(state, [Reply(turn.t("resume.nothing")), self._menu(turn.t, state)])
        step = self.flows[current.flow].resume(current, turn)
        result = self._step(step, current, turn)
        result.replies.insert(0, Reply(turn.t("resume.back")))
        return result

    # -- helpers ---------------------------------------------------------------------------------

    def _retold(self, turn: Turn, event: Event) -> Turn:
        """The same turn for another event (a heard voice note as typed text), read again when its text differs."""
        if event.text == turn.event.text or not event.text.strip():
            return replace(turn, event=event)
        return replace(turn, event=event, reading=self.reader.read(event.text, turn.profile.language))

    def _step(self, step: Step, previous: ConversationState, turn: Turn) -> Result:
        """Merge a flow's step into the full state, keeping what was paused; follow a hand-off."""
        merged = replace(step.state, paused=previous.paused, version=previous.version)
        if step.pause:
            merged = replace(merged, paused=None).pause()
        if step.handoff is not None and step.handoff[0] not in self.flows:
            step.handoff = None  # e.g. questions are unavailable without a knowledge base
        if step.handoff is not None:
            name, data = step.handoff
            if name == "ask" and data.get("question"):
                asked = self._ask(turn, replace(merged, flow=None, step=None, data={}), str(data["question"]))
                return Result(asked.state, step.replies + asked.replies, step.effects + asked.effects)
            following = self.flows[name].start(turn, data)
            merged = replace(following.state, paused=previous.paused, version=previous.version)
            return Result(merged, step.replies + following.replies, step.effects + following.effects)
        result = Result(merged, step.replies, step.effects)
        finished = not merged.active and not any(isinstance(e, ForgetUser) for e in step.effects)
        if finished and not (result.replies and result.replies[-1].choices):
            result.replies.append(self._menu(turn.t, merged))
        return result

    def _menu(self, t: Translator, state: ConversationState, *, lead_key: str = "menu.prompt") -> Reply:
        return menu_reply(t, lead_key=lead_key, can_resume=state.resumable, entries=self.menu_entries)

    def _labels(self, t: Translator) -> dict[str, str]:
        """The menu's labels by the command each one starts, for lines that type a label."""
        by_flow = {flow: command for command, flow in COMMAND_FLOWS.items()}
        return {by_flow[MENU_FLOWS[value]]: t(f"menu.{value}") for value in self.menu_entries
                if MENU_FLOWS[value] in by_flow}

    @staticmethod
    def _with_flow_hint(result: Result, state: ConversationState, t: Translator) -> Result:
        if state.resumable:
            result.replies.append(Reply(t("help.in_flow")))
        return result
