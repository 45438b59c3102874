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
3. **Match the rule table** (``data/crisis_rules.toml``, with its macros); each rule has an id, a kind, a tier
   and optional ``requires`` / ``unless`` patterns. Tiers:
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
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as _sre_c  # type: ignore[attr-defined]
from re import _parser as _sre_p  # type: ignore[attr-defined]
from typing import Literal

from companion.analysis.data import load_toml
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

_RULE_DATA = load_toml("crisis_rules.toml")
_MACROS: dict[str, str] = _RULE_DATA["macros"]
"""Named pieces of patterns (``data/crisis_rules.toml``), replaced in every pattern in this order."""


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

_FIGURATIVE = [_rx(p) for p in _RULE_DATA["neutralise"]["figurative"]]
_REASSURANCE = [_rx(p) for p in _RULE_DATA["neutralise"]["reassurance"]]
_INCITEMENT = [_rx(p) for p in _RULE_DATA["neutralise"]["incitement"]]
_SERIOUS = _rx(_RULE_DATA["neutralise"]["serious"])
_SPACES = re.compile(r" {2,}")
_NEG_TOKEN = " zneg "
_INCITE_TOKEN = " zincite "


# --------------------------------------------------------------------------------------------------
# Guards: contexts that make a hyperbolic cue figurative.
# --------------------------------------------------------------------------------------------------

_GUARDS: dict[str, re.Pattern[str]] = {name: _rx(p) for name, p in _RULE_DATA["guards"].items()}
_NOT_A_GAME = _rx(_RULE_DATA["neutralise"]["not_a_game"])

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


def _load_rules() -> tuple[_Rule, ...]:
    """The rule table of ``data/crisis_rules.toml``, in file order."""
    return tuple(
        _r(entry["id"], entry["tier"], entry["pattern"], kind=entry.get("kind"), extra=entry.get("extra", ()),
           requires=tuple(entry.get("requires", ())), unless=entry.get("unless"),
           message_scope=bool(entry.get("message_scope", False)))
        for entry in _RULE_DATA["rule"]
    )


ALL_RULES: tuple[_Rule, ...] = _load_rules()
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


_PRIORITY = {"suicide": ("3114", "112"), "self-harm": ("3114", "112"), "danger": ("112", "17"),
             "harassment": ("3018",)}


@lru_cache(maxsize=1)
def _load_resources() -> dict[str, tuple[CrisisResource, ...]]:
    """Read ``data/crisis_resources.toml`` once."""
    data = load_toml("crisis_resources.toml")
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
                description_tu=entry.get("description_tu", ""),
                minors_only=bool(entry.get("minors_only", False)),
            )
            for entry in entries
        )
        for lang, entries in data.items()
        if isinstance(entries, list)
    }


def crisis_resources(lang: str, kind: str | None = None) -> list[CrisisResource]:
    """Helplines for ``lang`` ("fr" or "en"; others fall back to "en"); for a ``kind``, those that fit an adult."""
    table = _load_resources()
    entries = table.get((lang or "en").lower()[:2]) or table["en"]
    if kind is None:
        return list(entries)
    chosen = [e for e in entries if kind in e.kinds and not e.minors_only]
    first = _PRIORITY.get(kind, ())
    return sorted(chosen, key=lambda e: first.index(e.id) if e.id in first else len(first))
