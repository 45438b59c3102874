"""The main menu: what Compagnon can do, as buttons."""

from __future__ import annotations

from companion.engine.events import Choice, Reply
from companion.engine.i18n import Translator

MENU_PREFIX = "menu"

# Menu entries in display order; each value has a label at "menu.<value>". Only entries whose flow
# is available are shown (the engine passes them); "help" is always there.
DEFAULT_ENTRIES = ("note", "settings")


def menu_reply(t: Translator, *, lead_key: str = "menu.prompt", can_resume: bool = False,
               entries: tuple[str, ...] = DEFAULT_ENTRIES) -> Reply:
    """The menu as one message with buttons."""
    values = (["resume"] if can_resume else []) + list(entries) + ["help"]
    choices = tuple(Choice(t(f"menu.{value}"), f"{MENU_PREFIX}:{value}") for value in values)
    return Reply(t(lead_key), choices)
