"""The readable export (/mesdonnees): what a person reads about themselves, in their language and register."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from companion.engine.i18n import load_catalog
from companion.privacy.export import export_documents
from companion.privacy.readable import readable_export
from companion.prompts import load_nvc_lists

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
CATALOG = load_catalog()
NVC = load_nvc_lists()


def tables(language: str = "fr", formal: bool = False) -> dict[str, list[dict[str, Any]]]:
    """One user's rows as the store exports them (times in UTC without an offset, as SQLite keeps them)."""
    return {
        "users": [{"id": "tg:1", "telegram_id": 1, "language": language, "formal": formal, "agreement": "fem",
                   "timezone": "Europe/Paris", "consent_at": "2026-11-20T08:00:00", "created_at": "2026-11-20T07:59:00",
                   "portrait": "Discrète à l'école, curieuse en ligne.", "mission": "Partager ce qui compte",
                   "active": True}],
        "conversation_states": [{"user_id": "tg:1", "flow": "famille", "step": "likes", "data": {"answers": {}},
                                 "paused": None, "version": 3, "last_update_id": 9}],
        "journal_entries": [
            {"id": 1, "user_id": "tg:1", "kind": "note", "theme": None, "prompt": None, "emotions": None,
             "details": None, "text": "Ce soir j'ai respiré\navant de répondre.", "created_at": "2026-11-21T22:30:00"},
            {"id": 2, "user_id": "tg:1", "kind": "note", "theme": None, "prompt": None, "emotions": None,
             "details": None, "text": "Juste après minuit à Paris.", "created_at": "2026-11-21T23:30:00"},
            {"id": 3, "user_id": "tg:1", "kind": "daily", "theme": "emotions", "prompt": None, "emotions": None,
             "details": {"question": "Qu'as-tu aimé en ligne aujourd'hui ?", "question_id": "q1"},
             "text": "Une vidéo de ma cousine.", "created_at": "2026-11-22T19:31:00"},
            {"id": 4, "user_id": "tg:1", "kind": "personnage", "theme": "personnage", "prompt": None,
             "emotions": ["fier"], "details": {"step": "school", "question": "Qui étais-tu dans la cour ?"},
             "text": "J'étais discrète.", "created_at": "2026-11-22T20:00:00"},
            {"id": 5, "user_id": "tg:1", "kind": "reply", "theme": "avant-de-repondre", "prompt": None,
             "emotions": ["triste"], "details": {"received": "T'es nul, franchement.", "decision": "wait"},
             "text": "Aide-moi à répondre : une session\nCe que j'ai choisi : attendre.",
             "created_at": "2026-11-23T10:00:00"},
        ],
        "reminder_settings": [{"user_id": "tg:1", "enabled": True, "paused": False, "minute": 20 * 60 + 30,
                               "timezone": "Europe/Paris", "days": 0b0010101, "weekly_day": 6, "asked": ["q1"],
                               "pending_question": None, "pending_date": None, "streak": 2,
                               "last_answer_date": "2026-11-22", "updated_at": "2026-11-22T19:31:00"}],
        "reminder_deliveries": [
            {"id": 1, "user_id": "tg:1", "kind": "daily", "occurrence": "2026-11-25", "due_at": "2026-11-25T19:30:00",
             "status": "due", "owner": None, "claimed_at": None, "sent_at": None, "attempts": 0, "payload": None},
            {"id": 2, "user_id": "tg:1", "kind": "daily", "occurrence": "2026-11-22", "due_at": "2026-11-22T19:30:00",
             "status": "sent", "owner": None, "claimed_at": None, "sent_at": "2026-11-22T19:30:02", "attempts": 1,
             "payload": None},
        ],
        "pending_replies": [{"id": 7, "update_id": 9, "user_id": "tg:1", "chat_id": 1, "replies": [{"text": "x"}]}],
        "flood_windows": [{"user_id": "tg:1", "window_start": 1.0, "count": 3}],
    }


def read(language: str = "fr", formal: bool = False, rows: dict[str, list[dict[str, Any]]] | None = None) -> str:
    return readable_export(tables(language, formal) if rows is None else rows, NOW, CATALOG.bind(language, formal),
                           NVC)


def section(document: str, title: str) -> str:
    """The text of one ``## title`` section."""
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", document, re.MULTILINE | re.DOTALL)
    assert found, (title, document)
    return found.group(1)


def test_profile_and_settings_are_sentences_not_keys() -> None:
    profile = section(read(), "Ton profil")
    assert "- Je te parle en français." in profile and "- Je te tutoie." in profile
    assert "s'accordent au féminin" in profile and "Fuseau horaire\u00a0: Europe/Paris." in profile
    assert "Accord pour que je garde tes données\u00a0: 2026-11-20." in profile
    assert "Ton portrait\u00a0:\nDiscrète à l'école, curieuse en ligne." in profile
    assert "Ta mission\u00a0: «\u00a0Partager ce qui compte\u00a0»" in profile


def test_no_raw_key_value_or_technical_table_reaches_the_reader() -> None:
    document = read()
    for raw in ("formal", "True", "False", "None", "pending_replies", "flood_windows", "user_id", "tg:1", "version",
                "last_update_id", "q1", "**kind**", "{", "·"):
        assert raw not in document, raw


def test_the_journal_is_by_local_day_with_its_questions_quoted() -> None:
    journal = section(read(), "Ton journal, jour par jour")
    days = re.findall(r"^### (\S+)$", journal, re.MULTILINE)
    assert days == ["2026-11-21", "2026-11-22"]  # 23:30 UTC is already the 22nd in Paris
    first, second = journal.split("### 2026-11-22")
    assert "**23:30, Note**\n\n> Ce soir j'ai respiré\n> avant de répondre." in first
    assert "**00:30, Note**" in second and "Juste après minuit" in second
    assert "**20:31, Question du jour**\n\nQuestion\u00a0: Qu'as-tu aimé en ligne aujourd'hui ?" in second
    assert "J'étais discrète" not in journal  # journey answers have their own section


def test_journey_answers_and_reply_sessions_have_their_own_sections() -> None:
    document = read()
    journeys = section(document, "Tes réponses aux parcours")
    assert "### Mon personnage" in journeys and "Question\u00a0: Qui étais-tu dans la cour ?" in journeys
    assert "> J'étais discrète." in journeys and "Émotions\u00a0: fière" in journeys  # agreed as the user chose
    sessions = section(document, "Tes séances avant de répondre")
    assert "### 2026-11-23 11:00" in sessions and "Le message reçu\u00a0:\n\n> T'es nul, franchement." in sessions
    assert "- Ce que j'ai choisi : attendre." in sessions


def test_reminders_in_words_and_what_is_under_way() -> None:
    document = read()
    reminders = section(document, "Tes rappels")
    assert "Question du jour à 20:30, lundi, mercredi et vendredi (heure de Paris)." in reminders
    assert "Bilan de la semaine\u00a0: le dimanche." in reminders
    assert "Jours de suite avec une réponse\u00a0: 2." in reminders
    assert "- 2026-11-25 20:30" in reminders and "Rappels déjà envoyés\u00a0: 1." in reminders
    now = section(document, "En ce moment")
    assert "Une conversation est en cours\u00a0: En famille." in now
    assert "Messages de ma part pas encore remis\u00a0: 1." in now


def test_vous_register_throughout() -> None:
    document = read(formal=True)
    for title in ("Votre profil", "Vos rappels", "Votre journal, jour par jour", "Vos réponses aux parcours",
                  "Vos séances avant de répondre"):
        assert f"## {title}" in document
    assert "Je vous vouvoie." in document and "Votre portrait\u00a0:" in document
    assert "Tout ce que Compagnon garde sur vous" in document
    own = document.replace("Qu'as-tu aimé", "").replace("Qui étais-tu", "")  # the questions as they were asked
    assert not re.search(r"\b(tu|te|ton|ta|tes)\b", own.replace("T'es nul", "")), own


def test_english() -> None:
    document = read("en")
    assert document.startswith("# My data at Compagnon")
    assert "- I speak to you in English." in document and "«\u00a0tu\u00a0»" not in document  # a French matter only
    assert "Question of the day at 20:30, Monday, Wednesday and Friday (Paris time)." in document
    assert "## Your journal, day by day" in document and "**20:31, Question of the day**" in document
    assert "## Your sessions before replying" in document and "The message you received:" in document
    assert "A conversation is under way: As a family." in document


def test_someone_who_only_started_has_short_plain_sections() -> None:
    rows = {"users": [{"id": "tg:2", "language": "fr", "formal": False, "agreement": "", "timezone": "Europe/Paris",
                       "consent_at": None, "created_at": "2026-11-25T08:00:00", "active": False}]}
    document = read(rows=rows)
    assert "Ton journal est vide." in document and "Aucun rappel réglé." in document
    assert "Aucun parcours commencé." in document and "Aucune séance gardée." in document
    assert "je ne t'écris plus de moi-même" in document and "Accord" not in document
    assert "## En ce moment" not in document


def test_the_json_document_keeps_every_row_complete() -> None:
    readable, complete = export_documents(tables(), user_id="tg:1", now=NOW, language="fr", formal=False,
                                          catalog=CATALOG, nvc=NVC)
    assert readable.filename == "compagnon-2026-11-25.md" and complete.filename == "compagnon-2026-11-25.json"
    data = json.loads(complete.data)
    assert data["tables"] == tables() and data["user_id"] == "tg:1"
    assert readable.data.decode() == read()
