"""Command line: ``companion run | webhook | chat | ask | migrate | …``; ``eval …`` and ``bench …`` live in evals."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from companion.config import Settings, load_settings_or_exit
from companion.evals.cli import bench_app, eval_app

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Compagnon, a companion for digital empathy.")
REMINDER_POLL_SECONDS = 30.0
"""How often the terminal chat looks for due reminders while waiting for a line."""
app.add_typer(eval_app, name="eval")
app.add_typer(bench_app, name="bench")
privacy_app = typer.Typer(no_args_is_help=True, help="Encryption keys and stored data.")
app.add_typer(privacy_app, name="privacy")

logger = logging.getLogger("companion")


def _services(settings: Settings):  # noqa: ANN202 - imported lazily to keep `--help` fast
    from companion.bootstrap import build_services, configure_logging

    configure_logging(settings.log_level, settings.log_format)
    with _ingest_progress() as progress:
        return build_services(settings, progress=progress)


@contextmanager
def _ingest_progress() -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for passages being embedded (shown only when there is work)."""
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Indexing the knowledge base", total=None, visible=False)

        def advance(count: int, total: int) -> None:
            bar.update(task, advance=count, total=total, visible=True)

        yield advance


def _bot_services(settings: Settings):  # noqa: ANN202 - Services is imported lazily
    """Services for a bot process, with /healthz and /metrics (retention is one of the bot's jobs)."""
    from companion.bootstrap import start_health_server

    services = _services(settings)
    start_health_server(services)
    return services


@app.command()
def run() -> None:
    """Run Compagnon: on Telegram when COMPANION_TELEGRAM_TOKEN is set, otherwise in the terminal."""
    settings = load_settings_or_exit()
    if settings.telegram_token is None:
        typer.echo("No COMPANION_TELEGRAM_TOKEN set: starting the terminal chat (Ctrl-D to quit).", err=True)
        _chat(settings, "local", None)
        return
    from companion.channels.telegram.app import run_polling

    run_polling(_bot_services(settings))


@app.command()
def webhook() -> None:
    """Run the bot in webhook mode (COMPANION_WEBHOOK_URL, _LISTEN, _PORT, _PATH, _SECRET)."""
    settings = load_settings_or_exit()
    if settings.telegram_token is None or not settings.webhook_url:
        typer.echo("Configuration error: webhook mode needs COMPANION_TELEGRAM_TOKEN and COMPANION_WEBHOOK_URL",
                   err=True)
        raise typer.Exit(2)
    from companion.channels.telegram.webhook import run_webhook

    run_webhook(_bot_services(settings))


@app.command()
def doctor() -> None:
    """Check the configuration: token, database, knowledge index, language model, timezone data."""
    from companion.doctor import run_doctor

    failed = False
    for check in run_doctor(load_settings_or_exit()):
        typer.echo(check.line())
        failed = failed or (check.required and not check.ok)
    raise typer.Exit(1 if failed else 0)


@app.command()
def chat(
    user: Annotated[str, typer.Option("--user", help="Who is talking (keeps separate conversations).")] = "local",
    lang: Annotated[str | None, typer.Option("--lang", help="fr or en, for a new user.")] = None,
) -> None:
    """Talk to Compagnon in the terminal; reads lines until end of input."""
    if lang not in (None, "fr", "en"):
        typer.echo("--lang must be fr or en", err=True)
        raise typer.Exit(2)
    _chat(load_settings_or_exit(), user, lang)


def _chat(settings: Settings, user: str, lang: str | None) -> None:
    from companion.channels.terminal import chat as terminal_chat
    from companion.engine import Event
    from companion.reminders.local import LocalReminders

    if settings.log_level == "INFO":
        settings = settings.model_copy(update={"log_level": "WARNING"})
    services = _services(settings)
    conversations = services.conversations

    def hear(user_id: str, audio: bytes) -> Event:
        return conversations.hear(user_id, audio, language_code=lang)

    reminders = LocalReminders(services.store, conversations.engine, f"cli:{user}")
    try:
        # Due reminders show before each answer and, at a keyboard, every half minute while waiting.
        terminal_chat(conversations.handle, sys.stdin, sys.stdout, user_id=f"cli:{user}", language=lang,
                      files_dir=settings.data_dir / "exports", due=reminders.due,
                      poll_seconds=REMINDER_POLL_SECONDS if sys.stdin.isatty() else None, hear=hear)
    finally:
        reminders.close()


@app.command()
def transcribe(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="An audio file (OGG/Opus, WAV, MP3…).")],
) -> None:
    """Print the text heard in an audio file and its language (fr or en), offline, as the bot hears voice notes."""
    from companion.bootstrap import build_transcriber, configure_logging
    from companion.engine.ports import VoiceProblem

    settings = load_settings_or_exit()
    configure_logging("WARNING" if settings.log_level == "INFO" else settings.log_level, settings.log_format)
    transcriber = build_transcriber(settings.model_copy(update={"voice": True}))
    assert transcriber is not None
    try:
        heard = transcriber.transcribe(file.read_bytes())
    except VoiceProblem as problem:
        typer.echo(f"could not transcribe: {problem.reason}", err=True)
        raise typer.Exit(1) from None
    typer.echo(heard.text)
    typer.echo(f"language={heard.language} probability={heard.probability:.2f} seconds={heard.duration_s:.1f}")


@app.command()
def migrate() -> None:
    """Apply database migrations."""
    from companion.storage import migrate_url

    settings = load_settings_or_exit()
    migrate_url(settings.resolved_database_url)
    typer.echo("database is up to date")


@app.command()
def ingest() -> None:
    """Build or update the knowledge index (unchanged passages cost nothing)."""
    from companion.bootstrap import build_knowledge, configure_logging

    settings = load_settings_or_exit()
    configure_logging(settings.log_level)
    started = time.perf_counter()
    with _ingest_progress() as progress:
        knowledge = build_knowledge(settings, progress)
    report = knowledge.report
    summary = (f"added={report.added} updated={report.updated} removed={report.removed} "
               f"unchanged={report.unchanged}") if report else "dense index disabled (BM25 only)"
    typer.echo(f"{summary} passages={len(knowledge.passages)} mode={knowledge.retriever.mode} "
               f"seconds={time.perf_counter() - started:.1f}")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question about the themes, in French or English.")],
    lang: Annotated[str | None, typer.Option("--lang", help="fr or en (guessed from the text if omitted).")] = None,
) -> None:
    """Answer a question from the knowledge base, as the bot would."""
    from datetime import UTC, datetime

    from companion.channels.terminal import render
    from companion.engine import ConversationState, Event, Profile
    from companion.engine.text import detect_language

    settings = load_settings_or_exit()
    if settings.log_level == "INFO":
        settings = settings.model_copy(update={"log_level": "WARNING"})
    services = _services(settings)
    language = lang if lang in ("fr", "en") else detect_language(question, settings.default_language)
    now = datetime.now(UTC)
    # A one-off answer: an ephemeral profile, nothing is stored.
    profile = Profile("cli:ask", language, consent_at=now, known=True)
    event = Event.from_text("cli:ask", f"/question {question}")
    result = services.conversations.engine.handle(profile, ConversationState(), event, now)
    for reply in result.replies:
        typer.echo(render(reply) + "\n")


@app.command()
def analyse(
    text: Annotated[str | None, typer.Argument(help="One message to read.")] = None,
    input: Annotated[Path | None, typer.Option("--input", exists=True, dir_okay=False,
                                               help='JSONL rows with "text" (and "lang").')] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="fr or en (detected when absent).")] = None,
) -> None:
    """Read messages: crisis tier, intent, tension, feelings and needs (one JSON per row, then timings)."""
    from companion.evals.cli import quiet_reader
    from companion.evals.reading import as_json, percentile, read_jsonl, timed_readings

    if (text is None) == (input is None):
        raise typer.BadParameter("give one message, or --input FILE.jsonl")
    reader = quiet_reader()
    reader.read("échauffement")
    if text is not None:
        reading = reader.read(text, lang)
        typer.echo(f"langue / language : {reading.lang}")
        typer.echo(f"crise / crisis    : {reading.crisis.tier}" + (f" ({reading.crisis.kind})" if reading.crisis.kind
                                                                     else ""))
        typer.echo(f"intention / intent: {reading.intent}")
        tension = reading.tension
        typer.echo(f"tension           : {tension.level}/3" + (" — protection d'abord" if tension.protection else ""))
        for marker in tension.markers:
            typer.echo(f"  - {marker.kind}: « {marker.quote} »")
        typer.echo(f"ressentis / feelings: {', '.join(reading.feelings) or '-'}")
        typer.echo(f"besoins / needs     : {', '.join(reading.needs) or '-'}")
        return
    assert input is not None
    times = []
    for _, reading, ms in timed_readings(reader, read_jsonl(input)):
        times.append(ms)
        typer.echo(json.dumps(as_json(reading), ensure_ascii=False))
    typer.echo(f"n={len(times)} p50_ms={percentile(times, 50):.1f} p95_ms={percentile(times, 95):.1f}")


@privacy_app.command("new-key")
def privacy_new_key() -> None:
    """Print a fresh key for COMPANION_ENCRYPTION_KEY."""
    from companion.privacy.crypto import generate_key

    typer.echo(generate_key())


@privacy_app.command("rotate")
def privacy_rotate() -> None:
    """Re-encrypt every stored text with the first key of COMPANION_ENCRYPTION_KEY (then drop the old key)."""
    from companion.privacy.crypto import FieldCipher
    from companion.storage import open_store

    settings = load_settings_or_exit()
    if settings.encryption_key is None:
        typer.echo("Configuration error: COMPANION_ENCRYPTION_KEY is not set", err=True)
        raise typer.Exit(2)
    store = open_store(settings.resolved_database_url, cipher=FieldCipher(settings.encryption_key.get_secret_value()))
    with store.unit_of_work() as uow:
        rows = uow.reencrypt()
        uow.commit()
    store.close()
    typer.echo(f"rows_reencrypted={rows}")


def main() -> None:
    """Entry point of the ``companion`` command."""
    app()


if __name__ == "__main__":
    main()
