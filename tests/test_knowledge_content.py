"""The knowledge base, NVC lists and question bank: every file parses and FR/EN stay in step."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from companion.knowledge.documents import THEMES, KnowledgeFormatError, load_passages, parse_passage
from companion.prompts import load_question_bank

CONTENT = Path(__file__).resolve().parents[1] / "companion" / "knowledge" / "content"


@pytest.fixture(scope="module")
def passages():  # type: ignore[no-untyped-def]
    return load_passages()


def test_every_passage_parses_with_valid_front_matter(passages) -> None:  # type: ignore[no-untyped-def]
    assert len(passages) == len(list(CONTENT.glob("*/*/*.md")))
    for passage in passages:
        assert passage.theme in THEMES
        assert passage.path.startswith(f"{passage.lang}/{passage.theme}/"), passage.path
        assert passage.title and passage.source and passage.tags
        assert 100 <= len(passage.body.split()) <= 320, passage.id


def test_each_theme_has_six_passages_in_both_languages(passages) -> None:  # type: ignore[no-untyped-def]
    counts = Counter((p.lang, p.theme) for p in passages)
    for theme in THEMES:
        assert counts[("fr", theme)] >= 6, theme
        assert counts[("en", theme)] >= 6, theme
    assert {p.theme for p in passages if p.lang == "fr"} == {p.theme for p in passages if p.lang == "en"}


def test_self_defence_guide_covers_the_essentials(passages) -> None:  # type: ignore[no-untyped-def]
    for lang in ("fr", "en"):
        guide = " ".join(p.body for p in passages if p.theme == "trolls-et-defense" and p.lang == lang).lower()
        for needle in ("3018", "bloqu" if lang == "fr" else "block", "signal" if lang == "fr" else "report",
                       "capture" if lang == "fr" else "screenshot", "troll"):
            assert needle in guide, (lang, needle)


def test_passages_are_attributed(passages) -> None:  # type: ignore[no-untyped-def]
    sources = Counter(p.source for p in passages)
    assert any("Réseaux sociaux, mon amour" in s for s in sources)
    assert any("Rosenberg" in s for s in sources)


def test_malformed_files_are_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "fr" / "cnv" / "01.md"
    bad.parent.mkdir(parents=True)
    bad.write_text("---\nid: x\ntheme: nope\nlang: fr\ntitle: t\nsource: s\ntags: [a]\n---\nbody")
    with pytest.raises(KnowledgeFormatError, match="unknown theme"):
        parse_passage(bad)
    bad.write_text("no front matter")
    with pytest.raises(KnowledgeFormatError):
        parse_passage(bad)


def test_nvc_lists() -> None:
    feelings = yaml.safe_load((CONTENT / "nvc" / "feelings.yaml").read_text("utf-8"))
    needs = yaml.safe_load((CONTENT / "nvc" / "needs.yaml").read_text("utf-8"))
    all_feelings = feelings["met"] + feelings["unmet"]
    all_needs = [n for family in needs["families"] for n in family["needs"]]
    assert len(all_feelings) >= 60 and len(all_needs) >= 40
    for item in all_feelings + all_needs:
        assert item["fr"] and item["en"] and len(item["id"]) <= 20
    assert len({f["id"] for f in all_feelings}) == len(all_feelings)
    assert len({n["id"] for n in all_needs}) == len(all_needs)


def test_question_bank() -> None:
    bank = load_question_bank()
    french, english = bank.questions("fr"), bank.questions("en")
    assert len(french) >= 150 and [q.id for q in french] == [q.id for q in english]
    for use in ("personnage", "mission", "daily", "after-conflict"):
        assert len(bank.select("fr", use=use)) >= 20, use
    assert {q.theme for q in french} == set(THEMES)
    picked = bank.pick("fr", theme="cnv", seed="a")
    assert picked is not None and picked == bank.pick("fr", theme="cnv", seed="a")
    assert bank.pick("fr", theme="cnv", seed="a", exclude=[picked.id]) != picked
