"""Questions about the themes, answered from the knowledge base, offline (/question)."""

from __future__ import annotations

from typing import Any

from companion.engine.events import Choice, EventKind, Reply
from companion.engine.flows.base import END, Entered, Flow, Turn
from companion.engine.ports import Knowledge, KnowledgeHit, Writer, WrittenAnswer
from companion.engine.questions import Question, QuestionBank
from companion.engine.synthesis import key_sentences, plain, terms
from companion.engine.text import clean, excerpt

ASKING = "asking"
ANSWERED = "answered"
FULL = "full"
WRITE = "write"
GUIDED = "guided"
HITS = 3
# Questions that stand on their own after an answer (the others speak of "this message", a journey…).
STANDALONE = ("ask", "daily")
# The guided flow an answer can lead to, per theme (only flows the engine has are offered).
THEME_FLOWS = {
    "avant-de-repondre": "reply", "trolls-et-defense": "reply", "cnv": "reply", "echange-tronque": "reply",
    "emotions": "reply", "personnage": "personnage", "mission": "mission", "bien-commun": "mission",
    "famille": "famille",
}


class AskFlow(Flow):
    """Asking → answered ⇄ (full passage, another passage) → write a reflection, or leave."""

    name = "ask"
    initial = ASKING
    terminal = frozenset({END, WRITE, GUIDED})
    transitions = {
        (ASKING, "question"): ANSWERED,
        (ANSWERED, "more"): FULL,
        (ANSWERED, "next"): ANSWERED,
        (ANSWERED, "write"): WRITE,
        (ANSWERED, "guided"): GUIDED,
        (FULL, "guided"): GUIDED,
        (ANSWERED, "question"): ANSWERED,
        (ANSWERED, "done"): END,
        (FULL, "next"): ANSWERED,
        (FULL, "write"): WRITE,
        (FULL, "question"): ANSWERED,
        (FULL, "done"): END,
    }

    def __init__(self, knowledge: Knowledge, questions: QuestionBank, writer: Writer | None = None) -> None:
        self.knowledge = knowledge
        self.questions = questions
        self.writer = writer
        self.guided: dict[str, str] = {}
        """Theme → guided flow offered after an answer; the engine fills it with the flows it has."""

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Any text is a (new) question."""
        ok = turn.event.kind in (EventKind.TEXT, EventKind.FORWARDED, EventKind.COMMAND)
        return "question" if ok and clean(turn.event.text) else "other"

    def start_with(self, turn: Turn, question: str) -> Entered:
        """Answer ``question`` straight away (free text or ``/question …``)."""
        data: dict[str, Any] = {}
        return self._answer(turn, data, question)

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Ask, answer, show more, or hand over to the journal."""
        t = turn.t
        if step == ASKING:
            return Entered([Reply(t("ask.prompt"))], data={})
        if step == ANSWERED:
            symbol = turn.event.choice.partition(":")[2] if turn.event.kind is EventKind.CHOICE else "question"
            if symbol == "next":
                return self._next(turn, data)
            text = turn.event.args if turn.event.kind is EventKind.COMMAND else turn.event.text
            return self._answer(turn, data, clean(text))
        if step == FULL:
            hit = self.knowledge.get(data["hits"][data["shown"]])
            if hit is None:
                return Entered([Reply(t("ask.nothing"))], data=data)
            return Entered([Reply(t("ask.full", title=plain(hit.title), source=hit.source, body=plain(hit.body)),
                                  self._choices(turn, data, full=True))], data=data)
        if step == WRITE:
            hit = self.knowledge.get(data["hits"][data["shown"]]) if data.get("hits") else None
            prompt = {"prompt": data.get("reflection", ""), "theme": hit.theme if hit else None}
            return Entered([], handoff=("note", prompt))
        if step == GUIDED:
            flow = data.get("guided")
            return Entered([], data={}, handoff=(flow, {}) if flow else None)
        if step == END:
            return Entered([])
        raise ValueError(f"unknown ask step {step!r}")

    # -- answering ---------------------------------------------------------------------------------

    def _answer(self, turn: Turn, data: dict[str, Any], question: str) -> Entered:
        t = turn.t
        lang = t.lang  # the user's language, whatever the question is typed in: the passage, buttons and
        # reflection question then speak one language
        hits = self.knowledge.search(question, lang, HITS) if question else []
        if not hits:
            return Entered([Reply(t("ask.nothing"))], data={})
        new = {"q": excerpt(question, 300), "lang": lang, "hits": [h.id for h in hits], "shown": 0}
        if self.writer is not None:
            written = self.writer.answer(question, hits, lang, turn.profile.formal)
            if written is not None:
                return Entered([self._render_written(turn, new, hits, written)], data=new)
        return Entered([self._render(turn, new, hits[0])], data=new)

    def _next(self, turn: Turn, data: dict[str, Any]) -> Entered:
        shown = (int(data.get("shown", 0)) + 1) % max(1, len(data.get("hits", [])))
        new = {**data, "shown": shown}
        hit = self.knowledge.get(new["hits"][shown]) if new.get("hits") else None
        if hit is None:
            return Entered([Reply(turn.t("ask.nothing"))], data={})
        return Entered([self._render(turn, new, hit)], data=new)

    def _render(self, turn: Turn, data: dict[str, Any], hit: KnowledgeHit) -> Reply:
        t = turn.t
        gist = " ".join(key_sentences(data.get("q", ""), hit.body))
        follow = self._follow_up(turn, data.get("q", ""), hit)
        data["reflection"] = follow.text if follow else ""
        data["guided"] = self.guided.get(hit.theme)
        lines = [t("ask.answer", title=plain(hit.title), source=hit.source, gist=gist)]
        if follow:
            lines.append(t("ask.go_further", question=follow.text))
        return Reply("\n\n".join(lines), self._choices(turn, data, full=False))

    def _render_written(self, turn: Turn, data: dict[str, Any], hits: list[KnowledgeHit],
                        written: WrittenAnswer) -> Reply:
        """The model's answer and the passages it drew on; when it cited none, say so and show the closest."""
        t = turn.t
        cited = [h for h in hits if h.id in written.cited]
        if not cited:
            closest = self._render(turn, data, hits[0])
            return Reply(t("llm.ask_not_covered") + "\n\n" + closest.text, closest.choices)
        data["shown"] = hits.index(cited[0])
        follow = self._follow_up(turn, data.get("q", ""), cited[0])
        data["reflection"] = follow.text if follow else ""
        data["guided"] = self.guided.get(cited[0].theme)
        sources = "\n".join(t("llm.ask_source", title=plain(h.title), source=h.source) for h in cited)
        lines = [written.text, t("llm.ask_sources", sources=sources)]
        if follow:
            lines.append(t("ask.go_further", question=follow.text))
        return Reply("\n\n".join(lines), self._choices(turn, data, full=False))

    def _follow_up(self, turn: Turn, question: str, hit: KnowledgeHit) -> Question | None:
        """The reflection question offered next: of the passage's theme, standing on its own, sharing the most
        words with the user's question (then with the passage's title); a stable choice among equals."""
        lang, seed = turn.t.lang, f"{turn.profile.user_id}:{hit.id}"
        pool = [q for q in self.questions.select(lang, theme=hit.theme) if set(q.uses) & set(STANDALONE)]
        if not pool:
            return self.questions.pick(lang, theme=hit.theme, seed=seed)
        asked, titled = terms(question), terms(hit.title)
        scores = {q.id: 2 * len(asked & terms(q.text)) + len(titled & terms(q.text)) for q in pool}
        # A question written for one kind of answer ("ask") is offered only when it shares a word with it.
        eligible = [q for q in pool if scores[q.id] or "ask" not in q.uses] or pool
        best = max(scores[q.id] for q in eligible)
        keep = {q.id for q in eligible if scores[q.id] == best}
        return self.questions.pick(lang, theme=hit.theme, seed=seed,
                                   exclude=[q.id for q in self.questions.select(lang, theme=hit.theme)
                                            if q.id not in keep])

    def _choices(self, turn: Turn, data: dict[str, Any], *, full: bool) -> tuple[Choice, ...]:
        choices = [] if full else [self.choice(turn, "ask.more", "more")]
        if len(data.get("hits", [])) > 1:
            choices.append(self.choice(turn, "ask.next", "next"))
        if data.get("guided"):
            choices.append(self.choice(turn, f"ask.guided.{data['guided']}", "guided"))
        if data.get("reflection"):
            choices.append(self.choice(turn, "ask.write", "write"))
        choices.append(self.choice(turn, "ask.done", "done"))
        return tuple(choices)
