"""Checks every model output passes before it may reach a user; a failed check means the offline text.

Each check returns the cleaned value, or raises :class:`Rejected` with a short reason (never the text).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from companion.analysis.tension import Marker, find_markers
from companion.engine.nvc import NvcLists
from companion.engine.text import clean, detect_language, normalise

Analyser = Callable[[str, str], Sequence[Marker]]

HOSTILE = frozenset({"threat", "exclusion", "insult", "contempt", "profanity", "hate", "incitement", "blackmail",
                     "doxxing", "mockery"})
"""Marker kinds no model output may carry (any marker at all is refused in an NVC draft)."""

# Medical or diagnostic claims: Compagnon is not a therapist (accent-free, whole words or prefixes).
_MEDICAL = re.compile(
    r"(?<![a-z])(?:diagnos\w*|depression\w*|depressi[fv]\w*|bipolair\w*|bipolar\w*|narcissi\w*|psychopath\w*|"
    r"sociopath\w*|borderline|schizophren\w*|tdah|adhd|autis\w*|trouble (?:anxieux|psychique|mental|de la)\w*|"
    r"troubles? (?:bipolaire|obsessionnel|anxieux)\w*|\w* disorder|pathologi\w*|patholog\w*|syndrome\w*|"
    r"antidepress\w*|anxiolyti\w*|medicament\w*|medication\w*|medicine|traitement medical|prescri\w*|"
    r"tu souffres d|vous souffrez d|you suffer from|tu es atteint|vous etes atteint|symptom\w*|symptome\w*)"
    r"(?![a-z])"
)
_URL = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.(?:com|fr|org|net|io)\b", re.IGNORECASE)
# Words that would show the model talking about its instructions or the data blocks.
_LEAK = re.compile(r"</?data|system prompt|prompt syst|my instructions|mes instructions|\bignore (?:all|previous)",
                   re.IGNORECASE)
_FIRST_PERSON = {"fr": re.compile(r"(?<![a-z])(?:je|j|me|m|moi|mon|ma|mes)(?![a-z])"),
                 "en": re.compile(r"(?<![a-z])(?:i|im|me|my|mine|myself)(?![a-z])")}
_REQUEST = {"fr": re.compile(r"\?|(?<![a-z])(?:pourrais|pourrions|pourriez|peux tu|peut on|est ce que|voudrais|"
                             r"accepterais|serait il possible|j aimerais|je te propose|je propose)(?![a-z])"),
            "en": re.compile(r"\?|(?<![a-z])(?:could you|would you|can we|could we|would it be|i would like|"
                             r"i d like|i suggest|i propose|are you open|can you)(?![a-z])")}


class Rejected(ValueError):
    """A model output failed a check; the message is a short reason, safe to log (it holds no user text)."""


@dataclass(frozen=True)
class Limits:
    """Length bounds of one kind of output, in characters."""

    min_chars: int = 20
    max_chars: int = 900


def check_text(text: str, lang: str, limits: Limits, analyser: Analyser = find_markers) -> str:
    """A plain answer: bounded, in ``lang``, with no hostility, no medical claim, no link, no prompt leak."""
    text = _unwrap(clean(text))
    if len(text) < limits.min_chars:
        raise Rejected("too short")
    if len(text) > limits.max_chars:
        raise Rejected("too long")
    if detect_language(text, default=lang) != lang:
        raise Rejected("wrong language")
    plain = normalise(text)
    if _MEDICAL.search(plain):
        raise Rejected("medical or diagnostic wording")
    if _URL.search(text):
        raise Rejected("link")
    if _LEAK.search(text):
        raise Rejected("talks about its instructions")
    hostile = {m.kind for m in analyser(text, lang)} & HOSTILE
    if hostile:
        raise Rejected(f"hostile markers: {sorted(hostile)}")
    return text


def check_draft(text: str, lang: str, nvc: NvcLists, limits: Limits, analyser: Analyser = find_markers) -> str:
    """An NVC draft: a plain answer with no tension marker at all, in the first person, naming a feeling or a
    need, and ending with a request."""
    text = check_text(text, lang, limits, analyser)
    markers = analyser(text, lang)
    if markers:
        raise Rejected(f"tension markers: {sorted({m.kind for m in markers})}")
    plain = f" {normalise(text)} "
    key = "en" if lang == "en" else "fr"
    if not _FIRST_PERSON[key].search(plain):
        raise Rejected("not in the first person")
    if not (nvc.find(text, lang, "feelings") or nvc.find(text, lang, "needs")):
        raise Rejected("names no feeling and no need")
    if not _REQUEST[key].search(text.lower().replace("'", " ").replace("’", " ")):
        raise Rejected("no request")
    return text


def parse_json(text: str) -> dict[str, Any]:
    """The JSON object of an answer (a code fence or words around it are tolerated)."""
    text = text.strip()
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise Rejected("no JSON object")
    try:
        value = json.loads(text[start:end + 1])
    except ValueError:
        raise Rejected("invalid JSON") from None
    if not isinstance(value, dict):
        raise Rejected("JSON is not an object")
    return value


def check_ids(value: object, allowed: Collection[str], *, most: int = 3, field: str = "ids") -> list[str]:
    """A list of 1..``most`` known ids, in order, without repeats."""
    if not isinstance(value, list) or not value:
        raise Rejected(f"{field}: expected a non-empty list")
    ids: list[str] = []
    for item in value:
        if not isinstance(item, str) or item not in allowed:
            raise Rejected(f"{field}: unknown id")
        if item not in ids:
            ids.append(item)
    if len(ids) > most:
        raise Rejected(f"{field}: more than {most}")
    return ids


def check_their_side(text: str, nvc: NvcLists) -> tuple[list[str], list[str]]:
    """``{"feelings": [...], "needs": [...]}`` with ids of the NVC lists only."""
    value = parse_json(text)
    feelings = check_ids(value.get("feelings"), {f.id for f in nvc.feelings}, field="feelings")
    needs = check_ids(value.get("needs"), {n.id for n in nvc.needs}, field="needs")
    return feelings, needs


def check_answer(text: str, passage_ids: Sequence[str], lang: str, limits: Limits,
                 analyser: Analyser = find_markers) -> tuple[str, tuple[str, ...]]:
    """``{"answer": "...", "cited": [...]}``: a checked answer citing only passages it was given."""
    value = parse_json(text)
    answer = value.get("answer")
    if not isinstance(answer, str):
        raise Rejected("answer: expected a string")
    cited_raw = value.get("cited", [])
    cited = check_ids(cited_raw, passage_ids, most=len(passage_ids), field="cited") if cited_raw else []
    return check_text(answer, lang, limits, analyser), tuple(cited)


def _unwrap(text: str) -> str:
    """Drop quotes or a code fence a model may wrap its whole answer in."""
    text = text.strip()
    if text.startswith("```") and text.endswith("```"):
        text = text.strip("`").strip()
    if len(text) >= 2 and text[0] in "\"«“" and text[-1] in "\"»”":
        text = text[1:-1].strip()
    return text
