"""``companion bench updates``: N private-chat updates through the whole stack, and through a bare echo bot.

Both bots run in this process in webhook mode against the fake Bot API
(``companion.evals.fake_bot_api``, in its own thread): Compagnon with SQLite, crisis screening, the engine, the rate
limiter (Telegram's 30 messages/s ceiling lifted, since the server is local) and the per-user ordering; the echo
bot is a bare python-telegram-bot ``Application`` that answers every text with the same text. A driver posts
the same N updates to each over HTTP (aiohttp) with the secret-token header, as Telegram does: many users at
once, each user's next message only after the previous one was fully handled. The driver and the fake server
share the process, so their cost is in both rates (which brings the ratio closer to 1). Turn latency runs from
the POST to the end of the update's handling (every reply sent). The last line is
``updates_per_s=… echo_per_s=… ratio=… p95_ms=…`` (ratio = Compagnon's rate / the echo bot's).
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any

import typer

TOKEN = "123456:BENCH"
SECRET = "bench-secret"
FIRST_USER = 20_000_000
SCRIPT = ("/start", "@accept", "/note", "J'ai pris le temps de respirer avant de répondre à mon cousin.", "/menu",
          "bonjour", "/help", "Comment réagir quand on m'insulte en ligne ?", "/cancel", "merci, à demain")
"""What each user sends, in order (``@accept`` presses the first button of the bot's last message)."""


def bench_updates(
    updates: Annotated[int, typer.Option("--updates", min=10, help="Updates to send to each bot.")] = 1000,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, help="Users talking at the same time.")] = 32,
    rounds: Annotated[int, typer.Option("--rounds", min=1, help="Alternating rounds of each bot.")] = 2,
    latency_concurrency: Annotated[int, typer.Option(
        "--latency-concurrency", min=1, help="Users at once in the latency pass (below saturation).")] = 4,
    distinct: Annotated[bool, typer.Option(
        "--distinct-texts", help="Each user's free texts end with their own number, so no reading is cached.")] = False,
) -> None:
    """Updates per second through the full stack vs a bare PTB echo bot; last line ``updates_per_s=… ratio=…``.

    Throughput: ``rounds`` alternating rounds (Compagnon, echo, Compagnon, echo…) of ``updates / rounds`` each, so
    that a noisy neighbour slows both alike; rates are total updates over total seconds. At saturation a turn's
    latency is mostly its wait in the queue, so the last line's ``p95_ms`` comes from a separate pass with
    ``latency_concurrency`` users at once (the saturated figures are on the ``compagnon:`` line). The echo bot
    runs the same pass, for the framework's own latency at that load on this machine. The ``cpu_ms_per_update``
    lines split each bot's CPU time in the throughput rounds by thread: ``MainThread`` is the event loop, shared
    by the bot, the driver and the webhook server; ``fake-bot-api`` is the fake Telegram.
    """
    from companion.bootstrap import configure_logging

    configure_logging("WARNING")
    with tempfile.TemporaryDirectory(prefix="compagnon-bench-") as tmp:
        ours, echo, light, echo_light = asyncio.run(
            _bench(Path(tmp), updates, concurrency, rounds, latency_concurrency, distinct))
    rate, echo_rate = ours["rate"], echo["rate"]
    typer.echo(f"compagnon: updates={ours['n']} seconds={ours['seconds']:.2f} p50_ms={ours['p50']:.1f} "
               f"p95_ms={ours['p95']:.1f} concurrency={concurrency}")
    typer.echo(f"echo: updates={echo['n']} seconds={echo['seconds']:.2f} p50_ms={echo['p50']:.1f} "
               f"p95_ms={echo['p95']:.1f} concurrency={concurrency}")
    typer.echo(f"compagnon latency pass: updates={light['n']} p50_ms={light['p50']:.1f} p95_ms={light['p95']:.1f} "
               f"concurrency={latency_concurrency}")
    typer.echo(f"echo latency pass: updates={echo_light['n']} p50_ms={echo_light['p50']:.1f} "
               f"p95_ms={echo_light['p95']:.1f} concurrency={latency_concurrency}")
    for name, run in (("compagnon", ours), ("echo", echo)):
        typer.echo(f"{name} cpu_ms_per_update: {_cpu_line(run)}")
    typer.echo(f"updates_per_s={rate:.1f} echo_per_s={echo_rate:.1f} ratio={rate / echo_rate:.2f} "
               f"p95_ms={light['p95']:.1f}")


def _cpu_line(run: dict[str, Any]) -> str:
    """CPU time per update by thread, e.g. ``MainThread=1.70 turns=1.80 … total=4.60`` (Linux only)."""
    cpu: dict[str, float] = run["cpu"]
    if not cpu:
        return "unavailable (needs Linux's /proc)"
    shown = sorted(((name, seconds / run["n"] * 1000) for name, seconds in cpu.items()), key=lambda item: -item[1])
    parts = [f"{name}={ms:.2f}" for name, ms in shown if ms >= 0.005]
    return " ".join([*parts, f"total={sum(ms for _, ms in shown):.2f}"])


def _thread_cpu() -> dict[int, tuple[str, float]]:
    """CPU seconds of each thread of this process, by thread id, with the thread's name (empty off Linux).

    Python threads are named without their number (``turns_1`` → ``turns``); threads Python did not start (the
    e5 engine's OpenMP workers, Chroma's runtime) are ``native:`` and the name the system gives them.
    """
    import os
    import threading

    tasks = Path("/proc/self/task")
    if not tasks.is_dir():
        return {}
    names = {thread.native_id: thread.name.rstrip("0123456789_") for thread in threading.enumerate()}
    tick = os.sysconf("SC_CLK_TCK")
    found: dict[int, tuple[str, float]] = {}
    for task in tasks.iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            name = names.get(int(task.name)) or "native:" + (task / "comm").read_text().strip()
        except (FileNotFoundError, ProcessLookupError):  # the thread ended meanwhile
            continue
        found[int(task.name)] = (name, (int(fields[11]) + int(fields[12])) / tick)  # utime + stime
    return found


def _cpu_spent(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]) -> dict[str, float]:
    """CPU seconds spent between two :func:`_thread_cpu` readings, by thread name (threads that ended are lost)."""
    spent: dict[str, float] = {}
    for tid, (name, seconds) in after.items():
        spent[name] = spent.get(name, 0.0) + seconds - before.get(tid, (name, 0.0))[1]
    return spent


async def _bench(tmp: Path, count: int, concurrency: int, rounds: int,
                 latency_concurrency: int, distinct: bool = False) -> tuple[dict[str, Any], ...]:
    from companion.evals.fake_bot_api import FakeBotApi

    ours: list[dict[str, float]] = []
    echo: list[dict[str, float]] = []
    per_round = max(10, count // rounds)
    with FakeBotApi.run_in_thread(token=TOKEN) as api:
        for index in range(rounds):
            api.reset()
            ours.append(await _run_compagnon(api, tmp / f"round{index}", per_round, concurrency, distinct))
            api.reset()
            echo.append(await _run_echo(api, per_round, concurrency, distinct))
        light_count = min(count, 300)
        api.reset()
        light = await _run_compagnon(api, tmp / "latency", light_count, latency_concurrency, distinct)
        api.reset()
        echo_light = await _run_echo(api, light_count, latency_concurrency, distinct)
    return _combine(ours), _combine(echo), light, echo_light


def _combine(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Total updates over total seconds; latency percentiles over every turn of every round; CPU added up."""
    cpu: dict[str, float] = {}
    for run in runs:
        for name, seconds in run["cpu"].items():
            cpu[name] = cpu.get(name, 0.0) + seconds
    return _summary([latency for run in runs for latency in run["latencies"]], sum(run["seconds"] for run in runs),
                    cpu)


def _summary(latencies: list[float], seconds: float, cpu: dict[str, float]) -> dict[str, Any]:
    """Rate and latency percentiles (ms) of turns that took ``seconds`` in all, and the CPU they cost."""
    ordered = sorted(latencies)
    return {"n": len(ordered), "seconds": seconds, "rate": len(ordered) / seconds, "latencies": ordered,
            "p50": statistics.median(ordered) * 1000, "p95": ordered[int(0.95 * (len(ordered) - 1))] * 1000,
            "cpu": cpu}


def _port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _run_compagnon(api: Any, tmp: Path, count: int, concurrency: int, distinct: bool = False) -> dict[str, Any]:
    from companion.bootstrap import build_services, settle_heap
    from companion.channels.telegram.app import build_application
    from companion.channels.telegram.webhook import serving
    from companion.config import load_settings

    settings = load_settings(
        telegram_token=TOKEN, telegram_base_url=api.base_url, telegram_base_file_url=api.base_file_url,
        data_dir=tmp / "data", database_url=f"sqlite:///{tmp / 'bench.db'}", webhook_port=_port(),
        webhook_path="tg", webhook_secret=SECRET, webhook_url="https://bench.invalid/tg", log_level="WARNING")
    services = await asyncio.to_thread(build_services, settings)
    application = build_application(services, overall_max_rate=0)
    settle_heap()  # as run_webhook does (the echo rounds after it find the heap frozen too)
    try:
        async with serving(application, settings) as url:
            return await _drive(api, application, url, count, concurrency, press=True, distinct=distinct)
    finally:
        services.store.close()


async def _run_echo(api: Any, count: int, concurrency: int, distinct: bool = False) -> dict[str, Any]:
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(update.effective_message.text or "?")

    application = Application.builder().token(TOKEN).base_url(api.base_url).build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    port = _port()
    await application.initialize()
    assert application.updater is not None
    await application.updater.start_webhook(listen="127.0.0.1", port=port, url_path="tg", secret_token=SECRET,
                                            webhook_url="https://echo.invalid/tg")
    await application.start()
    try:
        return await _drive(api, application, f"http://127.0.0.1:{port}/tg", count, concurrency, press=False,
                            distinct=distinct)
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


async def _drive(api: Any, application: Any, url: str, count: int, concurrency: int, *,
                 press: bool, distinct: bool = False) -> dict[str, Any]:
    """Post ``count`` updates from ``count / len(SCRIPT)`` users, ``concurrency`` users at a time."""
    import aiohttp
    from telegram import Update
    from telegram.ext import TypeHandler

    done: dict[int, asyncio.Future[float]] = {}

    async def finished(update: Update, _context: object) -> None:
        future = done.get(update.update_id)
        if future is not None and not future.done():
            future.set_result(time.perf_counter())

    # Group 99 runs after the bot's own handlers have returned, i.e. after every reply was sent.
    application.add_handler(TypeHandler(Update, finished), group=99)
    latencies: list[float] = []
    users = [FIRST_USER + index for index in range(-(-count // len(SCRIPT)))]
    budget = iter(range(count))
    loop = asyncio.get_running_loop()

    async def post(http: aiohttp.ClientSession, inject: Callable[[], Awaitable[Any] | Any]) -> None:
        inject()
        for update in api.pop_updates():
            future: asyncio.Future[float] = loop.create_future()
            done[update["update_id"]] = future
            started = time.perf_counter()
            async with http.post(url, json=update, headers=headers) as answer:
                answer.raise_for_status()
                await answer.read()
            latencies.append((await asyncio.wait_for(future, 60)) - started)

    async def user(http: aiohttp.ClientSession, user_id: int) -> None:
        before_last_turn = 0  # the fake's call log position before this user's previous message
        for text in SCRIPT:
            if next(budget, None) is None:
                return
            if text == "@accept" and press:  # read only the previous turn's messages: the log holds every user's
                last = [m for m in api.sent(user_id, before_last_turn) if m.get("reply_markup")]
                data = last[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
                before_last_turn = api.last_seq()
                await post(http, lambda d=data, m=last[-1]["message_id"]: api.inject_callback(user_id, m, d))
            else:
                before_last_turn = api.last_seq()
                if distinct and not text.startswith(("/", "@")):
                    text = f"{text} {user_id}"
                await post(http, lambda t=text: api.inject_message(user_id, "ok" if t == "@accept" else t))

    gate = asyncio.Semaphore(concurrency)

    async def gated(http: aiohttp.ClientSession, user_id: int) -> None:
        async with gate:
            await user(http, user_id)

    # The driver plays Telegram's servers, which cost the bots nothing in production, so it must stay light.
    # It was an httpx client: at each request and each response httpcore's pool checks every idle connection
    # with a system call that gives up the GIL, then waits to take it back while the bot's turn threads hold
    # it. In a profile those checks took a large share of a Compagnon round, far more than of the echo bot's.
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as http:
        cpu_before, started = _thread_cpu(), time.perf_counter()
        await asyncio.gather(*(gated(http, user_id) for user_id in users))
        seconds = time.perf_counter() - started
        cpu = _cpu_spent(cpu_before, _thread_cpu())
    return _summary(latencies, seconds, cpu)
