"""The introspection journeys (personnage, mission, famille) on the pure engine, every transition included."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from companion.engine import ConversationState, Engine, Event, EventKind, Profile
from companion.engine.effects import AddJournalDetails, ScheduleFollowUp, SetMission, SetPortrait
from companion.engine.flows.famille import FamilleFlow
from companion.engine.flows.mission import MissionFlow, core
from companion.engine.flows.personnage import PersonnageFlow
from companion.engine.i18n import load_catalog
from companion.engine.reflect import COMMON_KEYS, NUDGE, PAUSE, SEEN, JourneyFlow, judge
from companion.prompts import load_nvc_lists
from tests.support.knowledge import journey_knowledge
from tests.support.reading import RULES_READER

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ADULT = Profile("u1", "fr", consent_at=NOW, known=True)
ADULT_EN = Profile("u1", "en", consent_at=NOW, known=True)
FORMAL = Profile("u1", "fr", formal=True, consent_at=NOW, known=True)
NVC = load_nvc_lists()

ANSWER = "J'étais plutôt discrète, je regardais les autres jouer et je me sentais un peu à part, parfois fière."
SHORT = "ok"
OFFTOPIC = "qsdfghjklm"
LONG_MISSION = "Je veux partager des choses qui comptent pour moi. " * 10


@pytest.fixture
def engine() -> Engine:
    return Engine(reader=RULES_READER, knowledge=journey_knowledge(), nvc=NVC)


def say(engine: Engine, state: ConversationState, value: str, profile: Profile = ADULT):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event.from_text(profile.user_id, value), NOW)


def press(engine: Engine, state: ConversationState, value: str, profile: Profile = ADULT):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event(profile.user_id, EventKind.CHOICE, choice=value), NOW)


def joined(result) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(r.text for r in result.replies)


def values(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.value for r in result.replies for c in r.choices]


JOURNEYS: list[type[JourneyFlow]] = [PersonnageFlow, MissionFlow, FamilleFlow]
ALL_ROWS = sorted((cls.name, step, symbol, target) for cls in JOURNEYS
                  for (step, symbol), target in cls.transitions.items())


def full_data(flow: JourneyFlow) -> dict:
    """Data as it is once every question was answered and a draft exists."""
    answers = {q.id: f"Ma réponse à {q.id}, avec des mots à moi." for q in flow.questions}
    return {"answers": answers, "draft": "Mon texte à moi.", "suggested": "Partager des photos avec mes amis.",
            "feelings": ["fier"]}


def event_for(flow_name: str, symbol: str) -> Event:
    texts = {"answer": ANSWER, "short": SHORT, "offtopic": OFFTOPIC, "long": LONG_MISSION}
    if symbol in texts:
        return Event.from_text("u1", texts[symbol])
    if symbol == "pick":
        return Event("u1", EventKind.CHOICE, choice=f"{flow_name}:pick:fier")
    return Event("u1", EventKind.CHOICE, choice=f"{flow_name}:{symbol}")


@pytest.mark.parametrize(("flow_name", "step", "symbol", "target"), ALL_ROWS)
def test_every_journey_transition(engine: Engine, flow_name: str, step: str, symbol: str, target: str) -> None:
    flow = engine.flows[flow_name]
    assert isinstance(flow, JourneyFlow)
    data = full_data(flow)
    if symbol == "pick":
        data["feelings"] = []
    state = ConversationState(flow_name, step, data)
    result = engine.handle(ADULT, state, event_for(flow_name, symbol), NOW)
    assert result.replies and result.replies[-1].choices, "never a dead end"
    journal = [e for e in result.effects if isinstance(e, AddJournalDetails)]
    if target == PAUSE:
        assert result.state.flow is None
        assert result.state.paused is not None
        assert result.state.paused["flow"] == flow_name
        assert result.state.paused["step"] == flow.resume_step(step)
        assert "/reprendre" in joined(result)
        assert "menu:resume" in values(result)
    elif target in flow.terminal:
        assert result.state.flow is None and result.state.paused is None
        kinds = {type(e) for e in result.effects}
        expected = {"personnage": {SetPortrait, AddJournalDetails}, "mission": {SetMission, AddJournalDetails}}
        if target == "scheduled":
            assert kinds == {ScheduleFollowUp}
        else:
            assert kinds == expected.get(flow_name, set())
    else:
        assert (result.state.flow, result.state.step) == (flow_name, target)
        assert not any(k.startswith("_") for k in result.state.data), "turn-only keys are not persisted"
    if target.endswith(SEEN):
        (entry,) = journal
        assert entry.kind == flow_name and entry.details and entry.details["step"] == target.removesuffix(SEEN)
        assert entry.details["question"]
    elif target not in flow.terminal:
        assert not journal
    if target.endswith(NUDGE):
        assert f"{flow_name}:skip" in values(result), "a nudge always offers to skip"


@pytest.mark.parametrize("cls", JOURNEYS)
def test_every_step_is_reachable_and_every_non_final_step_can_pause(cls: type[JourneyFlow]) -> None:
    steps = {s for (s, _) in cls.transitions}
    targets = set(cls.transitions.values())
    assert steps - {cls.initial} <= targets
    for step in steps:
        if step not in cls.terminal:
            assert (step, "stop") in cls.transitions or step == "again", step


def test_question_counts_match_the_issue() -> None:
    assert len(PersonnageFlow.questions) >= 7
    assert len(MissionFlow.questions) >= 6
    assert len(FamilleFlow.questions) >= 5


@pytest.mark.parametrize(("text", "verdict"), [
    ("ok", "short"), ("bof", "short"), ("je sais pas", "short"), ("  ", "short"), ("👍", "short"),
    ("qsdfghjklm", "offtopic"), ("aaaaaaaaaa", "offtopic"), ("1234 5678 90", "short"), ("ab1234567cd89", "offtopic"),
    ("quelle heure est-il ?", "offtopic"), ("tu es un robot ?", "offtopic"),
    ("Instagram", "answer"), ("LinkedIn et Insta", "answer"), (ANSWER, "answer"),
    ("Pourquoi je poste autant ? Je ne sais pas.", "answer"),
])
def test_judge(text: str, verdict: str) -> None:
    assert judge(text) == verdict


def test_typed_words_work_like_buttons(engine: Engine) -> None:
    state = ConversationState("personnage", "school", {})
    assert say(engine, state, "passer").state.step == "role"
    assert say(engine, state, "pause").state.paused["step"] == "school"  # type: ignore[index]
    seen = say(engine, state, ANSWER).state
    assert say(engine, seen, "continuer").state.step == "role"
    more = say(engine, seen, "Et aussi : je faisais rire pour qu'on m'accepte.")
    assert more.state.step == "school.seen"
    assert "Et aussi" in more.state.data["answers"]["school"] and "discrète" in more.state.data["answers"]["school"]


def test_full_personnage_journey_with_picker_and_corrected_portrait(engine: Engine) -> None:
    result = say(engine, ConversationState(), "/personnage")
    assert "sept questions" in joined(result) and result.state.step == "intro"
    result = press(engine, result.state, "personnage:continue")
    answers = {
        "school": "J'étais le clown de la classe, toujours à faire rire.",
        "role": "Le rigolo, ça m'évitait qu'on se moque de moi.",
        "truth": "Que j'étais drôle et pas fragile.",
        "networks": "Instagram pour les photos, LinkedIn pour faire sérieux.",
        "seek": "De la reconnaissance, je crois, et des vrais amis.",
        "gap": "Je fais encore le clown, mais je suis plus sincère.",
    }
    journaled = []
    for question in PersonnageFlow.questions:
        assert result.state.step == question.id
        if question.feelings:
            result = press(engine, result.state, "personnage:pick:anxieux")
            assert result.state.step == "feel" and result.state.data["feelings"] == ["anxieux"]
            assert "Déjà choisi\u00a0: anxiété" in joined(result)  # listed on another page, named here
            result = press(engine, result.state, "personnage:page:3")
            result = press(engine, result.state, "personnage:pick:soulage")
            result = press(engine, result.state, "personnage:pick:soulage")  # unticked again
            assert result.state.data["feelings"] == ["anxieux"]
            result = say(engine, result.state, "Avant je suis stressé, après parfois fier.")
            (entry,) = result.effects
            assert entry.emotions == ("anxieux", "stresse", "fier")
        else:
            result = say(engine, result.state, answers[question.id])
            (entry,) = result.effects
            assert entry.text == answers[question.id]
        journaled.append(entry)
        assert result.state.step == f"{question.id}.seen"
        result = press(engine, result.state, "personnage:continue")
    assert [e.details["step"] for e in journaled] == [q.id for q in PersonnageFlow.questions]
    assert result.state.step == "portrait"
    draft = result.state.data["draft"]
    assert draft.startswith("Dans la cour d'école, je faisais rire les autres.")  # a synthesis, not a list
    assert "je viens encore chercher de la reconnaissance" not in draft and "de la reconnaissance" in draft
    assert 3 <= len(re.findall(r"[.?!](?:\s|$)", draft)) <= 5 and "\n" not in draft
    assert draft in joined(result)
    assert values(result)[:2] == ["personnage:keep", "personnage:edit"]
    edit = press(engine, result.state, "personnage:edit")
    assert edit.state.step == "portrait_write"
    mine = "Enfant, je faisais rire pour être accepté. En ligne, je montre un pro sérieux ; je veux être plus vrai."
    corrected = say(engine, edit.state, mine)
    assert corrected.state.step == "portrait" and corrected.state.data["draft"] == mine
    kept = press(engine, corrected.state, "personnage:keep")
    assert kept.state.flow is None
    assert SetPortrait(mine) in kept.effects
    assert any(isinstance(e, AddJournalDetails) and e.details == {"step": "portrait"} for e in kept.effects)
    assert "/moi" in joined(kept)


def test_reflection_quotes_words_names_feelings_and_a_passage_of_the_step_themes(engine: Engine) -> None:
    result = say(engine, ConversationState("personnage", "school", {}), ANSWER)
    text = joined(result)
    assert "«\u00a0J'étais plutôt discrète" in text
    assert "de la fierté" in text and "·" not in text  # "fière" is named, as a word that needs no agreement
    hit = engine.flows["personnage"].knowledge.get(result.state.data["passages"]["school"])  # type: ignore[attr-defined]
    assert hit is not None and hit.theme == "personnage" and hit.source in text and hit.title in text
    # The next step gets a different passage, and a resumed reflection shows the same one again.
    nxt = say(engine, press(engine, result.state, "personnage:continue").state, ANSWER)
    assert nxt.state.data["passages"]["role"] != result.state.data["passages"]["school"]
    paused = press(engine, result.state, "personnage:stop")
    assert paused.state.paused["step"] == "role"  # type: ignore[index]


def test_long_answer_is_kept_whole_and_summarised(engine: Engine) -> None:
    long = ("Je me souviens de la cour, des jeux, des regards. " * 80).strip()
    result = say(engine, ConversationState("personnage", "school", {}), long)
    (entry,) = result.effects
    assert entry.text == long
    assert "tout est gardé tel quel" in joined(result)
    assert len(joined(result)) < 1500
    assert len(result.state.data["answers"]["school"]) <= 1000


def test_nudges_are_kind_and_specific(engine: Engine) -> None:
    short = say(engine, ConversationState("mission", "love", {}), "bof")
    assert "un peu court" in joined(short) and short.state.step == "love.nudge"
    off = say(engine, short.state, "qsdfghjklm")
    assert "pas sûr que ça réponde" in joined(off) and off.state.step == "love.nudge"
    ok = say(engine, off.state, "Des photos de randonnée et des recettes.")
    assert ok.state.step == "love.seen"


def test_pause_then_resume_by_command_and_by_menu_days_later(engine: Engine) -> None:
    state = say(engine, ConversationState("famille", "dislikes", {}), ANSWER).state
    paused = press(engine, state, "famille:stop").state
    assert paused.flow is None and paused.paused["step"] == "risky"  # type: ignore[index]
    later = NOW + timedelta(days=5)
    by_command = engine.handle(ADULT, paused, Event.from_text("u1", "/reprendre"), later)
    assert by_command.state.step == "risky" and "(3/6)" in joined(by_command)
    assert by_command.state.data["answers"]["dislikes"] == ANSWER
    by_menu = press(engine, paused, "menu:resume")
    assert by_menu.state.step == "risky"
    # A stale button of the paused journey changes nothing.
    stale = press(engine, paused, "famille:continue")
    assert stale.state == paused and not stale.effects


def test_cancel_leaves_a_journey(engine: Engine) -> None:
    state = ConversationState("mission", "dream", {"answers": {"love": "x"}})
    result = say(engine, state, "/cancel")
    assert result.state.flow is None and not result.effects


def test_stale_and_foreign_buttons_reprompt_the_same_step(engine: Engine) -> None:
    state = ConversationState("personnage", "feel", {})
    for value in ("personnage:pick:not-a-feeling", "personnage:page:99", "mission:continue", "personnage:keep"):
        result = press(engine, state, value)
        assert result.state.step == "feel" and not result.effects, value
        assert "plus actif" in joined(result)


def test_journeys_work_without_knowledge_or_nvc() -> None:
    bare = Engine(reader=RULES_READER)
    result = say(bare, ConversationState("personnage", "feel", {}), "Avant je suis stressé, après soulagé.")
    assert result.state.step == "feel.seen"
    assert "Un passage" not in joined(result)
    asked = press(bare, ConversationState("personnage", "networks.seen", {}), "personnage:continue")
    assert not any(":pick:" in v for v in values(asked))


def test_mission_suggestion_from_their_words_then_kept(engine: Engine) -> None:
    data = {"answers": {"love": "J'aime partager des photos de randonnée.",
                        "whom": "Les gens qui n'osent pas partir seuls",
                        "dream": "Mon rêve c'est que chacun ose sortir dehors."}}
    result = press(engine, ConversationState("mission", "stop_sharing.seen", data), "mission:continue")
    expected = ("Partager des photos de randonnée avec les gens qui n'osent pas partir seuls, "
                "avec ce rêve en tête\u00a0: chacun ose sortir dehors.")
    assert result.state.step == "statement" and result.state.data["draft"] == expected
    kept = press(engine, result.state, "mission:keep")
    assert SetMission(expected) in kept.effects


def test_mission_rewritten_and_confirmed(engine: Engine) -> None:
    statement = press(engine, ConversationState("mission", "stop_sharing.seen", {}), "mission:continue")
    assert "pas de phrase" in joined(statement)  # nothing to suggest when everything was skipped
    assert press(engine, statement.state, "mission:keep").state.step == "rewrite"
    too_long = say(engine, statement.state, LONG_MISSION)
    assert too_long.state.step == "rewrite" and "300" in joined(too_long)
    confirm = say(engine, too_long.state, "Donner envie de marcher dehors, sans se comparer.")
    assert confirm.state.step == "confirm"
    again = say(engine, confirm.state, "Donner envie de marcher dehors.")
    assert again.state.data["draft"] == "Donner envie de marcher dehors."
    kept = press(engine, again.state, "mission:keep")
    assert SetMission("Donner envie de marcher dehors.") in kept.effects


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("J'aime partager des recettes simples.", "fr", "des recettes simples"),
    ("Je pense que j'aime montrer mes dessins", "fr", "mes dessins"),
    ("I love sharing my garden. And more.", "en", "my garden"),
    ("I love sharing photos of my hikes, and the small things I notice.", "en", "photos of my hikes"),
    ("My dream is to make people laugh", "en", "make people laugh"),
    ("Des photos", "fr", "des photos"), ("LinkedIn et Insta", "fr", "LinkedIn et Insta"),
])
def test_mission_core_phrase(text: str, lang: str, expected: str) -> None:
    assert core(text, lang) == expected


def test_mission_in_english(engine: Engine) -> None:
    data = {"answers": {"love": "I love sharing my drawings", "whom": "young artists who feel alone"}}
    result = press(engine, ConversationState("mission", "stop_sharing.seen", data), "mission:continue", ADULT_EN)
    assert result.state.data["draft"] == "Share my drawings with young artists who feel alone."
    assert "Here's a mission sentence" in joined(result)


def test_famille_offers_a_follow_up_in_a_month(engine: Engine) -> None:
    start = say(engine, ConversationState(), "/famille")
    assert start.state.flow == "famille"
    first = press(engine, start.state, "famille:continue")
    assert "qu'est-ce qui te plaît sur les réseaux\u202f?" in joined(first)
    assert "personne ne coupe" in joined(first)
    debrief = say(engine, ConversationState("famille", "debrief", {}), "On a parlé des jeux, ma fille m'a surpris.")
    (entry,) = debrief.effects
    assert entry.kind == "famille" and entry.details["step"] == "debrief"  # type: ignore[index]
    again = press(engine, debrief.state, "famille:continue")
    assert again.state.step == "again" and "dans un mois" in joined(again)
    yes = press(engine, again.state, "famille:yes")
    (follow,) = yes.effects
    assert isinstance(follow, ScheduleFollowUp) and follow.kind == "famille"
    assert follow.due_at == NOW + timedelta(days=30)
    no = press(engine, again.state, "famille:no")
    assert not no.effects and no.state.flow is None


def test_vous_and_english_registers(engine: Engine) -> None:
    formal = press(engine, ConversationState("personnage", "intro", {}), "personnage:continue", FORMAL)
    assert "Revenez dans votre première cour" in joined(formal)
    english = press(engine, ConversationState("personnage", "intro", {}), "personnage:continue", ADULT_EN)
    assert "Go back to your first schoolyard" in joined(english)


def test_english_aliases_and_menu_entries(engine: Engine) -> None:
    for command, flow in (("/character", "personnage"), ("/family", "famille"), ("/me", "moi"), ("/mission", "mission"),
                          ("/journal", "journal")):
        assert say(engine, ConversationState(), command).state.flow == flow, command
    menu = say(engine, ConversationState(), "/menu")
    more = press(engine, ConversationState(), "menu:more")
    for value in ("personnage", "mission", "famille", "journal", "moi"):
        assert f"menu:{value}" in values(menu) + values(more)
        assert press(engine, ConversationState(), f"menu:{value}").state.flow == value


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_journey_has_its_strings(lang: str) -> None:
    catalog = load_catalog()
    for cls in JOURNEYS:
        for key in COMMON_KEYS:
            assert catalog.has(f"{cls.name}.{key}", lang), (cls.name, key)
        for question in cls.questions:
            assert catalog.has(f"{cls.name}.{question.id}.ask", lang)
            assert catalog.has(f"{cls.name}.{question.id}.mirror", lang)


_ADDRESSES_TU = re.compile(r"(?<![\w-])(tu|te|t'|t’|ton|ta|tes|toi)(?![\w-])|-(toi|le|la)\b", re.IGNORECASE)


def test_french_lines_that_say_tu_have_a_vous_form() -> None:
    catalog = load_catalog()
    journeys = ("personnage", "mission", "famille", "journal", "moi")
    keys = [k for k in catalog.keys("fr") if k.split("-")[0] in journeys]
    assert len(keys) > 100
    for key in keys:
        values = dict.fromkeys(catalog.variables(key) - {"register", "agreement"}, 2)
        tu = catalog.text("fr", key, **values)
        if re.search(r"(?<![\w-])(tu|t'|ton|ta|tes)(?![\w-])", tu):
            assert catalog.text("fr", key, formal=True, **values) != tu, key
    assert _ADDRESSES_TU.search(catalog.text("fr", "personnage.intro"))
