"""/journal and /moi through the conversation service on a real database (SQLite, and PostgreSQL when set)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from companion.engine import Engine, Event, EventKind, Reply
from companion.prompts import load_nvc_lists
from companion.service import ConversationService
from companion.storage import SqlStore
from companion.storage.models import utcnow
from companion.storage.reminder_models import ReminderDelivery
from tests.support.reading import RULES_READER

NVC = load_nvc_lists()


def service(store: SqlStore) -> ConversationService:
    return ConversationService(store, Engine(reader=RULES_READER, nvc=NVC))


def send(svc: ConversationService, text: str, user: str) -> list[Reply]:
    return svc.handle(Event.from_text(user, text, "fr"))


def press(svc: ConversationService, value: str, user: str) -> list[Reply]:
    return svc.handle(Event(user, EventKind.CHOICE, choice=value))


def text_of(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def choices(replies: list[Reply]) -> list[str]:
    return [c.value for r in replies for c in r.choices]


def opened(replies: list[Reply]) -> list[int]:
    """Entry ids offered by the journal page, in display order."""
    return [int(v.rsplit(":", 1)[1]) for v in choices(replies) if v.startswith("journal:open:")]


def join(svc: ConversationService, user: str) -> None:
    send(svc, "/start", user)
    press(svc, "onb:accept", user)


def write_notes(store: SqlStore, user: str, count: int, tag: str = "note") -> None:
    with store.unit_of_work() as uow:
        for n in range(1, count + 1):
            uow.add_journal_entry(user, "note", f"{tag} numéro {n:02d}")
        uow.commit()


def stored_texts(store: SqlStore, user: str) -> list[str]:
    with store.unit_of_work() as uow:
        return [e.text for e in uow.journal(user, limit=100)]


def test_journal_pages_newest_first_with_buttons(store: SqlStore) -> None:
    svc = service(store)
    join(svc, "tg:1")
    write_notes(store, "tg:1", 12)
    first = send(svc, "/journal", "tg:1")
    body = text_of(first)
    assert "(1 à 5 sur 12)" in body
    assert body.index("numéro 12") < body.index("numéro 08") and "numéro 07" not in body
    assert len(opened(first)) == 5 and "journal:next" in choices(first) and "journal:prev" not in choices(first)
    second = press(svc, "journal:next", "tg:1")
    assert "(6 à 10 sur 12)" in text_of(second) and "numéro 07" in text_of(second)
    assert "journal:prev" in choices(second)
    last = press(svc, "journal:next", "tg:1")
    assert "(11 à 12 sur 12)" in text_of(last) and "numéro 01" in text_of(last)
    assert "journal:next" not in choices(last) and len(opened(last)) == 2
    beyond = press(svc, "journal:next", "tg:1")  # an old "next" button past the end
    assert "plus actif" in text_of(beyond) and "(11 à 12 sur 12)" in text_of(beyond)
    back = press(svc, "journal:prev", "tg:1")
    assert "(6 à 10 sur 12)" in text_of(back)
    assert "Fermer" in [c.label for r in back for c in r.choices]
    closed = press(svc, "journal:close", "tg:1")
    assert "menu:more" in choices(closed)  # the menu again; the journal is behind "More…"


def test_open_shows_the_whole_entry_with_its_question_and_feelings(store: SqlStore) -> None:
    svc = service(store)
    join(svc, "tg:1")
    long = "Je me souviens très bien de la cour. " * 150
    send(svc, "/personnage", "tg:1")
    press(svc, "personnage:continue", "tg:1")
    send(svc, long + "J'étais fière et un peu seule.", "tg:1")
    page = send(svc, "/journal", "tg:1")
    assert "Mon personnage" in text_of(page)
    entry = press(svc, f"journal:open:{opened(page)[0]}", "tg:1")
    shown = text_of(entry)
    assert long.strip() in shown  # the whole text, not an excerpt
    assert "Question\u00a0: Reviens dans ta première cour d'école" in shown
    assert "Émotions\u00a0: fierté, solitude" in shown
    assert choices(entry) == ["journal:delete", "journal:back", "journal:close"]
    assert "(1 à 1 sur 1)" in text_of(press(svc, "journal:back", "tg:1"))


def test_typed_number_opens_an_entry(store: SqlStore) -> None:
    svc = service(store)
    join(svc, "tg:1")
    write_notes(store, "tg:1", 3)
    send(svc, "/journal", "tg:1")
    assert "note numéro 02" in text_of(send(svc, "2", "tg:1"))


def test_delete_asks_first_and_then_deletes_only_that_entry(store: SqlStore) -> None:
    svc = service(store)
    join(svc, "tg:1")
    write_notes(store, "tg:1", 6)
    page = send(svc, "/journal", "tg:1")
    target = opened(page)[1]  # "note numéro 05"
    press(svc, f"journal:open:{target}", "tg:1")
    confirm = press(svc, "journal:delete", "tg:1")
    assert "pour de bon" in text_of(confirm) and "numéro 05" in text_of(confirm)
    kept = press(svc, "journal:no", "tg:1")
    assert "note numéro 05" in text_of(kept) and len(stored_texts(store, "tg:1")) == 6
    press(svc, "journal:delete", "tg:1")
    done = press(svc, "journal:yes", "tg:1")
    assert "C'est supprimé" in text_of(done)
    assert "(1 à 5 sur 5)" in text_of(done) and "numéro 05" not in text_of(done)
    assert "note numéro 01" in text_of(done)  # the next entry moved up into the page
    assert "note numéro 05" not in stored_texts(store, "tg:1") and len(stored_texts(store, "tg:1")) == 5
    again = press(svc, "journal:yes", "tg:1")  # the confirmation button pressed twice
    assert "plus actif" in text_of(again) and len(stored_texts(store, "tg:1")) == 5


def test_deleting_the_last_entry_of_the_last_page_goes_back_a_page(store: SqlStore) -> None:
    svc = service(store)
    join(svc, "tg:1")
    write_notes(store, "tg:1", 6)
    send(svc, "/journal", "tg:1")
    last = press(svc, "journal:next", "tg:1")
    (only,) = opened(last)
    press(svc, f"journal:open:{only}", "tg:1")
    press(svc, "journal:delete", "tg:1")
    done = press(svc, "journal:yes", "tg:1")
    assert "(1 à 5 sur 5)" in text_of(done) and "journal:next" not in choices(done)
    emptied = service(store)
    for _ in range(5):
        page = send(emptied, "/journal", "tg:1")
        press(emptied, f"journal:open:{opened(page)[0]}", "tg:1")
        press(emptied, "journal:delete", "tg:1")
        last_page = press(emptied, "journal:yes", "tg:1")
    assert "vide" in text_of(last_page) and stored_texts(store, "tg:1") == []


def test_two_users_never_see_each_others_entries(store: SqlStore) -> None:
    svc = service(store)
    for user in ("tg:1", "tg:2"):
        join(svc, user)
    write_notes(store, "tg:1", 3, tag="secret-ana")
    write_notes(store, "tg:2", 2, tag="bea")
    ana_page = send(svc, "/journal", "tg:1")
    bea_page = send(svc, "/journal", "tg:2")
    assert "secret-ana" not in text_of(bea_page) and "(1 à 2 sur 2)" in text_of(bea_page)
    assert "bea" not in text_of(ana_page)
    # Bea forges a button for one of Ana's entries: it is refused, nothing shown or deleted.
    forged = press(svc, f"journal:open:{opened(ana_page)[0]}", "tg:2")
    assert "secret-ana" not in text_of(forged) and "plus actif" in text_of(forged)
    with store.unit_of_work() as uow:
        assert uow.records("tg:2").journal_entry(opened(ana_page)[0]) is None
        assert uow.delete_journal_entry("tg:2", opened(ana_page)[0]) is False
        assert uow.records("tg:2").journal_counts() == {"note": 2}
    # Ana's portrait and mission stay hers.
    send(svc, "/mission", "tg:1")
    press(svc, "mission:continue", "tg:1")
    send(svc, "J'aime partager mes balades en forêt.", "tg:1")
    press(svc, "mission:continue", "tg:1")
    for _ in range(5):
        press(svc, "mission:skip", "tg:1")
    assert "mes balades en forêt" in text_of(press(svc, "mission:keep", "tg:1"))
    ana = text_of(send(svc, "/moi", "tg:1"))
    bea = text_of(send(svc, "/moi", "tg:2"))
    assert "mes balades en forêt" in ana and "mes balades en forêt" not in bea
    assert "Pas encore de phrase de mission" in bea
    assert stored_texts(store, "tg:1").count("J'aime partager mes balades en forêt.") == 1


def test_moi_shows_portrait_mission_and_counts(store: SqlStore) -> None:
    svc = service(store)
    join(svc, "tg:1")
    empty = text_of(send(svc, "/moi", "tg:1"))
    assert "Pas encore de portrait" in empty and "encore vide" in empty
    write_notes(store, "tg:1", 2)
    send(svc, "/personnage", "tg:1")
    press(svc, "personnage:continue", "tg:1")
    send(svc, "J'étais la bonne élève qui voulait toujours bien faire.", "tg:1")
    press(svc, "personnage:continue", "tg:1")
    for _ in range(6):
        press(svc, "personnage:skip", "tg:1")
    press(svc, "personnage:keep", "tg:1")
    shown = send(svc, "/moi", "tg:1")
    body = text_of(shown)
    assert "Ton portrait\u00a0:\nDans la cour d'école, je jouais la carte du sérieux." in body  # a synthesis
    assert "Ton journal\u00a0: 4 entrées" in body  # two notes, one answer, the portrait
    assert "• Mon personnage\u00a0: 2" in body and "• Note\u00a0: 2" in body
    assert "moi:personnage" in choices(shown)
    journal = press(svc, "moi:journal", "tg:1")
    assert "(1 à 4 sur 4)" in text_of(journal)


@pytest.mark.parametrize("command", ["/moi", "/me"])
def test_moi_in_english_and_vous(store: SqlStore, command: str) -> None:
    svc = service(store)
    svc.handle(Event.from_text("tg:9", "/start", "en"))
    press(svc, "onb:accept", "tg:9")
    assert "No portrait yet" in text_of(svc.handle(Event.from_text("tg:9", command, "en")))


def test_famille_through_the_service_keeps_the_debrief_and_the_follow_up(store: SqlStore) -> None:
    svc = service(store)
    join(svc, "tg:1")
    send(svc, "/famille", "tg:1")
    press(svc, "famille:continue", "tg:1")
    send(svc, "Les vidéos de cuisine et les nouvelles de ma sœur.", "tg:1")
    press(svc, "famille:continue", "tg:1")
    for _ in range(4):
        press(svc, "famille:skip", "tg:1")
    send(svc, "Mon fils adore les tutos de dessin ; on a décidé : pas de téléphone à table.", "tg:1")
    assert "dans un mois" in text_of(press(svc, "famille:continue", "tg:1"))
    before = utcnow()
    assert "je te le proposerai dans un mois" in text_of(press(svc, "famille:yes", "tg:1"))
    with store.unit_of_work() as uow:
        (follow,) = uow.session.scalars(select(ReminderDelivery).where(ReminderDelivery.user_id == "tg:1"))
        assert follow.kind == "famille"
        due = follow.due_at if follow.due_at.tzinfo else follow.due_at.replace(tzinfo=before.tzinfo)
        assert timedelta(days=29, hours=23) < due - before < timedelta(days=30, minutes=5)
        debrief = [e for e in uow.journal("tg:1") if (e.details or {}).get("step") == "debrief"]
        said = "Mon fils adore les tutos de dessin ; on a décidé : pas de téléphone à table."
        assert [e.text for e in debrief] == [said]
