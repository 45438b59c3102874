"""The hybrid retriever exposed to langchain, so chains can compose ``retriever | prompt | model``."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from companion.knowledge.retriever import HybridRetriever


class KnowledgeRetriever(BaseRetriever):
    """A langchain retriever over Compagnon's knowledge base."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    hybrid: HybridRetriever
    k: int = 3
    lang: str | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        """The best passages as documents, with their theme, language, title and source in the metadata."""
        hits = self.hybrid.search(query, self.lang, self.k)
        return [
            Document(page_content=hit.body, id=hit.id,
                     metadata=_metadata(hit.id, hit.theme, hit.lang, hit.title, hit.source, hit.score))
            for hit in hits
        ]


def _metadata(passage_id: str, theme: str, lang: str, title: str, source: str, score: float) -> dict[str, Any]:
    return {"id": passage_id, "theme": theme, "lang": lang, "title": title, "source": source, "score": score}
