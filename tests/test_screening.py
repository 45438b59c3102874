"""Crisis screening as the engine runs it: rules, then the learned model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.analysis.crisis import evaluate, screen
from companion.analysis.crisis_model import load_crisis_model
from companion.analysis.screening import MODEL_CUE, CrisisScreen, has_risk_cue, risk_cue

HOLDOUT = Path(__file__).parent / "data" / "crisis_holdout.jsonl"


@pytest.fixture(scope="module")
def combined() -> CrisisScreen:
    screener = CrisisScreen()
    assert screener.model is not None, "the shipped crisis model must load offline"
    return screener


def test_model_adds_indirect_wording_the_rules_miss(combined: CrisisScreen) -> None:
    # Written for this test: an indirect farewell with no explicit cue word.
    text = "j'ai écrit une lettre à chacun de mes amis et rangé toutes mes affaires, demain je serai en paix"
    signal = combined(text)
    assert signal.is_crisis
    if not screen(text).is_crisis:
        assert MODEL_CUE in signal.cues


@pytest.mark.parametrize(
    "text",
    [
        "je suis mort de rire devant cette vidéo 😂",
        "merci pour ton aide, bonne soirée",
        "this boss fight is killing me lol",
        "j'ai passé une super journée au parc",
        "Aujourd'hui j'ai pris le temps de respirer & relire.",
        "Une pensée pour plus tard",
        "je vais me coucher, bonne nuit",
        "je pars en vacances demain",
        "ok",
        "jsp",
        "mon ado est tout le temps sur son tel",
        "comment bloquer quelqu'un sur insta ?",
        "I love my cat",
        "la vie est belle",
        "c'est la dernière fois que je poste sur ce sujet",
        "je vais partir en vacances la semaine prochaine",
    ],
)
def test_model_keeps_calm_and_figurative_messages_calm(combined: CrisisScreen, text: str) -> None:
    assert not combined(text).is_crisis


def test_combined_screen_on_our_blind_holdout(combined: CrisisScreen) -> None:
    rows = [(item["text"], bool(item["crisis"])) for item in map(json.loads, HOLDOUT.read_text("utf-8").splitlines())]
    rules, both = evaluate(rows), evaluate(rows, combined)
    # The model must add recall without costing precision below the bar (figures in the closing note).
    assert both["recall"] > rules["recall"] + 0.2
    assert both["precision"] >= 0.9


def test_cue_strength() -> None:
    assert risk_cue("j'ai acheté une corde") == "strong"
    assert risk_cue("je vais partir") == "weak"
    assert risk_cue("bonne soirée") is None


def test_only_messages_with_a_risk_cue_reach_the_model() -> None:
    assert has_risk_cue("je me suis renseignée sur les doses de médicaments")
    assert has_risk_cue("I have the rope ready")
    assert not has_risk_cue("bonne nuit à demain")
    assert not has_risk_cue("merci beaucoup !")


def test_rules_alone_when_the_model_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("companion.analysis.screening.load_crisis_model", lambda: None)
    screener = CrisisScreen()
    assert screener("je veux mourir").is_crisis and screener.model is None
    assert not screener("bonjour").is_crisis


def test_model_loads_once() -> None:
    assert load_crisis_model() is load_crisis_model()


@pytest.mark.parametrize(
    "text",
    [
        "je vais partir en vacances",
        "on doit partir tôt demain pour le train",
        "je prends le train demain à 8h pour Lyon",
        "Prête pour le voyage, les valises sont bouclées !",
        "I want to leave early tomorrow for the train",
        "I took the train to Brighton, lovely day",
        "je pars en week-end, à lundi",
    ],
)
def test_trips_and_commutes_are_not_farewells(combined: CrisisScreen, text: str) -> None:
    assert not combined(text).is_crisis


@pytest.mark.parametrize(
    "text",
    [
        "je veux partir pour toujours",
        "j'ai pensé à me jeter sous le train",
        "je vais partir, dites à maman que je l'aime",
        "je pense à me jeter sous un train demain matin en allant au boulot",
        "I'm ready to go, I've said my goodbyes",
    ],
)
def test_a_farewell_stays_a_crisis_even_near_travel_words(combined: CrisisScreen, text: str) -> None:
    assert combined(text).is_crisis
