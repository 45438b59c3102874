"""« Aide-moi à répondre » (/repondre): talk a received message through before replying.

Steps: welcome (how able do I feel, 1–5) → what was said (the analyser's reading; protection branch when it
looks like harassment) → facts and judgments → my feelings → my needs → their side (a hypothesis) → my
mission (when I have one) → decide (reply, wait, don't reply, protect myself) → a draft with feedback, looping
until I keep it → how able do I feel now → what to keep in the journal → a question to go further.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from companion.engine.effects import AddJournalDetails, ScheduleFollowUp
from companion.engine.events import Choice, EventKind, Reply
from companion.engine.flows.base import END, OTHER, STALE, Entered, Flow, Step, Turn
from companion.engine.flows.picker import PICK, add_typed, classify_pick, picker_reply
from companion.engine.nvc import NvcLists
from companion.engine.ports import Writer
from companion.engine.questions import QuestionBank
from companion.engine.reading import CrisisResource, TensionReading
from companion.engine.reply_text import (
    MAX_DRAFT,
    bounded,
    guess_their_side,
    join_words,
    marker_kinds,
    sentences,
    sort_facts,
    suggest_my_side,
    with_de,
)
from companion.engine.state import ConversationState
from companion.engine.text import clean, excerpt, format_resources

OFFER = "offer"
PASTE = "paste"
WELCOME = "welcome"
READING = "reading"
PROTECT = "protect"
FACTS = "facts"
SORTED = "sorted"
FEELINGS = "feelings"
NEEDS = "needs"
THEIRS = "theirs"
MISSION = "mission"
DECIDE = "decide"
PROTECT_LATE = "protect_late"
WAIT = "wait"
WAITING = "waiting"
DRAFT_CHOICE = "draft_choice"
REQUEST = "request"
SUGGEST = "suggest"
OWN = "own"
FEEDBACK = "feedback"
FINAL = "final"
ABLE_END = "able_end"
KEEP = "keep"
SAVED = "saved"
DECLINED = "declined"
WRITE = "write"
ASK_INSTEAD = "ask_instead"

ABILITY = tuple(f"ab{n}" for n in range(1, 6))
REQUESTS = ("talk", "explain", "stop", "time")
WAIT_CHOICES = ("hour", "evening", "morning")
MIN_FACTS = 4
EVENING_HOUR = 19
MORNING_HOUR = 8
Analyser = Callable[[str, str], TensionReading]


def _table() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {
        (OFFER, "yes"): WELCOME,
        (OFFER, "question"): ASK_INSTEAD,
        (OFFER, "no"): DECLINED,
        (PASTE, "text"): WELCOME,
        (PASTE, "skip"): WELCOME,
        (WELCOME, "skip"): READING,
        (READING, "continue"): FACTS,
        (READING, "protect"): PROTECT,
        (PROTECT, "continue"): FACTS,
        (PROTECT, "done"): ABLE_END,
        (FACTS, "text"): SORTED,
        (FACTS, "skip"): FEELINGS,
        (SORTED, "continue"): FEELINGS,
        (SORTED, "text"): SORTED,
        (FEELINGS, PICK): FEELINGS,
        (FEELINGS, "text"): FEELINGS,
        (FEELINGS, "done"): NEEDS,
        (NEEDS, PICK): NEEDS,
        (NEEDS, "text"): NEEDS,
        (NEEDS, "done"): THEIRS,
        (THEIRS, "continue"): DECIDE,
        (THEIRS, "mission"): MISSION,
        (MISSION, "yes"): DECIDE,
        (MISSION, "no"): DECIDE,
        (MISSION, "unsure"): DECIDE,
        (DECIDE, "reply"): DRAFT_CHOICE,
        (DECIDE, "wait"): WAIT,
        (DECIDE, "noreply"): ABLE_END,
        (DECIDE, "protect"): PROTECT_LATE,
        (PROTECT_LATE, "continue"): DECIDE,
        (PROTECT_LATE, "done"): ABLE_END,
        (WAIT, "back"): DECIDE,
        (WAITING, "reply"): DRAFT_CHOICE,
        (WAITING, "wait"): WAIT,
        (WAITING, "noreply"): ABLE_END,
        (WAITING, "protect"): PROTECT_LATE,
        (DRAFT_CHOICE, "suggest"): REQUEST,
        (DRAFT_CHOICE, "own"): OWN,
        (DRAFT_CHOICE, "text"): FEEDBACK,
        (REQUEST, "text"): SUGGEST,
        (SUGGEST, "keep"): FINAL,
        (SUGGEST, "edit"): OWN,
        (SUGGEST, "text"): FEEDBACK,
        (OWN, "text"): FEEDBACK,
        (OWN, "suggest"): REQUEST,
        (FEEDBACK, "keep"): FINAL,
        (FEEDBACK, "text"): FEEDBACK,
        (FEEDBACK, "suggest"): REQUEST,
        (FINAL, "continue"): ABLE_END,
        (ABLE_END, "skip"): KEEP,
        (KEEP, "all"): SAVED,
        (KEEP, "summary"): SAVED,
        (KEEP, "nothing"): SAVED,
        (SAVED, "write"): WRITE,
        (SAVED, "done"): END,
    }
    for ability in ABILITY:
        table[(WELCOME, ability)] = READING
        table[(ABLE_END, ability)] = KEEP
    for request in REQUESTS:
        table[(REQUEST, request)] = SUGGEST
    for when in WAIT_CHOICES:
        table[(WAIT, when)] = WAITING
    return table


def _ability(symbol: str) -> int | None:
    return int(symbol[2:]) if symbol in ABILITY else None


class ReplyFlow(Flow):
    """The reply session, one step at a time; every step can be skipped and the session resumed later."""

    name = "reply"
    initial = PASTE
    terminal = frozenset({END, DECLINED, WRITE, ASK_INSTEAD})
    transitions = _table()

    def __init__(self, analyse: Analyser, nvc: NvcLists, questions: QuestionBank | None = None,
                 resources: Callable[..., list[CrisisResource]] | None = None, writer: Writer | None = None) -> None:
        self.analyse = analyse
        self.nvc = nvc
        self.questions = questions
        self.resources = resources
        self.writer = writer

    # -- entering -------------------------------------------------------------------------------------

    def offer(self, turn: Turn, text: str, forwarded: bool, question_like: bool) -> Step:
        """Outside a flow, a forwarded message or a long paste: offer to talk it through first."""
        received, cut = bounded(text)
        data = {"received": received, "cut": cut, "forwarded": forwarded, "question_like": question_like}
        return self._arrive(OFFER, turn, data)

    def start_with(self, turn: Turn, text: str) -> Step:
        """``/repondre <message>``: the message is already there, start at the welcome."""
        received, cut = bounded(text)
        return self._arrive(WELCOME, turn, {"received": received, "cut": cut})

    def third_party(self, step: str | None) -> bool:
        """At these steps, the text typed is someone else's message."""
        return step == PASTE

    # -- classifying ----------------------------------------------------------------------------------

    def classify(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Buttons (including the picker's) and typed text, per step."""
        if step in (FEELINGS, NEEDS):
            options = [term.id for term in self._options(step, turn.t.lang)]
            picked = classify_pick(self.name, turn, data, step, options)
            if picked is not None:
                return picked
        symbol = super().classify(step, turn, data)
        if (ability := _ability(symbol)) is not None:
            data["ability_start" if step == WELCOME else "ability_end"] = ability
        if step == THEIRS and symbol == "continue" and turn.profile.mission:
            return "mission"
        if step == MISSION and symbol in ("yes", "no", "unsure"):
            data["serves_mission"] = symbol
        if step == REQUEST and symbol in REQUESTS:
            data["request"] = turn.t(f"reply.req.{symbol}.text")
        if step in (WAIT, WAITING, DECIDE) and symbol in WAIT_CHOICES + ("reply", "noreply", "protect"):
            data["decision"] = "wait" if symbol in WAIT_CHOICES else symbol
            if symbol in WAIT_CHOICES:
                data["wait"] = symbol
        return symbol

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Where the step expects words, take them; elsewhere typed text is not an answer."""
        event = turn.event
        if event.kind not in (EventKind.TEXT, EventKind.FORWARDED):
            return OTHER
        text = clean(event.text)
        if not text:
            return OTHER
        if step == PASTE:
            data["received"], data["cut"] = bounded(text)
            return "text"
        if step in (FACTS, SORTED):
            if len(text) < MIN_FACTS:
                return "short"
            data["facts"] = bounded(text, MAX_DRAFT)[0]
            return "text"
        if step in (FEELINGS, NEEDS):
            if step == FEELINGS:
                found = turn.feelings_in(text, lambda: self.nvc.find(text, turn.t.lang, "feelings"))
            else:
                found = list(turn.reading.needs) or self.nvc.find(text, turn.t.lang, "needs")
            add_typed(data, step, found)
            data[f"{step}_typed"] = excerpt(text, 120)  # their own words, reflected back
            return "text"
        if step == REQUEST:
            data["request"] = bounded(text, 300)[0]
            return "text"
        if step in (DRAFT_CHOICE, SUGGEST, OWN, FEEDBACK):
            data["draft"] = bounded(text, MAX_DRAFT)[0]
            if not data.get("first_draft"):
                data["first_draft"] = data["draft"]
            return "text"
        return OTHER

    def reprompt(self, step: str, turn: Turn, data: dict[str, Any], symbol: str) -> Step:
        """A gentle word, then the step again (typed text where a button is expected is not lost)."""
        key = {STALE: "common.stale_button", "short": "reply.nudge_short"}.get(symbol)
        if key is None and turn.event.kind in (EventKind.TEXT, EventKind.FORWARDED):
            key = "reply.use_buttons"
        again = self.enter(step, turn, data)
        lead = [Reply(turn.t(key))] if key else []
        state = ConversationState(self.name, step, again.data if again.data is not None else data)
        return Step(state, lead + again.replies, again.effects)

    def resume(self, state: ConversationState, turn: Turn) -> Step:
        """Come back to the step (a session set aside to wait comes back to the decision)."""
        step = state.step or self.initial
        data = dict(state.data)
        if step == WAITING:
            data["back_from_wait"] = True
        return self._arrive(step, turn, data)

    # -- entering a step ------------------------------------------------------------------------------

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:  # noqa: C901 - one branch per step
        """The replies and effects of each step."""
        t = turn.t
        c = self._choice
        if step == OFFER:
            choices = [c(turn, "reply.offer_yes", "yes")]
            if data.get("question_like"):
                choices.append(c(turn, "reply.offer_question", "question"))
            choices.append(c(turn, "reply.offer_no", "no"))
            return Entered([Reply(t("reply.offer"), tuple(choices))])
        if step == DECLINED:
            return Entered([Reply(t("reply.declined"))], data={})
        if step == ASK_INSTEAD:
            return Entered([], data={}, handoff=("ask", {"question": data.get("received", "")}))
        if step == PASTE:
            return Entered([Reply(t("reply.paste"), (c(turn, "reply.paste_skip", "skip"),))])
        if step == WELCOME:
            lead = []
            if data.get("cut"):
                lead.append(Reply(t("reply.cut")))
            buttons = tuple(Choice(str(n), f"{self.name}:ab{n}") for n in range(1, 6))
            return Entered(lead + [Reply(t("reply.welcome"), buttons + (c(turn, "reply.skip", "skip"),),
                                         columns=5)])
        if step == READING:
            return self._reading(turn, data)
        if step in (PROTECT, PROTECT_LATE):
            data["protected"] = True
            return Entered([Reply(self._protection_text(turn), (c(turn, "reply.protect_continue", "continue"),
                                                                c(turn, "reply.protect_done", "done")))])
        if step == FACTS:
            return Entered([Reply(t("reply.facts"), (c(turn, "reply.skip", "skip"),))])
        if step == SORTED:
            return self._sorted(turn, data)
        if step in (FEELINGS, NEEDS):
            return self._picker(step, turn, data)
        if step == THEIRS:
            return self._their_side(turn, data)
        if step == MISSION:
            text = t("reply.mission", mission=turn.profile.mission or "")
            return Entered([Reply(text, (c(turn, "reply.mission_yes", "yes"), c(turn, "reply.mission_no", "no"),
                                         c(turn, "reply.mission_unsure", "unsure")))])
        if step == DECIDE:
            return Entered([self._decide_reply(turn, "reply.decide")])
        if step == WAIT:
            return Entered([Reply(t("reply.wait"), tuple(c(turn, f"reply.wait_{w}", w) for w in WAIT_CHOICES)
                                  + (c(turn, "reply.back", "back"),))])
        if step == WAITING:
            return self._waiting(turn, data)
        if step == DRAFT_CHOICE:
            return Entered([Reply(t("reply.draft_choice"), (c(turn, "reply.draft_suggest", "suggest"),
                                                            c(turn, "reply.draft_own", "own")))])
        if step == REQUEST:
            return Entered([Reply(t("reply.request"), tuple(c(turn, f"reply.req.{r}.label", r)
                                                            for r in REQUESTS))])
        if step == SUGGEST:
            return self._suggest(turn, data)
        if step == OWN:
            return Entered([Reply(t("reply.own"), (c(turn, "reply.draft_suggest", "suggest"),))])
        if step == FEEDBACK:
            return self._feedback(turn, data)
        if step == FINAL:
            draft = data.get("draft") or ""
            return Entered([Reply(t("reply.final")), Reply(draft, (c(turn, "common.continue", "continue"),),
                                                            copy_text=draft, copy_label=t("reply.copy"))])
        if step == ABLE_END:
            buttons = tuple(Choice(str(n), f"{self.name}:ab{n}") for n in range(1, 6))
            return Entered([Reply(t("reply.able_end"), buttons + (c(turn, "reply.skip", "skip"),), columns=5)])
        if step == KEEP:
            choices = [c(turn, "reply.keep_summary", "summary"), c(turn, "reply.keep_nothing", "nothing")]
            if data.get("received"):
                choices.insert(0, c(turn, "reply.keep_all", "all"))
            return Entered([Reply(t("reply.keep"), tuple(choices))])
        if step == SAVED:
            return self._saved(turn, data)
        if step == WRITE:
            note = {"prompt": data.get("question"), "theme": "avant-de-repondre"}
            return Entered([], data={}, handoff=("note", note))
        if step == END:
            return Entered([Reply(t("reply.bye"))])
        raise ValueError(f"unknown reply step {step!r}")

    # -- steps with more to say -----------------------------------------------------------------------

    def _choice(self, turn: Turn, key: str, symbol: str) -> Choice:
        return self.choice(turn, key, symbol)

    def _read(self, text: str, lang: str) -> TensionReading:
        return self.analyse(text, lang)

    def _reading(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        received = data.get("received") or ""
        if not received:
            return Entered([Reply(t("reply.no_message"), (c(turn, "common.continue", "continue"),))])
        reading = self._read(received, t.lang)
        data["received_level"] = reading.level
        data["received_kinds"] = marker_kinds(reading)
        data["harassment"] = reading.harassment_likely
        lines = [t(f"reply.level.{reading.level}")]
        for marker in reading.markers[:6]:
            lines.append(t("reply.marker", kind=t(f"reply.kind.{marker.kind}"), explanation=marker.explanation))
        if len(reading.markers) > 6:
            lines.append(t("reply.more_markers", n=len(reading.markers) - 6))
        if not reading.markers:
            lines.append(t("reply.no_markers"))
        lines.append(t("reply.reading_note"))
        choices = [c(turn, "reply.reading_continue", "continue"), c(turn, "reply.protect", "protect")]
        replies = [Reply("\n".join(lines), tuple(choices) if not reading.harassment_likely else ())]
        if reading.harassment_likely:
            replies.append(Reply(t("reply.harassment"), (c(turn, "reply.protect", "protect"),
                                                         c(turn, "reply.reading_continue", "continue"))))
        return Entered(replies, data=data)

    def _protection_text(self, turn: Turn) -> str:
        t = turn.t
        text = t("reply.protection")
        if self.resources is not None:
            help_3018 = [r for r in self.resources("fr") if r.id == "3018"]
            if help_3018:
                text += "\n\n" + format_resources(help_3018, t.lang)
        return text

    def _sorted(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        facts_text = data.get("facts") or ""
        kinds = [[m.kind for m in self._read(s, t.lang).inflaming] for s in sentences(facts_text)]
        result = sort_facts(facts_text, t.lang, kinds)
        data["observation"] = " ".join(result.facts)
        lines = []
        if result.facts:
            lines.append(t("reply.sorted_facts"))
            lines += [f"• {excerpt(s, 200)}" for s in result.facts]
        if result.judgments:
            lines.append(t("reply.sorted_judgments"))
            lines += [f"• {excerpt(s, 200)}" for s in result.judgments]
            lines.append(t("reply.sorted_hint"))
        if not result.judgments:
            lines.append(t("reply.sorted_all_facts"))
        return Entered([Reply("\n".join(lines), (c(turn, "common.continue", "continue"),))], data=data)

    def _options(self, step: str, lang: str) -> list[Any]:
        if step == FEELINGS:
            return [f for f in self.nvc.feelings if not f.met]
        return list(self.nvc.needs)

    def _picker(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        kind = "feelings" if step == FEELINGS else "needs"
        if f"{step}_suggested" not in data:
            mine = suggest_my_side(data.get("received_kinds") or [])
            data[f"{step}_suggested"] = True
            add_typed(data, step, mine[0] if step == FEELINGS else mine[1])
        options = [(term.id, term.label(t.lang)) for term in self._options(step, t.lang)]
        chosen = self.nvc.labels(data.get(step) or [], t.lang, kind)
        lead = t(f"reply.{step}")
        if chosen:
            lead += "\n" + t("reply.chosen", items=join_words(chosen, t.lang))
        if data.get(f"{step}_typed"):
            lead += "\n" + t("reply.typed", words=data[f"{step}_typed"])
        done = self.choice(turn, "reply.picker_done", "done")
        return Entered([picker_reply(turn, self.name, lead, options, data, step, (done,))], data=data)

    def _their_side(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        feelings, needs = guess_their_side(data.get("received_kinds") or [])
        if data.get("their_by_model"):  # shown again (resumed): the same hypothesis
            feelings, needs = data["their_feelings"], data["their_needs"]
        elif self.writer is not None and data.get("received"):
            guessed = self.writer.their_side(data["received"], data.get("received_kinds") or [], t.lang)
            if guessed is not None:
                (feelings, needs), data["their_by_model"] = guessed, True
        data["their_feelings"], data["their_needs"] = feelings, needs
        text = t("reply.theirs", feelings=join_words(self.nvc.labels(feelings, t.lang), t.lang),
                 de_needs=with_de(self.nvc.labels(needs, t.lang, "needs"), t.lang))
        return Entered([Reply(text, (self._choice(turn, "common.continue", "continue"),))], data=data)

    def _decide_reply(self, turn: Turn, key: str) -> Reply:
        c = self._choice
        return Reply(turn.t(key), (c(turn, "reply.decide_reply", "reply"), c(turn, "reply.decide_wait", "wait"),
                                   c(turn, "reply.decide_noreply", "noreply"),
                                   c(turn, "reply.decide_protect", "protect")))

    def _waiting(self, turn: Turn, data: dict[str, Any]) -> Entered:
        if data.pop("back_from_wait", False):
            return Entered([self._decide_reply(turn, "reply.back_from_wait")], data=data)
        when = data.get("wait") or "hour"
        due = follow_up_time(turn.now, when, turn.profile.timezone)
        data["wait_until"] = due.isoformat()
        effect = ScheduleFollowUp(due, "cooloff", {"flow": self.name})
        return Entered([Reply(turn.t("reply.waiting", when=turn.t(f"reply.wait_{when}").lower()))],
                       [effect], data=data, pause=True)

    def draft(self, turn: Turn, data: dict[str, Any]) -> str:
        """An NVC draft from the user's observation, feelings, needs and request (offline template)."""
        t = turn.t
        observation = data.get("observation") or ""
        if observation and self._read(observation, t.lang).inflaming:
            observation = ""  # a quote that carries tension would bring it back into the reply
        parts = [t("reply.draft.observed", observation=excerpt(observation, 160)) if observation
                 else t("reply.draft.read")]
        feelings = self.nvc.labels(data.get(FEELINGS) or [], t.lang)
        needs = self.nvc.labels(data.get(NEEDS) or [], t.lang, "needs")
        parts.append(t("reply.draft.felt", feelings=join_words(feelings, t.lang)) if feelings
                     else t("reply.draft.felt_none"))
        if needs:
            parts.append(t("reply.draft.need", de_needs=with_de(needs, t.lang)))
        request = data.get("request") or t("reply.req.talk.text")
        parts.append(t("reply.draft.ask", request=request.rstrip(" ?.!")))
        return " ".join(parts)

    def _model_draft(self, turn: Turn, data: dict[str, Any]) -> str | None:
        """The language model's NVC draft from the same steps, when one is configured and its draft passes."""
        if self.writer is None:
            return None
        lang = turn.t.lang
        observation = data.get("observation") or ""
        if observation and self._read(observation, lang).inflaming:
            observation = ""  # as offline: a quote that carries tension stays out of the reply
        feelings = self.nvc.labels(data.get(FEELINGS) or [], lang)
        needs = self.nvc.labels(data.get(NEEDS) or [], lang, "needs")
        request = data.get("request") or turn.t("reply.req.talk.text")
        return self.writer.nvc_draft(observation, feelings, needs, request, lang)

    def _suggest(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        draft = self._model_draft(turn, data) or self.draft(turn, data)
        data["draft"] = draft
        data["suggested"] = draft
        reading = self._read(draft, t.lang)
        lines = [t("reply.suggest"), "", draft, "", t("reply.suggest_level", level=reading.level)]
        return Entered([Reply("\n".join(lines), (c(turn, "reply.keep_draft", "keep"),
                                                 c(turn, "reply.edit_draft", "edit")))], data=data)

    def _feedback(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        draft = data.get("draft") or ""
        reading = self._read(draft, t.lang)
        first = data.get("first_level")
        if first is None:
            data["first_level"] = first = reading.level
        data["draft_level"] = reading.level
        one_version = data.get("draft") == data.get("first_draft")
        lines = [t("reply.feedback_first", now=reading.level) if one_version
                 else t("reply.feedback_level", first=first, now=reading.level)]
        for marker in reading.markers[:6]:
            lines.append(t("reply.feedback_marker", kind=t(f"reply.kind.{marker.kind}"), quote=marker.quote,
                           suggestion=marker.suggestion))
        if self.writer is not None and draft:
            more = self.writer.draft_feedback(draft, [m.kind for m in reading.markers], t.lang, turn.profile.formal)
            if more:
                lines.append(t("llm.feedback_more", text=more))
        lines.append(t("reply.feedback_calm") if not reading.markers else t("reply.feedback_yours"))
        choices = (c(turn, "reply.keep_draft", "keep"), c(turn, "reply.draft_suggest", "suggest"))
        return Entered([Reply("\n".join(lines), choices)], data=data)

    def _saved(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        symbol = turn.event.choice.partition(":")[2] if turn.event.kind is EventKind.CHOICE else ""
        effects: list[object] = []
        if symbol in ("all", "summary"):
            effects.append(self.journal_entry(turn, data, keep_received=symbol == "all"))
        lines = [t("reply.saved") if effects else t("reply.not_saved")]
        start, end = data.get("ability_start"), data.get("ability_end")
        if start and end:
            lines.append(t("reply.ability_change", start=start, end=end))
        question = None
        if self.questions is not None:
            picked = self.questions.pick(t.lang, use="after-conflict", seed=f"{turn.profile.user_id}:{turn.now:%j%H}")
            question = picked.text if picked else None
        if question:
            data["question"] = question
            lines.append(t("reply.go_further", question=question))
            choices: tuple[Choice, ...] = (c(turn, "reply.write", "write"), c(turn, "reply.done", "done"))
        else:
            choices = (c(turn, "reply.done", "done"),)
        clean_data = {k: v for k, v in data.items() if k == "question"}
        return Entered([Reply("\n".join(lines), choices)], effects, data=clean_data)

    def journal_entry(self, turn: Turn, data: dict[str, Any], *, keep_received: bool) -> AddJournalDetails:
        """The session as a journal entry; the received message only if the user agreed."""
        t = turn.t
        feelings = self.nvc.labels(data.get(FEELINGS) or [], t.lang)
        needs = self.nvc.labels(data.get(NEEDS) or [], t.lang, "needs")
        decision = data.get("decision") or "none"
        summary = [t("reply.summary.title")]
        if feelings:
            summary.append(t("reply.summary.feelings", items=join_words(feelings, t.lang)))
        if needs:
            summary.append(t("reply.summary.needs", items=join_words(needs, t.lang)))
        summary.append(t("reply.summary.decision", decision=t(f"reply.summary.decision_{decision}")))
        if data.get("draft") and decision == "reply":
            summary.append(t("reply.summary.draft", draft=data["draft"]))
        details: dict[str, object] = {
            key: data[key] for key in ("received_level", "received_kinds", "ability_start", "ability_end",
                                       "draft", "first_draft", "draft_level", "decision", "serves_mission",
                                       FEELINGS, NEEDS, "observation")
            if data.get(key) not in (None, "", [])
        }
        if keep_received and data.get("received"):
            details["received"] = data["received"]
        return AddJournalDetails("reply", "\n".join(summary), "avant-de-repondre",
                                 tuple(data.get(FEELINGS) or ()), details)


def follow_up_time(now: datetime, when: str, timezone: str | None = None) -> datetime:
    """When a cooling-off reminder is due (UTC): in one hour, this evening at 19:00, tomorrow at 8:00 local."""
    if when == "hour":
        return now + timedelta(hours=1)
    try:
        zone = ZoneInfo(timezone or "Europe/Paris")
    except (KeyError, ValueError):
        zone = ZoneInfo("Europe/Paris")
    local = now.astimezone(zone)
    if when == "evening":
        target = local.replace(hour=EVENING_HOUR, minute=0, second=0, microsecond=0)
        if target <= local + timedelta(minutes=30):
            target = local + timedelta(hours=3)
    else:
        target = (local + timedelta(days=1)).replace(hour=MORNING_HOUR, minute=0, second=0, microsecond=0)
    return target.astimezone(now.tzinfo) if now.tzinfo else target

