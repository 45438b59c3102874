"""The main menu: a short list of what Compagnon can do, and "More…" for the rest."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from companion.engine.events import Choice, Reply
from companion.engine.i18n import Translator
from companion.engine.schedule import valid_timezone, zone

MENU_PREFIX = "menu"
MORE = "more"
"""The entry that opens the rest of the menu."""

# Menu entries in display order; each value has a label at "menu.<value>". Only entries whose flow
# is available are shown (the engine passes them). The first MAIN ones are in the short menu; the others,
# and "help", behind "More…".
DEFAULT_ENTRIES = ("note", "settings")
MAIN = ("reply", "ask", "personnage", "mission", "note")


def menu_reply(t: Translator, *, lead_key: str = "menu.prompt", can_resume: bool = False,
               entries: tuple[str, ...] = DEFAULT_ENTRIES, lead_values: Mapping[str, object] | None = None) -> Reply:
    """The short menu as one message with buttons: resume when something waits, the main entries, "More…";
    ``lead_values`` fill the lead line."""
    values = (["resume"] if can_resume else []) + [value for value in entries if value in MAIN] + [MORE]
    return Reply(t(lead_key, **(lead_values or {})),
                 tuple(Choice(t(f"menu.{value}"), f"{MENU_PREFIX}:{value}") for value in values))


def more_reply(t: Translator, *, entries: tuple[str, ...] = DEFAULT_ENTRIES) -> Reply:
    """The rest of the menu: every entry not in the short one, then "help"."""
    values = [value for value in entries if value not in MAIN] + ["help"]
    return Reply(t("menu.more_prompt"), tuple(Choice(t(f"menu.{value}"), f"{MENU_PREFIX}:{value}")
                                              for value in values))


OPENERS = 3
"""How many ways the welcome back is said; the day picks one."""


def opener(now: datetime, timezone: str) -> dict[str, object]:
    """The welcome back's values: evening or day where the user is, and one of the openers for this day."""
    local = now.astimezone(zone(timezone)) if valid_timezone(timezone) else now
    return {"moment": "evening" if local.hour >= 18 or local.hour < 5 else "day",
            "variant": local.date().toordinal() % OPENERS}
