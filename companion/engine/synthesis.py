"""Offline answers: the passage sentences closest to the question, in their original order."""

from __future__ import annotations

import functools
import re

from companion.engine.text import normalise

_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZÀ-ÖØ-Þ0-9-])")
_WORD = re.compile(r"[a-z0-9]{3,}")
_COMMON = frozenset(
    [
        "les",
        "des",
        "une",
        "que",
        "qui",
        "pour",
        "avec",
        "sur",
        "dans",
        "pas",
        "est",
        "son",
        "ses",
        "tes",
        "mes",
        "ton",
        "vos",
        "nos",
        "aux",
        "par",
        "plus",
        "mais",
        "ont",
        "the",
        "and",
        "for",
        "you",
        "your",
        "with",
        "that",
        "this",
        "are",
        "not",
        "but",
        "can",
        "from",
        "have",
        "what",
        "how",
        "why",
        "when",
        "who",
    ]
)


def sentences(body: str) -> list[str]:
    """Split a passage into sentences (list items count as sentences)."""
    out: list[str] = []
    for block in body.split("\n"):
        block = block.strip().lstrip("-• ").strip()
        if block:
            out.extend(s.strip() for s in _SENTENCE.split(block) if s.strip())
    return out


def _terms(text: str) -> set[str]:
    # A five-letter prefix is a cheap stem that works for French and English alike.
    return {w[:5] for w in _WORD.findall(normalise(text)) if w not in _COMMON}


def key_sentences(question: str, body: str, limit: int = 3, max_chars: int = 480) -> list[str]:
    """The run of up to ``limit`` consecutive sentences of ``body`` sharing most terms with ``question``.

    Consecutive sentences keep the passage's own thread (a sentence often leans on the one before).
    """
    found, terms = _sentence_terms(body)
    if not found:
        return []
    wanted = _terms(question)
    overlap = [len(wanted & sentence_terms) for sentence_terms in terms]
    best: tuple[int, int] = (0, 1)
    best_score = -1
    for start in range(len(found)):
        end, total = start, 0
        while end < len(found) and end - start < limit and (end == start or total + len(found[end]) <= max_chars):
            total += len(found[end])
            end += 1
        score = sum(overlap[start:end])
        if score > best_score:
            best, best_score = (start, end), score
    return list(found[best[0] : best[1]])


@functools.lru_cache(maxsize=512)
def _sentence_terms(body: str) -> tuple[tuple[str, ...], tuple[frozenset[str], ...]]:
    """A passage's plain sentences and the terms of each, worked out once per passage (the knowledge base is
    a few hundred passages, and every question reads one to three of them)."""
    found = tuple(plain(s) for s in sentences(body))
    return found, tuple(frozenset(_terms(sentence)) for sentence in found)


_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}([^*\n]+?)\*{1,2}(?![\w*])")


def plain(text: str) -> str:
    """Drop markdown emphasis markers (``*livre*`` → ``livre``) for channels that show plain text."""
    return _EMPHASIS.sub(r"\1", text)
