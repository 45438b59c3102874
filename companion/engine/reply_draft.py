"""A reply the user could really send: addressed to the other person, in their register, short, in plain words.

The draft takes its observation from the other person's own words (a short quote that carries no insult, else the
thing their message was about), one or two of the feelings the user chose, one need said simply, and a request
that fits the relationship and the channel. Nothing in it is written with "·": words about the user agree as
the user chose (feminine, masculine), or the sentence is built so that nothing needs to agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from companion.engine.i18n import Catalog
from companion.engine.text import clean, normalise

PUBLIC_LIMIT = 200
PRIVATE_LIMIT = 500
VARIANTS = ("base", "short", "warm", "firm")
CLOSE_CONTEXTS = ("family", "partner", "friend")
"""Relationships whose warm opener is intimate: in public, a plainer one."""
REQUESTS = ("talk", "explain", "stop", "time")
FORMAL_CONTEXTS = frozenset({"manager", "client", "teacher-school", "neighbour", "stranger-public"})
PUBLIC_CONTEXTS = frozenset({"troll", "stranger-public", "group-chat", "gaming"})

# Quoted clauses: a few words that say what the message was about, not a whole paragraph.
_MIN_QUOTE_WORDS, _MAX_QUOTE_WORDS, _MAX_QUOTE_CHARS = 3, 14, 90
_CUT_QUOTE_WORDS = 9
_CLAUSE_BREAK = re.compile(r"[.!?;…\n]+|\s[-–—]\s|[\U0001F300-\U0001FAFF\u2600-\u27BF]+")
_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200d]+")
_TU_FORMS = re.compile(r"(?<![\w'])(?:tu|te|toi|ton|ta|tes|t'(?=\w))(?![\w'])", re.IGNORECASE)
_VOUS_FORMS = re.compile(r"(?<![\w'])(?:vous|votre|vos)(?![\w'])", re.IGNORECASE)
# "your report" / "votre rapport" → "my report" / "mon rapport": what the message was about, from my side.
_POSSESSIVE = {
    "fr": re.compile(r"(?<![\w'])(ton|ta|tes|votre|vos)\s+((?:[a-zà-ÿœ-]{3,})(?:\s+(?:de|du|des|au|aux|à|d')\s*"
                     r"[a-zà-ÿœ-]{3,})?)", re.IGNORECASE),
    "en": re.compile(r"(?<![\w'])(your)\s+((?:[a-z-]{3,})(?:\s+(?:of|for|on|at|in)\s+[a-z-]{3,})?)", re.IGNORECASE),
}
_DEMONSTRATIVE = {
    "fr": re.compile(r"(?<![\w'])(cette|cet|ces|ce)\s+([a-zà-ÿœ-]{4,}(?:\s+(?:de|du|des)\s+[a-zà-ÿœ-]{3,})?)",
                     re.IGNORECASE),
    "en": re.compile(r"(?<![\w'])(this|that|these|those)\s+([a-z-]{4,})", re.IGNORECASE),
}
_FLIP = {"ton": "mon", "ta": "ma", "tes": "mes", "votre": "mon", "vos": "mes", "your": "my"}
_FEMININE_FLIP = {"votre": "ma"}
# Words after a possessive that are not things ("ta gueule", "your own"): no topic there.
_NOT_TOPIC = frozenset({
    "gueule", "faute", "place", "propre", "propres", "vie", "mere", "pere", "own", "life", "fault", "mom", "mum",
    "dad", "mother", "father", "avis", "part", "tour", "side", "turn", "face", "tete", "head", "kind", "sort",
    "little", "whole", "new", "stupid", "dumb", "last", "next", "first", "petit", "petite", "pauvre", "cher",
    "level", "niveau", "age", "way", "style", "fille", "fils", "enfant", "enfants", "mari", "femme", "mec", "meuf",
    "copine", "copain", "frere", "soeur", "amis", "amie", "ami", "potes", "friends", "friend", "son", "daughter",
    "kid", "kids", "child", "husband", "wife", "boyfriend", "girlfriend", "brother", "sister",
})
# Nouns ending in -e that are masculine, and feminine ones that do not end in -e (for "votre X" → "ma/mon X").
_MASCULINE_E = frozenset({
    "message", "commentaire", "groupe", "compte", "site", "livre", "poste", "modele", "style", "genre", "monde",
    "role", "texte", "service", "article", "rapport", "probleme", "programme", "budget", "planning", "horaire",
    "stage", "voyage", "mariage", "anniversaire", "salaire", "visage", "portable", "vehicule", "menage", "linge",
})
_FEMININE_OTHER = frozenset({"photo", "video", "radio", "moto", "dent", "main", "fin", "part", "facon", "mission",
                             "question", "decision", "reaction", "publication", "intervention", "absence"})
_STOPWORD_TEXT = (
    "le la les un une des de du au aux et ou mais donc or ni car que qui quoi dont je tu il elle on nous vous ils "
    "elles me te se ce ca cela c est es suis sont a as ai pas ne plus tres trop bien the a an and or but so to of "
    "in on at for with you your i me my it is are was be not no yes just"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True)
class DraftRequest:
    """What the user chose and what the session knows, for one draft."""

    received: str
    lang: str
    context: str | None = None
    channel: str = "private"
    register: str = "tu"
    agreement: str = "neutral"
    feelings: tuple[str, ...] = ()
    feeling_labels: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    need_labels: tuple[str, ...] = ()
    request: str = "talk"
    request_text: str | None = None
    variant: str = "base"
    protection: bool = False


Text = Callable[..., str]
"""``text(key, formal=bool, **values)``: a catalog string in the draft's language, "" when absent."""


def catalog_text(catalog: Catalog, lang: str, agreement: str = "neutral") -> Text:
    """A :data:`Text` over the catalog: the *vous* form when formal, never a *tu* sentence instead."""

    def text(key: str, *, formal: bool = False, **values: object) -> str:
        if not catalog.has(key, lang) and not catalog.has(key):
            return ""
        written = catalog.text(lang, key, formal=formal, agreement=agreement, **values)
        if "register" not in catalog.variables(key, lang if catalog.has(key, lang) else "fr") \
                and register_of(written) == ("tu" if formal else "vous"):
            return ""  # a sentence in one register never stands in for the other
        return written

    return text


def default_register(context: str | None, received: str) -> str:
    """*vous* for a client, a manager, a school, a neighbour or a stranger, or when the message says *vous*."""
    if context in FORMAL_CONTEXTS:
        return "vous"
    if context is None and _VOUS_FORMS.search(received) and not _TU_FORMS.search(received):
        return "vous"
    return "tu"


def default_channel(context: str | None) -> str:
    """A troll, a stranger, a group or a game: public; anyone else: a private message."""
    return "public" if context in PUBLIC_CONTEXTS else "private"


def agree(label: str, agreement: str) -> str:
    """``"blessé·e"`` as the user chose: ``"blessée"`` (fem), ``"blessé"`` (masc); neutral keeps no "·"."""
    if "·" not in label:
        return label
    stem, _, ending = label.partition("·")
    rest = ""
    if " " in ending:
        ending, _, rest = ending.partition(" ")
        rest = " " + rest
    if agreement != "fem":
        return stem + rest
    if ending == "e" and stem.endswith("et"):
        return stem[:-2] + "ète" + rest  # inquiet → inquiète
    if ending == "se" and stem.endswith("x"):
        return stem[:-1] + "se" + rest  # heureux → heureuse
    if ending == "ère" and stem.endswith("er"):
        return stem[:-2] + "ère" + rest  # amer → amère
    if ending == "se" and stem.endswith("s"):
        return stem + "se" + rest  # las → lasse
    return stem + ending + rest


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text)


def _content_words(text: str) -> set[str]:
    return {w for w in (normalise(x) for x in _words(text)) if len(w) >= 4 and w not in _STOPWORDS}


def quote_candidates(received: str, register: str) -> list[str]:
    """Short clauses of the received message, best first: about the user, specific, neither too short nor long."""
    found: list[tuple[tuple[int, int], str]] = []
    pieces: list[str] = []
    for piece in _CLAUSE_BREAK.split(received):
        pieces += piece.split(",") if len(_words(piece)) > _MAX_QUOTE_WORDS else [piece]
    for index, piece in enumerate(pieces):
        clause = re.sub(r"\s+", " ", re.sub(r"[«»“”\"]", "", _EMOJI.sub("", piece))).strip(" ,:;'()")
        clause = _GREETING.sub("", clause)  # "Bonjour, je ne comprends pas…": the greeting is not the point
        words = _words(clause)
        if len(words) > _MAX_QUOTE_WORDS:  # a long sentence: its first words, up to a word that says something
            head = clause.split()[:_CUT_QUOTE_WORDS]
            while head and (normalise(head[-1]) in _STOPWORDS or len(normalise(head[-1])) < 3):
                head.pop()
            clause, words = " ".join(head).rstrip(",;:") + "…", _words(" ".join(head))
            index += 3  # a whole clause is better than a cut one
        if not (_MIN_QUOTE_WORDS <= len(words) <= _MAX_QUOTE_WORDS) or len(clause) > _MAX_QUOTE_CHARS:
            continue
        if not _content_words(clause) or (not clause.endswith("…") and (
                normalise(words[-1]) in _STOPWORDS or words[-1].endswith("'s"))):
            continue  # "…but it's": a clause cut before its end says nothing
        if (register == "vous" and _TU_FORMS.search(clause)) or (register == "tu" and _VOUS_FORMS.search(clause)):
            continue  # the quote must not break the draft's register
        addressed = bool(_TU_FORMS.search(clause) or _VOUS_FORMS.search(clause)
                         or re.search(r"(?<![\w'])(?:you|your)(?![\w'])", clause, re.IGNORECASE))
        score = (0 if addressed else 1, abs(len(clause) - 45) // 10 + index)
        keep = clause[1:2].isupper() or re.match(r"I\b", clause)  # "OK", "I expected…": no lower case
        found.append((score, clause if keep else clause[0].lower() + clause[1:]))
    return [clause for _, clause in sorted(found, key=lambda item: item[0])]


_GREETING = re.compile(r"(?i)^(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|dear \w+|cher \w+|chère \w+)"
                       r"(?: \w+)?\s*[,!.:]\s*")


def topic_of(received: str, lang: str) -> str | None:
    """What the message was about, from the user's side: "votre rapport" → "mon rapport"; None if unclear."""
    for match in _POSSESSIVE["en" if lang == "en" else "fr"].finditer(received):
        owner, thing = match.group(1).lower(), match.group(2)
        head = normalise(thing.split()[0])
        if head in _NOT_TOPIC or head in _STOPWORDS:
            continue
        mine = _FLIP[owner]
        if lang != "en" and owner == "votre" and _feminine(head):
            mine = _FEMININE_FLIP[owner]
        if lang != "en" and mine == "ma" and head[:1] in "aeiouyh":
            mine = "mon"  # mon idée, mon absence
        return f"{mine} {thing.strip()}"
    demonstrative = _DEMONSTRATIVE["en" if lang == "en" else "fr"].search(received)
    if demonstrative and normalise(demonstrative.group(2).split()[0]) not in _NOT_TOPIC:
        return f"{demonstrative.group(1).lower()} {demonstrative.group(2)}"
    plain = normalise(received)
    for pattern, french, english in _THEMES:
        if pattern.search(plain):
            return english if lang == "en" else french
    return None


# What a message was about when it names no possession of the user's: a few plain themes, said from their side.
_THEMES = tuple((re.compile(pattern), fr, en) for pattern, fr, en in (
    (r"habill|\btenue\b|\brobe\b|\blook\b|\boutfit|dressed|\bclothes\b", "ma façon de m'habiller", "the way I dress"),
    (r"\bposts?\b|publication|\bpublie", "mon post", "my post"),
    (r"\bphotos?\b|\bselfie|\bpics?\b", "ma photo", "my photo"),
    (r"\bvideos?\b|\breels?\b|\bstream", "ma vidéo", "my video"),
    (r"cheveux|coiffure|\bhair\b|haircut", "mes cheveux", "my hair"),
    (r"\bretard\b|\blate\b|on time", "mon retard", "my being late"),
))


def _feminine(noun: str) -> bool:
    """A guess good enough for common nouns: most nouns in -e are feminine, with known exceptions."""
    if noun in _FEMININE_OTHER:
        return True
    return noun.endswith("e") and noun not in _MASCULINE_E and not noun.endswith(("age", "isme", "aire", "ege"))


def _sentence(text: str) -> str:
    """A typed request as a sentence: capitalised, ending with a mark; "qu'on…" becomes "J'aimerais qu'on…"."""
    text = clean(text).strip()
    if not text:
        return text
    if re.match(r"(?i)(?:qu'|qu’|que |de |d'|d’)", text):
        text = "J'aimerais " + text[0].lower() + text[1:]
    elif re.match(r"(?i)(?:that we |for you to |to )", text):
        text = "I'd like " + text[0].lower() + text[1:]
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!…" else text + ("?" if re.match(
        r"(?i)(est-ce|peux|pourr|veux|voudr|on peut|can|could|would|will|do you|are you)", text) else ".")


def _feelings_sentence(request: DraftRequest, text: Text, formal: bool, lowercase: bool) -> str:
    ids = list(request.feelings[:2])
    labels = list(request.feeling_labels[:2])
    joiner = " and " if request.lang == "en" else " et "
    if not ids:
        sentence = text("draft.feel_plain", formal=formal)
    elif request.lang == "en":
        sentence = text("draft.feel_adj", formal=formal, feelings=joiner.join(labels))
    elif request.agreement in ("fem", "masc"):
        words = [agree(label, request.agreement) for label in labels]
        sentence = text("draft.feel_adj", formal=formal, feelings=joiner.join(words))
    else:
        nouns = [text(f"draft.feeling.{i}", formal=formal) for i in ids]
        nouns = [n for n in nouns if n] or [text("draft.feeling.tendu", formal=formal)]
        sentence = text("draft.feel_noun", formal=formal, feelings=joiner.join(dict.fromkeys(nouns)))
    return sentence if lowercase else sentence[0].upper() + sentence[1:]


def _need_clause(request: DraftRequest, text: Text, formal: bool) -> str:
    for need_id, label in zip(request.needs, request.need_labels or request.needs, strict=False):
        phrase = text(f"draft.needs.{need_id}", formal=formal)
        if phrase:
            return " " + text("draft.need", formal=formal, need=phrase)
        if "·" not in label:
            de = label if request.lang == "en" else (("d'" if normalise(label[:1]) in tuple("aeiouyh") else "de ")
                                                     + label)
            return " " + text("draft.need", formal=formal, need=de)
    return text("draft.no_need", formal=formal)


def _ask(request: DraftRequest, text: Text, formal: bool, topic: str | None) -> str:
    if request.request_text:
        return _sentence(request.request_text)
    kind = request.request if request.request in REQUESTS else "talk"
    if request.channel == "public":
        return text(f"draft.public.{kind}", formal=formal)
    if kind == "explain" and topic:
        return text("draft.ask.explain.topic", formal=formal, topic=topic)
    if request.context:
        specific = text(f"draft.ask.{kind}.{request.context}", formal=formal)
        if specific:
            return specific
    return text(f"draft.ask.{kind}.any", formal=formal)


def _observation(request: DraftRequest, text: Text, formal: bool, quote: str | None,
                 topic: str | None) -> tuple[str, bool]:
    """The opening and whether the feeling continues it in lower case (after "Quand tu écris « … »,")."""
    public = request.channel == "public"
    if quote:
        return text("draft.quote", formal=formal, quote=quote), True
    if topic:
        return text("draft.topic_public" if public else "draft.topic", formal=formal, topic=topic), False
    return text("draft.plain_public" if public else "draft.plain", formal=formal), False


def compose(request: DraftRequest, text: Text, calm: Callable[[str], bool]) -> str:
    """The draft for ``request``; ``calm(fragment)`` says whether a fragment can be quoted without harm."""
    formal = request.register == "vous"
    if request.protection:
        return text("draft.firm.protection", formal=formal)
    limit = PUBLIC_LIMIT if request.channel == "public" else PRIVATE_LIMIT
    topic = topic_of(request.received, request.lang)
    quotes = [q for q in quote_candidates(request.received, request.register) if calm(q)][:3]
    for quote in [*quotes, None]:
        draft = _assemble(request, text, formal, quote, topic)
        if len(draft) <= limit and calm(draft):
            return draft
    shorter = _assemble(DraftRequest(**{**request.__dict__, "variant": "short"}), text, formal, None, topic)
    return shorter if len(shorter) <= limit else shorter[: limit - 1].rsplit(" ", 1)[0] + "…"


def _assemble(request: DraftRequest, text: Text, formal: bool, quote: str | None, topic: str | None) -> str:
    observation, continues = _observation(request, text, formal, quote, topic)
    feeling = _feelings_sentence(request, text, formal, lowercase=continues)
    public = request.channel == "public"
    if request.variant == "firm":
        ask = text("draft.firm.public" if public else "draft.firm.private", formal=formal)
    else:  # after a quote, the request stays general: the thing named may not be what the quote is about
        ask = _ask(request, text, formal, None if quote else topic)
    if request.variant == "short" or public:
        parts = [f"{observation} {feeling}.", ask]
    else:
        need = _need_clause(request, text, formal)
        parts = [f"{observation} {feeling}{need}", ask]
    if request.variant == "warm":
        if public and request.context in CLOSE_CONTEXTS:  # "Je t'aime" is not for a comment everyone reads
            warm = text("draft.warm.public_close", formal=formal)
        else:
            warm = (text(f"draft.warm.{request.context}", formal=formal) if request.context else "") \
                or text("draft.warm.any", formal=formal)
        parts.insert(0, warm)
    return " ".join(p.strip() for p in parts if p.strip())


def names_something(draft: str, received: str) -> bool:
    """True when the draft takes at least one specific word from the received message."""
    return bool(_content_words(draft) & _content_words(received))


def register_of(draft: str) -> str | None:
    """"tu" or "vous" as the draft's pronouns say (quotes included); None when it has neither."""
    tu, vous = bool(_TU_FORMS.search(draft)), bool(_VOUS_FORMS.search(draft))
    return None if tu == vous else ("tu" if tu else "vous")


def first_of(values: Sequence[str], default: str) -> str:
    """The first non-empty value, else ``default``."""
    return next((v for v in values if v), default)
