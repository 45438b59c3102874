"""Pure helpers of "aide-moi à répondre": facts and judgments, both sides' feelings and needs, NVC drafts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from companion.engine.reading import TensionReading as Reading
from companion.engine.text import clean, normalise

MAX_RECEIVED = 4000
"""Characters of a received message kept (a Telegram message has at most 4,096)."""

MAX_DRAFT = 3000

# Words that interpret rather than describe (accent-free, matched as whole words or prefixes "*").
_JUDGMENT_CUES = {
    "fr": ["re:toujours(?! (?:pas|rien|personne|aucun|aucune)(?![a-z]))",
           "jamais", "expres", "forcement", "evidemment", "clairement", "comme d habitude",
           "il veut", "elle veut", "ils veulent", "il cherche", "elle cherche", "il pense", "elle pense",
           "il croit", "elle croit", "se moque*", "meprise*", "mechant*", "nul", "nulle", "stupide*", "debile*",
           "ridicule*", "hypocrite*", "jaloux", "jalouse", "manipul*", "agressi*", "irrespectu*", "malhonnete*",
           "egoiste*", "il m a humilie*", "elle m a humilie*", "m a attaque*", "m a trahi*", "m a ignore*",
           "tout le monde", "personne ne", "n importe quoi", "il s en fiche", "elle s en fiche", "il s en fout",
           "elle s en fout", "pour m enerver", "pour me blesser", "pour m humilier", "veut me", "cherche a",
           "pas serieux", "pas serieuse", "pas professionnel*", "inadmissible", "inacceptable", "honteu*",
           "scandaleu*", "incompetent*", "lamentable*", "pathetique*", "minable*", "abuse", "foutage de gueule",
           "typique", "comme par hasard", "pourquoi tu crois", "tu te crois"],
    "en": ["always", "never", "on purpose", "obviously", "clearly", "as usual", "he wants", "she wants",
           "they want", "he thinks", "she thinks", "trying to", "mock*", "despise*", "mean", "stupid", "idiot*",
           "ridiculous", "hypocrit*", "jealous", "manipulat*", "aggressive", "rude", "disrespect*", "selfish",
           "humiliated me", "attacked me", "betrayed me", "ignored me", "everyone", "nobody", "doesn't care",
           "does not care", "to hurt me", "to annoy me", "wants to", "unacceptable", "unprofessional",
           "disgrace*", "incompetent", "pathetic", "a joke", "shameful", "not serious", "typical",
           "why you think", "you think you"],
}
# Reported speech ("il a écrit que…") describes what was said: a fact, even when what was said judges.
_REPORTED = re.compile(r"(?<![a-z])(?:a|ont|avait|m a|m ont) (?:ecrit|dit|poste|publie|commente|repondu|envoye|partage)"
                       r"|(?<![a-z])(?:wrote|said|posted|commented|replied|sent|shared|called me)(?![a-z])")
_SENTENCES = re.compile(r"(?<=[.!?…])\s+|\n+")


def _cue_regex(lang: str) -> re.Pattern[str]:
    parts = []
    for cue in _JUDGMENT_CUES["en" if lang == "en" else "fr"]:
        if cue.startswith("re:"):  # a cue that needs its own pattern ("toujours", not "toujours pas")
            parts.append(cue[3:])
            continue
        stem = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(stem + (r"[a-z]*" if cue.endswith("*") else ""))
    return re.compile(r"(?<![a-z])(?:" + "|".join(parts) + r")(?![a-z])")


_CUES = {lang: _cue_regex(lang) for lang in ("fr", "en")}


def bounded(text: str, limit: int = MAX_RECEIVED) -> tuple[str, bool]:
    """The text cleaned and cut to ``limit`` characters; True when something was cut."""
    text = clean(text)
    return (text, False) if len(text) <= limit else (text[:limit].rstrip() + "…", True)


@dataclass(frozen=True)
class Sorted:
    """The user's account split into what a camera would have seen and what they read into it."""

    facts: tuple[str, ...]
    judgments: tuple[str, ...]


def sort_facts(text: str, lang: str, marker_kinds: Sequence[Sequence[str]] | None = None) -> Sorted:
    """Split ``text`` into sentences; a sentence holding an evaluative word or a tension marker is a judgment.

    ``marker_kinds`` gives, per sentence, the analyser's marker kinds (optional, same order as the sentences).
    """
    sentences = [s.strip() for s in _SENTENCES.split(clean(text)) if s.strip()]
    cues = _CUES["en" if lang == "en" else "fr"]
    facts, judgments = [], []
    for i, sentence in enumerate(sentences):
        kinds = marker_kinds[i] if marker_kinds and i < len(marker_kinds) else ()
        plain = normalise(sentence)
        quoted = bool(re.search(r"[«\"“].+[»\"”]", sentence)) or bool(_REPORTED.search(plain))
        judged = bool(cues.search(_REPORTED.split(plain)[0])) if quoted else (
            bool(cues.search(plain)) or any(k != "shouting" for k in kinds))
        (judgments if judged else facts).append(sentence)
    return Sorted(tuple(facts), tuple(judgments))


def sentences(text: str) -> list[str]:
    """The sentences ``sort_facts`` works on."""
    return [s.strip() for s in _SENTENCES.split(clean(text)) if s.strip()]


# What the analyser's markers suggest, as hypotheses: (feelings, needs) of the person who wrote the message…
_THEIR_SIDE = {
    "threat": (("en_colere", "effraye"), ("securite", "etre_entendu")),
    "exclusion": (("effraye", "mefiant"), ("securite", "appartenance")),
    "insult": (("en_colere", "blesse"), ("respect", "etre_entendu")),
    "contempt": (("amer", "frustre"), ("reconnaissance", "consideration")),
    "accusation": (("frustre", "decu"), ("equite", "comprehension")),
    "sarcasm": (("agace", "decu"), ("honnetete", "etre_entendu")),
    "generalisation": (("decourage", "exaspere"), ("etre_entendu", "consideration")),
    "shouting": (("exaspere", "impatient"), ("etre_entendu", "reconnaissance")),
    "profanity": (("irrite", "tendu"), ("expression_de_soi", "etre_entendu")),
    "blame": (("frustre", "decu"), ("equite", "comprehension")),
    "mockery": (("amer", "agace"), ("reconnaissance", "jeu")),
    "passive_aggression": (("decu", "agace"), ("consideration", "etre_entendu")),
    "condescension": (("impatient", "agace"), ("competence", "clarte")),
    "guilt_trip": (("blesse", "decu"), ("reconnaissance", "reciprocite")),
    "dismissal": (("exaspere", "sature"), ("espace", "calme")),
}
_THEIR_DEFAULT = (("inquiet", "decu"), ("comprehension", "etre_entendu"))

# …and of the person who received it.
_MY_SIDE = {
    "threat": (("effraye", "inquiet"), ("securite", "protection")),
    "exclusion": (("blesse", "indigne"), ("respect", "inclusion")),
    "insult": (("blesse", "en_colere"), ("respect", "dignite")),
    "contempt": (("blesse", "agace"), ("respect", "consideration")),
    "accusation": (("frustre", "tendu"), ("comprehension", "equite")),
    "sarcasm": (("agace", "mal_a_laise"), ("honnetete", "respect")),
    "generalisation": (("frustre", "decourage"), ("reconnaissance", "comprehension")),
    "shouting": (("tendu", "agite"), ("calme", "respect")),
    "profanity": (("irrite", "tendu"), ("respect", "calme")),
    "blame": (("frustre", "tendu"), ("comprehension", "equite")),
    "mockery": (("blesse", "gene"), ("respect", "dignite")),
    "passive_aggression": (("agace", "mal_a_laise"), ("honnetete", "clarte")),
    "condescension": (("agace", "irrite"), ("respect", "consideration")),
    "guilt_trip": (("coupable", "tiraille"), ("autonomie", "comprehension")),
    "dismissal": (("blesse", "indigne"), ("etre_entendu", "respect")),
    "hate": (("blesse", "effraye"), ("securite", "dignite")),
    "incitement": (("effraye", "blesse"), ("securite", "soutien")),
    "blackmail": (("effraye", "desempare"), ("securite", "protection")),
    "doxxing": (("effraye", "sur_qui_vive"), ("securite", "vie_privee")),
}
_MY_DEFAULT = (("perplexe", "tendu"), ("comprehension", "clarte"))


def _gather(kinds: Sequence[str], table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
            default: tuple[tuple[str, ...], tuple[str, ...]], limit: int = 3) -> tuple[list[str], list[str]]:
    feelings: list[str] = []
    needs: list[str] = []
    for kind in kinds:
        f, n = table.get(kind, ((), ()))
        feelings += [x for x in f if x not in feelings]
        needs += [x for x in n if x not in needs]
    if not feelings:
        feelings, needs = list(default[0]), list(default[1])
    return feelings[:limit], needs[:limit]


def marker_kinds(reading: Reading | None) -> list[str]:
    """Marker kinds of a reading, strongest first as the lexicon lists them, without repeats."""
    if reading is None:
        return []
    seen: list[str] = []
    for marker in reading.markers:
        if marker.kind not in seen:
            seen.append(marker.kind)
    return seen


def guess_their_side(kinds: Sequence[str]) -> tuple[list[str], list[str]]:
    """Feelings and needs the other person *might* have had (a hypothesis to offer, never a verdict)."""
    return _gather(kinds, _THEIR_SIDE, _THEIR_DEFAULT)


def suggest_my_side(kinds: Sequence[str]) -> tuple[list[str], list[str]]:
    """Feelings and needs often felt on receiving such a message (pre-ticked, the user changes them)."""
    return _gather(kinds, _MY_SIDE, _MY_DEFAULT, limit=2)


def join_words(words: Sequence[str], lang: str) -> str:
    """"a, b et c" / "a, b and c"."""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    last = " et " if lang != "en" else " and "
    return ", ".join(words[:-1]) + last + words[-1]


def with_de(words: Sequence[str], lang: str) -> str:
    """"de respect et d'être entendu·e" in French; "respect and to be heard" in English."""
    if lang == "en":
        return join_words(words, lang)
    return join_words([("d'" if normalise(w[:1]) in tuple("aeiouyh") else "de ") + w for w in words], lang)


# What makes a calm draft good, as the user wrote it (accent-free, lower-case).
_PRAISE_CUES = {
    "feeling": {
        "fr": r"(?<![a-z])(?:je me sens|je me suis sent|ca m a (?:fait|touche|blesse|peine)|j ai ete (?:blesse|touche|"
              r"triste|decu)|je suis (?:triste|decu|blesse|inquiet|inquiete|fatigue|perdu|en colere)|je ressens|"
              r"ca me fait|j ai de la peine|m a fait de la peine)",
        "en": r"(?<![a-z])(?:i feel|i felt|it hurt|i was hurt|i m (?:sad|hurt|upset|worried|disappointed)|"
              r"i am (?:sad|hurt|upset|worried|disappointed)|made me feel)",
    },
    "ownership": {
        "fr": r"(?<![a-z])(?:je reconnais|c est vrai que|tu as raison|vous avez raison|j aurais du|j aurais pu|"
              r"desole|desolee|pardon|je m excuse|ma part|mon erreur|je n aurais pas du|j ai eu tort)",
        "en": r"(?<![a-z])(?:you re right|you are right|i should have|i shouldn t have|sorry|i apologi[sz]e|"
              r"my part|my mistake|i was wrong|fair point)",
    },
    "request": {
        "fr": r"(?<![a-z])(?:est ce qu on (?:peut|pourrait)|on peut en parler|on pourrait|pourrions nous|"
              r"pouvons nous|pourriez vous|peux tu|tu veux qu on|je te propose|je vous propose|on s appelle|"
              r"on se voit|prenons|on en reparle|a l avenir|la prochaine fois)",
        "en": r"(?<![a-z])(?:can we|could we|shall we|would you|could you|let s|i suggest|i propose|next time|"
              r"in future|in the future|how about)",
    },
}
_PRAISE = {kind: {lang: re.compile(pattern) for lang, pattern in by_lang.items()}
           for kind, by_lang in _PRAISE_CUES.items()}


def draft_praise(draft: str, lang: str) -> list[str]:
    """What a calm draft does well: "feeling", "ownership", "request", or "calm" when it is plainly factual."""
    plain = normalise(draft)
    found = [kind for kind, by_lang in _PRAISE.items() if by_lang["en" if lang == "en" else "fr"].search(plain)]
    return found or (["calm"] if len(plain) >= 20 else [])
