"""Journeys end to end: the terminal channel and the real bot process over HTTP, with a restart in the middle."""

from __future__ import annotations

import signal
from pathlib import Path

from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from companion.storage import SqlStore, make_engine
from tests.support.processes import bot_process, run_chat
from tests.support.telegram import buttons, texts

USER = 4343


def test_personnage_in_the_terminal_paused_then_resumed_in_a_new_process(tmp_path: Path) -> None:
    first = run_chat(tmp_path, "\n".join([
        "/start", "1", "/personnage", "1",
        "J'étais la discrète du fond de la cour, j'observais beaucoup et je parlais peu.",
        "1",
        "La sage qui ne fait pas de vagues : ça m'évitait les ennuis.",
        "1",
        "2",  # "Faire une pause" at question 3
    ]) + "\n")
    assert "(1/7) Reviens dans ta première cour d'école" in first
    assert "Tu écris\u00a0: «\u00a0J'étais la discrète du fond de la cour" in first
    assert "te ramène à la question 3/7" in first
    assert "[1] Reprendre où j'en étais" in first

    # A new process, days later: the same question comes back.
    second = run_chat(tmp_path, "\n".join([
        "/reprendre",
        "Que j'étais sérieuse et fiable, alors que j'avais envie de rire aussi.",
        "1",
        "passer", "passer",  # typed words work like the buttons
        "De vraies relations, surtout avec des gens qui dessinent comme moi.",
        "1", "passer",
        "1",  # keep the portrait
        "/moi",
    ]) + "\n")
    assert "On reprend où on en était." in second and "(3/7) Quelle vérité sur toi" in second
    assert "Voici un premier portrait, tiré de tes mots" in second
    assert "Dans la cour d'école, je restais plutôt en retrait." in second  # a synthesis, not a list of quotes
    assert "Sur les réseaux, je viens surtout chercher du lien avec les autres." in second
    assert "C'est gardé." in second
    assert "Ton portrait\u00a0:\nDans la cour d'école, je restais plutôt en retrait." in second
    assert "• Mon personnage\u00a0: 5" in second  # four answers and the portrait


def test_mission_over_telegram_paused_killed_and_resumed(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path
) -> None:
    def act(action, count: int) -> list[dict]:  # type: ignore[no-untyped-def]
        seq = client.last_seq()
        action()
        return client.wait_for_sent(USER, seq, count=count, timeout=60)

    def press(message: dict, label: str, count: int) -> list[dict]:
        (button,) = [b for b in buttons(message) if b["text"] == label]
        return act(lambda: client.press(USER, message["message_id"], button["callback_data"]), count)

    def say(text: str, count: int) -> list[dict]:
        return act(lambda: client.send_text(USER, text, language_code="fr"), count)

    with bot_process(api, database_url, tmp_path) as bot:
        welcome = say("/start", 2)
        press(welcome[-1], "J'ai 15 ans ou plus, j'accepte", 1)  # the thanks and the menu, one message
        # The commands menu lists the journeys.
        published = {c["command"] for call in client.calls("setMyCommands") for c in call["params"]["commands"]}
        assert {"personnage", "mission", "famille", "journal", "moi"} <= published
        (intro,) = say("/mission", 1)
        assert "six questions" in texts([intro])
        (question,) = press(intro, "C'est parti", 1)
        assert "(1/6)" in texts([question])
        (reflection,) = say("J'aime partager mes balades en forêt et les petites choses que je remarque.", 1)
        assert "Tu écris\u00a0: «\u00a0J'aime partager mes balades en forêt" in texts([reflection])
        (question,) = press(reflection, "Question suivante", 1)
        (reflection,) = say("Ça me calme, et je suis fier quand quelqu'un sort grâce à une photo.", 1)
        assert "de la fierté" in texts([reflection])
        paused = press(reflection, "Faire une pause", 1)
        assert "te ramène à la question 3/6" in texts(paused)
        bot.send_signal(signal.SIGKILL)
        bot.wait(timeout=10)

    with bot_process(api, database_url, tmp_path):
        resumed = say("/reprendre", 1)
        assert "(3/6) Et si tu creuses un peu" in texts(resumed)
        (reflection,) = say("Mon rêve, c'est que chacun ose sortir dehors sans se comparer.", 1)
        (question,) = press(reflection, "Question suivante", 1)
        assert "(4/6)" in texts([question])
        (question,) = say("passer", 1)
        assert "(5/6)" in texts([question])
        (question,) = press(question, "Passer cette question", 1)
        (statement,) = press(question, "Passer cette question", 1)
        expected = ("Partager mes balades en forêt et les petites choses que je remarque, "
                    "avec ce rêve en tête\u00a0: chacun ose sortir dehors sans se comparer.")  # whom skipped: left out
        assert expected in texts([statement])
        kept = press(statement, "Je la garde", 1)
        assert "C'est noté" in texts(kept)
        (me,) = say("/moi", 1)
        assert f"Ta mission\u00a0: «\u00a0{expected}\u00a0»" in texts([me])
        assert "• Ma mission\u00a0: 4" in texts([me])  # three answers and the statement

    engine = make_engine(database_url)
    try:
        with SqlStore(engine).unit_of_work() as uow:
            assert uow.load_profile(f"tg:{USER}").mission == expected
            kinds = [e.kind for e in uow.journal(f"tg:{USER}")]
            assert kinds == ["mission"] * 4
    finally:
        engine.dispose()




def test_mission_in_english_in_the_terminal_start_to_finish(tmp_path: Path) -> None:
    out = run_chat(tmp_path, "\n".join([
        "/start", "1", "/mission", "1",
        "I love sharing photos from my weekend hikes, and the small details of nature I notice.", "1",
        "It calms me down, and I feel proud when someone tells me they went out because of a picture.", "1",
        "I'd love people to spend more time in nature and enjoy what's around them instead of comparing.", "1",
        "My friends, my family, and people who feel stuck in front of a screen.", "1",
        "Because I want them to feel welcome outside, not judged.", "1",
        "Angry comments about politics.", "1",
        "1",  # keep the suggested sentence
        "/moi",
    ]) + "\n", "--lang", "en")
    for n in range(1, 7):
        assert f"({n}/6)" in out
    assert "3114" not in out  # calm answers never trip the crisis screen
    assert "calm, proud." in out  # the feelings their words name
    sentence = ("Share photos from my weekend hikes with my friends, my family, and people who feel stuck in front of "
                "a screen, with this dream in mind:")
    assert f"Noted. Your mission: “{sentence}" in out
    assert f"Your mission: “{sentence}" in out.split("Here's what I've kept")[1]
    assert "• My mission: 7" in out  # six answers and the statement


def test_personnage_over_telegram_paused_killed_resumed_to_the_portrait(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path
) -> None:
    from tests.support.processes import Chat

    chat = Chat(client)
    chat_user = 4242  # Chat speaks as the reply tests' user
    with bot_process(api, database_url, tmp_path) as bot:
        chat.send("/start", count=2, language_code="fr")
        chat.press("onb:accept")
        chat.send("/personnage")
        question = chat.press("personnage:continue")
        assert "(1/7) Reviens dans ta première cour d'école" in texts(question)
        seen = chat.send("J'étais la discrète du fond de la cour, j'observais beaucoup et je parlais peu.")
        assert "Tu écris\u00a0: «\u00a0J'étais la discrète du fond de la cour" in texts(seen)
        paused = chat.press("personnage:stop")
        assert "On fait une pause" in texts(paused)
        bot.send_signal(signal.SIGKILL)
        bot.wait(timeout=10)

    with bot_process(api, database_url, tmp_path):
        resumed = chat.send("/reprendre")
        assert "(2/7) Quel personnage jouais-tu" in texts(resumed)
        chat.send("La sage qui ne fait pas de vagues : ça m'évitait les ennuis.")
        chat.press("personnage:continue")
        for _ in range(5):  # questions 3 to 7, skipped with the button
            chat.press("personnage:skip")
        portrait = chat.last
        assert "Voici un premier portrait, tiré de tes mots" in texts(portrait)
        kept = chat.press("personnage:keep", count=1)
        assert "gardé" in texts(kept)

    engine = make_engine(database_url)
    try:
        with SqlStore(engine).unit_of_work() as uow:
            profile = uow.load_profile(f"tg:{chat_user}")
            assert profile.portrait and "je restais plutôt en retrait" in profile.portrait
            kinds = [e.kind for e in uow.journal(f"tg:{chat_user}")]
            assert kinds.count("personnage") == 3  # two answers and the portrait
    finally:
        engine.dispose()
