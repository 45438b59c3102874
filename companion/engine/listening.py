"""Listening outside the journeys: short answers that vary, reflecting what someone lived, care after a crisis.

The engine keeps a listening state as ``flow="listen"`` (step ``vent`` after venting, ``care`` after a crisis
message or a safety check-in) with the number of messages it still lasts; nothing here reads or writes storage.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

from companion.engine.i18n import Translator
from companion.engine.nvc import NvcLists
from companion.engine.reading import Reading
from companion.engine.text import clean, words_only

LISTEN = "listen"
VENT = "vent"
CARE = "care"
VENT_TURNS = 2
"""Messages listened to after the open question before offering again."""
CARE_TURNS = 3
"""Messages after a crisis message or a check-in answered with care only (no passage, no journey question)."""

SHORT_KEYS = {
    "greeting": ("smalltalk.hello", "listen.hello.1", "listen.hello.2"),
    "thanks": ("smalltalk.thanks", "listen.thanks.1", "listen.thanks.2"),
    "ack": ("smalltalk.ack", "listen.ack.1", "listen.ack.2"),
    "farewell": ("smalltalk.bye", "listen.bye.1", "listen.bye.2"),
    "laughter": ("smalltalk.laugh", "listen.laugh.1", "listen.laugh.2"),
}
"""Intents answered in a line, each with its variants."""
OPEN_QUESTIONS = ("listen.open_1", "listen.open_2", "listen.open_3")
LISTENING = ("listen.more_1", "listen.more_2", "listen.more_3")

_SETTLED = ("ca va aller", "ca ira", "ca va mieux", "ca va deja mieux", "je vais mieux", "je vais bien",
            "juste en parler", "juste besoin d en parler", "juste le dire", "besoin de le dire", "ca fait du bien",
            "i ll be ok", "i ll be okay", "i ll be fine", "i m ok", "i m okay", "i m fine", "feel better",
            "feeling better", "just needed to talk", "just wanted to talk", "just needed to say", "just wanted to say",
            "helps to say", "helped to say")
_NEGATION = re.compile(r"\b(pas|plus|jamais|not|don t|doesn t|never|no longer)\b")
_CLAUSES = re.compile(r"[.!?;,\n:()…]+")
_ECHO_WORDS = (3, 10)
_NOT_GUESSED = frozenset({"jaloux", "envieux", "honteux", "coupable", "complexe"})
"""Feelings named only when the person wrote them: guessed, they would sound like a judgement."""
_FIRST_PERSON = re.compile(r"\b(je|j|me|m|moi|jsuis|chui|i|im|my|myself)\b")


def pick(keys: Sequence[str], seed: str, turn: int = 0) -> str:
    """One of ``keys``, always the same for the same ``seed`` (a stable hash, not chance); consecutive ``turn``
    numbers never get the same one twice in a row."""
    return keys[(zlib.crc32(seed.encode("utf-8")) + turn) % len(keys)]


def short_answer(t: Translator, intent: str, seed: str) -> str:
    """A greeting, thanks, acknowledgement, laugh or goodbye answered in a line."""
    return t(pick(SHORT_KEYS[intent], seed))


def sounds_settled(text: str) -> bool:
    """"ça va aller", "je voulais juste en parler", "I'll be ok": the person says they are getting through."""
    plain = words_only(text)
    padded = f" {plain} "
    return any(f" {cue} " in padded for cue in _SETTLED) and not _NEGATION.search(plain)


def echo(text: str) -> str | None:
    """A whole short clause of the person's message, as they wrote it (the last one: often the heart of it)."""
    clauses = [c.strip(" -\"'«»") for c in _CLAUSES.split(clean(text))]
    fitting = [c for c in clauses if _ECHO_WORDS[0] <= len(c.split()) <= _ECHO_WORDS[1] and "http" not in c]
    return fitting[-1] if fitting else None


def feeling(t: Translator, text: str, reading: Reading, nvc: NvcLists | None, *,
            named_only: bool = False) -> str | None:
    """A feeling the message expresses, worded without agreement ("de la colère", "angry"): one the person named
    first, else the reading's (unless ``named_only``)."""
    named = nvc.find(text, t.lang, "feelings") if nvc is not None else []
    own = len(text.split()) >= 4 or _FIRST_PERSON.search(words_only(text)) is not None
    guessed = [f for f in reading.feelings if f not in _NOT_GUESSED] if own and not named_only else []
    for feeling_id in [*named, *guessed]:
        key = f"draft.feeling.{feeling_id}"
        if t.catalog.has(key, t.lang):
            return t(key)
    return None


def heard(t: Translator, text: str, reading: Reading, nvc: NvcLists | None) -> str:
    """What the person seems to feel, in their words: never a diagnosis."""
    words = echo(text)
    felt = feeling(t, text, reading, nvc, named_only=words is not None)  # their words rather than a guess
    if words and felt:
        return t("listen.heard_felt", words=words, feeling=felt)
    if words:
        return t("listen.heard", words=words)
    if felt:
        return t("listen.felt", feeling=felt)
    return t("listen.heavy")


def reflection(t: Translator, text: str, reading: Reading, nvc: NvcLists | None, seed: str) -> str:
    """What was heard, then one open question."""
    return f"{heard(t, text, reading, nvc)} {t(pick(OPEN_QUESTIONS, seed))}"


def listening(t: Translator, text: str, reading: Reading, nvc: NvcLists | None, seed: str, turn: int = 0) -> str:
    """Keep listening: the feeling the person named, if any (never a guess: a wrong one would put words in their
    mouth), then an invitation to go on (no new question)."""
    felt = feeling(t, text, reading, nvc, named_only=True)
    lead = f"{t('listen.felt', feeling=felt)} " if felt else ""
    return lead + t(pick(LISTENING, seed, turn))


def expresses_feeling(text: str, lang: str, nvc: NvcLists | None, reading: Reading | None = None) -> bool:
    """True when the person tells a hard feeling of their own ("ça m'énerve", "I feel lonely"): named in the
    text, or read in a message that speaks of oneself."""
    if nvc is None:
        return False
    guessed = list(reading.feelings) if reading is not None and _FIRST_PERSON.search(words_only(text)) else []
    for feeling_id in [*nvc.find(text, lang, "feelings"), *guessed]:
        term = nvc.term(feeling_id)
        if term is not None and term.met is False:
            return True
    return False
