"""« Mon personnage » (/personnage): who was I in my first schoolyard, who am I online, and a portrait."""

from __future__ import annotations

from typing import Any

from companion.engine.effects import AddJournalDetails, SetPortrait
from companion.engine.events import Reply
from companion.engine.flows.base import END, Entered, Turn
from companion.engine.journey_words import NEEDS, ROLES, clip, first_shared, named, reflectable
from companion.engine.reflect import INTRO, PAUSE, JourneyFlow, Question, feeling_words, question_rows

PORTRAIT = "portrait"
WRITE = "portrait_write"
PORTRAIT_CHARS = 1500
LINK_CHARS = 90  # of each answer quoted in a link
PORTRAIT_QUOTE_CHARS = 110
PORTRAIT_SENTENCES = 5
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

    def link(self, question: Question, turn: Turn, data: dict[str, Any]) -> str | None:
        """Schoolyard ↔ online character (at ``networks``), what the character brought ↔ what one seeks (``seek``)."""
        answers = {k: v for k, v in self.answers(data).items() if reflectable(v)}
        if question.id not in ("networks", "seek") or question.id not in answers:
            return None
        order = ("school", "role") if question.id == "networks" else ("role", "school")
        then_id = order[0] if order[0] in answers else order[1]
        then = clip(answers[then_id], LINK_CHARS) if then_id in answers else None
        now = clip(answers[question.id], LINK_CHARS)
        if not then or not now:
            return None
        then, now = then.rstrip(" ."), now.rstrip(" .")
        before = " ".join(answers.get(k, "") for k in ("school", "role"))
        t = turn.t
        if question.id == "networks":
            same = first_shared(named(before, ROLES), named(answers["networks"], ROLES))
            return t("journeys.link.same_role" if same else "journeys.link.roles", then=then, now=now)
        need = first_shared(named(before, NEEDS), named(answers["seek"], NEEDS))
        if need:
            return t("journeys.link.need", then=then, now=now, need=t(f"journeys.need.{need}"))
        return t("journeys.link.need_open", then=then, now=now)

    def portrait(self, turn: Turn, data: dict[str, Any]) -> str:
        """A short synthesis in the first person (three to five sentences), from the answers that say something."""
        t = turn.t
        answers = self.answers(data)
        if self.writer is not None:
            pairs = [(self.question_text(q, turn), answers[q.id]) for q in QUESTIONS if answers.get(q.id)]
            written = self.writer.portrait(pairs, t.lang, turn.profile.formal) if pairs else None
            if written:
                return written[:PORTRAIT_CHARS]
        return " ".join(self.synthesis(turn, data))[:PORTRAIT_CHARS]

    def synthesis(self, turn: Turn, data: dict[str, Any]) -> list[str]:
        """The portrait's sentences: the schoolyard, what it brought, online today, what one seeks, the gap."""
        t = turn.t
        answers = {k: v for k, v in self.answers(data).items() if reflectable(v)}

        def words(qid: str) -> str | None:
            found = clip(answers[qid], PORTRAIT_QUOTE_CHARS) if qid in answers else None
            return found.rstrip(" .") if found else None

        before = " ".join(answers.get(k, "") for k in ("school", "role"))
        then_roles, now_roles = named(before, ROLES), named(answers.get("networks", ""), ROLES)
        then_needs = named(answers.get("role", "") or answers.get("school", ""), NEEDS)
        seek_needs = named(answers.get("seek", ""), NEEDS)
        out: list[str] = []
        if then_roles:
            out.append(t(f"journeys.portrait.school.{then_roles[0]}"))
        elif words("school") or words("role"):
            out.append(t("journeys.portrait.school_words", text=words("school") or words("role")))
        if then_needs:
            out.append(t("journeys.portrait.brought", need=t(f"journeys.need_obj.{then_needs[0]}")))
        if words("networks"):
            same = first_shared(then_roles, now_roles)
            out.append(t("journeys.portrait.online_same" if same else "journeys.portrait.online",
                         text=words("networks")))
        if seek_needs:
            key = "journeys.portrait.seek_same" if seek_needs[0] in then_needs else "journeys.portrait.seek"
            out.append(t(key, need=t(f"journeys.need_obj.{seek_needs[0]}")))
        elif words("seek"):
            out.append(t("journeys.portrait.seek_words", text=words("seek")))
        if words("gap"):
            out.append(t("journeys.portrait.gap", text=words("gap")))
        felt = feeling_words(list((data.get("felt") or {}).get("feel", [])), turn, self.nvc) if self.nvc else []
        if felt and len(out) < PORTRAIT_SENTENCES:
            out.append(t("journeys.portrait.feel", feelings=t("journeys.and").join(felt[:2])))
        if words("truth") and len(out) < PORTRAIT_SENTENCES:
            out.append(t("journeys.portrait.truth", text=words("truth")))
        return out[:PORTRAIT_SENTENCES]

