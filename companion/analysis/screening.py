"""Crisis screening as the engine uses it: the explainable rules first, then the learned model."""

from __future__ import annotations

import re

from companion.analysis.crisis import CrisisSignal, normalize, screen
from companion.analysis.crisis_model import CrisisModel, load_crisis_model

MODEL_CUE = "model.semantic"

# Word starts (on normalised text) that let the learned model speak. Strong cues name death, means, injury,
# threats or blackmail; weak cues are everyday words that also carry indirect farewells and plans ("partir",
# "dernière fois", "j'ai tout donné"), so the model must be surer of itself there. Messages with no cue at all
# ("merci", "je vais me coucher") never reach the model, which was not trained for them.
_STRONG_STEMS = (
    "mour",
    "mort",
    "crev",
    "vivr",
    "en finir",
    "suicid",
    "tuer",
    "dispara",
    "adieu",
    "enterr",
    "testament",
    "funer",
    "overdos",
    "cachet",
    "medoc",
    "pilule",
    "doliprane",
    "paracetamol",
    "corde",
    "pendre",
    "noy",
    "veine",
    "lame",
    "cutter",
    "rasoir",
    "sang",
    "saign",
    "scarif",
    "rechut",
    "mutil",
    "cicatri",
    "menac",
    "nude",
    "chantage",
    "traceur",
    "couteau",
    "etrangl",
    "viol",
    "fardeau",
    "souffr",
    "die",
    "dead",
    "death",
    "kill",
    "end it",
    "end my",
    "goodbye",
    "pill",
    "rope",
    "hang",
    "blade",
    "razor",
    "blood",
    "bleed",
    "relapse",
    "threat",
    "tracker",
    "knife",
    "gun",
    "chok",
    "rape",
    "burden",
    "better off",
)
_WEAK_STEMS = (
    "vie\\b",
    "finir",
    "tue\\b",
    "partir",
    "plus la\\b",
    "encore la\\b",
    "plus ici",
    "essai",
    "accident",
    "au revoir",
    "dernier",
    "derniere",
    "lettre",
    "pardon",
    "besoin",
    "prevu",
    "decid",
    "courage",
    "donne",
    "rendu",
    "range",
    "poids",
    "dose",
    "medic",
    "pont",
    "saut",
    "fenetre",
    "etage",
    "train",
    "rail",
    "autoroute",
    "coup",
    "brul",
    "briquet",
    "clean",
    "frapp",
    "cogn",
    "bless",
    "arrache",
    "ongle",
    "mord",
    "photo",
    "video",
    "intime",
    "pay",
    "argent",
    "suivi",
    "suit\\b",
    "chez moi",
    "adresse",
    "arme",
    "cou\\b",
    "enferm",
    "cle\\b",
    "peur",
    "police",
    "secours",
    "bye",
    "last",
    "sorry",
    "jump",
    "bridge",
    "window",
    "floor",
    "cut",
    "burn",
    "scar",
    "hurt",
    "punch",
    "bruise",
    "hit",
    "pics",
    "leak",
    "follow",
    "lock",
    "plan",
    "ready",
    "wake up",
    "exist",
    "gone",
)
# Trips, commutes and moves (patterns on normalised text: no accents, doubled letters made single): with one
# of these, a weak cue ("partir", "train", "leave", "prêt") is about travel, not a farewell, so it does not count
# and the model is not asked (it flagged "je vais partir en vacances"). Strong cues still always reach the model.
_EVERYDAY_TRIP = re.compile(
    r"\b(?:vacances|week ?end|voyag|valise|bagage|gare|tgv|billet|aeroport|avion|vol\b|camping|rando|demenag"
    r"|en train de|correspondance|holiday|vacation|trip\b|travel|airport|flight|luggage|suitcase|commute"
    r"|moving to|move to|weekend|quelques jours|partir (?:vivre|habiter|etudier|travailler)"
    r"|(?:prendre|pris|prends|rate|descend\w*|monte\w*|dans) (?:le|du) train|train (?:de|of) \d|pour le train"
    r"|(?:catch|take|took|mised|of|on|for) the (?:\d\w* )?train|train (?:station|ticket))"
)
# Above this risk the model is trusted on a weak cue alone (the strong-cue threshold ships with the model).
WEAK_CUE_THRESHOLD = 0.78


def _stem_pattern(stem: str) -> str:
    """A stem as messages are normalised (doubled letters collapsed…), keeping a trailing word boundary."""
    bounded = stem.endswith("\\b")
    return re.escape(normalize(stem.removesuffix("\\b"))) + ("\\b" if bounded else "")


def _cue_regex(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_stem_pattern(stem) for stem in stems) + ")")


_STRONG_CUE = _cue_regex(_STRONG_STEMS)
_WEAK_CUE = _cue_regex(_WEAK_STEMS)


def risk_cue(text: str) -> str | None:
    """``"strong"``, ``"weak"`` or None: how close the message comes to the domain of a crisis.

    A weak cue in a message about a trip ("je pars en vacances", "pour le train") is no cue at all.
    """
    plain = normalize(text)
    if _STRONG_CUE.search(plain):
        return "strong"
    return "weak" if _WEAK_CUE.search(plain) and not _EVERYDAY_TRIP.search(plain) else None


def has_risk_cue(text: str) -> bool:
    """True when the message touches the domain where the learned model may flag a crisis."""
    return risk_cue(text) is not None


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
        cue = risk_cue(text) if text else None
        if signal.is_crisis or cue is None or self.model is None:
            return signal
        is_crisis, kind, risk = self.model.predict(text)
        if is_crisis and (cue == "strong" or risk >= WEAK_CUE_THRESHOLD):
            return CrisisSignal(True, kind, (*signal.cues, MODEL_CUE))
        return signal
