"""The user's data export (/mesdonnees): one complete JSON document and one readable Markdown document."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from companion.engine.events import Document
from companion.engine.i18n import Catalog

# Columns of little meaning to a reader; they stay in the JSON document.
_HIDDEN_IN_MARKDOWN = frozenset({"user_id", "version", "last_update_id", "id"})


def export_documents(tables: dict[str, list[dict[str, Any]]], *, user_id: str, now: datetime, language: str,
                     formal: bool, catalog: Catalog) -> tuple[Document, Document]:
    """The JSON and Markdown documents for everything in ``tables`` (rows per table, as exported)."""
    stamp = now.strftime("%Y-%m-%d")
    body = {"format": "compagnon-export/1", "exported_at": now.isoformat(), "user_id": user_id, "tables": tables}
    as_json = json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    as_markdown = _markdown(tables, now, language, formal, catalog).encode("utf-8")
    return (Document(as_markdown, f"compagnon-{stamp}.md", "text/markdown"),
            Document(as_json, f"compagnon-{stamp}.json", "application/json"))


def _markdown(tables: dict[str, list[dict[str, Any]]], now: datetime, language: str, formal: bool,
              catalog: Catalog) -> str:
    def t(key: str, **values: object) -> str:
        return catalog.text(language, key, formal=formal, **values)

    lines = [f"# {t('privacy.md_title')}", "", t("privacy.md_intro", date=now.strftime("%Y-%m-%d %H:%M UTC")), ""]
    for name, rows in tables.items():
        title = _table_title(catalog, language, name)
        lines += [f"## {title}", ""]
        if not rows:
            lines += [t("privacy.md_nothing"), ""]
            continue
        if len(rows) > 1:
            lines += [t("privacy.md_rows", count=len(rows)), ""]
        for index, row in enumerate(rows, 1):
            if len(rows) > 1:
                lines += [f"### {index}", ""]
            for key, value in row.items():
                if key in _HIDDEN_IN_MARKDOWN or value in (None, "", [], {}):
                    continue
                lines.append(f"- **{key}**: {_readable(value)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _table_title(catalog: Catalog, language: str, name: str) -> str:
    key = f"privacy.table.{name}"
    return catalog.text(language, key) if catalog.has(key) else name


def _readable(value: Any) -> str:
    if isinstance(value, dict | list):
        return "`" + json.dumps(value, ensure_ascii=False) + "`"
    text = str(value)
    if "\n" in text:
        return "\n\n  > " + text.replace("\n", "\n  > ")
    return text
