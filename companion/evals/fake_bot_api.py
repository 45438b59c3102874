"""Fake Telegram Bot API server for end-to-end tests.

The server speaks the real Bot API wire protocol over HTTP (aiohttp), so the real
python-telegram-bot stack (``Bot``, ``Application``, polling, rate limiter...) can be
pointed at it with ``base_url`` / ``base_file_url``::

    async with FakeBotApi() as api:          # or: with FakeBotApi.run_in_thread() as api:
        bot = telegram.Bot(api.token, base_url=api.base_url, base_file_url=api.base_file_url)
        api.inject_message(user_id=42, text="/start")

Besides the ``/bot<TOKEN>/<method>`` routes, test-control endpoints live under
``/_test/`` (inject user messages, edits and button presses, inspect recorded calls,
inject failures); :class:`FakeBotApiClient` is a small synchronous client for them.

Realism notes: HTML / MarkdownV2 / Markdown texts are parsed into plain text plus
entities (with Telegram's error messages on malformed markup), inline keyboards are
validated, "message is not modified" is reported, getUpdates does real long polling
with offset confirmation and "terminated by other getUpdates request" conflicts.
Message texts are never logged.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import copy
import html
import itertools
import json
import logging
import re
import secrets
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from aiohttp import BodyPartReader, web

log = logging.getLogger(__name__)

JSON = dict[str, Any]

DEFAULT_TOKEN = "123456:TEST"
DEFAULT_USERNAME = "compagnon_test_bot"
SENT_METHODS = ("sendMessage", "editMessageText", "editMessageCaption", "sendPhoto", "sendDocument")
_STATUS_TEXT = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
# Parameters that are plain strings on the wire and must never be JSON-decoded.
_STRING_PARAMS = frozenset((
    "text", "caption", "parse_mode", "url", "secret_token", "callback_query_id", "language_code", "action",
    "title", "description", "short_description", "name", "inline_message_id", "business_connection_id",
    "message_effect_id", "query", "ip_address", "emoji", "file_id", "first_name", "last_name",
))
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a content and reply markup of the current message"
)
_CHAT_ACTIONS = frozenset((
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
))
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_BOT_COMMAND_RE = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?")


class ApiError(Exception):
    """A Bot API error answer (``ok: false``)."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        """Return the JSON body Telegram would send."""
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def _json_response(body: Any, status: int = 200) -> web.Response:
    return web.Response(
        text=json.dumps(body, ensure_ascii=False), status=status, content_type="application/json"
    )


def _u16(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (Telegram's entity unit)."""
    return len(text.encode("utf-16-le")) // 2


def _reject_constant(value: str) -> Any:
    raise ValueError(value)


def _decode_value(key: str, value: str) -> Any:
    """Decode one form/query value the way the Bot API does (JSON unless plain string)."""
    if key in _STRING_PARAMS:
        return value
    try:
        return json.loads(value, parse_constant=_reject_constant)
    except ValueError:
        return value


@dataclass
class Failure:
    """A pending injected failure for a method."""

    status: int
    count: int
    mode: str = "error"
    retry_after: int | None = None
    delay: float = 5.0
    description: str | None = None


@dataclass
class StoredFile:
    """A file known to the fake server (uploaded by the bot or attached to a user message)."""

    file_id: str
    file_unique_id: str
    file_name: str | None
    content_type: str | None
    data: bytes

    def descriptor(self) -> JSON:
        """JSON description (no bytes) used in recorded call params."""
        return {"file_id": self.file_id, "file_name": self.file_name, "size": len(self.data),
                "content_type": self.content_type}


# ---------------------------------------------------------------------------------------------
# Formatting (parse_mode) -> plain text + entities


class _ParseError(Exception):
    pass


_HTML_TAG_RE = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*/?>"
)
_HTML_ATTR_RE = re.compile(r"([a-zA-Z_:-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?")
_HTML_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_HTML_TAGS = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "span": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}


def _parse_html(text: str) -> tuple[str, list[JSON]]:
    out: list[str] = []
    pos = 0  # UTF-16 offset in the output
    stack: list[tuple[str, JSON]] = []  # (tag, entity under construction)
    entities: list[JSON] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "<":
            byte = len(text[:i].encode())
            m = _HTML_TAG_RE.match(text, i)
            if m is None:
                name = re.match(r"</?([^\s>]*)", text[i:])
                raise _ParseError(
                    f'Unsupported start tag "{name.group(1) if name else ""}" at byte offset {byte}'
                )
            closing, tag = m.group(1) == "/", m.group(2).lower()
            if closing:
                if not stack:
                    raise _ParseError(f"Unexpected end tag at byte offset {byte}")
                open_tag, entity = stack.pop()
                if open_tag != tag:
                    raise _ParseError(
                        f'Unmatched end tag at byte offset {byte}, expected "</{open_tag}>", '
                        f'found "</{tag}>"'
                    )
                entity["length"] = pos - entity["offset"]
                lang = entity.pop("_language", None)
                if tag == "code" and lang and stack and stack[-1][0] == "pre":
                    stack[-1][1]["language"] = lang
                elif entity["length"] > 0 and entity["type"]:
                    entities.append(entity)
            else:
                if tag not in _HTML_TAGS:
                    raise _ParseError(f'Unsupported start tag "{tag}" at byte offset {byte}')
                attrs = {
                    a.group(1).lower(): next((g for g in a.groups()[1:] if g is not None), "")
                    for a in _HTML_ATTR_RE.finditer(m.group(3))
                }
                entity = {"type": _HTML_TAGS[tag], "offset": pos}
                if tag == "span" and attrs.get("class") != "tg-spoiler":
                    raise _ParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {byte}')
                if tag == "a":
                    href = html.unescape(attrs.get("href", ""))
                    uid = re.fullmatch(r"tg://user\?id=(\d+)", href)
                    if uid:
                        entity.update(type="text_mention",
                                      user={"id": int(uid.group(1)), "is_bot": False, "first_name": ""})
                    elif href:
                        entity["url"] = href
                    else:
                        entity["type"] = ""
                elif tag == "code" and attrs.get("class", "").startswith("language-"):
                    entity["_language"] = attrs["class"][len("language-"):]
                elif tag == "blockquote" and "expandable" in attrs:
                    entity["type"] = "expandable_blockquote"
                elif tag == "tg-emoji":
                    entity["custom_emoji_id"] = attrs.get("emoji-id", "")
                stack.append((tag, entity))
            i = m.end()
            continue
        piece = ch
        if ch == "&":
            ent = _HTML_ENTITY_RE.match(text, i)
            if ent is not None and html.unescape(ent.group(0)) != ent.group(0):
                piece = html.unescape(ent.group(0))
                i = ent.end() - 1
        out.append(piece)
        pos += _u16(piece)
        i += 1
    if stack:
        raise _ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), sorted(entities, key=lambda e: (e["offset"], -e["length"]))


_MD_TYPES = {
    "*": "bold", "_": "italic", "__": "underline", "~": "strikethrough", "||": "spoiler",
    "`": "code", "```": "pre", "[": "text_link",
}
_MD_ERROR_NAMES = {
    "bold": "Bold", "italic": "Italic", "underline": "Underline", "strikethrough": "Strikethrough",
    "spoiler": "Spoiler", "code": "Code", "pre": "Pre", "text_link": "TextUrl",
}
_MD2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")


def _parse_markdown(text: str, v2: bool) -> tuple[str, list[JSON]]:
    out: list[str] = []
    pos = 0
    stack: list[tuple[str, JSON, int]] = []  # (marker, entity, byte offset of marker)
    entities: list[JSON] = []
    quote_start: int | None = None
    markers = ("||", "__", "*", "_", "~") if v2 else ("*", "_")
    i, n = 0, len(text)

    def emit(piece: str) -> None:
        nonlocal pos
        out.append(piece)
        pos += _u16(piece)

    def close(entity: JSON) -> None:
        entity["length"] = pos - entity["offset"]
        if entity["length"] > 0:
            entities.append(entity)

    while i < n:
        c = text[i]
        byte = len(text[:i].encode())
        top = stack[-1] if stack else None
        if c == "\\" and i + 1 < n and (ord(text[i + 1]) <= 126 if v2 else text[i + 1] in "_*`["):
            emit(text[i + 1])
            i += 2
            continue
        if top is not None and top[0] in ("`", "```"):
            if text.startswith(top[0], i):
                stack.pop()
                close(top[1])
                i += len(top[0])
            else:
                emit(c)
                i += 1
            continue
        if text.startswith("```", i):
            entity: JSON = {"type": "pre", "offset": pos}
            end = text.find("\n", i + 3)
            lang = text[i + 3:end] if end != -1 else ""
            if end != -1 and lang and not re.search(r"\s", lang):
                entity["language"] = lang
                i = end + 1
            else:
                i += 3
            stack.append(("```", entity, byte))
            continue
        if c == "`":
            stack.append(("`", {"type": "code", "offset": pos}, byte))
            i += 1
            continue
        marker = next((mk for mk in markers if text.startswith(mk, i)), None)
        if marker is not None:
            open_idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == marker), None)
            if open_idx is not None:
                close(stack.pop(open_idx)[1])
            else:
                stack.append((marker, {"type": _MD_TYPES[marker], "offset": pos}, byte))
            i += len(marker)
            continue
        if c == "[":
            stack.append(("[", {"type": "text_link", "offset": pos}, byte))
            i += 1
            continue
        if c == "]" and top is not None and top[0] == "[" and text.startswith("(", i + 1):
            end = i + 2
            url: list[str] = []
            while end < n and text[end] != ")":
                if text[end] == "\\" and end + 1 < n:
                    end += 1
                url.append(text[end])
                end += 1
            if end >= n:
                raise _ParseError(f"Can't find end of a URL at byte offset {byte}")
            stack.pop()
            top[1]["url"] = "".join(url)
            close(top[1])
            i = end + 1
            continue
        if v2 and c == ">" and (i == 0 or text[i - 1] == "\n"):
            if quote_start is None:
                quote_start = pos
            i += 1
            continue
        if v2 and c in _MD2_RESERVED:
            raise _ParseError(
                f"Character '{c}' is reserved and must be escaped with the preceding '\\'"
            )
        if c == "\n" and quote_start is not None and not text.startswith(">", i + 1):
            close({"type": "blockquote", "offset": quote_start})
            quote_start = None
        emit(c)
        i += 1
    if quote_start is not None:
        close({"type": "blockquote", "offset": quote_start})
    if stack:
        marker, entity, byte = stack[-1]
        if v2:
            raise _ParseError(
                f"Can't find end of {_MD_ERROR_NAMES[entity['type']]} entity at byte offset {byte}"
            )
        raise _ParseError(f"Can't find end of the entity starting at byte offset {byte}")
    return "".join(out), sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def format_text(
    text: str, parse_mode: str | None, entities: list[JSON] | None
) -> tuple[str, list[JSON]]:
    """Turn a (text, parse_mode, entities) triple into Telegram's (plain text, entities)."""
    if entities:
        return text, entities
    mode = (parse_mode or "").lower()
    try:
        if mode == "html":
            return _parse_html(text)
        if mode in ("markdownv2", "markdown"):
            return _parse_markdown(text, v2=mode == "markdownv2")
    except _ParseError as exc:
        raise _bad(f"can't parse entities: {exc}") from None
    if mode:
        raise _bad(f"unsupported parse_mode {parse_mode}")
    return text, []


def check_reply_markup(markup: Any) -> JSON | None:
    """Validate a reply_markup like Telegram; return it (decoded) or None."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise _bad("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise _bad("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays")
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not button.get("text"):
                raise _bad("can't parse inline keyboard button: Text must be non-empty")
            if len(button) == 1:
                raise _bad("can't parse inline keyboard button: "
                           "Text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise _bad("BUTTON_DATA_INVALID")
            copy = button.get("copy_text")
            if copy is not None and not (isinstance(copy, dict) and 1 <= len(str(copy.get("text", ""))) <= 256):
                raise _bad("COPY_TEXT_INVALID")
    return markup


# ---------------------------------------------------------------------------------------------
# The server


class FakeBotApi:
    """In-process fake of the Telegram Bot API (see module docstring)."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_username: str = DEFAULT_USERNAME,
        bot_first_name: str = "Compagnon",
        strict_chats: bool = False,
    ) -> None:
        """Configure the server; ``strict_chats`` makes unknown chat ids fail "chat not found"."""
        self.token = token
        self.host = host
        self.port = port
        self.strict_chats = strict_chats
        self.bot_user: JSON = {
            "id": int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 123456,
            "is_bot": True, "first_name": bot_first_name, "username": bot_username,
        }
        self._lock = threading.RLock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None
        self._update_event: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None
        self._closing = False
        # update ids and the poller generation survive reset(): a polling bot keeps its offset
        self._update_ids = itertools.count(100_000_001)
        self._poll_generation = 0
        self._methods: dict[str, tuple[str, Callable[..., Any]]] = {}
        for name in (
            "getMe", "getUpdates", "deleteWebhook", "setWebhook", "getWebhookInfo", "setMyCommands",
            "getMyCommands", "deleteMyCommands", "setChatMenuButton", "getChatMenuButton", "sendMessage",
            "editMessageText", "editMessageCaption", "editMessageReplyMarkup", "deleteMessage",
            "deleteMessages", "answerCallbackQuery", "sendChatAction", "sendPhoto", "sendDocument",
            "copyMessage", "setMessageReaction", "getChat", "getFile", "close", "logOut",
        ):
            self._methods[name.lower()] = (name, getattr(self, f"_m_{name}"))
        self._reset_state()

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """Value for PTB's ``base_url`` (PTB appends the token)."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for PTB's ``base_file_url``."""
        return f"http://{self.host}:{self.port}/file/bot"

    @property
    def root_url(self) -> str:
        """Root URL of the server (for :class:`FakeBotApiClient`)."""
        return f"http://{self.host}:{self.port}"

    def make_app(self) -> web.Application:
        """Build the aiohttp application with all routes."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", r"/bot{token:[^/]+}/{method:[^/]+}", self._handle_bot)
        app.router.add_get(r"/file/bot{token:[^/]+}/{path:.+}", self._handle_file)
        test = {
            "message": self._t_message, "edit": self._t_edit, "callback": self._t_callback,
            "update": self._t_update, "reset": self._t_reset, "fail": self._t_fail,
            "block": self._t_block,
        }
        for name, handler in test.items():
            app.router.add_post(f"/_test/{name}", self._wrap_test(handler))
        app.router.add_get("/_test/calls", self._wrap_test(self._t_calls))
        app.router.add_get("/_test/sent", self._wrap_test(self._t_sent))
        app.router.add_get("/_test/info", self._wrap_test(lambda _: self.info()))
        app.router.add_get(r"/_test/file/{file_id}", self._handle_test_file)
        return app

    async def start(self) -> None:
        """Start listening (binds a free port when ``port`` is 0)."""
        self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()
        self._update_event = asyncio.Event()
        self._closing = False
        self._runner = web.AppRunner(
            self.make_app(), handler_cancellation=True, shutdown_timeout=0.5, access_log=None
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        log.info("fake Bot API listening on %s", self.root_url)

    async def stop(self) -> None:
        """Stop the server, releasing pending long polls."""
        self._closing = True
        self._wake()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @classmethod
    @contextlib.contextmanager
    def run_in_thread(cls, **kwargs: Any) -> Iterator[FakeBotApi]:
        """Run a server in a background thread with its own event loop; yield it."""
        api = cls(**kwargs)
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="fake-bot-api", daemon=True)
        thread.start()
        try:
            asyncio.run_coroutine_threadsafe(api.start(), loop).result(10)
            yield api
        finally:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(api.stop(), loop).result(10)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
            loop.close()

    # -- state -----------------------------------------------------------------------------

    def _reset_state(self) -> None:
        with self._lock:
            self._updates: list[JSON] = []
            self._message_ids: dict[int, int] = {}
            self._messages: dict[tuple[int, int], JSON] = {}
            self._chats: dict[int, JSON] = {}
            self._users: dict[int, JSON] = {}
            self._calls: list[JSON] = []
            self._calls_by_chat: dict[str, list[JSON]] = {}  # the same calls, by str(chat_id), for sent()
            self._seq = itertools.count(1)
            self._callbacks: dict[str, JSON] = {}
            self._callback_ids = itertools.count(4_000_000_000_000_000_001)
            self._commands: dict[tuple[str, str], list[JSON]] = {}
            self._menu_buttons: dict[str, JSON] = {}
            self._webhook: JSON = {"url": ""}
            self._failures: dict[str, Failure] = {}
            self._files: dict[str, StoredFile] = {}
            self._blocked: set[int] = set()
            self._reactions: dict[tuple[int, int], Any] = {}

    def reset(self) -> None:
        """Forget every update, message, call, failure and setting (update ids keep growing)."""
        self._reset_state()
        self._wake()

    def _wake(self) -> None:
        """Wake long polls (thread-safe)."""
        if self._loop is None or self._loop.is_closed():
            return
        if threading.get_ident() != self._loop_thread:
            self._loop.call_soon_threadsafe(self._wake)
            return
        if self._update_event is not None:
            self._update_event.set()
            self._update_event = asyncio.Event()

    def _record(self, method: str, params: JSON, result: Any, error: ApiError | None = None,
                injected: str | None = None) -> JSON:
        with self._lock:
            call = {"seq": next(self._seq), "method": method, "params": copy.deepcopy(params),
                    "time": time.time(), "result": copy.deepcopy(result), "ok": error is None}
            if error is not None:
                call.update(error_code=error.code, description=error.description)
            if injected:
                call["injected"] = injected
            self._calls.append(call)
            if "chat_id" in params:
                self._calls_by_chat.setdefault(str(params["chat_id"]), []).append(call)
        log.debug("bot call #%d %s ok=%s", call["seq"], method, call["ok"])
        return call

    # -- Python API for tests --------------------------------------------------------------

    def info(self) -> JSON:
        """Small status summary (last_seq, pending updates, webhook)."""
        with self._lock:
            return {"last_seq": self._calls[-1]["seq"] if self._calls else 0,
                    "pending_updates": len(self._updates), "webhook_url": self._webhook["url"],
                    "token": self.token, "bot": dict(self.bot_user)}

    def last_seq(self) -> int:
        """Sequence number of the latest recorded call (0 if none)."""
        return int(self.info()["last_seq"])

    def calls(self, method: str | None = None, chat_id: int | str | None = None,
              since_seq: int = 0, exclude: tuple[str, ...] = ()) -> list[JSON]:
        """Recorded calls, filtered (method names are case-insensitive)."""
        excluded = {e.lower() for e in exclude}
        with self._lock:
            # A chat's own calls are indexed: a driver reading one user's messages among many stays cheap.
            pool = self._calls if chat_id is None else self._calls_by_chat.get(str(chat_id), [])
            return [
                copy.deepcopy(c) for c in pool
                if c["seq"] > since_seq
                and (method is None or c["method"].lower() == method.lower())
                and c["method"].lower() not in excluded
                and (chat_id is None or str(c["params"].get("chat_id")) == str(chat_id))
            ]

    def sent(self, chat_id: int | str, since_seq: int = 0) -> list[JSON]:
        """Messages the bot sent or edited in ``chat_id`` (successful calls only)."""
        result = []
        for call in self.calls(chat_id=chat_id, since_seq=since_seq):
            if call["method"] not in SENT_METHODS or not call["ok"]:
                continue
            msg = call["result"] if isinstance(call["result"], dict) else {}
            params = call["params"]
            result.append({
                "seq": call["seq"], "method": call["method"],
                "message_id": msg.get("message_id", params.get("message_id")),
                "text": msg.get("text", msg.get("caption")),
                "reply_markup": params.get("reply_markup", msg.get("reply_markup")),
                "parse_mode": params.get("parse_mode"),
            })
        return result

    def message(self, chat_id: int, message_id: int) -> JSON | None:
        """Current state of a stored message (user's or bot's), or None."""
        with self._lock:
            msg = self._messages.get((int(chat_id), int(message_id)))
            return copy.deepcopy(msg) if msg else None

    def file_bytes(self, file_id: str) -> bytes:
        """Bytes of a stored (uploaded) file."""
        with self._lock:
            return self._files[file_id].data

    def fail(self, method: str, status: int = 500, count: int = 1, mode: str = "error",
             retry_after: int | None = None, delay: float = 5.0,
             description: str | None = None) -> None:
        """Make the next ``count`` calls of ``method`` ("*" = any) fail.

        Modes: "error" (answer ``status``), "timeout" (hold ``delay`` s, then drop without
        executing), "slow" (hold ``delay`` s, then execute normally), "drop" (close the
        connection at once).
        """
        if mode not in ("error", "timeout", "slow", "drop"):
            raise ValueError(f"unknown failure mode {mode!r}")
        with self._lock:
            self._failures[method.lower()] = Failure(
                status=status, count=count, mode=mode, retry_after=retry_after, delay=delay,
                description=description)

    def block(self, user_id: int, blocked: bool = True) -> None:
        """Simulate a user blocking (or unblocking) the bot: sends get 403."""
        with self._lock:
            (self._blocked.add if blocked else self._blocked.discard)(int(user_id))

    def _user(self, user_id: int, first_name: str | None = None,
              language_code: str | None = None, username: str | None = None) -> JSON:
        with self._lock:
            user = self._users.setdefault(
                int(user_id), {"id": int(user_id), "is_bot": False, "first_name": "Test",
                               "language_code": "fr"})
            if first_name:
                user["first_name"] = first_name
            if language_code:
                user["language_code"] = language_code
            if username:
                user["username"] = username
            return dict(user)

    def _queue(self, update: JSON) -> int:
        with self._lock:
            if "update_id" not in update:
                update["update_id"] = next(self._update_ids)
            self._updates.append(update)
        self._wake()
        return int(update["update_id"])

    def _store_message(self, chat: JSON, sender: JSON | None, content: JSON) -> JSON:
        with self._lock:
            chat_id = int(chat["id"])
            message_id = self._message_ids.get(chat_id, 0) + 1
            self._message_ids[chat_id] = message_id
            msg: JSON = {"message_id": message_id, "date": int(time.time()), "chat": dict(chat)}
            if sender is not None:
                msg["from"] = dict(sender)
            msg.update({k: v for k, v in content.items() if v is not None})
            self._messages[(chat_id, message_id)] = msg
            return copy.deepcopy(msg)

    def _fake_file(self, name: str | None, data: bytes, content_type: str | None = None) -> StoredFile:
        stored = StoredFile(file_id="F" + secrets.token_hex(12), file_unique_id=secrets.token_hex(6),
                            file_name=name, content_type=content_type, data=data)
        with self._lock:
            self._files[stored.file_id] = stored
        return stored

    def inject_message(
        self, user_id: int, text: str | None = None, chat_id: int | None = None,
        chat_type: str = "private", first_name: str | None = None, language_code: str = "fr",
        forward_from_name: str | None = None, kind: str = "text",
        entities: list[JSON] | None = None, username: str | None = None,
        reply_to_message_id: int | None = None, chat_title: str | None = None,
        latitude: float = 48.8566, longitude: float = 2.3522,
        audio_b64: str | None = None, duration: int = 3,
    ) -> JSON:
        """Queue an Update carrying a user message; return ``{update_id, message_id}``.

        For ``voice``, ``audio`` and ``video_note``, ``audio_b64`` is the file the bot downloads (``getFile``, then
        the file URL) and ``duration`` the length Telegram announces, in seconds.
        """
        audio = base64.b64decode(audio_b64) if audio_b64 else b"OggS fake-voice"
        user = self._user(user_id, first_name, language_code, username)
        chat_id = int(user_id if chat_id is None else chat_id)
        if chat_type == "private":
            chat = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            if "username" in user:
                chat["username"] = user["username"]
        elif chat_type in ("group", "supergroup", "channel"):
            chat = {"id": chat_id, "type": chat_type, "title": chat_title or f"Test {chat_type}"}
        else:
            raise ValueError(f"unknown chat_type {chat_type!r}")
        with self._lock:
            self._chats[chat_id] = chat
        content: JSON = {}
        if kind == "text":
            text = text or ""
            content["text"] = text
            content["entities"] = entities if entities is not None else [
                {"type": "bot_command", "offset": _u16(text[:m.start()]), "length": _u16(m.group())}
                for m in _BOT_COMMAND_RE.finditer(text)] or None
        elif kind == "sticker":
            f = self._fake_file(None, b"fake-sticker", "image/webp")
            content["sticker"] = {"file_id": f.file_id, "file_unique_id": f.file_unique_id,
                                  "type": "regular", "width": 512, "height": 512,
                                  "is_animated": False, "is_video": False, "emoji": text or "🙂"}
        elif kind == "photo":
            f = self._fake_file("photo.jpg", b"\xff\xd8\xff fake-jpeg", "image/jpeg")
            content["photo"] = [{"file_id": f.file_id, "file_unique_id": f.file_unique_id,
                                 "width": 800, "height": 600, "file_size": len(f.data)}]
        elif kind == "voice":
            f = self._fake_file("voice.ogg", audio, "audio/ogg")
            content["voice"] = {"file_id": f.file_id, "file_unique_id": f.file_unique_id,
                                "duration": duration, "mime_type": "audio/ogg", "file_size": len(f.data)}
        elif kind == "audio":
            f = self._fake_file("song.mp3", audio, "audio/mpeg")
            content["audio"] = {"file_id": f.file_id, "file_unique_id": f.file_unique_id, "duration": duration,
                                "file_name": "song.mp3", "mime_type": "audio/mpeg", "file_size": len(f.data)}
        elif kind == "video_note":
            f = self._fake_file(None, audio, "video/mp4")
            content["video_note"] = {"file_id": f.file_id, "file_unique_id": f.file_unique_id, "length": 240,
                                     "duration": duration, "file_size": len(f.data)}
        elif kind == "document":
            f = self._fake_file("document.pdf", b"%PDF-1.4 fake", "application/pdf")
            content["document"] = {"file_id": f.file_id, "file_unique_id": f.file_unique_id,
                                   "file_name": "document.pdf", "mime_type": "application/pdf",
                                   "file_size": len(f.data)}
        elif kind == "location":
            content["location"] = {"latitude": latitude, "longitude": longitude}
        else:
            raise ValueError(f"unknown kind {kind!r}")
        if kind in ("photo", "document") and text:
            content["caption"] = text
            content["caption_entities"] = entities
        if forward_from_name:
            content["forward_origin"] = {"type": "hidden_user", "sender_user_name": forward_from_name,
                                         "date": int(time.time()) - 60}
        if reply_to_message_id is not None:
            content["reply_to_message"] = self.message(chat_id, reply_to_message_id)
        if chat_type == "channel":
            content["sender_chat"] = chat
            msg = self._store_message(chat, None, content)
            update_id = self._queue({"channel_post": msg})
        else:
            msg = self._store_message(chat, user, content)
            update_id = self._queue({"message": msg})
        return {"update_id": update_id, "message_id": msg["message_id"]}

    def inject_edit(self, user_id: int, message_id: int, text: str,
                    chat_id: int | None = None) -> JSON:
        """Queue an ``edited_message`` update for an earlier user message."""
        chat_id = int(user_id if chat_id is None else chat_id)
        with self._lock:
            msg = self._messages.get((chat_id, int(message_id)))
            if msg is None:
                raise KeyError(f"no message {message_id} in chat {chat_id}")
            msg.update(text=text, edit_date=int(time.time()))
            msg.pop("entities", None)
            msg = copy.deepcopy(msg)
        key = "edited_channel_post" if msg["chat"]["type"] == "channel" else "edited_message"
        return {"update_id": self._queue({key: msg}), "message_id": int(message_id)}

    def inject_callback(self, user_id: int, message_id: int, data: str,
                        chat_id: int | None = None) -> JSON:
        """Queue a ``callback_query`` update for a button of a bot message."""
        chat_id = int(user_id if chat_id is None else chat_id)
        user = self._user(user_id)
        with self._lock:
            msg = self._messages.get((chat_id, int(message_id)))
            if msg is None or msg.get("from", {}).get("id") != self.bot_user["id"]:
                raise KeyError(f"no bot message {message_id} in chat {chat_id}")
            cq_id = str(next(self._callback_ids))
            self._callbacks[cq_id] = {"answered": False, "chat_id": chat_id,
                                      "message_id": int(message_id), "data": data}
            query = {"id": cq_id, "from": user, "message": copy.deepcopy(msg),
                     "chat_instance": str(abs(hash(("chat", chat_id))) % 10**18), "data": data}
        return {"update_id": self._queue({"callback_query": query}), "callback_query_id": cq_id}

    def inject_update(self, update: JSON) -> int:
        """Queue a raw Update dict (``update_id`` assigned if missing)."""
        return self._queue(copy.deepcopy(update))

    def pop_updates(self) -> list[JSON]:
        """Take every queued update out of the queue (webhook mode: the test posts them to the bot itself)."""
        with self._lock:
            taken, self._updates = self._updates, []
        return taken

    async def wait_for_sent(self, chat_id: int | str, since_seq: int = 0, count: int = 1,
                            timeout: float = 10.0,
                            predicate: Callable[[JSON], bool] | None = None) -> list[JSON]:
        """Async: wait until ``count`` matching messages were sent to ``chat_id``."""
        deadline = time.monotonic() + timeout
        while True:
            got = [m for m in self.sent(chat_id, since_seq) if predicate is None or predicate(m)]
            if len(got) >= count:
                return got
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} message(s) to {chat_id}, got {got!r}")
            await asyncio.sleep(0.01)

    async def wait_for_calls(self, method: str, since_seq: int = 0, count: int = 1,
                             timeout: float = 10.0, chat_id: int | str | None = None) -> list[JSON]:
        """Async: wait until ``count`` calls of ``method`` were recorded."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.calls(method, chat_id=chat_id, since_seq=since_seq)
            if len(got) >= count:
                return got
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} {method} call(s), got {got!r}")
            await asyncio.sleep(0.01)

    # -- HTTP plumbing ---------------------------------------------------------------------

    async def _read_params(self, request: web.Request) -> tuple[JSON, dict[str, StoredFile]]:
        params: JSON = {k: _decode_value(k, v) for k, v in request.query.items()}
        uploads: dict[str, StoredFile] = {}
        ctype = request.content_type
        if request.method != "POST" or not request.body_exists:
            return params, uploads
        if ctype == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise _bad("JSON object expected")
            for key, value in body.items():
                is_json_str = isinstance(value, str) and value[:1] in ("{", "[")
                params[key] = _decode_value(key, value) if is_json_str else value
        elif ctype == "multipart/form-data":
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader) or part.name is None:
                    continue
                if part.filename is not None:
                    data = await part.read(decode=False)
                    uploads[part.name] = self._fake_file(
                        part.filename, bytes(data), part.headers.get("Content-Type"))
                else:
                    params[part.name] = _decode_value(part.name, await part.text())
        else:
            form = await request.post()
            params.update({k: _decode_value(k, v) for k, v in form.items() if isinstance(v, str)})
        return params, uploads

    async def _handle_bot(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return _json_response(ApiError(401, "Unauthorized").payload(), 401)
        entry = self._methods.get(request.match_info["method"].lower())
        if entry is None:
            return _json_response(ApiError(404, "Not Found").payload(), 404)
        name, handler = entry
        try:
            params, uploads = await self._read_params(request)
        except (ValueError, ApiError) as exc:
            err = exc if isinstance(exc, ApiError) else _bad(f"can't parse request: {exc}")
            return _json_response(err.payload(), err.code)
        for key, stored in uploads.items():
            params[key] = stored.descriptor()
        with self._lock:
            failure = self._failures.get(name.lower()) or self._failures.get("*")
            if failure is not None:
                failure.count -= 1
                if failure.count <= 0:
                    self._failures = {k: v for k, v in self._failures.items() if v is not failure}
        if failure is not None:
            if failure.mode in ("timeout", "drop"):
                self._record(name, params, None, ApiError(0, failure.mode), injected=failure.mode)
                if failure.mode == "timeout":
                    await asyncio.sleep(failure.delay)
                if request.transport is not None:
                    request.transport.close()
                raise asyncio.CancelledError
            if failure.mode == "slow":
                await asyncio.sleep(failure.delay)
            else:
                err = ApiError(failure.status, failure.description
                               or _STATUS_TEXT.get(failure.status, "Error"))
                if failure.status == 429:
                    retry = failure.retry_after if failure.retry_after is not None else 1
                    err = ApiError(429, failure.description or f"Too Many Requests: retry after {retry}",
                                   {"retry_after": retry})
                self._record(name, params, None, err, injected="error")
                return _json_response(err.payload(), err.code)
        try:
            result = handler(params, uploads)
            if asyncio.iscoroutine(result):
                result = await result
        except (ValueError, TypeError, AttributeError) as exc:  # malformed parameter types
            log.warning("bot call %s: invalid parameters (%s)", name, type(exc).__name__)
            err = _bad(f"invalid parameters for {name}")
            self._record(name, params, None, err)
            return _json_response(err.payload(), err.code)
        except ApiError as err:
            self._record(name, params, None, err)
            return _json_response(err.payload(), err.code)
        self._record(name, params, result)
        return _json_response({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        with self._lock:
            stored = self._files.get(file_id)
        if stored is None:
            return web.Response(status=404)
        return web.Response(body=stored.data,
                            content_type=stored.content_type or "application/octet-stream")

    async def _handle_test_file(self, request: web.Request) -> web.Response:
        with self._lock:
            stored = self._files.get(request.match_info["file_id"])
        return web.Response(status=404) if stored is None else web.Response(body=stored.data)

    def _wrap_test(self, fn: Callable[[JSON], Any]) -> Callable[[web.Request], Any]:
        async def handler(request: web.Request) -> web.Response:
            try:
                if request.method == "POST":
                    body = await request.json() if request.body_exists else {}
                else:
                    body = dict(request.query)
                return _json_response(fn(body))
            except KeyError as exc:
                return _json_response({"error": f"not found: {exc}"}, 404)
            except (TypeError, ValueError) as exc:
                return _json_response({"error": str(exc)}, 400)
        return handler

    # -- test-control endpoints ------------------------------------------------------------

    def _t_message(self, body: JSON) -> JSON:
        return self.inject_message(**body)

    def _t_edit(self, body: JSON) -> JSON:
        return self.inject_edit(**body)

    def _t_callback(self, body: JSON) -> JSON:
        return self.inject_callback(**body)

    def _t_update(self, body: JSON) -> JSON:
        return {"update_id": self.inject_update(body)}

    def _t_reset(self, body: JSON) -> JSON:
        self.reset()
        return {"ok": True}

    def _t_fail(self, body: JSON) -> JSON:
        self.fail(**body)
        return {"ok": True}

    def _t_block(self, body: JSON) -> JSON:
        self.block(int(body["user_id"]), bool(body.get("blocked", True)))
        return {"ok": True}

    def _t_calls(self, q: JSON) -> list[JSON]:
        exclude = tuple(x for x in q.get("exclude", "").split(",") if x)
        return self.calls(q.get("method") or None, q.get("chat_id") or None,
                          int(q.get("since_seq") or 0), exclude)

    def _t_sent(self, q: JSON) -> list[JSON]:
        return self.sent(q["chat_id"], int(q.get("since_seq") or 0))

    # -- Bot API methods -------------------------------------------------------------------

    def _chat(self, chat_id: Any, sending: bool = False) -> JSON:
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        with self._lock:
            if isinstance(chat_id, str) and chat_id.startswith("@"):
                chat = next((c for c in self._chats.values()
                             if c.get("username", "").lower() == chat_id[1:].lower()), None)
                if chat is None:
                    raise _bad("chat not found")
                return dict(chat)
            try:
                cid = int(chat_id)
            except (TypeError, ValueError):
                raise _bad("chat not found") from None
            if sending and cid in self._blocked:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            chat = self._chats.get(cid)
            if chat is None:
                if self.strict_chats:
                    raise _bad("chat not found")
                chat = ({"id": cid, "type": "private", "first_name": "Test"} if cid > 0 else
                        {"id": cid, "type": "supergroup" if str(cid).startswith("-100") else "group",
                         "title": f"Chat {cid}"})
                self._chats[cid] = chat
            return dict(chat)

    def _get_message(self, params: JSON, what: str) -> JSON:
        chat = self._chat(params.get("chat_id"))
        msg = self._messages.get((int(chat["id"]), int(params.get("message_id") or 0)))
        if msg is None:
            raise _bad(f"message to {what} not found")
        return msg

    def _reply_to(self, chat: JSON, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters") or (
            {"message_id": params["reply_to_message_id"]} if params.get("reply_to_message_id") else None)
        if not reply:
            return None
        msg = self.message(int(reply.get("chat_id", chat["id"])), int(reply["message_id"]))
        if msg is None and not (reply.get("allow_sending_without_reply")
                                or params.get("allow_sending_without_reply")):
            raise _bad("message to be replied not found")
        if msg is not None:
            msg.pop("reply_to_message", None)
        return msg

    def _text_content(self, params: JSON, key: str, limit: int) -> JSON:
        raw = params.get(key)
        if raw is None or raw == "":
            if key == "text":
                raise _bad("message text is empty")
            return {}
        ent_key = "entities" if key == "text" else "caption_entities"
        text, entities = format_text(str(raw), params.get("parse_mode"), params.get(ent_key))
        if not text.strip():
            raise _bad("message text is empty" if key == "text" else "message caption is empty")
        if len(text) > limit:
            raise _bad("message is too long" if key == "text" else "message caption is too long")
        return {key: text, ent_key: entities or None}

    def _send(self, params: JSON, content: JSON) -> JSON:
        chat = self._chat(params.get("chat_id"), sending=True)
        markup = check_reply_markup(params.get("reply_markup"))
        content = dict(content)
        content["reply_to_message"] = self._reply_to(chat, params)
        if markup and "inline_keyboard" in markup:
            content["reply_markup"] = markup
        if params.get("link_preview_options"):
            content["link_preview_options"] = params["link_preview_options"]
        return self._store_message(chat, self._bot_sender(), content)

    def _bot_sender(self) -> JSON:
        return {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}

    def _media(self, params: JSON, uploads: dict[str, StoredFile], key: str) -> StoredFile:
        value = params.get(key)
        if isinstance(value, str) and value.startswith("attach://"):
            value = uploads.get(value[len("attach://"):])
        elif key in uploads:
            value = uploads[key]
        if isinstance(value, StoredFile):
            return value
        if isinstance(value, str) and value:
            with self._lock:
                if value in self._files:
                    return self._files[value]
            if value.startswith(("http://", "https://")):
                return self._fake_file(value.rsplit("/", 1)[-1], b"", None)
            raise _bad("wrong file identifier/HTTP URL specified")
        raise _bad(f"there is no {key} in the request")

    def _m_getMe(self, p: JSON, u: Any) -> JSON:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False, "can_connect_to_business": False,
                "has_main_web_app": False}

    async def _m_getUpdates(self, p: JSON, u: Any) -> list[JSON]:
        if self._webhook["url"]:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset = int(p.get("offset") or 0)
        limit = min(max(int(p.get("limit") or 100), 1), 100)
        timeout = max(float(p.get("timeout") or 0), 0.0)
        allowed = p.get("allowed_updates") or None
        with self._lock:
            self._poll_generation += 1
            generation = self._poll_generation
        self._wake()  # terminates an older concurrent long poll
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if offset > 0:
                    self._updates = [x for x in self._updates if x["update_id"] >= offset]
                    batch = self._updates[:limit]
                else:
                    batch = self._updates[offset:][:limit] if offset < 0 else self._updates[:limit]
                if allowed:
                    batch = [x for x in batch if any(k in x for k in allowed)]
                current = self._poll_generation
            if batch or self._closing:
                return copy.deepcopy(batch)
            if current != generation:
                raise ApiError(409, "Conflict: terminated by other getUpdates request; make sure "
                                    "that only one bot instance is running")
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._update_event is None:
                return []
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._update_event.wait(), remaining)

    def _m_deleteWebhook(self, p: JSON, u: Any) -> bool:
        with self._lock:
            self._webhook = {"url": ""}
            if p.get("drop_pending_updates"):
                self._updates.clear()
        return True

    def _m_setWebhook(self, p: JSON, u: Any) -> bool:
        url = str(p.get("url") or "")
        if url and not url.startswith("https://"):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        with self._lock:
            self._webhook = {"url": url, "allowed_updates": p.get("allowed_updates"),
                             "max_connections": p.get("max_connections", 40)}
            if p.get("drop_pending_updates"):
                self._updates.clear()
        return True

    def _m_getWebhookInfo(self, p: JSON, u: Any) -> JSON:
        with self._lock:
            info = {"url": self._webhook["url"], "has_custom_certificate": False,
                    "pending_update_count": len(self._updates)}
            if self._webhook["url"]:
                info["max_connections"] = self._webhook["max_connections"]
                if self._webhook["allowed_updates"]:
                    info["allowed_updates"] = self._webhook["allowed_updates"]
        return info

    @staticmethod
    def _commands_key(p: JSON) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(p.get("language_code") or "")

    def _m_setMyCommands(self, p: JSON, u: Any) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad("commands must be an array of at most 100 BotCommand")
        for cmd in commands:
            if not _COMMAND_RE.match(str(cmd.get("command", ""))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(cmd.get("description", ""))) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        with self._lock:
            self._commands[self._commands_key(p)] = [
                {"command": c["command"], "description": c["description"]} for c in commands]
        return True

    def _m_getMyCommands(self, p: JSON, u: Any) -> list[JSON]:
        with self._lock:
            return copy.deepcopy(self._commands.get(self._commands_key(p), []))

    def _m_deleteMyCommands(self, p: JSON, u: Any) -> bool:
        with self._lock:
            self._commands.pop(self._commands_key(p), None)
        return True

    def _m_setChatMenuButton(self, p: JSON, u: Any) -> bool:
        with self._lock:
            self._menu_buttons[str(p.get("chat_id", ""))] = p.get("menu_button") or {"type": "default"}
        return True

    def _m_getChatMenuButton(self, p: JSON, u: Any) -> JSON:
        with self._lock:
            return copy.deepcopy(self._menu_buttons.get(str(p.get("chat_id", "")),
                                                        {"type": "default"}))

    def _m_sendMessage(self, p: JSON, u: Any) -> JSON:
        return self._send(p, self._text_content(p, "text", 4096))

    def _m_sendPhoto(self, p: JSON, u: dict[str, StoredFile]) -> JSON:
        f = self._media(p, u, "photo")
        sizes = [{"file_id": f.file_id, "file_unique_id": f.file_unique_id, "width": 320,
                  "height": 240, "file_size": len(f.data)}]
        return self._send(p, {"photo": sizes, **self._text_content(p, "caption", 1024)})

    def _m_sendDocument(self, p: JSON, u: dict[str, StoredFile]) -> JSON:
        f = self._media(p, u, "document")
        doc = {"file_id": f.file_id, "file_unique_id": f.file_unique_id, "file_name": f.file_name,
               "mime_type": f.content_type, "file_size": len(f.data)}
        return self._send(p, {"document": {k: v for k, v in doc.items() if v is not None},
                              **self._text_content(p, "caption", 1024)})

    def _edit(self, p: JSON, what: str, changes: JSON) -> JSON | bool:
        if p.get("inline_message_id"):
            return True
        with self._lock:
            msg = self._get_message(p, "edit")
            if msg.get("from", {}).get("id") != self.bot_user["id"]:
                raise _bad("message can't be edited")
            if what == "caption" and not any(k in msg for k in ("photo", "document")):
                raise _bad("there is no caption in the message to edit")
            if what == "text" and "text" not in msg:
                raise _bad("there is no text in the message to edit")
            markup = check_reply_markup(p.get("reply_markup"))
            changes["reply_markup"] = markup if markup and "inline_keyboard" in markup else None
            if all(msg.get(k) == v for k, v in changes.items()):
                raise _bad(_NOT_MODIFIED.removeprefix("Bad Request: "))
            for key, value in changes.items():
                if value is None:
                    msg.pop(key, None)
                else:
                    msg[key] = value
            msg["edit_date"] = int(time.time())
            return copy.deepcopy(msg)

    def _m_editMessageText(self, p: JSON, u: Any) -> JSON | bool:
        return self._edit(p, "text", self._text_content(p, "text", 4096))

    def _m_editMessageCaption(self, p: JSON, u: Any) -> JSON | bool:
        return self._edit(p, "caption", self._text_content(p, "caption", 1024)
                          or {"caption": None, "caption_entities": None})

    def _m_editMessageReplyMarkup(self, p: JSON, u: Any) -> JSON | bool:
        return self._edit(p, "markup", {})

    def _m_deleteMessage(self, p: JSON, u: Any) -> bool:
        with self._lock:
            msg = self._get_message(p, "delete")
            del self._messages[(int(msg["chat"]["id"]), int(msg["message_id"]))]
        return True

    def _m_deleteMessages(self, p: JSON, u: Any) -> bool:
        chat = self._chat(p.get("chat_id"))
        with self._lock:
            for mid in p.get("message_ids") or []:
                self._messages.pop((int(chat["id"]), int(mid)), None)
        return True

    def _m_answerCallbackQuery(self, p: JSON, u: Any) -> bool:
        with self._lock:
            cq = self._callbacks.get(str(p.get("callback_query_id")))
            if cq is None or cq["answered"]:
                raise _bad("query is too old and response timeout expired or query ID is invalid")
            if len(str(p.get("text") or "")) > 200:
                raise _bad("MESSAGE_TOO_LONG")
            cq.update(answered=True, text=p.get("text"), show_alert=bool(p.get("show_alert")))
        return True

    def _m_sendChatAction(self, p: JSON, u: Any) -> bool:
        self._chat(p.get("chat_id"), sending=True)
        if p.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True

    def _m_copyMessage(self, p: JSON, u: Any) -> JSON:
        source_chat = self._chat(p.get("from_chat_id"))
        src = self.message(int(source_chat["id"]), int(p.get("message_id") or 0))
        if src is None:
            raise _bad("message to copy not found")
        content = {k: v for k, v in src.items() if k in (
            "text", "entities", "photo", "document", "sticker", "voice", "location", "caption",
            "caption_entities")}
        if "caption" in p:
            content.pop("caption_entities", None)
            content.update(self._text_content(p, "caption", 1024) or {"caption": None})
        return {"message_id": self._send(p, content)["message_id"]}

    def _m_setMessageReaction(self, p: JSON, u: Any) -> bool:
        with self._lock:
            msg = self._get_message(p, "react")
            self._reactions[(int(msg["chat"]["id"]), int(msg["message_id"]))] = p.get("reaction")
        return True

    def _m_getChat(self, p: JSON, u: Any) -> JSON:
        chat = self._chat(p.get("chat_id"))
        return {**chat, "accent_color_id": 0, "max_reaction_count": 11,
                "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False,
                                        "unique_gifts": False, "premium_subscription": False,
                                        "gifts_from_channels": False}}

    def _m_getFile(self, p: JSON, u: Any) -> JSON:
        with self._lock:
            stored = self._files.get(str(p.get("file_id")))
        if stored is None:
            raise _bad("invalid file_id")
        return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.data), "file_path": f"files/{stored.file_id}"}

    def _m_close(self, p: JSON, u: Any) -> bool:
        return True

    def _m_logOut(self, p: JSON, u: Any) -> bool:
        return True


# ---------------------------------------------------------------------------------------------
# Synchronous client for the test-control endpoints


class FakeBotApiClient:
    """Tiny synchronous (httpx) client for a running :class:`FakeBotApi`.

    Do not use it from coroutines running on the server's own event loop (it blocks);
    use it with :meth:`FakeBotApi.run_in_thread` or a server in another process.
    """

    def __init__(self, base: str, timeout: float = 10.0) -> None:
        """``base`` is the server root, e.g. ``http://127.0.0.1:8081``."""
        self.base = base.rstrip("/")
        self._http = httpx.Client(base_url=self.base, timeout=timeout)

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._http.close()

    def __enter__(self) -> FakeBotApiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _post(self, path: str, body: JSON) -> Any:
        resp = self._http.post(f"/_test/{path}", json=body)
        if resp.status_code >= 400:
            raise AssertionError(f"/_test/{path} failed ({resp.status_code}): {resp.text}")
        return resp.json()

    def _get(self, path: str, **query: Any) -> Any:
        params = {k: v for k, v in query.items() if v is not None}
        resp = self._http.get(f"/_test/{path}", params=params)
        resp.raise_for_status()
        return resp.json()

    def send_text(self, user_id: int, text: str, **kw: Any) -> JSON:
        """Inject a user text message; returns ``{update_id, message_id}``."""
        return self._post("message", {"user_id": user_id, "text": text, **kw})

    def send(self, user_id: int, **kw: Any) -> JSON:
        """Inject any user message (``kind=``, ``forward_from_name=``...)."""
        return self._post("message", {"user_id": user_id, **kw})

    def edit(self, user_id: int, message_id: int, text: str, **kw: Any) -> JSON:
        """Inject an edit of an earlier user message."""
        return self._post("edit", {"user_id": user_id, "message_id": message_id, "text": text, **kw})

    def press(self, user_id: int, message_id: int, data: str, **kw: Any) -> JSON:
        """Inject a press on an inline button of a bot message."""
        return self._post("callback", {"user_id": user_id, "message_id": message_id, "data": data,
                                       **kw})

    def inject_update(self, update: JSON) -> int:
        """Queue a raw Update; returns its update_id."""
        return int(self._post("update", update)["update_id"])

    def fail(self, method: str, status: int = 500, count: int = 1, **kw: Any) -> None:
        """Inject failures (see :meth:`FakeBotApi.fail`)."""
        self._post("fail", {"method": method, "status": status, "count": count, **kw})

    def block(self, user_id: int, blocked: bool = True) -> None:
        """Simulate the user blocking the bot."""
        self._post("block", {"user_id": user_id, "blocked": blocked})

    def reset(self) -> None:
        """Clear all server state."""
        self._post("reset", {})

    def info(self) -> JSON:
        """Server status summary."""
        return dict(self._get("info"))

    def last_seq(self) -> int:
        """Sequence number of the latest recorded bot call."""
        return int(self.info()["last_seq"])

    def calls(self, method: str | None = None, chat_id: int | str | None = None,
              since_seq: int = 0, exclude: str | None = None) -> list[JSON]:
        """Recorded bot calls, filtered."""
        return list(self._get("calls", method=method, chat_id=chat_id, since_seq=since_seq,
                              exclude=exclude))

    def sent(self, chat_id: int | str, since_seq: int = 0) -> list[JSON]:
        """Messages sent/edited by the bot in ``chat_id`` after ``since_seq``."""
        return list(self._get("sent", chat_id=chat_id, since_seq=since_seq))

    def file_bytes(self, file_id: str) -> bytes:
        """Bytes of a file uploaded by the bot."""
        resp = self._http.get(f"/_test/file/{file_id}")
        resp.raise_for_status()
        return resp.content

    def wait_for_sent(self, chat_id: int | str, since_seq: int = 0, count: int = 1,
                      timeout: float = 10.0,
                      predicate: Callable[[JSON], bool] | None = None) -> list[JSON]:
        """Poll until ``count`` (matching) messages were sent to ``chat_id``; return them."""
        deadline = time.monotonic() + timeout
        while True:
            got = [m for m in self.sent(chat_id, since_seq) if predicate is None or predicate(m)]
            if len(got) >= count:
                return got
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"expected {count} message(s) to chat {chat_id} after seq {since_seq} "
                    f"within {timeout}s, got {len(got)}: {got!r}")
            time.sleep(0.02)

    def wait_for_calls(self, method: str, since_seq: int = 0, count: int = 1,
                       timeout: float = 10.0, chat_id: int | str | None = None) -> list[JSON]:
        """Poll until ``count`` calls of ``method`` were recorded; return them."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.calls(method, chat_id=chat_id, since_seq=since_seq)
            if len(got) >= count:
                return got
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} {method} call(s), got {got!r}")
            time.sleep(0.02)

    def wait_until_consumed(self, timeout: float = 10.0) -> None:
        """Poll until the bot fetched every queued update."""
        deadline = time.monotonic() + timeout
        while self.info()["pending_updates"]:
            if time.monotonic() > deadline:
                raise AssertionError("updates were not consumed by the bot")
            time.sleep(0.02)


@contextlib.asynccontextmanager
async def running(**kwargs: Any) -> AsyncIterator[FakeBotApi]:
    """``async with running() as api:`` — start a server on the current loop."""
    api = FakeBotApi(**kwargs)
    await api.start()
    try:
        yield api
    finally:
        await api.stop()


async def _serve(args: argparse.Namespace) -> None:
    api = FakeBotApi(token=args.token, host=args.host, port=args.port, bot_username=args.username)
    await api.start()
    print(f"Fake Telegram Bot API on {api.root_url}", flush=True)
    print(f"  base_url={api.base_url}  base_file_url={api.base_file_url}  token={api.token}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await api.stop()


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--username", default=DEFAULT_USERNAME)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
