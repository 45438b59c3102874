"""Where the shared evaluation sets live: ``../shared/eval`` beside the repository (present in CI)."""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"
EVAL = SHARED / "eval"


def dev_file(name: str) -> Path:
    """The path of one shared evaluation file; a failure, never a skip, when it is missing."""
    path = EVAL / name
    assert path.is_file(), (f"{path} is missing: the dev-set tests need ../shared/eval "
                            '(without it, run pytest -m "not devset")')
    return path
