"""Crisis screening: a rule-based, explainable screen run on every user text before any flow.

``screen(text)`` says whether a message suggests suicide, self-harm or immediate danger (threats,
sextortion, violence at home, stalking, grooming, someone else in danger). It is pure Python, offline
and fast (rules are compiled once; a typical message takes well under a millisecond).

Design, in the order a message goes through it:

1. **Normalise** (``_sentences``): NFKC, case-fold, drop invisible/bidi characters, strip accents,
   map look-alike letters and leetspeak between letters (``su1c1de``), turn laughing emoji into the
   token ``mdr``, drop apostrophes (``j'vais`` = ``jvais``, ``l'air`` = ``lair``), collapse repeated
   letters (``jveuuux`` = ``jveux``; patterns are collapsed the same way when compiled, so they are
   written in ordinary spelling) and split into sentences.
2. **Neutralise** spans that only look like cues: figurative idioms (``mort de rire``, ``crever de
   chaud``, ``tuer le game``, ``dying to see``), explicit reassurance (``je vais pas me suicider
   t'inquiète``, ``I'm not going to hurt myself``) and insults reported by the user (``on m'a dit de me
   suicider``). Negation is handled here, span by span: ``je veux plus vivre`` or ``je sais pas si je
   vais tenir`` stay cues.
3. **Match rule tables** grouped by kind; each rule has an id, a kind, a tier and optional ``requires``
   / ``unless`` patterns. Tiers:
   - ``explicit``: fires on its own (``me scarifier``, ``lettre d'adieu``, ``il menace de publier mes
     nudes``);
   - ``hyperbolic``: fires unless a figurative guard holds in the same sentence: laughter near the cue
     (``mdr``, ``lol``, 😂, 💀), a trivial conditional (``si j'entends encore cette chanson``), a
     news/fiction/school frame (``article``, ``exposé``, ``dans le film``) and, for violent words, a
     video-game context;
   - ``weak``: signals that only count when two different ones co-occur (``j'en peux plus`` +
     ``je sers à rien``).
4. **Decide**: crisis when a non-weak cue fires or two weak families co-occur. The kind is the most
   urgent one found: suicide, then danger, then self-harm. Someone else at risk (``ma pote veut se
   suicider``) counts as a crisis of the same kind (3114 also answers relatives); someone else being
   hurt or threatened counts as danger.

Reassurance policy: an explicit denial (``je ne vais pas me suicider``) is not a crisis by itself; any
other cue in the message still counts. Recall comes first: when a message could be either, the rules
lean towards catching it. The screen never logs, stores or returns the user's text: only rule ids.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from re import _constants as _sre_c  # type: ignore[attr-defined]
from re import _parser as _sre_p  # type: ignore[attr-defined]
from typing import Literal

__all__ = [
    "CrisisResource",
    "CrisisSignal",
    "crisis_resources",
    "evaluate",
    "normalize",
    "screen",
]

Kind = Literal["suicide", "self-harm", "danger"]
Tier = Literal["explicit", "hyperbolic", "weak"]

KINDS: tuple[Kind, ...] = ("suicide", "danger", "self-harm")  # most urgent first
MAX_CHARS = 20_000  # Telegram caps messages at 4096; anything longer is screened on its head


@dataclass(frozen=True)
class CrisisSignal:
    """Outcome of ``screen``: whether to switch to crisis mode, which kind, and the rule ids that fired."""

    is_crisis: bool
    kind: str | None  # "suicide" | "self-harm" | "danger" | None
    cues: tuple[str, ...]  # ids of the rules that fired (never the user's text)


NO_CRISIS = CrisisSignal(False, None, ())


# --------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------

_LAUGH_EMOJI = re.compile("[\U0001f602\U0001f923\U0001f480\u2620\U0001f639\U0001f606\U0001f605\U0001f92d\ufe0f]+")
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufe00-\ufe0f\ufeff]"
)
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_CHAR_MAP = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u2032": "'",
        "\u0153": "oe", "\u00e6": "ae", "\u00f8": "o", "\u0142": "l", "\u0111": "d", "\u0131": "i",
        "\u20ac": " euros ", "\u00a3": " pounds ",
        # Cyrillic and Greek look-alikes used to dodge filters ("suicide" with a Cyrillic "с").
        "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y",
        "\u0445": "x", "\u0456": "i", "\u0455": "s", "\u0458": "j", "\u043a": "k", "\u043c": "m",
        "\u0442": "t", "\u043d": "h", "\u0432": "b",
        "\u03bf": "o", "\u03b1": "a", "\u03b5": "e", "\u03b9": "i", "\u03ba": "k", "\u03bd": "v",
        "\u03c1": "p", "\u03c4": "t", "\u03c5": "u",
    }
)
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "*": ""}
_LEET = re.compile(r"(?<=[a-z])[013457@$!*](?=[a-z])")
_ELISION = re.compile(r"(?<![a-z])([cdjlmnst]|qu)'(?=[a-z])")  # l'air -> "l air", like the SMS "l air"
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")  # don't -> "dont", jusqu'au -> "jusquau"
_ELLIPSIS = re.compile(r"\.{2,}|\u2026")
_SENTENCE_END = re.compile(r"[.!?;\n\r\u2028\u2029]+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"([a-z])\1+")
_LAUGH_TOKENS = (
    r"mdr|ptdr|xptdr|lol|lmao|lmfao|rofl|xd|jk|kek|a?(?:ha){2,}h?|(?:ah){2,}|(?:hi){2,}|(?:he){2,}h?"
)
_LAUGH_ONLY = re.compile(
    rf"^(?:(?:{_LAUGH_TOKENS}|je rigole|jrigole|je plaisante|jplaisante|c ?est une blague|cest pour rire"
    r"|just kidding|im joking|non|nan|bref|jpp|ok|oups|oops|wsh|frr?)\s*)+$"
)


def _sentence_text(raw: str) -> str:
    """Reduce one sentence to lower-case ASCII words with repeated letters collapsed."""
    return _REPEATS.sub(r"\1", _NON_ALNUM.sub(" ", raw)).strip()


def _sentences(text: str) -> list[str]:
    """Split ``text`` into normalised sentences; a trailing laugh-only sentence joins the previous one."""
    s = unicodedata.normalize("NFKC", text[:MAX_CHARS]).casefold()
    s = _LAUGH_EMOJI.sub(" mdr ", s)
    s = _INVISIBLE.sub("", s).translate(_CHAR_MAP)
    s = _COMBINING.sub("", unicodedata.normalize("NFD", s))
    s = _LEET.sub(lambda m: _LEET_MAP[m.group()], s)
    s = _INNER_APOSTROPHE.sub("", _ELISION.sub(r"\1 ", s))
    s = _ELLIPSIS.sub(" ", s)
    out: list[str] = []
    for raw in _SENTENCE_END.split(s):
        sent = _sentence_text(raw)
        if not sent:
            continue
        if out and _LAUGH_ONLY.match(sent):
            out[-1] = f"{out[-1]} {sent}"
        else:
            out.append(sent)
    return out


def normalize(text: str) -> str:
    """Return the normalised form the rules see (sentences joined by `` | ``); for tests and debugging."""
    return " | ".join(_sentences(text))


# --------------------------------------------------------------------------------------------------
# Pattern compilation: macros, apostrophes, accents and repeated letters handled once, here.
# --------------------------------------------------------------------------------------------------

_MACROS = {
    # first person, French, including SMS spellings once apostrophes are gone ("jvais", "jsuis")
    "<JE>": r"\b(?:je |j ?)",
    "<JME>": r"\b(?:je me |je m ?|j ?me |j ?m ?)",
    "<JAI>": r"\b(?:j ?ai|g)\b",
    "<JSUIS>": r"\b(?:je suis|j ?suis|j ?sui|chui|chuis|shui)\b",
    "<JVAIS>": r"\b(?:je |j ?)(?:vais|vai|vas|ve)\b",
    "<JVEUX>": r"\b(?:je |j ?)(?:ne |n ?)?(?:veux|veu|voudrais|voudrai|voulais|aimerais|aimerai|prefererais)\b",
    "<IFR>": (
        r"\b(?:je|j|jai|g|moi|jsuis|jsui|chui|chuis|jvais|jvai|jve|jveux|jveu|jvoudrais|jpense|jcrois|jcompte|jpeux"
        r"|jdois|jsais|jsp|jme|jen|jy|jaimerais|jprefere|jpourrais|jdevrais|jvoulais|jpensais|jhesite|jfinirai"
        r"|jreve)\b"
    ),
    # words between a first-person lead and its verb, but never another subject or a possessive
    "<GAP>": (
        r"(?: (?!(?:il|elle|ils|elles|quil|kil|quelle|quils|on|tu|te|t|vous|he|she|they|hes|shes|theyre|you|u|ma"
        r"|mon|ta|ton|sa|son|mes|tes|ses|leur|my|his|her|their|ce|cette|ca|sa|it)\b)\w+){0,4}?"
    ),
    "<ME>": r"(?:me |m ?)",
    "<SE>": r"(?:se |s ?)",
    "<PLUS>": r"(?:plus|pu|plu|pus)",
    "<QUIL>": r"\b(?:qu ?il|qu ?elle|qu ?ils|qu ?elles|kil|k ?il|k ?elle|quil)\b",
    "<DRUGS>": (
        r"(?:cachets?|medocs?|medicaments?|comprimes?|pilules?|gelules?|somniferes?|doliprane|dafalgan|efferalgan"
        r"|paracetamol|ibuprofene|anxiolytiques?|antidepresseurs?|xanax|lexomil|tramadol|benzos?|neuroleptiques?"
        r"|calmants?)"
    ),
    "<PILLS>": r"(?:pills|tablets|meds|medication|medications|paracetamol|tylenol|ibuprofen|advil|xanax|benzos)",
    # someone close (used for "someone else in danger")
    "<CLOSE>": (
        r"(?:pote|potes|ami|amie|amis|copine|copain|meilleure? amie?|bff|soeur|frere|cousin|cousine|mere|maman|pere"
        r"|papa|fils|fille|coloc|voisin|voisine|copine|mec|meuf|femme|mari|camarade|collegue|daronne?|petite? amie?"
        r"|copines|friend|friends|sister|brother|cousin|mom|mum|mother|dad|father|girlfriend|boyfriend|gf|bf"
        r"|roommate|classmate|wife|husband|son|daughter|bestie|mate)"
    ),
    # strangers and exes (who wait outside or follow the user; parents left out)
    "<STALKER>": (
        r"(?:il|ils|elle|he|she|they|hes|shes|theyre|someone|somebody|quelqu ?un|un mec|un type|un gars|un homme"
        r"|un inconnu|des mecs|ce mec|ce type|le mec|le type|this guy|a guy|some guy|a man|a stranger|mon ex|my ex"
        r"|mon harceleur|my stalker|une voiture|a car|a van|une camionette|des gens|people|une femme|a woman)"
    ),
    # people who may hurt the user
    "<AGG>": (
        r"(?:il|ils|elle|elles|he|she|they|hes|shes|theyre|hel|shel|theyl|hed|shed|theyd|someone|somebody"
        r"|quelqu ?un|on|des mecs|un mec|un type|un gars|un homme|un inconnu|une inconnue|ce mec|ce type|ce gars"
        r"|le mec|this guy|a guy|some guy|a man|these guys|mon ex|mon copain|mon mec|mon mari|mon beau pere"
        r"|mon beau frere|mon pere|mon frere|mon oncle|mon voisin|ma copine|ma meuf|ma femme|my ex|my boyfriend"
        r"|my bf|my husband|my stepdad|my stepfather|my dad|my father|my brother|my uncle|my partner|my girlfriend"
        r"|my gf|my neighbou?r|mon daron|ma mere|ma daronne"
        r"|ma belle mere|mes parents|mes darons|ma soeur|ma tante|mon cousin|mon grand frere|my mom|my mum|my mother"
        r"|my stepmom|my parents|my sister|des gens|people|certains|mon harceleur|my stalker|mon agresseur)"
    ),
}


def _squeeze_pattern(src: str) -> str:
    """Collapse repeated literal letters in a regex source, leaving escapes (``\\b``, ``\\w``) intact."""
    out: list[str] = []
    prev = ""
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            out.append(src[i : i + 2])
            i += 2
            prev = ""
            continue
        if ch.isalpha() and ch == prev:
            i += 1
            continue
        out.append(ch)
        prev = ch if ch.isalpha() else ""
        i += 1
    return "".join(out)


def _required_literals(items: list, depth: int = 0) -> frozenset[str] | None:
    """Literal strings one of which every match of the parsed regex ``items`` must contain (None: unknown).

    A cheap prefilter in the spirit of RE2/codesearch: ``screen`` skips a rule when none of its literals
    occurs in the text, so most of the ~100 rules cost one substring test per message.
    """
    if depth > 50:
        return None
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 2:
            candidates.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:
        if op is _sre_c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        found: frozenset[str] | None = None
        if op is _sre_c.SUBPATTERN:
            found = _required_literals(list(av[-1]), depth + 1)
        elif op is _sre_c.BRANCH:
            branches = [_required_literals(list(b), depth + 1) for b in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, _sre_c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _required_literals(list(av[2]), depth + 1)
        if found:
            candidates.append(found)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _anchors(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Prefilter literals for a compiled pattern, or None when it cannot be derived safely."""
    try:
        return _required_literals(list(_sre_p.parse(pattern.pattern)))
    except Exception:  # noqa: BLE001 - a private parser changed: screen without the prefilter
        return None


def _rx(src: str) -> re.Pattern[str]:
    """Compile a rule pattern written in plain (accented, apostrophed, double-lettered) spelling."""
    for name, value in _MACROS.items():
        src = src.replace(name, value)
    src = src.replace("'", " ?")
    src = _COMBINING.sub("", unicodedata.normalize("NFD", src))
    return re.compile(_squeeze_pattern(src))


# --------------------------------------------------------------------------------------------------
# Neutralisers: spans removed before matching (figurative idioms, reassurance, reported insults).
# --------------------------------------------------------------------------------------------------

_FIGURATIVE = [
    _rx(
        r"\b(?:mort|morte|morts|mortes|mourir|meurs|meurt|mourais|mourant|mourante|creve|crever|crevais|crevait"
        r"|creuve|dead|dying|died|die|killed|killing|failli crever|failli mourir) (?:de |d ?|of |from )?(?:rire|rires"
        r"|fou rire|lol|mdr|honte|chaud|chaleur|froid|faim|soif|fatigue|ennui|jalousie|envie|stress|cringe|gene"
        r"|laughter|laughing|embarrassment|boredom|hunger|cold|heat|cuteness|curiosity)\b"
    ),
    _rx(r"\b(?:dying|die) to (?:see|know|try|meet|go|hear|watch|read|get|play|eat|have|tell|show)\b"),
    _rx(r"\bto die for\b|\bkil(?:ing|ed|s)? (?:it|time|the game|the vibe)\b"),
    _rx(r"\b(?:tuer|tue|tuent|tuait) le (?:game|jeu|temps)\b"),
    _rx(
        r"\b(?:disparaitre|rentrer|me cacher|m ?enterrer|m ?enfoncer) (?:\w+ )?sous (?:terre|le sol|ma couette"
        r"|mon lit)\b"
    ),
    _rx(
        r"\b(?:me |m ?|je me |j ?me )(?:tue|tuer|tuais|suis tue|suis tuee) (?:a|au|a la) (?:la tache|tache|le dire"
        r"|te le dire|vous le dire|te le repeter|vous le repeter|t ?expliquer|vous expliquer|le faire|reviser"
        r"|te dire|vous dire|repeter|le repeter|travailler|bosser|expliquer|la salle|la muscu|l ?entrainement"
        r"|travail|boulot|force)\b"
    ),
    _rx(
        r"\b(?:poignarde|poignardee|poignarder|poignardes|stab|stabbed|stabbing) (?:\w+ ){0,2}?(?:dans le dos"
        r"|in the back)\b"
    ),
    _rx(r"\bkil(?:ing)? myself (?:laughing|trying|working|studying|to finish|over (?:this|that|it)"
        r"|for (?:forgeting|mising|not|saying|doing|being so))\b"),
    _rx(r"\bshoot myself in the foot\b|\b(?:me |m ?)tirer une balle dans le pied\b"),
    _rx(r"\bbang(?:ing)? my head (?:against|on) (?:the|a|my) (?:wall|desk|keyboard)\b"),
    _rx(r"\b(?:ennuie|ennuyeux|ennuyeuse|chiant|chiante|triste|belle|beau|bete|long|longue) a mourir\b"),
    _rx(r"\bsuicide (?:social|commercial|politique|professionnel|squad|mission)\b"),
    _rx(r"\b(?:me |m ?)pendre (?:a|au) (?:son|ton|leur|mon|ta|sa) cou\b"),
]

_TARGET_FR = (
    r"(?:me suicider|me tuer|mourir|en finir|me faire du mal|me faire de mal|me foutre en l'air"
    r"|faire (?:des |de |une )?(?:betises?|conneries?)|me couper|me scarifier|passer a l'acte|me blesser|me jeter"
    r"|me pendre|disparaitre|suicidaire|d ?idees? (?:suicidaires|noires))"
)
_REASSURANCE = [
    _rx(
        r"(?:<JE>(?:ne |n ?)?(?:vais|vai|ve|vas|veux|veu|voudrais|compte|pense|ferai|ferais|irai|vois)|<JAI>"
        r"|<JSUIS>|\bje n ?ai|\bj ?ai|\bpas question|\bt ?inquiete) ?(?:ne |n ?)?(?:pas|jamais|surtout pas"
        r"|absolument pas|pas du tout|aucune?|aucunement|pas question de|question de) (?:vraiment |du tout "
        r"|forcement |encore |non plus |au point de (?:vouloir )?|jusqu ?a (?:vouloir )?)?"
        r"(?:(?:envie|l ?intention|besoin|le projet|prevu|l ?idee) (?:de |d ?))?" + _TARGET_FR + r"\b"
    ),
    _rx(r"\bpas (?:au point de|jusqu ?a) (?:vouloir )?" + _TARGET_FR + r"\b"),
    _rx(
        r"\b(?:i m|im|i am|i l|i will|i would|i d|id|i)\b ?(?:not|never|dont|do not|wont|will not|would never|d never"
        r"|didnt|did not|wouldnt|would not) (?:ever |really |actually |even |seriously )?(?:going to |gonna "
        r"|want to |wanna |plan to |planning to |plan on |planning on |intend to |trying to |about to |thinking about "
        r"|think about |do anything to |feel like |have )?(?:kill myself|hurt myself|harm myself|die|end it"
        r"|end my life|cut|cut myself|do anything stupid|do something stupid|self harm|suicidal|unalive myself|kms"
        r"|suicidal thoughts)\b"
    ),
    _rx(r"\bnot (?:suicidal|going to hurt myself|going to kill myself|going to do anything stupid)\b"),
    _rx(r"\bno (?:suicidal thoughts|thoughts of (?:suicide|killing myself|self harm))\b"),
    _rx(r"\bnot to the point of (?:wanting to )?(?:die|dying|kill myself|killing myself|hurt myself|hurting myself)\b"),
]

_INCITEMENT = [
    _rx(
        r"\b(?:m ?a dit|m ?ont dit|me dit|me disent|me disait|me disaient|m ?ecrit|m ?a ecrit|m ?ont ecrit"
        r"|m ?ecrivent|m ?envoie|m ?envoient|me conseille|me conseillent|me souhaite|me souhaitent|me repete"
        r"|me repetent|commente|commentent|on m ?a dit|on me dit|me demande|me demandent|m ?insulte|veulent|disent"
        r"|dit|ecrivent|ecrit)\b(?: \w+){0,3}? (?:de |d ?|de bien |d ?aller |de bien aller |qu ?il faut que je "
        r"|que je devrais |que je ferais mieux de |que je dois |que j ?ai qu ?a )(?:aller )?<ME>(?:suicider|suicide"
        r"|tuer|tue|pendre|pende|jeter|jete|foutre en l'air|crever|creve)\b"
    ),
    _rx(
        r"\b(?:told|tells|telling|tell|said|says|saying|wrote|writes|commented|comment|comments|messaged|dmed|dm ed"
        r"|keeps telling|keep telling|kept telling)\b(?: \w+){0,2}? (?:me )?(?:to |i should |that i should "
        r"|i ought to |to go )(?:go )?(?:kill myself|kms|die|end it|hang myself|unalive myself|off myself)\b"
    ),
]
_SPACES = re.compile(r" {2,}")
_NEG_TOKEN = " zneg "
_INCITE_TOKEN = " zincite "


# --------------------------------------------------------------------------------------------------
# Guards: contexts that make a hyperbolic cue figurative.
# --------------------------------------------------------------------------------------------------

_GUARDS: dict[str, re.Pattern[str]] = {
    "laugh": _rx(
        rf"\b(?:{_LAUGH_TOKENS}|je rigole|jrigole|j rigole|je plaisante|jplaisante|c ?est une blague"
        r"|cest pour rire|just kidding|im joking|i m joking)\b"
    ),
    "trivial": _rx(
        r"\bsi (?:je |j ?)(?:entends|vois|lis|regarde|ecoute|recois)\b"
        r"|\bsi (?:je |j ?)dois (?:encore |re)?(?:entendre|voir|lire|regarder|ecouter)\b"
        r"|\ben (?:legende|bio|caption|statut|story)\b|\bapres (?:le|la|ce|cette|son|sa|mon|ma) (?:match|defaite"
        r"|episode|finale|spoiler)\b|\bif i (?:have to |gotta |hear|see|read|watch|listen to"
        r"|sit through)(?: \w+){0,4}? (?:again|another|one more)\b"
        r"|\bif i (?:hear|see|read|watch|listen to) (?:that|this|one more|another|it|him|her|them|the|his)\b"
        r"|\b(?:as a|as my|as his|as her|in (?:his|her|my)) (?:caption|bio|status)\b"
        r"|\bsi (?:\w+ ){0,3}?(?:me |m ?)?(?:refait|refais|resert|remet|remets|redit|redis|relance|repose|rejoue"
        r"|remontre)\b|\b(?:il fait|tellement|trop|si|so|too) (?:\w+ )?(?:chaud|froid|faim|soif|hot|cold|hungry)\b"
        r"|\b(?:canicule|chaleur|heatwave|heat wave)\b|\b(?:la honte|trop la honte|cringe|genant|genante"
        r"|embarrassing|embarrassed|so awkward|crush|flemme|so bored|trop chiant|trop chiante)\b"
        # "<trivial thing> makes me want to die": the cause is named and small
        r"|\b(?:ce|cette|ces|le|la|les|this|that|these|the|mon|ma|my) (?:\w+ )?(?:jeu|game|chanson|song|musique|music"
        r"|film|movie|serie|show|episode|prof|cours|class|devoirs?|homework|exam|examen|partiel|controle|reunion"
        r"|meeting|bug|appli|app|update|maj|wifi|trafic|traffic|embouteillage|bus|metro|train|queue|meteo|weather"
        r"|pluie|rain|lundi|monday|boulot|taf|job|work|meme|video|tiktok|reel|reels|playlist|match|equipe|team|ordi"
        r"|pc|laptop|phone|tel|boss|niveau|level)\b(?: \w+){0,3}? (?:me donne|m ?a donne|me donnent|makes me|made me"
        r"|is making me|me fait|m ?a fait|me fout|me met)\b"
    ),
    "meta": _rx(
        r"\b(?:article|articles|expose|docu|documentaire|reportage|podcast|emission|faits? divers|prevention"
        r"|sensibilisation|sensibiliser|statistiques?|stats|etude|sondage|awareness|research|essay|dissertation"
        r"|personnage|heros|heroine|character|protagonist|definition|news|headline|eleves"
        r"|(?:dans|in) (?:le|la|un|une|ce|cette|the|a|this) (?:film|serie|livre|roman|episode|manga|anime|bd|movie"
        r"|show|book|novel|series))\b"
    ),
    "game": _rx(
        r"\b(?:jeu|jeux|game|games|gaming|gamer|partie|parties|boss|niveau|level|mission|quete|quest|perso|pnj|npc"
        r"|ranked|fortnite|valorant|minecraft|roblox|gta|cod|warzone|apex|league|elden|malenia|zelda|mario|pokemon"
        r"|fifa|overwatch|csgo|cs|among us|respawn|spawn|pvp|pve|raid|donjon|dungeon|manette|controller|console|ps5"
        r"|ps4|xbox|switch|steam|lobby|skin|frag|headshot|speedrun|mob|mobs|zombies?|campeur|camper|sniper|tryhard"
        r"|noob|gg|serveur|server)\b"
    ),
    "social": _rx(
        r"\b(?:insta|instagram|ig|tiktok|tik tok|twitter|snap|snapchat|youtube|yt|twitch|facebook|fb|reseaux|reseau"
        r"|abonnes|abonnements?|followers?|compte|profil|profile|account|story|stories|likes|vues|views"
        r"|threads|bluesky|bsky|reels|en ligne|online|discord|whatsapp)\b"
    ),
}
_NOT_A_GAME = _rx(r"\b(?:pas un jeu|pas du jeu|not a game|no game)\b")

_HYPER = frozenset({"laugh", "trivial", "meta"})
_DEFAULT_GUARDS: dict[str, frozenset[str]] = {
    "explicit": frozenset(),
    "hyperbolic": _HYPER,
    "weak": frozenset({"laugh", "meta"}),
}


@dataclass(frozen=True)
class _Rule:
    """One screening rule: a pattern plus the context that must (not) surround it."""

    id: str
    kind: Kind
    tier: Tier
    pattern: re.Pattern[str]
    guards: frozenset[str]
    requires: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    message_scope: bool = False
    anchors: frozenset[str] | None = None  # derived; a match must contain one of these


def _r(
    rule_id: str,
    tier: Tier,
    pattern: str,
    *,
    kind: Kind | None = None,
    extra: Iterable[str] = (),
    requires: str | None = None,
    unless: str | None = None,
    message_scope: bool = False,
) -> _Rule:
    """Build a rule; the kind defaults to the id's prefix (``suicide.x`` -> ``suicide``)."""
    prefix = rule_id.split(".", 1)[0]
    resolved: Kind = kind or ("self-harm" if prefix == "self-harm" else "danger" if prefix == "danger" else "suicide")
    compiled = _rx(pattern)
    return _Rule(
        id=rule_id,
        kind=resolved,
        tier=tier,
        pattern=compiled,
        anchors=_anchors(compiled),
        guards=_DEFAULT_GUARDS[tier] | frozenset(extra),
        requires=_rx(requires) if requires else None,
        unless=_rx(unless) if unless else None,
        message_scope=message_scope,
    )


_FIRST_PERSON = r"\b(?:je|j|jai|g|me|m|moi|mes|mon|ma|jsuis|chui|jme|i|im|ive|id|my|me|myself)\b"
_OWNER = _FIRST_PERSON + r"|\b(?:mon|ma|mes|my|notre|our) (?:\w+ )?<CLOSE>\b"
_NON_PERSON = (
    r"\b(?:mon|ma|mes|son|sa|ses|ton|ta|le|la|les|my|his|her|the|this|ce|cette|cet) (?:\w+ )?(?:compte|page|tell"
    r"|telephone|portable|ordi|pc|batterie|appli|application|perso|personnage|serveur|wifi|connexion|plantes?"
    r"|poisson|tamagotchi|sims|account|phone|laptop|battery|app|character|server|plant|carriere|career|chaine"
    r"|channel|serie|groupe|voiture|car|pote virtuel)\b"
)
_REPORTING = (
    r"\b(?:dit|dis|ecrit|envoye|envoie|envoi|message|messages|dm|mp|menace|menaces|recu|commentaire|com|coms|texte"
    r"|sms|vocal|crie|hurle|said|says|told|texted|wrote|sent|threatened|messaged|dmed|yelled|screamed)\b"
)

# --------------------------------------------------------------------------------------------------
# Rule tables
# --------------------------------------------------------------------------------------------------

SUICIDE_RULES: tuple[_Rule, ...] = (
    # --- explicit words for suicide, first person -----------------------------------------------
    _r("suicide.reflexive", "hyperbolic",
       r"\b<ME>(?:suicid|sucid|suicd|suisid|suiscid)\w*|<JME>(?:suicid|sucid|suicd|suisid)\w*"),
    _r("suicide.to_kill_self_generic", "hyperbolic",
       r"\b(?:envie|besoin|l ?idee|tentation|temps|moyen|facon|maniere|comment) (?:de |d ?)<SE>(?:suicider|tuer"
       r"|foutre en l'air|pendre|jeter (?:du|d ?un|sous|par))\b"),
    _r("suicide.kill_self", "hyperbolic",
       r"<IFR><GAP> <ME>(?:tuer|tue|tuerai|tuerais|tuais)\b(?! (?:a|au|a la) (?:la tache|tache|travailler"
       r"|bosser))|\b(?:envie|besoin|l ?idee|idee|pense|pensé|penser|pensais|songe|songer|songeais|tentation|peur"
       r"|essaye|essayer|essaie|tente|tenter|voulu) (?:\w+ )?(?:de |d ?|a )<ME>tuer\b"),
    _r("suicide.ideation_word", "hyperbolic", r"\b(?:suicidaire|suicidaires|suicidal|sewer ?slide|sewerslid\w*)\b",
       requires=_OWNER),
    _r("suicide.think_about_suicide", "hyperbolic",
       r"<IFR><GAP> (?:pense|pensé|pensais|songe|reve) (?:\w+ ){0,3}?(?:a la mort|a mourir|a ma mort|a me tuer|a en finir|a disparaitre)\b(?! (?:de|d ?|des|du)\b)|"
       r"<IFR><GAP> (?:pense|pensé|pensais|songe|songé|reflechis|reve|envisage|envisagé) (?:\w+ ){0,2}?(?:au|a"
       r"|le) suicide\b|\bsuicide (?:\w+ ){0,3}?(?:seule|unique|meilleure) (?:solution|issue|option|sortie)\b"
       r"|\b(?:think|thinking|thought|thoughts) (?:about|of) (?:suicide|killing myself"
       r"|ending (?:it|my life|things)|taking my (?:own )?life)\b"),
    _r("suicide.idees_noires", "hyperbolic", r"\b(?:idees?|pensees?) (?:noires|suicidaires|de mort|de suicide)\b",
       requires=_OWNER),
    _r("suicide.attempt", "explicit",
       r"<JAI> (?:deja |encore |re)?(?:fait|refait|tente|fais) (?:une |des |plusieurs |ma |deux |trois )?(?:ts"
       r"|tentatives? de suicide|tentatives?)\b|\b(?:ma|mes|ta) (?:ts|tentatives? de suicide)\b"
       r"|<JAI> (?:deja )?(?:essaye|essayer|tente|voulu) (?:de |d ?)<ME>(?:suicider|tuer|pendre|jeter"
       r"|foutre en l'air|ouvrir)|\b(?:i|ive|i ve)\b(?: \w+){0,2}? (?:attempted|tried to commit) suicide\b"
       r"|\bmy (?:last |first |second )?suicide attempt"),
    _r("suicide.kill_myself", "hyperbolic",
       r"\bkil(?:ing|ed|s)? (?:my ?self|myslf|meself|myselve)\b|\bkms\b|\bunalive (?:my ?self|me)\b|\bunaliving\b"
       r"|\bsuicide myself\b|\boff(?:ing)? myself\b|\bend myself\b"),
    _r("suicide.commit_en", "hyperbolic",
       r"\b(?:i|im|ive|id|i m|i ve|gonna|going to|want to|wanna|thinking about|considering|contemplating|planning"
       r"|plan to|might|ready to|about to)\b(?: \w+){0,3}? (?:commit|committing|attempt|attempting) suicide\b"),
    # --- wishing to die / not to live ----------------------------------------------------------
    _r("suicide.want_die", "hyperbolic",
       r"(?:<JVEUX>|<JAI> (?:envie|besoin)|\benvie|\bbesoin|<JE>(?:reve|souhaite|prie|demande)|\bhate) (?:de "
       r"|d ?)?(?:juste |vraiment |tellement |trop |simplement |bien |plus que )?(?:mourir|creuver|crever"
       r"|etre mort|etre morte|etre morts|partir pour (?:toujours|de bon)"
       r"|en finir)\b(?! (?:que|plutot|de rire|de honte|de chaud|de faim|de froid|d ?envie|de fatigue|d ?ennui"
       r"|de peur))|\benvie (?:de )?mourir\b|\bveux mourir\b|\blaissez moi mourir\b"),
    _r("suicide.want_die_en", "hyperbolic",
       r"\b(?:want|wanna|wanted|wish|need|ready) (?:to )?(?:die|be dead|stop existing|not exist|not be alive"
       r"|not wake up)\b|\bwish (?:i|that i) (?:was|were|had) (?:dead|never been born|not born|never born)\b"
       r"|\bwish i (?:didnt|did not|would not|wouldnt) (?:exist|wake up)\b"
       r"|\bi (?:hope|pray) i (?:die|dont wake up)\b"),
    _r("suicide.not_live", "hyperbolic",
       r"\b<PLUS> (?:la |aucune |de )?force (?:de |d ?)(?:continuer|vivre|me battre|tenir|lutter|me lever)\b|"
       r"\bsert a rien (?:que je |de )(?:continue|continuer|vive|vivre|reste|rester en vie)\b|"
       r"(?:<JVEUX>|<JE>(?:ne |n ?)?(?:peux|supporte|arrive)) <PLUS> (?:\w+ )?(?:vivre|exister|etre en vie"
       r"|etre la|etre sur terre|continuer a vivre|continuer comme ca|me reveiller"
       r"|me lever le matin)\b(?! (?:dans|sur|ici|avec|chez|a |en |au |comme ca dans))"
       r"|\b(?:<PLUS>|pas|aucune|aucun|plus de|pas de|perdu|perdu le|perdu l ?) ?(?:envie|raison|raisons|gout"
       r"|force|interet|sens|but) (?:de |d ?|a )?(?:vivre|exister|continuer a vivre|rester en vie|la vie"
       r"|ma vie)\b|\b(?:marre|fatigue|fatiguee|lasse|epuise|epuisee|degoute|degoutee) (?:de |d ?)(?:vivre"
       r"|exister|la vie|etre en vie)\b|\bla vie (?:ne )?vaut (?:pas|plus) (?:la peine|le coup)\b"
       r"|\b(?:ma )?vie n ?a (?:<PLUS> |pas )?(?:aucun |de |d ?)?sens\b"
       r"|\ba quoi bon (?:vivre|continuer|exister|rester en vie)\b|\bj ?aurais (?:jamais|pas) du naitre\b"
       r"|\b(?:pourquoi|pk|pq) (?:je )?(?:continuer|vivre|rester en vie|je suis encore en vie|je vis encore)\b"),
    _r("suicide.not_live_en", "hyperbolic",
       r"\b(?:dont|do not|cant|no longer) see (?:the |any )?point (?:in|of) (?:living|life|going on|being alive|anything)\b|"
       r"\bwant (?:it|everything) (?:all )?to end\b|\bwant it all to end\b|"
       r"\b(?:dont|do not|dnt|no longer|dont even) (?:want|wanna) (?:to )?(?:be here|be alive|live|exist|wake up"
       r"|be around|go on)\b(?! (?:for|at|in|on|with|when|near|there|together|like that|through))"
       r"|\b(?:no|nothing|no point|no reason|not worth) (?:\w+ ){0,2}?(?:to live|living|to live for|in living"
       r"|to go on)\b|\bwhats the point (?:of|in) (?:living|life|going on|anything|me being alive)\b"
       r"|\b(?:tired|sick) of (?:living|being alive|existing|life)\b"
       r"|\bcant (?:go on|keep living|live like this)\b"),
    _r("suicide.end_it", "hyperbolic",
       r"\ben (?:finir|terminer)\b(?! (?:avec (?!(?:la vie|ma vie|tout|moi|cette vie|ce monde|l ?existence"
       r"|mes jours|mon existence)\b)|une bone fois pour toutes avec))",
       unless=r"\b(?:hate|presse|pressee|vite|envie qu ?on|faut qu ?on|qu ?on)\b (?:\w+ )?(?:d ?en|en) (?:finir"
              r"|terminer)\b"),
    _r("suicide.end_life", "explicit",
       r"\b(?:mettre|met|mets|metrai|metais|metait|vais mettre) (?:fin|un terme) (?:a|au) (?:mes jours|ma vie"
       r"|mon existence|tout ca|tout)\b|\b(?:end|ending|ended|take|taking|took) my (?:own )?life\b"
       r"|\bquiter (?:ce monde|la vie|cette terre)\b|\b(?:leave|leaving) this (?:world|earth|life)\b"),
    _r("suicide.end_it_en", "hyperbolic",
       r"\bend(?:ing)? it al\b|\b(?:i|im|ive|il|id|i m|gonna|going to|want to|wanna|about|thinking|think|thought"
       r"|planning|plan|ready to|just|should|might|could|will|wanted to)\b(?: \w+){0,3}? (?:end|ending) (?:it"
       r"|things|everything)\b(?! (?:with|betwen|for|of|on|here|there|up|now and|al ready|early|after))"),
    _r("suicide.foutre_en_lair", "hyperbolic",
       r"\b<ME>(?:foutre|fous|fou|fout|mettre|met|foutrai|fouterai) en l'air\b"),
    _r("suicide.connerie", "hyperbolic",
       r"(?:<JVAIS>|<JVEUX>|\bpeur de|\bpeur d ?|\benvie de|\benvie d ?|<JE>risque de"
       r"|<JE>sens que je vais) ?(?:faire|fais) (?:une |des |de )?(?:connerie|conneries|betise"
       r"|betises)\b(?! (?:au |a l|en cours|avec|dans))"),
    # --- methods -------------------------------------------------------------------------------
    _r("suicide.method_jump", "hyperbolic",
       r"<JSUIS> (?:sur|au bord du|au bord d ?un|en haut du|sur le bord du|sur le rebord du) (?:le |un )?(?:pont|toit|rebord|quai|falaise|balcon|viaduc)\b(?=[^|]*\b(?:l ?eau|le vide|sauter|saute|en bas|tomber|maintenant|adieu|le faire)\b)|"
       r"\b(?:im|i m|i am) (?:standing |sitting )?(?:on|at the edge of|on the edge of|on top of|on the ledge of) (?:the|a|this) (?:bridge|roof|ledge|cliff|rooftop|balcony)\b(?=[^|]*\b(?:right now|edge|jump|down|water|fall|ledge|end it|goodbye)\b)|"
       r"\b<ME>(?:jeter|jete|jette|jeterai|balancer|lancer) (?:du haut|par la fenetre|par une fenetre"
       r"|par le balcon|dans le vide|dans la seine|du pont|d ?un pont|d ?un immeuble|du toit|d ?un toit"
       r"|de mon balcon|du balcon|sous (?:un|le|une|la) (?:train|metro|voiture|bus|camion|tram|rer|tgv))\b"
       r"|\bsauter (?:du|d ?un|d ?une|de mon|de ma|de la|depuis|par la|du haut de|du haut d ?un"
       r"|dans le vide)(?: \w+){0,2}? ?(?:pont|toit|immeuble|balcon|fenetre|falaise|viaduc|tour|etage|building"
       r"|vide)\b|\bjump(?:ing)? (?:of|from) (?:a|the|that|this|my) (?:bridge|roof|building|cliff|balcony|window"
       r"|tower|overpass)\b|\b(?:jump|step|throw myself) in front of (?:a|the) (?:train|car|bus|truck|subway)\b",
       unless=r"\b(?:elastique|parachute|saut a|plongeoir|trampoline|piscine|parkour|bungee|parachuting"
              r"|if (?:al )?your friends)\b"),
    _r("suicide.method_hang", "hyperbolic",
       r"\b(?:tie|tied|tying|make|made|making) a noose\b|\bnoose (?:around|round|for)\b|"
       r"\b<ME>pendre\b|\bhang myself\b|\b(?:acheter|achete|trouve|prepare|preparé|j ?ai) (?:une|la) corde\b"
       r"|\bnoeud coulant\b|\bbought (?:a|some) rope\b"),
    _r("suicide.method_veins", "hyperbolic",
       r"\b(?:m ?|me )?(?:ouvrir|couper|tailler|taillader|trancher|entailler|ouvre|coupe|taille|tranche|ouvert"
       r"|ouverte) (?:les |mes )?veines\b|\b(?:slit|cut|slice|open) my (?:wrists?|veins|throat)\b"),
    _r("suicide.method_shoot", "hyperbolic",
       r"\b<ME>(?:tirer|mettre|mettrai|tire) une balle\b|\bshot myself\b"
       r"|\b<ME>(?:noyer|immoler|empoisonner|electrocuter|asphyxier)\b(?! dans)|\b<ME>(?:laisser|laisse) mourir\b"
       r"|\b(?:drown|poison|electrocute|suffocate) myself\b"),
    _r("suicide.method_pills", "explicit",
       r"\bcombien de (?:boites? de )?<DRUGS>(?: \w+){0,4}? (?:faudrait|faut"
       r"|pour (?:mourir|en finir|y passer|ne plus|pas me|partir|que ca|que tout|crever|me tuer"
       r"|dormir pour toujours)|mortel|mortelle|letal|letale)"
       r"|\b(?:regarde|cherche|calcule|recherche|compte|compté|calculé|googl\w*"
       r"|me demande) (?:\w+ )?combien de <DRUGS>|\bdoses? (?:mortelles?|letales?)\b"
       r"|\b(?:lethal|fatal|deadly) dose\b|\b(?:avaler|prendre|pris|avale|prends|prend|avalé) (?:tous|toutes"
       r"|toute|tout|une boite|la boite|toute la boite|toute ma boite|une plaquette|toute la plaquette|le tube"
       r"|tout le tube|trop de|une tonne de|un max de|des dizaines de|plein de mes|une poignee de) (?:de |d ?"
       r"|mes |les |ma |la |des |mon |tous mes |toutes mes )?(?:<DRUGS>|boite|boites|plaquette|plaquettes|tube)\b"
       r"|\b(?:tous|toutes) les (?:avaler|prendre|avale|prends)\b(?=[^|]*<DRUGS>)"
       r"|<DRUGS>(?: \w+){0,4}? (?:tous|toutes) les (?:avaler|prendre)\b"
       r"|\b(?:avaler|avale|avalé|pris|prendre) toute une (?:boite|plaquette)\b"
       r"|\b(?:stocke|stocker|stockes|garde|gardé|mis de cote|met de cote|accumule|accumulé|cache|planque"
       r"|collectione) (?:\w+ ){0,2}?<DRUGS>|\bhow (?:many|much) (?:\w+ )?<PILLS>(?: \w+){0,5}? (?:to die"
       r"|would it take|does it take|to overdose|to kill|is lethal|is deadly|to od|would kill|to not wake up)"
       r"|\b(?:take|swallow|took|swallowed|taking|swallowing) (?:al|every|a bunch of|the whole (?:bottle|box|pack) of"
       r"|al of|too many of) (?:my |the |of my |those |these )?<PILLS>"
       r"|\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting) (?:up )?(?:my |some )?<PILLS>"
       r"|\b(?:i|im|i m|gonna|going to|want to|wanna|plan to|thinking about|might|will"
       r"|il)\b(?: \w+){0,2}? (?:overdose|od|overdosing)\b"
       r"|\b(?:faire|fais|fait|ferai) une (?:overdose|od|surdose)\b"),
    # --- indirect ideation -------------------------------------------------------------------------
    _r("suicide.no_wake", "hyperbolic",
       r"\b<ME>?endormir (?:\w+ ){0,4}?(?:et )?(?:ne )?(?:pas|plus|jamais|<PLUS> jamais|jamais <PLUS>) (?:me "
       r"|m ?)?reveiller\b|\b(?:ne )?(?:<PLUS> jamais|jamais <PLUS>|<PLUS>"
       r"|jamais) <ME>reveiller\b(?! (?:a l ?heure|en retard|tot|tard|avant|a \d|le matin|demain matin|pour))"
       r"|\b(?:espere|voudrais|aimerais|souhaite|prie pour|envie de|reve de|veux|prefererais) (?:ne )?(?:pas|plus"
       r"|jamais) <ME>reveiller\b|\b(?:m ?|me )?(?:en)?dormir pour (?:toujours|l ?eternite|de bon)\b"
       r"|\b(?:go to sleep|sleep|fall asleep|fall asleep)\b(?: \w+){0,3}? (?:and )?(?:never|not|dont"
       r"|do not) wake up\b|\b(?:hope|wish|pray) (?:i|that i) (?:dont|do not|never|wont|will not|would not"
       r"|wouldnt) wake up\b|\bnever wake up\b|\bslep forever\b"),
    _r("suicide.not_there", "hyperbolic",
       r"\b(?:je |j ?|que je |qu ?je |quand je |si je |si j ?)(?:ne |n ?)?(?:sois|serai|serais|suis|etais|seras) <PLUS> (?:la"
       r"|ici|de ce monde|en vie)\b(?! (?:pour (?:te|vous|toi|t|repondre|le|la|les|personne)|a (?:partir|la|l|\d)"
       r"|ce (?:soir|week|week)|en (?:vacances|cours)|demain matin))"
       r"|\b(?:ne |n ?)?<PLUS> etre (?:la|en vie|de ce monde)\b(?! (?:pour|a |au |dans|sur|ce |en ))"
       r"|\b(?:i|il|i will|i m|im)\b(?: \w+){0,2}? (?:wont|will not|not|wont even|no longer) be (?:here|around"
       r"|alive) (?:much longer|for long|tomorrow|next (?:week|month|year)|by (?:tomorrow|next|the end)|anymore)\b",
       unless=r"\b(?:said|told|says|tells|threatened|texted|wrote)\b"),
    _r("suicide.nobody_miss", "hyperbolic",
       r"\bsi (?:je |j ?)(?:disparais|disparaissais|disparaissait|disparait|partais|etais <PLUS> la|suis <PLUS> la"
       r"|existais <PLUS>|existe <PLUS>|me tuais|me suicidais|mourais|meurs|crevais"
       r"|creve)\b(?: \w+){0,8}? (?:personne|tout le monde s ?en fout|ca changer(?:a|ait) rien"
       r"|qui (?:remarquer|s ?en rendr|le verrait|me regretter|viendrait|pleurer|s ?en soucier))"
       r"|\bpersonne (?:ne |n ?)?(?:me |m ?)?(?:le )?(?:regretterait|regrettera|pleurerait|pleurera|remarquerait"
       r"|remarquera|verrait la difference|verra la difference|s ?en rendrait compte|s ?en rendra compte"
       r"|s ?en apercevrait|s ?en apercevra|viendrait a mon enterrement|viendra a mon enterrement"
       r"|s ?en soucierait)\b(?! (?:ma|mon|mes|ta|ton|tes|sa|son|ses|la|le|les|ce|cette|que))"
       r"|\b(?:je |j ?)?(?:manquerais|manquerai|manquerait|manquera) a personne\b"
       r"|\b(?:no ?one|nobody|no body)\b(?: \w+){0,2}? (?:would|will|wouldnt|even|is going to"
       r"|gonna)(?: \w+){0,2}? (?:mis me|notice if i|care if i (?:die|died|was gone|were gone|disappeared|disappear"
       r"|left|kill myself|wasnt here|was not here))"),
    _r("suicide.better_without_me", "hyperbolic",
       r"\b(?:mieux|plus heureux|plus heureuse|plus heureuses|plus tranquilles?|mieux lotis?"
       r"|soulages?) sans moi\b|\b(?:better of|happier|better) without me\b"
       r"|\b(?:un|une) (?:fardeau|poids mort|poids) pour (?:tout le monde|ma famille|mes proches|mes parents"
       r"|les autres|vous|eux)\b|<JSUIS> (?:un |une )?(?:fardeau|poids mort)\b"),
    _r("suicide.better_dead", "hyperbolic",
       r"\b(?:plus simple|mieux|plus facile|un soulagement) (?:\w+ )?si je n ?(?:etais|existais) (?:<PLUS>|pas)\b|"
       r"\b(?:plus simple|mieux|plus facile|plus reposant|moins dur|un soulagement|preferable"
       r"|plus doux) (?:\w+ )?(?:d ?etre|si (?:j ?etais|je serais|je mourais|je disparaissais|j ?existais pas)"
       r"|de mourir|de disparaitre|de <PLUS> exister|de <PLUS> etre la)\b(?: (?:mort|morte|<PLUS> la|pas la|pas ne"
       r"|jamais ne))?|\bsi (?:je |j ?)(?:meurs|mourais|disparais|disparaissais|partais|etais <PLUS> la"
       r"|suis <PLUS> la|existais <PLUS>)\b(?: \w+){0,6}? (?:mieux|plus simple|plus facile|un soulagement)\b"
       r"|\b(?:better of|better) dead\b|\b(?:better|easier) if i (?:was|were|wasnt|werent|died|was dead|were dead)\b",
       unless=r"\b(?:mort|morte|dead|disparaitre|mourir|exister|etre la|died|mourais|disparaissais"
              r"|existais)\b(?= )(?:\w+ ){0,3}?(?:de rire|de honte|lol|mdr)"),
    _r("suicide.over_for_me", "hyperbolic",
       r"\b(?:c ?est|cest|c|ce sera|ca sera|sa sera) (?:bientot |presque |deja |vraiment )?(?:fini|la fin"
       r"|termine) pour moi\b|\bmes (?:derniers|dernieres) (?:jours|heures|mots)\b"
       r"|\b(?:ce sera|c ?est|cest) (?:mon|ma) (?:dernier message|derniere nuit|dernier soir"
       r"|dernier jour)\b(?! (?:sur|de|d ?|avant|au|a |en|ici))"
       r"|\bthis is (?:my|the) (?:last|final) (?:message|night|day|goodbye)\b(?! (?:on|of|at|before|here|in))"),
    _r("suicide.farewell", "explicit",
       r"\bexpliquer mon geste\b|"
       r"\b(?:lettre|lettres|mot|message|video|post|publication) d ?adieu\b"
       r"|\b(?:suicide|goodbye|god bye|farewell) (?:note|letter|message|video|post)s?\b"
       r"|\b(?:faire|fais|fait|dire|dis) (?:mes |des )?adieux\b"
       r"|\b(?:dire|dis) adieu (?:a|au) (?:tout le monde|ma famille|mes proches|vous|vous tous|la vie|ce monde"
       r"|mes parents)\b|\bsay(?:ing)? goodbye to (?:everyone|my family|the world)\b"),
    _r("suicide.hold_on", "hyperbolic",
       r"\b(?:je (?:ne )?|j ?|ne )?(?:sais|sai|sait|suis) (?:pas|<PLUS>) (?:sur |sure )?si (?:je |j ?)(?:vais|vai"
       r"|ve|pourrai|peux|tiendrai|vais pouvoir|pourrais) (?:encore |<PLUS> )?(?:tenir|continuer|m ?en sortir"
       r"|tenir le coup)\b(?! (?:le rythme|la distance|le regime|mes|ma|mon|sa|son|les|ce|cette"
       r"|jusqu ?(?!a demain)|a ce|la cadence|ce rythme))"
       r"|\bjsp si (?:je |j ?)(?:vais|vai|ve) (?:encore )?tenir\b(?! (?:le rythme|la distance"
       r"|jusqu ?(?!a demain)))|<JE>(?:vais|vai|ve) (?:pas|<PLUS>) tenir (?:le coup|longtemps|encore longtemps)\b"
       r"|<JE>(?:ne )?(?:tiendrai|tiendrais) (?:pas|<PLUS>) (?:le coup|longtemps)\b"
       r"|\bi (?:dont|do not) (?:know|think) (?:if |that )?i can (?:hold on|keep going|go on|survive)\b"),
    _r("suicide.disappear", "hyperbolic",
       r"\b(?:envie de|veux|veu|voudrais|aimerais|vais|besoin de|reve de|prefererais|devrais|dois|ferais mieux de|faudrait que je|faut que je) (?:juste |simplement "
       r"|vraiment |tellement )?disparaitre\b(?! (?:de (?:\w+ ){0,1}?(?:reseau|reseaux|insta|tiktok|internet"
       r"|ligne|snap|twitter|facebook|groupe|conv|serveur|discord|circulation|ecran|radar|ecrans|classe|lycee"
       r"|cours|ta vie|sa vie|leur vie|ce groupe|cette conv|cette soiree|la soiree|cette photo|la photo|sa vue"
       r"|ta vue)|des (?:reseaux|ecrans|radars)|du (?:groupe|serveur|radar|lycee|reseau|net|paysage)|quelques"
       r"|pendant|une semaine|un moment|un peu|le temps|en vacances|dans (?:un|une|mon|ma|le|la)"
       r"|au (?:fond|soleil|bout)|a la campagne|sous terre|sous ma))"
       r"|\bdisparaitre (?:pour de bon|pour toujours|a jamais|definitivement|de ce monde"
       r"|de la surface de la terre)\b|\b(?:disappear|vanish) (?:forever|for god|for ever|permanently|from (?:this"
       r"|the) (?:world|earth|planet))\b"),
    _r("suicide.reunite_dead", "hyperbolic",
       r"\brejoindre (?:mon|ma|mes) (?:\w+ ){0,2}?(?:au ciel|la haut|de l ?autre cote|decede|decedee|decedes|mort"
       r"|morte|morts)\b|\bjoin (?:my|her|him) (?:\w+ ){0,2}?(?:in heaven|on the other side)\b"),
    _r("suicide.nothing_left", "hyperbolic",
       r"\b<PLUS> envie de rien\b(?! (?:faire|manger|d ?autre|acheter|voir|ce soir|aujourd ?hui))"
       r"|\b<PLUS> (?:gout|envie) (?:a|de) (?:rien|la vie)\b(?! faire)"),
    _r("suicide.no_exit", "hyperbolic",
       r"\b(?:la |ma )?seule (?:solution|facon|issue|option|sortie|maniere|chose) (?:\w+ ){0,8}?(?:mourir"
       r"|<PLUS> la|disparaitre|disparaisse|meure|creve|me tue|me suicide|en finir|<PLUS> exister"
       r"|partir pour de bon|me tuer|me suicider|plus etre la)\b"
       r"|\bthe only (?:way|option|solution|way out)\b(?: \w+){0,6}? (?:die|dying|death|kill myself|end it"
       r"|not be here|disappear)\b"),
    _r("suicide.pass_to_act", "hyperbolic", r"\bpaser a l'acte\b", requires=_FIRST_PERSON),
    _r("suicide.wont_see_tomorrow", "hyperbolic",
       r"<JE>(?:ne )?(?:verrai|verrais|verrais) (?:pas|<PLUS>|jamais) (?:demain|la fin de la semaine"
       r"|le jour se lever|noel)\b|\bi (?:wont|won t|will not) (?:see|make it to|live to see) (?:tomorrow"
       r"|the weekend|next week|christmas)\b",
       unless=_REPORTING),
)

SELF_HARM_RULES: tuple[_Rule, ...] = (
    _r("self-harm.scarify", "explicit",
       r"\b<ME>(?:scarifi|scarif|automutil|mutil)\w*|<JME>(?:scarifi|scarif|automutil|mutil)\w*"
       r"|\b(?:mes|ma) (?:scarifications?|scarifs?|automutilations?|cicatrices de scarif\w*)\b"),
    _r("self-harm.scarify_word", "hyperbolic", r"\b(?:scarif\w*|automutilation|self ?harm\w*|selfharm\w*)\b",
       requires=r"\b(?:je|j|jai|g|me|m|moi|mes|ma|mon|jme|i|im|ive|my|myself)\b(?: \w+){0,3}? (?:scarif|automutil"
                r"|self ?harm|selfharm)|(?:scarif\w*|automutilation|self ?harm\w*)(?: \w+){0,2}? (?:again|urges?"
                r"|relapse|relapsed|depuis|encore)\b",
       unless=r"\b(?:encourage|encourages|promotes|promoting|glorif\w*|report|signaler|signale|sur le|about"
              r"|contre)\b"),
    _r("self-harm.cut_fr", "explicit",
       r"<JME>(?:suis |sui )?(?:encore |re |re|deja )?(?:coupe|coupee|coupes|coupais|couperai|taillade|tailladee"
       r"|entaille|entaillee|ouvert|ouverte)\b(?! (?:(?:le|la|les|l ?|un|une|au|a la|aux|mon|ma|mes) (?!(?:bras"
       r"|poignets?|cuisses?|jambes?|ventre|avant bras|hanches?|chevilles?|peau)\b)"
       r"|en (?:cuisinant|coupant|me rasant|epluchant|bricolant|jardinant|deux|quatre|tombant)"
       r"|avec (?:une feuille|du papier|le papier|un couteau de cuisine|la mandoline|l ?ouvre boite)|du monde"
       r"|des autres|de (?:mes|tout|tous|la|l ?|mon|ma|ce|cette)|des (?:reseaux|autres|gens)|la parole"
       r"|les cheveux|la frange))|\b(?:envie|besoin|recommence|recommencer|continue|continuer|arreter|arete|peur"
       r"|pulsion|pulsions) (?:de |d ?|a )<ME>(?:couper|scarifier|mutiler|taillader|bruler|griffer|frapper"
       r"|blesser|entailler)\b(?! (?:les ongles|les cheveux|la frange|du monde|des autres|de tout|de mes"
       r"|la parole))"),
    _r("self-harm.hurt_self_fr", "explicit",
       r"<IFR><GAP> <ME>(?:faire|fais|fait|suis fait|suis faite|ferai|ferais|refaire) (?:du "
       r"|de )?mal\b(?! (?:au|a la|a l ?|aux|en (?:tombant|sport|courant|jouant|faisant)|pendant|hier a"
       r"|au sport))|\b(?:envie|besoin|recommence|recommencer|continue|continuer|arreter|arete|peur|pulsion"
       r"|pulsions|moyen|facon) (?:de |d ?|a )<ME>(?:faire|refaire) (?:du |de )?mal\b"
       r"|<JME>(?:fais|fait|suis fait|suis faite|refais) (?:du |de )?mal\b(?! (?:au|a la|a l ?|aux|en ))"
       r"|<IFR><GAP> <ME>(?:suis |sui )?(?:blesse|blessee|blesser|bruler|brule|brulee|mutile"
       r"|mutilee) (?:volontairement|expres|moi meme|toute? seule?|pour|quand"
       r"|avec (?:une |des |un |mon |ma |mes |le |la )?(?:cigarette|clope|briquet|alumette|lame|cutter|compas|rasoir))\b"
       r"|<JME>(?:punis|punir|puni)\b(?: \w+){0,3}? (?:en me|quand|avec|physiquement)\b"),
    _r("self-harm.hit_scratch_fr", "explicit",
       r"<IFR><GAP> <ME>(?:griffe|griffer|grifais|gratte|gratter|mords|mordre|arrache|arracher|frappe|taper|cogne|pince"
       r"|brule)(?: \w+){0,4}? jusqu ?(?:au|a) sang\b|<JME>(?:griffe|griffes|griffer|grifais|lacere|lacerer)\b"
       r"|<JME>(?:frappe|frappais|tape|tapais|cogne|cognais|claque|gifle) (?:la tete|le crane|les bras|les cuises"
       r"|le visage|la tronche|la figure|contre|quand|jusqu|tout seul|toute seule|moi meme|pour|parce|des que"
       r"|souvent|encore)\b|<JME>(?:frappe|frappais)\b(?= \||$)"),
    _r("self-harm.stab_self", "explicit",
       r"<JME>(?:plante|plantais|enfonce|enfoncais|pique|piquais) (?:le |la |un |une |mon |ma |des |mes )?(?:compas"
       r"|ciseaux|couteau|stylo|aiguilles?|epingles?|lame|lames|cutter|ongles)\b"
       r"|\b(?:scratch|scratching|scratched|pick|picking|bite|biting|hit|hitting|punch|punching|claw|clawing|cut"
       r"|cutting) (?:at )?(?:my|myself)(?: \w+){0,3}? (?:until|til|till) (?:it|they|i|my \w+) (?:bleed|bleeds|bled"
       r"|bleeding)\b"),
    _r("self-harm.cut_en", "explicit",
       r"\b(?:i|im|ive|i ve|id|i m|been|started|start|starting|keep|kept|still|again|relapsed|relapse|back to|stop"
       r"|quit|quitting|stopped|urge to|urges to)\b(?: \w+){0,2}? (?:cutting|self harming|selfharming|harming myself"
       r"|hurting myself|burning myself|scratching myself|hitting myself|punching myself"
       r"|carving into (?:my|myself))\b(?! (?:carbs|sugar|back|clas|school|corners|ties|costs|hair|my hair|down"
       r"|out|of|people of|in line|it close|onions|vegetables|wood|paper|the cake|myself of|coupons|grass|the lawn"
       r"|meat|bread))|\bcut(?:ing)? myself\b(?! (?:shaving|cooking|on|by accident|accidentally|while|of|slack"
       r"|a break|some slack|short))|\b(?:want|wanna|urge|urges|need|needed|going|gonna|tempted|afraid|scared"
       r"|trying not|try not) (?:to |i l |i will |il )?(?:hurt|harm|burn|scratch|punish"
       r"|cut) myself\b(?! (?:at|while|playing|lifting|during|on the|in the|skiing|running|by accident|accidentally"
       r"|shaving|cooking|working))|\b(?:i|i just|i still|i keep|i always|sometimes i|i often)\b (?:hurt|harm|burn"
       r"|scratch|punish|cut|hit|punch) myself\b(?! (?:at|while|playing|lifting|during|on the|in the|skiing"
       r"|running|by accident|accidentally|shaving|cooking|working))"
       r"|\b(?:i|ive|i ve|i)\b(?: \w+){0,2}? cut (?:again|deeper|myself again"
       r"|my (?:arms?|wrists?|thighs?|legs?))\b|\b(?:fresh|new|deep) cuts (?:on|in) my\b"
       r"|\bhide (?:my|the) (?:cuts|scars|self harm)\b|\bsh urges?\b"),
    _r("self-harm.scars", "hyperbolic",
       r"\b(?:cicatrices|marques|coupures|entailles|scars|cuts) (?:\w+ ){0,2}?(?:sur|aux|a|des|on) (?:les |mes "
       r"|my )?(?:bras|poignets|cuisses|avant bras|jambes|ventre|arms|wrists|thighs|legs)\b",
       requires=r"\b(?:cache|cacher|caché|planque|manches longues|personne (?:ne )?(?:le )?sai|hide|hiding"
                r"|long sleeves|nobody knows|no one knows|je me suis fait|i did|i made|mes propres|encore|again"
                r"|fresh|nouvelles?)\b",
       unless=r"\b(?:accident|operation|chute|velo|chat|chien|cat|dog|surgery|fall|bike|brulure de|varicelle"
              r"|acne)\b"),
    _r("self-harm.third_party", "hyperbolic",
       r"\b(?:se |s ?)(?:scarifie|scarifient|scarifiait|mutile|mutilent|automutile|fait du mal|font du mal"
       r"|faisait du mal|coupe les bras|coupe les poignets|coupe encore|coupe les veines|brule avec|griffe jusqu)\b"
       r"|\b(?:est|s ?est) (?:encore |re)?(?:scarifie|scarifiee|mutile|mutilee|coupe les bras|coupee les bras)\b"
       r"|\b(?:she|he|they|friend|sister|brother|girlfriend|boyfriend|gf|bf)(?: \w+){0,2}? (?:is|s|are|has been"
       r"|have been|keeps|started) (?:\w+ )?(?:cutting|self harming|selfharming"
       r"|hurting (?:herself|himself|themselves))\b",
       requires=_OWNER + r"|\b(?:elle|il|she|he|they)\b", unless=_NON_PERSON),
)

DANGER_RULES: tuple[_Rule, ...] = (
    # --- sextortion, intimate images, blackmail ---------------------------------------------------
    _r("danger.sextortion_word", "hyperbolic", r"\bsextor\w*|\brevenge porn\b|\bsextape\b", requires=_FIRST_PERSON,
       unless=r"\b(?:c ?est quoi|qu ?est ce que|what is|definition|comment reconnaitre|how to spot)\b"),
    _r("danger.threat_to_publish", "explicit",
       r"\b(?:publient|diffusent|balancent|postent|envoient|montrent|partagent|affichent)\b(?: \w+){0,5}? (?:mes|ma|mon|les|des|my|the) (?:\w+ )?(?:nudes?|photos?|videos?|vids?|sextape|images?|pics?|conversations?|messages?|captures?|screens?)\b|"
       r"\b(?:publier|diffuser|balancer|poster|envoyer|montrer|partager|leak|leaker|afficher|mettre en ligne"
       r"|faire tourner|divulguer|exposer|publie|publiera|diffuse|diffusera|balance|balancera|poste|postera|envoie"
       r"|envoi|envoiera|enverra|montre|montrera|partage|partagera|affiche|fait tourner|divulgue|expose|leak|post"
       r"|share|send|publish|release|expose|spread|show|leaking|posting|sharing|sending|publishing|spreading"
       r"|showing)\b(?: \w+){0,5}? (?:mes|ma|mon|les|des|la|nos|ces|tes|ta|my|the|those|these|our|your"
       r"|ur) (?:\w+ )?(?:nudes?|nude|photos?|videos?|vids?|sextape|images?|snaps?|pics?|pictures|conversations?"
       r"|messages?|captures?|screens?|screenshots?|nus?|sexts?|dms?)\b",
       requires=r"\b(?:menace|menacer|menacait|menacé|menacee|chantage|sinon"
                r"|si (?:je |j ?)(?:ne |n ?)?(?:paie|paye|envoie|donne|lui|le|la|refuse|bloque|quite|quittais"
                r"|parle|porte|reponds|fais|veux pas)|exige|exigeait|reclame"
                r"|veut (?:de l ?argent|\d+|que je (?:paie|paye|lui|le|la|revienne))"
                r"|\d+ ?(?:e|eur|euros|balles|dollars|bucks)|euros|argent|rancon|paypal|bitcoin|crypto"
                r"|carte cadeau|cartes cadeaux|pcs|transcash|neosurf|threat\w*|unles|or else|otherwise|pay|money"
                r"|\$|blackmail\w*|demands?|demanding|if i (?:dont|do not|refuse|block|tell|leave|stop))\b"),
    _r("danger.intimate_leak", "explicit",
       r"\b(?:a|ont|avait|avaient|as|il a|elle a)\b (?:\w+ )?(?:publie|diffuse|balance|poste|envoye|partage|leak"
       r"|leake|fait tourner|mis en ligne|montre)\b(?: \w+){0,3}? (?:mes|ma|mon) (?:nudes?"
       r"|photos? (?:intimes?|de moi nue?|nue?s?|denudee?s?)|videos? (?:intimes?|de moi)|sextape)\b"
       r"|\bmes (?:nudes?|photos intimes|videos intimes) (?:tournent|circulent|ont fuite|sont sur|sont partout)\b"
       r"|\b(?:leaked|posted|shared|sent|spread|published|exposed)\b(?: \w+){0,2}? my (?:nudes|nude pics"
       r"|nude photos|intimate (?:pics|photos|videos)|private (?:pics|photos|videos))\b"
       r"|\bmy nudes (?:are|got|have been) (?:out|leaked|everywhere)\b"),
    _r("danger.blackmail", "explicit",
       r"\b(?:me fait|me font|me faisait|me faisaient|me fais) (?:du )?chantage\b(?! (?:affectif|emotionel"
       r"|au suicide))|\b<ME>(?:fait|font|faisait) chanter\b"
       r"|\bvictime (?:de |d ?)(?:chantage|sextorsion|revenge porn|violences? conjugales?|harcelement sexuel"
       r"|agression|viol)\b|\bchantage (?:a la |aux |avec (?:mes|des|les) )(?:photos?|nudes?|videos?|sextape)\b"
       r"|\b(?:blackmail|blackmailing|blackmailed|extort|extorting|extorted|sextort\w*)\b(?: \w+)? me\b"
       r"|\b(?:being|getting|im being|i m being|got) (?:blackmailed|sextorted|extorted)\b"),
    _r("danger.nudes_pressure", "hyperbolic",
       r"\b(?:veut|voulait|exige|demande|demandait|insiste|oblige|force|forcer|reclame|harcele|asks?|asked|asking"
       r"|wants|keeps asking|pressur\w*|forcing|forced)\b(?: \w+){0,5}? (?:nudes?"
       r"|photos? (?:de moi )?(?:nue?s?|intimes?|sexy|hot|en sous vetements|en maillot|de mon corps"
       r"|sans (?:rien|vetements|habits))|videos? (?:de moi )?(?:nue?s?|intimes?)|nude pics|naked (?:pics|photos)"
       r"|pics of (?:me|my body))\b",
       requires=r"\b(?:menace|menacer|sinon|chantage|insiste|oblige|force|threat\w*|or else|unles|otherwise|keeps"
                r"|won ?t stop|wont stop|harcele)\b"),
    # --- physical violence -----------------------------------------------------------------------
    _r("danger.violence", "hyperbolic",
       r"\b<AGG>\b(?: \w+){0,3}? (?:me |m ?)(?:frappe|frappent|frappait|frappaient|frappera|bat|battent|battait"
       r"|tape dessus|tabasse|tabassent|tabassait|cogne|cognent|cognait|etrangle|etranglait|etranglent|gifle|giflent"
       r"|giflait|brutalise|viole|violent|violait|agresse|agressent|menace de mort|pousse contre|secoue|enferme"
       r"|enfermait|attache|attachait|roue de coups|met des coups|mettait des coups|fout des coups"
       r"|foutait des coups|met des baffes|met des gifles|tire les cheveux|traine par terre|etouffe"
       r"|touche de force|force a)\b|\b(?:m ?a|m ?ont|m ?avait|m ?avaient)\b (?:encore |deja |re|violemment "
       r"|tellement |tres fort |fort )?(?:frappe|frappee|battu|battue|tape|tapee|cogne|cognee|tabasse|tabassee|etrangle"
       r"|etranglee|gifle|giflee|viole|violee|agresse|agressee|pousse|poussee|enferme|enfermee|attaché|attachee"
       r"|poignarde|poignardee|brule|brulee|mis des coups|roue de coups|casé le nez|casé le bras|blesse|blessee"
       r"|attaque|attaquee|etouffe|etouffee|menace avec|menacee avec|tire les cheveux|traine par terre|jete par terre"
       r"|jetee par terre|coince|coincee|sequestre|sequestree|force a|forcee a|mis une gifle|mis un coup"
       r"|mis des coups|frappe au visage|donne des coups|defonce)\b"
       r"|\b(?:<AGG>|my \w+)\b(?: \w+){0,2}? (?:hits|hit|hitting|beats|beat|beating|chokes|choked|choking|strangled"
       r"|strangles|slapped|slaps|punched|punches|kicked|kicks|shoved|pushed|raped|rapes|assaulted|molested|grabbed"
       r"|burned|stabbed|is hurting|s hurting|hurts|atacked|locked|threw|throws|dragged|pinned|smacked"
       r"|smacks)\b (?:me|me up against|me into|me to|me in)\b(?! (?:up|back|with (?:a|the|his|her) (?:question"
       r"|text|message|joke|compliment|reply)|on (?:insta|snap|discord|twitter|tiktok)"
       r"|in (?:the )?(?:game|match|ranked|fortnite)|with facts|with that|out of|of))",
       extra=("game",),
       unless=r"\b(?:ca|sa|ce qui|cela|ce detail|cette phrase|cette idee|la foudre|it|this|that"
              r"|what)\b (?:\w+ )?(?:m ?a|me) (?:frappe|frappee|hit|hits|struck|blesse|blessee|touche|touchee)"
              r"|\b(?:emotionally|with (?:his|her|their) words|feelings|verbalement|verbally|en commentaires?|en coms"
              r"|dans les (?:coms|commentaires)|in the comments|en dm|en mp|par messages?|sur les reseaux|online"
              r"|en ligne|tape sur les nerfs|tapait sur les nerfs|tape sur le systeme)\b"),
    _r("danger.raised_hand", "explicit",
       r"\b(?:leve|lever|levait|levé|levee) la main sur moi\b|\b(?:raised|raises) (?:his|her|a) hand (?:to|at|against) me\b"),
    _r("danger.sexual_violence", "explicit",
       r"\b(?:<JAI> ete|j ?ai ete|on m ?a|il m ?a|ils m ?ont|elle m ?a)\b (?:\w+ )?(?:violee?"
       r"|agressee? sexuelement|touchee? (?:de force|sans mon accord|alors que|pendant que|quand je dormais)"
       r"|forcee? a (?:coucher|le faire|faire des|lui faire))\b"
       r"|\b(?:i was|i got|i ve been|ive been|i have been)\b (?:\w+ )?(?:raped|sexually assaulted|molested|groped)\b"
       r"|\b(?:je subis|j ?ai subi|je vis|victime d ?|victime de) (?:des |une |les )?(?:violences?"
       r"|agressions? sexuelles?|viols?|attouchements?|inceste)\b"),
    _r("danger.other_victim", "hyperbolic",
       r"\b(?:frappe|frappent|frappait|bat|battent|battait|tabasse|tabassait|cogne|cognait|etrangle|etranglait|viole"
       r"|violait|agresse) (?:ma|mon|mes|sa|son|ses) (?:petite |petit |grande |grand )?<CLOSE>\b"
       r"|\b(?:mon|ma|mes|my) (?:\w+ )?<CLOSE>\b(?: \w+){0,3}? (?:se fait|se faisait|se font) (?:frapper|battre"
       r"|tabasser|violer|agresser|etrangler|cogner|menacer de mort)\b"
       r"|\b(?:hits|beats|is hitting|is beating|chokes|choked|strangled|beat|hit|rapes|raped) (?:my|her"
       r"|his) (?:\w+ )?<CLOSE>\b|\b(?:mon|ma) (?:\w+ )?<CLOSE>\b (?:est|is) en danger\b"
       r"|\bmy (?:\w+ )?<CLOSE>\b(?: \w+)? (?:is|s) in danger\b",
       extra=("game",)),
    # --- threats ---------------------------------------------------------------------------------
    _r("danger.threat_reported", "explicit",
       r"\b(?:dit|dis|ecrit|envoye|jure|jurait|promis|menace|menacé|repete|crie|hurle|texte|dm|disait"
       r"|ecrivait)\b(?: \w+){0,3}? (?:<QUIL>|que|de|d ?)(?: \w+){0,2}? (?:<ME>|<SE>)?(?:allait|allaient|va|vont"
       r"|irait|viendrait|viendra|compte|voulait|veut|voulaient|pourrait)?(?: \w+){0,2}? <ME>(?:tuer|buter|crever"
       r"|defoncer|frapper|retrouver|choper|faire la peau|egorger|planter|violer|faire du mal|faire payer"
       r"|casser la gueule|niquer|eclater|saigner|bruler|enlever|kidnapper|detruire"
       r"|finir)\b(?! (?:a|au|aux|a la|devant|chez|ce soir|demain|apres|vers|en bas"
       r"|pour (?:un|une|le|la|boire|manger)|dans|sur|au ciné))"
       r"|\bmenace (?:de |d ?)<ME>(?:tuer|frapper|retrouver|faire du mal|defoncer|violer|buter|egorger|casser"
       r"|bruler|enlever|attaquer)\b|\b(?:m ?a|m ?ont|on m ?a) menacee? (?:de mort|avec|d ?un couteau"
       r"|d ?une arme)\b|\bmenaces? de mort\b|\b(?:threaten|threatens|threatened"
       r"|threatening)\b(?: \w+){0,2}? (?:to )?(?:kill|hurt|beat|rape|find|come after|show up at|stab|shot|burn"
       r"|kidnap) (?:me|my)\b|\bdeath threats?\b|\b(?:said|says|told me|texted|wrote|swore|promised"
       r"|keeps saying)\b(?: \w+){0,3}? (?:he|she|they|he d|she d|they d|hed|shed|theyd|hel|shel|theyl|hes|shes"
       r"|theyre)\b(?: \w+){0,3}? (?:kill|hurt|find|get|beat|rape|end|stab|shot|come for"
       r"|come after) me\b(?! (?:at|after|tomorrow|later|tonight at|up))",
       requires=r"\b(?:je|j|jai|g|me|m|moi|mes|mon|ma|i|im|ive|my|me|menace|menaces)\b"),
    _r("danger.threat_direct", "hyperbolic",
       r"\b<AGG>\b(?: \w+){0,6}? (?:viendra|viendrait|va venir|vont venir|venir|debarquer|debarquera|debarquerait) (?:\w+ )?(?:chez moi|devant chez moi|a mon lycee|a mon college|a mon ecole|a mon travail|to my (?:house|place|school|work))\b(?=[^|]*\b(?:harcel\w*|menac\w*|peur|scared|threat\w*|stalk\w*|harass\w*)\b)|\b(?:harcel\w*|menac\w*|harass\w*|stalk\w*)\b[^|]*\b(?:viendra|viendrait|va venir|vont venir|debarquer|debarquera) (?:\w+ )?(?:chez moi|a mon lycee|a mon college|a mon ecole|to my (?:house|place|school))\b|"
       r"\b<AGG>\b (?:\w+ )?(?:va|vont|allait|allaient|veut|veulent|compte|comptent|viendra|viendront|viennent"
       r"|vient|risque|pourrait|is going to|s going to|re going to|are going to|gonna|will|wants to|is coming to"
       r"|s coming to) (?:\w+ )?(?:me |m ?)?(?:tuer|buter|crever|defoncer|frapper|retrouver|choper|faire la peau"
       r"|egorger|planter|violer|faire du mal|casser la gueule|niquer|eclater|saigner|enlever|kidnapper|tabasser"
       r"|kill me|hurt me|beat me|rape me|find me|come after me"
       r"|come for me)\b(?! (?:a|au|aux|a la|devant|chez|ce soir|demain|apres|vers|en bas"
       r"|pour (?:un|une|le|la|boire|manger)|dans|sur|at|after|tomorrow|later|up|in (?:the )?game))",
       extra=("game",),
       requires=r"\b(?:me|m|kill me|hurt me|beat me|rape me|find me|come after me|come for me)\b",
       unless=r"\b(?:si|quand|when|if|lorsqu|s ?il|s ?ils) (?:\w+ ){0,5}?(?:notes?|bulletin|resultats|grades?"
              r"|report card|facture|bill|voiture|car|pull|sweat|console|jeu|game|retard|late|gateau|cake|frites"
              r"|fries|vase|score|partiel|exam|controle|test|devoir|devoirs|homework|chambre|room|bordel|mess"
              r"|telephone casse|ecran|spoil\w*|spoiler|episode|serie|dernier morceau|last slice|pizza|chips"
              r"|snacks?)\b"),
    _r("danger.threat_conditional", "hyperbolic",
       r"\b<AGG>\b (?:\w+ ){0,2}?(?:me |m ?)(?:tuera|tuerait|butera|buterait|fera la peau|ferait la peau|defoncera"
       r"|defoncerait|retrouvera|retrouverait|frappera|frapperait|fera du mal|ferait du mal|le fera payer"
       r"|le ferait payer|egorgera|egorgerait|crevera|creverait|tabassera|tabasserait)\b"
       r"|\b(?:hel|shel|theyl|hed|shed|theyd|he will|she will|they will|he would|she would"
       r"|they would) (?:\w+ )?(?:kill|hurt|beat|find|rape) me\b",
       extra=("game",),
       unless=r"\b(?:si|quand|when|if|lorsqu|s ?il|s ?ils) (?:\w+ ){0,5}?(?:notes?|bulletin|resultats|grades?"
              r"|report card|facture|bill|voiture|car|pull|sweat|console|jeu|game|retard|late|gateau|cake|frites"
              r"|fries|vase|score|partiel|exam|controle|test|devoir|devoirs|homework|chambre|room|bordel|mess"
              r"|telephone casse|ecran|spoil\w*|spoiler|episode|serie|dernier morceau|last slice|pizza|chips"
              r"|snacks?)\b"),
    _r("danger.threat_quoted", "hyperbolic",
       r"\b(?:je (?:vais|vai|ve)|j ?vais|on va|ils vont|je viens|on vient|je vais venir|i m going to|im going to"
       r"|im gonna|i m gonna|il|i will|we re going to|were going to|we will|gonna)\b (?:\w+ )?(?:te |t ?)(?:tuer|buter"
       r"|crever|defoncer|retrouver|choper|faire la peau|egorger|planter|violer|niquer|eclater|saigner|bruler"
       r"|faire du mal|casser la gueule|trouver)\b(?! (?:a|au|aux|a la|devant|chez|ce soir|demain|apres|vers"
       r"|en bas|pour|dans|sur|en ))|\b(?:kill|hurt|find|rape|stab|shot) you\b(?! (?:at|in|with|on|later|tomorrow"
       r"|lol|in game))|\b(?:t ?es|tes|tu es|t) (?:un homme |une fille |une femme )?(?:mort|morte)\b(?! (?:de|ou"
       r"|ou quoi|\?))|\b(?:tu|t) (?:vas|va|verras|verras) (?:mourir|crever|pas voir demain|pas passer la nuit)\b"
       r"|\byou (?:re|are) (?:dead|going to die|gonna die)\b|\byou wont (?:see|live to see) tomorrow\b",
       extra=("game",), requires=_REPORTING),
    _r("danger.wont_see_tomorrow", "explicit",
       r"\b(?:said|says|told me|texted|wrote|threatened|dit|ecrit|menace|jure)\b(?: \w+){0,4}? (?:i|you|u|je|tu"
       r"|t)\b(?: \w+){0,1}? (?:wont|will not|will never|are not going to|re not going to|arent going to"
       r"|not going to|verras|verras|verrai|verrais|vais) (?:pas |plus "
       r"|jamais )?(?:(?:see|make it to|live to see|survive|voir) )?(?:tomorrow|the night|the weekend|next week"
       r"|demain|la fin de la semaine|le jour se lever)\b"),
    # --- stalking, location, being hunted ---------------------------------------------------------
    _r("danger.knows_address", "explicit",
       r"\b(?:found|posted|leaked|shared|published|trouve|retrouve|publie|poste|partage|balance|diffuse|divulgue) (?:\w+ )?(?:mon|mes|my) (?:adresse|address|home address)\b(?! (?:mail|email|e mail|ip|gmail))|"
       r"\b(?:je sais|on sait|il sait|elle sait|ils savent|he knows|she knows|they know|i know|we know|il connait"
       r"|elle connait|ils connaissent|knows|sait|savent|connait|connaissent)\b (?:ou|where) (?:tu |t ?|je |j ?|you "
       r"|u |i )(?:habites?|vis|vit|es|suis|dors|bosse|travailles?|etudies?|vas en cours|vais en cours|live|lives"
       r"|go to school|work|sleep|stay)\b|\b(?:a|ont|avait|has|have|had|il a|elle a)\b (?:\w+ )?(?:trouve|retrouve"
       r"|publie|poste|partage|balance|diffuse|leak|divulgue|found|posted|leaked|shared"
       r"|published)\b (?:\w+ )?(?:mon|mes|my) (?:adresse|adresse|address|numero de maison|home address)\b"
       r"|\b(?:doxed|doxxed|dox|doxx|doxing|doxxing) me\b|\bil (?:connait|a) mon adresse\b"
       r"|\b(?:<AGG>)\b (?:\w+ )?(?:sait|connait|savent|connaissent|knows) (?:ou (?:j ?habite|je vis|je dors)"
       r"|mon adresse|my address|where i live)\b"),
    _r("danger.stalked", "hyperbolic",
       r"\b(?:<JSUIS>|je me sens|j ?ai l ?impression d ?etre|je crois que je suis|i m|im|i am|i think im"
       r"|i think i m|i fel like im|i fel like i m) (?:\w+ ){0,1}?(?:suivi|suivie|suivis|espionne|espionnee|traque"
       r"|traquee|surveille|surveillee|being followed|being stalked|being watched)\b"
       r"|\b<STALKER>\b(?: \w+){0,2}? (?:me suit|me suivait|me suivent|m ?a suivie?|m ?ont suivie?|me traque"
       r"|me guette|me surveille|m ?espionne|rode|rodait|rodent|traine|trainait)\b(?: \w+){0,3}? (?:partout|jusqu"
       r"|chez moi|dans la rue|depuis|en bas|devant|autour|quand je|la nuit|le soir|a la sortie|tous les jours"
       r"|dans le metro|dans le bus)\b|\b(?:following|followed|stalking|stalked|stalks|follows"
       r"|watching) me\b(?! (?:on|back|online|around on|for|to see))"
       r"|\b(?:m ?a|m ?ont|a) suivie? jusqu ?(?:a|au|chez)\b|\bfolowed me home\b|\bfolowing me home\b",
       extra=("social",),
       unless=r"\b(?:psy\w*|medecin|therap\w*|docteur|doctor|cmpp?|hopital|hospital|infirmi\w*|ortho\w*|kine\w*"
              r"|educ\w*|assistante? sociale?|nutritionniste|dieteti\w*|endocrino\w*|traitement|specialiste|abonnes"
              r"|counsel\w*|suivi medical|suivie? (?:en|par|pour|chez) (?:un|une|le|la|l)? ?\w+ ?(?:depuis|pour)?)\b"),
    _r("danger.photos_of_home", "explicit",
       r"\b(?:photos?|videos?|images?|pics?|pictures?|screens?) (?:\w+ ){0,2}?(?:de|d ?|of) (?:ma|mon|mes"
       r"|my) (?:rue|maison|fenetre|immeuble|porte|voiture|chambre|balcon|jardin|ecole|lycee|college|boulot|travail"
       r"|street|house|home|window|building|dor|car|bedrom|school|route|bus|arret)\b|\bphotos? de chez moi\b"
       r"|\bpictures? of where i live\b",
       requires=r"\b(?:m ?envoie|m ?envoit|m ?envoient|m ?a envoye|m ?ont envoye|me envoie|recu|recois|re?coit"
                r"|sends me|sent me|sending me|texted me|dmed me|dm ed me|keeps sending|poste|posted|prend|prises?"
                r"|took|taking)\b"),
    _r("danger.outside_home", "hyperbolic",
       r"\b<STALKER>\b(?: \w+){0,5}? (?:devant|en bas de|autour de|pres de|outside|in front of|near"
       r"|around) (?:chez moi|ma maison|mon immeuble|mon lycee|mon college|mon ecole|mon travail|mon taf|ma porte"
       r"|ma fenetre|ma rue|my (?:house|home|place|dor|school|work|building|window|street|apartment|flat))\b",
       extra=("social",)),
    _r("danger.armed_waiting", "explicit",
       r"\b(?:m ?attend|m ?attendent|m ?attendait|m ?attendaient|waiting for me|me cherchent|me cherche|cherchent"
       r"|are looking for me|m ?attendre)\b(?: \w+){0,8}? (?:avec|with) (?:des |un |une |a |their |his |her "
       r"|leurs |ses )?(?:battes?|couteaux?|armes?|flingues?|pistolets?|barres? de fer|knives|knife|guns?|bats"
       r"|machettes?|poings americains|barres?|tournevis|cutters?)\b"
       r"|\b(?:m ?attend|m ?attendent|m ?attendait|m ?attendaient|me cherche|me cherchent|waiting for me"
       r"|looking for me)\b(?: \w+){0,6}? pour (?:me |m ?)(?:frapper|defoncer|taper|tabasser|casser la gueule"
       r"|niquer|planter|tuer|eclater|regler mon compte|violer)\b"),
    _r("danger.weapon", "hyperbolic",
       r"\b(?:a sorti|sort|sortait|pointe|pointait|brandi|brandit|braque|braquait|a sorti|menace avec|menacé avec"
       r"|pulled|pointed|held|holding|has|had|came at me with|waving)\b (?:\w+ )?(?:un |une |son |sa |a |his |her "
       r"|their )?(?:couteau|flingue|arme|pistolet|revolver|cutter|machette|batte|gun|knife|blade|bat)\b",
       extra=("game",),
       requires=r"\b(?:sur moi|vers moi|contre moi|me menace|m ?a menace|at me|on me|to my|me with|menac\w*"
                r"|threat\w*)\b"),
    _r("danger.fear", "explicit",
       r"\b(?:<JAI>|j ?ai) (?:tres |trop |tellement |vraiment |super )?peur (?:<QUIL>|kill"
       r"|quil) (?:\w+ )?<ME>?(?:tue|tuent|frappe|frappent|fasse du mal|fase du mal|fassent du mal|retrouve"
       r"|retrouvent|trouve|viole|violent|recomence|revienne|defonce|publie|envoie|montre|balance|diffuse"
       r"|fase quelque chose|fasse quelque chose|bat|batte|attaque|enleve)\b"
       r"|\bpeur (?:pour ma vie|pour ma securite|de mourir ce soir|de rentrer chez moi|de retourner chez moi"
       r"|de rentrer a la maison)\b|\b(?:scared|afraid|terrified|frightened)\b(?: \w+){0,3}? (?:he|she|they|he l"
       r"|hel|she l|shel|theyl|they l)\b(?: \w+){0,3}? (?:hurt|kill|find|beat|hit|rape|come back|come after|leak"
       r"|post|share|send) (?:me|my)\b|\b(?:scared|afraid|fear|terrified) (?:for my life|for my safety|to go home"
       r"|to go back home)\b|\b(?:<JSUIS>|ma vie est|i m|im|i am|my life is) (?:\w+ ){0,1}?en danger\b"
       r"|\bmy life is in danger\b|\b(?:i m|im|i am) in danger\b"),
    _r("danger.confined", "explicit",
       r"\b<AGG>\b (?:\w+ ){0,1}?(?:m ?a|m ?ont|me|m) (?:enferme|enfermee|sequestre|sequestree|empeche de sortir"
       r"|enferme a cle|enfermee a cle)\b|\blocked me (?:in|up|inside)\b|\bwon ?t let me (?:leave|go out|out)\b"
       r"|\bhiding from (?:him|her|them|my \w+)\b"),
    # --- grooming (message-level: the clues may sit in different sentences) ---------------------
    _r("danger.grooming_secret_meet", "explicit",
       r"\b(?:(?:le |la |les |me |te )?(?:rejoindre|rejoigne|rejoignes|retrouver|retrouve|voir en vrai|rencontrer"
       r"|rencontre|venir chez|viens chez|vienne chez|passer me prendre|me chercher|chez lui|chez elle|a son hotel"
       r"|dans sa voiture|irl|en vrai)|meet|meeting|come over|come to (?:his|her) (?:house|place|car|hotel)"
       r"|pick me up|se me in person|hang out alone|in person)\b",
       requires=r"\b(?:sans (?:le |en )?(?:dire|parler|prevenir)(?: \w+){0,2}? (?:a )?(?:mes parents|ma mere"
                r"|mon pere|mes darons|personne|ma famille|mes proches)"
                r"|sans que (?:mes parents|ma mere|mon pere|personne) (?:\w+ )?(?:sache|sachent|soit au courant"
                r"|soient au courant)|(?:garder|garde|gardes|rester|reste) (?:ca |le |notre |nos |un "
                r"|ce )?(?:secret|secrets|entre nous)|en secret"
                r"|(?:dire|dis|parle) (?:rien|pas) a (?:tes|mes|ta|ma|ton|mon) (?:parents|mere|pere|famille"
                r"|darons)|(?:don ?t|do not|not to|never) tell (?:your|my|anyone|any one|anybody|ur)"
                r"|keep (?:it|this|our \w+) (?:a )?secret|betwen (?:us|you and me)|behind my parents"
                r"|(?:garder|garde|gardes|rester|reste) (?:\w+ ){0,2}?(?:secretes?|secrets?|pour nous"
                r"|entre nous))\b",
       message_scope=True),
    _r("danger.grooming_adult_minor", "explicit",
       r"\b(?:un adulte|une adulte|adultes?|un homme|un monsieur|un vieux|majeur|plus age|plus vieux"
       r"|grown (?:man|up|woman)|older (?:man|guy|woman|men|dude)|adult"
       r"|(?:1[89]|[2-9]\d) ?(?:ans|piges|yo|year old|years old|yrs old))\b",
       requires=r"\b(?:(?:j ?ai|jai|g|i m|im|i am|age de|agee? de)(?: \w+)? (?:[89]|1[0-7]) ?(?:ans|piges|yo"
                r"|year old|years old)?|je suis (?:en |au )?(?:6e|5e|4e|3e|6eme|5eme|4eme|3eme|sixieme|cinquieme"
                r"|quatrieme|troisieme|college)|mineure?|minor|underage|under age)\b",
       message_scope=True,
       unless=r"\b(?:prof|profs|teacher|parents?|mere|pere|mom|dad|oncle|tante|coach"
              r"|entraineur)\b(?!.*(?:rejoindre|rejoigne|rencontrer|nudes?|photos?|secret|meet|pics))"),
    _r("danger.grooming_nudes_minor", "explicit",
       r"\b(?:send|sending|envoyer|envoie|envoies|envoye) (?:him |her |lui |them )?(?:des |some |more |de |mes |my )?(?:pics|photos|pictures|videos|selfies|nudes)\b|"
       r"\b(?:veut|voulait|exige|demande|demandait|insiste|reclame|asks?|asked|asking|wants|keeps asking|m ?envoie"
       r"|sends me|sent me)\b(?: \w+){0,5}? (?:nudes?|photos? (?:de moi )?(?:nue?s?|intimes?|sexy"
       r"|en sous vetements|en maillot|de mon corps)|videos? (?:de moi )?(?:nue?s?|intimes?)|nude pics"
       r"|naked (?:pics|photos)|photos? de son (?:sexe|zizi|corps)|dick pics?)\b",
       requires=r"\b(?:(?:j ?ai|jai|g|i m|im|i am)(?: \w+)? (?:[89]|1[0-7]) ?(?:ans|piges|yo|year old|years old)?"
                r"|mineure?|minor|underage|je suis (?:en |au )?(?:6e|5e|4e|3e|college))\b",
       message_scope=True),
)

THIRD_PARTY_RULES: tuple[_Rule, ...] = (
    _r("suicide.third_party", "hyperbolic",
       r"\b(?:she|he|they|il|elle|ils|elles)\b(?: \w+){0,2}? (?:wants|want|wanted|veut|voulait|veulent) (?:to )?(?:die|mourir|en finir|disparaitre pour toujours|be dead|etre morte?)\b(?=[^|]*)|"
       r"\b(?:veut|veulent|voulait|voulaient|va|vont|allait|allaient|pense a|pensait a|parle de|parlait de"
       r"|menace de|menacait de|compte|envie de|a envie de|essaye de|essaie de|tente de|risque de"
       r"|dit qu ?(?:il|elle) va|dit qu ?(?:il|elle) veut) (?:\w+ )?<SE>(?:suicider|tuer|foutre en l'air|pendre"
       r"|jeter (?:du|d ?un|sous|par)|ouvrir les veines|tailler les veines)\b"
       r"|\b(?:dit|ecrit|poste|envoye|mis|publie|a dit|m ?a dit|m ?a ecrit)\b(?: \w+){0,3}? <QUIL> (?:veut|voulait"
       r"|va|allait|voudrait) (?:\w+ )?(?:mourir|en finir|se tuer|se suicider|disparaitre pour toujours)\b"
       r"|\b(?:a|ont|avait|avaient|vient d ?|viennent d ?) ?(?:pris|avale|avaler|prendre) (?:tous ses|toutes ses"
       r"|toute sa|toute la boite|toute une boite|une boite|la boite|plein de|trop de) (?:de )?<DRUGS>?\b"
       r"|\b(?:wants|wanted|going|gonna|is going|planning|plans|threatening|threatened|talks about|talking about"
       r"|talked about|trying|tried|said (?:she|he|they)(?:d| would| will|l)?) (?:to )?(?:kill|hurt|end) (?:herself"
       r"|himself|themselves|themself|her life|his life|their life)\b"
       r"|\b(?:she|he|they|friend|sister|brother|girlfriend|boyfriend|gf|bf|cousin|bestie)(?: \w+){0,2}? (?:is|s"
       r"|are|seems|has been|have been) (?:\w+ )?suicidal\b"
       r"|\b(?:she|he|they) (?:took|swallowed) (?:a bunch of|al (?:her|his|their|the)|too many|a lot of) <PILLS>",
       unless=_NON_PERSON + r"|\b(?:comment aider|how to help|how do you help)\b (?:un|une|a|someone)\b"),
    _r("suicide.third_party_attempt", "hyperbolic",
       r"\b(?:a|ont) (?:essaye|tente|voulu) (?:de |d ?)<SE>(?:suicider|tuer|foutre en l'air|pendre|jeter)\b"
       r"|\ba fait une (?:ts|tentative)\b|\b(?:tried|attempted) (?:to kill (?:herself|himself|themselves)|suicide)\b",
       requires=r"\b(?:mon|ma|mes|my|our|notre) (?:\w+ )?<CLOSE>\b",
       unless=r"\b(?:ans|years|an|year|longtemps|ago|il y a|depuis)\b"),
    _r("suicide.someone_farewell", "explicit",
       r"\b(?:message|messages|post|lettre|video|mot|note|texto|story) (?:d ?adieu"
       r"|de suicide)\b(?: \w+){0,8}? (?:repond|repondait|decroche|joignable|nouvelle|nouvelles|rien)\b"
       r"|\b(?:goodbye|farewell|suicide) (?:message|post|note|letter|text|video)\b(?: \w+){0,8}? (?:not answering"
       r"|isnt answering|wont answer|not picking up|no answer|cant reach)\b"),
)

WEAK_RULES: tuple[_Rule, ...] = (
    _r("weak.exhaustion", "weak",
       r"\bj ?en (?:peux|peu) <PLUS>\b|\bjpp\b|<JSUIS> (?:a bout|au bout du rouleau|epuisee? de tout|vide)\b"
       r"|\b<PLUS> la force\b|\b(?:fatigue|fatiguee|marre|lasse|epuise|epuisee) (?:de tout|de tt|de ma vie"
       r"|de cette vie)\b|<JE>(?:ne )?tiens <PLUS>\b|\bi cant (?:do this|take (?:it|this)|handle (?:it|this"
       r"|life)) anymore\b|\b(?:tired|exhausted|sick) of everything\b|\bi m so tired of (?:it al|everything)\b"),
    _r("weak.hopeless", "weak",
       r"\bque (?:tout|tout ca|ca|la vie) s ?arrete\b(?! (?:de|d ?|pour))|"
       r"\b(?:want|need) (?:it|everything|it all) to stop\b|"
       r"\b<PLUS> (?:aucun |d ?)?(?:espoir|issue|solution)\b|\baucune (?:issue|solution|porte de sortie)\b"
       r"|\bje (?:ne )?vois (?:<PLUS>|pas|aucune?) (?:d ?|de |l ?)?(?:issue|sortie|solution|avenir|lumiere"
       r"|le bout)\b|\b(?:plus rien|rien) n ?a (?:plus )?de sens\b|\bnothing matters\b|\bno hope\b|\bhopeles\b"
       r"|\bi give up\b|<JE>(?:lache|laisse) tout tomber\b|<JE>abandonne\b|\bno way out\b|\bplus rien a perdre\b"
       r"|\bnothing (?:left )?to lose\b"),
    _r("weak.worthless", "weak",
       r"<JE>(?:ne )?(?:sers|sert) a rien\b|<JE>(?:ne )?vaux rien\b|<JME>(?:deteste|hais|degoute)\b"
       r"|\bi hate myself\b|\bworthles\b|\bwaste of (?:space|air|oxygen)\b|\bi m (?:a|such a) burden\b"
       r"|\bim (?:a|such a) burden\b|<JSUIS> (?:une? )?(?:merde|erreur|moins que rien|raté|ratee|nul"
       r"|nulle)\b(?! (?:en|a|au|aux|pour))|<JE>(?:deteste|hais) ma vie\b|\bi hate my life\b"
       r"|\bma vie est (?:nulle|de la merde|un enfer|finie)\b"),
    _r("weak.isolation", "weak",
       r"\bpersonne (?:ne |n ?)?m ?aime\b|<JSUIS> (?:tout |toute )?seule? au monde\b"
       r"|\bnobody (?:loves|cares about) me\b|\bno one (?:loves|cares about) me\b"
       r"|\bpersonne (?:ne |n ?)?(?:se soucie|s ?interesse) (?:de moi|a moi)\b"
       r"|<JSUIS> (?:tellement |trop |si )seule?\b|\bi m (?:so )?alone\b|\bim (?:so )?alone\b"
       r"|\bmort a l ?interieur\b|\bdead inside\b"),
    _r("weak.means", "weak",
       r"\b<DRUGS>\b|\b(?:lames?|lame de rasoir|rasoirs?|cutter|corde)\b|\b(?:pills|razor|razors|blades?|rope)\b",
       unless=r"\b(?:mal de tete|migraine|fievre|grippe|rhume|dents?|regles|headache|fever|cold|flu|ordonnance"
              r"|prescription|pharmacie|pharmacy|medecin|doctor|vitamines?|contraception|pilule du lendemain"
              r"|la pilule|birth control|sauter a la|jump rope|corde a sauter|rasoir electrique|me raser|shave"
              r"|shaving)\b"),
    _r("weak.finality", "weak",
       r"\bletres? (?:pour|a) (?:ma famille|mes parents|mes proches|ma mere|mon pere|mes amis|mes potes|ma soeur"
       r"|mon frere)\b|\b(?:donne|donner|donné|distribue) (?:toutes |tous )?mes affaires\b"
       r"|\bgive away (?:al )?my (?:stuff|things|belongings)\b|<JAI> tout (?:prevu|organise|prepare|planifie)\b"
       r"|\bmon testament\b|\bwrote (?:\w+ ){0,2}?letters? (?:to|for) my"
       r"|<JAI> (?:choisi|fixe) (?:la date|le jour)\b|\bc ?est (?:bientot )?la fin\b(?! (?:de|des|du|d ?))"),
    _r("weak.self_harm_signs", "weak",
       r"\b(?:mes )?cicatrices (?:\w+ ){0,2}?(?:sur|aux|a|des) (?:les |mes )?(?:bras|poignets|cuisses|avant bras"
       r"|jambes)\b|\b(?:cacher|cache|planque|caché) (?:mes|les) (?:cicatrices|marques|bras|poignets|coupures)\b"
       r"|\bmanches longues\b|\bscars on my (?:arms|wrists|thighs|legs)\b|\brelapsed\b"
       r"|\bclean (?:for|since) \d+ (?:days|weeks|months)\b",
       kind="self-harm"),
    _r("weak.danger_fear", "weak",
       r"\b(?:<JAI>|j ?ai) (?:tres |trop |tellement |vraiment )?peur (?:de lui|d ?eux|d ?elle"
       r"|de mon (?:copain|mec|mari|pere|beau pere|ex|frere|daron)|de rentrer)\b"
       r"|\bi m (?:so )?scared of (?:him|her|them|my \w+)\b|\bim (?:so )?scared of (?:him|her|them)\b"
       r"|\b<AGG>\b (?:\w+ )?me menace\b|\bil me fait peur\b",
       kind="danger"),
    _r("weak.danger_hiding", "weak",
       r"\b(?:<JSUIS>|je me suis|j ?me suis|je m ?suis|jme suis) (?:\w+ ){0,1}?(?:enferme|enfermee|cache|cachee"
       r"|planque|planquee|refugie|refugiee)\b(?: \w+){0,4}? (?:dans|chez|sous|aux|a)\b"
       r"|\b(?:i m|im|i am|i ve|ive|i)\b (?:\w+ ){0,1}?(?:hiding|locked myself in|locked in)\b|<JE>me cache\b",
       kind="danger"),
    _r("weak.danger_hunted", "weak",
       r"\b(?:looking|searching|hunting) for me\b|\bdriving around\b|\bme cherche(?:nt)? partout\b"
       r"|\bm ?a pris mon (?:tell|telephone|portable)\b|\btook my phone\b|\bdes bleus partout\b"
       r"|\bcouverte? de bleus\b|\bbruises (?:al over|everywhere)\b",
       kind="danger"),
)

# Cues built on the marker tokens left by _neutralise; message-wide, as they often span two sentences.
COMPOSITE_RULES: tuple[_Rule, ...] = (
    _r("suicide.agrees_with_insult", "explicit",
       r"zincite\b(?: [\w|]+){0,14}? (?:ont|a|avaient|aurait|auraient|are|is|re|s|were|might be|may be"
       r"|could be) (?:peut etre |surement |sans doute |probablement |maybe |probably |vraiment |totalement "
       r"|un peu )?(?:raison|right)\b|\b(?:raison|right)\b(?: [\w|]+){0,12}? zincite\b",
       message_scope=True),
    _r("suicide.ambivalent_denial", "hyperbolic",
       r"zneg\b(?: [\w|]+){0,3}? (?:mais|but|sauf que|pourtant)\b(?: \w+){0,4}? (?:j ?y pense|parfois|des fois"
       r"|souvent|sometimes|i think about it|i m scared|j ?ai peur|je sais pas|jsp|idk|i don ?t know|not sure"
       r"|pas sur|pas sure|l ?idee)\b",
       message_scope=True),
)

ALL_RULES: tuple[_Rule, ...] = (
    SUICIDE_RULES + SELF_HARM_RULES + DANGER_RULES + THIRD_PARTY_RULES + COMPOSITE_RULES + WEAK_RULES
)
_SENTENCE_RULES = tuple(r for r in ALL_RULES if not r.message_scope)
_MESSAGE_RULES = tuple(r for r in ALL_RULES if r.message_scope)

# --------------------------------------------------------------------------------------------------
# Screening
# --------------------------------------------------------------------------------------------------


def _neutralise(text: str) -> str:
    """Remove figurative idioms, reassurance and reported insults, leaving marker tokens."""
    for pattern in _FIGURATIVE:
        text = pattern.sub(" ", text)
    for pattern in _REASSURANCE:
        text = pattern.sub(_NEG_TOKEN, text)
    for pattern in _INCITEMENT:
        text = pattern.sub(_INCITE_TOKEN, text)
    return _SPACES.sub(" ", text).strip()


def _flags(sentence: str) -> frozenset[str]:
    """Figurative contexts present in one sentence (laughter is checked near the cue instead)."""
    found = {name for name, pattern in _GUARDS.items() if name != "laugh" and pattern.search(sentence)}
    if "game" in found and _NOT_A_GAME.search(sentence):
        found.discard("game")
    return frozenset(found)


def _guarded(rule: _Rule, match: re.Match[str], sentence: str, offset: int, flags: frozenset[str]) -> bool:
    """True when a figurative guard of ``rule`` holds around ``match`` (``offset`` = sentence start)."""
    if "laugh" in rule.guards:
        lo = max(0, match.start() - offset - 80)
        hi = match.end() - offset + 80
        if _GUARDS["laugh"].search(sentence, lo, hi):
            return True
    return bool(rule.guards & flags)


_PREFILTER = True  # tests switch it off to check it never changes a verdict


def _fired_rules(text: str) -> list[_Rule]:
    """Rules whose pattern matches with their context satisfied and no guard holding."""
    sentences = [_neutralise(s) for s in _sentences(text)]
    if not sentences:
        return []
    joined = " | ".join(sentences)
    starts: list[int] = []
    pos = 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 3
    flag_cache: dict[int, frozenset[str]] = {}
    fired: list[_Rule] = []
    for rule in _SENTENCE_RULES:
        if _PREFILTER and rule.anchors is not None and not any(a in joined for a in rule.anchors):
            continue
        for match in rule.pattern.finditer(joined):
            idx = bisect_right(starts, match.start()) - 1
            sentence = sentences[idx]
            if rule.requires is not None and not rule.requires.search(sentence):
                continue
            if rule.unless is not None and rule.unless.search(sentence):
                continue
            flags = flag_cache.get(idx)
            if flags is None:
                flags = flag_cache[idx] = _flags(sentence)
            if _guarded(rule, match, sentence, starts[idx], flags):
                continue
            fired.append(rule)
            break
    whole_flags: frozenset[str] | None = None
    for rule in _MESSAGE_RULES:
        if _PREFILTER and rule.anchors is not None and not any(a in joined for a in rule.anchors):
            continue
        match = rule.pattern.search(joined)
        if match is None or (rule.requires is not None and not rule.requires.search(joined)):
            continue
        if rule.unless is not None and rule.unless.search(joined):
            continue
        if whole_flags is None:
            whole_flags = _flags(joined)
        if not _guarded(rule, match, joined, 0, whole_flags):
            fired.append(rule)
    return fired


def screen(text: str) -> CrisisSignal:
    """Screen one user message for suicide, self-harm or immediate danger; never raises on any ``str``."""
    if not text or not isinstance(text, str):
        return NO_CRISIS
    fired = _fired_rules(text)
    strong = [r for r in fired if r.tier != "weak"]
    weak = [r for r in fired if r.tier == "weak"]
    weak_danger = {r.id for r in weak if r.kind == "danger"}
    weak_distress = {r.id for r in weak if r.kind != "danger"}
    cues = tuple(sorted({r.id for r in fired}))
    if strong:
        kinds = {r.kind for r in strong}
    elif len(weak_distress) >= 2:
        kinds = {r.kind for r in weak if r.kind != "danger"}
        kinds = {"suicide"} if kinds != {"self-harm"} else kinds
    elif len(weak_danger) >= 2:
        kinds = {"danger"}
    else:
        return CrisisSignal(False, None, cues)
    kind = next(k for k in KINDS if k in kinds)
    return CrisisSignal(True, kind, cues)


def evaluate(rows: Iterable[tuple[str, bool]]) -> dict[str, float]:
    """Score ``screen`` on (text, is_crisis) pairs: recall, precision, f1, n, tp, fp, fn, tn."""
    tp = fp = fn = tn = 0
    for text, expected in rows:
        predicted = screen(text).is_crisis
        if predicted and expected:
            tp += 1
        elif predicted:
            fp += 1
        elif expected:
            fn += 1
        else:
            tn += 1
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "n": float(tp + fp + fn + tn),
        "tp": float(tp),
        "fp": float(fp),
        "fn": float(fn),
        "tn": float(tn),
    }


# --------------------------------------------------------------------------------------------------
# Resources
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CrisisResource:
    """A helpline or emergency number, with where its details come from."""

    id: str
    name: str
    contact: str
    hours: str
    description: str
    url: str
    source: str
    kinds: tuple[str, ...] = ()


_PRIORITY = {"suicide": ("3114", "112"), "self-harm": ("3114", "112"), "danger": ("112", "17")}


@lru_cache(maxsize=1)
def _load_resources() -> dict[str, tuple[CrisisResource, ...]]:
    """Read ``data/crisis_resources.toml`` once."""
    raw = resources.files("companion.analysis.data").joinpath("crisis_resources.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    return {
        lang: tuple(
            CrisisResource(
                id=str(entry["id"]),
                name=entry["name"],
                contact=entry["contact"],
                hours=entry["hours"],
                description=entry["description"],
                url=entry["url"],
                source=entry["source"],
                kinds=tuple(entry.get("kinds", ())),
            )
            for entry in entries
        )
        for lang, entries in data.items()
        if isinstance(entries, list)
    }


def crisis_resources(lang: str, kind: str | None = None) -> list[CrisisResource]:
    """Helplines for ``lang`` ("fr" or "en"; others fall back to "en"), optionally only those for ``kind``."""
    table = _load_resources()
    entries = table.get((lang or "en").lower()[:2]) or table["en"]
    if kind is None:
        return list(entries)
    chosen = [e for e in entries if kind in e.kinds]
    first = _PRIORITY.get(kind, ())
    return sorted(chosen, key=lambda e: first.index(e.id) if e.id in first else len(first))
