"""« Ma mission » (/mission): what I love to share, for whom and why, and a one-sentence mission."""

from __future__ import annotations

import re
from typing import Any

from companion.engine.effects import AddJournalDetails, SetMission
from companion.engine.events import Reply
from companion.engine.flows.base import END, Entered, Turn
from companion.engine.journey_words import clip, dismissive
from companion.engine.reflect import INTRO, PAUSE, JourneyFlow, Question, question_rows
from companion.engine.text import clean, detect_language, excerpt, normalise

STATEMENT = "statement"
REWRITE = "rewrite"
CONFIRM = "confirm"
MISSION_CHARS = 300
PART_CHARS = 90
DREAM_CHARS = 160
QUESTIONS = (
    Question("love", ("mission",)),
    Question("drive", ("mission",)),
    Question("dream", ("mission", "bien-commun")),
    Question("whom", ("mission", "avant-de-repondre")),
    Question("why", ("avant-de-repondre", "mission")),
    Question("stop_sharing", ("mission", "bien-commun")),
)

# Openings that carry no meaning in a mission sentence ("j'aime partager des photos" → "des photos").
_OPENERS = {
    "fr": re.compile(
        r"^(?:(?:euh|alors|bah|ben|eh bien|je pense que|je crois que|peut-être|peut-etre|sans doute)[, ]+)*"
        r"(?:ce qui me (?:motive|nourrit|plaît|plait)(?:,? c'est| c est)?|ce que j'aime(?: partager)?(?:,? c'est)?|"
        r"j'aime(?:rais)?(?: bien| beaucoup| vraiment)?(?: partager| montrer| parler de| raconter)?|"
        r"j'adore(?: partager| montrer| parler de)?|mon rêve(?:,? c'est| serait)?(?: de| que)?|"
        r"je rêve(?: de| que| d')?|je veux(?: toucher| parler à)?|je voudrais(?: toucher| parler à)?|"
        r"c'est|ce serait|toucher|partager|parler à|aux?|pour)\s+",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"^(?:(?:well|so|um|i think|maybe|probably)[, ]+)*"
        r"(?:what (?:drives|motivates|fulfils|fulfills) me is|what i love(?: to share| sharing)? is|"
        r"i(?:'d| would)? (?:really )?(?:love|like|enjoy)(?: to share| sharing| to show| showing| to talk about|"
        r" talking about)?|my dream(?: is| would be)?(?: to| that)?|i dream(?: of| that)?|i want to (?:reach|talk to)|"
        r"i'd like to (?:reach|talk to)|it's|to share|sharing|to reach|to|for)\s+",
        re.IGNORECASE,
    ),
}

_LOWER_STARTS = frozenset({
    "les", "des", "la", "le", "l", "un", "une", "mes", "mon", "ma", "ceux", "celles", "celle", "celui", "ce", "ces",
    "tous", "toutes", "tout", "toute", "chacun", "chacune", "nos", "notre", "leur", "leurs", "d", "de", "du",
    "the", "my", "our", "a", "an", "all", "those", "these", "people", "everyone", "anyone", "some", "other", "others",
})


_SECOND_PERSON = re.compile(r"\b(?:tu|t|te|toi|ton|ta|tes|vous|you|your|yours)\b")
_DREAM_OPENER = re.compile(r"^(?:(?:euh|alors|bah|ben|well|so|um)\W+)*(?:mon reve|je reve|my dream|i dream|que\b|qu\b"
                           r"|that\b)")
_EN_NOT_A_THING = frozenset({"i", "im", "it", "its", "when", "because", "if", "that", "so", "we", "you", "they", "he",
                              "she", "nothing", "yes", "no", "not", "dont", "just", "maybe"})
_FR_SUBJECT = frozenset({"je", "j", "jsuis", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "c", "ca",
                         "quand", "si", "parce", "comme", "rien", "pas", "ne", "n", "oui", "non"})


def fits(fragment: str, lang: str) -> bool:
    """Can ``fragment`` follow "Partager" / "Share" as its object (a noun phrase, not a clause)?"""
    words = normalise(fragment).split()
    if not words:
        return False
    head = words[0]
    if lang == "en":
        return head not in _EN_NOT_A_THING
    return head not in _FR_SUBJECT and (head in _LOWER_STARTS or fragment[:1].isupper())


def core(text: str, lang: str) -> str:
    """The heart of an answer for the mission sentence: first clause, opening words dropped, short."""
    first = re.split(r"(?<=[.!?…;])\s|\n", clean(text), maxsplit=1)[0].strip(" .!?…;")
    opener = _OPENERS.get(lang, _OPENERS["fr"])
    for _ in range(3):  # "je pense que j'aime partager …" peels in two passes
        shorter = opener.sub("", first, count=1)
        if shorter == first or len(shorter) < 3:
            break
        first = shorter
    first = first.strip(" ,.:;")
    clause = first.split(", ", 1)[0]
    if len(clause.split()) >= 3:  # "photos of my hikes, and the rest…": the first clause carries it
        first = clause
    head = re.split(r"[\s']", first, maxsplit=1)[0]
    if head.lower() in _LOWER_STARTS and head[:1].isupper() and head[1:].islower():
        first = first[:1].lower() + first[1:]  # it goes mid-sentence: "Les gens…" → "les gens…"
    return excerpt(first, PART_CHARS).rstrip(".")


class MissionFlow(JourneyFlow):
    """Intro → six questions (each: answer → reflection) → a suggested mission sentence ⇄ rewritten → kept."""

    name = "mission"
    kind = "mission"
    initial = INTRO
    questions = QUESTIONS
    transitions = {
        **question_rows(QUESTIONS, STATEMENT),
        (STATEMENT, "keep"): END,
        (STATEMENT, "edit"): REWRITE,
        (STATEMENT, "answer"): CONFIRM,  # typed straight away: their own sentence
        (STATEMENT, "long"): REWRITE,
        (STATEMENT, "stop"): PAUSE,
        (REWRITE, "answer"): CONFIRM,
        (REWRITE, "short"): REWRITE,
        (REWRITE, "long"): REWRITE,
        (REWRITE, "back"): STATEMENT,
        (REWRITE, "stop"): PAUSE,
        (CONFIRM, "keep"): END,
        (CONFIRM, "edit"): REWRITE,
        (CONFIRM, "answer"): CONFIRM,
        (CONFIRM, "long"): REWRITE,
        (CONFIRM, "stop"): PAUSE,
    }

    def adjust(self, step: str, symbol: str, data: dict[str, Any]) -> str:
        """Nothing suggested yet: keeping means writing it."""
        if step in (STATEMENT, CONFIRM) and symbol == "keep" and not data.get("draft"):
            return "edit"
        return symbol

    def judge_text(self, step: str, text: str) -> str:
        """A mission is one sentence: any words count, a page does not."""
        if step in (STATEMENT, REWRITE, CONFIRM):
            if sum(c.isalpha() for c in text) < 4:
                return "short"
            return "long" if len(text) > MISSION_CHARS else "answer"
        return super().judge_text(step, text)

    def suggestion(self, turn: Turn, data: dict[str, Any]) -> str:
        """A mission sentence from the user's words (what they love, for whom, the dream behind), grammatical
        in the user's language: an answer in another language is quoted, one that does not fit is framed,
        a skipped or brushed-off one is left out."""
        t = turn.t
        answers = {k: v for k, v in self.answers(data).items() if v and not dismissive(v)}
        what_id = "love" if "love" in answers else "drive" if "drive" in answers else None
        if what_id is None:
            return ""
        if self.writer is not None:
            pairs = [(self.question_text(q, turn), answers[q.id]) for q in self.questions if answers.get(q.id)]
            written = self.writer.mission(pairs, t.lang, turn.profile.formal)
            if written:
                return written[:MISSION_CHARS]
        what = self._part(turn, answers[what_id], "what")
        whom = self._part(turn, answers["whom"], "whom") if "whom" in answers else None
        dream = self._dream(turn, answers["dream"]) if "dream" in answers else None
        key = "mission.suggest" if whom else "mission.suggest_alone"
        if dream:
            key += "_dream"
        if not what:
            return ""
        sentence = t(key, what=what, whom=whom or "", dream=dream or "")
        if len(sentence) > MISSION_CHARS and dream:  # too long for one sentence: the dream stays in the journal
            sentence = t(key.removesuffix("_dream"), what=what, whom=whom or "")
        return sentence if len(sentence) <= MISSION_CHARS else ""

    def _part(self, turn: Turn, answer: str, role: str) -> str | None:
        """What or whom, as the object of the sentence: bare, quoted (another language) or framed."""
        t = turn.t
        lang = detect_language(answer, t.lang)
        fragment = core(answer, lang)
        if fragment and not fragment.endswith("…") and fits(fragment, lang):
            return fragment if lang == t.lang else t("mission.quoted", text=fragment)
        words = clip(answer, PART_CHARS) or clip(answer, DREAM_CHARS)  # whole clauses, never a cut one
        return t(f"mission.{role}_framed", text=words.rstrip(" .")) if words else None

    def _dream(self, turn: Turn, answer: str) -> str | None:
        """The dream after "with this dream in mind:"; left out when it speaks to me or asks something."""
        t = turn.t
        lang = detect_language(answer, t.lang)
        fragment = re.sub(r"^(?:que|qu'|that)\s*", "", core(answer, lang), flags=re.IGNORECASE)
        if not fragment or fragment.endswith("…") or "?" in answer or _SECOND_PERSON.search(normalise(fragment)):
            return None
        peeled = not normalise(answer).startswith(normalise(fragment)[:20])
        if peeled and not _DREAM_OPENER.match(normalise(answer)):
            # "I'd love people to…" loses its verb when peeled: the whole answer, quoted, keeps it grammatical.
            words = clip(answer, DREAM_CHARS)
            return t("mission.quoted", text=words.rstrip(" .")) if words else None
        return fragment if lang == t.lang else t("mission.quoted", text=fragment)

    def enter_finale(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """The suggestion, the user's own sentence, confirming it."""
        t = turn.t
        stop = ("stop", "stop")
        if step == STATEMENT:
            data["draft"] = data.get("suggested") or self.suggestion(turn, data)
            data["suggested"] = data["draft"]
            if not data["draft"]:
                return Entered([Reply(t("mission.statement_empty"), self.buttons(turn, stop))], data=data)
            return Entered([Reply(t("mission.statement", mission=data["draft"]),
                                  self.buttons(turn, ("keep_it", "keep"), ("rewrite_it", "edit"), stop))], data=data)
        if step == REWRITE:
            why = data.get("_why")
            key = {"short": "mission.rewrite_short", "long": "mission.rewrite_long"}.get(str(why), "mission.rewrite")
            pairs = [("back", "back")] if data.get("suggested") else []
            return Entered([Reply(t(key), self.buttons(turn, *pairs, stop))], data=data)
        if step == CONFIRM:
            new = data.pop("_new", None)
            if new is not None:
                data["draft"] = clean(new)[:MISSION_CHARS]
            return Entered([Reply(t("mission.confirm", mission=data.get("draft", "")),
                                  self.buttons(turn, ("confirm_it", "keep"), ("rewrite_it", "edit"), stop))],
                           data=data)
        if step == END:
            mission = str(data.get("draft") or "")
            effects: list[object] = [
                SetMission(mission),
                AddJournalDetails(self.kind, mission, "mission", (), {"step": STATEMENT}),
            ]
            return Entered([Reply(t("mission.kept", mission=mission))], effects)
        return super().enter_finale(step, turn, data)
