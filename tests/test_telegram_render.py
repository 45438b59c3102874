"""Telegram rendering: splitting, escaping and the callback codec."""

from __future__ import annotations

import contextlib
import html

from hypothesis import given
from hypothesis import strategies as st

from companion.channels.telegram.codec import MAX_BYTES, CallbackCodec
from companion.channels.telegram.render import (
    JOIN_LIMIT,
    MAX_MESSAGE,
    SHORT_REPLY,
    bubbles,
    escape_parts,
    keyboard,
    split_text,
)
from companion.engine import Choice, Image, Reply
from companion.engine.events import Document

CODEC = CallbackCodec(b"k" * 32)


@given(st.text(max_size=20_000))
def test_split_keeps_every_character_in_order(text: str) -> None:
    parts = split_text(text)
    assert all(len(p) <= MAX_MESSAGE for p in parts)
    assert "".join(parts).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


@given(st.text(alphabet=st.sampled_from("<>&ab \n"), max_size=30_000))
def test_escaped_parts_fit_and_unescape_to_the_text(text: str) -> None:
    parts = escape_parts(text)
    assert all(len(p) <= MAX_MESSAGE for p in parts)
    squeezed = "".join(html.unescape(p) for p in parts).replace(" ", "").replace("\n", "")
    assert squeezed == text.replace(" ", "").replace("\n", "")


@given(st.text(alphabet=st.characters(blacklist_characters="~"), max_size=40))
def test_codec_round_trip(value: str) -> None:
    try:
        data = CODEC.encode(value)
    except ValueError:  # too long once signed, or not encodable (lone surrogates)
        with contextlib.suppress(UnicodeEncodeError):
            assert len(value.encode()) > MAX_BYTES - 9
        return
    assert len(data.encode()) <= MAX_BYTES
    assert CODEC.decode(data) == value


@given(st.text(max_size=80))
def test_codec_rejects_forged_data(data: str) -> None:
    decoded = CODEC.decode(data)
    assert decoded is None or CODEC.encode(decoded) == data


def test_forged_surrogates_are_rejected() -> None:
    assert CODEC.decode("\ud800~abcdefgh") is None


def test_tampered_value_is_rejected() -> None:
    data = CODEC.encode("forget:no")
    forged = data.replace("forget:no", "forget:yes")
    assert CODEC.decode(forged) is None
    assert CallbackCodec(b"other" * 8).decode(data) is None


def test_keyboard_columns() -> None:
    reply = Reply("x", tuple(Choice(str(i), f"f:{i}") for i in range(5)), columns=2)
    markup = keyboard(reply, CODEC)
    assert markup is not None
    assert [len(row) for row in markup.inline_keyboard] == [2, 2, 1]
    assert keyboard(Reply("x"), CODEC) is None


MENU = Reply("Qu'est-ce qui te ferait du bien maintenant ?", (Choice("Journal", "menu:note"),))


def test_a_short_acknowledgement_and_the_next_question_are_one_message() -> None:
    merged = bubbles([Reply("C'est noté."), MENU])
    assert merged == [Reply("C'est noté.\n\nQu'est-ce qui te ferait du bien maintenant ?", MENU.choices)]


def test_several_short_texts_gather_in_order_until_a_reply_with_buttons() -> None:
    merged = bubbles([Reply("Un."), Reply("Deux."), MENU, Reply("Trois."), Reply("Quatre.")])
    assert [m.text for m in merged] == ["Un.\n\nDeux.\n\n" + MENU.text, "Trois.\n\nQuatre."]
    assert merged[0].choices == MENU.choices and merged[1].choices == ()


def test_what_keeps_its_own_message() -> None:
    long_text = Reply("x" * (SHORT_REPLY + 1))
    assert bubbles([long_text, MENU]) == [long_text, MENU]  # a long text is not an acknowledgement
    too_long = Reply("y" * (JOIN_LIMIT - 10), MENU.choices)
    assert bubbles([Reply("Bien reçu."), too_long]) == [Reply("Bien reçu."), too_long]
    draft = Reply("Quand j'ai lu ton message…", copy_text="Quand j'ai lu ton message…", copy_label="Copier")
    assert bubbles([Reply("Voici ton texte."), draft]) == [Reply("Voici ton texte."), draft]
    photo = Reply("Ton mois en couleurs", image=Image(b"png", "un graphique"))
    assert bubbles([Reply("Voilà."), photo]) == [Reply("Voilà."), photo]
    with_files = Reply("Tes données.", documents=(Document(b"{}", "data.json"),))
    assert bubbles([with_files, MENU]) == [with_files, MENU]  # the files go after their own text
    assert bubbles([MENU, Reply("Après le menu.")]) == [MENU, Reply("Après le menu.")]  # buttons end a message


@given(st.lists(st.builds(Reply, st.text(max_size=400),
                          st.lists(st.builds(Choice, st.text(max_size=5), st.text(max_size=5)),
                                   max_size=2).map(tuple)), max_size=6))
def test_bubbles_keep_every_text_and_button_in_order(replies: list[Reply]) -> None:
    merged = bubbles(replies)
    assert "\n\n".join(r.text for r in merged) == "\n\n".join(r.text for r in replies)
    assert [c for r in merged for c in r.choices] == [c for r in replies for c in r.choices]
    assert len(merged) <= len(replies)
