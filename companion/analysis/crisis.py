"""Crisis screening: a rule-based, explainable screen run on every user text before any flow.

``screen(text)`` says whether a message suggests suicide, self-harm or immediate danger (threats,
sextortion, violence at home, stalking, grooming, someone else in danger). It is pure Python, offline
and fast (rules are compiled once; a typical message takes well under a millisecond).

Design, in the order a message goes through it:

1. **Normalise** (``_sentences``): NFKC, case-fold, drop invisible/bidi characters, strip accents,
   map look-alike letters and leetspeak between letters (``su1c1de``), turn laughing emoji into the
   token ``mdr``, split elisions (``l'air`` = ``l air``, as typed in SMS) and drop other apostrophes
   (``don't`` = ``dont``, ``j'vais`` = ``j vais`` ~ ``jvais``), collapse repeated letters (``jveuuux`` =
   ``jveux``; patterns get the same treatment when compiled, so they are written in ordinary spelling,
   with ``'`` meaning "optional space") and split into sentences.
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
     video-game or sports context (a trivial cause never softens a threat or a blow);
   - ``weak``: signals that only count when two different ones co-occur (``j'en peux plus`` +
     ``je sers à rien``).
4. **Decide**: crisis when a non-weak cue fires or two weak families co-occur. The kind is the most
   urgent one found: suicide, then danger, then self-harm. Someone else at risk (``ma pote veut se
   suicider``) counts as a crisis of the same kind (3114 also answers relatives); someone else being
   hurt or threatened counts as danger. Grooming clues (adult, minor, secret, meeting) are combined
   across the whole message.
5. **Speed**: from each compiled rule the literals any match must contain are derived
   (``_required_literals``); a rule is only scanned when one of them occurs in the message.

Reassurance policy: an explicit denial (``je ne vais pas me suicider``) is not a crisis by itself; any
other cue in the message still counts. Recall comes first: when a message could be either, the rules
lean towards catching it. The screen never logs, stores or returns the user's text: only rule ids.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from re import _constants as _sre_c  # type: ignore[attr-defined]
from re import _parser as _sre_p  # type: ignore[attr-defined]
from typing import Literal

from companion.engine.reading import CrisisResource

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
    cues: tuple[str, ...]  # ids of the rules that fired (never the user's text); a lone weak cue may
    # appear while is_crisis is False, so callers can soften their tone without switching to crisis mode
    indirect: bool = False  # only weak cues together ("j'en peux plus" + "à quoi bon"): concerning but indirect


NO_CRISIS = CrisisSignal(False, None, ())


# --------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------

_LAUGH_EMOJI = re.compile("[\U0001f602\U0001f923\U0001f480\u2620\U0001f639\U0001f606\U0001f605\U0001f92d\ufe0f]+")
_LAUGH_CODES = re.compile(r":(?:rire|joy|skull|rofl|laughing|sweat_smile|xd|lol|mdr|ptdr|kekw?|omegalul|pepelaugh):")
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
    r"|ugh|omg|bruh|welp|oops|oups|whoops"  # embarrassment interjections mark hyperbole the same way
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
    s = _LAUGH_EMOJI.sub(" mdr ", _LAUGH_CODES.sub(" mdr ", s))
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
        r"|calmants?|armoire a pharmacie|boite a pharmacie|pharmacie)"
    ),
    "<PILLS>": (
        r"(?:pills|tablets|meds|medication|medications|paracetamol|tylenol|ibuprofen|advil|xanax|benzos"
        r"|antidepressants?|sleeping pills|painkillers|pain killers|prescriptions?|sleeping tablets|oxy\w*)"
    ),
    # what an aggressor threatens to do; "retrouver" (also "to meet up") only without a time or place after it
    "<HURT>": (
        r"(?:tuer|buter|crever|defoncer|frapper|faire la peau|egorger|planter|violer|faire du mal|faire payer"
        r"|casser la gueule|niquer|eclater|saigner|bruler|enlever|kidnapper|detruire|tabasser|finir|taper"
        r"|(?:retrouver|choper|trouver)(?! (?:a|au|aux|a la|devant|chez|ce soir|demain|apres|vers|en bas"
        r"|pour (?!me |m )|dans|sur|en |at|after|tomorrow|later|up|in )\b))"
    ),
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
        r"|mon harceleur|my stalker|une voiture|a car|a van|une camionette|des gens|people|une femme|a woman|mon voisin"
        r"|ma voisine|le voisin|my neighbou?r)"
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
    except Exception:  # a private parser changed: screen without the prefilter
        return None


def compile_rule(src: str) -> re.Pattern[str]:
    """Compile a rule pattern written in plain spelling, as the rules of this module are (for data files)."""
    return _rx(src)


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
    _rx(r"\b(?:pousse|poussee|pousses) (?:\w+ )?(?:trop loin|a bout|dans mes retranchements|a la faute)\b"),
    _rx(r"\b(?:tape|tapait|tapent|tapes) sur (?:les nerfs|le systeme|le crane)\b"),
    _rx(
        r"\b(?:m ?a |me )?(?:tape|tapait|tapé) (?:dans la main|dans le dos|sur l ?epaule|la bise|la discute|un sprint"
        r"|un foot)\b"
    ),
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
    _rx(r"\b(?:je suis|jsuis|chui|suis) (?:pas|plus|hors de) (?:en )?danger\b"),
    _rx(r"\b(?:i ?m|im|i am) (?:safe|not in danger|out of danger)\b"),
    _rx(
        r"\b(?:i ?m|im|i am|i ?l|i will|i would|i ?d|id|i)\b ?(?:not|never|dont|do not|wont|will not|would never"
        r"|d never|didnt|did not|wouldnt|would not) (?:ever |really |actually |even |seriously )?(?:going to "
        r"|gonna |want to |wanna |plan to |planning to |plan on |planning on |intend to |trying to |about to "
        r"|thinking about |think about |do anything to |feel like |have )?(?:kill myself|hurt myself|harm myself"
        r"|die|end it|end my life|cut|cut myself|do anything stupid|do something stupid|self harm|suicidal"
        r"|unalive myself|kms|suicidal thoughts)\b"
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
        r"|keeps telling|keep telling|kept telling)\b(?: (?!(?:he|she|they|hes|shes|wants|want|is|was|it)\b)\w+){0,2}?"
        r" (?:me )?(?:to |i should |that i should "
        r"|i ought to |to go )(?:go )?(?:kill myself|kms|die|end it|hang myself|unalive myself|off myself)\b"
    ),
]
_SERIOUS = _rx(
    r"\b(?:not joking|not kidding|no joke|i ?m serious|im serious|pas une blague|pas pour rire|je rigole pas"
    r"|jrigole pas|j rigole pas|je plaisante pas|sans rire|sans blague|c ?est pas drole)\b"
)
_SPACES = re.compile(r" {2,}")
_NEG_TOKEN = " zneg "
_INCITE_TOKEN = " zincite "


# --------------------------------------------------------------------------------------------------
# Guards: contexts that make a hyperbolic cue figurative.
# --------------------------------------------------------------------------------------------------

_GUARDS: dict[str, re.Pattern[str]] = {
    "laugh": _rx(
        rf"\b(?:{_LAUGH_TOKENS}|je rigole|jrigole|j rigole|je plaisante|jplaisante|c ?est une blague"
        r"|cest pour rire|just kidding|im joking|i ?m joking|en blague|pour rigoler|as a joke|jokingly"
        r"|c ?etait pour rire|rigolait|rigolais|en rigolant|il blaguait|was joking|jokes|joking)\b"
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
        # counterfactuals: "si je me réveillais dans la peau d'un...", "si j'étais toi"
        r"|\bsi (?:je |j ?)(?:me )?(?:reveillais|devenais|etais (?:toi|lui|elle|a ta place|a sa place))\b"
        r"|\bdans la peau d ?(?:un|une)\b|\bif i (?:were|was) (?:you|him|her|in your shoes)\b"
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
        r"|show|book|novel|series|chanson|clip|song|music video|video|jeu|game))\b"
    ),
    "game": _rx(
        r"\b(?:jeu|jeux|game|games|gaming|gamer|boss|quete|quest|perso|pnj|npc|ranked|fortnite|valorant|minecraft"
        r"|roblox|gta|cod|warzone|apex|league|elden|malenia|zelda|mario|pokemon|fifa|overwatch|csgo|among us|respawn"
        r"|spawn|pvp|pve|donjon|dungeon|manette|controller|console|ps5|ps4|xbox|switch|steam|lobby|frag|headshot"
        r"|speedrun|mobs|zombies?|campeur|camper|sniper|tryhard|noob|basket|foot|football|rugby|handball|volley"
        r"|(?:au|le|du|un|pendant le) match|entrainement|training|eps|boxe|boxing|judo|karate|sparring|dodgeball"
        r"|balle aux prisonniers|paintball|laser game|airsoft|1v1)\b"
    ),
    "social": _rx(
        r"\b(?:insta|instagram|ig|tiktok|tik tok|twitter|snap|snapchat|youtube|yt|twitch|facebook|fb|reseaux|reseau"
        r"|abonnes|abonnements?|followers?|compte|profil|profile|account|story|stories|likes|vues|views"
        r"|threads|bluesky|bsky|reels|en ligne|online|discord|whatsapp|posts?|comments?|commentaires?|tweets?|coms"
        r"|group ?chat|gc|the chat)\b"
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
    requires: tuple[re.Pattern[str], ...] = ()  # all must match in the same scope
    unless: re.Pattern[str] | None = None
    message_scope: bool = False
    anchors: frozenset[str] | None = None  # derived: any match contains one of these literals


def _r(
    rule_id: str,
    tier: Tier,
    pattern: str,
    *,
    kind: Kind | None = None,
    extra: Iterable[str] = (),
    requires: str | tuple[str, ...] = (),
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
        # a trivial cause ("si j'entends encore cette chanson") softens despair, never a threat or a blow
        guards=(_DEFAULT_GUARDS[tier] - ({"trivial"} if resolved == "danger" else set())) | frozenset(extra),
        requires=tuple(_rx(r) for r in ((requires,) if isinstance(requires, str) else requires)),
        unless=_rx(unless) if unless else None,
        message_scope=message_scope,
    )


_FIRST_PERSON = r"\b(?:je|j|jai|g|me|m|moi|mes|mon|ma|jsuis|chui|jme|i|im|ive|id|my|me|myself)\b"
_OWNER = _FIRST_PERSON + r"|\b(?:mon|ma|mes|my|notre|our) (?:\w+ )?<CLOSE>\b"
# a thing, not a person, as the subject ("mon compte s'est suicidé", "mon pc veut se suicider")
_NON_PERSON = (
    r"\b(?:mon|ma|mes|son|sa|ses|ton|ta|le|la|les|my|his|her|the|this|ce|cette|cet) (?:\w+ )?(?:compte|page|tell"
    r"|telephone|portable|ordi|pc|batterie|appli|application|perso|personnage|serveur|wifi|connexion|plantes?"
    r"|poisson|tamagotchi|sims|account|phone|laptop|battery|app|character|server|plant|carriere|career|chaine"
    r"|channel|serie|voiture|car|pote virtuel)\b(?: \w+){0,3}? (?:veut|veulent|va|vont|voulait|allait|s|se|a|is|wants"
    r"|s going|going|parle|dit|says|said|tries|essaie)\b"
)
_REPORTING = (
    r"\b(?:dit|dis|ecrit|envoye|envoie|envoi|message|messages|dm|mp|menace|menaces|recu|commentaire|com|coms|texte"
    r"|sms|vocal|crie|hurle|said|says|told|texted|wrote|sent|threatened|messaged|dmed|yelled|screamed)\b"
)

# Grooming clues, combined at message level by the danger rules below.
_MEET = (
    r"\b(?:(?:le |la |les |me |te |se )?(?:rejoindre|rejoigne|rejoignes|retrouver|retrouve|rencontrer|rencontre"
    r"|venir chez|viens chez|vienne chez|passer me prendre|me chercher|chez lui|chez elle|a son hotel"
    r"|dans sa voiture|(?:voir|voie|voit|voyer|rencontrer) (?:\w+ )?(?:en vrai|irl|en face a face))|meet|meeting"
    r"|come over|come to (?:his|her) (?:house|place|car|hotel)|pick me up|see me in person|hang out alone|in person"
    r"|(?:wants|asked for|asks for|asking for) my (?:address|location)"
    r"|(?:veut|demande|demandait) (?:mon adresse|ou j ?habite)"
    r"|(?:me voir|me rencontrer|me retrouver|see me|meet me|meet up) (?:\w+ )?(?:seule?|alone|en cachette|en secret))\b"
)
_SECRET = (
    r"\b(?:sans (?:le |en )?(?:dire|parler|prevenir)(?: \w+){0,2}? (?:a )?(?:mes parents|ma mere|mon pere"
    r"|mes darons|personne|ma famille|mes proches)|sans que (?:mes parents|ma mere|mon pere"
    r"|personne) (?:\w+ )?(?:sache|sachent|soit au courant|soient au courant)|en secret"
    r"|(?:garder|garde|gardes|rester|reste) (?:\w+ ){0,2}?(?:secret|secrets|secretes?|pour nous|entre nous)"
    r"|(?:dire|dis|parle|parler|raconter|rien dire|pas dire) (?:rien |pas )?a (?:tes|mes|ta|ma|ton|mon"
    r"|personne) ?(?:parents|mere|pere|famille|darons)?|(?:rien|pas|personne) (?:dire|dit|raconter|parler) a (?:tes"
    r"|mes|ta|ma|ton|mon) (?:parents|mere|pere|famille|darons)"
    r"|(?:don ?t|do not|not to|never|not) tell (?:your|my|anyone|any one|anybody|ur|no ?one)"
    r"|keep (?:it|this|our \w+) (?:a )?secret|between (?:us|you and me)|behind my parents"
    r"|(?:it ?s|its|this is) (?:our|a) secret|our little secret|c ?est (?:notre|un) secret"
    r"|notre (?:petit )?secret)\b"
)
_ADULT = (
    r"\b(?:un adulte|une adulte|adultes?|un homme|un monsieur|un vieux|majeur|plus age|plus vieux"
    r"|grown (?:man|up|woman)|older (?:man|guy|woman|men|dude)|adult"
    r"|(?:1[89]|[2-9]\d) ?(?:ans|piges|yo|year old|years old|yrs old))\b"
)
_MINOR = (
    r"\b(?:(?:j ?ai|jai|g|i ?m|im|i am|age de|agee? de)(?: \w+)? (?:[89]|1[0-7]) ?(?:ans|piges|yo|year old|years old)?"
    r"|je suis (?:en |au )?(?:6e|5e|4e|3e|6eme|5eme|4eme|3eme|sixieme|cinquieme|quatrieme|troisieme|college)"
    r"|mineure?|minor|underage|under age)\b"
)
_NUDES_REQUEST = (
    r"\b(?:video call|videocall|appel video|facetime|webcam|en cam|camera on|cam on|allumer (?:ma|la) (?:cam|camera)"
    r"|dans ma chambre|in my room|in my bedroom)\b|"
    r"\b(?:asking for|asks for|asked for|ask for|demande des|me demande des|veut des|voulait des|reclame des) (?:\w+ )?"
    r"(?:pics|photos|pictures|selfies|videos)\b|"
    r"\b(?:veut|voulait|exige|demande|demandait|insiste|reclame|asks?|asked|asking|wants|keeps asking|m ?envoie"
    r"|sends me|sent me)\b(?: \w+){0,5}? (?:nudes?|photos? (?:de moi )?(?:nue?s?|intimes?|sexy|en sous vetements"
    r"|en maillot|de mon corps)|videos? (?:de moi )?(?:nue?s?|intimes?)|nude pics|naked (?:pics|photos)"
    r"|photos? de son (?:sexe|zizi|corps)|dick pics?)\b|\b(?:send|sending|envoyer|envoie|envoies|envoye) (?:him "
    r"|her |lui |them )?(?:des |some |more |de |mes |my )?(?:pics|photos|pictures|videos|selfies|nudes)\b"
)
_ROMANCE = (
    r"\b(?:sortir avec|sort avec|mon copain|mon mec|amoureux|en couple|relation|dating|date|boyfriend|bf|bisous"
    r"|love)\b"
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
       r"<IFR><GAP> (?:pense|pensais|songe|reve) (?:\w+ ){0,3}?(?:a la corde|au pont|aux cachets|aux medocs"
       r"|a la lame|aux rails|au vide|a la fenetre|au train|au metro|a me pendre|a sauter)\b"
       r"|\b(?:think|thinking|thought) about (?:the rope|the bridge|the pills|the tracks|the train|the ledge)\b"
       r"|<IFR><GAP> (?:pense|pensé|pensais|songe|reve) (?:\w+ ){0,3}?(?:a la mort|a mourir|a ma mort|a me tuer"
       r"|a en finir|a disparaitre)\b(?! (?:de|d ?|des|du)\b)"
       r"|<IFR><GAP> (?:pense|pensé|pensais|songe|songé|reflechis|reve|envisage|envisagé) (?:\w+ ){0,2}?(?:au|a"
       r"|le) suicide\b|\bsuicide (?:\w+ ){0,3}?(?:seule|unique|meilleure) (?:solution|issue|option|sortie)\b"
       r"|\b(?:think|thinking|thought|thoughts) (?:about|of) (?:suicide|killing myself"
       r"|ending (?:it|my life|things)|taking my (?:own )?life)\b"),
    _r("suicide.idees_noires", "hyperbolic", r"\b(?:idees?|pensees?) (?:noires|suicidaires|de mort|de suicide)\b",
       requires=_OWNER),
    _r("suicide.imagine_dead", "hyperbolic",
       r"<JME>(?:imagine|vois|visualise|imaginais|voyais)\b(?: \w+){0,2}? (?:morte?|mourir|dans (?:un|mon) cercueil"
       r"|enterree?|a mon enterrement)\b|\bi (?:imagine|picture|see) myself (?:dead|dying|in a coffin)\b"),
    _r("suicide.attempt", "explicit",
       r"\bsi (?:je |j ?)(?:me |m ?)(?:rate|loupe|manque) pas\b"
       r"|\b(?:cette fois|la prochaine fois) (?:je |j ?)(?:me |m ?)(?:raterai|louperai|rate|loupe) pas\b"
       r"|<JAI> (?:deja |encore |re)?(?:fait|refait|tente|fais) (?:une |des |plusieurs |ma |deux |trois )?(?:ts"
       r"|tentatives? de suicide|tentatives?)\b|\b(?:ma|mes|ta) (?:ts|tentatives? de suicide)\b"
       r"|<JAI> (?:deja )?(?:essaye|essayer|tente|voulu) (?:de |d ?)<ME>(?:suicider|tuer|pendre|jeter"
       r"|foutre en l'air|ouvrir)|\b(?:i|ive|i ?ve)\b(?: \w+){0,2}? (?:attempted|tried to commit) suicide\b"
       r"|\bmy (?:last |first |second )?suicide attempt"),
    _r("suicide.kill_myself", "hyperbolic",
       r"\bkil(?:ing|ed|s)? (?:my ?self|myslf|meself|myselve)\b|\bkms\b|\bunalive (?:my ?self|me)\b|\bunaliving\b"
       r"|\bsuicide myself\b|\boff(?:ing)? myself\b|\bend myself\b"),
    _r("suicide.commit_en", "hyperbolic",
       r"\b(?:i|im|ive|id|i ?m|i ?ve|gonna|going to|want to|wanna|thinking about|considering|contemplating|planning"
       r"|plan to|might|ready to|about to)\b(?: \w+){0,3}? (?:commit|committing|attempt|attempting) suicide\b"),
    # --- wishing to die / not to live ----------------------------------------------------------
    _r("suicide.want_die", "hyperbolic",
       r"\b(?:souhaite|desire|attends|espere|appelle) la mort\b(?! (?:de|d|des|du|a|aux)\b)"
       r"|\bla mort (?:ne )?(?:me fait (?:<PLUS>|pas) peur|m ?attire|me tente|m ?appelle)\b"
       r"|\b(?:i ?m|i am) (?:not )?(?:afraid|scared) of (?:dying|death) anymore\b"
       r"|\b(?:veux|veu|voudrais|souhaite|reve|desire|besoin"
       r"|envie)\b(?: (?!(?:pas|plus|jamais|que|qu|qui|le|la|les|lui|te|vous|tu|il|elle|ils"
       r"|on)\b)\w+){1,3} (?:mourir|crever|etre morte?)\b(?! (?:de |d ?)\b)"
       r"|(?:<JVEUX>|<JAI> envie|\benvie) (?:de )?partir (?:\w+ ){0,2}?(?:et )?pour (?:toujours"
       r"|de bon)\b(?! (?:en|au|a|aux|vers|loin d)\b)|(?:<JVEUX>|<JAI> (?:envie|besoin)|\benvie|\bbesoin"
       r"|<JE>(?:reve|souhaite|prie|demande)|\bhate) (?:de |d ?)?(?:juste |vraiment |tellement |trop |simplement "
       r"|bien |plus que )?(?:mourir|creuver|crever|etre mort|etre morte|etre morts"
       r"|partir pour (?:toujours|de bon))\b(?! (?:que|plutot|de rire|de honte|de chaud|de faim|de froid|d ?envie"
       r"|de fatigue|d ?ennui|de peur)\b)|\benvie (?:de )?mourir\b|\bveux mourir\b|\blaissez moi mourir\b"),
    _r("suicide.want_die_en", "hyperbolic",
       r"\bwant (?:it|everything|this|it all) to (?:be over|end|stop) (?:for good|forever|permanently)\b|"
       r"\b(?:rather|prefer to) (?:be dead|not be alive|not exist|die)\b(?! (?:than|then|before|instead)\b)|"
       r"\b(?:want|wanna|wanted|wish|need|ready) (?:to )?(?:die|be dead|stop existing|not exist|not be alive"
       r"|not wake up)\b|\bwish (?:i|that i) (?:was|were|had) (?:dead|never been born|not born|never born)\b"
       r"|\bwish i (?:didnt|did not|would not|wouldnt) (?:exist|wake up)\b"
       r"|\bi (?:hope|pray) i (?:die|dont wake up)\b"),
    _r("suicide.not_live", "hyperbolic",
       r"<JE>(?:ne )?(?:devrais|devrait|merite) (?:meme )?(?:pas|<PLUS>) (?:etre en vie|exister|etre la|vivre"
       r"|etre ne|etre nee)\b|\bi (?:shouldn ?t|should not|shouldnt) (?:even )?(?:be alive|exist|be here"
       r"|have been born)\b|\b(?:jamais|pas|<PLUS>) (?:voir|feter|atteindre|arriver a) mes \d+ ans\b"
       r"|\b(?:won ?t|wont|will not|never) (?:make it to|see|reach) (?:my )?\d+(?:th)? (?:birthday)?\b"
       r"|\b(?:my life|ma vie) (?:is|est) (?:so |totally |completely |tellement |completement )?(?:pointless"
       r"|meaningless|inutile|sans interet)\b|\bma vie ne sert (?:a|plus a) rien\b"
       r"|\bla vie (?:c ?est|n ?est|est) (?:pas|<PLUS>) (?:faite )?pour moi\b"
       r"|\blife (?:is not|isnt|just isnt) for me\b|\b(?:merite|meritais) (?:pas|<PLUS>|pas vraiment) (?:de vivre"
       r"|d ?etre en vie|d ?exister|la vie)\b|\b(?:don ?t|do not|never) deserve(?:d)? to (?:live|be alive|exist"
       r"|be happy and alive)\b|\bcomme si (?:je n ?avais|j ?avais|je n ?etais|j ?etais) jamais (?:existe|ete la"
       r"|ne)\b|\bqu ?on m ?oublie (?:pour toujours|a jamais|pour de bon)\b"
       r"|\b(?:wish|want) (?:i had|to have) never existed\b"
       r"|<JME>(?:vois|voyais) (?:pas|<PLUS>) (?:vivre|vieillir|grandir|avoir \d+ ans|arriver a \d+ ans"
       r"|dans \d+ ans|continuer)\b|\bcan ?t see myself (?:living|alive|getting older|growing up|making it"
       r"|being here)\b|\b<PLUS> rien (?:ressentir|sentir|voir|vivre) (?:\w+ )?(?:pour de bon|definitivement"
       r"|pour toujours|a jamais)\b|\b(?:<PLUS>|pas|aucun|aucune|plus aucun) (?:l ?|le |la |d ?|de |aucun "
       r"|aucune )?(?:interet|sens|raison|but|envie|force|courage) (?:de |d ?|a )(?:vivre|me reveiller|me lever"
       r"|continuer|me battre|exister)\b|\b<PLUS> (?:capable|la force|le courage|l ?energie) de (?:continuer"
       r"|vivre|tenir)\b|\bque (?:tout|ca|ça|tout ca) s ?arrete (?:pour toujours|pour de bon|definitivement"
       r"|a jamais)\b|\b<PLUS> rien (?:ressentir|sentir) (?:\w+ )?(?:pour toujours|a jamais|jamais)\b"
       r"|\ba quoi (?:ca |sa |ça )?(?:sert|servirait) (?:de )?(?:vivre|continuer|exister)\b"
       r"|\bca sert a quoi de vivre\b|\b<PLUS> (?:la |aucune |de )?force (?:de |d ?)(?:continuer|vivre|me battre"
       r"|tenir|lutter|me lever)\b|\bsert a rien (?:que je |de )(?:continue|continuer|vive|vivre|reste"
       r"|rester en vie)\b|(?:<JVEUX>|<JE>(?:ne |n ?)?(?:peux|supporte|arrive)) <PLUS> (?:\w+ )?(?:vivre|exister"
       r"|etre en vie|etre la|etre sur terre|continuer a vivre|continuer comme ca|me reveiller"
       r"|me lever le matin)\b(?! (?:dans|sur|ici|avec|chez|a |en |au |comme ca dans)\b)"
       r"|\b(?:<PLUS>|pas|aucune|aucun|plus de|pas de|perdu|perdu le|perdu l ?) ?(?:envie|raison|raisons|gout"
       r"|force|interet|sens|but) (?:de |d ?|a )?(?:vivre|exister|continuer a vivre|rester en vie|la vie|ma vie"
       r"|etre la|etre en vie|etre ici)\b|\b(?:marre|fatigue|fatiguee|lasse|epuise|epuisee|degoute"
       r"|degoutee) (?:de |d ?)(?:vivre|exister|la vie|etre en vie)\b"
       r"|\bla vie (?:ne )?vaut (?:pas|plus) (?:la peine|le coup)\b"
       r"|\b(?:ma )?vie n ?a (?:<PLUS> |pas )?(?:aucun |de |d ?)?sens\b"
       r"|\ba quoi bon (?:vivre|continuer|exister|rester en vie)\b|\bj ?aurais (?:jamais|pas) du naitre\b"
       r"|\b(?:pourquoi|pk|pq) (?:je )?(?:continuer|vivre|rester en vie|je suis encore en vie|je vis encore)\b"),
    _r("suicide.not_live_en", "hyperbolic",
       r"\b(?:life|living|my life|it) (?:isnt|is not|aint|is no longer|isn ?t) worth (?:living|it anymore)\b"
       r"|\bnot worth living\b|\b(?:im|i ?m|i am) (?:so |just |really )?done with (?:life|living|being alive"
       r"|existing)\b|\b(?:dont|do not|cant|no longer) see (?:the |any )?point (?:in|of) (?:living|life|going on"
       r"|being alive|anything)\b|\bwant (?:it|everything) (?:all )?to end\b|\bwant it all to end\b"
       r"|\b(?:dont|do not|dnt|no longer|dont even) (?:want|wanna) (?:to )?(?:be here|be alive|live|exist|wake up"
       r"|be around|go on)\b(?! (?:for|at|in|on|with|when|near|there|together|like that|through)\b)"
       r"|\b(?:no|nothing|no point|no reason|not worth) (?:\w+ ){0,2}?(?:to live|living|to live for|in living"
       r"|to go on)\b|\bwhats the point (?:of|in) (?:living|life|going on|anything|me being alive)\b"
       r"|\b(?:tired|sick) of (?:living|being alive|existing|life)\b"
       r"|\bcant (?:go on|keep living|live like this)\b"),
    _r("suicide.end_it", "hyperbolic",
       r"\b(?:tout )?arreter (?:la vie|de vivre|ma vie|d ?exister)\b"
       r"|\btout (?:arreter|plaquer|lacher|quitter|abandonner)\b[^|]*\b(?:la vie|ma vie|de vivre)\b"
       r"|\btout (?:arreter|stopper|lacher) (?:pour de bon|definitivement|pour toujours"
       r"|une bonne fois pour toutes)\b|\ben (?:finir|terminer)\b(?! (?:avec (?!(?:la vie|ma vie|tout|moi"
       r"|cette vie|ce monde|l ?existence|mes jours|mon existence)\b)|une bone fois pour toutes avec)\b)",
       unless=r"\b(?:hate|presse|pressee|vite|envie qu ?on|faut qu ?on|qu ?on|nous allons|nous devons|nous voulons"
              r"|on va|on doit|on veut|il faut|faut)\b (?:\w+ )?(?:d ?en|en) (?:finir|terminer)\b"),
    _r("suicide.end_life", "explicit",
       r"\b(?:mettre|met|mets|metrai|metais|metait|vais mettre) (?:fin|un terme) (?:a|au) (?:mes jours|ma vie"
       r"|mon existence|tout ca|tout)\b|\b(?:end|ending|ended|take|taking|took) my (?:own )?life\b"
       r"|\bquiter (?:ce monde|la vie|cette terre)\b|\b(?:leave|leaving) this (?:world|earth|life)\b"),
    _r("suicide.end_it_en", "hyperbolic",
       r"\b(?:planning|planned|plan|preparing) my (?:exit|way out|last day|goodbye)\b(?! (?:from|of|at)\b)|"
       r"\bend(?:ing)? it al\b|\b(?:i|im|ive|il|id|i ?m|gonna|going to|want to|wanna|about|thinking|think|thought"
       r"|planning|plan|ready to|just|should|might|could|will|wanted to)\b(?: \w+){0,3}? (?:end|ending) (?:it"
       r"|things|everything)\b(?! (?:with|betwen|for|of|on|here|there|up|now and|al ready|early|after)\b)"),
    _r("suicide.foutre_en_lair", "hyperbolic",
       r"\b<ME>(?:foutre|fous|fou|fout|mettre|met|foutrai|fouterai) en l'air\b"),
    _r("suicide.connerie", "hyperbolic",
       r"(?:<JVAIS>|<JVEUX>|\bpeur de|\bpeur d ?|\benvie de|\benvie d ?|<JE>risque de"
       r"|<JE>sens que je vais) ?(?:faire|fais) (?:une |des |de )?(?:grosse |grande |enorme |vraie )?(?:connerie"
       r"|conneries|betise|betises)\b(?! (?:au |a l|en cours|avec|dans)\b)"),
    # --- methods -------------------------------------------------------------------------------
    _r("suicide.method_jump", "hyperbolic",
       r"\b(?:foncer|fonce|foncerai|lancer la voiture|jeter la voiture|crash|crasher|drive|driving"
       r"|steer) (?:\w+ ){0,3}?(?:dans|into|contre|off) (?:un|une|le|la|a|the) (?:mur|arbre|poteau|pile de pont"
       r"|ravin|wall|tree|pole|cliff|bridge|ravine)\b|\b(?:looked|stared|staring|looking|watched"
       r"|watching) (?:down )?at (?:the )?(?:train tracks|tracks|rails|water below|edge|drop)\b"
       r"|\b(?:regarde|regardais|fixe|fixais) (?:longtemps )?(?:les rails|la voie ferree|le vide"
       r"|l ?eau (?:du|sous le) pont|en bas du pont)\b|\b(?:si|what if|et si) (?:je |j ?|i )(?:sautais|me jetais"
       r"|me pendais|me tuais|me suicidais|avalais tout|jumped|killed myself|took all (?:my|the) \w+|ended it)\b"
       r"|\b(?:going to|gonna|will|want to|wanna|about to|ready to|i ?l|plan to"
       r"|planning to)\b (?:just )?jump\b(?! (?:in|into|on|over|the|a|rope|around|up|down|for|ship|back|at|to"
       r"|off (?:the|a|my) (?:couch|bed|sofa))\b)|\b(?:regarde|mesure|repere|cherche|calcule|checked|looked at"
       r"|measured|calculated)\b(?: \w+){0,2}? (?:la hauteur|the height|how high)\b(?: \w+){0,3}? (?:pont|immeuble"
       r"|toit|fenetre|balcon|falaise|bridge|building|roof|window|balcony|cliff)\b"
       r"|\b(?:think|thinking|thought|dream|dreaming|fantasi\w+) about (?:jumping|falling|hanging myself"
       r"|drowning myself|overdosing|not existing|dying)\b"
       r"|<IFR><GAP> (?:pense|pensais|songe|reve) (?:\w+ ){0,2}?a (?:sauter|me jeter|me pendre|me noyer"
       r"|tomber)\b(?! (?:en|dans la piscine|a l ?elastique|en parachute)\b)"
       r"|<JVAIS> sauter\b(?! (?:le|la|les|l|un|une|des|du|de|en|dans|a|au|aux|sur|par|pour|partout|haut|plus|loin"
       r"|ma|mon|mes|ce|cette|ca|sa|son|deux|trois|\d|avec|quand|si|the|over|in|on|off|into|at)\b)"
       r"|\b<ME>(?:jeter|balancer|lancer|laisser tomber) (?:du|depuis le|d ?un|par la fenetre du) (?:\d+\w* "
       r"|dernier |haut )?(?:etage|pont|toit|immeuble|balcon)\b"
       r"|<JSUIS> (?:sur|au bord du|au bord d ?un|en haut du|sur le bord du|sur le rebord du) (?:le |un )?(?:pont"
       r"|toit|rebord|quai|falaise|balcon|viaduc)\b(?=[^|]*\b(?:l ?eau|le vide|sauter|saute|en bas|tomber"
       r"|maintenant|adieu|le faire)\b)|\b(?:im|i ?m|i am) (?:standing |sitting )?(?:on|at the edge of"
       r"|on the edge of|on top of|on the ledge of) (?:the|a|this) (?:bridge|roof|ledge|cliff|rooftop"
       r"|balcony)\b(?=[^|]*\b(?:right now|edge|jump|down|water|fall|ledge|end it|goodbye)\b)"
       r"|\b<ME>(?:jeter|jete|jette|jeterai|balancer|lancer) (?:du haut|par la fenetre|par une fenetre"
       r"|par le balcon|dans le vide|dans la seine|du pont|d ?un pont|d ?un immeuble|du toit|d ?un toit"
       r"|de mon balcon|du balcon|sous (?:un|le|une|la) (?:train|metro|voiture|bus|camion|tram|rer|tgv))\b"
       r"|\bsauter (?:du|d ?un|d ?une|de mon|de ma|de la|depuis|par la|du haut de|du haut d ?un"
       r"|dans le vide)(?: \w+){0,2}? ?(?:pont|toit|immeuble|balcon|fenetre|falaise|viaduc|tour|etage|building"
       r"|vide)\b|\bjump(?:ing)? (?:of|from) (?:a|the|that|this|my) (?:bridge|roof|building|cliff|balcony|window"
       r"|tower|overpass)\b|\b(?:jump|jumping|step|stepping|throw myself|throwing myself) in front of (?:a"
       r"|the) (?:train|car|bus|truck|subway)\b",
       unless=r"\b(?:elastique|parachute|saut a|plongeoir|trampoline|piscine|parkour|bungee|parachuting"
              r"|if (?:al )?your friends)\b"),
    _r("suicide.method_hang", "hyperbolic",
       r"\b(?:tie|tied|tying|make|made|making) a noose\b|\bnoose (?:around|round|for)\b|\b<ME>pendre\b"
       r"|\bhang myself\b|\b(?:acheter|achete|trouve|prepare|preparé|j ?ai) (?:une|la) corde\b(?! (?:a sauter"
       r"|de guitare|a linge|de violon|d ?escalade)\b)|\bnoeud coulant\b|\bbought (?:a|some) rope\b"),
    _r("suicide.method_veins", "hyperbolic",
       r"\b(?:m ?|me )?(?:ouvrir|couper|tailler|taillader|trancher|entailler|ouvre|coupe|taille|tranche|ouvert"
       r"|ouverte) (?:les |mes )?veines\b|\b(?:slit|cut|slice|open) my (?:wrists?|veins|throat)\b"),
    _r("suicide.method_shoot", "hyperbolic",
       r"\b<ME>(?:tirer|mettre|mettrai|tire) une balle\b|\bshot myself\b"
       r"|\b<ME>(?:noyer|immoler|empoisonner|electrocuter|asphyxier)\b(?! dans)|\b<ME>(?:laisser|laisse) mourir\b"
       r"|\b(?:drown|poison|electrocute|suffocate) myself\b"),
    _r("suicide.method_pills", "explicit",
       r"\b(?:have|got|holding|hold) (?:the |my |all (?:the |my )?|a bunch of |some )?<PILLS> (?:in my hand"
       r"|right here|ready|lined up|in front of me|right now)\b"
       r"|<JAI> (?:les |mes |tous les |toutes les )?<DRUGS> (?:dans la main|devant moi|sous la main|pretes?"
       r"|pres de moi|a cote de moi)\b|(?<!arrive pas a )\b(?:avaler|avale|gober|gobe) (?:les |des |mes |ses "
       r"|tous les |toutes les |une boite de |la boite de )?<DRUGS>\b(?! (?:le matin|chaque|tous les jours"
       r"|pour (?:la|le|ma|mon|les)|prescrits?|contre)\b)"
       r"|\b(?:prendre|avaler|voler|piquer) (?:\w+ )?<DRUGS> (?:de ma|de mon|de mes) (?:mere|pere|parents"
       r"|grand mere|grand pere|mamie|papi|soeur|frere)\b"
       r"|\b(?:avaler|avale|gober|gobe|prendre|prends|vider|vide) (?:tout|toute|tous) (?:ce qu ?il y a "
       r"|ce que j ?ai |ce que je trouve )?(?:\w+ ){0,5}?(?:armoire a pharmacie|boite a pharmacie|pharmacie"
       r"|<DRUGS>)\b|\b(?:ways?|methods?|how) to (?:die|kill myself|end it|end my life|commit suicide"
       r"|overdose)\b(?=[^|]*\b(?:google\w*|search\w*|look\w* up|read|find|found|looking|best|painless|quick"
       r"|easy)\b)|\b(?:googl\w*|search\w*|looking up|looked up|researching) (?:\w+ ){0,2}?(?:ways?|methods?"
       r"|how) to (?:die|kill myself|end it|end my life)\b"
       r"|\bcomment (?:mourir|me tuer|se tuer|se suicider|me suicider|en finir|mettre fin a (?:ses|mes) jours"
       r"|se pendre|me pendre)\b(?: \w+){0,3}? (?:sans (?:douleur|souffrir|avoir mal)|rapidement|vite|facilement"
       r"|proprement)\b|\b(?:cherche|cherché|regarde|google|googlé|tape) (?:\w+ ){0,3}?comment (?:mourir|me tuer"
       r"|se tuer|se suicider|me suicider|mettre fin a)|\bhow to (?:kill myself|die|end my life|commit suicide"
       r"|kms|hang myself|overdose)\b(?: \w+){0,2}? ?(?:painless\w*|quickly|fast|without pain|easily)?"
       r"|\bpainless (?:way|ways|method|methods) to (?:die|kill myself|go)\b"
       r"|\bcombien de (?:boites? de )?<DRUGS>(?: \w+){0,4}? (?:faudrait|faut"
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
       r"|\b(?:take|swallow|took|swallowed|taking|swallowing) (?:al|every|a bunch of"
       r"|the whole (?:bottle|box|pack) of|al of|too many of) (?:my |the |of my |those |these )?<PILLS>"
       r"|\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting) (?:up )?(?:my |some )?<PILLS>"
       r"|\b(?:i|im|i ?m|gonna|going to|want to|wanna|plan to|planning|planing|about to|ready to|thinking about"
       r"|might|will|il)\b(?: \w+){0,2}? (?:overdose|od|overdosing)\b"
       r"|\b(?:faire|fais|fait|ferai) une (?:overdose|od|surdose)\b"),
    # --- indirect ideation -------------------------------------------------------------------------
    _r("suicide.no_wake", "hyperbolic",
       r"\b<ME>?endormir (?:\w+ ){0,3}?(?:et )?(?:que|qu ?) (?:tout|ce|ca) (?:soit|soient) (?:fini|finie|termine)\b|"
       r"\b(?:ne )?(?:jamais|plus jamais|<PLUS>) (?:rouvrir|ouvrir|re ouvrir) les yeux\b"
       r"|\b(?:never|not) (?:open|opening) my eyes again\b"
       r"|\b(?:think|thinking|thought|hope|hoping|wish|wishing|dream|dreaming)\b(?: \w+){0,3}? (?:not"
       r"|never) waking up\b|\b<ME>?endormir (?:\w+ ){0,4}?(?:et )?(?:ne )?(?:pas|plus|jamais|<PLUS> jamais"
       r"|jamais <PLUS>) (?:me |m ?)?reveiller\b|\b(?:ne )?(?:<PLUS> jamais|jamais <PLUS>|<PLUS>"
       r"|jamais) <ME>reveiller\b(?! (?:a l ?heure|en retard|tot|tard|avant|a \d+\w*|le matin|demain matin|pour)\b)"
       r"|\b(?:espere|voudrais|aimerais|souhaite|prie pour|envie de|reve de|veux|prefererais) (?:ne )?(?:pas|plus"
       r"|jamais) <ME>reveiller\b|\b(?:m ?|me )?(?:en)?dormir pour (?:toujours|l ?eternite|de bon)\b"
       r"|\b(?:go to sleep|sleep|fall asleep|fall asleep)\b(?: \w+){0,3}? (?:and )?(?:never|not|dont"
       r"|do not) wake up\b|\b(?:hope|wish|pray) (?:i|that i) (?:dont|do not|never|wont|will not|would not"
       r"|wouldnt) wake up\b|\bnever wake up\b|\bslep forever\b"),
    _r("suicide.not_there", "hyperbolic",
       r"\b(?:i ?m|i am|i ?l|i will)\b (?:\w+ )?(?:not going to|not gonna|never going to) be (?:here|around"
       r"|alive) (?:much longer|for long|tomorrow|next (?:week|month|year)|anymore|soon)\b"
       r"|\b(?:dont think|do not think|doubt|not sure|don ?t know if|dont know if)\b(?: \w+){0,2}? (?:be alive"
       r"|be here|be around|make it)\b(?! (?:to the|in time|on time|for (?:the|dinner|class))\b)"
       r"|\b(?:ne |n ?)?<PLUS> exister\b(?! (?:sur|dans|pour|en ligne|online)\b)"
       r"|\b(?:je |j ?|que je |qu ?je |quand je |si je |si j ?)(?:ne |n ?)?(?:sois|serai|serais|suis|etais"
       r"|seras) <PLUS> (?:la|ici|de ce monde|en vie)\b(?! (?:pour (?:te|vous|toi|t|repondre|le|la|les|personne)"
       r"|a (?:partir|la|l|\d+\w*)|ce (?:soir|week)|en (?:vacances|cours)|demain matin)\b)"
       r"|\b(?:ne |n ?)?<PLUS> etre (?:la|en vie|de ce monde)\b(?! (?:pour|a |au |dans|sur|ce |en )\b)"
       r"|\b(?:i|il|i will|i ?m|im)\b(?: \w+){0,2}? (?:wont|will not|not|wont even|no longer) be (?:here|around"
       r"|alive) (?:much longer|for long|tomorrow|next (?:week|month|year)|by (?:tomorrow|next|the end)|anymore)\b",
       unless=r"\b(?:said|told|says|tells|threatened|texted|wrote)\b"),
    _r("suicide.nobody_miss", "hyperbolic",
       r"\b(?:remarquer\w*|verr\w*|sentir\w*|notice\w*|care about)\b (?:\w+ )?(?:mon|ma|my) (?:absence"
       r"|disparition|depart|death|mort)\b|\b(?:no ?one|nobody|personne)\b(?: \w+){0,3}? (?:come to|show up at"
       r"|cry at|viendr\w* a|pleurer\w* a) (?:my|mon) (?:funeral|enterrement)\b"
       r"|\bsi (?:je |j ?)(?:disparais|disparaissais|disparaissait|disparait|partais|etais <PLUS> la"
       r"|suis <PLUS> la|existais <PLUS>|existe <PLUS>|me tuais|me suicidais|mourais|meurs|crevais"
       r"|creve)\b(?: \w+){0,8}? (?:personne|tout le monde s ?en fout|ca changer(?:a|ait) rien"
       r"|qui (?:remarquer|s ?en rendr|le verrait|me regretter|viendrait|pleurer|s ?en soucier))"
       r"|\bpersonne (?:ne |n ?)?(?:me |m ?)?(?:le )?(?:regretterait|regrettera|pleurerait|pleurera|remarquerait"
       r"|remarquera|verrait la difference|verra la difference|s ?en rendrait compte|s ?en rendra compte"
       r"|s ?en apercevrait|s ?en apercevra|viendrait a mon enterrement|viendra a mon enterrement"
       r"|s ?en soucierait)\b(?! (?:ma|mon|mes|ta|ton|tes|sa|son|ses|la|le|les|ce|cette|que)\b)"
       r"|\b(?:je |j ?)?(?:manquerais|manquerai|manquerait|manquera) a personne\b"
       r"|\b(?:no ?one|nobody|no body)\b(?: \w+){0,2}? (?:would|will|wouldnt|even|is going to"
       r"|gonna)(?: \w+){0,2}? (?:mis me|notice if i|care if i (?:die|died|was gone|were gone|disappeared"
       r"|disappear|left|kill myself|wasnt here|was not here))"),
    _r("suicide.better_without_me", "hyperbolic",
       r"\b(?:happier|relieved|better off|glad|happy) (?:at|after) my (?:funeral|death)\b"
       r"|\b(?:soulages?|heureux|contents?) (?:a|apres) (?:mon enterrement|ma mort)\b"
       r"|\bmieux pour tout le monde\b[^|]*\b(?:que je|si je|si j)\b"
       r"|\b(?:que je|si je) (?:parte|pars|partais|disparaisse|disparais) (?:definitivement|pour de bon"
       r"|pour toujours|a jamais)\b|\b(?:happier|better off|better) if i (?:disappeared|was gone|were gone|died"
       r"|left forever|vanished)\b|\b(?:happier|better off|better) if i (?:wasnt|werent|was not|were not"
       r"|wasn ?t) (?:here|around|alive|there)\b|\b(?:mieux|plus heureux|plus heureuse|plus heureuses"
       r"|plus tranquilles?|mieux lotis?|soulages?) sans moi\b|\b(?:better of|happier|better) without me\b"
       r"|\b(?:un|une) (?:fardeau|poids mort|poids) pour (?:tout le monde|ma famille|mes proches|mes parents"
       r"|les autres|vous|eux)\b|<JSUIS> (?:un |une )?(?:fardeau|poids mort)\b"),
    _r("suicide.better_dead", "hyperbolic",
       r"\bsi (?:je |j ?)(?:meurs|mourais|disparais|suis <PLUS> la|n ?existe <PLUS>)\b[^|]*\bau moins\b"
       r"|\bif i (?:die|died|was gone|were gone)\b[^|]*\bat least\b"
       r"|\b(?:dying|death|being dead|not existing|not being here) (?:sounds|seems|feels|would be|would feel"
       r"|looks) (?:\w+ )?(?:peaceful|nice|good|better|like a relief|easier|like freedom|calm)\b"
       r"|\b(?:mourir|la mort|ne <PLUS> exister) (?:me )?(?:semble|parait|serait|ca serait) (?:\w+ )?(?:paisible"
       r"|reposant|reposante|une delivrance|un soulagement|plus simple|mieux|doux|douce|apaisant|apaisante"
       r"|une liberation|la liberte|la paix|un repos|une solution)\b"
       r"|\b(?:plus simple|mieux|plus facile|plus reposant|moins dur|un soulagement|preferable"
       r"|plus doux) (?:(?!que\b)\w+ )?(?:d ?etre (?:mort|morte|morts|<PLUS> la|<PLUS> en vie)|de mourir"
       r"|de disparaitre|de <PLUS> exister|de <PLUS> etre la|de ne <PLUS> etre la"
       r"|si (?:j ?etais (?:mort|morte|<PLUS> la)|je n ?etais <PLUS> la|je mourais|je disparaissais"
       r"|je n ?existais (?:pas|<PLUS>)|j ?existais pas|je serais morte?))\b"
       r"|\bsi (?:je |j ?)(?:meurs|mourais|disparais|disparaissais|partais|etais <PLUS> la|suis <PLUS> la"
       r"|existais <PLUS>)\b(?: \w+){0,6}? (?:mieux|plus simple|plus facile|un soulagement)\b"
       r"|\b(?:better off|better) dead\b|\b(?:better|easier) if i (?:was dead|were dead|was gone|were gone|died"
       r"|wasnt here|werent here|wasnt around|didnt exist|was never born|had never been born)\b",
       unless=r"\b(?:mort|morte|dead|disparaitre|mourir|exister|etre la|died|mourais|disparaissais"
              r"|existais)\b(?= )(?:\w+ ){0,3}?(?:de rire|de honte|lol|mdr)"),
    _r("suicide.over_for_me", "hyperbolic",
       r"\b(?:c ?est|cest|c|ce sera|ca sera|sa sera) (?:bientot |presque |deja |vraiment )?(?:fini|la fin"
       r"|termine) pour moi\b(?! (?:les|le|la|l|ce|cette|avec|the|with|social|insta|twitter|tiktok|snap|ce jeu"
       r"|les reseaux)\b)|\bmes (?:derniers|dernieres) (?:jours|heures|mots)\b"
       r"|\b(?:ce sera|c ?est|cest) (?:mon|ma) (?:dernier message|derniere nuit|dernier soir"
       r"|dernier jour)\b(?! (?:sur|de|d ?|avant|au|a |en|ici)\b)"
       r"|\bthis is (?:my|the) (?:last|final) (?:message|night|day|goodbye)\b(?! (?:on|of|at|before|here|in)\b)"),
    _r("suicide.farewell", "explicit",
       r"\b(?:laisse|laissé|posé|pose|cache) (?:une |un |des |ma |mes )?(?:lettres?|mots?"
       r"|message)\b[^|]*\b(?:pour|a) (?:ma famille|mes parents|mes proches|ma mere|mon pere|maman|papa|mes amis"
       r"|tout le monde|ma soeur|mon frere)\b|\b(?:left|leaving) (?:a |my )?(?:note|letter|letters) (?:for"
       r"|to) (?:my |everyone)|\bexpliquer mon geste\b|\b(?:lettre|lettres|mot|message|video|post"
       r"|publication) d ?adieu\b|\b(?:suicide|goodbye|god bye|farewell) (?:note|letter|message|video|post)s?\b"
       r"|\b(?:faire|fais|fait|dire|dis) (?:mes |des )?adieux\b"
       r"|\b(?:dire|dis) adieu (?:a|au) (?:tout le monde|ma famille|mes proches|vous|vous tous|la vie|ce monde"
       r"|mes parents)\b|\bsay(?:ing)? goodbye to (?:everyone|my family|the world)\b"),
    _r("suicide.hold_on", "hyperbolic",
       r"\b(?:je (?:ne )?|j ?|ne )?(?:sais|sai|sait|suis) (?:pas|<PLUS>) (?:sur |sure )?si (?:je |j ?)(?:vais|vai"
       r"|ve|pourrai|peux|tiendrai|vais pouvoir|pourrais) (?:encore |<PLUS> )?(?:tenir|continuer|m ?en sortir"
       r"|tenir le coup)\b(?! (?:le rythme|la distance|le regime|mes|ma|mon|sa|son|les|ce|cette"
       r"|jusqu (?:a|au) (?!demain|ce soir)\w+|jusqua (?!demain|ce soir)\w+|jusquau \w+|a ce|la cadence"
       r"|ce rythme)\b)|\bjsp si (?:je |j ?)(?:vais|vai|ve) (?:encore )?tenir\b(?! (?:le rythme|la distance"
       r"|jusqu (?:a|au) (?!demain|ce soir)\w+|jusqua (?!demain|ce soir)\w+|jusquau \w+)\b)"
       r"|<JE>(?:vais|vai|ve) (?:pas|<PLUS>) tenir (?:le coup|longtemps|encore longtemps)\b"
       r"|<JE>(?:ne )?(?:tiendrai|tiendrais) (?:pas|<PLUS>) (?:le coup|longtemps)\b"
       r"|\bi (?:dont|do not) (?:know|think) (?:if |that )?i can (?:hold on|keep going|go on|survive)\b"),
    _r("suicide.disappear_en", "hyperbolic",
       r"\b(?:want|wanna|need) to (?:just )?disappear\b(?! (?:from|for|off|on|into|in|to|with)\b)",
       # "done with this group chat, I want to disappear": a wish to log off
       unless=r"\b(?:group ?chat|gc|the chat|this app|log off|offline|for a (?:bit|while|week|day|few days))\b"),
    _r("suicide.disappear", "hyperbolic",
       r"\bdisappear and never (?:come back|return|be found)\b"
       r"|\bdisparaitre et (?:ne )?(?:jamais|plus jamais|<PLUS>) revenir\b|"
       r"\b(?:envie de|veux|veu|voudrais|aimerais|vais|besoin de|reve de|prefererais|devrais|dois|ferais mieux de"
       r"|faudrait que je|faut que je) (?:juste |simplement |vraiment "
       r"|tellement )?disparaitre\b(?! (?:de (?:\w+ ){0,1}?(?:reseau|reseaux|insta|tiktok|internet|ligne|snap"
       r"|twitter|facebook|groupe|conv|serveur|discord|circulation|ecran|radar|ecrans|classe|lycee|cours|ta vie"
       r"|sa vie|leur vie|ce groupe|cette conv|cette soiree|la soiree|cette photo|la photo|sa vue|ta vue)"
       r"|des (?:reseaux|ecrans|radars)|du (?:groupe|serveur|radar|lycee|reseau|net|paysage)|quelques|pendant"
       r"|une semaine|un moment|un peu|le temps|en vacances|dans (?:un|une|mon|ma|le|la)|au (?:fond|soleil|bout)"
       r"|a la campagne|sous terre|sous ma)\b)|\bdisparaitre (?:pour de bon|pour toujours|a jamais|definitivement"
       r"|de ce monde|de la surface de la terre)\b|\b(?:disappear|disappeared|disappearing|vanish"
       r"|vanished) (?:forever|for god|for ever|permanently|from (?:this|the) (?:world|earth|planet))\b"),
    _r("suicide.reunite_dead", "hyperbolic",
       r"\brejoindre (?:mon|ma|mes) (?:\w+ ){0,2}?(?:au ciel|la haut|de l ?autre cote|decede|decedee|decedes|mort"
       r"|morte|morts)\b|\bjoin (?:my|her|him) (?:\w+ ){0,2}?(?:in heaven|on the other side)\b"),
    _r("suicide.nothing_left", "hyperbolic",
       r"\b<PLUS> envie de rien\b(?! (?:faire|manger|d ?autre|acheter|voir|ce soir|aujourd ?hui)\b)"
       r"|\b<PLUS> (?:gout|envie) (?:a|de) (?:rien|la vie)\b(?! faire)"),
    _r("suicide.no_exit", "hyperbolic",
       r"\b(?:la |ma )?seule (?:solution|facon|issue|option|sortie|maniere|chose) (?:\w+ ){0,8}?(?:mourir"
       r"|<PLUS> la|disparaitre|disparaisse|meure|creve|me tue|me suicide|en finir|<PLUS> exister"
       r"|partir pour de bon|me tuer|me suicider|plus etre la)\b"
       r"|\bthe only (?:way|option|solution|way out)\b(?: \w+){0,6}? (?:die|dying|death|kill myself|end it"
       r"|not be here|disappear)\b"),
    _r("suicide.pass_to_act", "hyperbolic", r"\bpass\w* a l'acte\b", requires=_FIRST_PERSON),
    _r("suicide.wont_see_tomorrow", "hyperbolic",
       r"<JE>(?:ne )?(?:verrai|verrais|verrais) (?:pas|<PLUS>|jamais) (?:demain|la fin de la semaine"
       r"|le jour se lever|noel)\b|\bi (?:wont|won ?t|will not) (?:see|make it to|live to see) (?:tomorrow"
       r"|the weekend|next week|christmas)\b",
       unless=_REPORTING),
)

SELF_HARM_RULES: tuple[_Rule, ...] = (
    _r("self-harm.scarify", "explicit",
       r"<JME>(?:ouvre|ouvert|ouvrais|entaille|entaillais|taillade|tailladais|lacere|incise) (?:les |le |la |mes "
       r"|mon |ma )?(?:avant bras|bras|poignets?|cuisses?|veines|jambes?|peau|ventre)\b"
       r"|<JME>(?:suis |sui )?(?:fait|faite|fais) (?:des |une |plein d ?|encore des )?(?:entailles?|coupures?"
       r"|scarifications?|brulures?|griffures?)\b(?! (?:en (?:cuisinant|bricolant|jardinant|tombant)|au (?:foot"
       r"|sport|travail))\b)|\b(?:carve|carved|carving) (?:\w+ ){0,2}?(?:into|in|on) my (?:skin|arms?|wrists?"
       r"|thighs?|legs?|stomach)\b|\b(?:hurting|harming|cutting|burning|scratching) myself\b(?: \w+){0,4}? (?:is"
       r"|helps|makes|calms|feels|was)\b|\b(?:self ?harm\w*|cutting|scarif\w*|me couper|me scarifier"
       r"|me faire du mal)\b(?: \w+){0,5}? (?:helps? me|calms? me|me calme|m ?aide|me soulage|makes me feel"
       r"|is how i cope)\b|\b<ME>(?:scarifi|scarif|automutil|mutil)\w*|<JME>(?:scarifi|scarif|automutil|mutil)\w*"
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
       r"|les cheveux|la frange)\b)|\b(?:envie|besoin|recommence|recommencer|continue|continuer|arreter|arete|peur"
       r"|pulsion|pulsions) (?:de |d ?|a )<ME>(?:couper|scarifier|mutiler|taillader|bruler|griffer|frapper"
       r"|blesser|entailler)\b(?! (?:les ongles|les cheveux|la frange|du monde|des autres|de tout|de mes"
       r"|la parole)\b)"),
    _r("self-harm.hurt_self_fr", "explicit",
       r"\b(?:de |d ?|a |pour )<ME>(?:faire saigner|griffer jusqu\w*|mordre jusqu\w*)\b|"
       r"<JME>(?:brule|brulais|coupe|coupais|griffe|scarifie) avec\b|"
       r"<JME>(?:fais|fait|faisais) saigner\b|"
       r"<IFR><GAP> <ME>(?:faire|fais|fait|suis fait|suis faite|ferai|ferais|refaire) (?:du "
       r"|de )?mal\b(?! (?:au|a la|a l ?|aux|en (?:tombant|sport|courant|jouant|faisant)|pendant|hier a"
       r"|au sport)\b)|\b(?:envie|besoin|recommence|recommencer|continue|continuer|arreter|arete|peur|pulsion"
       r"|pulsions|moyen|facon) (?:de |d ?|a )<ME>(?:faire|refaire) (?:du |de )?mal\b"
       r"|<JME>(?:fais|fait|suis fait|suis faite|refais) (?:du |de )?mal\b(?! (?:au|a la|a l ?|aux|en )\b)"
       r"|<IFR><GAP> <ME>(?:suis |sui )?(?:blesse|blessee|blesser|bruler|brule|brulee|mutile"
       r"|mutilee)(?: (?:la peau|les bras|le bras|les poignets|les cuisses|les mains|la main|le ventre))?"
       r" (?:volontairement|expres|moi meme|toute? seule?|pour|quand"
       r"|avec (?:une |des |un |mon |ma |mes |le |la )?(?:cigarette|clope|briquet|alumette|lame|cutter|compas"
       r"|rasoir))\b|<JME>(?:punis|punir|puni)\b(?: \w+){0,3}? (?:en me|quand|avec|physiquement)\b"),
    _r("self-harm.hit_scratch_fr", "explicit",
       r"<JME>(?:tape|frappe|griffe|pince|mords|gratte|cogne|brule|coupe|tapais|frappais|griffais"
       r"|pincais)\b(?: \w+){0,4}? jusqu ?a ce que\b|<IFR><GAP> <ME>(?:griffe|griffer|grifais|gratte|gratter"
       r"|mords|mordre|arrache|arracher|frappe|taper|cogne|pince|brule)(?: \w+){0,4}? jusqu ?(?:au|a) (?:sang"
       r"|saigner|avoir des bleus|me faire mal|avoir mal|laisser des marques)\b"
       r"|<JME>(?:griffe|griffes|griffer|grifais|lacere|lacerer)\b"
       r"|<JME>(?:frappe|frappais|tape|tapais|cogne|cognais|claque|gifle) (?:la tete|le crane|les bras|les cuises"
       r"|le visage|la tronche|la figure|contre|quand|jusqu\w*|tout seul|toute seule|moi meme|pour|parce|des que"
       r"|souvent|encore)\b|<JME>(?:frappe|frappais)\b(?= \||$)"),
    _r("self-harm.stab_self", "explicit",
       r"\b(?:slam|slamming|slammed|bang|banging|banged|hit|hitting) my head (?:against|on|into) (?:the "
       r"|a )?(?:wall|floor|desk)\b[^|]*\b(?:bleed|bleeds|bled|bleeding|until|till|til|every time|when)\b"
       r"|\b(?:punch|punched|punching|hit|hitting|bang|banged|banging|frappe|frappais|cogne|cognais|tape"
       r"|tapais) (?:the |a |les |le |un |des |contre (?:les |le )?)?(?:walls?|murs?)\b[^|]*\b(?:until|till|til"
       r"|jusqu ?a|jusquau|jusqu ?au) (?:my \w+ |it |they |i |ce que (?:ma|mes) \w+ )?(?:bled|bleeds|bleeding"
       r"|broke|saigner|sang|saignent|saigne)\b|<JME>(?:plante|plantais|enfonce|enfoncais|pique|piquais) (?:le "
       r"|la |un |une |mon |ma |des |mes )?(?:compas|ciseaux|couteau|stylo|aiguilles?|epingles?|lame|lames|cutter"
       r"|ongles)\b|\b(?:scratch|scratching|scratched|pick|picking|bite|biting|hit|hitting|punch|punching|claw"
       r"|clawing|cut|pull|pulling|tear|tearing|rip|ripping|dig|digging|cutting) (?:at )?(?:my"
       r"|myself)(?: \w+){0,3}? (?:until|til|till) (?:it|they|i|my \w+) (?:bleed|bleeds|bled|bleeding)\b"),
    _r("self-harm.cut_en", "explicit",
       r"\b(?:use|used|using) (?:a |the |my )?(?:razor|blade|knife|lighter|compass|scissors|box cutter) on (?:my"
       r"|myself)\b|<JE>(?:utilise|utilisais|prends|prenais) (?:une |la |ma |un |le |mon )?(?:lame|rasoir|cutter"
       r"|compas|briquet|couteau) (?:sur|pour) (?:mes|mon|ma|me)\b"
       r"|\b(?:scratching|scratch|scratched|cutting|cut|carving|carved|slicing|sliced|burning|burned"
       r"|burnt) (?:at )?my (?:wrists?|arms?|forearms?|thighs?|legs?|skin|stomach"
       r"|hips?)\b(?! (?:on|while|by acident|acidentaly|shaving|cooking)\b)"
       r"|\b(?:i|im|ive|i ?ve|id|i ?m|been|started|start|starting|keep|kept|still|again|relapsed|relapse|back to"
       r"|stop|quit|quitting|stopped|urge to|urges to)\b(?: \w+){0,2}? (?:cutting|self harming|selfharming"
       r"|harming myself|hurting myself|burning myself|scratching myself|hitting myself|punching myself"
       r"|carving into (?:my|myself))\b(?! (?:carbs|sugar|back|clas|school|corners|ties|costs|hair|my hair|down"
       r"|out|of|people of|in line|it close|onions|vegetables|wood|paper|the cake|myself of|coupons|grass"
       r"|the lawn|meat|bread)\b)|\bcut(?:ing)? myself\b(?! (?:shaving|cooking|on|by accident|accidentally|while"
       r"|of|slack|a break|some slack|short)\b)|\b(?:want|wanna|urge|urges|need|needed|going|gonna|tempted|afraid"
       r"|scared|trying not|try not) (?:to |i ?l |i will |il )?(?:hurt|harm|burn|scratch|punish"
       r"|cut) myself\b(?! (?:at|while|playing|lifting|during|on the|in the|skiing|running|by accident"
       r"|accidentally|shaving|cooking|working)\b)|\b(?:i|i just|i still|i keep|i always|sometimes i|i often"
       r"|i)\b (?:hurt|harm|burn|scratch|punish|cut|hit|burned|burnt|harmed|scratched|punished|punched|stabbed"
       r"|bit|hurts|cuts|burns|punch) myself\b(?! (?:at|while|playing|lifting|during|on the|in the (?:gym|game"
       r"|kitchen|garden|park|match|car)|skiing|running|by accident|accidentally|shaving|cooking|working)\b)"
       r"|\b(?:i|ive|i ?ve|i)\b(?: \w+){0,2}? cut (?:again|deeper|myself again"
       r"|my (?:arms?|wrists?|thighs?|legs?))\b|\b(?:fresh|new|deep) cuts (?:on|in) my\b"
       r"|\bhide (?:my|the) (?:cuts|scars|self harm)\b|\bsh urges?\b"),
    _r("self-harm.scars_other", "hyperbolic",
       r"\b(?:mon|ma|mes|my) (?:\w+ )?<CLOSE>\b(?: \w+){0,3}? (?:a|has|have|avait|had) (?:des |plein de |de nouvelles "
       r"|fresh |new |some )?(?:coupures|cicatrices|entailles|cuts|scars|marques de coupures) (?:sur|on) (?:les |ses "
       r"|her |his |their )?(?:bras|poignets|cuisses|jambes|arms|wrists|thighs|legs)\b",
       unless=r"\b(?:accident|operation|chute|velo|chat|chien|cat|dog|surgery|fall|bike|brulure de|varicelle|acne)\b"),
    _r("self-harm.covered_in_cuts", "hyperbolic",
       r"\b(?:mes |les )?(?:bras|poignets|cuisses|jambes|ventre|arms|wrists|thighs|legs) (?:sont "
       r"|are )?(?:couverts?|pleins?|remplis?|covered) (?:de|in|with) (?:coupures|cicatrices|entailles|marques"
       r"|brulures|griffures|cuts|scars|burns)\b",
       unless=r"\b(?:accident|operation|chute|velo|chat|chien|cat|dog|surgery|fall|bike|brulure de|varicelle|acne)\b"),
    _r("self-harm.scars", "hyperbolic",
       r"\b(?:cicatrices|marques|coupures|entailles|scars|cuts) (?:\w+ ){0,2}?(?:sur|aux|a|des|on) (?:les |mes "
       r"|my )?(?:bras|poignets|cuisses|avant bras|jambes|ventre|arms|wrists|thighs|legs)\b",
       requires=r"\b(?:cache|cacher|caché|planque|manches longues|personne (?:ne )?(?:le )?sai|hide|hiding"
                r"|long sleeves|nobody knows|no one knows|je me suis fait|i did|i made|mes propres|encore|again"
                r"|fresh|nouvelles?)\b",
       unless=r"\b(?:accident|operation|chute|velo|chat|chien|cat|dog|surgery|fall|bike|brulure de|varicelle"
              r"|acne)\b"),
    _r("self-harm.third_party", "hyperbolic",
       r"\b(?:se |s ?)(?:scarifie|scarifient|scarifiait|scarifiaient|coupait|coupaient|mutile|mutilent|mutilait"
       r"|automutile|fait du mal|font du mal|faisait du mal|coupe les bras|coupe les poignets|coupe encore"
       r"|coupe les veines|brule avec|griffe jusqu\w*)\b|\b(?:est|s ?est) (?:encore |re)?(?:scarifie|scarifiee|mutile"
       r"|mutilee|coupe les bras|coupee les bras)\b|\b(?:she|he|they|friend|sister|brother|girlfriend|boyfriend|gf"
       r"|bf)(?: \w+){0,2}? (?:is|s|are|has been|have been|keeps|started) (?:\w+ )?(?:cutting|self harming"
       r"|selfharming|hurting (?:herself|himself|themselves))\b",
       requires=_OWNER + r"|\b(?:elle|il|she|he|they)\b", unless=_NON_PERSON),
)

DANGER_RULES: tuple[_Rule, ...] = (
    # --- sextortion, intimate images, blackmail ---------------------------------------------------
    _r("danger.sextortion_word", "hyperbolic", r"\bsextor\w*|\brevenge porn\b|\bsextape\b", requires=_FIRST_PERSON,
       unless=r"\b(?:c ?est quoi|qu ?est ce que|what is|definition|comment reconnaitre|how to spot|about|sur la"
              r"|thread|scams?|arnaques?|read|lu un|lu une|lu des|article|reportage|video sur)\b"),
    _r("danger.threat_to_publish_them", "explicit",
       r"\bmenace (?:de |d ?)(?:les |la |le |l ?|tout )(?:publier|diffuser|envoyer|balancer|poster|montrer"
       r"|partager|mettre en ligne|faire tourner)\b|\bthreaten\w* to (?:post|send|share|leak|publish"
       r"|spread) (?:them|it|those|these)\b|\b(?:va|vont|veut|compte|allait|menace de|risque de) (?:les |la |le "
       r"|l ?)(?:envoyer|publier|poster|diffuser|balancer|montrer|partager|mettre en ligne"
       r"|faire tourner)\b(?=[^|]*\b(?:photos?|nudes?|videos?|images?|pics?|captures?|screens?|nue?s?)\b)"
       r"|\b(?:photos?|nudes?|videos?|images?)\b[^|]*\b(?:va|vont|veut|compte|allait|menace de) (?:les |la |le "
       r"|l ?)(?:envoyer|publier|poster|diffuser|balancer|montrer|partager|mettre en ligne|faire tourner)\b"
       r"|\b(?:going to|gonna|will|threatens? to|threatening to) (?:post|send|share|leak|show) (?:them|it|those"
       r"|these)\b(?=[^|]*\b(?:pics?|photos?|nudes?|videos?)\b)",
       requires=r"\b(?:photos?|nudes?|videos?|images?|pics?|pictures|captures?|screens?|nue?s?|sextape|montages?)\b"),
    _r("danger.threat_to_publish", "explicit",
       r"\b(?:publient|diffusent|balancent|postent|envoient|montrent|partagent|affichent)\b(?: \w+){0,5}? (?:mes"
       r"|ma|mon|les|des|my|the) (?:\w+ )?(?:nudes?|photos?|videos?|vids?|sextape|images?|pics?|conversations?"
       r"|messages?|captures?|screens?)\b|\b(?:publier|diffuser|balancer|poster|envoyer|montrer|partager|leak"
       r"|leaker|afficher|mettre en ligne|faire tourner|divulguer|exposer|publie|publiera|publierait|diffuse|diffusera"
       r"|diffuserait|balancerait|posterait|enverrait|montrerait|partagerait|mettrait en ligne"
       r"|balance|balancera|poste|postera|envoie|envoi|envoiera|enverra|montre|montrera|partage|partagera|affiche"
       r"|fait tourner|divulgue|expose|leak|post|share|send|publish|release|expose|spread|show|leaking|posting"
       r"|sharing|sending|publishing|spreading|showing)\b(?: \w+){0,5}? (?:mes|ma|mon|les|des|la|nos|ces|tes|ta"
       r"|notre|votre|leur|my|the|those|these|our|your|ur|une|un|a|some|cette|ce) (?:\w+ )?(?:nudes?|nude|photos?"
       r"|videos?|vids?|sextape|images?|snaps?|pics?|pictures|conversations?|messages?|captures?|screens?"
       r"|screenshots?|nus?|sexts?|dms?)\b",
       requires=r"\b(?:menace|menacer|menacait|menacé|menacee|chantage|sinon"
                r"|si (?:je |j ?)|if i |unless i "
                r"|si (?:je |j ?)(?:ne |n ?)?(?:paie|paye|envoie|donne|lui|le|la|refuse|bloque|quite|quittais"
                r"|parle|porte|reponds|fais|veux pas)|exige|exigeait|reclame"
                r"|veut (?:de l ?argent|\d+|que je (?:paie|paye|lui|le|la|revienne))"
                r"|\d+ ?(?:e|eur|euros|balles|dollars|bucks)|euros|argent|rancon|paypal|bitcoin|crypto"
                r"|carte cadeau|cartes cadeaux|pcs|transcash|neosurf|threat\w*|unles|or else|otherwise|pay|money"
                r"|\$|blackmail\w*|demands?|demanding|if i (?:dont|do not|refuse|block|tell|leave|stop))\b"),
    _r("danger.intimate_leak", "explicit",
       r"\b(?:is|s|are|re|keeps|keep|has been|have been|started) (?:posting|sharing|leaking|spreading|sending"
       r"|showing) my (?:private |intimate |nude )?(?:pictures|pics|photos|videos|nudes|sexts)\b"
       r"|\b(?:publie|diffuse|balance|partage|montre|fait tourner|envoie) (?:\w+ )?mes (?:photos"
       r"|videos) (?:intimes|privees|nues?|de moi nue?)\b"
       r"|\b(?:montages?|deepfakes?|fakes?) (?:\w+ ){0,2}?(?:porno|pornographiques?|sexuels?|nue?s?|intimes?|porn"
       r"|nude|sexual)\b[^|]*\b(?:ma tete|mon visage|moi|my face|me)\b"
       r"|\b(?:deepfake|deep fake)\w* (?:de moi|of me)\b"
       r"|\b(?:a|ont|avait|avaient|as|il a|elle a)\b (?:\w+ )?(?:publie|diffuse|balance|poste|envoye|partage|leak"
       r"|leake|fait tourner|mis en ligne|montre)\b(?: \w+){0,3}? (?:mes|ma|mon|des|les) (?:nudes?"
       r"|photos? (?:intimes?|de moi nue?|nue?s?|denudee?s?)|videos? (?:intimes?|de moi)|sextape)\b"
       r"|\bmes (?:nudes?|photos intimes|videos intimes) (?:tournent|circulent|ont fuite|sont sur|sont partout)\b"
       r"|\b(?:leaked|posted|shared|sent|spread|published|exposed)\b(?: \w+){0,2}? my (?:nudes|nude pics"
       r"|nude photos|intimate (?:pics|photos|videos)|private (?:pics|photos|videos))\b"
       r"|\bmy nudes (?:are|got|have been) (?:out|leaked|everywhere)\b"),
    _r("danger.blackmail", "explicit",
       r"\b(?:me fait|me font|me faisait|me faisaient|me fais) (?:du )?chantage\b(?! (?:affectif|emotionel"
       r"|au suicide)\b)|\b<ME>(?:fait|font|faisait) chanter\b"
       r"|\bvictime (?:de |d ?)(?:chantage|sextorsion|revenge porn|violences? conjugales?|harcelement sexuel"
       r"|agression|viol)\b|\bchantage (?:a la |aux |avec (?:mes|des|les) )(?:photos?|nudes?|videos?|sextape)\b"
       r"|\b(?:blackmail|blackmailing|blackmailed|extort|extorting|extorted|sextort\w*)\b(?: \w+)? me\b"
       r"|\b(?:being|getting|im being|i ?m being|got) (?:blackmailed|sextorted|extorted)\b"),
    _r("danger.nudes_pressure", "hyperbolic",
       r"\b(?:veut|voulait|exige|demande|demandait|insiste|oblige|force|forcer|reclame|harcele|asks?|asked|asking"
       r"|wants|keeps asking|pressur\w*|forcing|forced)\b(?: \w+){0,5}? (?:nudes?"
       r"|photos? (?:de moi )?(?:nue?s?|intimes?|sexy|hot|en sous vetements|en maillot|de mon corps"
       r"|sans (?:rien|vetements|habits))|videos? (?:de moi )?(?:nue?s?|intimes?)|nude pics|naked (?:pics|photos)"
       r"|pics of (?:me|my body))\b",
       requires=r"\b(?:menace|menacer|sinon|chantage|insiste|oblige|force|threat\w*|or else|unles|otherwise|keeps"
                r"|won ?t stop|wont stop|harcele|if i (?:dont|do not|don t|refuse|say no)|si (?:je |j ?)(?:ne |n ?)?"
                r"(?:refuse|veux pas|le fais pas|les envoie pas|envoie pas)|pressur\w*)\b"),
    # --- physical violence -----------------------------------------------------------------------
    _r("danger.violence", "hyperbolic",
       r"\b<AGG>\b (?:\w+ )?(?:grabbed|grabs|twisted|pulled) my (?:wrist|arm|hair|throat|neck)\b|"
       r"\b(?:threw|throws|throwing|chucked) (?:\w+ ){0,3}?at me\b"
       r"|\b(?:lance|lancé|jete|jeté|balance|balancé) (?:\w+ ){0,3}?(?:sur moi|a la figure|dans ma direction"
       r"|a la tete)\b|\bnext time (?:it ?ll|it will|it s going to) be worse\b"
       r"|\bla prochaine fois (?:ce sera|ca sera|c ?est) pire\b"
       r"|\b<AGG>\b (?:\w+ )?(?:m ?a |me )?(?:laisse|laissait|fait|faisait|fais) (?:\w+ )?(?:des bleus|des marques"
       r"|des traces de coups|des hematomes|un oeil au beurre noir|un coquard)\b"
       r"|\b(?:left|gave) me (?:\w+ )?(?:bruises|a black eye|marks)\b"
       r"|\b(?:m ?a|m ?ont|m ?avait|me) (?:attrapee?|saisie?|prise?|tenue?|serree?) (?:par|a) (?:le cou|la gorge"
       r"|les cheveux)\b|\b(?:serre|serrait|serré) (?:mon cou|ma gorge)\b"
       r"|\b(?:grabbed|grabs|held|holds|pinned) me (?:by|down by) (?:the|my) (?:throat|neck|hair)\b"
       r"|\b<AGG>\b(?: \w+){0,3}? (?:me |m ?)(?:frappe|frappent|frappait|frappaient|frappera|bat|battent|battait"
       r"|tape dessus|tabasse|tabassent|tabassait|cogne|cognent|cognait|etrangle|etranglait|etranglent|gifle"
       r"|giflent|giflait|brutalise|viole|violent|violait|agresse|agressent|menace de mort|pousse contre|secoue"
       r"|enferme|enfermait|attache|attachait|roue de coups|met des coups|mettait des coups|fout des coups"
       r"|foutait des coups|met des baffes|met des gifles|tire les cheveux|traine par terre|etouffe"
       r"|touche de force|force a)\b|\b(?:m ?a|m ?ont|m ?avait|m ?avaient)\b (?:encore |deja |re|violemment "
       r"|tellement |tres fort |fort )?(?:frappe|frappee|battu|battue|tape|tapee|cogne|cognee|tabasse|tabassee"
       r"|etrangle|etranglee|gifle|giflee|viole|violee|agresse|agressee|pousse|poussee|enferme|enfermee|attaché"
       r"|attachee|poignarde|poignardee|brule|brulee|mis des coups|roue de coups|casé le nez|casé le bras|blesse"
       r"|blessee|attaque|attaquee|etouffe|etouffee|menace avec|menacee avec|tire les cheveux|traine par terre"
       r"|jete par terre|jetee par terre|coince|coincee|sequestre|sequestree|force a|forcee a|mis une gifle"
       r"|mis un coup|mis des coups|frappe au visage|donne des coups|defonce)\b"
       r"|\b(?:<AGG>|my \w+)\b(?: \w+){0,2}? (?:hits|hit|hitting|beats|beat|beating|chokes|choked|choking"
       r"|strangled|strangles|slapped|slaps|punched|punches|kicked|kicks|shoved|pushed|raped|rapes|assaulted"
       r"|molested|grabbed|burned|stabbed|is hurting|s hurting|hurts|atacked|locked|threw|throws|dragged|pinned"
       r"|smacked|smacks)\b (?:me|me up against|me into|me to"
       r"|me in)\b(?! (?:up|back|with (?:a|the|his|her) (?:question|text|message|joke|compliment|reply)"
       r"|on (?:insta|snap|discord|twitter|tiktok)|in (?:the )?(?:game|match|ranked|fortnite)|with facts|with that"
       r"|out of|of)\b)",
       extra=("game",),
       unless=r"\b(?:ca|sa|ce qui|cela|ce detail|cette phrase|cette idee|la foudre|it|this|that"
              r"|what)\b (?:\w+ )?(?:m ?a|me) (?:frappe|frappee|hit|hits|struck|blesse|blessee|touche|touchee)"
              r"|\b(?:emotionally|with (?:his|her|their) words|feelings|verbalement|verbally|en commentaires?|en coms"
              r"|dans les (?:coms|commentaires)|in the comments|en dm|en mp|par messages?|sur les reseaux|online"
              r"|en ligne|piscine|pool|pour rire|en jouant|as a joke|pillow|oreiller|coussin)\b"),
    _r("danger.raised_hand", "explicit",
       r"\b(?:leve|lever|levait|levé|levee) la main sur moi\b"
       r"|\b(?:raised|raises) (?:his|her|a) hand (?:to|at|against) me\b"),
    _r("danger.touching", "explicit",
       r"\b(?:me touche|me tripote|me caresse|m ?a touchee?|m ?a tripotee?|touches me|touched me|keeps touching me"
       r"|keep touching me|molests me|kept touching me)\b",
       requires=r"\b(?:la nuit|le soir|dans ma chambre|dans mon lit|quand|sans|alors que|pendant que|en cachette"
                r"|partout|sous|les seins|les fesses|ma poitrine|entre les jambes|at night|in my room|in my bed"
                r"|when|without|where|alone|seule?|en cachette|secret)\b",
       unless=r"\b(?:ca|sa|cela|ce message|cette chanson|ce film|it|this|that|your words|tes mots|coeur|heart|deeply"
              r"|profondement|emu|emue|moved)\b"),
    _r("danger.sexual_violence", "explicit",
       r"\b<AGG>\b (?:\w+ )?(?:me touche|me tripote|me caresse|me tripotait|me touchait|m ?a touchee?"
       r"|m ?a tripotee?)\b(?= (?:\w+ ){0,3}?(?:quand|la nuit|le soir|sans|alors que|pendant que|partout|sous"
       r"|entre|en cachette|dans mon lit|dans ma chambre|les seins|les fesses|la poitrine))"
       r"|\b(?:<JAI> ete|j ?ai ete|on m ?a|il m ?a|ils m ?ont|elle m ?a)\b (?:\w+ )?(?:violee?"
       r"|agressee? sexuelement|touchee? (?:de force|sans mon accord|alors que|pendant que|quand je dormais)"
       r"|forcee? a (?:coucher|le faire|faire des|lui faire))\b"
       r"|\b(?:i was|i got|i ?ve been|ive been|i have been)\b (?:\w+ )?(?:raped|sexually assaulted|molested"
       r"|groped)\b|\b(?:je subis|j ?ai subi|je vis|victime d ?|victime de) (?:des |une |les )?(?:violences?"
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
    _r("danger.silencing", "explicit",
       r"\bsi (?:je |j ?)(?:parle|le dis|dis quoi que ce soit|porte plainte|le quitte|la quitte|pars|m ?en vais"
       r"|raconte|balance|previens)\b[^|]*\b(?:me |m ?)(?:tue|tuera|tuerait|frappe|frappera|frapperait"
       r"|fera la peau|bute|butera|defonce|defoncera)\b|\bpersonne (?:ne )?(?:me |te )?(?:croira|croirait"
       r"|va (?:me |te )?croire)\b[^|]*\bsi (?:je |j ?|tu |t ?)(?:parle|le dis|dis|raconte)\b"
       r"|\bsi (?:je |j ?|tu |t ?)(?:parle|le dis|dis|raconte)\b[^|]*\bpersonne (?:ne )?(?:me |te )?(?:croira"
       r"|croirait)\b|\bno ?one (?:will|would|is going to) believe (?:you|me)\b"
       r"|\bif (?:i|you) (?:tell|talk|say anything)\b[^|]*\b(?:kill|hurt|beat) (?:me|you)\b"),
    _r("danger.threat_reported", "hyperbolic",
       r"\b(?:said|says|told me|texted|wrote|swore)\b(?: \w+){0,2}? (?:that )?(?:i ?m|im|i am|i ?l be"
       r"|il be) (?:dead|going to die|gonna die|a dead \w+)\b"
       r"|\b(?:dit|ecrit|jure|envoye)\b(?: \w+){0,2}? que (?:j ?etais|je suis|je serais) (?:un homme |une femme "
       r"|une fille )?(?:mort|morte)\b|\b(?:dit|dis|ecrit|envoye|jure|jurait|promis|menace|menacé|repete|crie"
       r"|hurle|texte|dm|disait|ecrivait)\b(?: \w+){0,3}? (?:<QUIL>|que|de|d ?)(?: \w+){0,2}? (?:<ME>"
       r"|<SE>)?(?:allait|allaient|va|vont|irait|viendrait|viendra|compte|voulait|veut|voulaient"
       r"|pourrait)?(?: \w+){0,2}? <ME><HURT>\b|\bmenace (?:de |d ?)<ME>(?:tuer|frapper|retrouver|faire du mal"
       r"|defoncer|violer|buter|egorger|casser|bruler|enlever|attaquer)\b"
       r"|\b(?:m ?a|m ?ont|on m ?a) menacee? (?:de mort|avec|d ?un couteau|d ?une arme)\b|\bmenaces? de mort\b"
       r"|\b(?:threaten|threatens|threatened|threatening)\b(?: \w+){0,2}? (?:to )?(?:kill|hurt|beat|rape|find"
       r"|come after|show up at|stab|shot|burn|kidnap) (?:me|my)\b|\bdeath threats?\b"
       r"|\b(?:said|says|told me|texted|wrote|swore|promised|keeps saying)\b(?: \w+){0,3}? (?:he|she|they|he d"
       r"|she d|they d|hed|shed|theyd|hel|shel|theyl|hes|shes|theyre)\b(?: \w+){0,3}? (?:kill|hurt|find|get|beat"
       r"|rape|end|stab|shot|come for|come after) me\b(?! (?:at|after|tomorrow|later|tonight at|up)\b)",
       requires=r"\b(?:je|j|jai|g|me|m|moi|mes|mon|ma|i|im|ive|my|me|menace|menaces)\b",
       unless=r"\b(?:prof|professeur|teacher|coach|(?<!beau )mere|maman|(?<!beau )pere|papa|mom|mum|dad|parents|soeur"
              r"|frere|sister|brother)\b[^|]*\b(?:si|if|quand|when)\b(?![^|]*\b(?:peur|scared|afraid|frappe|hits|beats"
              r"|bat|couteau|knife|parle|parles|dis quoi|porte plainte|raconte|quitte|pars|tell|leave)\b)"),
    _r("danger.threat_direct", "hyperbolic",
       r"\b(?:jump|jumped|jumping|beat up|beating up|rob|robbing|stab|stabbing|shoot|shooting|attack|attacking"
       r"|corner|ambush) me\b(?=[^|]*\b(?:they|guys|he|she|gang|after school|tomorrow|tonight|said|says|threat\w*"
       r"|going to|gonna|will)\b)|\bkill (?:himself|herself|themselves) and me\b"
       r"|\bkill me and (?:himself|herself|themselves)\b|\bnous tuer (?:tous les deux|les deux)\b"
       r"|\bme tuer (?:et|puis) se tuer\b|\bregretter d ?etre (?:nee?|venue? au monde)\b"
       r"|\bmake (?:me|you) regret (?:ever )?being born\b"
       r"|\b<AGG>\b(?: \w+){0,6}? (?:viendra|viendrait|va venir|vont venir|venir|debarquer|debarquera"
       r"|debarquerait) (?:\w+ )?(?:chez moi|devant chez moi|a mon lycee|a mon college|a mon ecole|a mon travail"
       r"|to my (?:house|place|school|work))\b(?=[^|]*\b(?:harcel\w*|menac\w*|peur|scared|threat\w*|stalk\w*"
       r"|inconnu|stranger|connait mon|knows my|sait ou|bloque\w*|blocked|harass\w*)\b)"
       r"|\b(?:harcel\w*|menac\w*|harass\w*|stalk\w*)\b[^|]*\b(?:viendra|viendrait|va venir|vont venir|debarquer"
       r"|debarquera) (?:\w+ )?(?:chez moi|a mon lycee|a mon college|a mon ecole|to my (?:house|place|school))\b"
       r"|\b<AGG>\b (?:\w+ )?(?:va|vont|allait|allaient|veut|veulent|compte|comptent|viendra|viendront|viennent"
       r"|vient|risque|pourrait|is going to|s going to|re going to|are going to|gonna|will|wants to|is coming to"
       r"|s coming to) (?:\w+ )?(?:(?:me |m ?)?<HURT>|(?:kill|hurt|beat|rape|find|come after|come for) me(?! (?:at"
       r"|after|tomorrow|later|up|in )\b))\b",
       extra=("game",),
       requires=r"\b(?:me|m|kill me|hurt me|beat me|rape me|find me|come after me|come for me)\b",
       unless=r"\b(?:si|quand|when|if|lorsqu|s ?il|s ?ils) (?:\w+ ){0,5}?(?:notes?|bulletin|resultats|grades?"
              r"|report card|facture|bill|voiture|car|pull|sweat|console|jeu|game|retard|late|gateau|cake|frites"
              r"|fries|vase|score|partiel|exam|controle|test|devoir|devoirs|homework|chambre|room|bordel"
              r"|telephone casse|ecran|spoil\w*|spoiler|episode|serie|dernier morceau|last slice|pizza|chips"
              r"|snacks?)\b|\b(?:ma mere|maman|mon pere|papa|mes parents|ma daronne|mon daron|mes darons|my mom|my mum"
              r"|my mother|my dad|my father|my parents|ma soeur|mon frere|my sister|my brother|le prof|la prof"
              r"|my teacher|my boss|mon boss|mon patron)\b (?:\w+ )?(?:va|vont|is going to|s going to|gonna|will)\b"
              r"(?![^|]*\b(?:peur|scared|afraid|frappe|hits|beats|bat|bourre|drunk|hurle|couteau|knife)\b)"),
    _r("danger.threat_conditional", "hyperbolic",
       r"\b<AGG>\b (?:\w+ ){0,2}?(?:me |m ?)(?:tuera|tuerait|butera|buterait|fera la peau|ferait la peau|defoncera"
       r"|defoncerait|retrouvera|retrouverait|frappera|frapperait|fera du mal|ferait du mal|le fera payer"
       r"|le ferait payer|egorgera|egorgerait|crevera|creverait|tabassera|tabasserait)\b"
       r"|\b(?:hel|shel|theyl|hed|shed|theyd|he will|she will|they will|he would|she would"
       r"|they would) (?:\w+ )?(?:kill|hurt|beat|find|rape) me\b",
       extra=("game",),
       unless=r"\b(?:si|quand|when|if|lorsqu|s ?il|s ?ils) (?:\w+ ){0,5}?(?:notes?|bulletin|resultats|grades?"
              r"|report card|facture|bill|voiture|car|pull|sweat|console|jeu|game|retard|late|gateau|cake|frites"
              r"|fries|vase|score|partiel|exam|controle|test|devoir|devoirs|homework|chambre|room|bordel"
              r"|telephone casse|ecran|spoil\w*|spoiler|episode|serie|dernier morceau|last slice|pizza|chips"
              r"|snacks?)\b"),
    _r("danger.threat_quoted", "hyperbolic",
       r"\b(?:je (?:vais|vai|ve)|j ?vais|on va|ils vont|je viens|on vient|je vais venir|i ?m going to|im going to"
       r"|im gonna|i ?m gonna|il|i will|we ?re going to|were going to|we will|gonna)\b (?:\w+ )?(?:te |t ?)<HURT>\b"
       r"|\b(?:kill|hurt|find|rape|stab|shot) you\b(?! (?:at|in|with|on|later|tomorrow|lol|in game)\b)"
       r"|\b(?:t ?es|tes|tu es|t) (?:un homme |une fille |une femme )?(?:mort|morte)\b(?! (?:de|ou|ou quoi|\?)\b)"
       r"|\b(?:tu|t) (?:vas|va|verras|verras) (?:mourir|crever|pas voir demain|pas passer la nuit)\b"
       r"|\byou (?:re|are) (?:dead|going to die|gonna die)\b|\byou wont (?:see|live to see) tomorrow\b",
       extra=("game",), requires=_REPORTING),
    _r("danger.wont_see_tomorrow", "explicit",
       r"\b(?:said|says|told me|texted|wrote|threatened|dit|ecrit|menace|jure)\b(?: \w+){0,4}? (?:i|you|u|je|tu"
       r"|t)\b(?: \w+){0,1}? (?:wont|will not|will never|are not going to|re not going to|arent going to"
       r"|not going to|verras|verras|verrai|verrais|vais) (?:pas |plus "
       r"|jamais )?(?:(?:see|make it to|live to see|survive|voir) )?(?:tomorrow|the night|the weekend|next week"
       r"|demain|la fin de la semaine|le jour se lever)\b"),
    # --- stalking, location, being hunted ---------------------------------------------------------
    _r("danger.knows_address", "hyperbolic",
       r"\b(?:posted|leaked|shared|published|found|poste|publie|partage|balance|diffuse|divulgue"
       r"|leake)\b(?: \w+){1,4}? (?:mon|mes|my) (?:adresse|address"
       r"|home address)\b(?! (?:mail|email|e mail|ip|gmail)\b)"
       r"|\b(?:<STALKER>|they|someone)\b (?:\w+ )?(?:now )?(?:know|knows|has|have|got) my (?:address|home address"
       r"|location)\b|\b(?:<STALKER>)\b (?:\w+ )?(?:a|connait|sait) (?:maintenant )?mon adresse\b"
       r"|\b(?:found|find|finds|figured) (?:out )?where i (?:live|moved|am staying|stay|work|go to school"
       r"|sleep)\b|\b(?:a trouve|a retrouve|sait|connait) (?:\w+ )?ou (?:j ?ai demenage|je me cache|je dors"
       r"|je suis partie?)\b|\b(?:coming|come|going to come|gonna come|will come|viendra|va venir|vient|arrive"
       r"|debarque) (?:to |in |dans |a |chez )?(?:my|ma|mon) (?:town|city|house|school|ville|quartier|lycee"
       r"|college|village)\b(?=[^|]*\b(?:find me|me trouver|me retrouver|see me|me voir|get me|m ?attraper)\b)"
       r"|\bcoming to find me\b|\bva venir me (?:chercher|trouver|retrouver)\b(?=[^|]*\b(?:inconnu|menace|peur"
       r"|harcel\w*)\b)|\b(?:found|posted|leaked|shared|published|trouve|retrouve|publie|poste|partage|balance"
       r"|diffuse|divulgue) (?:\w+ )?(?:mon|mes|my) (?:adresse|address"
       r"|home address)\b(?! (?:mail|email|e mail|ip|gmail)\b)"
       r"|\b(?:je sais|on sait|il sait|elle sait|ils savent|he knows|she knows|they know|i know|we know"
       r"|il connait|elle connait|ils connaissent|knows|sait|savent|connait|connaissent)\b (?:ou|where) (?:tu "
       r"|t ?|je |j ?|you |u |i )(?:habites?|vis|vit|es|suis|dors|bosse|travailles?|etudies?|vas en cours"
       r"|vais en cours|live|lives|go to school|work|sleep|stay)\b"
       r"|\b(?:a|ont|avait|has|have|had|il a|elle a)\b (?:\w+ )?(?:trouve|retrouve|publie|poste|partage|balance"
       r"|diffuse|leak|divulgue|found|posted|leaked|shared|published)\b (?:\w+ )?(?:mon|mes|my) (?:adresse"
       r"|adresse|address|numero de maison|home address)\b|\b(?:doxed|doxxed|dox|doxx|doxing|doxxing) me\b"
       r"|\bil (?:connait|a) mon adresse\b|\b(?:<AGG>)\b (?:\w+ )?(?:sait|connait|savent|connaissent"
       r"|knows) (?:ou (?:j ?habite|je vis|je dors)|mon adresse|my address|where i live)\b"),
    _r("danger.stalked", "hyperbolic",
       r"\b(?:<JSUIS>|je me sens|j ?ai l ?impression d ?etre|je crois que je suis|i ?m|im|i am|i think im"
       r"|i think i ?m|i fel like im|i fel like i ?m) (?:\w+ ){0,1}?(?:suivi|suivie|suivis|espionne|espionnee|traque"
       r"|traquee|surveille|surveillee|being followed|being stalked|being watched)\b"
       r"|\b<STALKER>\b(?: \w+){0,2}? (?:me suit|me suivait|me suivent|m ?a suivie?|m ?ont suivie?|me traque"
       r"|me guette|me surveille|m ?espionne|rode|rodait|rodent|traine|trainait)\b(?: \w+){0,3}? (?:partout|jusqu\w*"
       r"|chez moi|dans la rue|depuis|en bas|devant|autour|quand je|la nuit|le soir|a la sortie|tous les jours"
       r"|dans le metro|dans le bus)\b|\b(?:following|followed|stalking|stalked|stalks|follows"
       r"|watching) me\b(?! (?:on|back|online|around on|for|to see)\b)"
       r"|\b(?:m ?a|m ?ont|a) suivie? jusqu ?(?:a|au|chez)\b|\bfollowed me home\b|\bfollowing me home\b",
       extra=("social",),
       unless=r"\b(?:psy\w*|medecin|therap\w*|docteur|doctor|cmpp?|hopital|hospital|infirmi\w*|ortho\w*|kine\w*"
              r"|educ\w*|assistante? sociale?|nutritionniste|dieteti\w*|endocrino\w*|traitement|specialiste|abonnes"
              r"|counsel\w*|flics|police|policiers?|keufs|gendarmes?|controleurs?|vigiles?|cops?|suivi medical)\b"),
    _r("danger.photos_of_home", "explicit",
       r"\b(?:photos?|videos?|images?|pics?|pictures?|screens?) (?:\w+ ){0,2}?(?:de|d ?|of) (?:ma|mon|mes"
       r"|my) (?:rue|maison|fenetre|immeuble|porte|voiture|chambre|balcon|jardin|ecole|lycee|college|boulot|travail"
       r"|street|house|home|window|building|dor|car|bedrom|school|route|bus|arret)\b|\bphotos? de chez moi\b"
       r"|\bpictures? of where i live\b",
       requires=r"\b(?:m ?envoie|m ?envoit|m ?envoient|m ?a envoye|m ?ont envoye|me envoie|recu|recois|re?coit"
                r"|sends me|sent me|sending me|texted me|dmed me|dm ed me|keeps sending|poste|posted|prend|prises?"
                r"|took|taking)\b"),
    _r("danger.outside_home", "hyperbolic",
       r"\b(?:showed|shows|keeps showing|turned) up (?:at|outside) my (?:door|house|home|place|flat|apartment"
       r"|school|work|window)\b(?=[^|]*\b(?:ex|stranger|blocked|restraining|scared|afraid|uninvited"
       r"|middle of the night|last night|again)\b)|\b<STALKER>\b (?:\w+ )?(?:keeps|kept|keep) (?:showing|turning"
       r"|coming) (?:up )?(?:at|to|outside) my (?:house|home|school|work|place|door)\b"
       r"|\b<STALKER>\b (?:\w+ )?(?:debarque|debarquait|se pointe|se pointait|vient) (?:\w+ )?(?:chez moi"
       r"|devant chez moi|a mon lycee|devant mon lycee)\b(?=[^|]*\b(?:bloque|bloquee|harcel\w*|peur|menac\w*"
       r"|sans prevenir)\b)|\b<STALKER>\b(?: \w+){0,9}? (?:devant|en bas de|autour de|pres de|outside|in front of"
       r"|near|around) (?:chez moi|ma maison|mon immeuble|mon lycee|mon college|mon ecole|mon travail|mon taf"
       r"|ma porte|ma fenetre|ma rue|my (?:house|home|place|dor|school|work|building|window|street|apartment"
       r"|flat))\b",
       extra=("social",)),
    _r("danger.armed_waiting", "explicit",
       r"\b(?:m ?attend|m ?attendent|m ?attendait|m ?attendaient|waiting for me|me cherchent|me cherche|cherchent"
       r"|are looking for me|m ?attendre)\b(?: \w+){0,8}? (?:avec|with) (?:des |un |une |a |their |his |her "
       r"|leurs |ses )?(?:battes?|couteaux?|armes?|flingues?|pistolets?|barres? de fer|knives|knife|guns?|bats"
       r"|machettes?|poings americains|barres?|tournevis|cutters?)\b"
       r"|\b(?:m ?attend|m ?attendent|m ?attendait|m ?attendaient|me cherche|me cherchent|waiting for me"
       r"|looking for me)\b(?: \w+){0,6}? pour (?:me |m ?)(?:frapper|defoncer|taper|tabasser|casser la gueule"
       r"|niquer|planter|tuer|eclater|regler mon compte|violer)\b"),
    _r("danger.armed_coming", "explicit",
       r"\b<AGG>\b (?:\w+ )?(?:has|had|got|a|avait) (?:a |un |une |his |son |sa )?(?:gun|knife|weapon|flingue"
       r"|couteau|arme|pistolet)\b[^|]*\b(?:coming over|coming here|on his way|outside|en route|arrive|vient"
       r"|va venir|devant chez moi|threat\w*|menac\w*)\b"),
    _r("danger.weapon", "hyperbolic",
       r"\b(?:a sorti|sort|sortait|pointe|pointait|brandi|brandit|braque|braquait|a sorti|menace avec|menacé avec"
       r"|pulled|pointed|held|holding|has|had|came at me with|waving)\b (?:\w+ )?(?:un |une |son |sa |a |his |her "
       r"|their )?(?:couteau|flingue|arme|pistolet|revolver|cutter|machette|batte|gun|knife|blade|bat)\b",
       extra=("game",),
       requires=r"\b(?:sur moi|vers moi|contre moi|me menace|m ?a menace|at me|on me|to my|me with|menac\w*"
                r"|threat\w*)\b"),
    _r("danger.fear", "explicit",
       r"\bpeur (?:que|qu ?) (?:\w+ ){1,3}?(?:me |m ?)(?:tue|tuent|frappe|frappent|fasse du mal|fassent du mal"
       r"|viole|violent|retrouve|retrouvent|defonce|bute|egorge|enleve|attaque)\b"
       r"|\b(?:<JAI>|j ?ai) (?:tres |trop |tellement |vraiment |super )?peur (?:<QUIL>|kil"
       r"|quil) (?:\w+ )?<ME>?(?:tue|tuent|frappe|frappent|fasse du mal|fase du mal|fassent du mal|retrouve"
       r"|retrouvent|trouve|viole|violent|recomence|revienne|defonce|publie|envoie|montre|balance|diffuse"
       r"|fase quelque chose|fasse quelque chose|bat|batte|attaque|enleve)\b"
       r"|\bpeur (?:pour ma vie|pour ma securite|de mourir ce soir|de rentrer chez moi|de retourner chez moi"
       r"|de rentrer a la maison)\b|\b(?:scared|afraid|terrified|frightened)\b(?: \w+){0,3}? (?:he|she|they|he l"
       r"|hel|she l|shel|theyl|they l)\b(?: \w+){0,3}? (?:hurt|kill|find|beat|hit|rape|come back|come after|leak"
       r"|post|share|send) (?:me|my)\b|\b(?:scared|afraid|fear|terrified) (?:for my life|for my safety|to go home"
       r"|to go back home)\b|\b(?:<JSUIS>|ma vie est|i ?m|im|i am|my life is) (?:\w+ ){0,1}?en danger\b"
       r"|\bmy life is in danger\b|\b(?:i ?m|im|i am) in danger\b"),
    _r("danger.confined", "explicit",
       r"\b(?:essaye|essaie|essayé|tente|tenté|voulait|veut|a voulu) (?:de |d ?)(?:entrer|rentrer|forcer la porte"
       r"|defoncer la porte) (?:chez moi|dans ma chambre|dans mon appart|dans la salle de bain)\b"
       r"|\b(?:tried|trying|tries) to (?:break in|get in|get into my (?:room|house|apartment)"
       r"|force (?:the|my) door)\b|\b(?:m ?empeche|m ?empechent|m ?empechait) de (?:sortir|partir|voir (?:mes|ma"
       r"|mon) \w+|parler a)\b|\b<AGG>\b (?:\w+ ){0,1}?(?:m ?a|m ?ont|me|m) (?:enferme|enfermee|sequestre"
       r"|sequestree|empeche de sortir|enferme a cle|enfermee a cle)\b"
       r"|\b(?:locked|locks|locking|lock) me (?:in|up|inside)\b"
       r"|\b(?:won ?t|wouldn ?t|doesn ?t|didn ?t|wont|wouldnt|doesnt|didnt) let me (?:leave|go out|out|go home"
       r"|get out)\b|\bhiding from (?:him|her|them|my \w+)\b"),
    # --- grooming (message-level: the clues may sit in different sentences) ---------------------
    _r("danger.grooming_secret_meet", "explicit", _MEET, requires=_SECRET, message_scope=True),
    _r("danger.grooming_adult_minor", "explicit", _ADULT,
       requires=(_MINOR, _MEET + "|" + _NUDES_REQUEST + "|" + _SECRET + "|" + _ROMANCE), message_scope=True),
    _r("danger.grooming_nudes_minor", "explicit", _NUDES_REQUEST, requires=_MINOR, message_scope=True),
    _r("danger.grooming_alone", "explicit",
       r"\b(?:come|go|be|stay) (?:over )?(?:to |at )?(?:his|her|their) (?:house|place|car|room"
       r"|hotel)\b[^|]*\balone\b|\balone (?:at|to|in) (?:his|her|their) (?:house|place|car|room|hotel)\b"
       r"|\b(?:venir|aller|rejoindre|retrouver|dormir) (?:\w+ ){0,2}?(?:seule?|toute? seule?) (?:chez lui"
       r"|chez elle|a son|dans sa)|\bchez (?:lui|elle) (?:toute? )?seule?\b",
       requires=_MINOR, message_scope=True),
)


THIRD_PARTY_RULES: tuple[_Rule, ...] = (
    _r("suicide.third_party", "hyperbolic",
       r"\b(?:enfermee?|enfermes|locked (?:herself|himself|themselves)) (?:\w+ ){0,5}?(?:avec|with) (?:des |les "
       r"|a |some |ses |her |his |un |une )?(?:lames|lame|cachets|medocs|pills|blades|razors?|corde|rope|couteau"
       r"|knife|cutter)\b|\b(?:est|is|s) (?:sur|on) (?:le|la|the) (?:toit|pont|rebord|bridge|roof"
       r"|ledge)\b[^|]*\b(?:repond (?:plus|pas)|ne repond|not answering|isnt answering|won ?t answer|wont answer"
       r"|adieu|goodbye)\b|\b(?:she|he|they|il|elle|shes|hes|theyre)\b (?:\w+ )?(?:is |s |est )?(?:on|sur) (?:the"
       r"|a|le|un) (?:bridge|roof|ledge|pont|toit|rebord)\b[^|]*\b(?:jump|sauter|saute)\b"
       r"|\b(?:wants|want|going|gonna|veut|va|voulait|allait) (?:to )?(?:jump"
       r"|sauter)\b(?! (?:in|into|on|over|dans|sur|en|de joie|a l ?elastique)\b)(?=[^|]*\b(?:pont|bridge|toit|roof"
       r"|fenetre|window|balcon|balcony|ledge)\b)|\b(?:il|elle|he|she)\b (?:\w+ )?(?:a|avait|has|had|got|bought"
       r"|achete|a achete|a trouve) (?:une corde|des cachets|plein de cachets|une arme|un flingue|a rope|pills"
       r"|a gun|a bunch of pills)\b(?=[^|]*\b(?:desole|desolee|sorry|adieu|goodbye|pardon|fin|plus la|aime)\b)"
       r"|\b(?:he|she|they|hel|shel|theyl|hed|shed|theyd|he will|she will|he would"
       r"|she would)\b(?: \w+){0,2}? (?:kill|hurt|end) (?:herself|himself|themselves|themself|his life|her life)\b"
       r"|\b(?:parle|parlait|parlent|talks|talking|talked) (?:souvent |encore |beaucoup |tout le temps |a lot "
       r"|again )?(?:de |about )(?:mourir|dying|killing (?:herself|himself|themselves)|en finir|se suicider"
       r"|se tuer)\b(?! (?:en |dans |in )\b)|\b(?:she|he|they|il|elle|ils|elles)\b(?: \w+){0,2}? (?:wants|want"
       r"|wanted|veut|voulait|veulent) (?:to )?(?:die|mourir|en finir|disparaitre pour toujours|be dead"
       r"|etre morte?)\b|\b(?:veut|veulent|voulait|voulaient|va|vont|allait|allaient|pense a|pensait a|parle de"
       r"|parlait de|menace de|menacait de|compte|envie de|a envie de|essaye de|essaie de|tente de|risque de"
       r"|dit qu ?(?:il|elle) va|dit qu ?(?:il|elle) veut) (?:\w+ )?<SE>(?:suicider|tuer|foutre en l'air|pendre"
       r"|jeter (?:du|d ?un|sous|par)|ouvrir les veines|tailler les veines)\b"
       r"|\b(?:dit|ecrit|poste|envoye|mis|publie|a dit|m ?a dit|m ?a ecrit)\b(?: \w+){0,3}? <QUIL> (?:veut|voulait"
       r"|va|allait|voudrait) (?:\w+ )?(?:mourir|en finir|se tuer|se suicider|disparaitre pour toujours)\b"
       r"|\b(?:a|ont|avait|avaient|vient d ?|viennent d ?) ?(?:pris|avale|avaler|prendre) (?:tous ses|toutes ses"
       r"|toute sa|toute la boite|toute une boite|une boite|la boite|plein de|trop de) (?:de )?<DRUGS>?\b"
       r"|\b(?:wants|wanted|going|gonna|is going|planning|plans|threatening|threatened|talks about|talking about"
       r"|talked about|trying|tried|said (?:she|he|they)(?:d| would| will|l)?) (?:to )?(?:kill|hurt"
       r"|end) (?:herself|himself|themselves|themself|her life|his life|their life)\b"
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
       r"\b(?:left|wrote) (?:a |an )?(?:note|letter|message)\b[^|]*\b(?:sorry|goodbye|love you|forgive)\b"
       r"|\ba laisse (?:un |une )?(?:mot|lettre|message)\b[^|]*\b(?:desolee?|adieu|je vous aime|pardon"
       r"|je t ?aime)\b|(?:<DRUGS>|\bcorde|\blames?|\bpont|\bpills|\brope|\bbridge)\b[^|]*\b(?:c ?est fini|adieu"
       r"|goodbye|it ?s over|pardon|desolee?|sorry|merci pour tout|thank you for everything)\b"
       r"|\b(?:c ?est fini|adieu|goodbye|it ?s over|merci pour tout)\b[^|]*(?:<DRUGS>|\bcorde|\blames?|\bpills"
       r"|\brope)\b|\bmerci pour tout\b[^|]*\badieu\b|\badieu\b[^|]*\bmerci pour tout\b"
       r"|\bthank you for everything\b[^|]*\bgoodbye\b|\b(?:texted|sent|posted|wrote|messaged"
       r"|said)(?: me)? (?:a )?(?:goodbye|farewell)\b(?: \w+){0,8}? (?:phone is off|not answering|isnt answering"
       r"|wont answer|not picking up|no answer|cant reach|doesnt answer|offline|not replying)\b"
       r"|\b(?:m ?a envoye|a poste|a ecrit|a publie|avec ecrit|m ?a ecrit|m ?a dit)\b(?: \w+){0,6}? adieu\b"
       r"|\b(?:message|messages|post|lettre|video|mot|note|texto|story) (?:d ?adieu"
       r"|de suicide)\b(?: \w+){0,8}? (?:repond|repondait|decroche|joignable|nouvelle|nouvelles|rien)\b"
       r"|\b(?:goodbye|farewell|suicide) (?:message|post|note|letter|text|video)\b(?: \w+){0,8}? (?:not answering"
       r"|isnt answering|wont answer|not picking up|no answer|cant reach)\b"),
)

WEAK_RULES: tuple[_Rule, ...] = (
    _r("weak.exhaustion", "weak",
       r"\bj ?en (?:peux|peu) <PLUS>\b|\bjpp\b|<JSUIS> (?:a bout|au bout du rouleau|epuisee? de tout|vide)\b"
       r"|\b<PLUS> la force\b|\b(?:fatigue|fatiguee|marre|lasse|epuise|epuisee) (?:de tout|de ma vie|de me battre"
       r"|de lutter|de me bagarrer|de survivre|de cette vie)\b"
       r"|\b(?:i ?m|im|i am) (?:so )?done\b(?! (?:with (?:this|that|the|my|school|work|homework|him|her)"
       r"|for today|eating)\b)|<JE>(?:ne )?tiens <PLUS>\b|\bi cant (?:do this|take (?:it|this)|handle (?:it|this"
       r"|life)) anymore\b|\b(?:tired|exhausted|sick) of (?:everything|fighting|trying|being me)\b"
       r"|\bi ?m so tired of (?:it all|everything)\b|\bi want out\b"),
    _r("weak.hopeless", "weak",
       r"<JAI> <PLUS> rien\b(?! (?:a faire|a dire|a manger|a perdre|de|d)\b)|"
       r"\bque (?:tout|tout ca|ca|la vie) s ?arrete\b(?! (?:de|d ?|pour)\b)|"
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
       r"|nulle)\b(?! (?:en|a|au|aux|pour)\b)|<JE>(?:deteste|hais) ma vie\b|\bi hate my life\b"
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
       r"\b(?:ecrit|ecris|redige) (?:une |des |ma |mes )?(?:lettres?"
       r"|mots? d ?adieu)\b(?! (?:de motivation|d ?amour|de candidature|au pere noel"
       r"|pour (?:l ?ecole|le college|le lycee|mon stage|un stage|le concours))\b)"
       r"|<JVEUX> partir\b(?! (?:en|au|aux|a|de|d|vers|loin d|chez|avec|pour (?!toujours|de bon)|ce|demain|d ?ici"
       r"|\w+ (?:en|a|au))\b)|\b(?:ecrit|ecris|laisse un mot|laisse des mots) (?:a|pour) (?:chacun|tout le monde"
       r"|mes proches|ma famille)\b|\b(?:range|prepare|trie) (?:toutes )?mes affaires\b"
       r"|\b(?:planning|planned|plan) my (?:exit|way out)\b(?! (?:from|of)\b)|\bexit plan\b"
       r"|\bletres? (?:pour|a) (?:ma famille|mes parents|mes proches|ma mere|mon pere|mes amis|mes potes|ma soeur"
       r"|mon frere)\b|\b(?:donne|donner|donné|distribue) (?:toutes |tous )?mes affaires\b"
       r"|\bgive away (?:al )?my (?:stuff|things|belongings)\b|<JAI> tout (?:prevu|organise|prepare|planifie)\b"
       r"|\bmon testament\b|\bwrote (?:\w+ ){0,2}?letters? (?:to|for) my"
       r"|<JAI> (?:choisi|fixe) (?:la date|le jour)\b|\bc ?est (?:bientot )?la fin\b(?! (?:de|des|du|d ?)\b)"),
    _r("weak.wish_end", "weak",
       r"<JVEUX> (?:juste |seulement |tellement )?que (?:tout|ca|ça|tout ca) (?:finisse|s ?arrete|se termine"
       r"|prenne fin)\b|\bi (?:just )?want (?:it|everything|this) to (?:stop|end|be over)\b"),
    _r("weak.readiness", "weak",
       r"<JSUIS> (?:enfin |vraiment )?prete?\b(?! (?:a|pour|de|d|en)\b)|\bi m ready\b(?! (?:to|for)\b)"
       r"|\bim ready\b(?! (?:to|for)\b)|\bc ?est (?:le moment|ce soir|pour ce soir)\b"
       r"|\btonights? (?:the night|is the night)\b|\bit s time\b(?! (?:to|for)\b)"
       r"|<JSUIS> (?:tellement )?(?:finie?|foutue?)\b|\bce soir c ?est (?:la fin|fini)\b"
       r"|\b(?:do it|le faire) (?:tonight|ce soir|demain|tomorrow|this weekend|ce week end|bientot|soon)\b"),
    _r("weak.giving_away", "weak",
       r"\b(?:donne|donner|donné|mis|mets|transfere|vire|legue|distribue|offert) (?:toutes |tous "
       r"|tout )?(?:mes affaires|mes economies|mon argent|mes trucs|mes jeux|mes vetements|mes bijoux)\b"
       r"|\bgiv(?:e|ing|en) away (?:all )?my (?:stuff|things|belongings|money|savings|games|clothes)\b"
       r"|\bmy (?:stuff|things) (?:should go|goes) to\b"),
    _r("weak.method_chosen", "weak",
       r"\b(?:deja )?choisi comment\b|\bje sais (?:deja )?comment je vais (?:le faire|faire|m ?y prendre)\b"
       r"|\bi know (?:exactly )?how i ?m going to do it\b|\bi ?ve (?:picked|chosen) (?:how|the way|the day|a date)\b"
       r"|<JAI> (?:choisi|prevu) (?:la methode|le moyen|le jour|la date|l ?endroit)\b"),
    _r("weak.decision", "weak",
       r"\bi ?(?:ve|have) (?:finally )?(?:decided|made up my mind)\b|\bmy mind is made up\b|\bc ?est decide\b"
       r"|\bma decision est prise\b|<JAI> (?:pris ma decision|decide)\b|\bj ?ai pris ma decision\b"),
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
       r"|\b(?:i ?m|im|i am|i ?ve|ive|i)\b (?:\w+ ){0,1}?(?:hiding|locked myself in|locked in)\b|<JE>me cache\b",
       kind="danger"),
    _r("weak.danger_hunted", "weak",
       r"\b(?:tape|tapent|frappe|frappent|cogne|defonce|defoncent) (?:dans|contre|sur) (?:la|ma) porte\b"
       r"|\bessaie d ?entrer\b|\bhurle\b|\bbanging on (?:the|my) door\b|\b(?:looking|searching|hunting) for me\b"
       r"|\bdriving around\b|\bme cherche(?:nt)? partout\b|\bm ?a pris mon (?:tell|telephone|portable)\b"
       r"|\btook my phone\b|\bdes bleus partout\b|\bcouverte? de bleus\b|\bbruises (?:al over|everywhere)\b",
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
       r"|souvent|sometimes|i think about it|i ?m scared|j ?ai peur|je sais pas|jsp|idk|i don ?t know|not sure"
       r"|pas sur|pas sure|l ?idee)\b",
       message_scope=True),
)

ALL_RULES: tuple[_Rule, ...] = (
    SUICIDE_RULES + SELF_HARM_RULES + DANGER_RULES + THIRD_PARTY_RULES + COMPOSITE_RULES + WEAK_RULES
)
_SENTENCE_RULES = tuple(r for r in ALL_RULES if not r.message_scope)
_ALL_ANCHORS: tuple[str, ...] = tuple(sorted({lit for r in ALL_RULES for lit in (r.anchors or ())}))
_MESSAGE_RULES = tuple(r for r in ALL_RULES if r.message_scope)

# --------------------------------------------------------------------------------------------------
# Screening
# --------------------------------------------------------------------------------------------------


def _neutralise(text: str) -> str:
    """Remove figurative idioms, reassurance and reported insults, leaving marker tokens."""
    text = _SERIOUS.sub(" zserious ", text)  # "pas une blague" must not read as the laughter cue "une blague"
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


def _fired_rules(text: str, prefilter: bool = True) -> list[_Rule]:
    """Rules whose pattern matches with their context satisfied and no guard holding.

    ``prefilter=False`` scans every rule; tests use it to check the literal prefilter never changes a verdict.
    """
    sentences = [_neutralise(s) for s in _sentences(text)]
    if not sentences:
        return []
    joined = " | ".join(sentences)
    # one substring test per distinct literal, instead of one regex scan per rule
    present = frozenset(lit for lit in _ALL_ANCHORS if lit in joined) if prefilter else None
    starts: list[int] = []
    pos = 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 3
    flag_cache: dict[int, frozenset[str]] = {}
    fired: list[_Rule] = []
    for rule in _SENTENCE_RULES:
        if present is not None and rule.anchors is not None and rule.anchors.isdisjoint(present):
            continue
        for match in rule.pattern.finditer(joined):
            idx = bisect_right(starts, match.start()) - 1
            sentence = sentences[idx]
            if not all(r.search(sentence) for r in rule.requires):
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
        if present is not None and rule.anchors is not None and rule.anchors.isdisjoint(present):
            continue
        match = rule.pattern.search(joined)
        if match is None or not all(r.search(joined) for r in rule.requires):
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
    return CrisisSignal(True, kind, cues, indirect=not strong)


def evaluate(
    rows: Iterable[tuple[str, bool]], screener: Callable[[str], CrisisSignal] | None = None
) -> dict[str, float]:
    """Score a screen (the rules by default) on (text, is_crisis) pairs: recall, precision, f1, n, tp, fp…"""
    screener = screener or screen
    tp = fp = fn = tn = 0
    for text, expected in rows:
        predicted = screener(text).is_crisis
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
