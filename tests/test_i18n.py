"""The Fluent catalogs: the same messages in French and English, each rendering in every register and agreement."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from fluent.syntax import ast

from companion.engine.i18n import AGREEMENTS, LANGUAGES, REGISTERS, agreement_of, load_catalog, pick_language
from companion.prompts import load_nvc_lists

LOCALES = Path(__file__).resolve().parent.parent / "companion" / "engine" / "locales"
PACKAGE = LOCALES.parent.parent
DATA = PACKAGE / "analysis" / "data"
CHECKED = [*LOCALES.glob("*/*.ftl"), *(PACKAGE / "knowledge" / "content" / "nvc").glob("*.yaml"),
           DATA / "crisis_resources.toml", DATA / "tension_lexicon.toml"]
_PLAIN_SPACE = re.compile(r" [?!;:]|« | »")
_SAYS_TU = re.compile(r"(?<![\w-])(tu|t'|ton|ta|tes|toi)(?![\w-])|-toi\b", re.IGNORECASE)

# Said in *tu* whatever the setting (to someone under 15), or naming the word "tu" or "le ton" (the tone).
_TU_ON_PURPOSE = {"onboarding-minor", "onboarding-minor_end", "commands-reglages", "reply-kind-accusation",
                  "reply-kind-blame", "reply-to_tu", "tension-accusation-explanation", "tension-sarcasm-explanation"}


def _selectors(node: object) -> set[str]:
    """Variables a message selects on (plurals)."""
    found: set[str] = set()
    if isinstance(node, ast.SelectExpression) and isinstance(node.selector, ast.VariableReference):
        found.add(node.selector.id.name)
    if isinstance(node, ast.BaseNode):
        for value in vars(node).values():
            for child in value if isinstance(value, list) else [value]:
                found |= _selectors(child)
    return found


def _samples(lang: str, key: str) -> list[dict[str, object]]:
    """Placeholder values for a message: words for text, 1 and 3 for the numbers it selects on."""
    catalog = load_catalog()
    names = catalog.variables(key, lang) - {"register", "agreement"}
    numbers = _selectors(catalog.messages[lang][key]) & names
    base: dict[str, object] = {name: f"mot{index}" for index, name in enumerate(sorted(names))}
    return [base | dict.fromkeys(numbers, n) for n in ((1, 3) if numbers else (1,))]


def test_french_and_english_have_the_same_messages() -> None:
    catalog = load_catalog()
    assert catalog.keys("fr") == catalog.keys("en")
    assert len(catalog.keys("fr")) > 700


def test_variables_match_across_languages() -> None:
    catalog = load_catalog()
    for key in catalog.keys("fr"):
        fr = catalog.variables(key, "fr") - {"register", "agreement"}
        assert fr == catalog.variables(key, "en") - {"register", "agreement"}, key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders_in_every_register_and_agreement(lang: str) -> None:
    catalog = load_catalog()
    for key, register, agreement in itertools.product(sorted(catalog.keys(lang)), REGISTERS, AGREEMENTS):
        for values in _samples(lang, key):
            text = catalog.text(lang, key, formal=register == "vous", agreement=agreement, **values)
            assert "·" not in text and "(s)" not in text, (key, text)
            assert "{" not in text and "}" not in text, (key, text)
            assert lang == "en" or not _PLAIN_SPACE.search(text), (key, text)  # French typography
            assert text.strip() or key.endswith("no_need"), key


def test_french_messages_that_say_tu_also_say_vous() -> None:
    catalog = load_catalog()
    for key in catalog.keys("fr"):
        if key.startswith(("draft-", "llm-")) or key in _TU_ON_PURPOSE:
            continue  # drafts speak to the other person in the relationship's register, not to the user
        for values in _samples("fr", key):
            tu = catalog.text("fr", key, **values)
            if _SAYS_TU.search(tu):
                assert catalog.text("fr", key, formal=True, **values) != tu, key


def test_agreement_selects_the_form() -> None:
    catalog = load_catalog()
    said = {a: catalog.text("fr", "crisis.danger_intro", agreement=a) for a in ("fem", "masc", "neutral", "")}
    assert "seule" in said["fem"] and "seul." in said["masc"]
    assert "seul" not in said["neutral"] and said[""] == said["neutral"]
    assert agreement_of("fem") == "feminine" and agreement_of(None) == "neutral"
    alone = {a: catalog.bind("fr", True, a)("reply.plan_alone") for a in ("fem", "masc", "neutral")}
    assert alone["fem"].startswith("Vous n'avez pas à porter ça seule\u00a0:")
    assert alone["masc"].startswith("Vous n'avez pas à porter ça seul\u00a0:")
    assert alone["neutral"].startswith("Ne portez pas ça sans aide\u00a0:")


def test_plurals_select_on_the_number() -> None:
    catalog = load_catalog()
    assert catalog.text("fr", "reply.more_markers", n=1) == "… et un autre signe."
    assert catalog.text("fr", "reply.more_markers", n=3) == "… et 3 autres signes."
    assert catalog.text("en", "reply.more_markers", n=3) == "… and 3 more signs."
    assert catalog.text("fr", "reminders.weekly.count", n=4, daily=1) == \
        "Tu as écrit 4 fois dans ton journal, dont une réponse à la question du jour\u00a0:"
    assert catalog.text("fr", "reminders.weekly.count", formal=True, n=4, daily=0).startswith(
        "Vous avez écrit 4 fois dans votre journal, dont aucune réponse")
    assert catalog.text("en", "reminders.weekly.count", n=4, daily=2).endswith("including 2 answers to the question "
                                                                               "of the day:")
    assert catalog.text("en", "reminders.weekly.line", day="Monday", excerpt="a walk") == "• Monday — “a walk”"
    assert catalog.text("fr", "moi.counts", total=1) == "Ton journal\u00a0: une entrée"


def test_feelings_and_needs_labels_agree_as_the_user_chose() -> None:
    nvc = load_nvc_lists()
    for term in (*nvc.feelings, *nvc.needs):
        kind = "feelings" if term in nvc.feelings else "needs"
        for agreement in (*AGREEMENTS, "fem", "masc", ""):
            for lang in LANGUAGES:
                (label,) = nvc.labels([term.id], lang, kind, agreement)
                assert label and "·" not in label and "(s)" not in label, (term.id, agreement)
    labels = {a: nvc.labels(["fier", "seul", "calme"], "fr", agreement=a) for a in ("fem", "masc", "neutral")}
    assert labels == {"fem": ["fière", "seule", "calme"], "masc": ["fier", "seul", "calme"],
                      "neutral": ["fierté", "solitude", "calme"]}
    assert nvc.labels(["etre_vu"], "fr", "needs", "fem") == ["être vue"]
    assert nvc.find("Je suis inquiète et fière", "fr", "feelings") == ["inquiet", "fier"]
    neutral = [t.label("fr") for t in nvc.feelings]
    assert len(set(neutral)) == len(neutral)  # buttons without agreement stay distinct


def test_no_inclusive_forms_in_the_catalogs() -> None:
    for path in CHECKED:
        text = path.read_text("utf-8")
        assert "·" not in text and "(s)" not in text, path.name


def test_no_inclusive_forms_in_the_knowledge_passages() -> None:
    passages = sorted((Path(__file__).parents[1] / "companion" / "knowledge" / "content").glob("*/*/*.md"))
    assert len(passages) > 200
    for path in passages:
        assert "·" not in path.read_text("utf-8"), path.name  # excerpts reach the user as they are


def test_pick_language() -> None:
    assert pick_language("fr-FR") == "fr"
    assert pick_language("en-GB") == "en"
    assert pick_language("de") == "en"
    assert pick_language(None) == "fr"
    assert pick_language(None, "en") == "en"


def test_english_text_and_menu_name_the_english_commands() -> None:
    from companion.channels.telegram.app import ENGLISH_NAMES, command_menu
    from companion.engine.core import COMMAND_FLOWS, EXPORT_COMMANDS, RESUME_COMMANDS

    known = {*COMMAND_FLOWS, *RESUME_COMMANDS, *EXPORT_COMMANDS, "start", "help", "menu", "cancel"}
    catalog = load_catalog()
    english = {c.command for c in command_menu(catalog, "en")}
    assert english <= known and {"resume", "forget", "settings", "mydata"} <= english
    assert {c.command for c in command_menu(catalog, "fr")} >= {"reprendre", "oubli", "reglages"}
    french_only = re.compile("|".join(rf"/{name}(?!\w)" for name in ENGLISH_NAMES))
    for key in catalog.keys("en"):
        for values in _samples("en", key):
            assert not french_only.search(catalog.text("en", key, **values)), key
