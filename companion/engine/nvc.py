"""The Non-Violent Communication lists (feelings, needs) as the engine uses them: labels and matching."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from companion.engine.text import normalise


@dataclass(frozen=True)
class Term:
    """A feeling or a need, with its label in each language."""

    id: str
    fr: str
    en: str
    family: str
    met: bool | None = None  # feelings only: True when needs are met

    def label(self, lang: str) -> str:
        """The label in ``lang`` (French by default)."""
        return self.en if lang == "en" else self.fr

    def stems(self, lang: str) -> tuple[str, ...]:
        """Accent-free forms to look for in typed text ("énervé·e" → "enerve")."""
        label = self.label(lang)
        stem, _, ending = label.partition("·")
        _, space, rest = ending.partition(" ")
        base = normalise(stem + space + rest)  # "plein·e d'énergie" → "plein d energie", not "plein" alone
        forms = {base}
        if lang == "fr" and "·" in label:
            forms.add(normalise(label.replace("·", "")))  # "heureux·se" → "heureuxse" is harmless
        return tuple(sorted(forms))


@dataclass(frozen=True)
class NvcLists:
    """Feelings (met and unmet) and needs (grouped by family)."""

    feelings: tuple[Term, ...]
    needs: tuple[Term, ...]
    families: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def from_raw(cls, feelings: Mapping[str, Any], needs: Mapping[str, Any]) -> NvcLists:
        """Build the lists from the parsed ``companion/knowledge/content/nvc`` YAML files."""
        felt = tuple(Term(str(f["id"]), str(f["fr"]), str(f["en"]), str(f["family"]), key == "met")
                     for key in ("unmet", "met") for f in feelings[key])
        wanted: list[Term] = []
        families: dict[str, tuple[str, str]] = {}
        for family in needs["families"]:
            families[str(family["id"])] = (str(family["fr"]), str(family["en"]))
            wanted.extend(Term(str(n["id"]), str(n["fr"]), str(n["en"]), str(family["id"])) for n in family["needs"])
        return cls(felt, tuple(wanted), families)

    def term(self, term_id: str, kind: str = "feelings") -> Term | None:
        """A feeling (``kind="feelings"``) or a need (``kind="needs"``) by id; some ids exist in both."""
        pool = self.feelings if kind == "feelings" else self.needs
        return next((term for term in pool if term.id == term_id), None)

    def labels(self, ids: Iterable[str], lang: str, kind: str = "feelings") -> list[str]:
        """Labels of known ids, in order, unknown ids skipped."""
        return [term.label(lang) for term_id in ids if (term := self.term(term_id, kind)) is not None]

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
