"""Bounded conversation memory: long journeys are summarised so a prompt never exceeds the context."""

from __future__ import annotations

from collections.abc import Sequence

from companion.engine.synthesis import sentences
from companion.engine.text import clean, excerpt

MIN_SHARE = 80
"""Characters below which an older answer is left out rather than summarised."""
CHARS_PER_TOKEN = 3
"""A cautious estimate (French and English text average nearer four characters per token)."""


def token_estimate(text: str) -> int:
    """An upper-side estimate of the tokens of ``text``."""
    return len(text) // CHARS_PER_TOKEN + 1


def budget_chars(context_tokens: int, max_output_tokens: int, prompt_overhead_tokens: int = 600) -> int:
    """Characters left for the user's words once the instructions and the answer have their room."""
    return max(400, (context_tokens - max_output_tokens - prompt_overhead_tokens) * CHARS_PER_TOKEN)


def summarise(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters: whole when it fits, else its opening sentences, cut at a word."""
    text = clean(text)
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in sentences(text):
        if len(kept) + len(sentence) + 1 > limit - 1:
            break
        kept = f"{kept} {sentence}".strip()
    return (kept + " …") if kept else excerpt(text, limit)


def fit_pairs(pairs: Sequence[tuple[str, str]], limit: int) -> str:
    """(question, answer) pairs as one text of at most ``limit`` characters.

    Everything is kept when it fits. Otherwise the newest answer has up to half the room and the older ones
    share the rest, each summarised; the oldest are left out when even a short summary no longer fits.
    """
    lines = [(clean(q), clean(a)) for q, a in pairs if clean(a)]
    rendered = [f"- {q}\n  {a}" for q, a in lines]
    if sum(len(r) + 1 for r in rendered) <= limit:
        return "\n".join(rendered)
    share = max(MIN_SHARE, (limit // 2) // max(1, len(lines) - 1))
    out: list[str] = []
    left = limit
    for i, (question, answer) in enumerate(reversed(lines)):
        head = f"- {excerpt(question, 80)}\n  "
        room = min(left, limit // 2 if i == 0 else share) - len(head) - 1
        if room < MIN_SHARE // 2:
            break
        line = head + summarise(answer, room)
        out.append(line)
        left -= len(line) + 1
    return "\n".join(reversed(out))


def fit_texts(texts: Sequence[str], limit: int) -> str:
    """Earlier answers without their questions, within ``limit`` characters (newest kept first)."""
    return fit_pairs([("", t) for t in texts], limit).replace("- \n  ", "- ")
