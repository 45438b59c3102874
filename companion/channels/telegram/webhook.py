"""Webhook mode: python-telegram-bot's own web server, with Telegram's secret token checked on every request.

Telegram posts each update to the public HTTPS URL (``COMPANION_WEBHOOK_URL``), usually a reverse proxy that
terminates TLS and forwards to ``http://COMPANION_WEBHOOK_LISTEN:COMPANION_WEBHOOK_PORT/COMPANION_WEBHOOK_PATH``.
Requests without the ``X-Telegram-Bot-Api-Secret-Token`` header, or with a wrong one, get 403 and are ignored.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Update
from telegram.ext import Application

from companion.bootstrap import Services, settle_heap
from companion.channels.telegram.app import build_application
from companion.config import Settings

logger = logging.getLogger(__name__)


def webhook_secret(settings: Settings) -> str:
    """The secret token: ``COMPANION_WEBHOOK_SECRET``, or one derived from the bot token (never empty)."""
    if settings.webhook_secret is not None:
        return settings.webhook_secret.get_secret_value()
    token = settings.telegram_token.get_secret_value() if settings.telegram_token else ""
    return hashlib.sha256(b"webhook:" + token.encode()).hexdigest()


def webhook_path(settings: Settings) -> str:
    """The local path the server listens on, without a leading slash."""
    return settings.webhook_path.strip("/")


def run_webhook(services: Services) -> None:
    """Run the bot with PTB's webhook server until interrupted (registers the public URL with Telegram)."""
    settings = services.settings
    if not settings.webhook_url:
        raise ValueError("COMPANION_WEBHOOK_URL (the public https:// URL Telegram posts to) is required")
    application = build_application(services)
    settle_heap()
    logger.info("Compagnon is running on Telegram (webhook on %s:%d/%s)", settings.webhook_listen,
                settings.webhook_port, webhook_path(settings))
    application.run_webhook(
        listen=settings.webhook_listen, port=settings.webhook_port, url_path=webhook_path(settings),
        webhook_url=settings.webhook_url, secret_token=webhook_secret(settings),
        allowed_updates=Update.ALL_TYPES, drop_pending_updates=False,
    )


@asynccontextmanager
async def serving(application: Application, settings: Settings) -> AsyncIterator[str]:
    """Serve the webhook inside a running event loop (tests, benchmarks); yields the local URL.

    Like ``run_webhook``, it registers the public URL and the secret with ``setWebhook`` first, and runs the
    application's ``post_init``, ``post_stop`` and ``post_shutdown`` hooks.
    """
    await application.initialize()
    assert application.updater is not None
    await application.updater.start_webhook(
        listen=settings.webhook_listen, port=settings.webhook_port, url_path=webhook_path(settings),
        webhook_url=settings.webhook_url, secret_token=webhook_secret(settings),
        allowed_updates=Update.ALL_TYPES, drop_pending_updates=False,
    )
    await application.start()
    if application.post_init is not None:
        await application.post_init(application)
    try:
        yield f"http://{settings.webhook_listen}:{settings.webhook_port}/{webhook_path(settings)}"
    finally:
        await application.updater.stop()
        await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
