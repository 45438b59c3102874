"""``companion bench reading``: the full reading of a message against the embedding alone, in the same run."""

from __future__ import annotations

import time

import typer

from companion.evals.reading import percentile

# Messages of about 300 characters, as people write them (ours; varied so no cache helps).
_PARTS = (
    "jsuis trop vener, un keum m'a traité de bouffon sous ma vidéo tiktok et ses potes ont liké en masse",
    "Ma belle-sœur a encore commenté ma photo dans le groupe WhatsApp de la famille, devant tout le monde",
    "honestly i don't know how to answer my boss, he wrote that my report was sloppy AGAIN in the team chat",
    "Je ne partage pas votre analyse : les chiffres montrent plutôt l'inverse, je vous mets la source",
    "depuis la rupture je regarde ses stories tous les soirs et j'ai pas dormi de la nuit, je me sens vide",
    "can we keep politics out of this chat? let's just plan the reunion, i'll book the place on friday",
)


def _messages(count: int) -> list[str]:
    """``count`` distinct messages of about 300 characters."""
    messages = []
    for i in range(count):
        a, b, c = (_PARTS[(i + k) % len(_PARTS)] for k in (0, 2, 3))
        messages.append(f"({i}) {a}. {b}, {c}"[:300])
    return messages


def bench_reading(
    messages: int = typer.Option(200, "--messages", help="How many messages to read."),
) -> None:
    """Read ~300-character messages; print the embedding alone, the full reading, and their ratio."""
    from companion.analysis.embedder import shared_e5
    from companion.analysis.reader import build_reader
    from companion.bootstrap import configure_logging

    configure_logging("WARNING")
    reader = build_reader()
    model = shared_e5()
    texts = _messages(messages)
    reader.read("échauffement")
    embed_ms, read_ms = [], []
    for text in texts:  # alternated, so both see the same machine load
        started = time.perf_counter()
        model.query(text + " ")
        embed_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        reader.read(text)
        read_ms.append((time.perf_counter() - started) * 1000)
    typer.echo(f"reader={'rules+heads' if reader.learned else 'rules'} n={len(texts)} chars={len(texts[0])}")
    typer.echo(f"embedding_only p50_ms={percentile(embed_ms, 50):.1f} p95_ms={percentile(embed_ms, 95):.1f}")
    typer.echo(f"full_reading p50_ms={percentile(read_ms, 50):.1f} p95_ms={percentile(read_ms, 95):.1f} "
               f"ratio_p50={percentile(read_ms, 50) / max(percentile(embed_ms, 50), 1e-9):.2f} "
               f"messages_per_s={1000 * len(read_ms) / sum(read_ms):.1f}")
