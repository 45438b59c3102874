"""Everyday chat spellings rewritten to plain words before searching (jsuis → je suis, pk → pourquoi…)."""

from __future__ import annotations

import re

# Whole-word rewrites, matched case-insensitively. Kept small and general: spellings, not topics.
_FRENCH = {
    "jsuis": "je suis",
    "chui": "je suis",
    "chuis": "je suis",
    "jsui": "je suis",
    "jss": "je suis",
    "jsp": "je sais pas",
    "jsais": "je sais",
    "jpeux": "je peux",
    "jveux": "je veux",
    "jvais": "je vais",
    "jfais": "je fais",
    "jcrois": "je crois",
    "jpense": "je pense",
    "jme": "je me",
    "jte": "je te",
    "jpp": "j'en peux plus",
    "jai": "j'ai",
    "g": "j'ai",
    "c": "c'est",
    "ct": "c'était",
    "cé": "c'est",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "pcq": "parce que",
    "pck": "parce que",
    "psk": "parce que",
    "paske": "parce que",
    "qqn": "quelqu'un",
    "qqch": "quelque chose",
    "bcp": "beaucoup",
    "tjrs": "toujours",
    "tjr": "toujours",
    "jms": "jamais",
    "mm": "même",
    "tt": "tout",
    "ts": "tous",
    "dc": "donc",
    "ds": "dans",
    "pr": "pour",
    "vrmt": "vraiment",
    "vraimen": "vraiment",
    "tkt": "t'inquiète",
    "stp": "s'il te plaît",
    "svp": "s'il vous plaît",
    "msg": "message",
    "msgs": "messages",
    "nn": "non",
    "ouais": "oui",
    "ui": "oui",
    "koi": "quoi",
    "kan": "quand",
    "kom": "comme",
    "komen": "comment",
    "cmt": "comment",
    "slt": "salut",
    "insta": "instagram",
    "fb": "facebook",
    "yt": "youtube",
    "snap": "snapchat",
    "algo": "algorithme",
    "algos": "algorithmes",
    "gosse": "enfant",
    "gosses": "enfants",
    "ado": "adolescent",
    "ados": "adolescents",
    "tel": "téléphone",
    "portable": "téléphone",
    "notifs": "notifications",
    "notif": "notification",
}
_ENGLISH = {
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "cant": "can not",
    "wont": "will not",
    "idk": "i do not know",
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "tbh": "to be honest",
    "ngl": "not gonna lie",
    "rn": "right now",
    "irl": "in real life",
    "dm": "message",
    "dms": "messages",
    "ppl": "people",
    "smth": "something",
    "sth": "something",
    "insta": "instagram",
    "fb": "facebook",
    "yt": "youtube",
    "notifs": "notifications",
    "kid": "child",
    "algo": "algorithm",
    "algos": "algorithms",
    "kids": "children",
    "mum": "mother",
    "mom": "mother",
    "dad": "father",
}
_FILLERS = {"wsh", "wesh", "mdr", "ptdr", "lol", "xd", "jpp", "omg", "bref", "genre"}
_WORD = re.compile(r"[\w']+", re.UNICODE)


def expand(text: str, lang: str) -> str:
    """``text`` with chat spellings written out and pure fillers dropped."""
    table = _FRENCH if lang == "fr" else _ENGLISH

    def rewrite(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower().replace("'", "")
        if lower in _FILLERS and lower != "jpp":
            return ""
        return table.get(lower, word)

    return _WORD.sub(rewrite, text)
