"""Word error rate: word-level edit distance over the reference length, after light normalisation."""

from __future__ import annotations

import re
import unicodedata


def words(text: str) -> list[str]:
    """Lower-case words without punctuation (an apostrophe splits "n'en" into "n" and "en")."""
    folded = unicodedata.normalize("NFC", text).lower().replace("’", "'")
    return re.findall(r"\w+", folded)


def wer(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / words of the reference."""
    ref, hyp = words(reference), words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, 1):
        current = [i]
        for j, heard in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != heard)))
        previous = current
    return previous[-1] / max(len(ref), 1)
