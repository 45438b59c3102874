"""The Non-Violent Communication lists (feelings, needs) as the engine uses them: labels and matching."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from companion.engine.i18n import agreement_of
from companion.engine.text import normalise

_PARTITIVE = re.compile(r"^(?:de la |de l'|du |des )")


@dataclass(frozen=True)
class Term:
    """A feeling or a need, with its label in each language; French labels may agree with the user."""

    id: str
    fr: str
    en: str
    family: str
    met: bool | None = None  # feelings only: True when needs are met
    fr_forms: Mapping[str, str] = field(default_factory=dict)  # feminine, masculine, neutral

    def label(self, lang: str, agreement: str = "neutral") -> str:
        """The label in ``lang`` (French by default), agreeing as the user chose: a noun when no agreement."""
        if lang == "en":
            return self.en
        if not self.fr_forms:
            return self.fr
        return _PARTITIVE.sub("", self.fr_forms.get(agreement_of(agreement), self.fr))

    def neutral(self) -> str | None:
        """The French phrase that needs no agreement ("de la tension"), when the label would agree."""
        return self.fr_forms.get("neutral")

    def stems(self, lang: str) -> tuple[str, ...]:
        """Accent-free forms to look for in typed text ("énervé", "énervée" → "enerve", "enervee")."""
        if lang == "en" or not self.fr_forms:
            return (normalise(self.label(lang)),)
        return tuple(sorted({normalise(self.fr_forms["masculine"]), normalise(self.fr_forms["feminine"])}))


def _term(raw: Mapping[str, Any], family: str, met: bool | None = None) -> Term:
    french = raw["fr"]
    if isinstance(french, Mapping):
        forms = {str(k): str(v) for k, v in french.items()}
        return Term(str(raw["id"]), forms["masculine"], str(raw["en"]), family, met, forms)
    return Term(str(raw["id"]), str(french), str(raw["en"]), family, met)


@dataclass(frozen=True)
class NvcLists:
    """Feelings (met and unmet) and needs (grouped by family)."""

    feelings: tuple[Term, ...]
    needs: tuple[Term, ...]
    families: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def from_raw(cls, feelings: Mapping[str, Any], needs: Mapping[str, Any]) -> NvcLists:
        """Build the lists from the parsed ``companion/knowledge/content/nvc`` YAML files."""
        felt = tuple(_term(f, str(f["family"]), key == "met") for key in ("unmet", "met") for f in feelings[key])
        wanted: list[Term] = []
        families: dict[str, tuple[str, str]] = {}
        for family in needs["families"]:
            families[str(family["id"])] = (str(family["fr"]), str(family["en"]))
            wanted.extend(_term(n, str(family["id"])) for n in family["needs"])
        return cls(felt, tuple(wanted), families)

    def term(self, term_id: str, kind: str = "feelings") -> Term | None:
        """A feeling (``kind="feelings"``) or a need (``kind="needs"``) by id; some ids exist in both."""
        pool = self.feelings if kind == "feelings" else self.needs
        return next((term for term in pool if term.id == term_id), None)

    def labels(self, ids: Iterable[str], lang: str, kind: str = "feelings", agreement: str = "neutral") -> list[str]:
        """Labels of known ids, in order, unknown ids skipped, agreeing as the user chose."""
        return [term.label(lang, agreement) for term_id in ids if (term := self.term(term_id, kind)) is not None]

    def find(self, text: str, lang: str, kind: str) -> list[str]:
        """Ids of the feelings (``kind="feelings"``) or needs named in free text, in the order they appear."""
        pool = self.feelings if kind == "feelings" else self.needs
        plain = f" {normalise(text)} "
        found: list[tuple[int, str]] = []
        for term in pool:
            positions = [m.start() for stem in term.stems(lang) if len(stem) >= 3
                         for m in [re.search(rf"(?<![a-z]){re.escape(stem)}", plain)] if m]
            if positions:
                found.append((min(positions), term.id))
        return [term_id for _, term_id in sorted(found)]
