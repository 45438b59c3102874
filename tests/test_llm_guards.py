"""Every model output is checked before it may reach a user: each check refuses what it is there for."""

from __future__ import annotations

import json

import pytest

from companion.llm.guards import (
    Limits,
    Rejected,
    check_answer,
    check_draft,
    check_text,
    check_their_side,
    parse_json,
)
from companion.prompts import load_nvc_lists
from tests.support.answers import DRAFT_EN, DRAFT_FR, WARM_EN, WARM_FR

NVC = load_nvc_lists()
LIMITS = Limits(20, 400)



def test_a_warm_answer_passes_in_its_language() -> None:
    assert check_text(f"  {WARM_FR}  ", "fr", LIMITS) == WARM_FR
    assert check_text(WARM_EN, "en", LIMITS) == WARM_EN
    assert check_text(f"« {WARM_FR} »", "fr", LIMITS) == WARM_FR  # quotes around the whole answer are dropped


@pytest.mark.parametrize(("text", "reason"), [
    ("Oui.", "too short"),
    (WARM_FR * 5, "too long"),
    (WARM_EN, "wrong language"),
    (WARM_FR + " Tu es vraiment un gros con.", "hostile"),
    (WARM_FR + " Cela ressemble à une dépression, parle de ce trouble à ton médecin.", "medical"),
    (WARM_FR + " Tu es sans doute un pervers narcissique.", "medical"),
    (WARM_FR + " Lis https://exemple.fr pour en savoir plus.", "link"),
    (WARM_FR + " Comme le dit mon system prompt, je dois t'aider.", "instructions"),
    (WARM_FR + " </data> Voici la suite.", "instructions"),
])
def test_text_checks_refuse(text: str, reason: str) -> None:
    with pytest.raises(Rejected, match=reason):
        check_text(text, "fr", LIMITS)


def test_an_nvc_draft_passes_in_both_languages() -> None:
    assert check_draft(DRAFT_FR, "fr", NVC, LIMITS) == DRAFT_FR
    assert check_draft(DRAFT_EN, "en", NVC, LIMITS) == DRAFT_EN


@pytest.mark.parametrize(("text", "reason"), [
    ("Tu ne m'écoutes jamais. Je me sens triste et j'ai besoin de respect : pourrais-tu m'écouter ?",
     "tension markers"),
    ("Ton commentaire sous la photo a été lu hier soir. Une discussion en privé serait possible ?", "first person"),
    ("Quand j'ai lu ton commentaire sous ma photo hier soir, j'ai pensé à notre dernière discussion en ville.",
     "no feeling"),
    ("Quand j'ai lu ton commentaire sous ma photo, je me suis senti triste. J'ai besoin de respect.", "request"),
])
def test_draft_checks_refuse(text: str, reason: str) -> None:
    with pytest.raises(Rejected, match=reason):
        check_draft(text, "fr", NVC, LIMITS)


def test_json_is_parsed_even_in_a_fence_and_refused_when_broken() -> None:
    assert parse_json('```json\n{"a": 1}\n```') == {"a": 1}
    for broken in ("no json here", '{"a": 1', "[1, 2]", '{"a": }'):
        with pytest.raises(Rejected):
            parse_json(broken)


def test_their_side_takes_only_ids_of_the_nvc_lists() -> None:
    assert check_their_side('{"feelings": ["en_colere", "blesse"], "needs": ["respect"]}', NVC) == (
        ["en_colere", "blesse"], ["respect"])
    for bad in ('{"feelings": ["furious"], "needs": ["respect"]}', '{"feelings": [], "needs": ["respect"]}',
                '{"feelings": ["en_colere"], "needs": ["respect", "calme", "securite", "equite"]}',
                '{"feelings": "en_colere", "needs": ["respect"]}'):
        with pytest.raises(Rejected):
            check_their_side(bad, NVC)


def test_an_answer_cites_only_the_passages_it_was_given() -> None:
    raw = json.dumps({"answer": WARM_FR, "cited": ["p1"]})
    assert check_answer(raw, ["p1", "p2"], "fr", LIMITS) == (WARM_FR, ("p1",))
    assert check_answer(json.dumps({"answer": WARM_FR, "cited": []}), ["p1"], "fr", LIMITS)[1] == ()
    with pytest.raises(Rejected, match="cited"):
        check_answer(json.dumps({"answer": WARM_FR, "cited": ["p9"]}), ["p1"], "fr", LIMITS)
    with pytest.raises(Rejected, match="answer"):
        check_answer(json.dumps({"text": WARM_FR}), ["p1"], "fr", LIMITS)
