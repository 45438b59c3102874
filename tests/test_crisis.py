"""Tests for crisis screening: dev-set metrics, a broader hand-written set, robustness, resources."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.analysis.crisis import (
    CrisisResource,
    CrisisSignal,
    crisis_resources,
    evaluate,
    normalize,
    screen,
)

DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "crisis_dev.jsonl"

S, H, D = "suicide", "self-harm", "danger"

# (text, expected kind or None). Written for this test, not taken from the dev set: FR and EN, SMS
# spellings, typos, missing accents, figurative hard negatives, news and third-person mentions.
CASES: list[tuple[str, str | None]] = [
    # --- suicide, French ------------------------------------------------------------------------
    ("jveux plus vivre", S),
    ("j'ai envie de mourir, vraiment, c'est pas une blague", S),
    ("envie d'en finir une bonne fois pour toutes", S),
    ("je vais me foutre en l'air ce soir", S),
    ("jpense à me tailler les veines", S),
    ("j'ai acheté des cachets, je vais tous les prendre ce soir", S),
    ("personne me regretterait si je partais", S),
    ("je veux disparaître pour de bon", S),
    ("plus envie de rien, à quoi bon", S),
    ("je me sens comme un poids pour ma famille, ils seraient mieux sans moi", S),
    ("je sais pas si je vais tenir encore longtemps", S),
    ("jsuis suicidaire depuis des mois", S),
    ("j'ai des idées noires tout le temps en ce moment", S),
    ("j'ai déjà fait une TS et j'y repense", S),
    ("je vais sauter du toit de mon immeuble", S),
    ("j'ai préparé une lettre d'adieu", S),
    ("j'aimerais m'endormir pour toujours", S),
    ("c'est décidé, je mets fin à mes jours demain", S),
    ("ma vie n'a plus aucun sens", S),
    ("jvé me suisider", S),
    ("g envie de crever", S),
    ("si je meurs ce soir ce sera mieux pour tout le monde", S),
    ("tt le monde serait mieux sans moi", S),
    ("j'ai plus goût à rien, même plus envie de me lever", S),
    ("jsp si jvais tenir jusqu'à demain", S),
    ("sérieux j'ai envie de mourir", S),
    ("ça fait des semaines que je pense au suicide", S),
    ("jveux dormir et jamais me réveiller", S),
    ("je viens d'avaler tous mes médicaments", S),
    ("ils me disent tous de me suicider et je commence à croire qu'ils ont raison", S),
    ("je vais pas me tuer mais parfois j'y pense", S),
    ("JE VEUX MOURIR", S),
    ("je veuuux mouriiiir", S),
    ("je n'ai plus aucune raison de vivre", S),
    ("j'ai peur de faire une connerie ce soir", S),
    ("la seule solution c'est que je disparaisse", S),
    ("je pense a me jeter sous un train", S),
    ("jme sens tellement vide, je sers à rien, j'en peux plus", S),
    ("je voudrais ne plus me réveiller", S),
    ("combien de doliprane il faut pour ne plus se réveiller", S),
    # --- suicide, English -----------------------------------------------------------------------
    ("I want to kill myself", S),
    ("i don't want to be here anymore", S),
    ("thinking about ending my life", S),
    ("everyone would be better off without me", S),
    ("kms fr this time, i'm done", S),
    ("I've been stockpiling my meds", S),
    ("I wrote a suicide note last night", S),
    ("I just want to go to sleep and never wake up", S),
    ("no one would even notice if I was gone", S),
    ("i'm so tired of living", S),
    ("i have nothing left to live for", S),
    ("how many pills would it take to not wake up", S),
    ("I've been having suicidal thoughts again", S),
    ("i took a bunch of pills", S),
    ("wanna unalive myself", S),
    ("I wish I was never born", S),
    # --- self-harm --------------------------------------------------------------------------------
    ("je me scarifie depuis 2 ans", H),
    ("j'ai envie de me couper ce soir", H),
    ("je me suis brûlée avec une cigarette exprès", H),
    ("jme fais du mal quand ça va pas", H),
    ("je me tape la tête contre les murs quand je craque", H),
    ("je me mords jusqu'au sang quand je stresse", H),
    ("j'ai des cicatrices sur les bras que je cache avec des manches longues", H),
    ("I cut myself last night", H),
    ("been self harming again", H),
    ("I burn myself with a lighter when it gets bad", H),
    ("I relapsed and cut again", H),
    ("ma soeur se scarifie et je sais pas quoi faire", H),
    ("my friend is cutting herself and made me promise not to tell", H),
    ("jme suis re-coupée cette nuit", H),
    # --- danger -----------------------------------------------------------------------------------
    ("mon ex menace de balancer mes nudes à toute ma classe", D),
    ("un mec me fait du chantage avec des photos de moi", D),
    ("je suis victime de sextorsion, il veut 300 euros", D),
    ("il me frappe quand il a bu", D),
    ("mon père m'a encore frappé hier soir et j'ose pas rentrer", D),
    ("mon copain m'a étranglée pendant une dispute", D),
    ("il m'a dit qu'il allait me tuer si je le quittais", D),
    ("il sait où j'habite et il m'envoie des menaces", D),
    ("je suis suivie depuis la gare par un mec, j'ai peur", D),
    ("quelqu'un a publié mon adresse sur twitter", D),
    ("un homme de 35 ans veut que je vienne chez lui, j'ai 13 ans", D),
    ("il me dit de garder nos conversations secrètes et veut me rencontrer", D),
    ("mon beau-père me menace avec un couteau", D),
    ("ma mère se fait frapper par mon père en ce moment, j'entends tout", D),
    ("il y a un mec devant chez moi depuis une heure, il m'a suivie", D),
    ("j'ai peur qu'il me tue", D),
    ("on m'a menacée de mort en DM", D),
    ("someone is threatening to leak my nudes unless I pay", D),
    ("my boyfriend hits me when he's angry", D),
    ("he said he's going to kill me", D),
    ("I'm being followed home every night by the same car", D),
    ("a guy I met online knows where I live and keeps messaging me", D),
    ("I'm scared he'll hurt me", D),
    ("I'm 13 and a 25 year old guy wants to meet me and says not to tell my parents", D),
    ("he's outside my house right now and won't leave", D),
    ("il m'a envoyé une photo de ma porte d'entrée", D),
    ("mon ex m'a dit que si je sortais avec un autre il me ferait la peau", D),
    # --- someone else in danger -------------------------------------------------------------------
    ("my friend said she's going to kill herself tonight", S),
    ("ma meilleure amie m'a envoyé un message d'adieu et elle répond plus", S),
    ("mon pote a avalé toute une boîte de médocs", S),
    ("mon coloc parle de se foutre en l'air", S),
    ("Ma copine m'a dit qu'elle avait pris tous ses cachets", S),
    # --- figurative, French (not a crisis) ---------------------------------------------------------
    ("je suis morte de rire 😂", None),
    ("jvais mourir de chaud dans ce bus", None),
    ("ce prof va me tuer avec ses devoirs", None),
    ("on a tué le game hier soir", None),
    ("j'ai envie de crever tellement il fait chaud", None),
    ("je vais me pendre si ma mère me refait des endives", None),
    ("ce mème m'a tuée 💀", None),
    ("mdr je vais me suicider si je rate encore ce niveau", None),
    ("tu m'as tué avec ta blague", None),
    ("jsuis crevée aujourd'hui", None),
    ("j'ai failli mourir de honte en cours", None),
    ("mon tel est mort, je vous réponds demain", None),
    ("j'ai envie de disparaître des réseaux quelques semaines", None),
    ("cette série me tue, trop de cliffhangers", None),
    ("je vais tuer mon frère s'il touche encore à ma switch", None),
    ("le boss final m'a massacré 15 fois", None),
    ("je me suis coupé le doigt en cuisinant", None),
    ("je me suis fait mal au genou au foot", None),
    ("je me coupe les cheveux moi-même depuis le confinement", None),
    ("il m'a frappé avec un oreiller pendant la bataille mdr", None),
    ("ma sœur m'a tapé parce que j'ai mangé son yaourt 😂", None),
    ("je suis suivie par 2000 personnes sur insta", None),
    ("je suis suivie par une psy depuis septembre", None),
    ("elle va me tuer quand elle verra mes notes", None),
    ("je préférerais mourir plutôt que de remettre ce pull", None),
    ("ce gif m'a achevée 😭", None),
    ("mon pc veut se suicider, il plante toutes les 5 minutes", None),
    ("je me tue à te le dire depuis ce matin", None),
    ("il m'a poignardé dans le dos en répétant mes secrets", None),
    ("je suis mort, à demain", None),
    # --- figurative, English -------------------------------------------------------------------------
    ("I'm dying to see that movie", None),
    ("this homework is killing me lol", None),
    ("I could kill myself for forgetting her birthday", None),
    ("we killed it at the concert last night", None),
    ("lol if I have to sit through one more zoom meeting I'll jump off a bridge", None),
    ("I'm dead 💀 that video is too funny", None),
    ("my phone is dying, text you later", None),
    ("that exam destroyed me, I want to die lol", None),
    ("he hit me up last night to hang out", None),
    ("she's been following me on insta for weeks, kinda cute", None),
    ("I literally want to die, my crush saw my cringe old posts", None),
    # --- news, topic and third person (not a crisis) ------------------------------------------------
    ("j'ai lu un article sur la hausse des suicides chez les ados", None),
    ("comment on fait pour signaler un compte qui pousse au suicide ?", None),
    ("mon grand-père s'est suicidé quand j'étais petit, j'y pense parfois", None),
    ("c'est quoi la différence entre harcèlement et cyberharcèlement ?", None),
    ("le 3114 c'est bien le numéro de prévention du suicide ?", None),
    ("we're doing a school project on self-harm awareness", None),
    ("netflix a retiré la scène de suicide de 13 reasons why", None),
    ("ma prof nous a parlé des violences conjugales en EMC", None),
    ("there was a news story about a stalker who got arrested", None),
    ("un youtubeur s'est fait sextorquer, il en parle dans sa vidéo", None),
    ("Un type m'a dit d'aller me pendre en commentaire, je signale comment ?", None),
    ("people keep telling me to kill myself in my comments, how do I report them", None),
    ("dans le film le héros veut se suicider à la fin, c'est trop triste", None),
    ("mon exposé porte sur la sextorsion chez les collégiens", None),
    # --- ordinary negative feelings (not a crisis) ------------------------------------------------
    ("je suis triste ce soir, personne n'a liké ma photo", None),
    ("j'ai la haine contre ce troll", None),
    ("je suis épuisée par tous ces commentaires", None),
    ("j'en ai marre d'internet", None),
    ("I'm so angry at that troll I could scream", None),
    ("feeling really down after the group chat drama", None),
    ("j'en peux plus de ce harcèlement, je sais plus quoi faire", None),
    ("je suis à bout avec ce groupe", None),
    ("mon ex m'a bloqué partout, je suis dégoûté", None),
    ("I hate my life sometimes lol", None),
    ("ce mec me soûle, il commente tous mes posts", None),
    # --- explicit reassurance (not a crisis by itself) -------------------------------------------
    ("t'inquiète, je vais pas me suicider pour un commentaire", None),
    ("I'm not going to hurt myself, I just need to vent", None),
    ("I don't want to die, I just want the harassment to stop", None),
    ("je suis pas suicidaire hein, juste saoulé", None),
]


def _dev_rows() -> list[tuple[str, bool]]:
    with DEV_SET.open(encoding="utf-8") as fh:
        return [(row["text"], bool(row["crisis"])) for row in map(json.loads, filter(str.strip, fh))]


@pytest.mark.skipif(not DEV_SET.exists(), reason="shared dev set not available")
def test_dev_set_recall_and_precision() -> None:
    metrics = evaluate(_dev_rows())
    assert metrics["recall"] == 1.0, metrics
    assert metrics["precision"] >= 0.9, metrics


def test_own_set_size_and_balance() -> None:
    assert len(CASES) >= 120
    positives = sum(kind is not None for _, kind in CASES)
    assert 0.35 < positives / len(CASES) < 0.65


def test_own_set_metrics() -> None:
    metrics = evaluate((text, kind is not None) for text, kind in CASES)
    assert metrics["recall"] == 1.0, metrics
    assert metrics["precision"] >= 0.95, metrics


@pytest.mark.parametrize(("text", "kind"), CASES)
def test_case(text: str, kind: str | None) -> None:
    signal = screen(text)
    assert signal.is_crisis is (kind is not None), (signal.cues, normalize(text))
    if kind is not None:
        assert signal.kind == kind, signal.cues


def test_signal_never_carries_user_text() -> None:
    signal = screen("je veux mourir ce soir")
    assert isinstance(signal, CrisisSignal)
    assert signal.is_crisis and signal.kind == "suicide"
    assert signal.cues and all("." in cue and "mourir" not in cue for cue in signal.cues)


def test_empty_and_blank() -> None:
    for text in ("", "   ", "\n\n", "😂😂", "..."):
        assert screen(text) == CrisisSignal(False, None, ())


def test_normalisation_handles_spelling_variants() -> None:
    for text in (
        "j'vais me suicider",
        "jvais me suicider",
        "je vais me suicider",
        "JE VAIS ME SUICIDER",
        "je vais me su1c1der",
        "je vais me sui\u200bcider",
        "je vais me suiсider",  # Cyrillic "с"
        "Ｊｅ　ｖａｉｓ　ｍｅ　ｓｕｉｃｉｄｅｒ",
    ):
        assert screen(text).kind == "suicide", normalize(text)


def test_evaluate_counts() -> None:
    metrics = evaluate([("je veux mourir", True), ("mort de rire", False), ("je veux crever", False), ("salut", True)])
    assert metrics["tp"] == 1 and metrics["fp"] == 1 and metrics["fn"] == 1 and metrics["tn"] == 1
    assert metrics["recall"] == metrics["precision"] == 0.5
    assert metrics["n"] == 4
    assert evaluate([]) == {
        "recall": 1.0, "precision": 1.0, "f1": 1.0, "n": 0.0, "tp": 0.0, "fp": 0.0, "fn": 0.0, "tn": 0.0,
    }


# --- robustness -------------------------------------------------------------------------------------

_NASTY = st.sampled_from(
    ["\u200f", "\u202e", "\u200b", "\x00", "\x1b", "\r", "\n", "\t", "💀", "😂", "👨\u200d👩\u200d👧", "ﷺ", "é", "’",
     "«", "»", "je ", "me ", "suicider", "mdr", "(", "[", "\\", "*", "?", "|", "a" * 50, " " * 30]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(st.one_of(_NASTY, st.text(max_size=20)), max_size=60).map("".join)))
def test_screen_never_raises(text: str) -> None:
    signal = screen(text)
    assert isinstance(signal, CrisisSignal)
    assert signal.is_crisis is (signal.kind is not None)
    assert signal.kind in (None, "suicide", "self-harm", "danger")


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=20, max_size=400).map(lambda s: (s * (10_000 // len(s) + 1))[:10_000]))
def test_long_random_text_is_fast(text: str) -> None:
    start = time.perf_counter()
    screen(text)
    assert time.perf_counter() - start < 0.25


@pytest.mark.parametrize(
    "text",
    [
        "je " * 3400,
        "me " * 3400,
        "a" * 10_000,
        "jai peur " * 1100,
        ("si je " + "vais " * 5) * 400,
        "mdr " * 2500,
        "il m a dit qu il " * 600,
        "x. " * 3400,
        "je veux mourir " * 650,
        "é" * 10_000,
        "😂" * 10_000,
    ],
)
def test_adversarial_long_inputs_are_fast(text: str) -> None:
    start = time.perf_counter()
    screen(text)
    assert time.perf_counter() - start < 0.25


def test_typical_message_is_fast() -> None:
    texts = [text for text, _ in CASES]
    screen(texts[0])  # warm-up
    start = time.perf_counter()
    for text in texts:
        screen(text)
    per_message = (time.perf_counter() - start) / len(texts)
    assert per_message < 0.005


# --- resources -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_resources_load(lang: str) -> None:
    found = crisis_resources(lang)
    assert found and all(isinstance(r, CrisisResource) for r in found)
    contacts = " ".join(r.contact for r in found)
    assert "3114" in contacts and "112" in contacts
    for r in found:
        assert r.id and r.name and r.contact and r.hours and r.description and r.source
        assert r.url.startswith("https://")
        assert set(r.kinds) <= {"suicide", "self-harm", "danger"} and r.kinds


def test_resources_fallback_and_filter() -> None:
    assert crisis_resources("de") == crisis_resources("en")
    assert crisis_resources("FR-fr") == crisis_resources("fr")
    for lang in ("fr", "en"):
        for kind in ("suicide", "self-harm"):
            ids = [r.id for r in crisis_resources(lang, kind)]
            assert ids[:2] == ["3114", "112"]
    danger = [r.id for r in crisis_resources("fr", "danger")]
    assert danger[0] == "112" and {"17", "3018", "3919"} <= set(danger)
    assert "3114" not in danger
    fr = {r.id: r for r in crisis_resources("fr")}
    assert fr["sos-amitie"].contact == "09 72 39 40 50"
    assert fr["fil-sante-jeunes"].contact == "0 800 235 236"
