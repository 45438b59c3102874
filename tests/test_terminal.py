"""The terminal channel, run as a user would run it."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from companion.channels.terminal import chat, render, to_event
from companion.engine import Choice, Engine, EventKind, Reply
from companion.engine.effects import UpdateReminders
from companion.prompts import load_nvc_lists, load_question_bank
from companion.reminders.local import LocalReminders
from companion.service import ConversationService
from companion.storage import SqlStore
from tests.support.processes import run_chat
from tests.support.reading import RULES_READER, short_answers


def test_printf_start_consent_and_talk(tmp_path: Path) -> None:
    out = run_chat(tmp_path, "/start\n1\nbonjour\nblabla\nmerci, à demain\n")
    assert "Je suis un programme, pas un humain" in out
    assert "[1] J'ai 15 ans ou plus, j'accepte" in out
    assert "Merci. On y va" in out
    assert any(said in out for said in short_answers("fr", "greeting"))
    assert any(said in out for said in short_answers("fr", "farewell"))
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
    assert render(Reply("Q\u202f?", (Choice("A", "a"), Choice("B", "b")))) == "Q\u202f?\n  [1] A\n  [2] B"


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


def test_due_reminders_show_between_lines_with_an_injected_clock(store: SqlStore) -> None:
    clock = [datetime(2026, 6, 10, 6, 0, tzinfo=UTC)]  # 8:00 in Paris; the question is due at 9:00
    engine = Engine(reader=RULES_READER, questions=load_question_bank(), nvc=load_nvc_lists())
    service = ConversationService(store, engine, clock=lambda: clock[0])
    reminders = LocalReminders(store, engine, "cli:me", clock=lambda: clock[0])

    def lines() -> Iterator[str]:
        yield "/start\n"
        yield "1\n"
        with store.unit_of_work() as uow:
            uow.update_reminders("cli:me", UpdateReminders(enabled=True, minute=9 * 60, timezone="Europe/Paris"),
                                 clock[0])
            uow.commit()
        yield "bonjour\n"
        clock[0] += timedelta(hours=1, minutes=1)  # 9:01 in Paris: due while the chat is open
        yield "merci\n"
        yield "passer\n"

    out = io.StringIO()
    try:
        chat(service.handle, lines(), out, user_id="cli:me", due=reminders.due)
    finally:
        reminders.close()
    text = out.getvalue()
    assert text.count("🌿 Ta question du jour\u00a0:") == 1  # shown once, not again on the next line
    # Due at 9:00, shown before the answer to the next line typed, which then answers it.
    assert text.index("Bonjour 🙂") < text.index("🌿 Ta question du jour") < text.index("C'est dans ton journal")


def test_reminders_are_polled_while_waiting_for_a_line() -> None:
    ready = threading.Event()
    calls = []

    def due() -> list[Reply]:
        calls.append(1)
        if len(calls) == 3:
            ready.set()
            return [Reply("🌿 rappel", (Choice("Répondre", "menu:daily"),))]
        return []

    def lines() -> Iterator[str]:
        assert ready.wait(5)
        yield "1\n"

    seen = []

    def handle(event):  # type: ignore[no-untyped-def]
        seen.append(event)
        return [Reply("ok")]

    out = io.StringIO()
    chat(handle, lines(), out, user_id="u", due=due, poll_seconds=0.01)
    assert "🌿 rappel" in out.getvalue() and seen[0].choice == "menu:daily"  # its button answers "1"


def test_walk_plan_cancel_resume_note_aliases_in_french(tmp_path: Path) -> None:
    out = run_chat(tmp_path, "\n".join([
        "/start", "1", "/plan", "je ne dors plus", "passer", "ma sœur", "/annuler", "/reprendre", "Léa",
        "/stop", "/plan", "passer", "passer", "/plan", "/note j'ai bloqué le troll", "/repondr", "/aide", "/zzzqqq",
        "/start", "Plus…"]) + "\n")
    assert "Ce que tu as déjà écrit est gardé\u00a0: /reprendre" in out
    assert "On reprend où on en était.\n\n(4/6) À qui pourrais-tu demander de l'aide" in out
    assert "On reprend où on en était.\n\n(5/6) Y a-t-il des professionnels" in out  # /plan finds it again
    assert "C'est gardé. Tu peux le retrouver à tout moment avec /plan." in out
    assert out.count("Mes signes d'alerte\u00a0: je ne dors plus") == 2 and "À qui demander de l'aide\u00a0: Léa" in out
    assert "C'est dans ton journal. Tu as écrit\u00a0: «\u00a0j'ai bloqué le troll\u00a0»" in out
    assert "Colle ici le message" in out and "Je suis Compagnon, un programme" in out
    assert "Je ne connais pas cette commande" in out
    assert any(back in out for back in ("te revoilà", "content de te relire", "merci de revenir"))  # welcome back
    assert "Tout ce que je peux faire d'autre\u00a0:" in out and "[4] Mon plan de sécurité" in out


def test_walk_in_english(tmp_path: Path) -> None:
    out = run_chat(tmp_path, "\n".join([
        "/start", "1", "/plan", "I stop sleeping", "Let's stop here", "/plan", "/note blocked the troll today",
        "/repply", "/cancel", "/resume", "/menu", "More…"]) + "\n", "--lang", "en")
    assert "A safety plan is a map" in out and "My warning signs: I stop sleeping" in out
    assert "It's in your journal. You wrote: “blocked the troll today”" in out
    assert "What you've already written is kept: /resume" in out
    assert "Let's pick up where we were.\n\nPaste the message you received" in out
    assert "  [7] More…\n" in out and "[8]" not in out  # resume, five entries, More…
    assert "Everything else I can do:" in out and "My safety plan" in out
