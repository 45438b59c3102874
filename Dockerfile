# Compagnon: the bot in one slim image (SQLite and the embedded Chroma index in /data by default).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    COMPANION_DATA_DIR=/data HF_HUB_OFFLINE=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY companion ./companion
COPY knowledge ./knowledge
COPY prompts ./prompts
RUN pip install --no-compile -e . \
    && useradd --create-home --uid 10001 companion \
    && mkdir -p /data && chown companion /data

USER companion
# The knowledge index is built in /data on first start, from the shipped embeddings (seconds).

VOLUME ["/data"]
CMD ["companion", "run"]
