"""The bot and the terminal chat as real processes: the fake Bot API fixtures, ``companion run`` and a chat."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from tests.support.telegram import TOKEN, USER, buttons


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    """The fake Bot API server, in a thread."""
    with FakeBotApi.run_in_thread(token=TOKEN) as server:
        yield server


@pytest.fixture
def client(api: FakeBotApi) -> FakeBotApiClient:
    """A user's side of the fake Bot API."""
    return FakeBotApiClient(api.root_url)


@contextmanager
def bot_process(api: FakeBotApi, database_url: str, tmp_path: Path, **settings: str) -> Iterator[subprocess.Popen[str]]:
    """Run ``companion run`` against the fake server (``settings`` become ``COMPANION_…`` variables); kill it at
    the end."""
    env = {**os.environ, "COMPANION_TELEGRAM_TOKEN": TOKEN, "COMPANION_TELEGRAM_BASE_URL": api.base_url,
           "COMPANION_TELEGRAM_BASE_FILE_URL": api.base_file_url, "COMPANION_DATABASE_URL": database_url,
           "COMPANION_DATA_DIR": str(tmp_path / "data"), "COMPANION_POLL_TIMEOUT": "1",
           **{f"COMPANION_{key.upper()}": value for key, value in settings.items()}}
    log = tmp_path / "bot.log"
    with log.open("a") as output:
        process = subprocess.Popen([sys.executable, "-m", "companion.cli", "run"], env=env, cwd=tmp_path,
                                   stdout=output, stderr=subprocess.STDOUT, text=True)
    try:
        yield process
    except BaseException:
        print(log.read_text())  # shown by pytest when the test fails
        raise
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def run_chat(tmp_path: Path, stdin: str, *args: str) -> str:
    """What ``companion chat`` prints for these lines typed in (no Telegram token, no database URL)."""
    env = {**os.environ, "COMPANION_DATA_DIR": str(tmp_path / "data")}
    env.pop("COMPANION_TELEGRAM_TOKEN", None)
    env.pop("COMPANION_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "companion.cli", "chat", *args], input=stdin, env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


class Chat:
    """One user's side of the conversation: send, press a button by its value, read what came back."""

    def __init__(self, client: FakeBotApiClient, wait: float = 60) -> None:
        self.client = client
        self.wait = wait  # seconds a turn may take before the test fails, not a speed it asserts
        self.last: list[dict] = []

    def _wait(self, seq: int, count: int) -> list[dict]:
        # Each turn of the session ends with a message carrying buttons: wait for it, then take the whole turn.
        self.client.wait_for_sent(USER, seq, count=1, timeout=self.wait, predicate=lambda m: bool(buttons(m)))
        self.last = self.client.sent(USER, seq)
        assert len(self.last) >= count, [m["text"][:80] for m in self.last]
        return self.last

    def send(self, text: str, count: int = 1, **kw: object) -> list[dict]:
        seq = self.client.last_seq()
        self.client.send_text(USER, text, **kw)
        return self._wait(seq, count)

    def press(self, value: str, count: int = 1) -> list[dict]:
        for message in reversed(self.last):
            for button in buttons(message):
                if str(button.get("callback_data", "")).split("~")[0] == value:
                    seq = self.client.last_seq()
                    self.client.press(USER, message["message_id"], button["callback_data"])
                    return self._wait(seq, count)
        raise AssertionError(f"no button {value!r} in {[buttons(m) for m in self.last]}")


