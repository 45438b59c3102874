"""``companion bench reminders``: N users due at once, dispatched against the local fake Bot API.

The fake Bot API (``companion.evals.fake_bot_api``) runs in this process and records every message;
the dispatchers run in child processes (``--processes``), so their peak memory is their own. The last line is
``users=… sent=… duplicates=… lost=… msgs_per_s=… rss_mb=…``: messages counted by the fake server, users who got
more than one (duplicates) or none (lost), messages per second over the dispatch, and the largest peak RSS of a
dispatcher process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

TOKEN = "123456:BENCH"
ZONES = ("Europe/Paris", "Europe/London", "America/New_York", "America/Toronto", "America/Los_Angeles",
         "Africa/Dakar", "Indian/Reunion", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
         "America/Sao_Paulo", "Europe/Brussels", "Pacific/Chatham")
FIRST_CHAT = 10_000_000


def seed_users(url: str, count: int, now: datetime) -> None:
    """Create ``count`` consenting Telegram users over many timezones, each with a daily question due now."""
    from companion.engine.schedule import EVERY_DAY, next_occurrence
    from companion.engine.schedule import zone as zone_of
    from companion.storage import open_store

    store = open_store(url, migrations=True)
    rng = random.Random(6)
    with store.unit_of_work() as uow:
        for start in range(0, count, 5000):
            users, settings, first = [], [], []
            for i in range(start, min(start + 5000, count)):
                zone = ZONES[i % len(ZONES)]
                # A local time one to thirty minutes ago: the reminder of today is due now.
                local = now.astimezone(zone_of(zone)) - timedelta(minutes=rng.randint(1, 30))
                minute = local.hour * 60 + local.minute
                due = next_occurrence(minute, zone, EVERY_DAY, now - timedelta(minutes=40))
                users.append({"id": f"tg:{FIRST_CHAT + i}", "telegram_id": FIRST_CHAT + i,
                              "language": "fr" if i % 3 else "en", "formal": i % 7 == 0, "timezone": zone,
                              "consent_at": now - timedelta(days=30), "created_at": now - timedelta(days=30),
                              "active": True})
                settings.append({"user_id": f"tg:{FIRST_CHAT + i}", "enabled": True, "paused": False,
                                 "minute": minute, "timezone": zone, "days": EVERY_DAY, "weekly_day": None,
                                 "asked": [], "streak": 0, "updated_at": now})
                first.append(due)
            uow.add_users(users)
            uow.add_reminder_settings(settings, first)
        uow.commit()
    store.close()


def bench_reminders(
    users: Annotated[int, typer.Option("--users", min=1, help="How many users are due at once.")] = 10_000,
    processes: Annotated[int, typer.Option("--processes", min=1, max=8, help="Dispatcher processes.")] = 1,
    postgres: Annotated[str | None, typer.Option("--postgres", help="PostgreSQL URL (a scratch schema is used); "
                                                 "SQLite in a temporary folder otherwise.")] = None,
    batch: Annotated[int, typer.Option("--batch", min=1)] = 1000,
    chunk: Annotated[int, typer.Option("--chunk", min=1)] = 250,
) -> None:
    """Dispatch N due reminders with the rate limit lifted; check exactly-once against the fake Bot API."""
    from companion.evals.fake_bot_api import FakeBotApi

    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="compagnon-bench-") as scratch, _database(postgres, scratch) as url:
        started = time.perf_counter()
        seed_users(url, users, now)
        typer.echo(f"seeded {users} users in {time.perf_counter() - started:.1f} s", err=True)
        with FakeBotApi.run_in_thread(token=TOKEN) as api:
            command = [sys.executable, "-m", "companion.evals.bench_reminders", "--url", url,
                       "--base-url", api.base_url, "--batch", str(batch), "--chunk", str(chunk)]
            workers = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(processes)]
            reports = []
            for worker in workers:
                out, _ = worker.communicate()
                if worker.returncode != 0:
                    typer.echo(f"a dispatcher failed with exit code {worker.returncode}", err=True)
                    raise typer.Exit(1)
                reports.append(json.loads(out.strip().splitlines()[-1]))
            per_chat = Counter(int(call["params"]["chat_id"]) for call in api.calls("sendMessage") if call["ok"])
    sent = sum(per_chat.values())
    duplicates = sum(n - 1 for n in per_chat.values() if n > 1)
    lost = sum(1 for i in range(users) if per_chat.get(FIRST_CHAT + i, 0) == 0)
    elapsed = max(r["end"] for r in reports) - min(r["start"] for r in reports)
    for index, report in enumerate(reports):
        typer.echo(f"dispatcher {index}: sent={report['sent']} seconds={report['end'] - report['start']:.1f} "
                   f"cpu_s={report['cpu_s']:.1f} rss_mb={report['rss_mb']:.0f}")
    typer.echo(f"users={users} sent={sent} duplicates={duplicates} lost={lost} "
               f"msgs_per_s={sent / elapsed:.0f} rss_mb={max(r['rss_mb'] for r in reports):.0f}")


class _database:
    """A scratch database: a SQLite file in ``folder``, or a fresh PostgreSQL schema dropped afterwards."""

    def __init__(self, postgres: str | None, folder: str) -> None:
        self.postgres = postgres
        self.folder = folder
        self.schema = f"bench_{uuid.uuid4().hex[:10]}"

    def __enter__(self) -> str:
        if not self.postgres:
            return f"sqlite:///{Path(self.folder) / 'bench.db'}"
        from companion.storage.db import create_schema

        create_schema(self.postgres, self.schema)
        separator = "&" if "?" in self.postgres else "?"
        return f"{self.postgres}{separator}options=-csearch_path%3D{self.schema}"

    def __exit__(self, *exc: object) -> None:
        if self.postgres:
            from companion.storage.db import drop_schema

            drop_schema(self.postgres, self.schema)


async def _dispatch(url: str, base_url: str, batch: int, chunk: int) -> dict[str, float]:
    """One dispatcher process: tick until nothing is due, rate limit lifted."""
    import hashlib

    from companion.analysis.reader import MessageReader
    from companion.channels.telegram.codec import CallbackCodec
    from companion.channels.telegram.sender import TelegramSender, make_bot
    from companion.config import load_settings
    from companion.engine import Engine
    from companion.prompts import load_nvc_lists, load_question_bank
    from companion.reminders.dispatcher import Dispatcher
    from companion.storage import open_store

    store = open_store(url)
    engine = Engine(questions=load_question_bank(), nvc=load_nvc_lists(), reader=MessageReader())
    bot = make_bot(load_settings(telegram_token=TOKEN, telegram_base_url=base_url), overall_max_rate=0)
    codec = CallbackCodec(hashlib.sha256(b"callback:" + TOKEN.encode()).digest())
    sender = TelegramSender(bot, codec)
    dispatcher = Dispatcher(store, engine, sender, batch=batch, chunk=chunk, pipeline=4)
    async with bot:
        cpu_start = time.process_time()
        start = time.time()
        sent = 0
        while True:
            report = await dispatcher.tick()
            sent += report.sent
            if report.claimed == 0 and report.skipped == 0:
                break
        end = time.time()
        cpu = time.process_time() - cpu_start
    store.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"sent": sent, "start": start, "end": end, "cpu_s": cpu, "rss_mb": rss_mb}


def main(argv: list[str] | None = None) -> None:
    """Entry point of a bench dispatcher process (prints one JSON line)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--chunk", type=int, default=250)
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(_dispatch(args.url, args.base_url, args.batch, args.chunk))), flush=True)


if __name__ == "__main__":
    main()
