"""Offline answers: the passage sentences closest to the question, in their original order."""

from __future__ import annotations

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
    """Up to ``limit`` sentences of ``body`` that share most terms with ``question``, in body order."""
    found = sentences(body)
    if not found:
        return []
    wanted = _terms(question)
    ranked = sorted(range(len(found)), key=lambda i: (-len(wanted & _terms(found[i])), i))
    chosen: list[int] = []
    total = 0
    for index in ranked:
        if len(chosen) == limit or (chosen and total + len(found[index]) > max_chars):
            continue
        chosen.append(index)
        total += len(found[index])
    if 0 not in chosen and len(chosen) < limit and total + len(found[0]) <= max_chars:
        chosen.append(0)  # the opening sentence usually states the idea
    return [found[i] for i in sorted(chosen)]
