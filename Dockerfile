# Compagnon: the bot in one slim image, run as a non-root user.
# Default: polling with SQLite and the embedded Chroma index in /data. docker-compose.yml runs it in webhook
# mode against PostgreSQL and a Chroma server instead.
FROM python:3.11-slim

# Optional extras, e.g. --build-arg EXTRAS=openai for an OpenAI-compatible language model server.
ARG EXTRAS=""

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    COMPANION_DATA_DIR=/data HF_HUB_OFFLINE=1

# gcc and libgomp: pip install compiles the faster e5 engine (companion.embedding._e5engine), which picks the
# kernel the CPU runs at start (AVX-512 VNNI, AVX2 or scalar); without it the package's slower engine is used.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev libgomp1 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY companion ./companion
# A regular install: the prompts and the knowledge base are package data of companion.
RUN pip install --no-compile ".${EXTRAS:+[$EXTRAS]}" \
    && useradd --create-home --uid 10001 companion \
    && mkdir -p /data && chown companion /data

USER companion
# The knowledge index is built on first start from the embeddings shipped with the package (seconds, no network).

VOLUME ["/data"]
EXPOSE 8443 9100
CMD ["companion", "run"]
