"""Tests of the fake Telegram Bot API server, driven by the real python-telegram-bot."""

from __future__ import annotations

import asyncio
import datetime as dtm
import subprocess
import sys
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from telegram import Bot as PtbBot
from telegram import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MenuButtonCommands,
    Message,
    MessageOriginHiddenUser,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient

USER = 4242
KEYBOARD = InlineKeyboardMarkup(
    [[InlineKeyboardButton("Oui", callback_data="yes"), InlineKeyboardButton("Non", callback_data="no")]]
)


@pytest_asyncio.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    """A fake server on the test's event loop."""
    async with FakeBotApi() as server:
        yield server


def make_bot(api: FakeBotApi, **request_kw: float) -> PtbBot:
    """A real PTB Bot pointed at the fake server."""
    request = HTTPXRequest(**request_kw) if request_kw else None
    return PtbBot(api.token, base_url=api.base_url, base_file_url=api.base_file_url, request=request)


async def test_bot_methods_roundtrip(api: FakeBotApi) -> None:
    async with make_bot(api) as bot:
        me = await bot.get_me()
        assert me.is_bot and me.username == "compagnon_test_bot" and me.can_join_groups

        sent = await bot.send_message(USER, "<b>Salut</b> &lt;toi&gt;", parse_mode=ParseMode.HTML,
                                      reply_markup=KEYBOARD)
        assert isinstance(sent, Message) and sent.message_id == 1
        assert sent.text == "Salut <toi>" and sent.from_user.id == me.id and sent.chat.id == USER
        assert sent.entities[0].type == "bold" and sent.entities[0].length == 5
        assert sent.reply_markup == KEYBOARD

        edited = await bot.edit_message_text("Modifié", chat_id=USER, message_id=sent.message_id)
        assert isinstance(edited, Message) and edited.text == "Modifié"
        assert edited.reply_markup is None  # editMessageText without markup drops the keyboard
        with pytest.raises(BadRequest, match="(?i)not modified"):
            await bot.edit_message_text("Modifié", chat_id=USER, message_id=sent.message_id)
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(USER, "1 < 2 <b>oops", parse_mode=ParseMode.HTML)
        with pytest.raises(BadRequest, match="(?i)reserved"):
            await bot.send_message(USER, "Fin.", parse_mode=ParseMode.MARKDOWN_V2)

        doc = await bot.send_document(USER, document=b"hello world", filename="notes.txt", caption="Notes")
        assert doc.message_id == 2 and doc.caption == "Notes"
        assert doc.document.file_name == "notes.txt" and doc.document.file_size == 11
        assert api.file_bytes(doc.document.file_id) == b"hello world"
        tg_file = await bot.get_file(doc.document.file_id)
        assert bytes(await tg_file.download_as_bytearray()) == b"hello world"
        photo = await bot.send_photo(USER, photo=b"\x89PNG fake", caption="<i>vue</i>", parse_mode="HTML")
        assert photo.photo and photo.caption == "vue"

        commands = [BotCommand("start", "Démarrer"), BotCommand("aide", "Obtenir de l'aide")]
        assert await bot.set_my_commands(commands, language_code="fr")
        assert await bot.set_my_commands(commands[:1], scope=BotCommandScopeAllPrivateChats())
        assert tuple(await bot.get_my_commands(language_code="fr")) == tuple(commands)
        assert tuple(await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats())) == tuple(commands[:1])
        assert await bot.get_my_commands() == ()
        with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
            await bot.set_my_commands([BotCommand("Start", "x")])
        assert await bot.delete_my_commands(language_code="fr")
        assert await bot.get_my_commands(language_code="fr") == ()

        assert await bot.set_chat_menu_button(menu_button=MenuButtonCommands())
        assert await bot.send_chat_action(USER, "typing")
        copy_id = await bot.copy_message(USER, from_chat_id=USER, message_id=sent.message_id)
        assert copy_id.message_id == 4
        assert await bot.set_message_reaction(USER, sent.message_id, "👍")
        chat = await bot.get_chat(USER)
        assert chat.id == USER and chat.type == "private"
        assert await bot.delete_message(USER, copy_id.message_id)
        with pytest.raises(BadRequest, match="(?i)message to delete not found"):
            await bot.delete_message(USER, copy_id.message_id)
        assert (await bot.get_webhook_info()).url == ""

    methods = [c["method"] for c in api.calls(chat_id=USER)]
    assert methods[:3] == ["sendMessage", "editMessageText", "editMessageText"]
    first = api.calls("sendmessage")[0]
    assert first["params"]["reply_markup"] == KEYBOARD.to_dict()
    assert first["params"]["parse_mode"] == "HTML" and first["params"]["chat_id"] == USER
    upload = api.calls("sendDocument")[0]["params"]["document"]
    assert upload["file_name"] == "notes.txt" and upload["size"] == 11
    sent_log = api.sent(USER)
    assert [(s["method"], s["message_id"], s["text"]) for s in sent_log] == [
        ("sendMessage", 1, "Salut <toi>"),
        ("editMessageText", 1, "Modifié"),
        ("sendDocument", 2, "Notes"),
        ("sendPhoto", 3, "vue"),
    ]
    assert sent_log[0]["reply_markup"] == KEYBOARD.to_dict()


async def test_application_polling_message_and_callback(api: FakeBotApi) -> None:
    seen: list[str] = []

    async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append("start")
        await update.effective_message.reply_text("Bienvenue", reply_markup=KEYBOARD)

    async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append("text")
        await update.effective_message.reply_text(f"Reçu ({len(update.effective_message.text)})")

    async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert isinstance(query, CallbackQuery)
        seen.append(f"press:{query.data}")
        await query.answer("ok")
        await query.edit_message_text(f"Choix : {query.data}")

    app = (
        Application.builder()
        .token(api.token)
        .base_url(api.base_url)
        .base_file_url(api.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", on_start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    app.add_handler(CallbackQueryHandler(on_press))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=5))
        try:
            since = api.last_seq()
            api.inject_message(USER, "/start", first_name="Alice")
            welcome = (await api.wait_for_sent(USER, since, timeout=5))[0]
            assert welcome["text"] == "Bienvenue" and welcome["reply_markup"] == KEYBOARD.to_dict()

            since = api.last_seq()
            api.inject_message(USER, "bonjour")
            reply = await api.wait_for_sent(USER, since, timeout=5)
            assert reply[0]["text"] == "Reçu (7)"

            since = api.last_seq()
            pressed = api.inject_callback(USER, welcome["message_id"], "yes")
            edit = await api.wait_for_sent(
                USER, since, timeout=5, predicate=lambda m: m["method"] == "editMessageText"
            )
            assert edit[0]["text"] == "Choix : yes" and edit[0]["message_id"] == welcome["message_id"]
            answer = api.calls("answerCallbackQuery", since_seq=since)[0]
            assert answer["params"]["callback_query_id"] == pressed["callback_query_id"] and answer["ok"]

            api.reset()  # while the bot is long-polling: update ids keep growing, polling goes on
            api.inject_message(USER, "encore")
            assert (await api.wait_for_sent(USER, 0, timeout=5))[0]["text"] == "Reçu (6)"
        finally:
            await app.updater.stop()
            await app.stop()
    assert seen == ["start", "text", "press:yes", "text"]
    assert api.info()["pending_updates"] == 0  # the final getUpdates confirmed everything


async def test_failure_injection(api: FakeBotApi) -> None:
    async with make_bot(api, read_timeout=0.3) as bot:
        api.fail("sendMessage", status=429, retry_after=7, count=1)
        with pytest.raises(RetryAfter) as info:
            await bot.send_message(USER, "x")
        retry = info.value.retry_after
        assert (retry.total_seconds() if isinstance(retry, dtm.timedelta) else retry) == 7
        assert (await bot.send_message(USER, "x")).text == "x"  # count exhausted

        api.fail("sendmessage", status=502, count=2)
        for _ in range(2):
            with pytest.raises(NetworkError, match="(?i)Bad Gateway"):
                await bot.send_message(USER, "x")
        api.fail("getMe", status=500)
        with pytest.raises(NetworkError):
            await bot.get_me()

        api.fail("sendMessage", mode="drop")
        with pytest.raises(NetworkError):
            await bot.send_message(USER, "x")
        api.fail("sendMessage", mode="timeout", delay=1.0)
        with pytest.raises(TimedOut):
            await bot.send_message(USER, "x")

        api.block(USER)
        with pytest.raises(Forbidden, match="(?i)blocked"):
            await bot.send_message(USER, "x")
    injected = [c for c in api.calls("sendMessage") if c.get("injected")]
    assert [c.get("error_code") for c in injected] == [429, 502, 502, 0, 0]
    assert len(api.sent(USER)) == 1  # failed calls never produced a message
    with pytest.raises(InvalidToken):
        async with PtbBot("999:WRONG", base_url=api.base_url):
            pass


async def test_wire_protocol_and_long_polling(api: FakeBotApi) -> None:
    url = f"{api.base_url}{api.token}"
    async with httpx.AsyncClient(timeout=5) as http:
        assert (await http.get(f"{url}/GETME")).json()["result"]["username"] == "compagnon_test_bot"
        assert (await http.get(f"{url}/nope")).status_code == 404
        assert (await http.get(f"{api.base_url}1:x/getMe")).json() == {
            "ok": False, "error_code": 401, "description": "Unauthorized"}
        body = {"chat_id": USER, "text": "json", "reply_markup": {"inline_keyboard": [[{"text": "a"}]]}}
        bad = (await http.post(f"{url}/sendMessage", json=body)).json()
        assert bad["error_code"] == 400 and "Text buttons" in bad["description"]
        ok = (await http.get(f"{url}/sendMessage", params={"chat_id": USER, "text": "123"})).json()
        assert ok["result"]["text"] == "123"

        # long polling: returns as soon as an update arrives; waiting for its 60 s would outlast the client's 5 s
        poll = asyncio.create_task(http.post(f"{url}/getUpdates", data={"timeout": "60", "offset": "0"}))
        await asyncio.sleep(0.1)
        injected = api.inject_message(USER, "hello", forward_from_name="Bob", language_code="en")
        updates = (await poll).json()["result"]
        assert [u["update_id"] for u in updates] == [injected["update_id"]]
        update = Update.de_json(updates[0], None)
        assert isinstance(update.message.forward_origin, MessageOriginHiddenUser)
        assert update.message.forward_origin.sender_user_name == "Bob"
        assert update.message.from_user.language_code == "en"

        # empty long poll times out; offset confirms; a second poller terminates the first
        assert (await http.get(f"{url}/getUpdates", params={"timeout": "0.3"})).json()["result"] != []
        offset = injected["update_id"] + 1
        first = asyncio.create_task(http.get(f"{url}/getUpdates", params={"timeout": 3, "offset": offset}))
        await asyncio.sleep(0.1)
        second = await http.get(f"{url}/getUpdates", params={"timeout": 0, "offset": offset})
        assert second.json() == {"ok": True, "result": []}
        assert (await first).json()["error_code"] == 409
        assert api.info()["pending_updates"] == 0

        for kind in ("sticker", "photo", "voice", "document", "location"):
            api.inject_message(USER, "légende", kind=kind, chat_id=-100123, chat_type="supergroup")
        api.inject_message(USER, "annonce", chat_id=-100999, chat_type="channel")
        raw = (await http.get(f"{url}/getUpdates", params={"offset": offset})).json()["result"]
        updates = [Update.de_json(u, None) for u in raw]
        kinds = ("sticker", "photo", "voice")
        assert all(getattr(u.message, k) for u, k in zip(updates, kinds, strict=False))
        assert updates[3].message.document.file_name == "document.pdf" and updates[4].message.location
        assert updates[5].channel_post.text == "annonce" and updates[5].channel_post.sender_chat.id == -100999
        assert updates[0].message.chat.type == "supergroup"


def test_threaded_server_with_sync_client() -> None:
    with FakeBotApi.run_in_thread() as api, FakeBotApiClient(api.root_url) as client:
        assert client.last_seq() == 0
        msg = client.send_text(USER, "/start", first_name="Zoé")
        assert msg["message_id"] == 1

        def fake_bot() -> None:  # a minimal bot: poll once, answer once (plain HTTP)
            url = f"{api.base_url}{api.token}"
            updates = httpx.post(f"{url}/getUpdates", data={"timeout": "5"}, timeout=10).json()["result"]
            chat_id = updates[0]["message"]["chat"]["id"]
            markup = '{"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}'
            httpx.post(f"{url}/sendMessage", data={"chat_id": chat_id, "text": "Hi", "reply_markup": markup})

        thread = threading.Thread(target=fake_bot)
        thread.start()
        sent = client.wait_for_sent(USER, since_seq=0, timeout=5)
        thread.join()
        assert sent[0]["text"] == "Hi" and sent[0]["reply_markup"]["inline_keyboard"][0][0]["text"] == "Go"
        press = client.press(USER, sent[0]["message_id"], "go")
        assert press["callback_query_id"]
        update = client.calls("getUpdates")[-1]["result"][0]
        assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
        edit = client.edit(USER, msg["message_id"], "/start again")
        chat = {"id": 1, "type": "private"}
        raw = client.inject_update({"message": {"message_id": 7, "date": 0, "chat": chat}})
        assert raw == edit["update_id"] + 1 and client.info()["pending_updates"] == 4  # nothing confirmed yet
        client.fail("getMe", status=429, retry_after=3)
        answer = httpx.get(f"{api.base_url}{api.token}/getMe").json()
        assert answer["parameters"] == {"retry_after": 3} and answer["error_code"] == 429
        bad = httpx.get(f"{api.base_url}{api.token}/getUpdates", params={"offset": "abc"}).json()
        assert bad["error_code"] == 400
        with pytest.raises(AssertionError, match="(?i)expected 2 message"):
            client.wait_for_sent(USER, since_seq=0, count=2, timeout=0.2)
        with pytest.raises(AssertionError, match="(?i)404"):
            client.press(USER, 99, "nope")
        client.reset()
        assert client.info() == {**client.info(), "last_seq": 0, "pending_updates": 0}


def test_standalone_entry_point() -> None:
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen(
        [sys.executable, "-m", "companion.evals.fake_bot_api", "--port", "0"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("Fake Telegram Bot API on http://127.0.0.1:")
        base = line.split(" on ", 1)[1].strip()
        assert httpx.get(f"{base}/bot123456:TEST/getMe", timeout=5).json()["ok"] is True
    finally:
        proc.terminate()
        proc.wait(5)


async def test_conflict_with_webhook(api: FakeBotApi) -> None:
    async with make_bot(api) as bot:
        assert await bot.set_webhook("https://example.org/hook")
        with pytest.raises(Conflict):
            await bot.get_updates(timeout=0)
        assert await bot.delete_webhook(drop_pending_updates=True)
        assert await bot.get_updates(timeout=0) == ()


async def test_a_voice_note_is_fetched_with_get_file_and_downloaded_in_memory(api: FakeBotApi) -> None:
    import base64

    audio = (Path(__file__).parent / "data" / "voice" / "fr_journey.ogg").read_bytes()
    api.inject_message(USER, kind="voice", audio_b64=base64.b64encode(audio).decode(), duration=4,
                       forward_from_name="Maman")
    api.inject_message(USER, kind="video_note")
    api.inject_message(USER, kind="audio")
    async with make_bot(api) as bot:
        voice, video_note, song = [u.message for u in await bot.get_updates()]
        assert voice.voice.duration == 4 and voice.voice.mime_type == "audio/ogg" and voice.forward_origin
        fetched = await bot.get_file(voice.voice.file_id)
        assert bytes(await fetched.download_as_bytearray()) == audio
        assert video_note.video_note.duration == 3 and song.audio.mime_type == "audio/mpeg"
        with pytest.raises(BadRequest):
            await bot.get_file("no-such-file")
