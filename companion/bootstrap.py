"""The one place that builds concrete adapters from settings."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass

from companion.analysis.reader import build_reader
from companion.config import Settings
from companion.engine import Engine
from companion.knowledge import KnowledgeBase, open_knowledge
from companion.llm import LlmWriter, build_writer
from companion.observability import HealthServer, json_formatter
from companion.privacy.crypto import FieldCipher
from companion.privacy.logs import install as install_log_privacy
from companion.prompts import load_nvc_lists, load_question_bank
from companion.service import ConversationService
from companion.storage import SqlStore, open_store
from companion.voice import WhisperTranscriber

logger = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything a channel needs."""

    settings: Settings
    store: SqlStore
    conversations: ConversationService
    knowledge: KnowledgeBase
    writer: LlmWriter | None = None  # the language model, when COMPANION_LLM names one (its counter: .counter)


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
    cipher = FieldCipher(settings.encryption_key.get_secret_value()) if settings.encryption_key else None
    store = open_store(settings.resolved_database_url, cipher=cipher, wait=settings.db_retry_seconds,
                       migrations=run_migrations)
    knowledge = build_knowledge(settings, progress)
    if knowledge.report and knowledge.report.changed:
        logger.info("knowledge index updated: %s", knowledge.report)
    nvc = load_nvc_lists()
    writer = build_writer(settings, nvc)  # None for COMPANION_LLM=none; a missing provider package stops here
    engine = Engine(knowledge=knowledge.retriever, questions=load_question_bank(), reader=build_reader(),
                    nvc=nvc, writer=writer)
    conversations = ConversationService(store, engine, default_language=settings.default_language,
                                        flood_limit=settings.flood_limit, flood_window=settings.flood_window,
                                        transcriber=build_transcriber(settings))
    return Services(settings, store, conversations, knowledge, writer)


def build_transcriber(settings: Settings) -> WhisperTranscriber | None:
    """The voice adapter (its model loads on the first voice note), or None when COMPANION_VOICE is off."""
    if not settings.voice:
        return None
    return WhisperTranscriber(settings.data_dir / "models", threads=settings.voice_threads)


def health_checks(services: Services) -> dict[str, Callable[[], None]]:
    """What ``/healthz`` checks: the database answers, the knowledge index can be read."""

    return {"database": services.store.ping, "knowledge": services.knowledge.check}


def start_health_server(services: Services) -> HealthServer | None:
    """Serve ``/healthz`` and ``/metrics`` when ``COMPANION_HEALTH_PORT`` is set."""
    settings = services.settings
    if not settings.health_port:
        return None
    return HealthServer(settings.health_host, settings.health_port, health_checks(services)).start()


def configure_logging(level: str, fmt: str = "text") -> None:
    """Logs on stderr (plain or JSON); libraries that log request bodies are kept at WARNING."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if fmt == "json":
        for handler in logging.getLogger().handlers:
            handler.setFormatter(json_formatter())
    for noisy in ("httpx", "httpcore", "telegram.ext.Application", "alembic.runtime.migration", "bm25s", "chromadb",
                  "faster_whisper"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    install_log_privacy()  # whatever the level, library loggers never format request bodies or updates


def settle_heap() -> None:
    """Once start-up is done: collect, then freeze what is left, so that the collector stops walking it.

    What a bot process holds from start-up (the knowledge base, the models, the catalogues, ~250,000 objects)
    lives as long as the process. Python's full collections walk it all the same, pausing the process (see
    docs/performance.md). Objects frozen here are never collected as cycles, so call it once per process, not
    per test.
    """
    gc.collect()
    gc.freeze()
