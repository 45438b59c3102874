"""Tension markers of a message, quoted and explained: the explicit part of the reading's tension.

Lexicons and patterns live in ``data/tension_lexicon.toml``; this module matches them and maps every match back
to the message's own words. The level and protection come from :mod:`companion.analysis.reader`. Nothing leaves
the machine and no text is logged.
"""

from __future__ import annotations

import csv
import math
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from companion.analysis.data import load_toml
from companion.engine.reading import Marker

__all__ = [
    "KINDS",
    "Marker",
    "evaluate_tension",
    "explain",
    "find_markers",
    "read_labelled_csv",
]

KINDS = (
    "incitement",
    "blackmail",
    "doxxing",
    "threat",
    "hate",
    "exclusion",
    "insult",
    "contempt",
    "accusation",
    "sarcasm",
    "generalisation",
    "mockery",
    "condescension",
    "guilt_trip",
    "dismissal",
    "passive_aggression",
    "shouting",
    "profanity",
)
# Kinds that attack the person: a laugh after one of them reads as mockery.
_ATTACKS = frozenset({"threat", "exclusion", "insult", "contempt", "accusation", "hate", "mockery"})
# Only this much of a message is read for markers (a Telegram message is at most 4,096 characters).
MAX_CHARS = 20_000


# --- normalisation ---------------------------------------------------------------------------------------

_APOSTROPHES = frozenset("’‘`´ʼʹ′")
_DASHES = frozenset("‐‑‒–—―")
_SPECIAL = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"}


def _is_invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Mn", "Me") or char == "\ufeff"


def normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case, accent-free copy of ``text`` and, for each of its characters, the index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        if char in _APOSTROPHES:
            out.append("'")
            index.append(i)
            continue
        if char in _DASHES:
            out.append("-")
            index.append(i)
            continue
        if _is_invisible(char):
            continue
        lowered = char.lower()
        special = _SPECIAL.get(lowered)
        if special is not None:
            plain = special
        elif lowered.isascii():
            plain = lowered
        else:
            plain = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
        for c in plain:
            out.append(c)
            index.append(i)
    return "".join(out), index


# --- lexicon ---------------------------------------------------------------------------------------------

_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_SECOND_PERSON = re.compile(
    r"(?<![a-z'])(?:tu|vous|vos|votre|ton|ta|tes|toi|you|your|yours|u|ur|t'(?:es|as|etais|avais|fais|etes))"
    r"(?![a-z])"
)
_SENTENCE_END = re.compile(r"[.!?\n]+")


@dataclass(frozen=True)
class _Kind:
    name: str
    regex: re.Pattern[str] | None
    second_person: bool
    unless_warm: bool
    exceptions: re.Pattern[str] | None
    texts: dict[str, tuple[str, str]]


def _term_regex(term: str) -> str:
    """A lexicon term as a regex: stretchable letters, loose spaces and apostrophes, whole words."""
    prefix = term.endswith("*")
    body = term.rstrip("*").strip()
    parts: list[str] = []
    previous = ""
    for char in body:
        if char.isalpha() and char.isascii():
            if char != previous:
                parts.append(re.escape(char) + "+")
        elif char == " ":
            parts.append(r"[\s\-_.]+")
        elif char == "'":
            parts.append(r"['\s]?\s*")
        elif char == "-":
            parts.append(r"[\s\-]?")
        else:
            parts.append(re.escape(char))
        previous = char
    pattern = "".join(parts)
    if prefix:
        pattern += "[a-z]*"
    if body[:1].isalnum():
        pattern = r"(?<![a-z0-9])" + pattern
    if body[-1:].isalnum() or prefix:
        pattern += r"(?![a-z0-9])"
    return pattern


@lru_cache(maxsize=1)
def _lexicon_data() -> dict[str, Any]:
    return load_toml("tension_lexicon.toml")


def _terms_regex(terms: list[str]) -> re.Pattern[str] | None:
    """One regex for a list of lexicon terms, or None for an empty list."""
    alternatives = [_term_regex(t) for t in dict.fromkeys(terms)]
    return re.compile("|".join(f"(?:{a})" for a in alternatives)) if alternatives else None


@lru_cache(maxsize=1)
def _warm() -> re.Pattern[str] | None:
    """Warm words ("merci", "love"…), which keep a generalisation from reading as a reproach."""
    return _terms_regex(_lexicon_data().get("warm", {}).get("terms", []))


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, _Kind]:
    """Read and compile ``data/tension_lexicon.toml`` once."""
    data = _lexicon_data()
    macros: dict[str, str] = data.get("macros", {})

    def expand(pattern: str) -> str:
        return _MACRO.sub(lambda m: macros[m.group(1)], pattern)

    kinds: dict[str, _Kind] = {}
    for name in KINDS:
        entry = data["kinds"][name]
        alternatives = [_term_regex(t) for t in dict.fromkeys(entry.get("terms", []))]
        alternatives += [expand(p) for p in entry.get("patterns", [])]
        regex = re.compile("|".join(f"(?:{a})" for a in alternatives)) if alternatives else None
        texts = {lang: (entry[lang]["explanation"], entry[lang]["suggestion"]) for lang in ("fr", "en")}
        kinds[name] = _Kind(
            name=name,
            regex=regex,
            second_person=entry.get("context") == "second_person",
            unless_warm=bool(entry.get("unless_warm", False)),
            exceptions=_terms_regex(entry.get("exceptions", [])),
            texts=texts,
        )
    return kinds


# --- marker detection ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_PUNCT_RUN = re.compile(r"[!?]{3,}|\?!|!\?")
_LAUGH = re.compile(
    r"(?<![a-z])(?:mdr+|ptdr+|lol+|xd+|mort de rire|haha(?:ha)*|hihi+|lmao+|rofl)(?![a-z])|😂|🤣|😹"
)
_SCARE = re.compile(
    r"(?<![a-z])(?:ton|ta|tes|votre|vos|ce|cette|ces|your|this|these|that|le|la|les|the|un|une|des|an|a|as|for"
    r"|pour|comme|avais|avait|had|about|sur|promis|promised|so-called|soi-disant)\s+"
    r"(?P<quoted>[\"«“]\s*(?P<inner>[^\"«»“”\n]{2,30}?)\s*[\"»”])"
)


@dataclass(frozen=True)
class _Span:
    kind: str
    start: int  # in the original text
    end: int


def _mapped(index: list[int], start: int, end: int) -> tuple[int, int]:
    """Original [start, end) of the normalised span [start, end)."""
    return index[start], index[end - 1] + 1


def _sentence(norm: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around the normalised span [start, end)."""
    left = 0
    for match in _SENTENCE_END.finditer(norm, 0, start):
        left = match.end()
    stop = _SENTENCE_END.search(norm, end)
    return left, stop.start() if stop else len(norm)


def _lexicon_spans(norm: str, index: list[int]) -> list[_Span]:
    spans: list[_Span] = []
    for kind in _lexicon().values():
        if kind.regex is None:
            continue
        excepted = [e.span() for e in kind.exceptions.finditer(norm)] if kind.exceptions else []
        for match in kind.regex.finditer(norm):
            start, end = match.span()
            # trim spaces the loose patterns may have taken at the edges
            while start < end and norm[start].isspace():
                start += 1
            while end > start and norm[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            if kind.second_person or kind.unless_warm:
                left, right = _sentence(norm, start, end)
                if kind.second_person and _SECOND_PERSON.search(norm, left, right) is None:
                    continue
                warm = _warm()
                if kind.unless_warm and warm is not None and warm.search(norm, left, right) is not None:
                    continue
            if any(e_start < end and start < e_end for e_start, e_end in excepted):
                continue
            spans.append(_Span(kind.name, *_mapped(index, start, end)))
    return spans


def _shouting_spans(text: str) -> list[_Span]:
    """Runs of capitalised words when the message is mostly in capitals, and runs like ``!!!`` or ``?!``."""
    spans: list[_Span] = []
    words = [w for w in _WORD.finditer(text) if any(c.isupper() or c.islower() for c in w.group())]
    long_words = [w.group() for w in words if len(w.group()) >= 3]
    letters = sum(len(w) for w in long_words)
    share = sum(sum(1 for c in w if c.isupper()) for w in long_words) / letters if letters else 0.0
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for word in words:
        if word.group().isupper():
            current.append(word)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in runs:
        loud = sum(1 for w in run if len(w.group()) >= 3)
        if loud >= 2 and (share >= 0.5 or loud >= 3):
            spans.append(_Span("shouting", run[0].start(), run[-1].end()))
    for match in _PUNCT_RUN.finditer(text):
        spans.append(_Span("shouting", match.start(), match.end()))
    return spans


def _sarcasm_spans(norm: str, index: list[int], others: list[_Span]) -> list[_Span]:
    """A laugh after an attack, and scare quotes around a word (ton « expert »)."""
    spans: list[_Span] = []
    first_attack = min((s.start for s in others if s.kind in _ATTACKS), default=None)
    if first_attack is not None:
        for match in _LAUGH.finditer(norm):
            start, end = _mapped(index, *match.span())
            if start > first_attack:
                spans.append(_Span("sarcasm", start, end))
    for match in _SCARE.finditer(norm):
        if len(match.group("inner").split()) <= 2:
            spans.append(_Span("sarcasm", *_mapped(index, *match.span("quoted"))))
    return spans


def _drop_contained(spans: list[_Span]) -> list[_Span]:
    """Keep one marker per place: a span inside a longer (or earlier, stronger) one is dropped."""
    rank = {kind: i for i, kind in enumerate(KINDS)}
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, rank[s.kind]))
    kept: list[_Span] = []
    reach = -1  # the furthest end of a kept span; all kept spans start at or before this one
    for span in ordered:
        if span.end <= reach:
            continue
        kept.append(span)
        reach = span.end
    return kept


def _texts(kind: str, lang: str, quote: str) -> tuple[str, str]:
    explanation, suggestion = _lexicon()[kind].texts["fr" if lang.lower().startswith("fr") else "en"]
    short = quote if len(quote) <= 60 else quote[:57].rstrip() + "…"
    return explanation.replace("{quote}", short), suggestion.replace("{quote}", short)


def explain(kind: str, lang: str, quote: str) -> tuple[str, str]:
    """Explanation and suggestion for a marker of ``kind`` (a LABELS.md name) quoting ``quote``."""
    return _texts("accusation" if kind == "blame" else kind, lang, quote)


def find_markers(text: str, lang: str = "fr") -> tuple[Marker, ...]:
    """Every tension marker in ``text``, in reading order, explained in ``lang`` ("fr", else English)."""
    text = text[:MAX_CHARS]
    norm, index = normalise(text)
    spans = _lexicon_spans(norm, index)
    spans += _shouting_spans(text)
    spans += _sarcasm_spans(norm, index, spans)
    markers = []
    for span in _drop_contained(spans):
        quote = text[span.start : span.end]
        explanation, suggestion = _texts(span.kind, lang, quote)
        markers.append(Marker(span.kind, quote, span.start, span.end, explanation, suggestion))
    return tuple(markers)


# --- evaluation ------------------------------------------------------------------------------------------

_POSITIVE = frozenset({"1", "true", "yes", "toxic", "hateful", "toxique"})
_NEGATIVE = frozenset(
    {"0", "false", "no", "non-toxic", "nontoxic", "non-hateful", "not-toxic", "non-toxique"}
)


def read_labelled_csv(path: str | Path) -> list[tuple[str, int]]:
    """Rows ``(text, label)`` of a CSV with columns ``text`` and ``label``.

    Labels may be 0/1, toxic/non-toxic or hateful/non-hateful; anything else is an error.
    """
    rows: list[tuple[str, int]] = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "text" not in reader.fieldnames or "label" not in reader.fieldnames:
            raise ValueError(f"{path}: needs the columns 'text' and 'label'")
        for number, row in enumerate(reader, start=2):
            label = (row["label"] or "").strip().lower().replace("_", "-").replace(" ", "-")
            if label in _POSITIVE:
                rows.append((row["text"] or "", 1))
            elif label in _NEGATIVE:
                rows.append((row["text"] or "", 0))
            else:
                raise ValueError(f"{path}, row {number}: unknown label (expected 0/1, toxic/non-toxic…)")
    return rows


def evaluate_tension(rows: Iterable[tuple[str, int]], decide: Callable[[str], bool]) -> dict[str, float]:
    """Accuracy, precision, recall, f1 of ``decide`` (toxic or not) on labelled rows, with p95 latency in ms."""
    tp = fp = tn = fn = 0
    times: list[float] = []
    decide("échauffement")  # load the model and the lexicon outside the timings
    for text, label in rows:
        started = time.perf_counter()
        predicted = decide(text)
        times.append((time.perf_counter() - started) * 1000.0)
        if predicted and label:
            tp += 1
        elif predicted:
            fp += 1
        elif label:
            fn += 1
        else:
            tn += 1
    n = tp + fp + tn + fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": (tp + tn) / n if n else 0.0,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "p95_ms": _percentile(times, 95.0),
        "n": float(n),
    }


def _percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of ``values``; 0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[rank - 1]
