"""Data rights: the export, the erasure (no trace in SQLite/PostgreSQL/Chroma), encryption at rest, retention."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from companion.privacy.crypto import FieldCipher, KeyMissing, generate_key
from companion.privacy.retention import purge
from companion.storage import SqlStore, make_engine, migrate
from companion.storage.encrypted import attach_cipher
from companion.storage.models import JournalEntry, User, utcnow
from companion.storage.user_data import user_tables
from tests.support.telegram import texts
from tests.support.webhook import webhook_bot

USER = 800
SENTENCE = "Zorglub-7431 a pleure sous le pont des Arts en relisant la lettre de Maelle"


def _documents(bot, seq: int) -> dict[str, bytes]:  # noqa: ANN001 - test helper
    calls = [c for c in bot.api.calls("sendDocument", chat_id=USER, since_seq=seq) if c["ok"]]
    return {c["params"]["document"]["file_name"]: bot.api.file_bytes(c["params"]["document"]["file_id"])
            for c in calls}


def _database_holds(url: str, db_path: Path | None, needle: str) -> bool:
    """Is ``needle`` anywhere in the database: raw files for SQLite, every row of every table for PostgreSQL."""
    if db_path is not None:
        raw = needle.encode()
        return any(raw in p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            for table in inspect(engine).get_table_names():
                rows = connection.execute(text(f'SELECT t::text FROM "{table}" t')).scalars()
                if any(needle in row for row in rows):
                    return True
        return False
    finally:
        engine.dispose()


def _sqlite_path(database_url: str) -> Path | None:
    return Path(database_url.removeprefix("sqlite:///")) if database_url.startswith("sqlite") else None


async def test_export_sends_everything_as_json_and_markdown(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(USER)
        await bot.turn(USER, "/note")
        await bot.turn(USER, SENTENCE)
        seq = bot.api.last_seq()
        answer = await bot.turn(USER, "/mesdonnees")
        assert "tout ce que je garde sur toi" in texts(answer)
        files = _documents(bot, seq)
        assert sorted(name.rsplit(".", 1)[1] for name in files) == ["json", "md"]
        data = json.loads(next(v for k, v in files.items() if k.endswith(".json")))
        assert data["user_id"] == f"tg:{USER}"
        assert [e["text"] for e in data["tables"]["journal_entries"]] == [SENTENCE]
        assert data["tables"]["users"][0]["consent_at"]
        assert {t.name for t in user_tables()} <= set(data["tables"])  # every table about users is listed
        markdown = next(v for k, v in files.items() if k.endswith(".md")).decode()
        assert "# Mes données chez Compagnon" in markdown and "## Ton journal, jour par jour" in markdown
        assert f"> {SENTENCE}" in markdown and "- Je te tutoie." in markdown
        assert "formal" not in markdown and "conversation_states" not in markdown  # words, not the stored keys
        # In English, with the English command.
        english = USER + 1
        welcome = await bot.turn(english, "/start", language_code="en")
        await bot.click(english, welcome[-1])
        seq = bot.api.last_seq()
        await bot.turn(english, "/mydata")
        docs = [c for c in bot.api.calls("sendDocument", chat_id=english, since_seq=seq) if c["ok"]]
        markdown = bot.api.file_bytes(docs[0]["params"]["document"]["file_id"]).decode()
        assert "# My data at Compagnon" in markdown and "- I speak to you in English." in markdown
        assert bot.errors == []


async def test_forget_leaves_no_trace_in_the_database_or_chroma(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url, retrieval="hybrid") as bot:
        await bot.onboard(USER)
        await bot.turn(USER, "/note")
        await bot.turn(USER, SENTENCE)  # journal text
        await bot.turn(USER, f"Comment réagir quand {SENTENCE} ?")  # a question: searched, never stored
        await bot.turn(USER, f"Tu es nul, {SENTENCE}, personne ne te lit", forward_from_name="Quelqu'un")
        await bot.turn(USER, "/mesdonnees")
        db_path = _sqlite_path(database_url)
        assert _database_holds(database_url, db_path, SENTENCE)  # the scan finds it when it is there
        with bot.services.store.unit_of_work() as uow:
            counts = {t.name: uow.session.scalar(select(func.count()).select_from(t).where(t.c.user_id == "tg:800"))
                      for t in user_tables()}
        assert counts["journal_entries"] and counts["conversation_states"] and counts["flood_windows"]

        confirm = await bot.turn(USER, "/oubli")
        done = await bot.click(USER, confirm[-1], 0)
        assert "j'ai tout effacé" in texts(done)
        await bot.idle()
        with bot.services.store.unit_of_work() as uow:
            for table in user_tables():
                left = uow.session.scalar(select(func.count()).select_from(table).where(table.c.user_id == "tg:800"))
                assert left == 0, table.name
            assert uow.session.get(User, "tg:800") is None
        assert not _database_holds(database_url, db_path, SENTENCE)
        chroma = tmp_path / "data" / "chroma"
        assert chroma.is_dir() and any(p.is_file() for p in chroma.rglob("*"))
        assert not [p for p in chroma.rglob("*") if p.is_file() and SENTENCE.encode() in p.read_bytes()]
        assert bot.errors == []


async def test_encryption_at_rest_and_key_rotation(tmp_path: Path, database_url: str) -> None:
    old_key, new_key = generate_key(), generate_key()
    db_path = _sqlite_path(database_url)
    async with webhook_bot(tmp_path, database_url, encryption_key=old_key) as bot:
        await bot.onboard(USER)
        await bot.turn(USER, "/note")
        await bot.turn(USER, SENTENCE)
        await bot.turn(USER, f"{SENTENCE} : voilà ce qu'il m'a écrit, tu es nul", forward_from_name="X")
        with bot.services.store.unit_of_work() as uow:
            assert [e.text for e in uow.journal("tg:800")] == [SENTENCE]  # read back in clear
            state, _ = uow.load_state("tg:800")
            assert SENTENCE in str(state.data)  # the received message, decrypted
            raw = uow.session.execute(text("SELECT text FROM journal_entries")).scalar_one()
            assert raw.startswith("fernet:") and SENTENCE not in raw
        seq = bot.api.last_seq()
        await bot.turn(USER, "/mesdonnees")
        assert SENTENCE.encode() in b"".join(_documents(bot, seq).values())
    assert not _database_holds(database_url, db_path, SENTENCE)
    assert not _database_holds(database_url, db_path, "pleure sous le pont")

    # Rotation: the new key in front, re-encrypt, then the old key can go.
    engine = make_engine(database_url)
    attach_cipher(engine, FieldCipher(f"{new_key},{old_key}"))
    with SqlStore(engine).unit_of_work() as uow:
        assert uow.reencrypt() >= 2
        uow.commit()
    attach_cipher(engine, FieldCipher(new_key))
    with SqlStore(engine).unit_of_work() as uow:
        assert [e.text for e in uow.journal("tg:800")] == [SENTENCE]
    attach_cipher(engine, None)
    with SqlStore(engine).unit_of_work() as uow, pytest.raises(KeyMissing):
        uow.journal("tg:800")
    engine.dispose()


def test_without_a_key_text_is_stored_in_clear(store: SqlStore) -> None:
    with store.unit_of_work() as uow:
        uow.ensure_user("u1", "fr")
        uow.add_journal_entry("u1", "note", SENTENCE)
        uow.commit()
    with store.unit_of_work() as uow:
        assert uow.session.execute(text("SELECT text FROM journal_entries")).scalar_one() == SENTENCE


def test_retention_deletes_only_old_journal_entries(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    store = SqlStore(engine)
    now = utcnow()
    with store.unit_of_work() as uow:
        uow.ensure_user("u1", "fr")
        for days in (400, 31, 29, 0):
            uow.session.add(JournalEntry(user_id="u1", kind="note", text=f"{days} jours",
                                         created_at=now - timedelta(days=days)))
        uow.commit()
    assert purge(store, 0, now) == 0  # 0: keep everything
    assert purge(store, 30, now) == 2
    with store.unit_of_work() as uow:
        assert sorted(e.text for e in uow.journal("u1")) == ["0 jours", "29 jours"]
    engine.dispose()


