"""Webhook mode: the secret token is checked, updates are answered, the deep link opens the reply session."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from tests.support.telegram import PUBLIC_URL, TOKEN, free_port, texts
from tests.support.webhook import webhook_bot


async def test_secret_token_is_checked_and_updates_are_answered(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        registered = bot.api.calls("setWebhook")
        assert registered and registered[-1]["params"]["url"] == PUBLIC_URL
        assert registered[-1]["params"]["secret_token"] == bot.secret

        seq = bot.api.last_seq()
        bot.api.inject_message(501, "/start")
        update = bot.api.pop_updates()[0]
        missing = await bot.post(update, secret="")
        wrong = await bot.post(update, secret="not-the-secret")
        assert (missing.status_code, wrong.status_code) == (403, 403)
        await bot.idle()
        assert bot.api.sent(501, seq) == []  # a forged update is never processed

        right = await bot.post(update)
        assert right.status_code == 200
        await bot.idle()
        assert "Je suis un programme, pas un humain" in texts(bot.api.sent(501, seq))
        assert bot.errors == []


async def test_deep_link_start_repondre_opens_the_reply_session(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(502)
        # t.me/<bot>?start=repondre arrives as "/start repondre".
        answer = await bot.turn(502, "/start repondre")
        plain = await bot.turn(503, "/start")
        assert "Je suis un programme" in texts(plain)
        with bot.services.store.unit_of_work() as uow:
            state, _ = uow.load_state("tg:502")
        assert state.flow == "reply"
        assert answer and bot.errors == []


def test_companion_webhook_process(tmp_path: Path) -> None:
    """The real ``companion webhook`` command: registers its URL with the secret, answers, rejects forgeries."""
    port = free_port()
    with FakeBotApi.run_in_thread(token=TOKEN) as api:
        client = FakeBotApiClient(api.root_url)
        env = {**os.environ, "COMPANION_TELEGRAM_TOKEN": TOKEN, "COMPANION_TELEGRAM_BASE_URL": api.base_url,
               "COMPANION_TELEGRAM_BASE_FILE_URL": api.base_file_url, "COMPANION_DATA_DIR": str(tmp_path / "data"),
               "COMPANION_RETRIEVAL": "bm25", "COMPANION_WEBHOOK_URL": PUBLIC_URL, "COMPANION_WEBHOOK_PORT": str(port),
               "COMPANION_WEBHOOK_PATH": "/hook/", "COMPANION_WEBHOOK_SECRET": "s3cret_token-1"}
        log = tmp_path / "bot.log"
        with log.open("w") as output:
            process = subprocess.Popen([sys.executable, "-m", "companion.cli", "webhook"], env=env, cwd=tmp_path,
                                       stdout=output, stderr=subprocess.STDOUT)
        try:
            client.wait_for_calls("setWebhook", timeout=90)
            params = client.calls("setWebhook")[-1]["params"]
            assert params["url"] == PUBLIC_URL and params["secret_token"] == "s3cret_token-1"
            url = f"http://127.0.0.1:{port}/hook"
            client.send_text(601, "/start")
            update = api.pop_updates()[0]
            with httpx.Client(timeout=10) as http:
                for _ in range(100):  # the server starts listening just before it registers
                    try:
                        forged = http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
                        break
                    except httpx.ConnectError:
                        time.sleep(0.1)
                assert forged.status_code == 403
                assert http.post(url, json=update).status_code == 403
                seq = client.last_seq()
                ok = http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret_token-1"})
                assert ok.status_code == 200
            answer = client.wait_for_sent(601, seq, count=2, timeout=30)
            assert "Je suis un programme" in texts(answer)
        except BaseException:
            print(log.read_text())
            raise
        finally:
            process.terminate()
            process.wait(timeout=20)
