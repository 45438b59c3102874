"""Voice notes end to end over HTTP: the real bot process fetches real OGG/Opus notes from the fake Bot API."""

from __future__ import annotations

import base64
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from tests.support.processes import bot_process
from tests.support.telegram import buttons, texts

CLIPS = Path(__file__).parent / "data" / "voice"
AUDIO_SUFFIXES = (".ogg", ".oga", ".opus", ".wav", ".mp3", ".m4a", ".webm")
REPLY_PATH = ("reply:ab2", "reply:continue", "reply:who_friend", "reply:private", "reply:neutral", "reply:pick:triste",
              "reply:done", "reply:reply", "reply:suggest", "reply:talk", "reply:keep")
"""Buttons pressed, first found first, to walk a reply session through to the draft."""


class Chat:
    """One user's side: send, press a button by its value, read the whole turn back."""

    def __init__(self, client: FakeBotApiClient, user: int, lang: str) -> None:  # noqa: F811 - the fixture's type
        self.client, self.user, self.lang = client, user, lang
        self.last: list[dict] = []

    def _turn(self, act: Callable[[], object], until: Callable[[dict], bool]) -> list[dict]:
        seq = self.client.last_seq()
        act()
        self.client.wait_for_sent(self.user, seq, count=1, timeout=120, predicate=until)
        self.last = self.client.sent(self.user, seq)
        return self.last

    def send(self, text: str, until: Callable[[dict], bool] = lambda m: bool(buttons(m))) -> list[dict]:
        return self._turn(lambda: self.client.send_text(self.user, text, language_code=self.lang), until)

    def voice(self, clip: str, until: Callable[[dict], bool] = lambda m: bool(buttons(m)), **kw: object) -> list[dict]:
        audio = base64.b64encode((CLIPS / f"{clip}.ogg").read_bytes()).decode()
        return self._turn(lambda: self.client.send(self.user, kind="voice", audio_b64=audio, duration=5,
                                                   language_code=self.lang, **kw), until)

    def values(self) -> list[str]:
        return [str(b.get("callback_data", "")).split("~")[0] for m in self.last for b in buttons(m)]

    def press(self, value: str) -> list[dict]:
        for message in reversed(self.last):
            for button in buttons(message):
                if str(button.get("callback_data", "")).split("~")[0] == value:
                    return self._turn(lambda b=button, m=message: self.client.press(self.user, m["message_id"],
                                                                                   b["callback_data"]),
                                      lambda m: bool(buttons(m)))
        raise AssertionError(f"no button {value!r} in {self.values()}")

    def onboard(self) -> None:
        self.send("/start", until=lambda m: any(v.startswith("onb:accept") for v in
                                                [str(b.get("callback_data")) for b in buttons(m)]))
        self.press("onb:accept")


def audio_files(*roots: Path, since: float = 0.0, depth: int = 99) -> list[Path]:
    """Files under ``roots`` that look like audio (by name or by the OGG magic), modified after ``since``."""
    found = []
    for root in roots:
        for folder, _, names in os.walk(root):
            if len(Path(folder).relative_to(root).parts) > depth:
                continue
            for name in names:
                path = Path(folder) / name
                try:
                    if path.stat().st_mtime < since:
                        continue
                    with path.open("rb") as handle:
                        magic = handle.read(4)
                except OSError:
                    continue
                if name.lower().endswith(AUDIO_SUFFIXES) or magic == b"OggS":
                    found.append(path)
    return found


def test_voice_notes_in_a_journey_a_reply_session_and_a_crisis(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = time.time()
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))  # the bot's temp folder, checked with the rest below
    with bot_process(api, database_url, tmp_path, typing_delay="0") as bot:
        # 1. A voice note answers a journey's question, as the typed answer would.
        journey = Chat(client, 5101, "en")
        journey.onboard()
        intro = journey.send("/personnage")
        journey.press(next(v for v in journey.values() if v.startswith("personnage:")))
        assert "(1/7)" in texts(journey.last), texts(intro)
        heard = journey.voice("en_journey")
        assert "I heard: “I felt left out when my friends" in texts(heard)
        assert journey.values()[:3] == ["voice:ok", "voice:received", "voice:fix"]
        echoed = journey.press("voice:ok")
        assert "You write: “I felt left out when my friends" in texts(echoed)
        assert client.calls("sendChatAction"), "typing… is shown while the note is transcribed"

        # 2. A forwarded voice note opens "Help me reply" with it as the received message, through to the draft.
        reply = Chat(client, 5102, "en")
        reply.onboard()
        heard = reply.voice("en_received", forward_from_name="Someone")
        assert "In this forwarded voice message, I heard: “You never answer my messages" in texts(heard)
        offer = reply.press("voice:ok")
        assert "Shall we talk it through before you reply?" in texts(offer)
        reply.press("reply:yes")
        draft, picked = None, set()
        for _ in range(30):
            copy = [b for m in reply.last for b in buttons(m) if "copy_text" in b]
            if copy:
                draft = copy[0]["copy_text"]["text"]
                break
            value = next((v for v in REPLY_PATH if v in reply.values() and v not in picked), None)
            assert value is not None, (reply.values(), texts(reply.last))
            if value.startswith("reply:pick:"):
                picked.add(value)  # a feeling button toggles: pressed once
            reply.press(value)
        assert draft, "the session reaches a draft to copy"

        # 3. A voice note with a crisis in it gets the crisis answer at once, without the check.
        crisis = Chat(client, 5103, "en")
        crisis.onboard()
        answer = crisis.voice("en_crisis", until=lambda m: "matters to me" in str(m.get("text")))
        assert "What you're telling me matters to me and I take it seriously" in texts(answer)
        assert "112" in texts(answer) and "I heard" not in texts(answer)
        assert "voice:ok" not in crisis.values()

        # 4. Video notes and audio files are told apart.
        other = Chat(client, 5104, "fr")
        other.onboard()
        seq = client.last_seq()
        client.send(5104, kind="video_note", language_code="fr")
        assert "pas les messages vidéo" in texts(client.wait_for_sent(5104, seq, timeout=60))
        seq = client.last_seq()
        client.send(5104, kind="audio", language_code="fr")
        assert "pas les fichiers audio" in texts(client.wait_for_sent(5104, seq, timeout=60))
        assert bot.poll() is None
    # No audio anywhere: not in the data directory, the bot's folders, nor the system's temp folder.
    assert audio_files(tmp_path) == []
    assert audio_files(Path(tempfile.gettempdir()), since=started, depth=1) == []
    log = (tmp_path / "bot.log").read_text()
    for spoken in ("left out", "never answer", "want to die"):
        assert spoken not in log  # the transcripts are never logged
