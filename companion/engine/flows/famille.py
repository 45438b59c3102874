"""« En famille » (/famille): a parent prepares a round-table talk about social networks and video games."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from companion.engine.effects import ScheduleFollowUp
from companion.engine.events import Reply
from companion.engine.flows.base import END, Entered, Turn
from companion.engine.reflect import INTRO, PAUSE, JourneyFlow, Question, question_rows

AGAIN = "again"
SCHEDULED = "scheduled"
FOLLOW_UP_DAYS = 30
QUESTIONS = (
    Question("likes", ("famille",)),  # the round-table question and its rule
    Question("dislikes", ("famille",)),
    Question("risky", ("famille",)),
    Question("games", ("famille",)),
    Question("example", ("famille",)),
    Question("debrief", ("famille",)),
)


class FamilleFlow(JourneyFlow):
    """Intro → six steps (round table, dislikes, risks, video games, example, debrief) → again in a month?"""

    name = "famille"
    kind = "famille"
    initial = INTRO
    questions = QUESTIONS
    terminal = frozenset({END, SCHEDULED})
    transitions = {
        **question_rows(QUESTIONS, AGAIN),
        (AGAIN, "yes"): SCHEDULED,
        (AGAIN, "no"): END,
        (AGAIN, "stop"): PAUSE,
    }

    def enter_finale(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Offer to do it again in a month; schedule it when wanted."""
        t = turn.t
        if step == AGAIN:
            return Entered([Reply(t("famille.again"), self.buttons(turn, ("again_yes", "yes"), ("again_no", "no")))])
        if step == SCHEDULED:
            due = turn.now + timedelta(days=FOLLOW_UP_DAYS)
            return Entered([Reply(t("famille.scheduled"))], [ScheduleFollowUp(due, "famille", {"lang": t.lang})])
        if step == END:
            return Entered([Reply(t("famille.done"))])
        return super().enter_finale(step, turn, data)
