"""One in-memory knowledge base for engine tests, and the small question bank that goes with it."""

from __future__ import annotations

from collections.abc import Iterable

from companion.engine.ports import KnowledgeHit
from companion.engine.questions import Question, QuestionBank

NOTHING = "rien"
"""A query with this word finds nothing (the 'nothing found' answer under test)."""

ASK_PASSAGES = (
    KnowledgeHit("trolls-fr-01", "trolls-et-defense", "fr", "Ne pas nourrir le troll", "Pratique courante",
                 "Un troll cherche ta réaction. Ne lui réponds pas. Garde une capture avant de bloquer.", 0.0),
    KnowledgeHit("cnv-fr-01", "cnv", "fr", "Les quatre étapes", "CNV (M. Rosenberg)",
                 "Observation, sentiment, besoin, demande.", 0.0),
)
"""Two French passages, in the order the answer flow is given them."""


def _hit(pid: str, theme: str, lang: str, title: str) -> KnowledgeHit:
    body = f"Première phrase sur {title}. Deuxième phrase qui prolonge l'idée. Troisième phrase."
    return KnowledgeHit(pid, theme, lang, title, f"Source {pid}", body, 0.0)


JOURNEY_THEMES = ("personnage", "emotions", "mission", "avant-de-repondre", "bien-commun", "famille",
                  "trolls-et-defense")
JOURNEY_PASSAGES = tuple(_hit(f"{theme}-{lang}-{n}", theme, lang, f"{theme} {n}")
                         for theme in JOURNEY_THEMES for lang in ("fr", "en") for n in (1, 2, 3))
"""Three passages per journey theme and language."""


class FakeKnowledge:
    """The passages of the asked language in their order (``first_theme`` ones first); nothing for 'rien'.

    With the journeys' passages and an off-topic ``first_theme``, a flow must pick its passages by theme.
    """

    def __init__(self, passages: Iterable[KnowledgeHit] = ASK_PASSAGES, first_theme: str | None = None) -> None:
        self.passages = list(passages)
        self.first_theme = first_theme
        self.queries: list[str] = []

    def search(self, text: str, lang: str | None = None, k: int = 3) -> list[KnowledgeHit]:
        self.queries.append(text)
        if NOTHING in text:
            return []
        found = [p for p in self.passages if p.lang == (lang or "fr")]
        return sorted(found, key=lambda p: p.theme != self.first_theme)[:k]

    def get(self, passage_id: str) -> KnowledgeHit | None:
        return next((p for p in self.passages if p.id == passage_id), None)


def journey_knowledge() -> FakeKnowledge:
    """Every journey passage, the troll ones first (off-theme for every journey step)."""
    return FakeKnowledge(JOURNEY_PASSAGES, first_theme="trolls-et-defense")


BANK = QuestionBank({
    lang: (Question("q1", "trolls-et-defense", ("daily",), f"Question troll {lang} ?"),
           Question("q2", "cnv", ("daily",), f"Question cnv {lang} ?"))
    for lang in ("fr", "en")
})
"""Two daily questions per language, on the themes of ``ASK_PASSAGES``."""


TROLL_PASSAGE = KnowledgeHit("p1", "trolls", "fr", "Ne pas nourrir le troll", "le livre",
                             "Un troll cherche une réaction. Ne pas répondre le prive de ce qu'il cherche.", 0.9)


class KnowledgeSpy(FakeKnowledge):
    """One passage for every question, in any language; ``searches`` counts how often it was asked."""

    def __init__(self) -> None:
        super().__init__((TROLL_PASSAGE,))

    @property
    def searches(self) -> int:
        return len(self.queries)

    def search(self, text: str, lang: str | None = None, k: int = 3) -> list[KnowledgeHit]:
        self.queries.append(text)
        return [TROLL_PASSAGE]
