"""The dialogue engine: pure Python, no Telegram, database, langchain or chroma code."""

from companion.engine.core import Engine, Result
from companion.engine.events import Choice, Event, EventKind, Image, Reply
from companion.engine.state import ConversationState, Profile

__all__ = [
    "Choice",
    "ConversationState",
    "Engine",
    "Event",
    "EventKind",
    "Image",
    "Profile",
    "Reply",
    "Result",
]
