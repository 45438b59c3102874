"""Health checks, Prometheus metrics, JSON logs and `companion doctor`."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from companion.bootstrap import configure_logging
from companion.engine import Engine, Event
from companion.observability import METRICS, HealthServer
from companion.service import ConversationService
from companion.storage import SqlStore
from tests.support.reading import RULES_READER


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _broken() -> None:
    raise ConnectionRefusedError("secret detail that must not leak")


def test_healthz_reports_each_part_and_fails_with_503() -> None:
    healthy = HealthServer("127.0.0.1", 0, {"database": lambda: None, "knowledge": lambda: None}).start()
    try:
        status, body = get(f"http://127.0.0.1:{healthy.port}/healthz")
        assert status == 200 and json.loads(body) == {"database": "ok", "knowledge": "ok"}
        assert get(f"http://127.0.0.1:{healthy.port}/nope")[0] == 404
    finally:
        healthy.stop()
    sick = HealthServer("127.0.0.1", 0, {"database": _broken, "knowledge": lambda: None}).start()
    try:
        status, body = get(f"http://127.0.0.1:{sick.port}/healthz")
        report = json.loads(body)
        assert status == 503 and report["database"] == "error: ConnectionRefusedError"
        assert b"secret detail" not in body
    finally:
        sick.stop()


def _sample(name: str, **labels: str) -> float:
    return METRICS.registry.get_sample_value(name, labels or None) or 0.0


def test_turns_are_counted_and_timed(store: SqlStore) -> None:
    service = ConversationService(store, Engine(reader=RULES_READER))
    answered, turns = _sample("companion_updates_total", outcome="answered"), _sample("companion_turn_seconds_count")
    replayed = _sample("companion_updates_total", outcome="replayed")
    service.handle(Event.from_text("m1", "/start"), update_id=1)
    service.handle(Event.from_text("m1", "/start"), update_id=1)  # a redelivered update: nothing sent again
    assert _sample("companion_updates_total", outcome="answered") == answered + 1
    assert _sample("companion_updates_total", outcome="replayed") == replayed + 1
    assert _sample("companion_turn_seconds_count") == turns + 2
    server = HealthServer("127.0.0.1", 0, {}).start()
    try:
        status, body = get(f"http://127.0.0.1:{server.port}/metrics")
    finally:
        server.stop()
    assert status == 200
    for name in (b"companion_updates_total", b"companion_turn_seconds_bucket", b"companion_reminders_sent_total",
                 b"companion_llm_calls_total", b"companion_errors_total"):
        assert name in body


def test_json_logs_are_one_object_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    root.handlers = []
    try:
        configure_logging("INFO", "json")
        logging.getLogger("companion.test").info("turn handled in %d ms", 12)
        line = capsys.readouterr().err.strip().splitlines()[-1]
        record = json.loads(line)
        assert record["message"] == "turn handled in 12 ms" and record["level"] == "INFO"
        assert record["logger"] == "companion.test" and "time" in record
    finally:
        root.handlers, root.level = saved[0], saved[1]


def _doctor(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "companion.cli", *args], env={**os.environ, **env}, cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_doctor_finds_what_is_missing_then_passes(tmp_path: Path, database_url: str) -> None:
    env = {"COMPANION_DATA_DIR": str(tmp_path / "data"), "COMPANION_DATABASE_URL": database_url}
    first = _doctor(env, tmp_path, "doctor")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "FAIL database" in first.stdout and "companion migrate" in first.stdout
    assert "FAIL knowledge" in first.stdout
    assert "ok   timezone data" in first.stdout
    assert _doctor(env, tmp_path, "migrate").returncode == 0
    assert _doctor(env, tmp_path, "ingest").returncode == 0
    second = _doctor(env, tmp_path, "doctor")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "ok   database" in second.stdout and "fresh" in second.stdout
    assert "ok   voice notes: Whisper base ready" in second.stdout and "checksum ok" in second.stdout


def test_doctor_names_an_unreachable_database(tmp_path: Path) -> None:
    env = {"COMPANION_DATA_DIR": str(tmp_path / "data"),
           "COMPANION_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none", "COMPANION_RETRIEVAL": "bm25"}
    result = _doctor(env, tmp_path, "doctor")
    assert result.returncode == 1
    assert "FAIL database: unreachable (OperationalError)" in result.stdout
    assert "ok   knowledge" in result.stdout and "BM25" in result.stdout


def test_language_model_paths_are_exported() -> None:
    from companion.llm.metrics import PathCounter

    before = _sample("companion_llm_calls_total", path="offline-timeout")
    PathCounter().record("reflect", "offline-timeout")
    assert _sample("companion_llm_calls_total", path="offline-timeout") == before + 1
