"""Normalise a message once: phone spellings read as words (``data/sms.toml``), and its language guessed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from companion.analysis.data import load_toml

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)
_FR_WORDS = frozenset(
    [
        "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "le", "la", "les", "un", "une",
        "des", "du", "de", "et", "est", "c", "ça", "ca", "pas", "plus", "que", "qui", "quoi", "mais", "ou",
        "donc", "pour", "avec", "sans", "sur", "dans", "chez", "mon", "ma", "mes", "ton", "ta", "tes",
        "son", "sa", "ses", "moi", "toi", "très", "tres", "trop", "bien", "merci", "salut", "bonjour",
        "coucou", "oui", "non", "ai", "as", "suis", "es", "sommes", "êtes", "etes", "fait", "faire",
        "jsuis", "chui", "jsp", "pk", "tkt", "mdr", "ptdr", "bcp", "tjs", "slt", "cc", "dsl", "stp",
        "aussi", "encore", "déjà", "deja", "rien", "tout", "tous", "toute", "comme", "quand", "parce"
    ]
)
_EN_WORDS = frozenset(
    [
        "i", "you", "he", "she", "we", "they", "it", "the", "a", "an", "and", "is", "are", "was", "were",
        "am", "not", "no", "yes", "to", "of", "in", "on", "at", "for", "with", "without", "my", "your",
        "his", "her", "our", "their", "me", "him", "us", "them", "this", "that", "what", "why", "how",
        "who", "when", "because", "so", "but", "or", "just", "really", "very", "too", "thanks", "thank",
        "hello", "hi", "hey", "ok", "lol", "lmao", "idk", "tbh", "ngl", "u", "ur", "im", "i'm", "don't",
        "can't", "do", "does", "did", "have", "has", "be", "been", "would", "could", "should", "will",
        "gonna", "wanna"
    ]
)


def plain(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with typographic apostrophes made straight."""
    lowered = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _sms_table() -> dict[str, dict[str, str]]:
    data = load_toml("sms.toml")
    return {lang: {plain(key): value for key, value in data.get(lang, {}).items()} for lang in ("fr", "en")}


def detect_language(text: str, default: str = "fr") -> str:
    """``fr`` or ``en`` from common words; ``default`` when nothing tells them apart."""
    words = _WORD.findall(plain(text))
    fr = sum(1 for w in words if w in _FR_WORDS or w.split("'")[0] in ("j", "c", "l", "d", "m", "t", "n", "qu"))
    en = sum(1 for w in words if w in _EN_WORDS)
    if fr == en:
        return default
    return "fr" if fr > en else "en"


_LOST_APOSTROPHE = re.compile(r"\b([jJlLmMtTdDsSnNcC]|[qQ]u) (?=[aeiouhyéèêàâîôûAEIOUHYÉ])")


def expand_phone_spelling(text: str, lang: str) -> str:
    """``text`` with its phone spellings written out (``jsuis pas vener`` → ``je suis pas énervé``, ``j en`` →
    ``j'en``)."""
    table = _sms_table().get(lang, {})
    if not table:
        return text
    if lang == "fr":
        text = _LOST_APOSTROPHE.sub(r"\1'", text)

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        return table.get(plain(word), word)

    return _WORD.sub(replace, text)
