"""Crisis screening as the engine uses it: the explainable rules first, then the learned model."""

from __future__ import annotations

from companion.analysis.crisis import CrisisSignal, screen
from companion.analysis.crisis_model import CrisisModel, load_crisis_model

MODEL_CUE = "model.semantic"


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
        if signal.is_crisis or not text or not text.strip() or self.model is None:
            return signal
        is_crisis, kind, _ = self.model.predict(text)
        if is_crisis:
            return CrisisSignal(True, kind, (*signal.cues, MODEL_CUE))
        return signal
