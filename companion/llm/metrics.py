"""Which path each model call took (model, or offline and why), counted for the metrics endpoint."""

from __future__ import annotations

import threading
import time
from collections import Counter

from companion.observability import METRICS

PATHS = ("model", "offline-invalid", "offline-timeout", "offline-error", "offline-unavailable")


class PathCounter:
    """Thread-safe counts of (operation, path); ``snapshot`` is what a metrics exporter reads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[tuple[str, str]] = Counter()

    def record(self, operation: str, path: str) -> None:
        """Count one call of ``operation`` answered by ``path`` (one of :data:`PATHS`)."""
        with self._lock:
            self._counts[(operation, path)] += 1
        METRICS.llm_calls.labels(path).inc()

    def snapshot(self) -> dict[tuple[str, str], int]:
        """A copy of every count so far."""
        with self._lock:
            return dict(self._counts)

    def total(self, path: str | None = None, operation: str | None = None) -> int:
        """How many calls took ``path`` (any path when None), for ``operation`` (any when None)."""
        with self._lock:
            return sum(n for (op, p), n in self._counts.items()
                       if (path is None or p == path) and (operation is None or op == operation))


class Breaker:
    """After ``threshold`` provider failures in a row, skip the model for ``cooldown`` seconds.

    A server that is down or hung then costs nothing per turn instead of a timeout each time.
    """

    def __init__(self, threshold: int = 3, cooldown: float = 30.0, clock: object = time.monotonic) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._open_until = 0.0

    def allows(self) -> bool:
        """May the model be called now?"""
        with self._lock:
            return self._clock() >= self._open_until  # type: ignore[operator]

    def success(self) -> None:
        """The provider answered (whatever the answer was worth)."""
        with self._lock:
            self._failures = 0

    def failure(self) -> None:
        """The provider failed or timed out."""
        with self._lock:
            self._failures += 1
            if self._failures >= self.threshold:
                self._open_until = self._clock() + self.cooldown  # type: ignore[operator]
                self._failures = 0
