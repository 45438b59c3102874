"""Settings (/reglages): language, *tu* or *vous* in French, and how words written in the user's name agree."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from companion.engine.effects import SetAgreement, SetFormal, SetLanguage
from companion.engine.events import Reply
from companion.engine.flows.base import END, Entered, Flow, Turn

SHOW = "show"
AGREEMENTS = ("fem", "masc", "neutral")


class SettingsFlow(Flow):
    """Show → change one thing → show again, until closed."""

    name = "set"
    initial = SHOW
    transitions = {
        (SHOW, "vous"): SHOW,
        (SHOW, "tu"): SHOW,
        (SHOW, "en"): SHOW,
        (SHOW, "fr"): SHOW,
        (SHOW, "close"): END,
        **{(SHOW, agreement): SHOW for agreement in AGREEMENTS},
    }

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Apply the change that led here, then show the settings."""
        if step == END:
            return Entered([])
        event = turn.event
        _, _, symbol = event.choice.partition(":")
        profile = turn.profile
        effects: list[object] = []
        lead: list[Reply] = []
        if event.choice.startswith(f"{self.name}:") and symbol in ("vous", "tu", "en", "fr", *AGREEMENTS):
            if symbol in AGREEMENTS:
                effects.append(SetAgreement(symbol))
                profile = replace(profile, agreement=symbol)
            elif symbol in ("vous", "tu"):
                effects.append(SetFormal(symbol == "vous"))
                profile = replace(profile, formal=symbol == "vous")
            else:
                effects.append(SetLanguage(symbol))
                profile = replace(profile, language=symbol)
            t = turn.t.catalog.bind(profile.language, profile.formal, profile.agreement)
            lead.append(Reply(t("settings.done")))
        else:
            t = turn.t
        choices = []
        if profile.language == "fr":
            key, value = ("settings.use_tu", "tu") if profile.formal else ("settings.use_vous", "vous")
            choices.append((key, value))
            current = profile.agreement or "neutral"
            choices += [(f"settings.agree_{a}", a) for a in AGREEMENTS if a != current]
            choices.append(("settings.to_english", "en"))
        else:
            choices.append(("settings.to_french", "fr"))
        choices.append(("settings.close", "close"))
        bound = Turn(profile, t, turn.now, turn.event)
        reply = Reply(t("settings.prompt"), tuple(self.choice(bound, k, v) for k, v in choices))
        return Entered(lead + [reply], effects)
