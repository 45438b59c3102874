"""Logs never carry what users write: library loggers lose their arguments before any handler sees them.

python-telegram-bot logs whole requests and updates at DEBUG (``Calling Bot API endpoint … with parameters …``,
``Processing update …``, ``Webhook received data: …``) and even at CRITICAL when an update cannot be parsed;
httpx and tornado log URLs and bodies. Our own loggers (``companion.*``) never format user text, so only the
libraries' records are rewritten: their message keeps its wording, its ``%s`` placeholders become ``…``, and
their exception text is dropped (the exception type is kept) unless it is a network or Bot API error.
"""

from __future__ import annotations

import logging
import re

LIBRARIES = ("telegram", "httpx", "httpcore", "tornado", "hpack", "aiohttp", "urllib3", "asyncio")
_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[hlL]?[diouxXeEfFgGcrsa%]")


def _is_library(name: str) -> bool:
    return any(name == lib or name.startswith(lib + ".") for lib in LIBRARIES)


class WithholdLibraryArguments(logging.Filter):
    """Rewrite records of library loggers so that no argument (request body, update, text) is formatted."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep the record, without its arguments."""
        if not _is_library(record.name):
            return True
        if record.args:
            record.msg = _PLACEHOLDER.sub(lambda m: "%" if m.group() == "%%" else "…", str(record.msg))
            record.args = None
        if record.exc_info and record.exc_info[1] is not None and not _transport_error(record.exc_info[1]):
            error = record.exc_info[1]
            record.msg = f"{record.msg} ({type(error).__module__}.{type(error).__name__})"
            record.exc_info = None
            record.exc_text = None
        return True


def _transport_error(error: BaseException) -> bool:
    """Errors whose text is a status or a description from the server, never a message's content."""
    module = type(error).__module__
    return isinstance(error, OSError | TimeoutError) or module.startswith(("telegram.error", "httpx", "httpcore"))


def install(root: logging.Logger | None = None) -> None:
    """Put the filter on every handler of the root logger (records of child loggers pass through them)."""
    root = root or logging.getLogger()
    for handler in root.handlers:
        if not any(isinstance(f, WithholdLibraryArguments) for f in handler.filters):
            handler.addFilter(WithholdLibraryArguments())
