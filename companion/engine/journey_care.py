"""What a journey answer may reveal that needs protecting first: a child harassed, a threat, a pile-on.

The message reading says when someone needs protecting; a few explicit cues add what it cannot know, such as
a parent describing what happens to their child. The card says what protects, with the services that fit.
"""

from __future__ import annotations

import re

from companion.engine.flows.base import Turn
from companion.engine.reading import CrisisResource
from companion.engine.text import normalise

CHILD = "child"
SELF = "self"

_CHILD = re.compile(
    r"\b(?:(?:mon|ma|mes|notre|nos) (?:fils|filles?|enfants?|ados?|gamins?|gamines?|petits?|petites?|grands?|grandes?)"
    r"|(?:il|elle) a \d{1,2} ans|(?:my|our) (?:sons?|daughters?|kids?|child|children|teen\w*)"
    r"|(?:he|she) is \d{1,2}|\d{1,2}[ -]years?[ -]old)\b")
_HARASSED = re.compile(
    r"\b(?:se fai(?:t|sait|saient|sont) (?:moquer|harceler|insulter|traiter|humilier|exclure|racketter|menacer|frapper)"
    r"|se (?:moquent|moquaient|sont moques) d|(?:est|a ete|etait|sont|ont ete) (?:harcele\w*|moque\w*|insulte\w*"
    r"|humilie\w*|exclue?s?|menace\w*|rejete\w*|vise\w*)|(?:l|le|la|lui|les) (?:harcelent|insultent|menacent"
    r"|humilient|excluent|traitent|rackettent)|subit|harcelement (?:qu (?:il|elle) subit|depuis)"
    r"|(?:is|was|are|were|being|been|gets?|got|keeps? getting) (?:being )?(?:bullied|mocked|harassed|teased"
    r"|threatened|excluded|picked on)|(?:bully|bullies|bullying|mock|mocks|harass\w*|threaten\w*) (?:him|her|them)"
    r"|cyberharcel\w*|cyberbull\w*)")
_THREAT = re.compile(
    r"\b(?:me menace\w*|menace de (?:publier|diffuser|montrer|envoyer|balancer)|(?:me )?fai(?:t|re) du chantage"
    r"|sextorsion|threaten\w* (?:me|to)|blackmail\w*|sextort\w*)\b")
_PLATFORMS = (
    ("snap", "Snapchat"), ("insta", "Instagram"), ("tiktok", "TikTok"), ("whatsapp", "WhatsApp"),
    ("discord", "Discord"), ("facebook", "Facebook"), ("messenger", "Messenger"), ("youtube", "YouTube"),
    ("twitch", "Twitch"), ("roblox", "Roblox"), ("fortnite", "Fortnite"), ("minecraft", "Minecraft"),
    ("twitter", "X"),
)
_PROTECT_KINDS = frozenset({"threat", "doxxing", "blackmail", "incitement", "exclusion"})
"""Marker kinds (found by the reading's rules in the message itself) that call for protection first."""
_CHILD_LINES = ("evidence", "school", "block", "talk")
_SELF_LINES = ("evidence", "block", "alone")


def protection_kind(text: str, turn: Turn, known: bool = False) -> str | None:
    """``child`` when a child is being harassed, ``self`` for a threat, blackmail or a pile-on in the message.

    The learned protection head alone is not enough here: a journey's short answers are not messages received.
    ``known``: a child's harassment was already told in this journey ("ils se moquent d'elle" needs no name).
    """
    flat = normalise(text)
    if _HARASSED.search(flat) and (known or _CHILD.search(flat)):
        return CHILD
    marked = {m.kind for m in turn.reading.tension.inflaming} & _PROTECT_KINDS
    if _THREAT.search(flat) or marked:
        return SELF
    return None


def platform(text: str) -> str | None:
    """The platform the answer names, spelled as its makers do."""
    flat = normalise(text)
    return next((name for stem, name in _PLATFORMS if stem in flat), None)


def protection_card(turn: Turn, text: str, kind: str) -> str:
    """The protection card: a short lead, what protects, the services that fit (3018 first), one question."""
    t = turn.t
    where = platform(text) or t("journeys.protect.platform_default")
    lines = [t(f"journeys.protect.lead_{kind}")]
    found = _services(turn, ["3018", "116006"] if kind == SELF else ["3018"])
    if found:  # the national line first: free, and it gets content taken down
        if turn.t.lang != "fr":
            lines.append(t("journeys.protect.in_france"))
        lines += ["• " + t("journeys.protect.service", name=r.name, contact=r.contact, hours=r.hours,
                             description=r.description) for r in found]
    for line in _CHILD_LINES if kind == CHILD else _SELF_LINES:
        lines.append("• " + t(f"journeys.protect.{line}", platform=where))
    lines.append(t("journeys.protect.then"))
    return "\n".join(lines)


def _services(turn: Turn, wanted: list[str]) -> list[CrisisResource]:
    by_id = {r.id: r for r in turn.resources("fr", "harassment")}  # the French services, when none is local
    by_id.update({r.id: r for r in turn.resources(turn.t.lang, "harassment")})
    return [by_id[i] for i in wanted if i in by_id]
