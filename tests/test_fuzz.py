"""Fuzz: 5,000 generated updates through the real application and the fake Bot API over HTTP.

Random texts (any script, emoji, invisible and direction characters, huge pastes), commands with and without
arguments, forged and random callback data, stickers and other media, edits, groups and channel posts. Zero
unhandled exceptions; every private text message gets an answer.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update

from tests.support.webhook import Bot, webhook_bot

BATCH = 50
BATCHES = 100  # 5,000 updates
USERS = list(range(3000, 3012))
COMMANDS = ["start", "menu", "note", "question", "reprendre", "reglages", "oubli", "help", "cancel", "repondre",
            "mesdonnees", "journal", "moi", "rappels", "personnage", "mission", "famille", "inconnue", "start repondre"]
ODD = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

texts = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300),
    st.text(st.sampled_from("abcdefghij éèàç?!.,'😀🙏🏽👩‍👧 " + ODD), max_size=200),
    st.sampled_from(["oui", "non", "1", "2", "je suis nul", "comment répondre à un troll ?", "Tu es nul", "  "]),
    st.integers(160, 5000).map(lambda n: ("long texte collé " * (n // 17 + 1))[:n]),
)
commands = st.tuples(st.sampled_from(COMMANDS), st.one_of(st.just(""), texts)).map(
    lambda c: f"/{c[0]} {c[1]}".rstrip())


@st.composite
def actions(draw: st.DrawFn) -> dict[str, Any]:
    """One thing a user does."""
    kind = draw(st.sampled_from(["text", "text", "text", "command", "command", "press", "media", "edit",
                                 "forward", "group", "channel"]))
    action: dict[str, Any] = {"kind": kind, "user": draw(st.sampled_from(USERS))}
    if kind in ("text", "edit", "forward", "group", "channel"):
        action["text"] = draw(texts) or "?"
    elif kind == "command":
        action["text"] = draw(commands)
    elif kind == "press":
        action["button"] = draw(st.integers(0, 30))
        action["data"] = draw(st.one_of(st.none(), st.text(max_size=64).filter(lambda d: 0 < len(d.encode()) <= 64)))
    else:
        action["media"] = draw(st.sampled_from(["sticker", "photo", "voice", "document", "location"]))
    return action


class Runner:
    """The bot on its own event loop in a thread, so that hypothesis (synchronous) can drive it."""

    def __init__(self, tmp_path: Path, database_url: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.ready = threading.Event()
        self.stop = asyncio.Event()
        self.bot: Bot | None = None
        self.future = asyncio.run_coroutine_threadsafe(self._serve(tmp_path, database_url), self.loop)
        if not self.ready.wait(120):
            raise RuntimeError("the bot did not start")
        self.update_ids = itertools.count(1)
        self.last_message: dict[int, int] = {}
        self.keyboards: dict[int, list[dict[str, Any]]] = {}

    async def _serve(self, tmp_path: Path, database_url: str) -> None:
        async with webhook_bot(tmp_path, database_url, flood_limit=0, overall_max_rate=0) as bot:
            self.bot = bot
            self.stop = asyncio.Event()
            self.ready.set()
            await self.stop.wait()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.stop.set)
        self.future.result(60)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    def run(self, action: dict[str, Any]) -> tuple[bool, int]:
        """Play one action through ``Application.process_update``; (was it a private text, answers sent)."""
        return asyncio.run_coroutine_threadsafe(self._run(action), self.loop).result(120)

    async def _run(self, action: dict[str, Any]) -> tuple[bool, int]:
        bot = self.bot
        assert bot is not None
        api, user, kind = bot.api, action["user"], action["kind"]
        private_text = False
        if kind in ("text", "command", "forward"):
            sent = api.inject_message(user, action["text"],
                                      forward_from_name="Quelqu'un" if kind == "forward" else None)
            self.last_message[user] = sent["message_id"]
            private_text = True
        elif kind == "media":
            api.inject_message(user, kind=action["media"])
        elif kind == "edit" and user in self.last_message:
            api.inject_edit(user, self.last_message[user], action["text"])
        elif kind == "group":
            api.inject_message(user, action["text"], chat_id=-100 - user, chat_type="group")
        elif kind == "channel":
            api.inject_message(user, action["text"], chat_id=-200 - user, chat_type="channel")
        elif kind == "press":
            ours = self.keyboards.get(user, [])
            if not ours:
                return False, 0
            message = ours[-1 - action["button"] % len(ours)]
            keys = [b for row in message["reply_markup"]["inline_keyboard"] for b in row if "callback_data" in b]
            data = action["data"] or keys[action["button"] % len(keys)]["callback_data"]
            api.inject_callback(user, message["message_id"], data)
        seq = api.last_seq()
        for raw in api.pop_updates():
            raw["update_id"] = next(self.update_ids)
            await bot.application.process_update(Update.de_json(raw, bot.application.bot))
        answers = api.sent(user, seq)
        self.keyboards.setdefault(user, []).extend(m for m in answers if m.get("reply_markup"))
        del self.keyboards[user][:-30]
        return private_text, len(answers)


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[Runner]:
    # SQLite on purpose: the point is the application's handling, and it keeps 5,000 updates fast.
    started = Runner(tmp_path, f"sqlite:///{tmp_path / 'fuzz.db'}")
    yield started
    started.close()


def test_fuzz_5000_updates(runner: Runner) -> None:
    played = {"updates": 0, "private_texts": 0}
    unanswered: list[str] = []

    @settings(max_examples=BATCHES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.lists(actions(), min_size=BATCH, max_size=BATCH))
    def play(batch: list[dict[str, Any]]) -> None:
        for action in batch:
            private_text, answers = runner.run(action)
            played["updates"] += 1
            if private_text:
                played["private_texts"] += 1
                if not answers:
                    unanswered.append(repr(action)[:200])

    started = time.perf_counter()
    play()
    assert runner.bot is not None
    assert runner.bot.errors == [], runner.bot.errors[:3]
    assert unanswered == []
    assert played["updates"] >= 5000 and played["private_texts"] > 2000
    print(f"fuzz: {played} in {time.perf_counter() - started:.0f}s")
