"""Metrics (Prometheus), health checks and log formatting — never any user text.

``METRICS`` is the process's registry of counters; ``HealthServer`` serves ``/healthz`` (database and knowledge
store reachable) and ``/metrics`` on a port of its own, next to polling or the webhook.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

logger = logging.getLogger(__name__)

TURN_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The counters an operator watches; labels are closed sets (no user data in them)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter("companion_updates_total", "Updates handled, by outcome (answered, replayed, error).",
                               ["outcome"], registry=self.registry)
        self.turn_seconds = Histogram("companion_turn_seconds", "Time to handle one update (engine and database).",
                                      buckets=TURN_BUCKETS, registry=self.registry)
        self.conflicts = Counter("companion_version_conflicts_total",
                                 "Optimistic-lock conflicts retried (several processes, same user).",
                                 registry=self.registry)
        self.reminders_sent = Counter("companion_reminders_sent_total", "Reminders delivered, by kind.", ["kind"],
                                      registry=self.registry)
        self.llm_calls = Counter("companion_llm_calls_total",
                                 "Answers by path: the model, or the offline fallback (and why).", ["path"],
                                 registry=self.registry)
        self.errors = Counter("companion_errors_total", "Errors, by where they happened.", ["where"],
                              registry=self.registry)

    def render(self) -> bytes:
        """The Prometheus text exposition of every counter."""
        return generate_latest(self.registry)


METRICS = Metrics()
"""The process-wide metrics."""

HealthCheck = Callable[[], None]
"""A check raises when its part is unreachable."""


def run_checks(checks: Mapping[str, HealthCheck]) -> tuple[bool, dict[str, str]]:
    """Run every check; ``(all ok, {name: "ok" or the error's type})`` — error texts are not exposed."""
    report: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check()
            report[name] = "ok"
        except Exception as error:  # noqa: BLE001 - any failure means "not healthy"
            logger.warning("health check %s failed: %s", name, type(error).__name__)
            report[name] = f"error: {type(error).__name__}"
    return all(v == "ok" for v in report.values()), report


class HealthServer:
    """``GET /healthz`` (200 or 503 with a JSON report) and ``GET /metrics`` in a background thread."""

    def __init__(self, host: str, port: int, checks: Mapping[str, HealthCheck], metrics: Metrics = METRICS) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                path = self.path.split("?", 1)[0]
                if path == "/healthz":
                    ok, report = run_checks(outer.checks)
                    self._send(200 if ok else 503, "application/json", json.dumps(report).encode())
                elif path == "/metrics":
                    self._send(200, CONTENT_TYPE_LATEST, outer.metrics.render())
                else:
                    self._send(404, "text/plain", b"not found")

            def _send(self, status: int, content_type: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet access log
                return

        self.checks = dict(checks)
        self.metrics = metrics
        self.server = ThreadingHTTPServer((host, port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, name="health", daemon=True)

    @property
    def port(self) -> int:
        """The port actually bound (useful with port 0)."""
        return int(self.server.server_address[1])

    def start(self) -> HealthServer:
        """Serve in the background."""
        self.thread.start()
        logger.info("health and metrics on port %d", self.port)
        return self

    def stop(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


def json_formatter() -> logging.Formatter:
    """One JSON object per log line (time, level, logger, message)."""
    from pythonjsonlogger.json import JsonFormatter

    return JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s",
                         rename_fields={"asctime": "time", "levelname": "level", "name": "logger"})
