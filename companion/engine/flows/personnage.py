"""« Mon personnage » (/personnage): who was I in my first schoolyard, who am I online, and a portrait."""

from __future__ import annotations

from typing import Any

from companion.engine.effects import AddJournalDetails, SetPortrait
from companion.engine.events import Reply
from companion.engine.flows.base import END, Entered, Turn
from companion.engine.reflect import INTRO, PAUSE, JourneyFlow, Question, question_rows, quote

PORTRAIT = "portrait"
WRITE = "portrait_write"
PORTRAIT_CHARS = 1500
QUESTIONS = (
    Question("school", ("personnage",)),
    Question("role", ("personnage",)),
    Question("truth", ("personnage",)),
    Question("networks", ("personnage",)),
    Question("feel", ("emotions", "personnage"), feelings=True),
    Question("seek", ("personnage", "emotions")),
    Question("gap", ("personnage",)),
)


class PersonnageFlow(JourneyFlow):
    """Intro → seven questions (each: answer → reflection) → portrait ⇄ the user's own version → kept."""

    name = "personnage"
    kind = "personnage"
    initial = INTRO
    questions = QUESTIONS
    transitions = {
        **question_rows(QUESTIONS, PORTRAIT),
        (PORTRAIT, "keep"): END,
        (PORTRAIT, "edit"): WRITE,
        (PORTRAIT, "answer"): PORTRAIT,  # a typed correction replaces the draft
        (PORTRAIT, "stop"): PAUSE,
        (WRITE, "answer"): PORTRAIT,
        (WRITE, "short"): WRITE,
        (WRITE, "back"): PORTRAIT,
        (WRITE, "stop"): PAUSE,
    }

    def adjust(self, step: str, symbol: str, data: dict[str, Any]) -> str:
        """Nothing to keep yet: keeping means writing one."""
        if step == PORTRAIT and symbol == "keep" and not data.get("draft"):
            return "edit"
        return symbol

    def judge_text(self, step: str, text: str) -> str:
        """At the portrait, any words of the user are their version (too short only if nearly empty)."""
        if step in (PORTRAIT, WRITE):
            return "short" if sum(c.isalpha() for c in text) < 4 else "answer"
        return super().judge_text(step, text)

    def enter_finale(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """The portrait, the user's own version, and keeping it."""
        t = turn.t
        if step == PORTRAIT:
            new = data.pop("_new", None)
            if new is not None:
                data["draft"] = new[:PORTRAIT_CHARS]
                lead = t("personnage.portrait_yours", portrait=data["draft"])
            else:
                data.setdefault("draft", self.portrait(turn, data))
                lead = (t("personnage.portrait_draft", portrait=data["draft"]) if data["draft"]
                        else t("personnage.portrait_empty"))
            pairs = [("portrait_keep", "keep"), ("portrait_edit", "edit")] if data["draft"] else \
                [("portrait_edit", "edit")]
            return Entered([Reply(lead, self.buttons(turn, *pairs, ("stop", "stop")))], data=data)
        if step == WRITE:
            short = data.get("_why") == "short"
            text = t("personnage.write_short") if short else t("personnage.write")
            pairs = [("write_back", "back")] if data.get("draft") else []
            return Entered([Reply(text, self.buttons(turn, *pairs, ("stop", "stop")))], data=data)
        if step == END:
            portrait = str(data.get("draft") or "")
            effects: list[object] = [
                SetPortrait(portrait),
                AddJournalDetails(self.kind, portrait, "personnage", (), {"step": PORTRAIT}),
            ]
            return Entered([Reply(t("personnage.kept"))], effects)
        return super().enter_finale(step, turn, data)

    def portrait(self, turn: Turn, data: dict[str, Any]) -> str:
        """A first portrait in the user's own words: one line per question answered."""
        t = turn.t
        answers = self.answers(data)
        if self.writer is not None:
            pairs = [(self.question_text(q, turn), answers[q.id]) for q in QUESTIONS if answers.get(q.id)]
            written = self.writer.portrait(pairs, t.lang, turn.profile.formal) if pairs else None
            if written:
                return written[:PORTRAIT_CHARS]
        lines = []
        for question in QUESTIONS:
            answer = answers.get(question.id)
            if answer:
                lines.append(t(f"personnage.portrait_line.{question.id}", text=quote(answer, 110)))
        return "\n".join(lines)[:PORTRAIT_CHARS]
