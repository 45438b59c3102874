"""Over HTTP (webhook, fake Telegram, the learned reader): closings without a passage, venting reflected with an
offer, a crisis inside a journey, "merci ça va aller" met warmly, and the journey resumed at the same question."""

from __future__ import annotations

from pathlib import Path

from tests.support.telegram import buttons, texts
from tests.support.webhook import webhook_bot

USER = 821
PASSAGE = ("Source", "Pour aller plus loin", "Un passage qui en parle")


async def test_listening_care_and_resume_over_http(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(USER)

        for closing in ("merci", "ok", "mdr", "à demain"):
            said = texts(await bot.turn(USER, closing))
            assert said and not any(marker in said for marker in PASSAGE), (closing, said)

        vent = await bot.turn(USER, "personne me répond sur insta, tout le monde s'en fout de moi")
        said = texts(vent)
        assert "«\u00a0tout le monde s'en fout de moi\u00a0»" in said and said.count("?") + said.count("\u202f?") >= 1
        offers = [b["callback_data"].split("~")[0] for m in vent for b in buttons(m)]  # data is signed: "value~mac"
        assert "menu:reply" in offers and "menu:note" in offers
        assert not any(marker in said for marker in PASSAGE)

        intro = await bot.turn(USER, "/personnage")
        first = await bot.click(USER, intro[-1], 0)  # "C'est parti"
        assert "(1/7)" in texts(first)
        answered = await bot.turn(USER, "J'étais le clown de la classe, je faisais rire tout le monde")
        question = texts(await bot.click(USER, answered[-1], 0))  # "Question suivante"
        assert "(2/7)" in question

        crisis = texts(await bot.turn(USER, "je veux plus vivre"))
        assert "3114" in crisis and "/reprendre" in crisis
        care = await bot.turn(USER, "merci ça va aller, je voulais juste en parler")
        said = texts(care)
        assert "Tu as bien fait d'en parler" in said and not any(marker in said for marker in PASSAGE)
        assert any(b["callback_data"].startswith("care:lines") for m in care for b in buttons(m))

        resumed = texts(await bot.turn(USER, "/reprendre"))
        assert "On reprend où on en était" in resumed
        assert question.split("\n")[0] in resumed  # the same question, where the journey was
        assert bot.errors == []
