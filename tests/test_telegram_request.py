"""The aiohttp transport of python-telegram-bot: answers, errors mapped as PTB's, per-call read timeouts."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest
from aiohttp import web
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from companion.channels.telegram.request import AiohttpRequest


async def _server(delay: float) -> tuple[web.AppRunner, str]:
    async def answer(request: web.Request) -> web.Response:
        await asyncio.sleep(delay)
        params = await request.json() if request.body_exists else {}
        return web.json_response({"ok": True, "result": {"type": request.content_type, "params": params}})

    app = web.Application()
    app.router.add_post("/call", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}/call"


async def test_parameters_are_sent_as_one_json_body_and_the_answer_returned() -> None:
    runner, url = await _server(0)
    request = AiohttpRequest(timeout=5)
    await request.initialize()
    markup = {"inline_keyboard": [[{"text": "Oui ✨", "callback_data": "c:1"}]]}
    try:
        data = RequestData([RequestParameter("chat_id", 42, None), RequestParameter("text", "é & = \"x\"", None),
                            RequestParameter("reply_markup", markup, None)])
        status, body = await request.do_request(url, "POST", data)
        assert status == 200
        assert json.loads(body)["result"] == {"type": "application/json", "params": {
            "chat_id": 42, "text": "é & = \"x\"", "reply_markup": markup}}
    finally:
        await request.shutdown()
        await runner.cleanup()


async def test_a_slow_answer_times_out_unless_the_call_allows_longer() -> None:
    runner, url = await _server(0.5)
    request = AiohttpRequest(timeout=0.2)
    await request.initialize()
    try:
        with pytest.raises(TimedOut):
            await request.do_request(url, "POST")
        status, _ = await request.do_request(url, "POST", read_timeout=3.0)  # as PTB's long-polling getUpdates
        assert status == 200
    finally:
        await request.shutdown()
        await runner.cleanup()


async def test_a_refused_connection_is_a_network_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nobody listens there
    request = AiohttpRequest(timeout=2)
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await request.do_request(f"http://127.0.0.1:{port}/call", "POST")
    finally:
        await request.shutdown()


async def test_a_request_before_initialize_is_refused() -> None:
    with pytest.raises(RuntimeError, match="not initialized"):
        await AiohttpRequest().do_request("http://127.0.0.1:9/call", "POST")
