"""python-telegram-bot's HTTP transport over aiohttp, for the bot's own calls and the reminder dispatcher's.

PTB's default transport (httpx) spends about a millisecond of CPU on every Bot API call under concurrency (its
anyio locks and cancel scopes): in a py-spy profile of ``companion bench updates`` it held more of the GIL than
a whole turn of Compagnon's logic. With aiohttp the same bench went from 79–80 to 91–98 updates/s, alternating
with the httpx version in the same minutes.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


class AiohttpRequest(BaseRequest):
    """python-telegram-bot's request interface over one aiohttp session.

    ``timeout`` bounds a whole call; a call given its own ``read_timeout`` (PTB gives one to long-polling
    ``getUpdates``: the poll's duration plus this default) gets that bound instead.
    """

    def __init__(self, connections: int = 32, timeout: float = 20.0) -> None:
        self._connections = connections
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        """The default read timeout."""
        return self._timeout

    async def initialize(self) -> None:
        """Open the session."""
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._connections),
                timeout=aiohttp.ClientTimeout(total=self._timeout))

    async def shutdown(self) -> None:
        """Close the session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        """Send one Bot API request: a JSON body, or multipart form data when there are files."""
        if self._session is None:
            raise RuntimeError("AiohttpRequest is not initialized")
        data: Any = None
        headers: dict[str, str] | None = None
        if request_data is not None and request_data.contains_files:
            form = aiohttp.FormData()
            for key, value in request_data.json_parameters.items():
                form.add_field(key, value)
            for key, (filename, content, mimetype) in (request_data.multipart_data or {}).items():
                form.add_field(key, content, filename=filename, content_type=mimetype)
            data = form
        elif request_data is not None:
            # One JSON body, which the Bot API accepts: form fields JSON-encode each value, then percent-encode
            # it (a message with an 11-button keyboard: 89 µs to encode as a form, 12.5 µs as JSON).
            data = json.dumps(request_data.parameters, ensure_ascii=False, separators=(",", ":")).encode()
            headers = {"Content-Type": "application/json"}
        options: dict[str, Any] = {}
        if isinstance(read_timeout, int | float) and read_timeout > self._timeout:
            options["timeout"] = aiohttp.ClientTimeout(total=float(read_timeout))
        try:
            async with self._session.request(method, url, data=data, headers=headers, **options) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientConnectorError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}") from error
        except aiohttp.ClientError as error:
            # The request may have left: a timeout, which the dispatcher never repeats (it may have arrived).
            raise TimedOut(f"aiohttp.{type(error).__name__}") from error
