"""Small text helpers shared by flows: normalising input and quoting the user's words back."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol

_SPACES = re.compile(r"\s+")
# Invisible and direction-control characters; a zero-width joiner (U+200D) is kept between two symbols, where it
# builds one emoji out of several (👩‍👩‍👧), and dropped elsewhere.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
                        r"|(?<![\u2600-\u27bf\U0001f000-\U0001faff\ufe0f])\u200d"
                        r"|\u200d(?![\u2600-\u27bf\U0001f000-\U0001faff])")


def clean(text: str) -> str:
    """Drop invisible and direction-control characters and trim the ends."""
    return _INVISIBLE.sub("", text).strip()


def normalise(text: str) -> str:
    """Lower-case, accent-free, single-spaced text for matching typed answers."""
    decomposed = unicodedata.normalize("NFKD", clean(text).lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("'", " ").replace("’", " ")
    return _SPACES.sub(" ", plain).strip()


def words_only(text: str) -> str:
    """:func:`normalise`, keeping letters and digits only: "C'est ça ✓" and "c'est ca" compare equal."""
    return " ".join("".join(c if c.isalnum() else " " for c in normalise(text)).split())


def excerpt(text: str, limit: int = 160) -> str:
    """The user's words, shortened at a word boundary when long."""
    flat = _SPACES.sub(" ", clean(text))
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"


class _Resource(Protocol):
    name: str
    contact: str
    hours: str
    description: str

    def described(self, formal: bool) -> str: ...


def french_typography(text: str) -> str:
    """No-break spaces where French typography wants them: before ? ! ; (narrow) and : , inside « »."""
    text = re.sub(r"[ \u00a0]([?!;])", "\u202f\\1", text)
    text = re.sub(r" :(?=\s|$)", "\u00a0:", text, flags=re.MULTILINE)
    return re.sub(r"[ ]»", "\u00a0»", re.sub(r"«[ ]", "«\u00a0", text))


def format_resources(resources: Iterable[_Resource], lang: str = "fr", formal: bool = False) -> str:
    """One line per help resource in the user's register, in French typography for French."""
    colon = " :" if lang == "fr" else ":"
    lines = "\n".join(f"• {r.name}{colon} {r.contact} ({r.hours}) — {r.described(formal)}" for r in resources)
    return french_typography(lines) if lang == "fr" else lines


_FRENCH_HINTS = frozenset(
    [
        "je",
        "j",
        "tu",
        "il",
        "elle",
        "on",
        "nous",
        "vous",
        "ils",
        "elles",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "et",
        "est",
        "suis",
        "es",
        "sont",
        "pas",
        "ne",
        "que",
        "qui",
        "quoi",
        "pour",
        "avec",
        "sur",
        "dans",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "son",
        "sa",
        "ses",
        "ce",
        "cette",
        "ces",
        "mais",
        "ou",
        "comment",
        "pourquoi",
        "quand",
        "moi",
        "toi",
        "c",
        "ca",
        "qu",
        "m",
        "t",
        "d",
        "l",
        "n",
        "s",
        "jsuis",
        "chui",
        "jsais",
        "jpeux",
        "jveux",
        "tkt",
        "mdr",
        "ptdr",
        "quand",
        "meme",
        "trop",
        "aussi",
        "tous",
        "tout",
        "rien",
    ]
)
_ENGLISH_HINTS = frozenset(
    [
        "i",
        "you",
        "he",
        "she",
        "we",
        "they",
        "it",
        "the",
        "a",
        "an",
        "and",
        "is",
        "am",
        "are",
        "was",
        "not",
        "don",
        "t",
        "do",
        "does",
        "what",
        "who",
        "how",
        "why",
        "when",
        "my",
        "your",
        "his",
        "her",
        "our",
        "their",
        "this",
        "that",
        "with",
        "for",
        "on",
        "in",
        "of",
        "to",
        "but",
        "or",
        "me",
        "him",
        "them",
        "so",
        "just",
        "like",
        "im",
        "dont",
        "cant",
        "can",
        "should",
        "would",
        "about",
        "anyone",
        "someone",
        "lol",
    ]
)


def detect_language(text: str, default: str = "fr") -> str:
    """Guess French or English from common words; ``default`` when there is no evidence."""
    words = normalise(text).replace("-", " ").split()
    french = sum(w in _FRENCH_HINTS for w in words)
    english = sum(w in _ENGLISH_HINTS for w in words)
    if french == english:
        return default
    return "fr" if french > english else "en"


_QUESTION_OPENERS = (
    "comment",
    "pourquoi",
    "quoi",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "est ce",
    "qu est",
    "que faire",
    "c est quoi",
    "ca veut dire",
    "faut il",
    "dois je",
    "peut on",
    "on peut",
    "je fais comment",
    "jfais comment",
    "how",
    "what",
    "why",
    "when",
    "which",
    "who",
    "is it",
    "is there",
    "are ",
    "should",
    "can i",
    "can you",
    "do i",
    "does",
    "any tips",
)
_SMALL_TALK = frozenset(
    [
        "bonjour",
        "salut",
        "coucou",
        "hello",
        "hi",
        "hey",
        "merci",
        "thanks",
        "ok",
        "okay",
        "oui",
        "non",
        "yes",
        "no",
        "bye",
        "ciao",
    ]
)


_GREETINGS = frozenset(["bonjour", "bonsoir", "salut", "coucou", "hello", "hi", "hey", "yo", "re", "wesh"])
_THANKS = frozenset(["merci", "thanks", "thank", "thx", "cimer"])
_FAREWELLS = ("au revoir", "a demain", "a plus", "a bientot", "a la prochaine", "bonne nuit", "bonne soiree",
              "bonne journee", "bye", "ciao", "see you", "good night", "goodbye", "take care", "a+", "tchao")
_HOW_ARE_YOU = ("ca va", "comment vas tu", "comment allez vous", "how are you", "how s it going", "how do you do")
_FILLER = frozenset(
    [
        "compagnon", "companion", "toi", "vous", "beaucoup", "bien", "et", "a", "demain", "plus", "tard", "bientot",
        "la", "prochaine", "bonne", "bonnes", "nuit", "soiree", "journee", "you", "very", "much", "so", "lot", "good",
        "night", "see", "later", "au", "revoir", "take", "care", "encore", "super", "top", "cool", "ok", "okay", "oui",
        "yes", "c", "est", "sympa", "nice", "great", "comment", "vas", "tu", "allez", "ca", "va", "how", "are", "s",
        "it", "going", "do", "the", "for", "help", "ton", "aide", "votre", "your", "merci", "thanks", "pour", "there",
        "all", "everyone"
    ]
)


def small_talk(text: str) -> str | None:
    """``hello``, ``thanks``, ``bye`` or ``how`` when the whole message is a greeting, thanks or farewell."""
    plain = _SPACES.sub(" ", "".join(c if c.isalnum() or c in " +" else " " for c in normalise(text))).strip()
    words = plain.split()
    if not words or len(words) > 7:
        return None
    vocabulary = _GREETINGS | _THANKS | _FILLER | {"bye", "ciao", "tchao", "goodbye", "a+"}
    if not all(w in vocabulary for w in words):
        return None
    padded = f" {plain} "
    if any(f" {f} " in padded for f in _FAREWELLS):
        return "bye"
    if any(w in _THANKS for w in words):
        return "thanks"
    if any(f" {h} " in padded for h in _HOW_ARE_YOU):
        return "how"
    if any(w in _GREETINGS for w in words):
        return "hello"
    return None


def looks_like_question(text: str) -> bool:
    """True for a free question or a message long enough to be about something (not small talk)."""
    plain = normalise(text)
    words = plain.split()
    if not words or (len(words) <= 3 and all(w.strip("!?.,") in _SMALL_TALK for w in words)):
        return False
    return "?" in text or plain.startswith(_QUESTION_OPENERS) or len(words) >= 6
