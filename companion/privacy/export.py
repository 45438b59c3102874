"""The user's data export (/mesdonnees): one complete JSON document and one document a person reads."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from companion.engine.events import Document
from companion.engine.i18n import Catalog
from companion.engine.nvc import NvcLists
from companion.privacy.readable import readable_export


def export_documents(tables: dict[str, list[dict[str, Any]]], *, user_id: str, now: datetime, language: str,
                     formal: bool, catalog: Catalog, nvc: NvcLists | None = None) -> tuple[Document, Document]:
    """The Markdown and JSON documents for everything in ``tables`` (rows per table, as exported)."""
    stamp = now.strftime("%Y-%m-%d")
    body = {"format": "compagnon-export/1", "exported_at": now.isoformat(), "user_id": user_id, "tables": tables}
    as_json = json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    as_markdown = readable_export(tables, now, catalog.bind(language, formal), nvc).encode("utf-8")
    return (Document(as_markdown, f"compagnon-{stamp}.md", "text/markdown"),
            Document(as_json, f"compagnon-{stamp}.json", "application/json"))
