"""The user's own journal (/journal: read, page, delete) and what Compagnon keeps about them (/moi)."""

from __future__ import annotations

from typing import Any

from companion.engine.effects import DeleteJournalEntry
from companion.engine.events import Choice, EventKind, Reply
from companion.engine.flows.base import END, OTHER, STALE, Entered, Flow, Turn
from companion.engine.i18n import Translator
from companion.engine.nvc import NvcLists
from companion.engine.ports import JournalItem
from companion.engine.text import clean, excerpt

LIST = "list"
ENTRY = "entry"
CONFIRM = "confirm"
PAGE = 5
LINE_CHARS = 70


def kind_label(t: Translator, kind: str) -> str:
    """A journal kind in words ("personnage" → "Mon personnage"); unknown kinds as they are."""
    key = f"journal.kind.{kind}"
    return t(key) if t.catalog.has(key) else kind


def day(t: Translator, item: JournalItem) -> str:
    """The entry's date, written the user's way."""
    return item.created_at.strftime(t("journal.date_format"))


class JournalFlow(Flow):
    """List (pages of five, newest first) → one entry → delete? → list again; or close."""

    name = "journal"
    initial = LIST
    transitions = {
        (LIST, "open"): ENTRY,
        (LIST, "next"): LIST,
        (LIST, "prev"): LIST,
        (LIST, "close"): END,
        (ENTRY, "delete"): CONFIRM,
        (ENTRY, "back"): LIST,
        (ENTRY, "close"): END,
        (CONFIRM, "yes"): LIST,
        (CONFIRM, "no"): ENTRY,
    }

    def __init__(self, nvc: NvcLists | None = None) -> None:
        self.nvc = nvc

    def classify(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Buttons carry ``journal:open:<id>``; only entries shown on the current page can be opened."""
        event = turn.event
        if event.kind is EventKind.CHOICE:
            flow, _, rest = event.choice.partition(":")
            symbol, _, arg = rest.partition(":")
            if flow != self.name or symbol not in self.symbols(step):
                return STALE
            if symbol == "open":
                return self._open(arg, data)
            if arg:
                return STALE
            return self._move(symbol, data)
        if event.kind is EventKind.TEXT and step == LIST:
            number = clean(event.text)
            ids = list(data.get("ids") or [])
            if number.isdigit() and 1 <= int(number) <= len(ids):
                return self._open(str(ids[int(number) - 1]), data)
        return OTHER

    def _open(self, arg: str, data: dict[str, Any]) -> str:
        if not arg.isdigit() or int(arg) not in (data.get("ids") or []):
            return STALE
        data["entry"] = int(arg)
        return "open"

    def _move(self, symbol: str, data: dict[str, Any]) -> str:
        offset, total = int(data.get("offset") or 0), int(data.get("total") or 0)
        if symbol == "next":
            if offset + PAGE >= total:
                return STALE
            data["offset"] = offset + PAGE
        elif symbol == "prev":
            if offset == 0:
                return STALE
            data["offset"] = max(0, offset - PAGE)
        elif symbol == "yes":
            data["_deleted"] = data.get("entry")
        return symbol

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Show a page, an entry, or ask before deleting."""
        if step == LIST:
            return self._page(turn, data)
        if step == ENTRY:
            return self._entry(turn, data)
        if step == CONFIRM:
            return self._confirm(turn, data)
        if step == END:
            return Entered([])
        raise ValueError(f"unknown journal step {step!r}")

    def _page(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        deleted = data.pop("_deleted", None)
        lead = [Reply(t("journal.deleted"))] if deleted is not None else []
        effects: list[object] = [DeleteJournalEntry(int(deleted))] if deleted is not None else []
        offset = int(data.get("offset") or 0)
        items, total = self._fetch(turn, offset, deleted)
        if not items and offset > 0:  # the last entry of the last page was deleted: one page back
            offset = max(0, offset - PAGE)
            items, total = self._fetch(turn, offset, deleted)
        new = {"offset": offset, "total": total, "ids": [item.id for item in items]}
        if not items:
            return Entered(lead + [Reply(t("journal.empty"), (self.choice(turn, "journal.close", "close"),))],
                           effects, data=new)
        lines = [t("journal.header", first=offset + 1, last=offset + len(items), total=total)]
        lines += [t("journal.line", n=n, date=day(t, item), kind=kind_label(t, item.kind),
                    excerpt=excerpt(item.text, LINE_CHARS)) for n, item in enumerate(items, 1)]
        choices = [Choice(t("journal.open", n=n), f"{self.name}:open:{item.id}") for n, item in enumerate(items, 1)]
        if offset > 0:
            choices.append(self.choice(turn, "journal.prev", "prev"))
        if offset + PAGE < total:
            choices.append(self.choice(turn, "journal.next", "next"))
        choices.append(self.choice(turn, "journal.close", "close"))
        return Entered(lead + [Reply("\n".join(lines), tuple(choices), columns=PAGE)], effects, data=new)

    def _fetch(self, turn: Turn, offset: int, deleted: object) -> tuple[list[JournalItem], int]:
        if turn.records is None:
            return [], 0
        if deleted is None:
            page = turn.records.journal_page(offset, PAGE)
            return list(page.items), page.total
        # The deletion is applied after this turn: read one more and leave the deleted entry out.
        page = turn.records.journal_page(offset, PAGE + 1)
        kept = [item for item in page.items if item.id != deleted]
        return kept[:PAGE], page.total - (len(kept) < len(page.items))

    def _entry(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        item = turn.records.journal_entry(int(data["entry"])) if turn.records and "entry" in data else None
        back = (self.choice(turn, "journal.back", "back"), self.choice(turn, "journal.close", "close"))
        if item is None:
            return Entered([Reply(t("journal.gone"), back)])
        lines = [t("journal.entry", date=day(t, item), kind=kind_label(t, item.kind))]
        if item.question or item.prompt:
            lines.append(t("journal.entry_question", question=item.question or item.prompt))
        lines.append(item.text)
        labels = self.nvc.labels(item.emotions, t.lang, agreement=t.agreement) if self.nvc else []
        if labels:
            lines.append(t("journal.entry_feelings", feelings=", ".join(labels)))
        return Entered([Reply("\n\n".join(lines), (self.choice(turn, "journal.delete", "delete"), *back))])

    def _confirm(self, turn: Turn, data: dict[str, Any]) -> Entered:
        t = turn.t
        item = turn.records.journal_entry(int(data["entry"])) if turn.records and "entry" in data else None
        if item is None:
            return Entered([Reply(t("journal.gone"), (self.choice(turn, "journal.back", "back"),))])
        return Entered([Reply(t("journal.confirm", excerpt=excerpt(item.text, LINE_CHARS)),
                              (self.choice(turn, "journal.delete_yes", "yes"),
                               self.choice(turn, "journal.delete_no", "no")))])


SHOW = "show"
TO_JOURNAL = "to_journal"
TO_PERSONNAGE = "to_personnage"
TO_MISSION = "to_mission"


class MoiFlow(Flow):
    """What Compagnon keeps about me: portrait, mission statement, journal counts; links to each."""

    name = "moi"
    initial = SHOW
    terminal = frozenset({END, TO_JOURNAL, TO_PERSONNAGE, TO_MISSION})
    transitions = {
        (SHOW, "journal"): TO_JOURNAL,
        (SHOW, "personnage"): TO_PERSONNAGE,
        (SHOW, "mission"): TO_MISSION,
        (SHOW, "close"): END,
    }

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Show the summary, or hand over to the journal or a journey."""
        handoffs = {TO_JOURNAL: "journal", TO_PERSONNAGE: "personnage", TO_MISSION: "mission"}
        if step in handoffs:
            return Entered([], handoff=(handoffs[step], {}))
        if step == END:
            return Entered([])
        if step != SHOW:
            raise ValueError(f"unknown moi step {step!r}")
        t, profile = turn.t, turn.profile
        lines = [t("moi.header")]
        lines.append(t("moi.portrait", portrait=profile.portrait) if profile.portrait else t("moi.no_portrait"))
        lines.append(t("moi.mission", mission=profile.mission) if profile.mission else t("moi.no_mission"))
        counts = turn.records.journal_counts() if turn.records else {}
        if counts:
            total = sum(counts.values())
            parts = [t("moi.count", kind=kind_label(t, kind), n=n) for kind, n in sorted(counts.items())]
            lines.append(t("moi.counts", total=total) + "\n" + "\n".join(parts))
        else:
            lines.append(t("moi.no_entries"))
        choices = [self.choice(turn, "moi.journal", "journal"),
                   self.choice(turn, "moi.redo_portrait" if profile.portrait else "moi.do_portrait", "personnage"),
                   self.choice(turn, "moi.redo_mission" if profile.mission else "moi.do_mission", "mission"),
                   self.choice(turn, "moi.close", "close")]
        return Entered([Reply("\n\n".join(lines), tuple(choices))])
