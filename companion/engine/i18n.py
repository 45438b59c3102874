"""Per-language message catalogs: every user-visible string of the engine lives in locales/*.toml."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGUAGES = ("fr", "en")
FORMAL_SUFFIX = "@vous"


def pick_language(code: str | None, default: str = "fr") -> str:
    """Map a Telegram ``language_code`` (e.g. ``en-GB``) to a supported language."""
    if code:
        base = code.split("-")[0].split("_")[0].lower()
        if base in LANGUAGES:
            return base
        # Compagnon speaks French first; anybody else gets English, the widest second language.
        return "en"
    return default


def _flatten(table: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


@cache
def load_catalog() -> Catalog:
    """Load the bundled catalogs once."""
    root = resources.files("companion.engine").joinpath("locales")
    tables = {}
    for lang in LANGUAGES:
        table = _flatten(tomllib.loads(root.joinpath(f"{lang}.toml").read_text("utf-8")))
        # Each feature may keep its strings in locales/<lang>/<feature>.toml; keys must not collide.
        folder = root.joinpath(lang)
        parts = sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name) \
            if folder.is_dir() else []
        for part in parts:
            extra = _flatten(tomllib.loads(part.read_text("utf-8")))
            clash = table.keys() & extra.keys()
            if clash:
                raise ValueError(f"locales/{lang}/{part.name} redefines {sorted(clash)[:3]}")
            table.update(extra)
        tables[lang] = table
    return Catalog(tables)


def placeholders(template: str) -> set[str]:
    """Names of the ``{placeholders}`` a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Catalog:
    """Strings per language and key; French keys may have a ``@vous`` variant."""

    tables: Mapping[str, Mapping[str, str]]

    def text(self, lang: str, key: str, *, formal: bool = False, **values: object) -> str:
        """Return the string for ``key`` in ``lang`` (falling back to French), filled with ``values``."""
        table = self.tables.get(lang) or self.tables["fr"]
        template = None
        if formal:
            template = table.get(key + FORMAL_SUFFIX)
        if template is None:
            template = table.get(key)
        if template is None:
            template = self.tables["fr"][key]
        return template.format(**values) if values else template

    def bind(self, lang: str, formal: bool = False) -> Translator:
        """Return a translator for one user."""
        return Translator(self, lang, formal)


@dataclass(frozen=True)
class Translator:
    """The catalog bound to one user's language and register."""

    catalog: Catalog
    lang: str
    formal: bool = False

    def __call__(self, key: str, **values: object) -> str:
        """Look ``key`` up for this user."""
        return self.catalog.text(self.lang, key, formal=self.formal, **values)
