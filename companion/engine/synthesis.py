"""Offline answers: the passage sentences closest to the question, in their original order."""

from __future__ import annotations

import functools
import re

from companion.engine.text import normalise

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
            out.extend(_split_prose(block))
    return out


# A sentence ends at . ! ? or …, perhaps followed by a closing quote, before the capital of the next one.
_END = re.compile(r"[.!?…]+(?:\s?[»”\"])?\s+(?=[«“\"A-ZÀ-ÖØ-Þ0-9])")
# Words whose full stop does not end a sentence: initials (M. Rosenberg) and common abbreviations.
_ABBREVIATIONS = frozenset({"m", "mm", "mme", "mlle", "dr", "pr", "st", "mr", "mrs", "ms", "cf", "ex", "p", "e.g",
                            "i.e", "vs", "no", "art", "av", "env"})
_LAST_WORD = re.compile(r"([\w.]+)[.!?…]+$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_OPENING = re.compile(r"^[«“\"(]?\s?[A-ZÀ-ÖØ-Þ]")
_CLOSING = re.compile(r"[.!?…](?:\s?[»”\")])?$")


def _split_prose(text: str) -> list[str]:
    """The sentences of one line of prose; never inside quotes, never after an initial or abbreviation."""
    out: list[str] = []
    start = 0
    for match in _END.finditer(text):
        candidate = text[start : match.end()].strip()
        last = _LAST_WORD.search(candidate.rstrip("»”\" "))
        if last and last.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if last and len(last.group(1)) == 1 and last.group(1).isupper():
            continue
        if candidate.count("«") != candidate.count("»") or candidate.count('"') % 2 or \
                candidate.count("“") != candidate.count("”"):
            continue
        out.append(candidate)
        start = match.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def excerpt_units(body: str) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[bool, ...]]:
    """The prose sentences an excerpt is made of, with whether each may open and close one.

    List items, headings and numbered steps never appear in an excerpt (they lean on their list); a list
    also breaks a run, so an excerpt is consecutive prose. A sentence opens an excerpt when it starts with a
    capital or an opening quote, and closes one when it ends with . ! ? or … (not with a colon).
    """
    units: list[str] = []
    opens: list[bool] = []
    closes: list[bool] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if _LIST_ITEM.match(stripped) or stripped.startswith("#"):
            units.append("")  # a break: a run never crosses a list
            opens.append(False)
            closes.append(False)
            continue
        for sentence in _split_prose(plain(stripped)):
            units.append(sentence)
            opens.append(bool(_OPENING.match(sentence)))
            closes.append(bool(_CLOSING.search(sentence)))
    return tuple(units), tuple(opens), tuple(closes)


def excerpt_runs(body: str, limit: int = 3, max_chars: int = 480) -> list[tuple[int, int]]:
    """Every run of sentences (start, end) that ``key_sentences`` may show, longest first from each start."""
    units, opens, closes = excerpt_units(body)
    runs: list[tuple[int, int]] = []
    for start in range(len(units)):
        if not (units[start] and opens[start]):
            continue
        end, total, best = start, 0, None
        while end < len(units) and units[end] and end - start < limit and (end == start or
                                                                            total + len(units[end]) <= max_chars):
            total += len(units[end])
            end += 1
            if closes[end - 1]:
                best = end
        if best is not None:
            runs.append((start, best))
    return runs


def terms(text: str) -> set[str]:
    """The content words of ``text`` as five-letter prefixes, a cheap stem for French and English alike."""
    return {w[:5] for w in _WORD.findall(normalise(text)) if w not in _COMMON}


def key_sentences(question: str, body: str, limit: int = 3, max_chars: int = 480) -> list[str]:
    """The run of up to ``limit`` consecutive sentences of ``body`` sharing most terms with ``question``.

    Consecutive sentences keep the passage's own thread (a sentence often leans on the one before); a run
    starts and ends at sentence boundaries and never cuts into a list (see ``excerpt_units``).
    """
    runs = excerpt_runs(body, limit, max_chars)
    if not runs:
        return []
    found, found_terms = _sentence_terms(body)
    wanted = terms(question)
    overlap = [len(wanted & sentence_terms) for sentence_terms in found_terms]
    best = max(runs, key=lambda run: (sum(overlap[run[0] : run[1]]), -run[0]))
    return list(found[best[0] : best[1]])


@functools.lru_cache(maxsize=512)
def _sentence_terms(body: str) -> tuple[tuple[str, ...], tuple[frozenset[str], ...]]:
    """A passage's excerpt sentences and the terms of each, worked out once per passage (the knowledge base
    is a few hundred passages, and every question reads one to three of them)."""
    found = excerpt_units(body)[0]
    return found, tuple(frozenset(terms(sentence)) for sentence in found)


_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}([^*\n]+?)\*{1,2}(?![\w*])")


def plain(text: str) -> str:
    """Drop markdown emphasis markers (``*livre*`` → ``livre``) for channels that show plain text."""
    return _EMPHASIS.sub(r"\1", text)
