"""The main menu: what Compagnon can do, as buttons."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from companion.engine.events import Choice, Reply
from companion.engine.i18n import Translator
from companion.engine.schedule import valid_timezone, zone

MENU_PREFIX = "menu"

# Menu entries in display order; each value has a label at "menu.<value>". Only entries whose flow
# is available are shown (the engine passes them); "help" is always there.
DEFAULT_ENTRIES = ("note", "settings")


def menu_reply(t: Translator, *, lead_key: str = "menu.prompt", can_resume: bool = False,
               entries: tuple[str, ...] = DEFAULT_ENTRIES, lead_values: Mapping[str, object] | None = None) -> Reply:
    """The menu as one message with buttons; ``lead_values`` fill the lead line."""
    values = (["resume"] if can_resume else []) + list(entries) + ["help"]
    choices = tuple(Choice(t(f"menu.{value}"), f"{MENU_PREFIX}:{value}") for value in values)
    return Reply(t(lead_key, **(lead_values or {})), choices)


OPENERS = 3
"""How many ways the welcome back is said; the day picks one."""


def opener(now: datetime, timezone: str) -> dict[str, object]:
    """The welcome back's values: evening or day where the user is, and one of the openers for this day."""
    local = now.astimezone(zone(timezone)) if valid_timezone(timezone) else now
    return {"moment": "evening" if local.hour >= 18 or local.hour < 5 else "day",
            "variant": local.date().toordinal() % OPENERS}
