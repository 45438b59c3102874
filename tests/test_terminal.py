"""The terminal channel, run as a user would run it."""

from __future__ import annotations

import io
from pathlib import Path

from companion.channels.terminal import chat, render, to_event
from companion.engine import Choice, EventKind, Reply
from tests.support.processes import run_chat


def test_printf_start_consent_and_talk(tmp_path: Path) -> None:
    out = run_chat(tmp_path, "/start\n1\nbonjour\nblabla\nmerci, à demain\n")
    assert "Je suis un programme, pas un humain" in out
    assert "[1] J'ai 15 ans ou plus, j'accepte" in out
    assert "Merci. On y va" in out
    assert "Bonjour 🙂" in out and "À bientôt. Prends soin de toi." in out
    assert "pas sûr de bien comprendre" in out  # "blabla"


def test_conversation_survives_a_restart(tmp_path: Path) -> None:
    run_chat(tmp_path, "/start\n")
    # A new process: no buttons on screen yet, so "1" is plain text and the same step asks again…
    out = run_chat(tmp_path, "1\n1\n")
    assert "j'ai besoin de savoir si tu as 15 ans" in out
    assert "Merci. On y va" in out  # …then "1" picks the re-shown consent button.
    out = run_chat(tmp_path, "/note\nUne pensée pour plus tard\n")
    assert "C'est dans ton journal" in out


def test_english_and_separate_users(tmp_path: Path) -> None:
    out = run_chat(tmp_path, "/start\n", "--lang", "en", "--user", "ana")
    assert "I'm a program, not a human" in out
    out = run_chat(tmp_path, "/start\n", "--user", "bea")
    assert "Je suis un programme" in out


def test_numbers_and_labels_pick_choices() -> None:
    choices = (Choice("Oui", "x:yes"), Choice("Non merci", "x:no"))
    assert to_event("u", "2", choices, None).choice == "x:no"
    assert to_event("u", "non MERCI", choices, None).choice == "x:no"
    assert to_event("u", "3", choices, None).kind is EventKind.TEXT
    assert to_event("u", "/help", choices, None).kind is EventKind.COMMAND


def test_render_numbers_choices() -> None:
    assert render(Reply("Q ?", (Choice("A", "a"), Choice("B", "b")))) == "Q ?\n  [1] A\n  [2] B"


def test_chat_loop_uses_only_the_latest_buttons() -> None:
    seen = []

    def handle(event):  # type: ignore[no-untyped-def]
        seen.append(event)
        if len(seen) == 1:
            return [Reply("pick", (Choice("A", "f:a"),))]
        return [Reply("no buttons")]

    out = io.StringIO()
    chat(handle, ["hello\n", "1\n", "1\n"], out, user_id="u")
    assert seen[1].kind is EventKind.CHOICE and seen[2].kind is EventKind.TEXT
