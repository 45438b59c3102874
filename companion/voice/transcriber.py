"""The Whisper adapter of the ``Transcriber`` port: audio decoded in memory, the model loaded once per process."""

from __future__ import annotations

import io
import logging
import threading
from pathlib import Path
from typing import Any

from companion.engine.ports import Transcript, VoiceProblem
from companion.voice.model import ModelMissing, ensure_model

logger = logging.getLogger(__name__)

MAX_SECONDS = 180.0
"""Longest voice note transcribed (3 minutes)."""
SAMPLE_RATE = 16000
LANGUAGES = ("fr", "en")


def decode(audio: bytes) -> Any:
    """16 kHz mono float samples of encoded audio (OGG/Opus, or anything FFmpeg reads), never touching the disk."""
    import av
    from faster_whisper import decode_audio

    try:
        return decode_audio(io.BytesIO(audio), sampling_rate=SAMPLE_RATE)
    except (av.FFmpegError, ValueError, IndexError, StopIteration) as error:
        logger.info("a voice note could not be decoded (%s)", type(error).__name__)
        raise VoiceProblem("unreadable") from None


class WhisperTranscriber:
    """Transcribes French or English voice notes with the Whisper base model (int8 on CPU).

    Decoding is greedy at temperature 0 with no repeated 3-gram: the same audio always gives the same text, and
    a robotic or noisy voice cannot send the decoder into a loop. The model is assembled and loaded on the first
    voice note; transcriptions run one at a time (a lock), as the
    model uses every thread it is given. When the model is missing or fails its check, one log line says why and
    every voice note is declined with ``VoiceProblem("off")``.
    """

    def __init__(self, cache_dir: Path, *, threads: int = 0, max_seconds: float = MAX_SECONDS,
                 beam_size: int = 1) -> None:
        self.cache_dir = cache_dir
        self.threads = threads
        self.max_seconds = max_seconds
        self.beam_size = beam_size
        self._lock = threading.Lock()
        self._model: Any = None
        self._broken = False

    def load(self) -> Any:
        """The model, loading it on first use; raises ``VoiceProblem("off")`` when it cannot be had."""
        with self._lock:
            return self._load()

    def _load(self) -> Any:
        if self._model is None and not self._broken:
            try:
                folder = ensure_model(self.cache_dir)
                from faster_whisper import WhisperModel

                self._model = WhisperModel(str(folder), device="cpu", compute_type="int8", cpu_threads=self.threads)
            except (ModelMissing, OSError, RuntimeError, ImportError) as error:
                self._broken = True
                logger.error("voice messages are off: %s", error)
        if self._model is None:
            raise VoiceProblem("off")
        return self._model

    def transcribe(self, audio: bytes) -> Transcript:
        """The text of ``audio``; ``VoiceProblem`` for audio too long, unreadable, or no model."""
        samples = decode(audio)
        duration = len(samples) / SAMPLE_RATE
        if duration > self.max_seconds:
            raise VoiceProblem("too_long")
        if duration < 0.1:
            return Transcript("", "", 0.0, duration)
        with self._lock:
            model = self._load()
            _, _, ranked = model.detect_language(samples)
            scores = dict(ranked)
            language = max(LANGUAGES, key=lambda code: scores.get(code, 0.0))
            segments, _ = model.transcribe(samples, language=language, beam_size=self.beam_size,
                                           temperature=0.0, no_repeat_ngram_size=3,
                                           condition_on_previous_text=False)
            text = " ".join(segment.text.strip() for segment in segments).strip()
        total = sum(scores.get(code, 0.0) for code in LANGUAGES)
        probability = scores.get(language, 0.0) / total if total else 0.0
        return Transcript(text, language, probability, duration)
