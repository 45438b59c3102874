"""End to end over HTTP: the real bot process (``companion run``) against the fake Bot API server."""

from __future__ import annotations

import signal
from pathlib import Path

from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from tests.support.processes import bot_process
from tests.support.reading import short_answers
from tests.support.telegram import USER, buttons, texts


def test_onboarding_note_and_resume_after_sigkill(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path
) -> None:
    with bot_process(api, database_url, tmp_path) as bot:
        seq = client.last_seq()
        client.send_text(USER, "/start", language_code="fr")
        welcome = client.wait_for_sent(USER, seq, count=2, timeout=60)
        assert "Je suis un programme, pas un humain" in texts(welcome)
        question = welcome[-1]
        accept = buttons(question)[0]
        assert "j'accepte" in accept["text"]
        # The commands menu was published in both languages.
        languages = {c["params"].get("language_code") for c in client.calls("setMyCommands")}
        assert {"fr", "en"} <= languages
        bot.send_signal(signal.SIGKILL)
        bot.wait(timeout=10)

    # Restart: the user presses the button of the message sent before the kill.
    with bot_process(api, database_url, tmp_path):
        seq = client.last_seq()
        client.press(USER, question["message_id"], accept["callback_data"])
        after = client.wait_for_sent(USER, seq, count=1, timeout=60)  # the thanks and the menu, one message
        assert "Merci. On y va" in texts(after)
        menu = after[-1]
        assert any("journal" in b["text"] for b in buttons(menu))

        seq = client.last_seq()
        client.send_text(USER, "/note")
        client.wait_for_sent(USER, seq, count=1, timeout=30)
        seq = client.last_seq()
        client.send_text(USER, "Aujourd'hui j'ai pris le temps <b>de</b> respirer & relire.")
        saved = client.wait_for_sent(USER, seq, count=1, timeout=30)
        assert "Aujourd&#x27;hui" not in texts(saved)
        assert "&lt;b&gt;de&lt;/b&gt;" in texts(saved) or "<b>de</b>" in texts(saved)
        assert "C'est dans ton journal" in texts(saved)


def test_sticker_group_and_tampered_button(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path
) -> None:
    with bot_process(api, database_url, tmp_path):
        seq = client.last_seq()
        client.send_text(USER, "/start")
        welcome = client.wait_for_sent(USER, seq, count=2, timeout=60)
        seq = client.last_seq()
        client.press(USER, welcome[-1]["message_id"], "onb:accept~forged00")
        answers = client.wait_for_sent(USER, seq, count=1, timeout=30)
        assert "15 ans" in texts(answers)  # a forged button changes nothing: the question again

        seq = client.last_seq()
        client.send_text(USER, "", kind="sticker")
        sticker = client.wait_for_sent(USER, seq, count=1, timeout=30)
        assert "stickers" in texts(sticker)

        seq = client.last_seq()
        client.send_text(USER + 1, "/start", chat_id=-100500, chat_type="group")
        group = client.wait_for_sent(-100500, seq, count=1, timeout=30)
        assert "conversation privée" in texts(group)


def test_every_message_is_read_checkin_received_message_and_small_talk(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path
) -> None:
    """Over HTTP with the learned reader: a check-in with its buttons, thanks without a passage, and a pasted
    threat that gets the resources first and then the reply session's offer."""
    with bot_process(api, database_url, tmp_path):
        seq = client.last_seq()
        client.send_text(USER, "/start", language_code="fr")
        welcome = client.wait_for_sent(USER, seq, count=2, timeout=60)
        seq = client.last_seq()
        client.press(USER, welcome[-1]["message_id"], buttons(welcome[-1])[0]["callback_data"])
        client.wait_for_sent(USER, seq, count=1, timeout=60)

        seq = client.last_seq()
        client.send_text(USER, "merci")
        thanks = client.wait_for_sent(USER, seq, count=1, timeout=30)
        assert texts(thanks) in short_answers("fr", "thanks") and "Source" not in texts(thanks)

        seq = client.last_seq()
        client.send_text(USER, "Bientôt vous serez tranquilles, je vous dérangerai plus. Merci pour tout.")
        reply = client.wait_for_sent(USER, seq, count=2, timeout=30)
        assert "3114" in texts(reply[:1])  # a farewell reads as a crisis: the resources come first
        assert "quelqu'un d'autre" in texts(reply[1:]) and "répondes" not in texts(reply)  # the user's own words

        seq = client.last_seq()
        client.send_text(USER, "jsuis à bout, je dors plus, je sais plus trop pourquoi je me lève le matin")
        checkin = client.wait_for_sent(USER, seq, count=1, timeout=30)
        assert "en sécurité" in texts(checkin) and "3114" not in texts(checkin)
        safe = next(b for b in buttons(checkin[-1]) if b["callback_data"].startswith("care:safe"))
        seq = client.last_seq()
        client.press(USER, checkin[-1]["message_id"], safe["callback_data"])
        assert "Merci de me le dire" in texts(client.wait_for_sent(USER, seq, count=1, timeout=30))

        seq = client.last_seq()
        client.send_text(USER, "merci. ça va aller, je voulais juste en parler")
        okay = client.wait_for_sent(USER, seq, count=1, timeout=30)
        assert "bien fait d'en parler" in texts(okay) and "Source" not in texts(okay)  # care, not a passage
        assert any(b["callback_data"].startswith("care:lines") for b in buttons(okay[-1]))

        seq = client.last_seq()
        client.send_text(USER, "Envoie-moi d'autres photos ou je montre celles que j'ai à tous tes contacts. T'as 24h.")
        threat = client.wait_for_sent(USER, seq, count=2, timeout=30)
        assert "3018" in texts(threat[:1]) or "17" in texts(threat[:1])  # protection first
        assert any(b["callback_data"].startswith("reply:") for m in threat for b in buttons(m))
