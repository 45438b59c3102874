"""Typed commands: French and English aliases, near-misses, and menu phrases typed as text."""

from __future__ import annotations

from difflib import SequenceMatcher, get_close_matches

from companion.engine.text import normalise

ALIASES = {
    "aide": "help",
    "aidez": "help",
    "h": "help",
    "annuler": "cancel",
    "annule": "cancel",
    "stop": "cancel",
    "arreter": "cancel",
    "arrete": "cancel",
    "quit": "cancel",
    "quitter": "cancel",
    "accueil": "menu",
    "home": "menu",
    "continuer": "reprendre",
    "continue": "resume",
    "answer": "reply",
    "securite": "plan",
    "safety": "plan",
    "safetyplan": "plan",
    "ask": "question",
    "data": "mesdonnees",
    "donnees": "mesdonnees",
    "parametres": "reglages",
}
"""Other names people type for a command, mapped to the name the engine handles."""

KNOWN = ("start", "help", "menu", "cancel", "reprendre", "resume", "mesdonnees", "mydata", "note", "reglages",
         "settings", "oubli", "forget", "question", "repondre", "reply", "rappels", "reminders", "personnage",
         "character", "mission", "famille", "family", "journal", "moi", "me", "plan")
"""Every command the engine handles by its own name."""

CUTOFF = 0.75
"""How close a typed command must be to a known one to be taken for it (difflib's ratio)."""

PHRASES = {
    "reply": ("aide moi a repondre", "aidez moi a repondre", "m aider a repondre", "help me reply",
              "help me answer", "help me respond", "repondre a un message", "reply to a message"),
    "note": ("ecrire dans mon journal", "write in my journal"),
    "plan": ("plan de securite", "mon plan de securite", "safety plan", "my safety plan"),
    "help": ("qu est ce que tu sais faire", "que sais tu faire", "what can you do"),
}
"""Short lines that ask for a command in words; matched whole, or closely (a typo, a missing word)."""

PHRASE_MAX = 48
"""Longer lines are messages, not requests for a command."""


def resolve(typed: str) -> str | None:
    """The command meant by ``typed`` (without its slash): itself, an alias, or the closest name; None if none."""
    name = normalise(typed).replace(" ", "").replace("_", "")
    if name in KNOWN:
        return name
    if name in ALIASES:
        return ALIASES[name]
    # A typo keeps the first letter ("repondr", "anuler"); "inconnue" is not "continue".
    names = [known for known in list(KNOWN) + list(ALIASES) if name and known[0] == name[0]]
    close = get_close_matches(name, names, n=1, cutoff=CUTOFF)
    if not close:
        return None
    return ALIASES.get(close[0], close[0])


def phrase_command(text: str, labels: dict[str, str] | None = None) -> str | None:
    """The command a short line of text asks for ("aide moi a repondre"), or None.

    ``labels`` maps a command to its menu label in the user's language: typing a label also asks for it.
    """
    said = normalise(text).strip(" ?!.…")
    if not said or len(said) > PHRASE_MAX:
        return None
    candidates = [(command, phrase) for command, phrases in PHRASES.items() for phrase in phrases]
    candidates += [(command, normalise(label).replace("-", " ")) for command, label in (labels or {}).items()]
    said = said.replace("-", " ")
    best, score = None, 0.0
    for command, phrase in candidates:
        ratio = SequenceMatcher(None, said, phrase).ratio()
        if ratio > score:
            best, score = command, ratio
    return best if score >= 0.85 else None
