"""The catalogs: French and English have the same keys and the same placeholders."""

from __future__ import annotations

from companion.engine.i18n import FORMAL_SUFFIX, load_catalog, pick_language, placeholders


def test_french_and_english_have_the_same_keys() -> None:
    tables = load_catalog().tables
    french = {k for k in tables["fr"] if not k.endswith(FORMAL_SUFFIX)}
    assert french == set(tables["en"])


def test_placeholders_match_across_languages_and_registers() -> None:
    tables = load_catalog().tables
    for key, template in tables["fr"].items():
        base = key.removesuffix(FORMAL_SUFFIX)
        assert placeholders(template) == placeholders(tables["en"][base]), key
        assert placeholders(template) == placeholders(tables["fr"][base]), key


def test_every_vous_variant_has_a_tu_original_and_says_vous() -> None:
    tables = load_catalog().tables
    for key, template in tables["fr"].items():
        if key.endswith(FORMAL_SUFFIX):
            assert key.removesuffix(FORMAL_SUFFIX) in tables["fr"], key
            lowered = f" {template.lower()} "
            assert " tu " not in lowered and " ton " not in lowered and " ta " not in lowered, key


def test_pick_language() -> None:
    assert pick_language("fr-FR") == "fr"
    assert pick_language("en-GB") == "en"
    assert pick_language("de") == "en"
    assert pick_language(None) == "fr"
    assert pick_language(None, "en") == "en"
