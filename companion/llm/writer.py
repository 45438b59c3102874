"""The engine's ``Writer`` port on a langchain chat model: prompt | model | parser, guarded, within a deadline.

Every call runs in a worker thread and is given up at the deadline; every output goes through
:mod:`companion.llm.guards`; JSON outputs are retried once when invalid. Whatever goes wrong, the method
returns ``None`` and the flow keeps its offline text. Logs say which path was taken, never the text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda, RunnablePassthrough

from companion.analysis.tension import find_markers
from companion.engine.nvc import NvcLists
from companion.engine.ports import KnowledgeHit, WrittenAnswer
from companion.llm import guards
from companion.llm.guards import Analyser, Limits, Rejected
from companion.llm.memory import budget_chars, fit_pairs, fit_texts, summarise
from companion.llm.metrics import Breaker, PathCounter
from companion.llm.prompts import as_data, load_prompt

logger = logging.getLogger(__name__)
T = TypeVar("T")

LIMITS = {
    "reflect": Limits(30, 700),
    "portrait": Limits(60, 1200),
    "mission": Limits(15, 300),
    "nvc_draft": Limits(40, 700),
    "draft_feedback": Limits(30, 600),
    "answer": Limits(30, 1200),
}
REGISTER = {("fr", False): "Tutoie la personne.", ("fr", True): "Vouvoie la personne.",
            ("en", False): "Speak to the person directly.", ("en", True): "Speak to the person directly."}
NONE = {"fr": "aucun", "en": "none"}
INVALID_RETRIES = 1
INVALID_ERRORS = frozenset({"LengthFinishReasonError", "ContentFilterFinishReasonError", "OutputParserException"})
"""Errors that mean the server answered but the answer is unusable (e.g. JSON cut by the token limit)."""
"""An output that fails its checks is asked for once more (time allowing), then the offline text is used."""


def json_mode(model: BaseChatModel) -> Runnable[Any, Any]:
    """The model asked for a JSON object where the provider supports it (the prompt asks for one anyway)."""
    name = type(model).__name__
    if name in ("ChatOpenAI", "AzureChatOpenAI", "ChatMistralAI"):
        return model.bind(response_format={"type": "json_object"})
    if name == "ChatOllama":
        return model.bind(format="json")
    return model


class PassagesRetriever(BaseRetriever):
    """The passages the engine already retrieved, as a langchain retriever (one search per question)."""

    documents: list[Document]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return list(self.documents)


def hit_document(hit: KnowledgeHit) -> Document:
    """A knowledge passage as a langchain document (same metadata as ``companion.knowledge.lc``)."""
    return Document(page_content=hit.body, id=hit.id,
                    metadata={"id": hit.id, "theme": hit.theme, "lang": hit.lang, "title": hit.title,
                              "source": hit.source, "score": hit.score})


def format_passages(documents: Sequence[Document], limit: int) -> str:
    """Passages as data: ``[id] title`` then the text, each within its share of ``limit`` characters."""
    share = max(200, limit // max(1, len(documents)))
    blocks = [f"[{d.metadata.get('id', d.id)}] {d.metadata.get('title', '')}\n{summarise(d.page_content, share)}"
              for d in documents]
    return as_data("\n\n".join(blocks))


def answer_chain(retriever: BaseRetriever, model: Runnable[Any, Any], lang: str, limit: int,
                 prompts_root: Path | None = None) -> Runnable[Any, str]:
    """``retriever | prompt | model | parser``: input ``{"query", "question", "register"}``, output raw JSON text."""
    ids = RunnableLambda(lambda x: ", ".join(str(d.metadata.get("id", d.id)) for d in x["docs"]))
    return (
        RunnablePassthrough.assign(docs=itemgetter("query") | retriever)
        | RunnablePassthrough.assign(passages=RunnableLambda(lambda x: format_passages(x["docs"], limit)),
                                     passage_ids=ids)
        | load_prompt("answer", lang, prompts_root)
        | model
        | StrOutputParser()
    )


class LlmWriter:
    """Implements :class:`companion.engine.ports.Writer` with a chat model."""

    def __init__(self, model: BaseChatModel, nvc: NvcLists, *, timeout: float = 8.0, stream: bool = True,
                 context_tokens: int = 4096, max_tokens: int = 400, analyser: Analyser = find_markers,
                 counter: PathCounter | None = None, breaker: Breaker | None = None,
                 prompts_root: Path | None = None) -> None:
        self.model = model
        self.nvc = nvc
        self.timeout = timeout
        self.stream = stream
        self.budget = budget_chars(context_tokens, max_tokens)
        self.analyser = analyser
        self.counter = counter or PathCounter()
        self.breaker = breaker or Breaker()
        self.prompts_root = prompts_root
        self._pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="llm")

    def close(self) -> None:
        """Stop the worker threads (calls in flight finish on their own timeout)."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    # -- the port ----------------------------------------------------------------------------------------

    def reflect(self, question: str, answer: str, earlier: Sequence[str], lang: str, formal: bool) -> str | None:
        """Two or three warm sentences on a journal or journey answer."""
        values = {"register": _register(lang, formal), "question": as_data(question),
                  "earlier": as_data(fit_texts(earlier, self.budget // 3)) or NONE[_lang(lang)],
                  "answer": as_data(summarise(answer, self.budget // 2))}
        return self._text("reflect", lang, values, lambda raw: guards.check_text(raw, _lang(lang), LIMITS["reflect"],
                                                                                  self.analyser))

    def portrait(self, answers: Sequence[tuple[str, str]], lang: str, formal: bool) -> str | None:
        """The "personnage" portrait from the journey's answers."""
        values = {"register": _register(lang, formal), "answers": as_data(fit_pairs(answers, self.budget))}
        return self._text("portrait", lang, values,
                          lambda raw: guards.check_text(raw, _lang(lang), LIMITS["portrait"], self.analyser))

    def mission(self, answers: Sequence[tuple[str, str]], lang: str, formal: bool) -> str | None:
        """One mission statement from the journey's answers."""
        values = {"register": _register(lang, formal), "answers": as_data(fit_pairs(answers, self.budget))}
        return self._text("mission", lang, values,
                          lambda raw: guards.check_text(raw, _lang(lang), LIMITS["mission"], self.analyser))

    def their_side(self, received: str, markers: Sequence[str], lang: str) -> tuple[list[str], list[str]] | None:
        """Feeling and need ids the sender might have had, validated against the NVC lists."""
        feelings = [f.id for f in self.nvc.feelings if not f.met]
        values = {"markers": ", ".join(markers) or NONE[_lang(lang)], "feeling_ids": ", ".join(feelings),
                  "need_ids": ", ".join(n.id for n in self.nvc.needs),
                  "received": as_data(summarise(received, self.budget // 2))}
        allowed = set(feelings)

        def check(raw: str) -> tuple[list[str], list[str]]:
            found, needs = guards.check_their_side(raw, self.nvc)
            if not set(found) <= allowed:
                raise Rejected("feelings: a met feeling")
            return found, needs

        chain = load_prompt("their_side", lang, self.prompts_root) | json_mode(self.model) | StrOutputParser()
        return self._run("their_side", chain, values, check, stream=False)

    def nvc_draft(self, observation: str, feelings: Sequence[str], needs: Sequence[str], request: str,
                  lang: str) -> str | None:
        """An NVC draft that passes the analyser with no marker and has the four steps' shape."""
        values = {"feelings": ", ".join(feelings) or NONE[_lang(lang)], "needs": ", ".join(needs) or NONE[_lang(lang)],
                  "observation": as_data(summarise(observation, self.budget // 3)) or NONE[_lang(lang)],
                  "request": as_data(summarise(request, 400)) or NONE[_lang(lang)]}
        return self._text("nvc_draft", lang, values,
                          lambda raw: guards.check_draft(raw, _lang(lang), self.nvc, LIMITS["nvc_draft"],
                                                         self.analyser))

    def draft_feedback(self, draft: str, markers: Sequence[str], lang: str, formal: bool) -> str | None:
        """A few sentences of feedback, beside the analyser's markers."""
        values = {"register": _register(lang, formal), "markers": ", ".join(markers) or NONE[_lang(lang)],
                  "draft": as_data(summarise(draft, self.budget // 2))}
        return self._text("draft_feedback", lang, values,
                          lambda raw: guards.check_text(raw, _lang(lang), LIMITS["draft_feedback"], self.analyser))

    def answer(self, question: str, passages: Sequence[KnowledgeHit], lang: str,
               formal: bool) -> WrittenAnswer | None:
        """An answer from the passages only, citing those it used (none cited: they did not cover it)."""
        if not passages:
            return None
        retriever = PassagesRetriever(documents=[hit_document(h) for h in passages])
        chain = answer_chain(retriever, json_mode(self.model), _lang(lang), self.budget * 2 // 3, self.prompts_root)
        values = {"query": question, "question": as_data(summarise(question, 600)),
                  "register": _register(lang, formal)}
        ids = [h.id for h in passages]

        def check(raw: str) -> WrittenAnswer:
            text, cited = guards.check_answer(raw, ids, _lang(lang), LIMITS["answer"], self.analyser)
            return WrittenAnswer(text, cited)

        return self._run("answer", chain, values, check, stream=False)

    # -- running -----------------------------------------------------------------------------------------

    def _text(self, operation: str, lang: str, values: dict[str, str], check: Callable[[str], str]) -> str | None:
        chain = load_prompt(operation, lang, self.prompts_root) | self.model | StrOutputParser()
        return self._run(operation, chain, values, check, stream=self.stream, max_chars=LIMITS[operation].max_chars)

    def _run(self, operation: str, chain: Runnable[Any, str], values: dict[str, str], check: Callable[[str], T],
             *, stream: bool, max_chars: int = 4000) -> T | None:
        """Call, check, retry an invalid output once; ``None`` (offline) on any failure or at the deadline."""
        started = time.monotonic()
        if not self.breaker.allows():
            return self._offline(operation, "offline-unavailable", "provider failing, skipped", started)
        deadline = started + self.timeout
        path, reason = "offline-invalid", ""
        for _attempt in range(1 + INVALID_RETRIES):
            remaining = deadline - time.monotonic()
            if remaining <= 0.05:
                path, reason = "offline-timeout", "no time left"
                break
            future = self._pool.submit(_complete, chain, values, stream, max_chars)
            try:
                raw = future.result(timeout=remaining)
            except FutureTimeout:
                future.cancel()
                self.breaker.failure()
                path, reason = "offline-timeout", f"no answer within {self.timeout:g}s"
                break
            except Exception as error:  # any provider or transport error: the offline text answers instead
                if type(error).__name__ in INVALID_ERRORS:
                    self.breaker.success()
                    path, reason = "offline-invalid", type(error).__name__
                    continue
                self.breaker.failure()
                path = "offline-timeout" if _is_timeout(error) else "offline-error"
                reason = type(error).__name__
                break
            self.breaker.success()
            try:
                result = check(raw)
            except Rejected as rejected:
                path, reason = "offline-invalid", str(rejected)
                continue
            self.counter.record(operation, "model")
            logger.info("llm %s: model in %.0f ms", operation, (time.monotonic() - started) * 1000)
            return result
        return self._offline(operation, path, reason, started)

    def _offline(self, operation: str, path: str, reason: str, started: float) -> None:
        self.counter.record(operation, path)
        logger.info("llm %s: %s (%s) in %.0f ms", operation, path, reason, (time.monotonic() - started) * 1000)
        return None


def _is_timeout(error: BaseException) -> bool:
    """True for the client's own timeouts (openai's APITimeoutError, httpx's, asyncio's): the same path as ours.

    The client's timeout and the writer's deadline are the same setting, so either may fire first.
    """
    return isinstance(error, TimeoutError) or any("Timeout" in cls.__name__ for cls in type(error).__mro__)


def _complete(chain: Runnable[Any, str], values: dict[str, str], stream: bool, max_chars: int) -> str:
    """Run the chain; when streaming, stop reading once the answer is longer than any acceptable one."""
    if not stream:
        return chain.invoke(values)
    parts: list[str] = []
    size = 0
    for chunk in chain.stream(values):
        parts.append(chunk)
        size += len(chunk)
        if size > max_chars + 200:
            break  # closing the stream closes the connection: the server stops generating
    return "".join(parts)


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "fr"


def _register(lang: str, formal: bool) -> str:
    return REGISTER[(_lang(lang), formal and _lang(lang) == "fr")]
