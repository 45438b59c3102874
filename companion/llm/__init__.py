"""The language-model layer: a guarded ``Writer`` on any langchain chat model, offline when it cannot help."""

from __future__ import annotations

from companion.config import Settings
from companion.engine.nvc import NvcLists
from companion.llm.factory import build_chat_model
from companion.llm.metrics import Breaker, PathCounter
from companion.llm.writer import LlmWriter

__all__ = ["Breaker", "LlmWriter", "PathCounter", "build_chat_model", "build_writer"]


def build_writer(settings: Settings, nvc: NvcLists) -> LlmWriter | None:
    """The writer ``COMPANION_LLM`` asks for, or None for ``none`` (a missing provider package stops here)."""
    if settings.llm == "none":
        return None
    model = build_chat_model(settings)
    return LlmWriter(model, nvc, timeout=settings.llm_timeout, stream=settings.llm_stream,
                     context_tokens=settings.llm_context_tokens, max_tokens=settings.llm_max_tokens)
