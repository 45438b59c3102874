"""BM25 over the passages, with accent folding, stop words and Snowball stemming (FR and EN)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_FRENCH

_WORD = re.compile(r"\w\w+", re.UNICODE)
_STEMMERS = {"fr": "french", "en": "english"}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Tokenizer:
    """Folds accents, drops stop words, stems with the language's Snowball stemmer."""

    def __init__(self, lang: str) -> None:
        self.stemmer = Stemmer.Stemmer(_STEMMERS[lang])
        words = STOPWORDS_FRENCH if lang == "fr" else STOPWORDS_EN
        self.stopwords = {_fold(w) for w in words}

    def __call__(self, text: str) -> list[str]:
        """The stemmed terms of ``text``."""
        words = [w for w in _WORD.findall(_fold(text)) if w not in self.stopwords]
        return self.stemmer.stemWords(words)


class LexicalIndex:
    """One BM25 index per language over the given texts."""

    def __init__(self, ids: Sequence[str], texts: Sequence[str], lang: str) -> None:
        self.ids = list(ids)
        self.tokenize = Tokenizer(lang)
        self.index = bm25s.BM25()
        if self.ids:  # bm25s cannot index an empty corpus
            self.index.index([self.tokenize(t) or ["_"] for t in texts], show_progress=False)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """The ``k`` best ids with their BM25 scores (only those with a positive score)."""
        terms = self.tokenize(query)
        if not terms or not self.ids:
            return []
        scores = self.index.get_scores(terms)
        k = min(k, len(self.ids))
        best = np.argsort(-scores)[:k]
        return [(self.ids[i], float(scores[i])) for i in best if scores[i] > 0]
