"""``companion bench voice``: the real-time factor of transcription and the memory the voice model adds."""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path
from typing import Annotated, Any

import typer

SAMPLE_RATE = 16000
LENGTHS = (10, 60)


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    import resource

    return pages * resource.getpagesize() / 1e6


def speech_of_length(clips: list[Any], seconds: float) -> Any:
    """The clips' samples one after the other (half a second apart), repeated up to ``seconds``."""
    import numpy as np

    gap = np.zeros(SAMPLE_RATE // 2, dtype=np.float32)
    pieces, total, index = [], 0, 0
    while total < seconds * SAMPLE_RATE:
        piece = np.concatenate([clips[index % len(clips)], gap])
        pieces.append(piece)
        total += len(piece)
        index += 1
    return np.concatenate(pieces)[: int(seconds * SAMPLE_RATE)]


def encode_ogg_opus(samples: Any) -> bytes:
    """16 kHz float samples as a Telegram-style OGG/Opus voice note, in memory."""
    import av
    import numpy as np

    buffer = io.BytesIO()
    with av.open(buffer, "w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=48000)
        stream.layout = "mono"
        stream.bit_rate = 16000
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48000)
        frame = av.AudioFrame.from_ndarray((samples * 32767).astype(np.int16).reshape(1, -1), format="s16",
                                           layout="mono")
        frame.sample_rate = SAMPLE_RATE
        for resampled in [*resampler.resample(frame), *resampler.resample(None)]:
            for packet in stream.encode(resampled):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def bench_voice(
    clips: Annotated[Path, typer.Option("--clips", exists=True, file_okay=False,
                                        help="Folder of short voice clips (*.ogg) to build the test audio from.")]
    = Path("tests/data/voice"),
    threads: Annotated[int, typer.Option("--threads", help="CPU threads for the model (0: its default).")] = 0,
) -> None:
    """Print the real-time factor (transcription time ÷ audio length) for 10 s and 60 s, and the memory added.

    ``rtf_cpu`` is the CPU time of every thread ÷ audio length: the wall-clock factor on cores of one's own is at
    most this, whatever else runs on a shared machine.
    """
    import tempfile

    from companion.voice.model import ensure_model
    from companion.voice.transcriber import WhisperTranscriber, decode

    cache = Path(tempfile.mkdtemp(prefix="compagnon-bench-voice-"))
    ensure_model(cache)  # assembled before measuring: the file copy is not the model's memory
    decoded = [decode(path.read_bytes()) for path in sorted(clips.glob("*.ogg"))]
    if not decoded:
        raise typer.BadParameter(f"no *.ogg clip in {clips}")
    notes = {seconds: encode_ogg_opus(speech_of_length(decoded, seconds)) for seconds in LENGTHS}
    transcriber = WhisperTranscriber(cache, threads=threads, max_seconds=max(LENGTHS) + 1)
    before = _rss_mb()
    started = time.perf_counter()
    transcriber.load()
    load_s = time.perf_counter() - started
    loaded = _rss_mb()
    transcriber.transcribe(sorted(clips.glob("*.ogg"))[0].read_bytes())  # warm-up
    for note in notes.values():
        started, cpu = time.perf_counter(), time.process_time()
        heard = transcriber.transcribe(note)
        spent, cpu = time.perf_counter() - started, time.process_time() - cpu
        typer.echo(f"audio_s={heard.duration_s:.1f} transcribe_s={spent:.2f} rtf={spent / heard.duration_s:.3f} "
                   f"cpu_s={cpu:.2f} rtf_cpu={cpu / heard.duration_s:.3f} language={heard.language} "
                   f"words={len(heard.text.split())}")
    after = _rss_mb()
    typer.echo(f"load_s={load_s:.2f} rss_before_mb={before:.0f} rss_loaded_mb={loaded:.0f} "
               f"rss_after_mb={after:.0f} added_mb={after - before:.0f}")
    shutil.rmtree(cache)
