"""Voice notes into text, offline: the Whisper base model (faster-whisper), assembled once from its packages."""

from companion.voice.model import MODEL_SHA256, ModelMissing, ensure_model
from companion.voice.transcriber import MAX_SECONDS, WhisperTranscriber

__all__ = ["MAX_SECONDS", "MODEL_SHA256", "ModelMissing", "WhisperTranscriber", "ensure_model"]
