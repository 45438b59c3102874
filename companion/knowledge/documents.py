"""The knowledge base on disk: markdown passages with front matter, one idea per file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

THEMES = (
    "empathie-digitale", "echange-tronque", "cnv", "personnage", "mission", "avant-de-repondre", "emotions",
    "trolls-et-defense", "desinformation", "plateformes", "ia", "famille", "bien-commun",
)
REQUIRED_KEYS = ("id", "theme", "lang", "title", "source", "tags")
LANGS = ("fr", "en")


class KnowledgeFormatError(ValueError):
    """A knowledge file does not follow the expected format."""


@dataclass(frozen=True)
class Passage:
    """One passage of the knowledge base."""

    id: str
    theme: str
    lang: str
    title: str
    source: str
    tags: tuple[str, ...]
    body: str
    path: str

    @property
    def text(self) -> str:
        """What is indexed: the title, then the body."""
        return f"{self.title}\n{self.body}"

    @property
    def content_hash(self) -> str:
        """A hash of everything indexed about the passage, to skip unchanged files on re-ingest."""
        blob = "\x1f".join((self.theme, self.lang, self.title, self.source, ",".join(self.tags), self.body))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def default_root() -> Path:
    """The ``content/`` folder of this package, installed with it: ``<lang>/<theme>/*.md``, ``nvc/``, the seed."""
    return Path(__file__).resolve().parent / "content"


def parse_passage(path: Path, root: Path | None = None) -> Passage:
    """Parse one markdown file; raise KnowledgeFormatError naming what is wrong."""
    raw = path.read_text("utf-8")
    if not raw.startswith("---"):
        raise KnowledgeFormatError(f"{path}: no front matter")
    try:
        _, header, body = raw.split("---", 2)
        meta = yaml.safe_load(header) or {}
    except (ValueError, yaml.YAMLError) as error:
        raise KnowledgeFormatError(f"{path}: unreadable front matter ({error})") from None
    missing = [key for key in REQUIRED_KEYS if key not in meta]
    if missing:
        raise KnowledgeFormatError(f"{path}: missing {', '.join(missing)}")
    if meta["theme"] not in THEMES:
        raise KnowledgeFormatError(f"{path}: unknown theme {meta['theme']!r}")
    if meta["lang"] not in LANGS:
        raise KnowledgeFormatError(f"{path}: unknown lang {meta['lang']!r}")
    relative = path.relative_to(root).as_posix() if root else path.as_posix()
    return Passage(
        id=str(meta["id"]), theme=meta["theme"], lang=meta["lang"], title=str(meta["title"]).strip(),
        source=str(meta["source"]).strip(), tags=tuple(str(t) for t in meta["tags"] or ()),
        body=body.strip(), path=relative,
    )


def load_passages(root: Path | None = None) -> list[Passage]:
    """Every passage under ``root/<lang>/<theme>/*.md``, sorted by id; ids must be unique."""
    root = root or default_root()
    passages = [parse_passage(path, root) for lang in LANGS for path in sorted((root / lang).rglob("*.md"))]
    seen: set[str] = set()
    for passage in passages:
        if passage.id in seen:
            raise KnowledgeFormatError(f"duplicate passage id {passage.id}")
        seen.add(passage.id)
    return sorted(passages, key=lambda p: p.id)
