"""What the journeys say: whole clauses quoted, no generic line twice, linked answers, a portrait to correct,
a grammatical mission sentence, and protection first when a child is harassed."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime

import pytest

from companion.engine import ConversationState, Engine, Event, EventKind, Profile
from companion.engine.effects import SetPortrait
from companion.engine.flows.personnage import PersonnageFlow
from companion.engine.journey_words import clip, dismissive
from companion.prompts import load_nvc_lists
from tests.support.knowledge import journey_knowledge
from tests.support.reading import RULES_READER

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
FR = Profile("u1", "fr", consent_at=NOW, known=True)
EN = Profile("u1", "en", consent_at=NOW, known=True)
VOUS = Profile("u1", "fr", formal=True, consent_at=NOW, known=True)

CLOWN = {
    "school": "J'étais le clown de la classe, toujours à faire rire les autres. Même quand ça n'allait pas à la "
              "maison, je faisais le pitre pour qu'on ne voie rien, et personne ne posait de questions.",
    "role": "Le rigolo, ça m'évitait qu'on se moque de moi et j'avais plein de copains.",
    "truth": "bah je te l'ai dit",
    "networks": "Sur X je fais des blagues qui piquent pour avoir des likes, et sur Insta je poste des photos.",
    "feel": "Avant je suis stressé, après parfois fier.",
    "seek": "De la reconnaissance, je crois, et des copains qui me suivent.",
    "gap": "Je fais encore le clown, mais je suis plus sincère qu'avant.",
}


@pytest.fixture
def engine() -> Engine:
    return Engine(reader=RULES_READER, knowledge=journey_knowledge(), nvc=load_nvc_lists())


def say(engine: Engine, state: ConversationState, text: str, profile: Profile = FR):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event.from_text(profile.user_id, text), NOW)


def press(engine: Engine, state: ConversationState, value: str, profile: Profile = FR):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event(profile.user_id, EventKind.CHOICE, choice=value), NOW)


def text_of(result) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(r.text for r in result.replies)


def walk_personnage(engine: Engine, answers: dict[str, str], profile: Profile = FR,  # type: ignore[no-untyped-def]
                    more: dict[str, list[str]] | None = None):
    """The whole journey, one answer per question (and ``more`` words for some); the reflections, the portrait."""
    result = press(engine, say(engine, ConversationState(), "/personnage", profile).state, "personnage:continue",
                   profile)
    reflections = []
    for question in PersonnageFlow.questions:
        result = say(engine, result.state, answers[question.id], profile)
        reflections.append(text_of(result))
        for extra in (more or {}).get(question.id, []):
            result = say(engine, result.state, extra, profile)
            reflections.append(text_of(result))
        result = press(engine, result.state, "personnage:continue", profile)
    return reflections, result


def quotes(text: str) -> list[str]:
    return re.findall(r"[«“][ \u00a0]?(.+?)[ \u00a0]?[»”]", text)


# -- the person's words, whole ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("Court et entier.", 140, "Court et entier."),
    ("Première phrase. Deuxième phrase bien plus longue que la limite permise ici.", 30, "Première phrase."),
    ("Une seule longue phrase, avec une virgule après laquelle tout continue longtemps", 40,
     "Une seule longue phrase"),
    ("Unelonguephrasesansaucunevirgulenipointquidepasselalimite de loin vraiment", 20, None),
])
def test_clip_cuts_only_at_a_sentence_or_a_clause(text: str, limit: int, expected: str | None) -> None:
    assert clip(text, limit) == expected


@pytest.mark.parametrize("text", ["bah je te l'ai dit", "jsp", "rien", "Je t'ai déjà dit.", "same", "idk",
                                  "pareil quoi"])
def test_brushed_off_answers_are_recognised(text: str) -> None:
    assert dismissive(text)


@pytest.mark.parametrize("text", ["Rien ne me plaît plus que les photos de rando", "Le clown",
                                  "Same as at school: funny"])
def test_real_answers_are_not_brushed_off(text: str) -> None:
    assert not dismissive(text)


def test_a_full_journey_quotes_whole_clauses_and_never_repeats_a_generic_line(engine: Engine) -> None:
    more = {"role": ["Et aussi, ça me donnait une place dans la bande.", "Et les profs me laissaient tranquille."],
            "feel": ["Parfois aussi un peu vide après."]}
    reflections, _ = walk_personnage(engine, CLOWN, more=more)
    lines = [line for said in reflections for line in said.split("\n\n")
             if not any(q and q in line for q in quotes(line)) and not line.startswith("Un passage")]
    repeated = [line for line, n in Counter(lines).items() if n > 1]
    assert not repeated, repeated
    reflections, _ = walk_personnage(engine, CLOWN)
    for question, said in zip(PersonnageFlow.questions, reflections, strict=True):
        mine = "\n".join(line for line in said.split("\n\n") if not line.startswith("Un passage"))
        for quoted in quotes(mine):
            answer = " ".join(CLOWN[question.id].split())
            source = next(a for a in CLOWN.values() if quoted.rstrip(".") in a)  # a link quotes an earlier answer
            assert "…" not in quoted, quoted
            rest = source[len(quoted.rstrip(".")):]
            assert source.startswith(quoted.rstrip(".")), quoted
            assert not rest or rest[0] in ".,;:!?", (quoted, rest)  # ends where a sentence or clause ends
            assert answer  # every question was answered
    assert "bah je te l'ai dit" not in "\n".join(reflections)  # a brushed-off answer is not quoted back
    assert "·" not in "\n".join(reflections)


def test_the_schoolyard_the_online_character_and_what_one_seeks_are_linked(engine: Engine) -> None:
    reflections, _ = walk_personnage(engine, CLOWN)
    networks, seek = reflections[3], reflections[5]
    assert ("Dans la cour\u00a0: «\u00a0J'étais le clown de la classe, toujours à faire rire les autres\u00a0»"
            in networks)
    assert "En ligne\u00a0: «\u00a0Sur X je fais des blagues qui piquent pour avoir des likes\u00a0»" in networks
    assert networks.rstrip().endswith("?") or "peut-être\u202f?" in networks  # a question, never a verdict
    assert "Le même rôle qui continue" in networks
    assert "«\u00a0Le rigolo, ça m'évitait qu'on se moque de moi et j'avais plein de copains\u00a0»" in seek
    assert "Le même besoin de lien, peut-être\u202f?" in seek


def test_an_english_journey_links_too(engine: Engine) -> None:
    answers = {
        "school": "I was the quiet one, always watching the others from a corner.",
        "role": "Being shy kept me safe, nobody picked on me.",
        "truth": "That I was smart.",
        "networks": "On Instagram I mostly lurk and never post.",
        "feel": "Anxious before, relieved after.",
        "seek": "Connection with friends, and feeling safe.",
        "gap": "I still watch more than I speak.",
    }
    reflections, portrait = walk_personnage(engine, answers, EN)
    assert "The same role carrying on in another form, maybe?" in reflections[3]
    assert "The same need for protection, maybe?" in reflections[5]
    assert portrait.state.data["draft"].startswith("In the schoolyard, I tended to stay in the background.")


# -- the portrait --------------------------------------------------------------------------------------------


def test_the_portrait_is_a_short_synthesis_that_can_be_corrected(engine: Engine) -> None:
    _, result = walk_personnage(engine, CLOWN)
    draft = result.state.data["draft"]
    sentences = re.findall(r"[^.?!]+[.?!](?=\s|$)", draft)
    assert 3 <= len(sentences) <= 5, sentences
    assert draft.startswith("Dans la cour d'école, je faisais rire les autres.")
    assert "Ce personnage m'apportait du lien avec les autres." in draft
    assert "je viens surtout chercher de la reconnaissance" in draft
    assert "bah je te l'ai dit" not in draft and "\n" not in draft and "…" not in draft
    buttons = {c.label: c.value for r in result.replies for c in r.choices}
    assert buttons["Corriger"] == "personnage:edit"
    writing = press(engine, result.state, "personnage:edit")
    mine = "Enfant, je faisais rire pour être accepté. En ligne, je pique pour des likes ; je veux rire sans blesser."
    corrected = say(engine, writing.state, mine)
    assert mine in text_of(corrected) and corrected.state.data["draft"] == mine
    kept = press(engine, corrected.state, "personnage:keep")
    assert SetPortrait(mine) in kept.effects


def test_a_portrait_from_skipped_and_brushed_off_answers_only_is_empty(engine: Engine) -> None:
    data = {"answers": {"school": "jsp", "truth": "bah je te l'ai dit"}}
    result = press(engine, ConversationState("personnage", "gap.seen", data), "personnage:continue")
    assert result.state.data["draft"] == "" and "écris ton portrait toi-même" in text_of(result)


# -- the mission sentence ------------------------------------------------------------------------------------


def mission(engine: Engine, answers: dict[str, str], profile: Profile = FR) -> str:
    result = press(engine, ConversationState("mission", "stop_sharing.seen", {"answers": answers}),
                   "mission:continue", profile)
    return str(result.state.data["draft"])


def test_the_mission_quotes_an_english_answer_and_leaves_out_what_does_not_fit(engine: Engine) -> None:
    sentence = mission(engine, {"love": "I'd love to share my photography", "whom": "Les gens de mon quartier",
                                "dream": "Alors là tu touches un truc."})
    assert sentence == "Partager “my photography” avec les gens de mon quartier."


@pytest.mark.parametrize(("answers", "expected"), [
    ({"love": "J'aime partager des recettes simples."}, "Partager des recettes simples."),
    ({"love": "Des photos de randonnée", "whom": "jsp"}, "Partager des photos de randonnée."),
    ({"love": "quand je vois un beau coucher de soleil", "whom": "Mes amis"},
     "Partager ce qui me tient à cœur (“quand je vois un beau coucher de soleil”) avec mes amis."),
    ({"love": "Des dessins", "whom": "jeunes parents fatigués"},
     "Partager des dessins avec les personnes que j'ai en tête (“jeunes parents fatigués”)."),
    ({"love": "Des photos de toutes les petites choses que je croise en marchant dans ma ville le matin très tôt",
      "dream": "Mon rêve serait que les gens regardent de nouveau autour d'eux en marchant dans la rue le matin"},
     "Partager ce qui me tient à cœur (“Des photos de toutes les petites choses que je croise en marchant dans ma "
     "ville le matin très tôt”), avec ce rêve en tête\u00a0: les gens regardent de nouveau autour d'eux en marchant "
     "dans la rue le matin."),
    ({"drive": "Mes carnets de voyage", "dream": "Un monde plus doux"},
     "Partager mes carnets de voyage, avec ce rêve en tête\u00a0: un monde plus doux."),
])
def test_the_mission_is_grammatical_whatever_was_skipped(engine: Engine, answers: dict[str, str],
                                                           expected: str) -> None:
    assert mission(engine, answers) == expected


def test_the_mission_in_english_quotes_a_french_answer(engine: Engine) -> None:
    sentence = mission(engine, {"love": "J'aime partager des recettes simples", "whom": "my neighbours"}, EN)
    assert sentence == "Share “des recettes simples” with my neighbours."
    dream = mission(engine, {"love": "I love sharing my drawings", "dream": "I'd love people to draw more."}, EN)
    assert dream == "Share my drawings, with this dream in mind: “I'd love people to draw more”."


# -- protection first ----------------------------------------------------------------------------------------


def test_a_harassed_child_brings_the_protection_card_at_once(engine: Engine) -> None:
    start = press(engine, say(engine, ConversationState(), "/famille").state, "famille:continue")
    result = say(engine, press(engine, say(engine, start.state, "Les recettes et garder le contact avec ma sœur.")
                               .state, "famille:continue").state,
                 "Ce qui me gêne, c'est que ma fille de 13 ans se fait moquer dans un groupe Snapchat de sa classe.")
    said = text_of(result)
    assert "3018" in said and "3018.fr" in said
    assert "captures d'écran" in said
    assert "établissement" in said and "Sur Snapchat, bloquer et signaler" in said
    assert "Dans tes mots, j'entends" not in said and "·" not in said and "Un passage" not in said
    assert result.state.step == "dislikes.seen" and result.state.data["protected"] is True
    again = say(engine, press(engine, result.state, "famille:continue").state,
                "Les inconnus, et surtout ce groupe Snap où ils se moquent d'elle tous les jours.")
    assert "3018" in text_of(again) and text_of(again).count("•") == 0  # a short reminder, not the card again


def test_the_card_speaks_each_register_and_english(engine: Engine) -> None:
    state = ConversationState("famille", "risky", {})
    formal = text_of(say(engine, state, "Mon fils de 12 ans est harcelé sur Instagram.", VOUS))
    assert "votre enfant" in formal and "Sur Instagram, bloquer" in formal and "3018" in formal
    english = text_of(say(engine, state, "My 13-year-old son is being bullied in a Snapchat group.", EN))
    assert "Tell the school" in english and "In France:" in english and "3018" in english


def test_a_risk_named_in_general_is_reflected_not_carded(engine: Engine) -> None:
    said = text_of(say(engine, ConversationState("famille", "risky", {}),
                       "Pour mes enfants, le harcèlement et les inconnus qui leur écrivent."))
    assert "3018" not in said
    assert "«\u00a0Pour mes enfants, le harcèlement et les inconnus qui leur écrivent.\u00a0»" in said


def test_a_memory_of_being_mocked_is_not_a_child_to_protect(engine: Engine) -> None:
    said = text_of(say(engine, ConversationState("personnage", "role", {}),
                       "Le clown, pour qu'on ne se moque pas de moi quand j'avais 10 ans."))
    assert "3018" not in said
    assert "«\u00a0Le clown, pour qu'on ne se moque pas de moi quand j'avais 10 ans.\u00a0»" in said


def test_a_pile_on_in_a_journey_answer_brings_protection_without_the_school(engine: Engine) -> None:
    said = text_of(say(engine, ConversationState("personnage", "networks", {}),
                       "Sur Discord, ils ont fait un groupe pour se moquer de moi."))
    assert "3018" in said and "établissement" not in said and "Sur Discord, bloquer et signaler" in said
    assert "116 006" in said and "«\u00a0Sur Discord" not in said
