"""No user text in the logs, at any level: a whole session of the real ``companion webhook`` process at DEBUG."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from tests.support.telegram import PUBLIC_URL, TOKEN, buttons, free_port

USER = 900
SECRET = "logs-secret"
SENTENCES = (
    "Quasimodo-5521 regrette amerement la dispute du mardi soir",  # a journal note
    "Tu es une honte Bartleby-8804, personne ne veut de toi ici",  # a forwarded message
    "Comment Fitzcarraldo-3390 peut-il repondre a un troll",  # a question
    "Ophelie-6617 corrige son message",  # an edit
    "Ignatius-2209 rien que des emojis et du texte",  # free text
)


def test_a_full_session_at_debug_logs_no_user_text(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg"
    with FakeBotApi.run_in_thread(token=TOKEN) as api:
        client = FakeBotApiClient(api.root_url)
        env = {**os.environ, "COMPANION_TELEGRAM_TOKEN": TOKEN, "COMPANION_TELEGRAM_BASE_URL": api.base_url,
               "COMPANION_TELEGRAM_BASE_FILE_URL": api.base_file_url, "COMPANION_DATA_DIR": str(tmp_path / "data"),
               "COMPANION_RETRIEVAL": "bm25", "COMPANION_WEBHOOK_URL": PUBLIC_URL, "COMPANION_WEBHOOK_PORT": str(port),
               "COMPANION_WEBHOOK_PATH": "tg", "COMPANION_WEBHOOK_SECRET": SECRET, "COMPANION_LOG_LEVEL": "DEBUG"}
        log = tmp_path / "bot.log"
        with log.open("w") as output:
            process = subprocess.Popen([sys.executable, "-m", "companion.cli", "webhook"], env=env, cwd=tmp_path,
                                       stdout=output, stderr=subprocess.STDOUT)
        try:
            client.wait_for_calls("setWebhook", timeout=90)
            with httpx.Client(timeout=10) as http:

                def deliver(secret: str = SECRET) -> None:
                    for update in api.pop_updates():
                        for _ in range(100):
                            try:
                                http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret})
                                break
                            except httpx.ConnectError:
                                time.sleep(0.1)

                def turn(text: str = "", count: int = 1, predicate: Callable[[dict], bool] | None = None,
                         **kw: object) -> list[dict]:
                    seq = client.last_seq()
                    sent = api.inject_message(USER, text, **kw)
                    deliver()
                    answer = client.wait_for_sent(USER, seq, count=count, timeout=30, predicate=predicate)
                    answer.append({"user_message_id": sent["message_id"]})
                    return answer

                def press(answer: list[dict], index: int = 0, count: int = 1) -> list[dict]:
                    message = [m for m in answer if m.get("reply_markup")][-1]
                    seq = client.last_seq()
                    api.inject_callback(USER, message["message_id"], buttons(message)[index]["callback_data"])
                    deliver()
                    return client.wait_for_sent(USER, seq, count=count, timeout=30)

                welcome = turn("/start", count=2)
                press(welcome)  # the thanks and the menu, one message
                turn("/note")
                turn(SENTENCES[0])
                turn(SENTENCES[1], forward_from_name="Quelqu'un")
                turn(SENTENCES[2])
                free = turn(SENTENCES[4])
                seq = client.last_seq()
                api.inject_edit(USER, free[-1]["user_message_id"], SENTENCES[3])
                deliver()
                client.wait_for_sent(USER, seq, timeout=30)  # the edit notice, before the next turn counts
                api.inject_message(USER, SENTENCES[4])
                deliver("wrong-secret")  # rejected: PTB logs the attempt
                # The two documents come last: once both are here, no earlier answer can fall into the next turn.
                turn("/mesdonnees", count=2, predicate=lambda m: m["method"] == "sendDocument")
                confirm = turn("/oubli")
                press(confirm)
                turn("", kind="sticker")
        finally:
            process.terminate()
            process.wait(timeout=20)
    output = log.read_text("utf-8")
    assert "DEBUG" in output and "turn: kind=" in output and "Calling Bot API endpoint" in output
    escaped = [json.dumps(s)[1:-1] for s in SENTENCES]
    tokens = [re.search(r"\w+-\d{4}", s).group() for s in SENTENCES]  # type: ignore[union-attr]
    for needle in list(SENTENCES) + escaped + tokens:
        assert needle not in output, f"user text in the logs: {needle!r}"
    assert SECRET not in output and "wrong-secret" not in output
