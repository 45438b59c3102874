"""One reading per message: normalise once, embed once, then every judgement (the engine's ``Reader`` port).

Explicit cases are rules (crisis rules in :mod:`companion.analysis.crisis`, tension markers and intent
phrases in data files); what generalises is the learned heads of :mod:`companion.analysis.heads` over the
message's e5 embedding (``scripts/train_reading.py``). Without the embedding (a CPU the engine cannot run
on), the rules alone give a reading. No text is logged or kept beyond a small in-memory cache of the last
readings, so that flows asking again about the same message do not read it twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from threading import Lock

import numpy as np

from companion.analysis import tension
from companion.analysis.crisis import crisis_resources, normalize, screen
from companion.analysis.data import load_toml
from companion.analysis.features import MARKER_KINDS, feature_vector
from companion.analysis.feelings import named_feelings
from companion.analysis.heads import Heads
from companion.analysis.normalise import detect_language, expand_phone_spelling, plain
from companion.analysis.signals import crisis_signals
from companion.engine.reading import (
    CHECKIN,
    CRISIS,
    MODEL_CUE,
    NONE,
    CrisisReading,
    CrisisResource,
    Marker,
    Reading,
    TensionReading,
)

MAX_EMBED_CHARS = 1200
"""The embedding reads the head of a long message (e5 reads 512 tokens at most)."""
CACHE_SIZE = 64
_RENAMED = {"accusation": "blame"}
_PROTECTING = frozenset({"threat", "blackmail", "hate", "incitement", "doxxing"})
_THREATENING = frozenset({"threat", "blackmail", "doxxing"})
# How sure the jab head must be for a jab alone to make a message tense (its marker shows from its threshold).
JAB_RAISES_LEVEL = 0.65
_STRONG = frozenset({"insult", "contempt", "mockery", "exclusion", "dismissal"})
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")

Embed = Callable[[str], np.ndarray]


@lru_cache(maxsize=1)
def _intent_phrases() -> dict[str, str]:
    """Whole messages whose intent is certain ("merci", "ok", "mdr"), normalised, from ``intent_phrases.toml``."""
    table: dict[str, str] = {}
    for intent, phrases in load_toml("intent_phrases.toml")["intents"].items():
        for phrase in phrases:
            table[_phrase_key(phrase)] = intent
    return table


@lru_cache(maxsize=1)
def _reassurance() -> re.Pattern[str]:
    """Explicit reassurance about one's own safety, from ``reassurance.toml``."""
    return re.compile("|".join(f"(?:{p})" for p in load_toml("reassurance.toml")["patterns"]))


_PHRASE_PRIORITY = ("farewell", "thanks", "greeting", "help", "ack", "laughter")
"""When a message strings certain phrases together ("merci, à demain"), the one that ends a talk wins."""


def _phrase_intent(key: str) -> str | None:
    """The intent of a message made only of certain phrases, or None."""
    table = _intent_phrases()
    if key in table:
        return table[key]
    words = key.split()
    if not 1 < len(words) <= 8:
        return None
    found: set[str] = set()
    i = 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            piece = " ".join(words[i : i + size])
            if size <= len(words) - i and piece in table:
                found.add(table[piece])
                i += size
                break
        else:
            return None
    return next(intent for intent in _PHRASE_PRIORITY if intent in found)


def _phrase_key(text: str) -> str:
    """Letters and digits only, single-spaced, repeated letters cut to one ("merciii !!" → "merci")."""
    low = re.sub(r"(.)\1+", r"\1", plain(text))
    emoji = re.sub(r"(.)\1+", r"\1", "".join(c for c in text if ord(c) > 0x2500 and not c.isalnum()))
    words = re.sub(r"[^a-z0-9]+", " ", low).strip()
    return words or emoji


class MessageReader:
    """Reads a message into a :class:`Reading`; thread-safe, pure apart from its cache."""

    def __init__(self, embed: Embed | None = None, heads: Heads | None = None) -> None:
        self._embed = embed if heads is not None else None
        self._heads = heads
        self._cache: OrderedDict[tuple[str, str | None], Reading] = OrderedDict()
        self._lock = Lock()

    @property
    def learned(self) -> bool:
        """True when the learned heads are in use (else rules alone)."""
        return self._embed is not None

    def resources(self, lang: str, kind: str | None = None) -> list[CrisisResource]:
        """Helplines for ``lang`` (``data/crisis_resources.toml``), those for ``kind`` first."""
        return crisis_resources(lang, "suicide" if kind == "other-at-risk" else kind)  # 3114 answers relatives too

    def read(self, text: str, lang: str | None = None) -> Reading:
        """The reading of ``text``; markers are explained in ``lang`` (else the message's language)."""
        key = (text, lang)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        reading = self._read(text, lang)
        with self._lock:
            self._cache[key] = reading
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return reading

    def _read(self, text: str, lang: str | None) -> Reading:
        text_lang = detect_language(text, lang or "fr")
        explain_lang = lang or text_lang
        found = _markers(text, explain_lang)
        kinds = [m.kind for m in found]
        probabilities: dict[str, dict[str, float]] = {}
        if self._embed is not None and self._heads is not None and text.strip():
            expanded = expand_phone_spelling(text, text_lang)[:MAX_EMBED_CHARS]
            features = feature_vector(self._embed(expanded), text, kinds)
            probabilities = {name: head.probabilities(features) for name, head in self._heads.heads.items()}
        crisis = self._crisis(text, probabilities)
        tension = self._tension(text, explain_lang, found, probabilities)
        if crisis.tier != NONE and {m.kind for m in tension.markers} & _THREATENING:
            crisis = CrisisReading(crisis.tier, "danger", crisis.cues)  # threatened: the danger lines (17, 3018)
        return Reading(
            lang=text_lang,
            crisis=crisis,
            intent=self._intent(text, probabilities),
            tension=tension,
            feelings=self._feelings(text, probabilities.get("feelings")),
            needs=self._labels(probabilities.get("needs"), "needs", 2),
        )

    # -- crisis --------------------------------------------------------------------------------------

    def _crisis(self, text: str, probabilities: dict[str, dict[str, float]]) -> CrisisReading:
        if not text.strip():
            return CrisisReading()
        normalised = normalize(text)
        signal = screen(text)
        signals = crisis_signals()
        indirect = signals.fired(normalised)
        reassurances = list(_reassurance().finditer(normalised))
        tiers = probabilities.get("crisis")
        if tiers is None or self._heads is None:  # rules alone
            if signal.is_crisis:
                return CrisisReading(CHECKIN if signal.indirect else CRISIS, signal.kind, signal.cues)
            if indirect:
                tier = CRISIS if indirect[0].tier == CRISIS else CHECKIN
                return CrisisReading(tier, indirect[0].kind, tuple(s.id for s in indirect))
            return CrisisReading()
        risk = tiers["crisis"] + tiers["concern"]
        # Missing a crisis is the worst failure: a concerning message the model is sure of gets the resources.
        sure = tiers["crisis"] >= self._heads.threshold("crisis", 0.6) or risk >= self._heads.threshold("risk", 0.8)
        if signal.is_crisis:
            hyperbole = risk < signals.max_risk and signals.hyperbole(normalised)
            # "j'avais des idées noires, mais là ça va": the cue comes before the reassurance (nothing after it
            # alarms), and the model sees no risk. "Je vais mieux mais j'ai écrit ma lettre d'adieu" stays a crisis.
            settled = bool(reassurances) and risk < self._heads.threshold("checkin", 0.5) \
                and not screen(normalised[reassurances[-1].start():]).is_crisis
            # A rule on a word with an everyday sense ("ton commentaire m'a blessée") while the model is all but
            # certain there is nothing: the rule alone does not decide.
            if tiers["none"] >= self._heads.threshold("rule_doubt", 0.97) and not indirect:
                return CrisisReading()
            if signal.indirect and not sure and not (hyperbole or settled):
                # Weak cues together, and the model is not sure: a gentle question first (or more, if it is).
                return CrisisReading(CHECKIN, signal.kind, signal.cues)
            if not (hyperbole or settled):
                return CrisisReading(CRISIS, signal.kind, signal.cues)
        if any(s.tier == CRISIS for s in indirect):
            first = next(s for s in indirect if s.tier == CRISIS)
            return CrisisReading(CRISIS, first.kind, tuple(s.id for s in indirect))
        kinds = probabilities.get("crisis_kind") or {}
        kind = indirect[0].kind if indirect else (max(kinds, key=kinds.__getitem__) if kinds else "suicide")
        if reassurances and not indirect:  # the person says they are safe: at most a gentle question
            return CrisisReading(CHECKIN, kind, (MODEL_CUE,)) if risk >= self._heads.threshold("risk", 0.8) \
                else CrisisReading()
        cues = (*(s.id for s in indirect), MODEL_CUE)
        if sure:
            return CrisisReading(CRISIS, kind, cues)
        if indirect or risk >= self._heads.threshold("checkin", 0.5):
            return CrisisReading(CHECKIN, kind, cues)
        return CrisisReading(NONE)

    # -- intent --------------------------------------------------------------------------------------

    def _intent(self, text: str, probabilities: dict[str, dict[str, float]]) -> str | None:
        phrase = _phrase_intent(_phrase_key(text))
        if phrase is not None:
            return phrase
        intents = probabilities.get("intent")
        if not intents:
            return None
        best = max(intents, key=intents.__getitem__)
        # Unsure ("blabla"): no intent, so the engine says it did not understand rather than guess.
        return best if self._heads is not None and intents[best] >= self._heads.threshold("intent", 0.4) else None

    # -- tension -------------------------------------------------------------------------------------

    def _tension(self, text: str, lang: str, found: list[Marker],
                 probabilities: dict[str, dict[str, float]]) -> TensionReading:
        kinds = {m.kind for m in found}
        levels = probabilities.get("level")
        toxic = (probabilities.get("toxic") or {}).get("toxic", 0.0)
        if levels:
            assert self._heads is not None
            # Ordinal: the highest level whose "this or worse" probability passes the floor; without any marker
            # found, the model must be surer that a message is tense at all.
            floor = 0.5 if kinds else self._heads.threshold("unmarked", 0.65)
            level = max((n for n in (1, 2, 3) if sum(levels[str(k)] for k in range(n, 4)) >= floor), default=0)
            protect = (probabilities.get("protection") or {}).get("protection", 0.0)
            protection = protect >= self._heads.threshold("protection", 0.5)
            if protection:
                level = max(level, 3 if levels["3"] >= levels["2"] else 2)
        else:  # rules alone: the lexicon's kinds set the level
            level = 2 if kinds & _STRONG else (1 if kinds else 0)
            protection = False
        signalled = _protection_markers(text, lang, kinds)
        if signalled:  # a veiled threat, being tracked down, a pile-on: protection, whatever the model says
            found = found + signalled
            kinds |= {m.kind for m in signalled}
            level, protection = max(level, 2), True
        if kinds & _PROTECTING:
            level, protection = 3, True
        if level == 3:
            protection = True
        markers = tuple(found) if level > 0 else ()
        if level > 0 and not markers and self._heads is not None:
            markers = self._learned_markers(text, lang, kinds, probabilities.get("markers") or {})
        jab = self._jab(text, lang, probabilities.get("jab"))
        jab_p = 1.0 - (probabilities.get("jab") or {}).get("none", 1.0)
        if level == 0 and jab is not None and jab_p >= JAB_RAISES_LEVEL:
            level, markers = 1, (jab,)  # a dig without a hard word, seen surely: tense (LABELS.md, level 1)
        return TensionReading(level, protection, markers, round(toxic, 4), tuple(found), jab)

    def _jab(self, text: str, lang: str, predicted: dict[str, float] | None) -> Marker | None:
        """The jab the model sees, when it is sure enough, quoted from the sentence most likely to carry it."""
        if not predicted or self._heads is None:
            return None
        if 1.0 - predicted.get("none", 1.0) < self._heads.threshold("jab", 0.5):
            return None
        kind = max((k for k in predicted if k != "none"), key=predicted.__getitem__)
        start, end = _loudest_sentence(text)
        if start == end:
            return None
        explanation, suggestion = tension.explain(kind, lang, text[start:end])
        return Marker(kind, text[start:end], start, end, explanation, suggestion)

    def _learned_markers(self, text: str, lang: str, kinds: set[str],
                         predicted: dict[str, float]) -> tuple[Marker, ...]:
        """The kind the model sees most surely and the lexicon did not find, quoted from the sentence that carries
        it: one learned marker is a hint, more would be noise."""
        assert self._heads is not None
        floor = self._heads.threshold("markers", 0.5)
        candidates = [(p, kind) for kind, p in predicted.items() if p >= floor and kind not in kinds]
        start, end = _loudest_sentence(text)
        if not candidates or start == end:
            return ()
        kind = max(candidates)[1]
        explanation, suggestion = tension.explain(kind, lang, text[start:end])
        return (Marker(kind, text[start:end], start, end, explanation, suggestion),)

    # -- feelings and needs --------------------------------------------------------------------------

    def _feelings(self, text: str, predicted: dict[str, float] | None) -> tuple[str, ...]:
        """The feelings the writer names, then those the model reads in their words (three at most)."""
        named = named_feelings(text)[:3]
        if named:  # the writer's own words, when they name what they feel
            return tuple(named)
        # No feeling named: the model's best guess from their words, if it is confident enough.
        return self._labels(predicted, "feelings", 1)

    def _labels(self, predicted: dict[str, float] | None, head: str, most: int) -> tuple[str, ...]:
        if not predicted or self._heads is None:
            return ()
        floor = self._heads.threshold(head, 0.5)
        ranked = sorted(predicted.items(), key=lambda item: -item[1])
        return tuple(label for label, p in ranked[:most] if p >= floor)


def _markers(text: str, lang: str) -> list[Marker]:
    """The lexicon's markers, one per kind (the first place it appears), named as in LABELS.md."""
    seen: set[str] = set()
    markers: list[Marker] = []
    for m in tension.find_markers(text, lang):
        kind = _RENAMED.get(m.kind, m.kind)
        if kind in seen or kind not in MARKER_KINDS:
            continue
        seen.add(kind)
        markers.append(Marker(kind, m.quote, m.start, m.end, m.explanation, m.suggestion))
    return markers


def _fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, one character for one: offsets stay those of ``text``."""
    out = []
    for char in text.lower():
        base = unicodedata.normalize("NFKD", char)[:1] or char
        out.append(" " if char in "'’`" else base)
    return "".join(out)


@lru_cache(maxsize=1)
def _protection_signals() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``data/protection_signals.toml``: (marker kind, pattern) pairs."""
    return tuple((signal["kind"], re.compile(pattern)) for signal in load_toml("protection_signals.toml")["signal"]
                 for pattern in signal["patterns"])


def _protection_markers(text: str, lang: str, kinds: set[str]) -> list[Marker]:
    """Markers for the protection signals found in ``text`` (one per kind, none the lexicon already found)."""
    folded = _fold(text)
    found: list[Marker] = []
    for kind, pattern in _protection_signals():
        if kind in kinds or any(m.kind == kind for m in found):
            continue
        match = pattern.search(folded)
        if match:
            start, end = match.start(), match.end()
            quote = text[start:end].strip() or text[:80]
            explanation, suggestion = tension.explain(kind, lang, quote)
            found.append(Marker(kind, quote, start, end, explanation, suggestion))
    return found


def _loudest_sentence(text: str) -> tuple[int, int]:
    """Bounds of the sentence most likely to carry a jab: the one speaking to someone, else the shortest."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    if not sentences:
        return 0, 0

    def score(bounds: tuple[int, int]) -> tuple[int, int]:
        piece = plain(text[bounds[0]:bounds[1]])
        addressed = bool(re.search(r"(?<![a-z])(?:tu|t'|vous|you|u|ton|ta|votre)(?![a-z])", piece))
        return (0 if addressed else 1, bounds[1] - bounds[0])

    start, end = min(sentences, key=score)
    while start < end and text[start].isspace():
        start += 1
    end = min(end, start + 120)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def build_reader(*, learned: bool = True) -> MessageReader:
    """The reader with the shipped heads over the shared e5 model, or rules alone when either is unavailable."""
    import logging

    from companion.analysis.heads import shipped_heads
    from companion.embedding import EmbeddingUnavailable, shared_e5

    heads = shipped_heads() if learned else None
    if heads is None:
        return MessageReader()
    try:
        model = shared_e5()
    except EmbeddingUnavailable as error:
        logging.getLogger(__name__).warning("reading with rules alone: %s", error)
        return MessageReader()
    return MessageReader(model.query, heads)
