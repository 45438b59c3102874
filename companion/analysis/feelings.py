"""Feelings the writer names, by whole expressions (``data/feeling_words.toml``), not substrings.

An expression counts only when it is the writer's own feeling: not inside quotes (someone else's post), not
negated ("pas en colère, juste déçue"), and not said of someone else ("ma mère est furieuse").
"""

from __future__ import annotations

import re
from functools import lru_cache

from companion.analysis.data import load_toml
from companion.analysis.normalise import plain

_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|«[^»\n]{1,300}»|“[^”\n]{1,300}”")
_CLAUSE = re.compile(r"[.;!?\n]+|,|\b(?:mais|but|alors que|whereas|while|et moi|and i|moi je|perso)\b")
_NEGATION = re.compile(
    r"(?:\b(?:pas|plus|jamais|ni|not|never|no longer|isn t|aren t|wasn t|don t|doesn t|didn t|ain t|n ai|n est)"
    r"(?: \w+){0,3}$)"
)
_OTHERS = re.compile(
    r"\b(?:il|elle|ils|elles|lui|eux|he|she|they|him|them|(?:mon|ma|mes|my|sa|son|ses|his|her|their|le|la|les|the)"
    r" \w+)(?: \w+){0,2} (?:est|etait|sont|etaient|a l air|avait l air|semble|semblait|se sent|s est senti\w*|is|was"
    r"|are|were|s|re|seems|seemed|looks|looked|felt|feels|got|gets)(?: \w+){0,2}$"
)
_REPEATS = re.compile(r"([a-z])\1+")
_APOSTROPHE = re.compile(r"['’]")


def _squeeze(text: str) -> str:
    """Plain text with apostrophes as spaces, other punctuation kept, letters repeated in a row counted once."""
    return _REPEATS.sub(r"\1", _APOSTROPHE.sub(" ", plain(text)))


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(feeling id, regex of its expressions in both languages), in file order."""
    table = load_toml("feeling_words.toml").get("feelings", {})
    compiled = []
    for feeling_id, forms in table.items():
        words = sorted({_squeeze(w).strip() for lang in ("fr", "en") for w in forms.get(lang, []) if w.strip()},
                       key=len, reverse=True)
        if words:
            body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
            compiled.append((feeling_id, re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")))
    return tuple(compiled)


def named_feelings(text: str) -> list[str]:
    """Ids of the feelings the writer names as their own, in the order they appear."""
    unquoted = _QUOTED.sub(" ", text)
    squeezed = _squeeze(unquoted)
    found: list[tuple[int, str]] = []
    for feeling_id, regex in _lexicon():
        for match in regex.finditer(squeezed):
            if _own(squeezed, match.start()):
                found.append((match.start(), feeling_id))
                break
    ordered: list[str] = []
    for _, feeling_id in sorted(found):
        if feeling_id not in ordered:
            ordered.append(feeling_id)
    return ordered


def _own(text: str, start: int) -> bool:
    """Is the expression at ``start`` the writer's feeling (not negated, not someone else's)?"""
    before = text[:start]
    cut = max((m.end() for m in _CLAUSE.finditer(before)), default=0)
    clause = re.sub(r"[^a-z0-9 ]+", " ", before[cut:]).strip()
    clause = re.sub(r"\s+", " ", clause)
    if _NEGATION.search(clause):
        return False
    return not _OTHERS.search(clause)
