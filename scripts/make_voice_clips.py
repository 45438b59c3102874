"""Synthesise the voice test clips once (eSpeak NG through ctypes) and write them as OGG/Opus voice notes.

Dev-only: needs ``espeakng-loader`` (eSpeak NG's library and data) and PyAV. The sentences are our own.
Run: ``python scripts/make_voice_clips.py`` (writes ``tests/data/voice/*.ogg`` and ``clips.json``).
"""

from __future__ import annotations

import ctypes
import json
from array import array
from fractions import Fraction
from pathlib import Path

import av
import espeakng_loader

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "voice"
CLIPS = {
    "fr_journey": ("fr", "Je passe trop de temps sur mon téléphone le soir, et après je dors mal."),
    "fr_received": ("fr", "Tu ne réponds jamais à mes messages. Tu es toujours en retard, et je suis très fâchée."),
    "fr_crisis": ("fr", "Je n'en peux plus. Je veux mourir. Je vais mettre fin à ma vie ce soir."),
    "en_journey": ("en", "I felt left out when my friends posted the party pictures without me."),
    "en_received": ("en", "You never answer my messages. Honestly, you are unfair and I am really upset."),
    "en_crisis": ("en", "I can't take it anymore. I want to die. I am going to end my life tonight."),
}
SYNCHRONOUS = 2
CHARS_UTF8 = 1
RATE = 1
Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


def synthesise(lib: ctypes.CDLL, voice: str, text: str) -> array:
    """16-bit mono samples of ``text`` spoken by the eSpeak ``voice``."""
    samples = array("h")

    def collect(wav: ctypes._Pointer, count: int, _events: int) -> int:
        if wav and count > 0:
            samples.extend(wav[:count])
        return 0

    callback = Callback(collect)
    lib.espeak_SetSynthCallback(callback)
    lib.espeak_SetVoiceByName(voice.encode())
    lib.espeak_SetParameter(RATE, 150, 0)
    data = text.encode("utf-8") + b"\0"
    lib.espeak_Synth(data, len(data), 0, 0, 0, CHARS_UTF8, None, None)
    lib.espeak_Synchronize()
    return samples


def encode_voice_note(samples: array, rate: int, path: Path) -> float:
    """Write Telegram-style OGG/Opus (mono, 16 kbit/s) and return the duration in seconds."""
    with av.open(str(path), "w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=48000)
        stream.layout = "mono"
        stream.bit_rate = 16000
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48000)
        frame = av.AudioFrame(format="s16", layout="mono", samples=len(samples))
        frame.sample_rate = rate
        frame.time_base = Fraction(1, rate)
        frame.pts = 0
        frame.planes[0].update(samples.tobytes())
        for resampled in [*resampler.resample(frame), *resampler.resample(None)]:
            for packet in stream.encode(resampled):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return len(samples) / rate


def main() -> None:
    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    rate = lib.espeak_Initialize(SYNCHRONOUS, 0, espeakng_loader.get_data_path().encode(), 0)
    OUT.mkdir(parents=True, exist_ok=True)
    index = {}
    for name, (lang, text) in CLIPS.items():
        seconds = encode_voice_note(synthesise(lib, lang, text), rate, OUT / f"{name}.ogg")
        index[name] = {"lang": lang, "text": text, "seconds": round(seconds, 2)}
        print(f"{name}: {seconds:.1f} s, {(OUT / f'{name}.ogg').stat().st_size} bytes")
    (OUT / "clips.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
