"""A multi-select, paginated button picker (feelings, needs) that flows embed in one of their steps.

Buttons carry ``<flow>:pick:<id>`` (toggle) and ``<flow>:page:<n>`` (turn the page); a flow calls
``classify_pick`` first in its ``classify`` and maps the returned symbol ``pick`` to the same step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from companion.engine.events import Choice, EventKind, Reply
from companion.engine.flows.base import STALE, Turn

PICK = "pick"
PAGE_SIZE = 8
MAX_SELECTED = 12
CHECK = "✓ "


def classify_pick(flow_name: str, turn: Turn, data: dict[str, Any], key: str,
                  options: Sequence[str]) -> str | None:
    """Handle a picker button: toggle an id in ``data[key]`` or set ``data[key + '_page']``.

    Returns ``PICK`` when the press was the picker's, ``STALE`` for a picker button that is not valid
    here (an id or page that does not exist), None when the event is not a picker button.
    """
    event = turn.event
    if event.kind is not EventKind.CHOICE:
        return None
    flow, _, rest = event.choice.partition(":")
    action, _, arg = rest.partition(":")
    if flow != flow_name or action not in ("pick", "page"):
        return None
    if action == "page":
        if not arg.isdigit() or int(arg) * PAGE_SIZE >= max(len(options), 1):
            return STALE
        data[f"{key}_page"] = int(arg)
        return PICK
    if arg not in options:
        return STALE
    selected = list(data.get(key) or [])
    if arg in selected:
        selected.remove(arg)
    elif len(selected) < MAX_SELECTED:
        selected.append(arg)
    data[key] = selected
    return PICK


def add_typed(data: dict[str, Any], key: str, ids: Sequence[str]) -> None:
    """Add ids found in typed text to the selection (no duplicates, bounded)."""
    selected = list(data.get(key) or [])
    for term_id in ids:
        if term_id not in selected and len(selected) < MAX_SELECTED:
            selected.append(term_id)
    data[key] = selected


def picker_reply(turn: Turn, flow_name: str, text: str, options: Sequence[tuple[str, str]],
                 data: dict[str, Any], key: str, actions: Sequence[Choice]) -> Reply:
    """The step's message with one page of options (ticked when selected), page buttons and ``actions``."""
    selected = set(data.get(key) or [])
    page = int(data.get(f"{key}_page") or 0)
    pages = max(1, -(-len(options) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    shown = options[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
    choices = [Choice((CHECK if term_id in selected else "") + label, f"{flow_name}:pick:{term_id}")
               for term_id, label in shown]
    if page > 0:
        choices.append(Choice(turn.t("picker.previous"), f"{flow_name}:page:{page - 1}"))
    if page < pages - 1:
        choices.append(Choice(turn.t("picker.next", page=page + 2, pages=pages), f"{flow_name}:page:{page + 1}"))
    return Reply(text, tuple(choices) + tuple(actions), columns=2)
