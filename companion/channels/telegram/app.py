"""The Telegram channel: thin handlers (update → event → engine → render) on python-telegram-bot."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Any

from telegram import BotCommand, CallbackQuery, Message, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from companion.bootstrap import Services, settle_heap
from companion.channels.telegram import jobs
from companion.channels.telegram.codec import CallbackCodec
from companion.channels.telegram.resilience import PerUserProcessor, Typing
from companion.channels.telegram.sender import OVERALL_MAX_RATE, TelegramSender, make_bot
from companion.channels.telegram.turns import TurnRunner
from companion.config import Settings
from companion.engine import Event, EventKind, Reply
from companion.engine.i18n import LANGUAGES, Catalog, load_catalog, pick_language
from companion.storage.availability import StoreUnavailable

logger = logging.getLogger(__name__)

# (command, catalog key of its description) shown in Telegram's menu.
COMMANDS = (
    ("start", "commands.start"),
    ("menu", "commands.menu"),
    ("repondre", "commands.repondre"),
    ("personnage", "personnage.command"),
    ("mission", "mission.command"),
    ("famille", "famille.command"),
    ("note", "commands.note"),
    ("journal", "journal.command"),
    ("moi", "moi.command"),
    ("question", "commands.question"),
    ("plan", "plan.command"),
    ("reprendre", "commands.reprendre"),
    ("rappels", "reminders.command"),
    ("reglages", "commands.reglages"),
    ("mesdonnees", "privacy.command"),
    ("oubli", "commands.oubli"),
    ("help", "commands.help"),
    ("cancel", "commands.cancel"),
)
ENGLISH_NAMES = {"repondre": "reply", "personnage": "character", "famille": "family", "moi": "me",
                 "reprendre": "resume", "rappels": "reminders", "reglages": "settings", "mesdonnees": "mydata",
                 "oubli": "forget"}
"""The English aliases the engine also answers to, published in the English commands menu."""


def command_menu(catalog: Catalog, lang: str) -> list[BotCommand]:
    """The commands menu in ``lang``: English names for English speakers, the French ones otherwise."""
    names = ENGLISH_NAMES if lang == "en" else {}
    return [BotCommand(names.get(name, name), catalog.text(lang, key)) for name, key in COMMANDS]


def make_codec(settings: Settings) -> CallbackCodec:
    """The callback-data codec, its key derived from the bot token."""
    token = settings.telegram_token
    secret = token.get_secret_value() if token else "compagnon"
    return CallbackCodec(hashlib.sha256(b"callback:" + secret.encode()).digest())


class TelegramChannel:
    """Owns the sender and the conversation service; its methods are PTB callbacks."""

    def __init__(self, services: Services, sender: TelegramSender) -> None:
        self.services = services
        self.sender = sender
        self.codec = sender.codec
        self.catalog = load_catalog()
        self.turns = TurnRunner(services.settings.resolved_turn_threads, services.conversations.replies_sent)
        self._closing: list[Any] = []

    # -- callbacks ---------------------------------------------------------------------------------

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Turn a private text message into an event and answer it."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        text = message.text or ""
        if message.forward_origin is not None:
            event = Event(f"tg:{user.id}", EventKind.FORWARDED, text=text, language_code=user.language_code)
        else:
            event = Event.from_text(f"tg:{user.id}", text, user.language_code)
        await self._answer(update, context, event)

    async def on_voice(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A voice note: fetched and transcribed in memory ("typing…" meanwhile), then answered like a message."""
        message, user, chat = update.effective_message, update.effective_user, update.effective_chat
        if message is None or user is None or chat is None or message.voice is None:
            return
        conversations, voice = self.services.conversations, message.voice
        typing = Typing(context.bot, chat.id, self.services.settings.typing_delay)
        try:
            audio = b""
            if conversations.voice_fits(voice.duration):
                try:
                    audio = bytes(await (await context.bot.get_file(voice.file_id)).download_as_bytearray())
                except TelegramError as error:
                    logger.warning("could not fetch a voice note (%s)", type(error).__name__)
            event = await asyncio.to_thread(conversations.hear, f"tg:{user.id}", audio,
                                            forwarded=message.forward_origin is not None,
                                            language_code=user.language_code, seconds=voice.duration)
            del audio
        finally:
            await typing.stop()
        await self._answer(update, context, event)

    async def on_other_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice…: a kind explanation through the engine."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        event = Event(f"tg:{user.id}", EventKind.UNSUPPORTED, media=_media_kind(message),
                      language_code=user.language_code)
        await self._answer(update, context, event)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Acknowledge the press and drop the used keyboard while the engine works on the decoded choice."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        # Both Bot API calls run alongside the turn: a press waits for neither before its answer is computed.
        acknowledged = asyncio.create_task(self._acknowledge(query))
        value = self.codec.decode(query.data)
        if value is None:
            logger.warning("callback data failed verification")
        event = Event(f"tg:{user.id}", EventKind.CHOICE, choice=value or "invalid:",
                      language_code=user.language_code)
        try:
            await self._answer(update, context, event, before_sending=acknowledged)
        finally:
            await acknowledged

    async def _acknowledge(self, query: CallbackQuery) -> None:
        """Stop the button's spinner, then remove the keyboard so that the same buttons are not pressed twice.

        Both are cosmetic: a failure is logged and never costs the user their turn.
        """
        try:
            await query.answer()
        except TelegramError as error:
            logger.warning("could not answer a button press (%s)", type(error).__name__)
        if isinstance(query.message, Message) and query.message.reply_markup is not None:
            try:
                await query.edit_message_reply_markup(reply_markup=None)
            except TelegramError as error:
                logger.debug("could not remove an old keyboard (%s)", type(error).__name__)

    async def on_group(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Compagnon talks in private chats only."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or chat.type == "channel":
            return
        lang = pick_language(user.language_code if user else None, self.services.settings.default_language)
        await self.sender.text(chat.id, self.catalog.text(lang, "channel.private_only"), "private only")

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An edit is not a new turn: the engine does not see it; in private, say so kindly."""
        logger.info("edited message ignored")
        chat, user = update.effective_chat, update.effective_user
        if chat is None or user is None or chat.type != "private":
            return
        lang = pick_language(user.language_code, self.services.settings.default_language)
        await self.sender.text(chat.id, self.catalog.text(lang, "fault.edited"), "edit notice")

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure (never the user's text) and tell the user something kind."""
        error = context.error
        logger.error("error while handling an update: %s", type(error).__name__,
                     exc_info=(type(error), error, error.__traceback__) if error else None)
        if isinstance(update, Update) and update.effective_chat and update.effective_chat.type == "private":
            user = update.effective_user
            lang = pick_language(user.language_code if user else None, self.services.settings.default_language)
            try:
                await self.sender.text(update.effective_chat.id, self.catalog.text(lang, "channel.error"), "error")
            except TelegramError:
                logger.warning("could not send the error message")

    # -- plumbing ----------------------------------------------------------------------------------

    async def _answer(self, update: Update, context: ContextTypes.DEFAULT_TYPE, event: Event,
                      before_sending: asyncio.Task[None] | None = None) -> None:
        chat, user = update.effective_chat, update.effective_user
        if chat is None or user is None:
            return
        typing = Typing(context.bot, chat.id, self.services.settings.typing_delay)
        try:
            replies = await self._turn(context, chat.id, event, update.update_id, user.id)
        finally:
            await typing.stop()
        if before_sending is not None:
            await before_sending  # the old keyboard goes before the new messages arrive
        if replies:
            await self.deliver(chat.id, update.update_id, replies)

    async def deliver(self, chat_id: int, update_id: int, replies: list[Reply]) -> None:
        """Send a turn's replies, then let the database forget them (kept until then: see storage.outbox).

        Replies Telegram refuses for good (blocked by the user, a bad request) are forgotten too; after any other
        failure they stay, and the ``unsent-replies`` job sends them again later.
        """
        try:
            await self.sender.deliver(chat_id, replies)
        except (BadRequest, Forbidden):
            await self.turns.confirm_sent(update_id)
            raise
        await self.turns.confirm_sent(update_id)  # a database outage is logged there: it may be sent once more

    async def _turn(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, event: Event, update_id: int,
                    telegram_id: int) -> list[Reply] | None:
        """Run the turn; while the database is away, say "je reviens vite" once and keep trying for a while."""
        settings = self.services.settings
        loop = asyncio.get_running_loop()
        deadline = loop.time() + settings.db_retry_seconds
        delay, told = 0.25, False
        while True:
            try:
                return await self.turns.run(self.services.conversations.handle, event, update_id=update_id,
                                            telegram_id=telegram_id, chat_id=chat_id)
            except StoreUnavailable as error:
                logger.warning("database unavailable for a turn (%s)", error)
                lang = pick_language(event.language_code, settings.default_language)
                if loop.time() + delay > deadline:
                    await self._say(context, chat_id, lang, "fault.db_gave_up")
                    logger.error("turn given up: the database stayed unavailable for %.0fs", settings.db_retry_seconds)
                    return None
                if not told:
                    await self._say(context, chat_id, lang, "fault.db_down")
                    told = True
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _say(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, lang: str, key: str) -> None:
        """Send one catalog message (no engine, no database)."""
        try:
            await self.sender.text(chat_id, self.catalog.text(lang, key), key)
        except TelegramError:
            logger.warning("could not send %s", key)

    async def post_init(self, application: Application) -> None:
        """Publish the commands menu in French, English and the default language; schedule the background jobs."""
        self._closing = jobs.schedule(application, self.services, self, self.sender)
        for lang in LANGUAGES:
            await application.bot.set_my_commands(command_menu(self.catalog, lang), language_code=lang)
        await application.bot.set_my_commands(command_menu(self.catalog, self.services.settings.default_language))

    async def post_shutdown(self, application: Application) -> None:
        """Free the turn threads and the jobs' resources once the application has stopped."""
        for resource in self._closing:
            resource.close()
        self._closing = []
        await self.turns.close()


def _media_kind(message: Message) -> str:
    for kind in ("sticker", "photo", "voice", "video", "video_note", "audio", "document", "location",
                 "contact", "poll", "animation"):
        if getattr(message, kind, None):
            return kind
    return "other"


def build_application(services: Services, *, overall_max_rate: float = OVERALL_MAX_RATE) -> Application:
    """Build the PTB application with Compagnon's handlers and background jobs, sending through one bot.

    ``overall_max_rate`` is Telegram's limit of about 30 messages per second for a bot; 0 lifts it (benchmarks
    against a local fake server measure our own cost, not Telegram's limit).
    """
    settings = services.settings
    bot = make_bot(settings, overall_max_rate=overall_max_rate)
    channel = TelegramChannel(services, TelegramSender(bot, make_codec(settings)))
    application = (
        Application.builder()
        .bot(bot)
        .post_init(channel.post_init)
        .post_shutdown(channel.post_shutdown)
        .concurrent_updates(PerUserProcessor(64))
        .build()
    )
    private = filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, channel.on_edited))
    application.add_handler(MessageHandler(private & filters.TEXT, channel.on_text))
    application.add_handler(MessageHandler(private & filters.VOICE, channel.on_voice))
    application.add_handler(MessageHandler(private & ~filters.TEXT, channel.on_other_message))
    application.add_handler(MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, channel.on_group))
    application.add_handler(CallbackQueryHandler(channel.on_button))
    application.add_error_handler(channel.on_error)
    return application


def run_polling(services: Services) -> None:
    """Run the bot with long polling until interrupted."""
    application = build_application(services)
    settle_heap()
    logger.info("Compagnon is running on Telegram (polling)")
    application.run_polling(allowed_updates=Update.ALL_TYPES, timeout=services.settings.poll_timeout,
                            drop_pending_updates=False)
