"""Telegram rendering: splitting, escaping and the callback codec."""

from __future__ import annotations

import contextlib
import html

from hypothesis import given
from hypothesis import strategies as st

from companion.channels.telegram.codec import MAX_BYTES, CallbackCodec
from companion.channels.telegram.render import MAX_MESSAGE, escape_parts, keyboard, split_text
from companion.engine import Choice, Reply

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
