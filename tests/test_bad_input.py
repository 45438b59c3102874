"""Bad input through the real application (webhook mode, fake Bot API): a kind answer each time, nothing lost."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.support.reading import short_answers
from tests.support.telegram import buttons, texts
from tests.support.webhook import webhook_bot

USER = 700


def _state(bot, user: int):  # noqa: ANN001, ANN202 - test helper
    with bot.services.store.unit_of_work() as uow:
        return uow.load_state(f"tg:{user}")[0]


@pytest.mark.parametrize(("kind", "expected"), [
    ("sticker", "Je ne sais lire que le texte"), ("photo", "Je ne sais lire que le texte"),
    ("voice", "Je n'ai pas réussi à écouter ce vocal"),  # the fake server's voice note is not audio
    ("document", "Je ne sais lire que le texte"), ("location", "Je ne sais lire que le texte"),
])
async def test_media_get_a_kind_answer_and_keep_the_flow(tmp_path: Path, database_url: str, kind: str,
                                                         expected: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(USER)
        await bot.turn(USER, "/note")
        before = _state(bot, USER)
        answer = await bot.turn(USER, "", kind=kind)
        assert expected in texts(answer)
        assert "/reprendre" in texts(answer)  # and where we were is kept
        after = _state(bot, USER)
        assert (after.flow, after.step) == (before.flow, before.step) == ("note", before.step)
        saved = await bot.turn(USER, "Une note après la photo")
        assert "C'est dans ton journal" in texts(saved)
        assert bot.errors == []


async def test_empty_invisible_rtl_and_emoji_texts(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(USER)
        for blank in ("   \n\t ", "\u200b\u200c\u200d\u2060", "\u202e\u200f\u202c"):
            assert "Je n'ai rien reçu à lire" in texts(await bot.turn(USER, blank))
        rtl = await bot.turn(USER, "\u202eمرحبا، كيف حالك؟ \u200fשלום")
        emoji = await bot.turn(USER, "😡😡🔥🙏🏽👩‍👩‍👧")
        for answer in (rtl, emoji):
            assert answer and all(m["text"].strip() for m in answer)
        # An emoji-only note is kept as written.
        await bot.turn(USER, "/note")
        assert "C'est dans ton journal" in texts(await bot.turn(USER, "🙏🏽👩‍👩‍👧"))
        with bot.services.store.unit_of_work() as uow:
            # Every visible emoji is kept (the engine drops zero-width joiners, so 👩‍👩‍👧 is stored as 👩👩👧).
            assert [e.text.replace("\u200d", "") for e in uow.journal("tg:700")] == ["🙏🏽👩👩👧"]
        assert bot.errors == []


async def test_huge_paste_is_kept_whole_and_answered_in_parts(tmp_path: Path, database_url: str) -> None:
    paste = " ".join(f"Phrase {n} d'un très long message collé, avec des <balises> & des accents." for n in range(200))
    assert len(paste) > 10_000
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(USER)
        answer = await bot.turn(USER, paste)
        assert answer and all(len(m["text"]) <= 4096 for m in answer)
        assert "On en parle avant que tu répondes" in texts(answer)
        state = _state(bot, USER)
        received = str(state.data["received"])
        # The reply session works on the first part of a huge paste, and says so (``cut``).
        assert state.data["cut"] is True and paste.startswith(received.rstrip("…")) and len(received) > 4000
        # A note of 10,000+ characters is kept whole too, and its confirmation fits Telegram's limit.
        await bot.turn(USER, "/cancel")
        await bot.turn(USER, "/note")
        saved = await bot.turn(USER, paste)
        assert all(len(m["text"]) <= 4096 for m in saved)
        with bot.services.store.unit_of_work() as uow:
            assert [e.text for e in uow.journal("tg:700")] == [paste]
        assert bot.errors == []


async def test_edited_message_is_not_a_new_turn(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(USER)
        await bot.turn(USER, "/note")
        message_id = await bot.say(USER, "Premier jet de ma note")
        await bot.idle()
        before = _state(bot, USER)
        seq = bot.api.last_seq()
        bot.api.inject_edit(USER, message_id, "Version corrigée de ma note")
        await bot.deliver()
        await bot.idle()
        notice = bot.api.sent(USER, seq)
        assert len(notice) == 1 and "modifié un message" in notice[0]["text"]
        assert _state(bot, USER) == before
        with bot.services.store.unit_of_work() as uow:
            assert [e.text for e in uow.journal("tg:700")] == ["Premier jet de ma note"]
        assert bot.errors == []


async def test_stale_tampered_and_unknown_buttons(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        welcome = await bot.turn(USER, "/start")
        question = welcome[-1]
        forged = buttons(question)[0]["callback_data"][:-4] + "AAAA"
        seq = bot.api.last_seq()
        await bot.press(USER, question["message_id"], forged)
        await bot.idle()
        assert "15 ans" in texts(bot.api.sent(USER, seq))  # the consent question again, nothing accepted
        seq = bot.api.last_seq()
        await bot.press(USER, question["message_id"], "not-even-our-format")
        await bot.idle()
        assert "15 ans" in texts(bot.api.sent(USER, seq))
        menu = await bot.click(USER, question)
        assert "Merci. On y va" in texts(menu)
        await bot.turn(USER, "/note")
        await bot.turn(USER, "Une note")  # the flow moved on: the menu's buttons are now old
        old = await bot.click(USER, menu[-1], 0)
        assert "Colle ici le message" in texts(old)  # an old menu still does what its button says
        for tampered in ("menu:~", "x" * 64, "🙂"):
            seq = bot.api.last_seq()
            await bot.press(USER, menu[-1]["message_id"], tampered)
            await bot.idle()
            answer = texts(bot.api.sent(USER, seq))
            assert "reconnu ce bouton" in answer or "plus actif" in answer
        callbacks = bot.api.calls("answerCallbackQuery")
        assert callbacks and all(c["ok"] for c in callbacks)  # every press answered (no endless spinner)
        assert bot.errors == []


async def test_commands_with_stray_arguments(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(USER)
        assert "Tu veux vraiment tout effacer" in texts(await bot.turn(USER, "/oubli maintenant stp"))
        await bot.turn(USER, "/cancel@compagnon_test_bot merci")
        assert _state(bot, USER).flow is None
        assert buttons((await bot.turn(USER, "/menu et vite"))[-1])
        assert "/note" in texts(await bot.turn(USER, "/help moi"))
        assert "Je ne connais pas cette commande" in texts(await bot.turn(USER, "/inconnue 1 2 3"))
        assert bot.errors == []


async def test_flood_is_limited_politely_and_across_processes(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path / "a", database_url, flood_limit=20, flood_window=3) as one, \
            webhook_bot(tmp_path / "b", database_url, flood_limit=20, flood_window=3) as two:
        await one.onboard(USER)
        seq_one, seq_two = one.api.last_seq(), two.api.last_seq()
        for n in range(50):  # 50 messages in well under 10 seconds, half through each bot process
            await (one if n % 2 else two).say(USER, f"message {n}")
        await one.idle()
        await two.idle()
        sent = one.api.sent(USER, seq_one) + two.api.sent(USER, seq_two)
        notices = [m for m in sent if "Tu m'écris très vite" in (m["text"] or "")]
        assert len(notices) == 1
        answered_turns = len(sent) - 1
        assert 0 < answered_turns <= 2 * 20  # at most the limit's turns (each turn answers in 1-2 messages)
        await asyncio.sleep(3.1)  # the window is over: answered again
        assert texts(await one.turn(USER, "bonjour")).split("\n")[0] in short_answers("fr", "greeting")
        assert one.errors == [] and two.errors == []


async def test_channel_posts_groups_and_typing(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url, typing_delay=0) as bot:
        seq = bot.api.last_seq()
        bot.api.inject_message(USER, "un post", chat_id=-100777, chat_type="channel")
        bot.api.inject_message(USER, "salut le groupe", chat_id=-100888, chat_type="supergroup")
        bot.api.inject_message(USER, "/start", chat_id=-100888, chat_type="supergroup")
        await bot.deliver()
        await bot.idle()
        assert bot.api.sent(-100777, seq) == []
        group = bot.api.sent(-100888, seq)
        assert len(group) == 1 and "conversation privée" in group[0]["text"]
        seq = bot.api.last_seq()
        await bot.turn(USER, "/start")
        calls = [c["method"] for c in bot.api.calls(chat_id=USER, since_seq=seq)]
        assert calls[0] == "sendChatAction" and "sendMessage" in calls  # "typing…" first, then the answer
        assert bot.errors == []


async def test_a_quick_turn_sends_no_typing(tmp_path: Path, database_url: str) -> None:
    """Below the typing delay no chat action is sent: the answer arrives before anyone would notice a wait."""
    async with webhook_bot(tmp_path, database_url, typing_delay=30) as bot:
        await bot.onboard(USER)
        seq = bot.api.last_seq()
        await bot.turn(USER, "/menu")
        await bot.turn(USER, "bonjour")
        calls = bot.api.calls(chat_id=USER, since_seq=seq)
        assert {c["method"] for c in calls} == {"sendMessage"} and len(calls) == 2  # menu; hello with the menu
        assert calls[1]["params"]["text"].split("\n")[0] in short_answers("fr", "greeting")
        assert calls[-1]["params"]["reply_markup"]["inline_keyboard"]
        assert bot.errors == []


async def test_a_slow_button_acknowledgement_runs_alongside_the_turn(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        welcome = await bot.turn(USER, "/start")
        bot.api.fail("answerCallbackQuery", mode="slow", delay=1.5)  # Telegram slow to take the acknowledgement
        before = _state(bot, USER).version
        seq = bot.api.last_seq()
        await bot.press(USER, welcome[-1]["message_id"], buttons(welcome[-1])[0]["callback_data"])
        for _ in range(100):  # the turn is computed and saved while the acknowledgement is still on its way
            await asyncio.sleep(0.01)
            if _state(bot, USER).version != before:
                break
        assert _state(bot, USER).version == before + 1
        assert not bot.api.calls("answerCallbackQuery", since_seq=seq)
        await bot.idle()
        calls = [c["method"] for c in bot.api.calls(since_seq=seq)]
        # Nothing is sent before the old keyboard is gone: the spinner stops, the buttons go, then the answer.
        assert calls[:3] == ["answerCallbackQuery", "editMessageReplyMarkup", "sendMessage"], calls
        assert "Merci. On y va" in texts(bot.api.sent(USER, seq))
        assert bot.errors == []
