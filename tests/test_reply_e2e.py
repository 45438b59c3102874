"""End to end over HTTP: forward a message to the real bot process → … → a calmer draft, ready to copy."""

from __future__ import annotations

import signal
from pathlib import Path

from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from tests.support.processes import Chat, bot_process
from tests.support.telegram import buttons, texts


def test_forwarded_message_to_a_calm_draft_and_the_journal(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path
) -> None:
    chat = Chat(client)
    with bot_process(api, database_url, tmp_path) as bot:
        chat.send("/start", count=2, language_code="fr")
        chat.press("onb:accept")
        offer = chat.send("T'es vraiment un gros con, tu comprends jamais rien. Personne ne veut de toi ici.",
                          forward_from_name="Quelqu'un")
        assert "On en parle avant que tu répondes" in texts(offer)
        welcome = chat.press("reply:yes")
        assert "transféré" in texts(welcome)  # an opening that fits: it was forwarded
        reading = chat.press("reply:ab2")
        # LABELS.md: insults and exclusion are hostile (2/3); protecting oneself stays one button away.
        assert "«\u00a0gros con\u00a0»" in texts(reading) or "gros con" in texts(reading)
        assert "2/3" in texts(reading)
        who = chat.press("reply:continue")
        assert "Qui te l" in texts(who)
        chat.press("reply:who_friend")
        sorted_ = chat.press("reply:private")
        # The words received are sorted, not asked for again.
        assert "Dans son message, ce qui ressemble à un jugement" in texts(sorted_)
        # The bot process dies in the middle of the session; a new one carries on from the database.
        bot.send_signal(signal.SIGKILL)
        bot.wait(timeout=10)

    with bot_process(api, database_url, tmp_path):
        agreement = chat.press("reply:continue")
        assert "féminin" in texts(agreement)  # asked once, before any word about her is shown
        feelings = chat.press("reply:fem")
        assert "·" not in texts(feelings) and "blessée" in texts(feelings)
        chat.press("reply:pick:triste")
        chat.press("reply:done")
        theirs = chat.press("reply:done")
        assert "hypothèse" in texts(theirs) and "cette personne" in texts(theirs)
        chat.press("reply:continue")
        chat.press("reply:reply")
        chat.press("reply:own")
        feedback = chat.send("T'ES QU'UN CONNARD, tu racontes toujours n'importe quoi")
        assert "CONNARD" in texts(feedback) and "2/3" in texts(feedback)  # insults: hostile (LABELS.md)
        second = chat.send("Ton commentaire m'a blessée. J'aimerais qu'on en parle calmement, tu veux bien ?")
        assert "2/3 au premier jet → " in texts(second)
        chat.press("reply:suggest")
        suggestion = chat.press("reply:talk")
        # Every sentence of theirs is an insult: none is quoted back; words about the user agree as she chose.
        assert "J'ai lu ton message. Je me sens triste" in texts(suggestion) and "·" not in texts(suggestion)
        assert "gros con" not in texts(suggestion)
        final = chat.press("reply:keep", count=2)
        copy = [b for b in buttons(final[-1]) if "copy_text" in b]
        assert copy and copy[0]["copy_text"]["text"].startswith("J'ai lu ton message.")
        chat.press("reply:continue")
        chat.press("reply:ab4")
        saved = chat.press("reply:summary")
        assert "C'est dans ton journal" in texts(saved)
        assert "Au début\u00a0: 2/5. Maintenant\u00a0: 4/5." in texts(saved)


def test_a_threat_is_met_with_safety_first_and_a_public_comment_with_a_short_line(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path
) -> None:
    chat = Chat(client)
    with bot_process(api, database_url, tmp_path):
        chat.send("/start", count=2, language_code="fr")
        chat.press("onb:accept")
        safe = chat.send("/repondre Sale grosse vache, on sait où t'habites. Supprime ton compte ou tu vas le "
                         "regretter.")
        assert "en sécurité" in texts(safe) and "Bien joué" not in texts(safe)
        plan = chat.press("reply:yes")
        for expected in ("preuves", "3018", "116 006"):
            assert expected in texts(plan)
        assert "119" not in texts(plan)
        done = chat.press("reply:done")
        assert "le plus important" in texts(done)
        chat.press("reply:nothing")
        chat.send("/repondre Toujours aussi mal habillée ma fille 😅 on t'a pas appris à t'habiller ?")
        chat.press("reply:skip")
        chat.press("reply:continue")
        chat.press("reply:who_family")
        chat.press("reply:public")
        for value in ("reply:continue", "reply:neutral", "reply:done", "reply:done", "reply:continue",
                      "reply:reply", "reply:suggest"):
            chat.press(value)
        suggestion = chat.press("reply:talk")
        body = texts(suggestion)
        assert "en privé" in body and "En public, une ligne courte suffit" in body
        draft = [line for line in body.split("\n") if "en privé" in line and ("Quand" in line or "lu ton" in line)]
        assert draft and len(draft[0]) <= 200
