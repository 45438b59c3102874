"""Guided introspection journeys (personnage, mission, famille) and their offline reflection.

A journey asks one question per step. The user answers freely; Compagnon writes the answer to the
journal and reflects it back, offline: a short quote of their own words, the feelings they name
(NVC list) and one related passage of the knowledge base, named by its source. Then the user chooses:
continue, skip, or stop for now (the journey is set aside and ``/reprendre`` brings it back at the same
question, even days later).

Every question contributes the same rows to the flow's transition table (``question_rows``):

    question ─answer→ question.seen ─continue→ next question … → the flow's own finale
        │ └─short/offtopic→ question.nudge (a gentle word, the question again, skip offered)
        ├─skip→ next question
        └─stop→ pause
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from companion.engine.effects import AddJournalDetails
from companion.engine.events import Choice, EventKind, Reply
from companion.engine.flows.base import END, OTHER, STALE, Entered, Flow, Step, Turn
from companion.engine.flows.picker import PICK, add_typed, classify_pick, picker_reply
from companion.engine.journey_care import protection_card, protection_kind
from companion.engine.journey_words import clip, dismissive
from companion.engine.nvc import NvcLists
from companion.engine.ports import Knowledge, KnowledgeHit, Writer
from companion.engine.state import ConversationState
from companion.engine.synthesis import key_sentences, plain
from companion.engine.text import clean, normalise

INTRO = "intro"
PAUSE = "pause"
"""Pseudo-step: the journey is set aside (``/reprendre`` brings it back)."""
NUDGE = ".nudge"
SEEN = ".seen"

KEEP_CHARS = 1000  # of each answer, in the flow's data (the journal keeps the whole text)
ECHO_CHARS = 140  # of an answer quoted back
LONG_CHARS = 600  # from here an answer is "long": summarised in the reply
SAID = "said"
"""Data key: the catalog keys of the generic lines already said in this journey (each is said once)."""
ECHO_VARIANTS = ("journeys.echo.2", "journeys.echo.3", "journeys.echo.4", "journeys.echo.5")
FELT_VARIANTS = ("journeys.felt.2", "journeys.felt.3")
MORE_VARIANTS = ("journeys.more.1", "journeys.more.2", "journeys.more.3")
DISMISSED_VARIANTS = ("journeys.dismissed.1", "journeys.dismissed.2", "journeys.dismissed.3")
MIN_LETTERS = 4
MAX_PASSAGES_SEEN = 20
FEELINGS = "feelings"

# Keys every journey defines under its own prefix (``<flow>.<key>``); a test checks both catalogs.
COMMON_KEYS = (
    "intro", "start", "progress", "skip", "stop", "next", "nudge_short", "nudge_offtopic", "echo",
    "echo_long", "echo_again", "felt", "passage", "paused", "paused_question", "use_buttons", "finale",
)

# Typed words that work like a button, checked in this order against the step's symbols.
_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("stop", frozenset({"stop", "pause", "plus tard", "later", "on arrete", "arreter", "je m arrete",
                        "stop for now", "on fait une pause"})),
    ("skip", frozenset({"passer", "je passe", "passe", "skip", "next question", "question suivante"})),
    ("continue", frozenset({"continuer", "continue", "suite", "la suite", "suivant", "next", "go", "on continue",
                            "c est parti", "allons y", "ok", "oui", "yes", "d accord", "daccord", "okay"})),
    ("keep", frozenset({"garder", "je garde", "je le garde", "je la garde", "keep", "keep it", "oui", "yes", "ok",
                        "c est bon", "valider", "ca me va", "parfait"})),
    ("yes", frozenset({"oui", "yes", "ok", "d accord", "volontiers", "avec plaisir", "sure", "oui merci"})),
    ("no", frozenset({"non", "no", "non merci", "no thanks", "pas besoin"})),
    ("edit", frozenset({"corriger", "modifier", "reecrire", "edit", "rewrite", "change"})),
)
_FILLER = frozenset({
    "ok", "oui", "non", "bof", "jsp", "je sais pas", "je ne sais pas", "sais pas", "aucune idee", "rien",
    "idk", "i don t know", "dont know", "dunno", "no idea", "nothing", "lol", "mdr", "ptdr", "euh", "hmm",
    "yes", "no", "pas d idee", "je sais plus", "bah", "ben", "nope", "nan", "ouais", "yep",
})
_FIRST_PERSON = frozenset({"je", "j", "me", "m", "moi", "mon", "ma", "mes", "nous", "on", "i", "my",
                           "mine", "we", "our", "im", "jsuis", "chui"})
_OFFTOPIC_OPENERS = ("quelle heure", "quel temps", "tu es", "tu es qui", "es tu", "t es qui", "qui es tu",
                     "c est quoi ton", "what time", "who are you", "are you", "what s the weather",
                     "what is the weather", "vous etes", "etes vous", "quel jour")
_VOWELS = set("aeiouy")
_REPEAT = re.compile(r"(.)\1{4,}")


@dataclass(frozen=True)
class Question:
    """One question of a journey: its id (the step), the knowledge themes it draws on, a feelings picker."""

    id: str
    themes: tuple[str, ...]
    feelings: bool = False


def question_rows(questions: Sequence[Question], finale: str) -> dict[tuple[str, str], str]:
    """The transition rows of a journey's intro and questions; the last question leads to ``finale``."""
    first = questions[0].id if questions else finale
    rows = {(INTRO, "continue"): first, (INTRO, "stop"): PAUSE}
    following = [q.id for q in questions[1:]] + [finale]
    for question, after in zip(questions, following, strict=True):
        for source in (question.id, question.id + NUDGE):
            rows[(source, "answer")] = question.id + SEEN
            rows[(source, "short")] = question.id + NUDGE
            rows[(source, "offtopic")] = question.id + NUDGE
            rows[(source, "skip")] = after
            rows[(source, "stop")] = PAUSE
            if question.feelings:
                rows[(source, PICK)] = source
                rows[(source, "picked")] = question.id + SEEN
        rows[(question.id + SEEN, "continue")] = after
        rows[(question.id + SEEN, "answer")] = question.id + SEEN  # more words for the same question
        rows[(question.id + SEEN, "stop")] = PAUSE
    return rows


def judge(text: str) -> str:
    """``answer``, ``short`` (too little to reflect on) or ``offtopic`` (keyboard noise, a question to me)."""
    flat = normalise(text).strip(" .!?…,;:-")
    letters = [c for c in flat if c.isalpha()]
    if len(letters) < MIN_LETTERS or flat in _FILLER:
        return "short"
    words = re.findall(r"[a-z]+", flat)
    if not _VOWELS & set(letters) or _REPEAT.search(flat) or len(letters) < 0.4 * len(flat.replace(" ", "")):
        return "offtopic"
    if any(len(w) >= 10 and sum(c in _VOWELS for c in w) < 0.15 * len(w) for w in words):
        return "offtopic"
    if "?" in text and not _FIRST_PERSON & set(words) and flat.startswith(_OFFTOPIC_OPENERS):
        return "offtopic"
    return "answer"


def typed_symbol(text: str, symbols: set[str]) -> str | None:
    """The button a typed word stands for at this step ("passer", "stop", "ok"…), if any."""
    word = normalise(text).strip(" .!?…")
    for symbol, words in _WORDS:
        if symbol in symbols and word in words:
            return symbol
    return None


def related_passage(knowledge: Knowledge | None, queries: Sequence[str], lang: str, themes: Sequence[str],
                    avoid: Sequence[str] = ()) -> KnowledgeHit | None:
    """The best passage of ``themes`` for the first query that finds one, skipping passages already shown."""
    if knowledge is None:
        return None
    for query in queries:
        if not clean(query):
            continue
        for hit in knowledge.search(query, lang, 8):
            if hit.theme in themes and hit.id not in avoid:
                return hit
    return None


def gist(hit: KnowledgeHit, text: str) -> str:
    """Two sentences of the passage closest to the user's words."""
    return " ".join(key_sentences(text, hit.body, limit=2, max_chars=280))


def quote(text: str, limit: int = ECHO_CHARS) -> str | None:
    """The user's words, on one line, cut only at a sentence or clause boundary (None if nothing fits)."""
    return clip(text, limit)


def feeling_words(ids: Sequence[str], turn: Turn, nvc: NvcLists) -> list[str]:
    """Feelings as the user agrees words in French; with no agreement chosen, as nouns ("de la fierté")."""
    t = turn.t
    words = []
    for term_id in ids:
        if t.lang == "fr" and t.agreement == "neutral":
            key = next((k for k in (f"draft.feeling.{term_id}", f"journeys.feeling.{term_id}")
                        if t.catalog.has(k, t.lang)), None)
            if key is not None:
                words.append(t(key))
                continue
        words.extend(nvc.labels([term_id], t.lang, agreement=t.agreement))
    return list(dict.fromkeys(words))


def say_once(turn: Turn, data: dict[str, Any], keys: Sequence[str], **values: object) -> str | None:
    """The first of ``keys`` not yet said in this journey, filled with ``values``; None when all were said."""
    said = list(data.get(SAID) or [])
    for key in keys:
        if key not in said:
            data[SAID] = [*said, key]
            return turn.t(key, **values)
    return None


class JourneyFlow(Flow):
    """Intro, questions with reflections, and a finale each journey defines (``enter_finale``)."""

    questions: ClassVar[tuple[Question, ...]]
    kind: ClassVar[str]  # journal kind of the answers

    def __init__(self, knowledge: Knowledge | None = None, nvc: NvcLists | None = None,
                 writer: Writer | None = None) -> None:
        self.knowledge = knowledge
        self.nvc = nvc
        self.writer = writer  # a language model's reflection, portrait and mission where configured
        self._by_id = {q.id: q for q in self.questions}

    # -- classifying ---------------------------------------------------------------------------------

    def question_at(self, step: str) -> Question | None:
        """The question a step belongs to (``school``, ``school.nudge``, ``school.seen``)."""
        return self._by_id.get(step.removesuffix(NUDGE).removesuffix(SEEN))

    def classify(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Picker buttons first, then buttons and typed text; remember where we came from for a pause."""
        data["_from"] = step
        question = self.question_at(step)
        if question and question.feelings and self.nvc is not None and not step.endswith(SEEN):
            picked = classify_pick(self.name, turn, data, FEELINGS, [f.id for f in self.nvc.feelings])
            if picked is not None:
                return picked
        symbol = super().classify(step, turn, data)
        if symbol == "picked" and not data.get(FEELINGS):
            data["_why"] = "short"
            return "short"
        if symbol == "picked":
            data["_picked"] = True
        return self.adjust(step, symbol, data)

    def adjust(self, step: str, symbol: str, data: dict[str, Any]) -> str:
        """Let a journey refine a symbol (e.g. "keep" with nothing to keep)."""
        return symbol

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Typed button words, else an answer judged long enough and on topic."""
        if turn.event.kind not in (EventKind.TEXT, EventKind.FORWARDED):
            return OTHER
        text = clean(turn.event.text)
        symbols = self.symbols(step)
        word = typed_symbol(text, symbols)
        if word is not None:
            return word
        if "answer" not in symbols:
            return OTHER
        verdict = self.judge_text(step, text)
        if verdict != "answer":
            data["_why"] = verdict
            return verdict if verdict in symbols else OTHER
        data["_new"] = text
        return "answer"

    def judge_text(self, step: str, text: str) -> str:
        """How a typed answer is taken at ``step`` (journeys may be stricter at their finale)."""
        return judge(text)

    # -- moving ----------------------------------------------------------------------------------------

    def _arrive(self, target: str, turn: Turn, data: dict[str, Any]) -> Step:
        source = data.pop("_from", None)
        if target == PAUSE:
            return self._pause(source or self.initial, turn, data)
        entered = self.enter(target, turn, data)
        new_data = _without_transient(entered.data if entered.data is not None else data)
        if target in self.terminal:
            return Step(ConversationState(), entered.replies, entered.effects, entered.handoff)
        return Step(ConversationState(self.name, target, new_data), entered.replies, entered.effects,
                    entered.handoff)

    def reprompt(self, step: str, turn: Turn, data: dict[str, Any], symbol: str) -> Step:
        """An unexpected input: a gentle word (buttons, or what the step expects), then the step again."""
        data.pop("_from", None)
        key = "common.stale_button" if symbol == STALE else f"{self.name}.use_buttons"
        again = self.enter(step, turn, data)
        state = ConversationState(self.name, step, _without_transient(again.data if again.data is not None else data))
        return Step(state, [Reply(turn.t(key))] + again.replies, again.effects)

    def _pause(self, source: str, turn: Turn, data: dict[str, Any]) -> Step:
        resume_at = self.resume_step(source)
        question = self.question_at(resume_at)
        if question is not None:
            text = turn.t(f"{self.name}.paused_question", n=self.questions.index(question) + 1,
                          total=len(self.questions))
        else:
            text = turn.t(f"{self.name}.paused")
        reply = Reply(text)
        state = ConversationState(self.name, resume_at, _without_transient(data))
        return Step(state, [reply], pause=True)

    def resume_step(self, source: str) -> str:
        """Where ``/reprendre`` brings the user back: the same question, the next one once answered."""
        question = self.question_at(source)
        if question is None:
            return source
        if source.endswith(SEEN):
            return self.after(question)
        return question.id

    def after(self, question: Question) -> str:
        """The step that follows ``question``."""
        target = self.transitions.get((question.id + SEEN, "continue"))
        assert target is not None
        return target

    # -- entering --------------------------------------------------------------------------------------

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """The intro, a question, a nudge, a reflection, or the journey's own finale."""
        if step == INTRO:
            t = turn.t
            return Entered([Reply(t(f"{self.name}.intro"), (self.choice(turn, f"{self.name}.start", "continue"),
                                                            self.choice(turn, f"{self.name}.stop", "stop")))])
        question = self.question_at(step)
        if question is not None and step.endswith(SEEN):
            return self._reflect(question, turn, data)
        if question is not None:
            return self._ask(question, turn, data, nudge=step.endswith(NUDGE))
        return self.enter_finale(step, turn, data)

    def enter_finale(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Steps after the questions (portrait, mission statement, follow-up…)."""
        raise ValueError(f"unknown {self.name} step {step!r}")

    def question_text(self, question: Question, turn: Turn) -> str:
        """The question as asked (also kept with the answer in the journal)."""
        return turn.t(f"{self.name}.{question.id}.ask")

    def _ask(self, question: Question, turn: Turn, data: dict[str, Any], *, nudge: bool) -> Entered:
        t, p = turn.t, self.name
        number = self.questions.index(question) + 1
        lines = []
        if nudge:
            why = data.get("_why") if data.get("_why") in ("short", "offtopic") else "short"
            lines.append(t(f"{p}.nudge_{why}"))
        lines.append(f"{t(f'{p}.progress', n=number, total=len(self.questions))} {self.question_text(question, turn)}")
        actions = [self.choice(turn, f"{p}.skip", "skip"), self.choice(turn, f"{p}.stop", "stop")]
        if question.feelings and self.nvc is not None:
            if data.get(FEELINGS):
                actions.insert(0, self.choice(turn, f"{p}.picked", "picked"))
                named = self.nvc.labels(data[FEELINGS], t.lang, agreement=t.agreement)
                lines.append(t(f"{p}.selected", feelings=", ".join(named)))
            options = [(f.id, f.label(t.lang, t.agreement)) for f in self.nvc.feelings]
            return Entered([picker_reply(turn, p, "\n\n".join(lines), options, data, FEELINGS, actions)])
        return Entered([Reply("\n\n".join(lines), tuple(actions))])

    def _reflect(self, question: Question, turn: Turn, data: dict[str, Any]) -> Entered:
        t, p = turn.t, self.name
        new = data.pop("_new", None)
        answers = dict(data.get("answers") or {})
        felt = dict(data.get("felt") or {})
        passages = dict(data.get("passages") or {})
        effects: list[object] = []
        lines: list[str] = []
        care = protection_kind(new, turn, bool(data.get("protected"))) if new is not None else None
        brushed_off = new is not None and care is None and dismissive(new)
        hit: KnowledgeHit | None = None
        fresh = new is not None or bool(data.pop("_picked", False))
        if fresh:
            emotions = self._emotions(turn, new) if new else []
            if care or brushed_off:
                emotions = []
            if question.feelings:
                picked = dict(data)
                add_typed(picked, FEELINGS, emotions)
                emotions = list(picked[FEELINGS])
                data[FEELINGS] = []
                data.pop(f"{FEELINGS}_page", None)
            labels = self.nvc.labels(emotions, t.lang, agreement=t.agreement) if self.nvc else []
            text = new if new is not None else t(f"{p}.feelings_only", feelings=", ".join(labels))
            previous = answers.get(question.id)
            combined = f"{previous}\n{text}" if previous else text
            answers[question.id] = combined[-KEEP_CHARS:] if len(combined) > KEEP_CHARS else combined
            data["answers"] = answers
            felt[question.id] = list(dict.fromkeys([*felt.get(question.id, []), *emotions]))[:12]
            effects.append(AddJournalDetails(self.kind, text, question.themes[0], tuple(emotions),
                                             {"step": question.id, "question": self.question_text(question, turn)}))
            if care is not None:
                lines.append(protection_card(turn, new, care) if not data.get("protected")
                             else t("journeys.protect.again"))
                data["protected"] = True
            elif brushed_off:
                lines.append(say_once(turn, data, DISMISSED_VARIANTS) or t("journeys.dismissed.1"))
            elif new is not None:
                lines.extend(self._echo(question, turn, data, new))
            if care is None and not brushed_off:
                shown = list(dict.fromkeys([*(data.get("shown") or []), *passages.values()]))
                hit = related_passage(self.knowledge, [f"{new or ''} {' '.join(labels)}",
                                                       self.question_text(question, turn)],
                                      t.lang, question.themes, shown)
            if hit is not None:
                passages[question.id] = hit.id
                data["shown"] = [*(data.get("shown") or []), hit.id][-MAX_PASSAGES_SEEN:]
                if len(passages) > MAX_PASSAGES_SEEN:
                    passages.pop(next(iter(passages)))
        else:
            earlier = quote(answers[question.id]) if answers.get(question.id) else None
            if earlier and not dismissive(answers[question.id]):
                lines.append(t(f"{p}.echo_again", excerpt=earlier))
            hit = self.knowledge.get(passages[question.id]) if (self.knowledge and question.id in passages) else None
        data.update(answers=answers, felt=felt, passages=passages)
        if care is None and not brushed_off:
            words = feeling_words(felt.get(question.id, []), turn, self.nvc) if self.nvc else []
            if words:
                line = say_once(turn, data, (f"{p}.felt", *FELT_VARIANTS), feelings=", ".join(words))
                lines.append(line or t(f"{p}.felt", feelings=", ".join(words)))
            if fresh:  # shown again (a stray button at this step): the words, not a new comment on them
                lines.extend(self._mirror(question, turn, data, new))
            if hit is not None:
                lines.append(t(f"{p}.passage", title=plain(hit.title), source=hit.source,
                               gist=gist(hit, answers.get(question.id, ""))))
        last = question is self.questions[-1]
        choices = (self.choice(turn, f"{p}.{'finale' if last else 'next'}", "continue"),
                   self.choice(turn, f"{p}.stop", "stop"))
        return Entered([Reply("\n\n".join(lines), choices)], effects, data=data)

    def _emotions(self, turn: Turn, text: str) -> list[str]:
        """The feelings the answer names in so many words ("in your words, I hear…"): a guess about an answer
        that speaks of other people ("les gens de mon quartier") would put a feeling in the person's mouth."""
        return self.nvc.find(text, turn.t.lang, FEELINGS) if self.nvc is not None else []

    def _echo(self, question: Question, turn: Turn, data: dict[str, Any], new: str) -> list[str]:
        """The user's words back, whole or cut at a sentence or clause; the lead varies along the journey."""
        t, p = turn.t, self.name
        if self.writer is None and self.link(question, turn, data) is not None:
            return []  # the link quotes this answer with an earlier one
        if len(new) > LONG_CHARS:
            words = quote(new, 200)
            return [t(f"{p}.echo_long", excerpt=words) if words else t("journeys.echo_kept")]
        words = quote(new)
        if not words:
            return [t("journeys.echo_kept")]
        number = self.questions.index(question)
        keys = (f"{p}.echo", *ECHO_VARIANTS)
        ordered = keys[number % len(keys):] + keys[:number % len(keys)]
        return [say_once(turn, data, ordered, excerpt=words) or t(ordered[0], excerpt=words)]

    def _mirror(self, question: Question, turn: Turn, data: dict[str, Any], new: str | None) -> list[str]:
        """A link between answers, a language model's reflection, or the step's own line, each said once."""
        t, p = turn.t, self.name
        answers = self.answers(data)
        reflected = dict(data.get("reflected") or {})
        if new is not None:
            reflected.pop(question.id, None)
            if self.writer is not None:
                earlier = [a for qid, a in answers.items() if qid != question.id]
                warm = self.writer.reflect(self.question_text(question, turn), answers[question.id], earlier,
                                           t.lang, turn.profile.formal)
                if warm:
                    reflected[question.id] = warm
            data["reflected"] = reflected
        if reflected.get(question.id):
            return [reflected[question.id]]
        link = self.link(question, turn, data)
        if link is not None:
            return [link]
        line = say_once(turn, data, (f"{p}.{question.id}.mirror", *MORE_VARIANTS))
        return [line] if line else []

    def link(self, question: Question, turn: Turn, data: dict[str, Any]) -> str | None:
        """A sentence connecting this answer to an earlier one (journeys define their own)."""
        return None

    # -- helpers ---------------------------------------------------------------------------------------

    def answers(self, data: Mapping[str, Any]) -> dict[str, str]:
        """The answers given so far, by question id."""
        return dict(data.get("answers") or {})

    def buttons(self, turn: Turn, *pairs: tuple[str, str]) -> tuple[Choice, ...]:
        """Buttons of this flow from (key suffix, symbol) pairs."""
        return tuple(self.choice(turn, f"{self.name}.{key}", symbol) for key, symbol in pairs)


def _without_transient(data: dict[str, Any]) -> dict[str, Any]:
    """Drop the ``_``-prefixed keys a single turn uses (the pending answer, where it came from)."""
    return {k: v for k, v in data.items() if not k.startswith("_")}


__all__ = ["END", "INTRO", "NUDGE", "PAUSE", "SEEN", "JourneyFlow", "Question", "judge", "question_rows"]
