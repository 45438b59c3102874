"""Over HTTP (webhook, fake Telegram): /cancel then /reprendre, /note <text>, aliases, the short menu, /plan."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.telegram import buttons, texts
from tests.support.webhook import webhook_bot

USER = 820


async def test_navigation_and_plan_over_http(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(USER)
        question = await bot.turn(USER, "/plan")
        assert "(1/6)" in texts(question) and [b["text"] for b in buttons(question[-1])] == ["Passer",
                                                                                            "On s'arrête là"]
        await bot.turn(USER, "Je ne dors plus")
        cancelled = await bot.turn(USER, "/annuler")
        assert "Ce que tu as déjà écrit est gardé\u00a0: /reprendre" in texts(cancelled)
        menu = [b["text"] for b in buttons(cancelled[-1])]
        assert menu[0] == "Reprendre où j'en étais" and menu[-1] == "Plus…" and len(menu) <= 7
        resumed = await bot.turn(USER, "/reprendre")
        assert "On reprend où on en était" in texts(resumed) and "(2/6)" in texts(resumed)
        stopped = await bot.click(USER, resumed[-1], 1)  # "On s'arrête là": what was written is kept
        assert "Mes signes d'alerte\u00a0: Je ne dors plus" in texts(stopped)

        noted = await bot.turn(USER, "/note j'ai bloqué le troll")
        assert "C'est dans ton journal. Tu as écrit\u00a0: «\u00a0j'ai bloqué le troll\u00a0»" in texts(noted)
        assert "Colle ici le message" in texts(await bot.turn(USER, "/repondr"))
        assert "Je ne connais pas cette commande" in texts(await bot.turn(USER, "/zzzqqq"))

        seq = bot.api.last_seq()
        await bot.turn(USER, "/mesdonnees")
        documents = [c for c in bot.api.calls("sendDocument", chat_id=USER, since_seq=seq) if c["ok"]]
        exported = [bot.api.file_bytes(c["params"]["document"]["file_id"]) for c in documents]
        tables = next(json.loads(d) for d in exported if d.startswith(b"{"))["tables"]
        assert tables["safety_plans"][0]["parts"] == {"signs": "Je ne dors plus"}
        assert bot.errors == []
