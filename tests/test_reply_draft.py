"""Drafts a user would send: register, agreement, quotes of their words, lengths; who wrote it and where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.engine.flows.reply import UNQUOTABLE
from companion.engine.i18n import load_catalog
from companion.engine.reply_context import guess
from companion.engine.reply_draft import (
    PRIVATE_LIMIT,
    PUBLIC_LIMIT,
    DraftRequest,
    agree,
    catalog_text,
    compose,
    default_register,
    names_something,
    quote_candidates,
    register_of,
    topic_of,
)
from companion.engine.reply_text import draft_praise
from tests.support.reading import RULES_READER

OWN = Path(__file__).parent / "data" / "scenarios"


def _text(lang: str):  # noqa: ANN202 - the Text callable
    return catalog_text(load_catalog(), lang)


def _calm(fragment: str) -> bool:
    return not {m.kind for m in RULES_READER.read(fragment).tension.markers} & UNQUOTABLE


def _draft(received: str, **values: object) -> str:
    request = DraftRequest(received=received, lang=str(values.pop("lang", "fr")), **values)  # type: ignore[arg-type]
    return compose(request, _text(request.lang), _calm)


@pytest.mark.parametrize(("label", "agreement", "expected"), [
    ("blessé·e", "fem", "blessée"), ("blessé·e", "masc", "blessé"), ("inquiet·e", "fem", "inquiète"),
    ("heureux·se", "fem", "heureuse"), ("amer·ère", "fem", "amère"), ("las·se", "fem", "lasse"),
    ("plein·e d'énergie", "fem", "pleine d'énergie"), ("triste", "fem", "triste"), ("en colère", "masc", "en colère"),
])
def test_words_about_the_user_agree_as_chosen(label: str, agreement: str, expected: str) -> None:
    assert agree(label, agreement) == expected


def test_a_client_gets_vous_a_friend_gets_tu_and_no_draft_has_a_dot() -> None:
    client = _draft("Je ne paierai pas cette facture tant que le logo n'est pas refait.", context="client",
                    register="vous", feelings=("decu", "tendu"), feeling_labels=("déçu·e", "tendu·e"),
                    needs=("reconnaissance",), need_labels=("reconnaissance",))
    friend = _draft("tu m'as encore lâchée pour ton mec, je suis plus ta priorité", context="friend", register="tu",
                    feelings=("triste",), feeling_labels=("triste",))
    assert register_of(client) == "vous" and register_of(friend) == "tu"
    assert "·" not in client + friend
    assert "facture" in client or "logo" in client  # something specific of theirs
    assert names_something(friend, "tu m'as encore lâchée pour ton mec, je suis plus ta priorité")


def test_neutral_agreement_needs_no_agreement_and_feminine_agrees() -> None:
    base = {"received": "Ton rapport est arrivé en retard, encore.", "context": "colleague",
            "feelings": ("blesse",), "feeling_labels": ("blessé·e",)}
    assert "de la peine" in _draft(**base, agreement="neutral")  # type: ignore[arg-type]
    assert "blessée" in _draft(**base, agreement="fem")  # type: ignore[arg-type]
    assert "je me sens blessé." in _draft(**base, agreement="masc")  # type: ignore[arg-type]


def test_an_insult_is_never_quoted_back() -> None:
    draft = _draft("T'es vraiment un gros con. Personne ne veut de toi.", context="friend")
    assert "con" not in draft.split() and draft.startswith("J'ai lu ton message")


def test_public_drafts_are_short_and_private_ones_bounded() -> None:
    long_message = "Franchement ta vidéo sur le jardinage partagé était vraiment intéressante mais " * 3
    public = _draft(long_message, context="stranger-public", channel="public", register="vous")
    private = _draft(long_message, context="colleague", channel="private")
    assert len(public) <= PUBLIC_LIMIT and len(private) <= PRIVATE_LIMIT
    assert "privé" in public


def test_variants_differ_and_keep_the_register() -> None:
    received = "Votre fille a encore oublié ses affaires de sport."
    chosen = {"feelings": ("inquiet",), "feeling_labels": ("inquiet·e",), "needs": ("clarte",),
              "need_labels": ("clarté",)}
    drafts = {v: _draft(received, context="teacher-school", register="vous", variant=v, **chosen)
              for v in ("base", "short", "warm", "firm")}
    assert len(set(drafts.values())) == 4
    assert all(register_of(d) in ("vous", None) for d in drafts.values())
    assert len(drafts["short"]) < len(drafts["base"])


def test_quotes_are_short_clauses_of_their_words_in_the_drafts_register() -> None:
    received = "Sympa de m'avoir mise en copie 🙂 la prochaine fois préviens avant d'envoyer"
    quotes = quote_candidates(received, "tu")
    assert quotes and all(q in received or q[0].upper() + q[1:] in received for q in quotes)
    assert all(3 <= len(q.split()) <= 12 for q in quotes)
    assert quote_candidates("Votre chien aboie toute la nuit, c'est insupportable.", "tu") == []


@pytest.mark.parametrize(("received", "lang", "topic"), [
    ("Votre rapport est bâclé.", "fr", "mon rapport"),
    ("Ta photo de vacances est ridicule", "fr", "ma photo de vacances"),
    ("Votre facture est fausse", "fr", "ma facture"),
    ("Your slides were a mess", "en", "my slides"),
    ("Ta gueule", "fr", None),
    ("Toujours aussi mal habillée ma fille 😅", "fr", "ma façon de m'habiller"),
    ("Encore un post de coach qui n'a jamais bossé", "fr", "mon post"),
    ("nice haircut lmao", "en", "my hair"),
])
def test_what_the_message_was_about_is_said_from_the_users_side(received: str, lang: str, topic: str | None) -> None:
    assert topic_of(received, lang) == topic


def test_default_register_follows_the_relationship_and_their_words() -> None:
    assert default_register("manager", "") == "vous" and default_register("friend", "") == "tu"
    assert default_register(None, "Pourriez-vous déplacer votre voiture ?") == "vous"


@pytest.mark.parametrize(("received", "story", "context", "person"), [
    ("Votre fille a encore oublié ses affaires.", "", "teacher-school", None),
    ("C'est encore votre chien qui a aboyé toute la nuit.", "", "neighbour", None),
    ("Je ne paierai pas cette facture.", "", "client", None),
    ("Pourquoi votre facture est-elle si élevée ?", "", "client", None),
    ("Tu pourrais appeler plus souvent.", "Ma mère m'a écrit ça hier", "family", "ta mère"),
    ("Not sure who approved this deck", "", "colleague", None),
])
def test_who_wrote_it_is_guessed_and_a_named_relation_is_kept(received: str, story: str, context: str,
                                                              person: str | None) -> None:
    found = guess(received, story)
    assert found.context == context and found.person_tu == person


@pytest.mark.parametrize(("received", "story", "channel"), [
    ("Dommage que la robe ne t'avantage pas 🙂", "Ma tante a commenté sous les photos de mon mariage", "public"),
    ("Encore en retard ?", "Il l'a écrit sous ma vidéo TikTok", "public"),
    ("Nice hair lol", "My uncle commented under the wedding photos", "public"),
    ("Tu pourrais appeler plus souvent.", "Ma tante m'a écrit ça hier soir", None),
])
def test_where_it_was_written_is_guessed_from_the_users_story(received: str, story: str,
                                                             channel: str | None) -> None:
    assert guess(received, story).channel == channel


def test_an_aunt_or_an_uncle_is_named_afterwards() -> None:
    assert guess("Tu pourrais appeler plus souvent.", "Ma tante m'a écrit ça").person_tu == "ta tante"
    assert guess("Call more often.", "my uncle sent this").person_tu == "your uncle"


def test_praise_names_what_is_good_in_a_calm_draft() -> None:
    assert set(draft_praise("C'est vrai que j'aurais dû te prévenir. Je me sens mal. On peut en parler demain ?",
                            "fr")) == {"ownership", "feeling", "request"}
    assert draft_praise("You're right, I should have called. Can we talk tonight?", "en") == ["ownership", "request"]


@pytest.mark.parametrize("name", ["own_scenarios_fr.jsonl", "own_scenarios_en.jsonl"])
def test_our_own_scenarios_are_labelled_as_labels_md_says(name: str) -> None:
    contexts = {"family", "partner", "friend", "colleague", "manager", "client", "teacher-school", "neighbour",
                "stranger-public", "troll", "group-chat", "gaming", "dating"}
    rows = [json.loads(line) for line in (OWN / name).read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 50
    for row in rows:
        assert row["context"] in contexts and row["register"] in ("tu", "vous")
        assert row["channel"] in ("public", "private") and isinstance(row["expect_protection"], bool)


def test_the_feelings_the_user_picked_come_before_the_guessed_ones() -> None:
    from companion.engine.flows.reply import _own_first

    data = {"feelings": ["perplexe", "tendu", "blesse"], "feelings_guessed": ["perplexe", "tendu"]}
    assert _own_first(data, "feelings")[:2] == ("blesse", "perplexe")
    assert _own_first({"needs": ["respect"]}, "needs") == ("respect",)


def test_still_nothing_is_a_fact_and_not_serious_a_judgment() -> None:
    from companion.engine.reply_text import sort_facts

    found = sort_facts("Vous m'aviez promis la maquette pour lundi et je n'ai toujours RIEN. "
                       "C'est vraiment pas sérieux.", "fr")
    assert found.facts == ("Vous m'aviez promis la maquette pour lundi et je n'ai toujours RIEN.",)
    assert found.judgments == ("C'est vraiment pas sérieux.",)
    assert sort_facts("It was late again. Totally unprofessional.", "en").judgments == ("Totally unprofessional.",)


def test_a_greeting_is_not_quoted_and_a_typed_request_reads_as_a_sentence() -> None:
    from companion.engine.reply_draft import _sentence

    assert quote_candidates("Bonjour, je ne comprends pas cette facture si élevée.", "vous")[0] == (
        "je ne comprends pas cette facture si élevée")
    assert _sentence("qu'on fasse le point demain") == "J'aimerais qu'on fasse le point demain."
    assert _sentence("to talk tomorrow") == "I'd like to talk tomorrow."


def test_the_warmer_variant_of_a_public_family_comment_is_not_intimate() -> None:
    received = "Dommage que la robe ne t'avantage pas, enfin l'essentiel c'est que tu sois contente 🙂"
    public = _draft(received, context="family", channel="public", variant="warm")
    private = _draft(received, context="family", channel="private", variant="warm")
    assert public.startswith("Je tiens à toi.") and "t'aime" not in public and len(public) <= PUBLIC_LIMIT
    assert private.startswith("Je t'aime")  # between the two of them, the family's own words
