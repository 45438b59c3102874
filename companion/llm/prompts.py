"""Prompts of the language-model layer, loaded by name from ``companion/prompts/llm/<lang>/<name>.txt``.

Each file has a ``### system`` section with no variable at all and a ``### human`` section whose
third-party variables sit alone inside ``<data name="…">`` … ``</data>`` blocks (f-string variables only).
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path

from langchain_core.prompts import ChatPromptTemplate

from companion.prompts import prompts_root

LANGS = ("fr", "en")
NAMES = ("reflect", "portrait", "mission", "their_side", "nvc_draft", "draft_feedback", "answer")
UNTRUSTED = frozenset({"earlier", "answer", "answers", "received", "observation", "request", "draft", "question",
                       "passages"})
"""Variables that carry words written by a user or someone else: only ever inside a data block."""
# ``question`` of the reflect prompt is ours (a journey's question) but is treated as data anyway.
_SECTION = re.compile(r"^### (system|human)\s*$", re.MULTILINE)
_DATA_BLOCK = re.compile(r'<data name="(\w+)">\n\{(\w+)\}\n</data>')


class PromptError(ValueError):
    """A prompt file breaks the rules (missing section, variable in the system part, data outside a block)."""


def variables(template: str) -> set[str]:
    """Names of the f-string variables of ``template``."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def split_sections(text: str) -> tuple[str, str]:
    """The system and human parts of a prompt file."""
    parts = _SECTION.split(text)
    sections = dict(zip(parts[1::2], (p.strip() for p in parts[2::2]), strict=True))
    if set(sections) != {"system", "human"} or not all(sections.values()):
        raise PromptError("expected a '### system' and a '### human' section")
    return sections["system"], sections["human"]


def check_rules(system: str, human: str) -> None:
    """Refuse a prompt whose system part has variables or whose untrusted variables are outside data blocks."""
    if variables(system):
        raise PromptError(f"variables in the system section: {sorted(variables(system))}")
    outside = _DATA_BLOCK.sub("", human)
    leaking = variables(outside) & UNTRUSTED
    if leaking:
        raise PromptError(f"untrusted variables outside a <data> block: {sorted(leaking)}")


@cache
def load_prompt(name: str, lang: str, root: Path | None = None) -> ChatPromptTemplate:
    """The chat prompt ``name`` in ``lang`` (French for any other language)."""
    lang = lang if lang in LANGS else "fr"
    path = (root or prompts_root()) / "llm" / lang / f"{name}.txt"
    system, human = split_sections(path.read_text("utf-8"))
    check_rules(system, human)
    return ChatPromptTemplate.from_messages([("system", system), ("human", human)], template_format="f-string")


def as_data(text: str) -> str:
    """Third-party text made safe to sit in a data block: no ``<`` or ``>`` to close or forge one."""
    return text.replace("<", "‹").replace(">", "›").strip()
