"""The user's words as journeys reflect them: whole sentences or clauses, what they named, what they brushed off."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from companion.engine.text import clean, normalise

_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+|\s+[—–-]\s+|\s+(?=(?:mais|parce que|alors que|but|because|although)\b)")

# Answers that say "I already told you" or "nothing": kept in the journal, never quoted back or built upon.
_DISMISSIVE = re.compile(
    r"^(?:(?:bah|ben|bon|euh|mais|beh|well|um|meh)\s+)*"
    r"(?:je (?:te |vous )?l ai (?:deja )?dit|j ai (?:deja )?dit|je t ai (?:deja )?dit|deja dit"
    r"|comme (?:je )?(?:l ai |te l ai )?dit|comme je disais|pareil|idem|meme chose|la meme chose"
    r"|rien(?: de special| de plus| du tout)?|jsp|je sais pas(?: trop)?"
    r"|je ne sais pas|aucune idee|peu importe|osef|on s en fout|balek|nsp|pas grand chose|bof|ok|oui|non"
    r"|i (?:already )?told you|already said|same|same thing|nothing(?: really| much)?|whatever|idk|i don t know|dunno"
    r"|no idea|not much)"
    r"(?:\s+(?:quoi|hein|lol|mdr|deja|plus haut|above|already|before))*$"
)

# What people name about a character (in the schoolyard or online): ids, and the patterns on normalised text.
ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern)) for name, pattern in (
    ("humour", r"\b(?:clown|rigol\w*|drole|marrant|comique|blagu\w*|fai(?:s|sais|re) rire|humou?r|funny|jok\w*"
               r"|make people laugh|made people laugh|memes?)\b"),
    ("discreet", r"\b(?:discret\w*|timide|invisible|dans mon coin|a part|reserv\w*|effac\w*|observ\w*|shy|quiet"
                 r"|wallflower|lurk\w*|poste (?:peu|rien|jamais)|never post)\b"),
    ("leader", r"\b(?:chef|leader|meneu\w*|boss|capitaine|in charge|ringleader)\b"),
    ("serious", r"\b(?:bon eleve|bonne eleve|intello|premier de la classe|premiere de la classe|serieu\w*|pro"
                r"|professionnel\w*|good student|nerd|serious|professional)\b"),
    ("edgy", r"\b(?:piqu\w*|clash\w*|troll\w*|provo\w*|rebelle|bagarr\w*|sarcas\w*|mean jokes?|roast\w*|rebel"
             r"|troublemaker|snark\w*|edgy)\b"),
    ("helper", r"\b(?:protect(?:eur|rice)|mediat\w*|confident\w*|j aidais|aider les autres|ecoutais|helper"
               r"|peacemaker|looked after)\b"),
))

NEEDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern)) for name, pattern in (
    ("recognition", r"\b(?:reconnaiss\w*|likes?|etre vue?|qu on me (?:voi\w*|remarqu\w*)|remarqu\w*|attention"
                    r"|admir\w*|valid\w*|abonnes|followers?|populaire|popular|recognition|seen|noticed|approval)\b"),
    ("connection", r"\b(?:amis?|amies?|copains?|copines?|potes?|lien|relations?|appartenir|accepte\w*|integr\w*"
                   r"|friends?|connection|belong\w*|accepted)\b"),
    ("protection", r"\b(?:proteg\w*|protect\w*|tranquill\w*|qu on me laisse|evit\w* qu on se moque|pas embete\w*"
                   r"|safe|left alone|shield\w*)\b"),
    ("lightness", r"\b(?:m amuser|s amuser|fun|detente|decompress\w*|me detendre|relax\w*|rigoler)\b"),
    ("time", r"\b(?:passer le temps|ennui|m ennuie|m occuper|bored\w*|boredom|kill time|pass the time)\b"),
    ("thrill", r"\b(?:sensations?|adrenaline|frissons?|thrills?|excitement)\b"),
    ("learning", r"\b(?:apprendre|infos?|actu\w*|decouvr\w*|learn\w*|news|discover\w*)\b"),
))


def one_line(text: str) -> str:
    """The text on one line, trimmed."""
    return _SPACES.sub(" ", clean(text)).strip()


def dismissive(text: str) -> bool:
    """True for "bah je te l'ai dit", "jsp", "rien", "same": nothing of the person's to reflect on."""
    flat = normalise(text).strip(" .!?…,;:-")
    return not flat or bool(_DISMISSIVE.match(flat))


def clip(text: str, limit: int) -> str | None:
    """The start of ``text`` that ends at a sentence or clause boundary and fits ``limit``; None if none does.

    Never cuts mid-clause: either whole sentences, or the first clauses of the first sentence.
    """
    flat = one_line(text)
    if len(flat) <= limit:
        return flat or None
    taken = ""
    for sentence in _SENTENCE_END.split(flat):
        joined = f"{taken} {sentence}".strip()
        if len(joined) > limit:
            break
        taken = joined
    if taken:
        return taken
    first = _SENTENCE_END.split(flat, maxsplit=1)[0]
    taken = ""
    position = 0
    for match in _CLAUSE_END.finditer(first):
        candidate = first[:match.start()].rstrip(" ,;:")
        if len(candidate) > limit:
            break
        taken, position = candidate, match.start()
    return taken if taken and position >= 12 else None


def reflectable(text: str | None) -> bool:
    """An answer worth quoting or building upon."""
    return bool(text) and not dismissive(text or "")


def named(text: str, lexicon: Sequence[tuple[str, re.Pattern[str]]]) -> list[str]:
    """Ids of the lexicon that ``text`` names, in the lexicon's order."""
    flat = normalise(text)
    return [name for name, pattern in lexicon if pattern.search(flat)]


def first_shared(left: Iterable[str], right: Iterable[str]) -> str | None:
    """The first id both lists share."""
    wanted = set(right)
    return next((x for x in left if x in wanted), None)
