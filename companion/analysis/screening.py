"""Crisis screening as the engine uses it: the explainable rules first, then the learned model."""

from __future__ import annotations

import re

from companion.analysis.crisis import CrisisSignal, normalize, screen
from companion.analysis.crisis_model import CrisisModel, load_crisis_model

MODEL_CUE = "model.semantic"

# Word starts (on accent-free, lower-case text) that put a message in the domain where the model may speak:
# death and dying, means and methods, self-injury, farewells and plans, threats, images and blackmail,
# violence and confinement. Broad on purpose: it only keeps everyday messages ("merci", "je vais me
# coucher") away from a model that was never meant for them.
_RISK_STEMS = (
    # death, dying, disappearing (fr)
    "mour",
    "mort",
    "crev",
    "vivre",
    "vie\\b",
    "en finir",
    "finir",
    "suicid",
    "tuer",
    "tue\\b",
    "dispara",
    "partir pour",
    "plus la\\b",
    "plus ici",
    # farewells, last wishes, plans (fr)
    "adieu",
    "au revoir",
    "dernier",
    "derniere",
    "lettre",
    "pardon",
    "enterr",
    "testament",
    "funer",
    "besoin",
    "prevu",
    "decid",
    "courage",
    "donne",
    "rendu",
    "range",
    "poids",
    "fardeau",
    # means and methods (fr)
    "dose",
    "overdos",
    "cachet",
    "medoc",
    "medic",
    "pilule",
    "doliprane",
    "paracetamol",
    "corde",
    "pendre",
    "pont",
    "saut",
    "fenetre",
    "etage",
    "train",
    "rail",
    "autoroute",
    "noy",
    # self-injury (fr)
    "veine",
    "lame",
    "coup",
    "cutter",
    "rasoir",
    "sang",
    "saign",
    "brul",
    "briquet",
    "cicatri",
    "scarif",
    "rechut",
    "clean",
    "mutil",
    "frapp",
    "cogn",
    "bless",
    "arrache",
    "ongle",
    "mord",
    # threats, blackmail, stalking, violence (fr)
    "menac",
    "nude",
    "photo",
    "video",
    "intime",
    "chantage",
    "pay",
    "argent",
    "traceur",
    "suivi",
    "suit\\b",
    "chez moi",
    "adresse",
    "couteau",
    "arme",
    "etrangl",
    "cou\\b",
    "enferm",
    "cle\\b",
    "viol",
    "peur",
    "police",
    "secours",
    # english
    "die",
    "dead",
    "death",
    "kill",
    "end it",
    "end my",
    "goodbye",
    "bye",
    "last",
    "sorry",
    "pill",
    "rope",
    "hang",
    "bridge",
    "jump",
    "window",
    "floor",
    "cut",
    "blade",
    "razor",
    "blood",
    "bleed",
    "burn",
    "scar",
    "relapse",
    "hurt",
    "punch",
    "bruise",
    "hit",
    "threat",
    "pics",
    "leak",
    "tracker",
    "follow",
    "outside",
    "knife",
    "gun",
    "chok",
    "lock",
    "rape",
    "burden",
    "better off",
    "plan",
    "ready",
    "wake up",
    "exist",
    "gone",
)
_RISK_CUE = re.compile(r"\b(?:" + "|".join(_RISK_STEMS) + ")")


def has_risk_cue(text: str) -> bool:
    """True when the message touches the domain where the learned model may flag a crisis."""
    return bool(_RISK_CUE.search(normalize(text)))


class CrisisScreen:
    """Rules OR model: a message is a crisis when either says so (missing a crisis is the worst failure)."""

    def __init__(self, model: CrisisModel | None = None, *, use_model: bool = True) -> None:
        self._model = model
        self._use_model = use_model

    @property
    def model(self) -> CrisisModel | None:
        """The learned model, loaded on first use."""
        if self._model is None and self._use_model:
            self._model = load_crisis_model()
            self._use_model = self._model is not None
        return self._model

    def __call__(self, text: str) -> CrisisSignal:
        """Screen one message."""
        signal = screen(text)
        if signal.is_crisis or not text or not has_risk_cue(text) or self.model is None:
            return signal
        is_crisis, kind, _ = self.model.predict(text)
        if is_crisis:
            return CrisisSignal(True, kind, (*signal.cues, MODEL_CUE))
        return signal
