"""« Aide-moi à répondre » (/repondre): talk a received message through before replying.

Protection first: when the received message threatens, blackmails, exposes or harasses, the session opens with
"are you safe?", then what protects (evidence, blocking and reporting, where to report and who helps), and goes
on only if the user asks (no "their side" step, no draft unless asked).

Otherwise: welcome (how able do I feel, 1–5) → what I read in it → who wrote it and where (a guess to confirm)
→ facts and judgments (in their words when pasted, in my story when told) → my feelings → my needs → their side
(a hypothesis) → my mission (when I have one) → decide (reply, wait, don't reply, protect myself) → a draft
addressed to them, in the register of the relationship, with variants, or my own draft with feedback, until I
keep it → an ending that fits what I chose → what to keep in the journal → a question to go further.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from companion.engine.effects import AddJournalDetails, ScheduleFollowUp, SetAgreement
from companion.engine.events import Choice, EventKind, Reply
from companion.engine.flows.base import END, OTHER, STALE, Entered, Flow, Step, Turn
from companion.engine.flows.picker import PICK, add_typed, classify_pick, picker_reply
from companion.engine.i18n import Translator
from companion.engine.nvc import NvcLists
from companion.engine.ports import Writer
from companion.engine.questions import QuestionBank
from companion.engine.reading import NO_READING, CrisisResource, Marker, Reading, TensionReading
from companion.engine.reply_context import CONTEXTS, guess
from companion.engine.reply_draft import (
    PUBLIC_CONTEXTS,
    DraftRequest,
    catalog_text,
    compose,
    default_channel,
    default_register,
    quote_candidates,
)
from companion.engine.reply_text import (
    MAX_DRAFT,
    bounded,
    draft_praise,
    guess_their_side,
    join_words,
    marker_kinds,
    sentences,
    sort_facts,
    suggest_my_side,
    with_de,
)
from companion.engine.state import ConversationState
from companion.engine.text import clean, excerpt, normalise, words_only

OFFER = "offer"
DONE_WORDS = ("c est ca", "c est bon", "c est tout", "valider", "ok", "that s it", "that s all", "done")
"""Typed at the feelings or needs step, these mean the step's "C'est ça" button."""
PASTE = "paste"
WELCOME = "welcome"
READING = "reading"
PROTECT = "protect"
SAFE = "safe"
DANGER = "danger"
WHO = "who"
WHERE = "where"
AGREE = "agree"
AGREE_FIRST = "agree_first"
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
# Marker kinds that never go back to the other person in a quote, and how toxic a quote may read at most.
UNQUOTABLE = frozenset({"insult", "profanity", "threat", "hate", "incitement", "blackmail", "doxxing", "contempt",
                        "shouting", "exclusion"})
QUOTE_TOXIC_LIMIT = 0.75
DRAFT_TOXIC_LIMIT = 0.5
# The request the session suggests first, by relationship (the user picks another or writes their own).
SUGGESTED_REQUEST = {"manager": "explain", "client": "explain", "teacher-school": "explain", "troll": "stop",
                     "gaming": "stop"}
_ASKS_MONEY_OR_IMAGES = re.compile(r"\d+ ?(?:€|\$|euros?|dollars?|balles)|[€$£] ?\d|argent|paie|payer|virement|"
                                   r"carte cadeau|bitcoin|crypto|pay|money|gift card|photos?|nudes?|captures?|"
                                   r"screenshots?|video intime|images?")
WHO_SYMBOLS = tuple(f"who_{context}" for context in CONTEXTS)
VARIANTS = ("short", "warm", "firm", "base")
AGREEMENTS = ("fem", "masc", "neutral")
# Crisis kinds that, in someone else's message, mean that person may be at risk (3114 answers relatives).
OTHER_AT_RISK = ("suicide", "self-harm")
WAIT_CHOICES = ("hour", "evening", "morning")
MIN_FACTS = 4
EVENING_HOUR = 19
MORNING_HOUR = 8
Analyser = Callable[[str, str], Reading]


def _table() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {
        (OFFER, "yes"): WELCOME,
        (OFFER, "question"): ASK_INSTEAD,
        (OFFER, "no"): DECLINED,
        (PASTE, "text"): WELCOME,
        (PASTE, "skip"): WELCOME,
        (WELCOME, "skip"): READING,
        (READING, "continue"): WHO,
        (READING, "protect"): PROTECT,
        (SAFE, "yes"): PROTECT,
        (SAFE, "no"): DANGER,
        (SAFE, "unsure"): DANGER,
        (DANGER, "continue"): PROTECT,
        (PROTECT, "talk"): FEELINGS,
        (PROTECT, "reply"): DRAFT_CHOICE,
        (PROTECT, "done"): KEEP,
        (WHO, "skip"): WHERE,
        (WHERE, "public"): FACTS,
        (WHERE, "private"): FACTS,
        (WHERE, "skip"): FACTS,
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
        (PROTECT_LATE, "talk"): DECIDE,
        (PROTECT_LATE, "reply"): DRAFT_CHOICE,
        (PROTECT_LATE, "done"): KEEP,
        (WAIT, "back"): DECIDE,
        (WAITING, "reply"): DRAFT_CHOICE,
        (WAITING, "wait"): WAIT,
        (WAITING, "noreply"): ABLE_END,
        (WAITING, "protect"): PROTECT_LATE,
        (DRAFT_CHOICE, "suggest"): REQUEST,
        (DRAFT_CHOICE, "own"): OWN,
        (DRAFT_CHOICE, "text"): FEEDBACK,
        (REQUEST, "text"): AGREE,
        (SUGGEST, "register"): SUGGEST,
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
        table[(REQUEST, request)] = AGREE
    for agreement in AGREEMENTS:
        table[(AGREE, agreement)] = SUGGEST
        table[(AGREE_FIRST, agreement)] = FEELINGS
    for variant in VARIANTS:
        table[(SUGGEST, variant)] = SUGGEST
    for who in WHO_SYMBOLS:
        table[(WHO, who)] = WHERE
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

    def __init__(self, read: Analyser, nvc: NvcLists, questions: QuestionBank | None = None,
                 resources: Callable[..., list[CrisisResource]] | None = None, writer: Writer | None = None) -> None:
        self.read = read
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

    def _arrive(self, target: str, turn: Turn, data: dict[str, Any]) -> Step:
        """Steps that have nothing to ask in this situation lead on to the next one."""
        return super()._arrive(self._redirect(target, turn, data), turn, data)

    def _redirect(self, target: str, turn: Turn, data: dict[str, Any]) -> str:
        if target == WELCOME and data.get("received") and "protection_first" not in data:
            reading = self._reading_of(data["received"], turn.t.lang)
            crisis = reading.crisis
            data["other_at_risk"] = crisis.tier != "none" and crisis.kind in OTHER_AT_RISK
            data["protection_first"] = bool(reading.tension.protection or data["other_at_risk"])
            if data["protection_first"]:
                data["protected"] = True
                self._remember_reading(data, reading.tension)
                return SAFE
        if target == WHERE and data.get("context") in PUBLIC_CONTEXTS:
            data["channel"] = "public"  # a troll, a stranger, a group, a game: in public
            return FACTS if not data.get("received") else SORTED
        if target == FACTS and data.get("received"):
            return SORTED  # the words are there: sort them, don't ask for them again
        if target == THEIRS and data.get("protected"):
            return DECIDE  # a threatened person is not asked to understand the aggressor
        if target == AGREE and (self._agreement(turn, data) or turn.t.lang == "en"):
            return SUGGEST
        if target == FEELINGS and not self._agreement(turn, data) and turn.t.lang != "en" \
                and "feelings_suggested" not in data:
            return AGREE_FIRST  # asked once, before any word about the user is shown
        return target

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
            data["request"], data["request_text"] = symbol, None
        if step == WHO and symbol in WHO_SYMBOLS:
            self._set_context(data, symbol.removeprefix("who_"))
        if step == WHERE and symbol in ("public", "private"):
            data["channel"] = symbol
        if step in (AGREE, AGREE_FIRST) and symbol in AGREEMENTS:
            data["agreement"] = symbol
        if step == SUGGEST and symbol in VARIANTS:
            data["variant"] = symbol
        if step == SUGGEST and symbol == "register":
            data["register"] = "tu" if data.get("register") == "vous" else "vous"
        if step in (WAIT, WAITING, DECIDE, PROTECT, PROTECT_LATE) and symbol in WAIT_CHOICES + (
                "reply", "noreply", "protect"):
            data["decision"] = "wait" if symbol in WAIT_CHOICES else symbol
            if symbol in WAIT_CHOICES:
                data["wait"] = symbol
        if step in (PROTECT, PROTECT_LATE) and symbol == "done":
            data["decision"] = "protect"
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
            data["story"] = data["facts"]
            return "text"
        if step in (FEELINGS, NEEDS):
            if words_only(text) in (words_only(turn.t("reply.picker_done")), *DONE_WORDS):
                return "done"  # "c'est ça" typed rather than pressed: not a feeling to read
            if step == FEELINGS:
                found = turn.feelings_in(text, lambda: self.nvc.find(text, turn.t.lang, "feelings"))
            else:
                found = list(turn.reading.needs) or self.nvc.find(text, turn.t.lang, "needs")
            add_typed(data, step, found)
            data[f"{step}_typed"] = excerpt(text, 120)  # their own words, reflected back
            return "text"
        if step == REQUEST:
            data["request"], data["request_text"] = "own", bounded(text, 300)[0]
            return "text"
        if step in (DRAFT_CHOICE, SUGGEST, OWN, FEEDBACK):
            data["draft"] = bounded(text, MAX_DRAFT)[0]
            data["drafts_seen"] = int(data.get("drafts_seen") or 0) + 1
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
        data["resumed"] = True
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
            lead = [Reply(t("reply.cut"))] if data.get("cut") else []
            buttons = tuple(Choice(str(n), f"{self.name}:ab{n}") for n in range(1, 6))
            text = t("reply.welcome", opening=t(self._opening(turn, data)))
            return Entered(lead + [Reply(text, buttons + (c(turn, "reply.skip", "skip"),), columns=5)])
        if step == READING:
            return self._reading(turn, data)
        if step == SAFE:
            lead = [Reply(t("reply.cut"))] if data.get("cut") else []
            key = "reply.other_at_risk" if data.get("other_at_risk") else "reply.safe"
            return Entered(lead + [Reply(t(key), (c(turn, "reply.safe_yes", "yes"), c(turn, "reply.safe_no", "no"),
                                                  c(turn, "reply.safe_unsure", "unsure")))], data=data)
        if step == DANGER:
            return Entered([Reply(t("reply.danger"), (c(turn, "common.continue", "continue"),))])
        if step in (PROTECT, PROTECT_LATE):
            data["protected"] = True
            choices = (c(turn, "reply.plan_talk", "talk"), c(turn, "reply.plan_reply", "reply"),
                       c(turn, "reply.plan_done", "done"))
            return Entered([Reply(self._protection_plan(turn, data), choices)], data=data)
        if step == WHO:
            return self._who(turn, data)
        if step == WHERE:
            return self._where(turn, data)
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
            first = SUGGESTED_REQUEST.get(data.get("context") or "", "talk")
            order = (first, *(r for r in REQUESTS if r != first))
            return Entered([Reply(t("reply.request"), tuple(c(turn, f"draft.requests.{r}", r) for r in order))])
        if step in (AGREE, AGREE_FIRST):
            key = "reply.agree" if step == AGREE else "reply.agree_first"
            return Entered([Reply(t(key), tuple(c(turn, f"reply.agree_{a}", a) for a in AGREEMENTS))])
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
            key = "reply.able_end_noreply" if data.get("decision") == "noreply" else "reply.able_end"
            return Entered([Reply(t(key), buttons + (c(turn, "reply.skip", "skip"),), columns=5)])
        if step == KEEP:
            choices = [c(turn, "reply.keep_summary", "summary"), c(turn, "reply.keep_nothing", "nothing")]
            if data.get("received"):
                choices.insert(0, c(turn, "reply.keep_all", "all"))
            lead = [Reply(t("reply.protected_end"))] if data.get("decision") == "protect" else []
            return Entered(lead + [Reply(t("reply.keep"), tuple(choices))])
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

    def _reading_of(self, text: str, lang: str) -> Reading:
        return self.read(text, lang) if text else NO_READING

    def _read(self, text: str, lang: str) -> TensionReading:
        return self._reading_of(text, lang).tension

    def _remember_reading(self, data: dict[str, Any], reading: TensionReading) -> None:
        data["received_level"] = reading.level
        data["received_kinds"] = marker_kinds(reading)

    def _opening(self, turn: Turn, data: dict[str, Any]) -> str:
        """A first sentence that fits how the message came and how it reads."""
        if data.get("resumed"):
            return "reply.opening_again"
        if not data.get("received"):
            return "reply.opening_story"
        if data.get("forwarded"):
            return "reply.opening_forwarded"
        level = self._read(data["received"], turn.t.lang).level
        return "reply.opening_tense" if level >= 1 else "reply.opening_calm"

    def _reading(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        received = data.get("received") or ""
        if not received:
            return Entered([Reply(t("reply.no_message"), (c(turn, "common.continue", "continue"),))])
        reading = self._read(received, t.lang)
        self._remember_reading(data, reading)
        lines = [t(f"reply.level.{reading.level}")]
        for marker in reading.markers[:4]:
            lines.append(t("reply.marker", kind=t(f"reply.kind.{marker.kind}"),
                           explanation=_marker_text(t, marker, "explanation")))
        if len(reading.markers) > 4:
            lines.append(t("reply.more_markers", n=len(reading.markers) - 4))
        if not reading.markers:
            lines.append(t("reply.no_markers"))
        lines.append(t("reply.reading_note"))
        choices = (c(turn, "reply.reading_continue", "continue"), c(turn, "reply.protect", "protect"))
        return Entered([Reply("\n".join(lines), choices)], data=data)

    def _protection_plan(self, turn: Turn, data: dict[str, Any]) -> str:
        """What protects, in order, for this situation: a few lines, the services that fit, no lecture."""
        t = turn.t
        kinds = set(data.get("received_kinds") or ())
        lines = [t("reply.plan_title"), "• " + t("reply.plan_evidence"), "• " + t("reply.plan_block")]
        if "blackmail" in kinds and _ASKS_MONEY_OR_IMAGES.search(normalise(data.get("received") or "")):
            lines.append("• " + t("reply.plan_nopay"))
        if not data.get("other_at_risk"):
            lines.append("• " + t("reply.plan_noreply"))
        wanted = ["3018"]
        if data.get("channel") == "public" or kinds & {"hate", "incitement", "doxxing"}:
            wanted.append("pharos")
        if kinds & {"threat", "blackmail", "doxxing", "hate", "incitement"} or not kinds:
            wanted.append("plainte")
        wanted.append("116006")
        found = self._resources(turn, wanted)
        if found:
            if t.lang == "en":
                lines.append(t("reply.plan_in_france"))
            lines += ["• " + t("reply.plan_resource", name=r.name, contact=r.contact,
                                description=r.described(t.formal)) for r in found]
        lines.append(t("reply.plan_alone"))
        return "\n".join(lines)

    def _resources(self, turn: Turn, wanted: list[str]) -> list[CrisisResource]:
        if self.resources is None:
            return []
        listed = self.resources(turn.t.lang, "harassment") or self.resources("fr", "harassment")
        by_id = {r.id: r for r in listed}
        return [by_id[i] for i in wanted if i in by_id]

    def _set_context(self, data: dict[str, Any], context: str) -> None:
        data["context"] = context
        data["register"] = default_register(context, data.get("received") or "")
        data.setdefault("channel_guess", default_channel(context))

    def _who(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        guessed = guess(data.get("received") or "", data.get("story") or "")
        data["guess"] = guessed.context
        if guessed.person_tu:
            data["person_tu"], data["person_vous"] = guessed.person_tu, guessed.person_vous
        if guessed.channel:
            data["channel_guess"] = guessed.channel
        order = ([guessed.context] if guessed.context else []) + [x for x in CONTEXTS if x != guessed.context]
        buttons = tuple(self._choice(turn, f"reply.context.{x}", f"who_{x}") for x in order)
        text = t("reply.who_guess", guess=t(f"reply.guess.{guessed.context}")) if guessed.context else t("reply.who")
        return Entered([Reply(text, buttons + (self._choice(turn, "reply.skip", "skip"),), columns=3)], data=data)

    def _where(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        guessed = data.get("channel_guess")
        text = t("reply.where_guess", guess=t(f"reply.guess_{guessed}")) if guessed else t("reply.where")
        order = ("public", "private") if guessed == "public" else ("private", "public")
        buttons = tuple(self._choice(turn, f"reply.where_{w}", w) for w in order)
        return Entered([Reply(text, buttons)], data=data)

    def _person(self, turn: Turn, data: dict[str, Any]) -> str:
        """How the session speaks of the other person: as the user named them, else by the relationship."""
        named = data.get("person_vous" if turn.profile.formal else "person_tu")
        if named:
            return str(named)
        return turn.t(f"reply.person.{data.get('context') or 'any'}")

    def _sorted(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        theirs = bool(data.get("received")) and not data.get("facts")
        text = data.get("received") if theirs else data.get("facts") or ""
        kinds = [[m.kind for m in self._read(s, t.lang).inflaming] for s in sentences(text)]
        result = sort_facts(text, t.lang, kinds)
        data["observation"] = " ".join(result.facts)
        lines = []
        if theirs:
            if result.facts:
                lines.append(t("reply.facts_received"))
                lines += [f"• {excerpt(s, 200)}" for s in result.facts]
            if result.judgments:
                lines.append(t("reply.judgments_received" if result.facts else "reply.judgments_received_only"))
                lines += [f"• {excerpt(s, 200)}" for s in result.judgments]
            if result.facts and result.judgments:
                lines.append(t("reply.received_hint"))
            elif result.facts:
                lines.append(t("reply.received_all_facts"))
            else:
                lines.append(t("reply.received_all_judgments"))
            return Entered([Reply("\n".join(lines), (c(turn, "common.continue", "continue"),))], data=data)
        if result.facts:
            lines.append(t("reply.sorted_facts"))
            lines += [f"• {excerpt(s, 200)}" for s in result.facts]
        if result.judgments:
            lines.append(t("reply.sorted_judgments"))
            lines += [f"• {excerpt(s, 200)}" for s in result.judgments]
            lines.append(t("reply.sorted_hint"))
        else:
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
            add_typed(data, step, mine[0] if step == FEELINGS else mine[1][:1])
            data[f"{step}_guessed"] = list(data.get(step) or [])
        options = [(term.id, self._label(turn, data, term.id, kind)) for term in self._options(step, t.lang)]
        chosen = [self._label(turn, data, term_id, kind) for term_id in data.get(step) or []]
        effects: list[object] = []
        if data.get("agreement") and data["agreement"] != turn.profile.agreement and not data.get("agreement_saved"):
            effects.append(SetAgreement(data["agreement"]))
            data["agreement_saved"] = True
        lead = t(f"reply.{step}")
        if chosen:
            lead += "\n" + t("reply.chosen", items=join_words(chosen, t.lang))
        if data.get(f"{step}_typed"):
            lead += "\n" + t("reply.typed", words=data[f"{step}_typed"])
        done = self.choice(turn, "reply.picker_done", "done")
        return Entered([picker_reply(turn, self.name, lead, options, data, step, (done,))], effects, data=data)

    def _agreement(self, turn: Turn, data: dict[str, Any]) -> str:
        return str(data.get("agreement") or turn.profile.agreement or "")

    def _label(self, turn: Turn, data: dict[str, Any], term_id: str, kind: str) -> str:
        """A feeling or a need as the user chose words about them to agree: never with "·"."""
        lang = turn.t.lang
        term = self.nvc.term(term_id, kind)
        if term is None:
            return term_id
        agreement = self._agreement(turn, data)
        if lang == "en" or agreement in ("fem", "masc") or not term.fr_forms:
            return term.label(lang, agreement)
        # Without agreement, feelings are said as nouns ("de la peine", "de la tristesse"), all of them alike.
        text = self._text(turn, lang)
        neutral = text(f"reply.neutral.{term_id}") or (text(f"draft.feeling.{term_id}") if kind == "feelings" else "")
        return neutral or term.neutral() or term.label(lang)

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
        feeling_words = [self._their_feeling(turn, f) for f in feelings[:2]]
        need_words = self.nvc.labels(needs[:1], t.lang, "needs") or self.nvc.labels(["comprehension"], t.lang, "needs")
        text = t("reply.theirs", person=self._person(turn, data), feelings=join_words(feeling_words, t.lang),
                 de_needs=with_de(need_words, t.lang))
        return Entered([Reply(text, (self._choice(turn, "common.continue", "continue"),))], data=data)

    def _their_feeling(self, turn: Turn, feeling_id: str) -> str:
        """The other person's feeling without agreement: "de la colère" in French, the adjective in English."""
        if turn.t.lang == "en":
            return next(iter(self.nvc.labels([feeling_id], "en")), feeling_id)
        return self._text(turn, "fr")(f"draft.feeling.{feeling_id}") or feeling_id

    def _text(self, turn: Turn, lang: str) -> Callable[..., str]:
        return catalog_text(turn.t.catalog, lang, turn.t.agreement)

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

    def draft_request(self, turn: Turn, data: dict[str, Any]) -> DraftRequest:
        """What the offline draft is made from: the session's answers so far."""
        lang = turn.t.lang
        received = data.get("received") or data.get("observation") or ""
        context = data.get("context")
        feelings = _own_first(data, FEELINGS)[:2]
        needs = _own_first(data, NEEDS)[:1]
        agreement = self._agreement(turn, data) or "neutral"
        return DraftRequest(
            received=received, lang=lang, context=context,
            channel=data.get("channel") or data.get("channel_guess") or default_channel(context),
            register=data.get("register") or default_register(context, received),
            agreement=agreement,
            feelings=feelings, feeling_labels=tuple(self.nvc.labels(list(feelings), lang, agreement=agreement)),
            needs=needs, need_labels=tuple(self.nvc.labels(list(needs), lang, "needs", agreement)),
            request=data.get("request") or "talk", request_text=data.get("request_text"),
            variant=data.get("variant") or "base",
            protection=bool(data.get("protection_first")),
        )

    def draft(self, turn: Turn, data: dict[str, Any]) -> str:
        """The offline draft: addressed to the other person, in the relationship's register, short."""
        request = self.draft_request(turn, data)
        text = self._text(turn, request.lang)
        readings: dict[str, Any] = {}

        def read(fragment: str) -> Any:
            # The passes below judge the same quotes and drafts again: each is read once.
            if fragment not in readings:
                readings[fragment] = self._read(fragment, request.lang)
            return readings[fragment]

        def calm(fragment: str) -> bool:
            # Their exact words are the observation, a dig included; an insult, a threat or hate never is.
            reading = read(fragment)
            return reading.level < 3 and reading.toxic_probability < QUOTE_TOXIC_LIMIT and not any(
                m.kind in UNQUOTABLE for m in reading.markers)

        quotes = set(quote_candidates(request.received, request.register))

        def milder(fragment: str) -> bool:
            return calm(fragment) and (fragment not in quotes or read(fragment).toxic_probability
                                       < DRAFT_TOXIC_LIMIT / 2)

        def unquoted(fragment: str) -> bool:
            return fragment not in quotes and calm(fragment)

        # Their words, quoted back, can make the whole draft read as tense or hostile: then a milder part of them,
        # or what it was about.
        for quotable in (calm, milder):
            written = compose(request, text, quotable)
            reading = read(written)
            if reading.level == 0 and reading.toxic_probability < DRAFT_TOXIC_LIMIT:
                return written
        return compose(request, text, unquoted)

    def _model_draft(self, turn: Turn, data: dict[str, Any]) -> str | None:
        """The language model's NVC draft from the same steps, when one is configured and its draft passes."""
        if self.writer is None or data.get("variant") not in (None, "base") or data.get("protection_first"):
            return None
        request = self.draft_request(turn, data)
        observation = data.get("observation") or ""
        if observation and self._read(observation, request.lang).inflaming:
            observation = ""  # as offline: a quote that carries tension stays out of the reply
        feelings = list(request.feeling_labels)
        needs = list(request.need_labels)
        ask = request.request_text or ""
        written = self.writer.nvc_draft(observation, feelings, needs, ask, request.lang)
        if not written or "·" in written or len(written) > (200 if request.channel == "public" else 500):
            return None
        return written

    def _suggest(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        effects: list[object] = []
        if data.get("agreement") and data["agreement"] != turn.profile.agreement and not data.get("agreement_saved"):
            effects.append(SetAgreement(data["agreement"]))
            data["agreement_saved"] = True
        draft = self._model_draft(turn, data) or self.draft(turn, data)
        data["draft"] = draft
        data["suggested"] = draft
        lines = [t("reply.suggest"), "", draft]
        register = data.get("register") or "tu"
        notes = []
        if data.get("context") == "troll":
            notes.append(t("reply.troll_note"))
        elif data.get("channel") == "public" and not data.get("protection_first"):
            notes.append(t("reply.public_note"))
        if t.lang != "en" and not data.get("protection_first"):
            notes.append(t("reply.register_note" if register == "vous" else "reply.register_note_tu"))
        if notes:
            lines += ["", *notes]
        variant = data.get("variant") or "base"
        choices = [c(turn, "reply.keep_draft", "keep")]
        if not data.get("protection_first"):
            choices += [c(turn, f"reply.variant_{v}", v) for v in VARIANTS if v != variant
                        and not (v == "base" and variant == "base")]
            if t.lang != "en":
                choices.append(c(turn, "reply.to_tu" if register == "vous" else "reply.to_vous", "register"))
        choices.append(c(turn, "reply.edit_draft", "edit"))
        return Entered([Reply("\n".join(lines), tuple(choices))], effects, data=data)

    def draft_reading(self, draft: str, lang: str) -> TensionReading:
        """The reading of the user's own draft: every word the lexicon flags is shown, even when the model reads the
        whole as calm (a jab in a polite sentence is what the user wants to know about before sending)."""
        reading = self._read(draft, lang)
        if reading.markers:
            return reading
        if reading.inflaming:
            return replace(reading, level=max(reading.level, 1), markers=reading.inflaming)
        good = draft_praise(draft, lang)
        if reading.jab is not None and len(good) < 2 and "feeling" not in good:
            # No flagged word, but the learned reader hears a jab in the tone (a reply that says what one feels
            # or owns one's part and proposes something is taken at its word).
            return replace(reading, level=max(reading.level, 1), markers=(reading.jab,))
        return reading

    def _feedback(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        draft = data.get("draft") or ""
        reading = self.draft_reading(draft, t.lang)
        first = data.get("first_level")
        if first is None:
            data["first_level"] = first = reading.level
        data["draft_level"] = reading.level
        one_version = int(data.get("drafts_seen") or 1) <= 1
        lines = [t("reply.feedback_first", now=reading.level) if one_version
                 else t("reply.feedback_level", first=first, now=reading.level)]
        for marker in reading.markers[:6]:
            lines.append(t("reply.feedback_marker", kind=t(f"reply.kind.{marker.kind}"), quote=marker.quote,
                           suggestion=_marker_text(t, marker, "suggestion")))
        if self.writer is not None and draft:
            more = self.writer.draft_feedback(draft, [m.kind for m in reading.markers], t.lang, turn.profile.formal)
            if more:
                lines.append(t("llm.feedback_more", text=more))
        if not reading.markers:
            lines.append(t("reply.feedback_calm" if one_version else "reply.feedback_calmer"))
            praise = draft_praise(draft, t.lang)
            if praise:
                lines.append(t("reply.praise", items=join_words([t(f"reply.praise_{p}") for p in praise], t.lang)))
        else:
            lines.append(t("reply.feedback_yours"))
        choices = (c(turn, "reply.keep_draft", "keep"), c(turn, "reply.draft_suggest", "suggest"))
        return Entered([Reply("\n".join(lines), choices)], data=data)

    def feedback_praise(self, draft: str, lang: str) -> list[str]:
        """What is good in a calm draft (ids of ``reply.praise_*``); empty when it carries tension."""
        if self.draft_reading(draft, lang).markers:
            return []
        return draft_praise(draft, lang)

    def _saved(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        c = self._choice
        symbol = turn.event.choice.partition(":")[2] if turn.event.kind is EventKind.CHOICE else ""
        effects: list[object] = []
        if symbol in ("all", "summary"):
            effects.append(self.journal_entry(turn, data, keep_received=symbol == "all"))
        lines = [t("reply.saved") if effects else t("reply.not_saved")]
        start, end = data.get("ability_start"), data.get("ability_end")
        if start and end and data.get("decision") not in ("noreply", "protect"):
            lines.append(t("reply.ability_change", start=start, end=end))
        question = None
        if self.questions is not None and not data.get("protected"):
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
        agreement = self._agreement(turn, data)
        feelings = self.nvc.labels(data.get(FEELINGS) or [], t.lang, agreement=agreement)
        needs = self.nvc.labels(data.get(NEEDS) or [], t.lang, "needs", agreement)
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
                                       FEELINGS, NEEDS, "observation", "context", "channel", "register")
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


def _own_first(data: dict[str, Any], step: str) -> tuple[str, ...]:
    """The words the user picked or typed, before those the session guessed for them."""
    guessed = set(data.get(f"{step}_guessed") or ())
    chosen = list(data.get(step) or ())
    return tuple([x for x in chosen if x not in guessed] + [x for x in chosen if x in guessed])


def _marker_text(t: Translator, marker: Marker, part: str) -> str:
    """A marker's explanation or suggestion in the user's register (the catalog's), else the reading's own."""
    key = f"tension.{marker.kind}.{part}"
    if not t.catalog.has(key, t.lang):
        return str(getattr(marker, part))
    quote = marker.quote if len(marker.quote) <= 60 else marker.quote[:57].rstrip() + "…"
    return t(key, quote=quote)
