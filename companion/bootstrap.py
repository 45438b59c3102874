"""The one place that builds concrete adapters from settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from companion.analysis.screening import CrisisScreen
from companion.config import Settings
from companion.engine import Engine
from companion.knowledge import KnowledgeBase, open_knowledge
from companion.prompts import load_nvc_lists, load_question_bank
from companion.service import ConversationService
from companion.storage import SqlStore, make_engine, migrate

logger = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything a channel needs."""

    settings: Settings
    store: SqlStore
    conversations: ConversationService
    knowledge: KnowledgeBase


def build_knowledge(settings: Settings, progress: Callable[[int, int], None] | None = None) -> KnowledgeBase:
    """Open the knowledge index, ingesting what is missing or stale (no work when up to date)."""
    return open_knowledge(
        settings.data_dir, chroma_host=settings.chroma_host, chroma_port=settings.chroma_port,
        root=settings.knowledge_dir, progress=progress, dense=settings.retrieval == "hybrid",
        cache_path=settings.resolved_embedding_cache,
    )


def build_services(settings: Settings, *, run_migrations: bool = True,
                   progress: Callable[[int, int], None] | None = None) -> Services:
    """Connect the database (migrating it), open the knowledge base and wire the engine to them."""
    db = make_engine(settings.resolved_database_url)
    if run_migrations:
        migrate(db)
    store = SqlStore(db)
    knowledge = build_knowledge(settings, progress)
    if knowledge.report and knowledge.report.changed:
        logger.info("knowledge index updated: %s", knowledge.report)
    engine = Engine(knowledge=knowledge.retriever, questions=load_question_bank(), screener=CrisisScreen(),
                    nvc=load_nvc_lists())
    conversations = ConversationService(store, engine, default_language=settings.default_language)
    return Services(settings, store, conversations, knowledge)


def configure_logging(level: str) -> None:
    """Plain logs on stderr; libraries that log request bodies are kept at WARNING."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "httpcore", "telegram.ext.Application", "alembic.runtime.migration", "bm25s", "chromadb"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
