"""Onboarding on /start: who Compagnon is, privacy, age (15+) and consent."""

from __future__ import annotations

import re
from typing import Any

from companion.engine.effects import ForgetUser, GiveConsent
from companion.engine.events import Reply
from companion.engine.flows.base import Entered, Flow, Step, Turn
from companion.engine.state import ConversationState
from companion.engine.text import format_resources, normalise

WELCOME = "welcome"
PRIVACY = "privacy"
ACCEPTED = "accepted"
MINOR = "minor"
DECLINED = "declined"

_YES = re.compile(r"^(oui|ouais|ok|okay|d ?accord|j ?accepte|yes|yep|sure|i agree|agreed?)\b")
_NO = re.compile(r"^(non|nan|no|nope|non merci|no thanks)\b")
# An age needs its unit: a bare "1" is more likely a mistyped button than an age.
_AGE = re.compile(r"\b(\d{1,3})\s*(ans|an|yo|years?)\b")

# Resources given to someone under 15, from the one resources file.
YOUTH_RESOURCES = ("fil-sante-jeunes", "3018")


class OnboardingFlow(Flow):
    """Welcome → (privacy details) → accepted | minor | declined."""

    name = "onb"
    initial = WELCOME
    terminal = frozenset({ACCEPTED, MINOR, DECLINED})
    transitions = {
        (WELCOME, "accept"): ACCEPTED,
        (WELCOME, "under15"): MINOR,
        (WELCOME, "decline"): DECLINED,
        (WELCOME, "more"): PRIVACY,
        (PRIVACY, "accept"): ACCEPTED,
        (PRIVACY, "under15"): MINOR,
        (PRIVACY, "decline"): DECLINED,
    }

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Understand a typed yes, no or age."""
        text = normalise(turn.event.text)
        age = _AGE.search(text)
        if age and 0 < int(age.group(1)) < 15:
            return "under15"
        if _NO.match(text):
            return "decline"
        if _YES.match(text):
            return "accept"
        return "other"

    def _question(self, turn: Turn, *, with_more: bool) -> Reply:
        choices = [self.choice(turn, "onboarding.accept", "accept"),
                   self.choice(turn, "onboarding.under15", "under15")]
        if with_more:
            choices.append(self.choice(turn, "onboarding.more", "more"))
        choices.append(self.choice(turn, "onboarding.decline", "decline"))
        return Reply(turn.t("onboarding.privacy_short"), tuple(choices))

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Say what arriving at each step says."""
        t = turn.t
        if step == WELCOME:
            return Entered([Reply(t("onboarding.welcome")), self._question(turn, with_more=True)])
        if step == PRIVACY:
            return Entered([Reply(t("onboarding.privacy_long")), self._question(turn, with_more=False)])
        if step == ACCEPTED:
            return Entered([Reply(t("onboarding.done"))], [GiveConsent()])
        if step == MINOR:
            wanted = [r for r in turn.resources(t.lang, None) if r.id in YOUTH_RESOURCES]
            # Said in tu whatever the setting: the user is under 15.
            text = "\n".join([t("onboarding.minor"), format_resources(wanted, t.lang), t("onboarding.minor_end")])
            return Entered([Reply(text)], [ForgetUser()])
        if step == DECLINED:
            return Entered([Reply(t("onboarding.declined"))], [ForgetUser()])
        raise ValueError(f"unknown onboarding step {step!r}")

    def reprompt(self, step: str, turn: Turn, data: dict[str, Any], symbol: str) -> Step:
        """Gently re-ask: one nudge line and the question again (without repeating the welcome)."""
        replies = [Reply(turn.t("onboarding.nudge")), self._question(turn, with_more=step == WELCOME)]
        return Step(ConversationState(self.name, step, data), replies)
