"""Per-language message catalogs in Project Fluent: every user-visible string lives in locales/<lang>/*.ftl.

A dotted key (``reply.offer``) names the Fluent message ``reply-offer``. Each message is one idea; it may
select on ``$register`` (``tu``/``vous``), ``$agreement`` (``feminine``/``masculine``/``neutral``, the user's
choice for words about them) and on numbers for plurals. Fluent is used here only, so the engine stays pure.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import ast

LANGUAGES = ("fr", "en")
REGISTERS = ("tu", "vous")
AGREEMENTS = ("feminine", "masculine", "neutral")
_STORED_AGREEMENT = {"fem": "feminine", "masc": "masculine"}


def pick_language(code: str | None, default: str = "fr") -> str:
    """Map a Telegram ``language_code`` (e.g. ``en-GB``) to a supported language."""
    if code:
        base = code.split("-")[0].split("_")[0].lower()
        if base in LANGUAGES:
            return base
        # Compagnon speaks French first; anybody else gets English, the widest second language.
        return "en"
    return default


def fluent_id(key: str) -> str:
    """The Fluent id of a dotted catalog key."""
    return key.replace(".", "-")


def agreement_of(stored: str | None) -> str:
    """The Fluent ``$agreement`` for a profile's stored choice ("fem", "masc", "neutral" or unset)."""
    value = _STORED_AGREEMENT.get(stored or "", stored or "neutral")
    return value if value in AGREEMENTS else "neutral"


def _variables(node: object) -> Iterator[str]:
    if isinstance(node, ast.VariableReference):
        yield node.id.name
    elif isinstance(node, ast.BaseNode):
        for value in vars(node).values():
            for child in value if isinstance(value, list) else [value]:
                yield from _variables(child)


@cache
def load_catalog() -> Catalog:
    """Load the bundled catalogs once; an id defined twice in one language is an error."""
    root = resources.files("companion.engine").joinpath("locales")
    leftover = [p.name for folder in (root, *(root.joinpath(lang) for lang in LANGUAGES)) for p in folder.iterdir()
                if p.name.endswith(".toml")]
    if leftover:  # strings written the old way would silently be missing
        raise ValueError(f"locales: {leftover} not converted; run scripts/catalog_toml_to_ftl.py, then delete them")
    bundles: dict[str, FluentBundle] = {}
    messages: dict[str, dict[str, ast.Message]] = {}
    for lang in LANGUAGES:
        bundle = FluentBundle([lang], use_isolating=False)  # no bidi marks: Telegram would show them
        found: dict[str, ast.Message] = {}
        parts = sorted((p for p in root.joinpath(lang).iterdir() if p.name.endswith(".ftl")), key=lambda p: p.name)
        for part in parts:
            resource = FluentResource(part.read_text("utf-8"))
            junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
            if junk:
                raise ValueError(f"locales/{lang}/{part.name}: cannot parse {junk[0].content[:80]!r}")
            entries = [entry for entry in resource.body if isinstance(entry, ast.Message)]
            clash = {e.id.name for e in entries} & found.keys()
            if clash:
                raise ValueError(f"locales/{lang}/{part.name} redefines {sorted(clash)[:3]}")
            found.update((e.id.name, e) for e in entries)
            bundle.add_resource(resource)
        bundles[lang], messages[lang] = bundle, found
    return Catalog(bundles, messages)


def _value(value: object) -> object:
    """Numbers stay numbers (plurals select on them) but print as Python does; the rest as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return fluent_number(value, useGrouping=False)
    return str(value)


@dataclass(frozen=True)
class Catalog:
    """Fluent bundles per language; a key missing in one language falls back to French."""

    bundles: Mapping[str, FluentBundle]
    messages: Mapping[str, Mapping[str, ast.Message]]

    def keys(self, lang: str = "fr") -> set[str]:
        """The Fluent ids of ``lang``."""
        return set(self.messages.get(lang, {}))

    def has(self, key: str, lang: str = "fr") -> bool:
        """Whether ``key`` is a message in ``lang``."""
        return fluent_id(key) in self.messages.get(lang, {})

    def variables(self, key: str, lang: str = "fr") -> set[str]:
        """The variables a message uses, ``$register`` and ``$agreement`` included."""
        return set(_variables(self.messages[lang][fluent_id(key)]))

    def text(self, lang: str, key: str, *, formal: bool = False, agreement: str = "neutral",
             **values: object) -> str:
        """Return the message ``key`` in ``lang`` (falling back to French), filled with ``values``."""
        if lang not in self.bundles or not self.has(key, lang):
            lang = "fr"
        bundle = self.bundles[lang]
        message = bundle.get_message(fluent_id(key))  # KeyError for an unknown key, as a dict would
        args = {name: _value(value) for name, value in values.items()}
        args["register"] = "vous" if formal else "tu"
        args["agreement"] = agreement_of(agreement)
        text, errors = bundle.format_pattern(message.value, args)
        if errors:
            raise ValueError(f"{key} ({lang}): {errors[0]}")
        return text

    def bind(self, lang: str, formal: bool = False, agreement: str = "neutral") -> Translator:
        """Return a translator for one user."""
        return Translator(self, lang, formal, agreement_of(agreement))


@dataclass(frozen=True)
class Translator:
    """The catalog bound to one user's language, register and agreement."""

    catalog: Catalog
    lang: str
    formal: bool = False
    agreement: str = "neutral"

    def __call__(self, key: str, **values: object) -> str:
        """Look ``key`` up for this user."""
        return self.catalog.text(self.lang, key, formal=self.formal, agreement=self.agreement, **values)
