"""Listening in the terminal channel, with the learned reader: venting, thanks, the bot itself, an off-topic
request, then a crisis message inside a journey, care, and /reprendre at the same question."""

from __future__ import annotations

from pathlib import Path

from tests.support.processes import run_chat
from tests.support.reading import short_answers

PASSAGE = ("Source :", "Pour aller plus loin", "Un passage qui en parle", "To go further", "A passage about this")


def after(out: str, marker: str) -> str:
    """What the bot printed after ``marker`` (the last time it printed it)."""
    return out[out.rindex(marker) + len(marker):]


def test_a_french_walk_listens_cares_and_resumes_the_journey(tmp_path: Path) -> None:
    lines = ["/start", "1", "personne me répond sur insta, tout le monde s'en fout de moi", "merci",
             "t'es un robot ?", "tu connais une bonne recette de crêpes ?", "/personnage", "1",
             "j'étais le clown de la classe", "1", "je veux plus vivre",
             "merci. ça va aller, je voulais juste en parler",
             "personne me répond sur insta, tout le monde s'en fout de moi", "/reprendre"]
    out = run_chat(tmp_path, "\n".join(lines) + "\n")
    talk = out[out.index("Merci. On y va"):out.index("«\u00a0Mon personnage\u00a0»")]
    assert "«\u00a0tout le monde s'en fout de moi\u00a0»\u00a0: ça a l'air de te peser." in talk
    assert "[2] Le garder dans mon journal" in talk
    assert any(said in talk for said in short_answers("fr", "thanks"))
    assert "programme, pas un humain" in talk and "pas le bon compagnon" in talk
    assert not any(marker in talk for marker in PASSAGE)
    question = out[out.index("(2/7)"):].split("\n")[0]
    care = after(out, "/reprendre quand tu veux.")
    assert "3114" in out[:out.index("/reprendre quand tu veux.")]
    assert "Tu as bien fait d'en parler" in care and "[1] Revoir les numéros d'écoute" in care
    assert "«\u00a0tout le monde s'en fout de moi\u00a0»" in care
    assert "(3/7)" not in care and not any(marker in care.split("On reprend")[0] for marker in PASSAGE)
    assert after(care, "On reprend où on en était.").strip().startswith(question)


def test_an_english_walk_listens_cares_and_resumes_the_journey(tmp_path: Path) -> None:
    lines = ["/start", "1", "nobody answers me on insta, no one cares about me", "thanks", "are you a bot?",
             "do you know a good pancake recipe?", "/character", "1", "I was the class clown", "1", "I want to die",
             "thanks, I'll be ok, I just needed to say it", "/resume"]
    out = run_chat(tmp_path, "\n".join(lines) + "\n", "--lang", "en")
    talk = out[out.index("Let's go, at your own pace"):out.index("\"My character\": a short trip")]
    assert "“no one cares about me”: that sounds like a lot to carry." in talk
    assert any(said in talk for said in short_answers("en", "thanks"))
    assert "program, not a person" in talk and "not really my area" in talk
    assert not any(marker in talk for marker in PASSAGE)
    question = out[out.index("(2/7)"):].split("\n")[0]
    care = after(out, "/resume whenever you like.")
    assert "You did well to talk about it" in care and "[1] Show the helplines again" in care
    assert after(care, "Let's pick up where we were.").strip().startswith(question)
