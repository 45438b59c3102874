"""Answers a model might write that every guard lets through, in both languages."""

from __future__ import annotations

WARM_FR = ("Tu sembles tenir à rester sincère en ligne, même quand c'est difficile. "
           "Ce qui compte pour toi, c'est d'être entendu.")
WARM_EN = "It sounds like staying honest online matters to you, even when it is hard. You want to be heard as you are."
DRAFT_FR = ("Quand j'ai lu ton commentaire sous ma photo, je me suis senti triste. J'ai besoin de respect. "
            "Est-ce que tu pourrais m'en parler en privé ?")
DRAFT_EN = ("When I read your comment under my photo, I felt sad. I need respect. "
            "Could you tell me what you meant, in private?")
