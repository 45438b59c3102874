"""The analysis's data files: rules, word lists, helplines and the learned heads."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def load_toml(name: str) -> dict[str, Any]:
    """The parsed TOML file ``name`` of this folder (shipped as package data)."""
    return tomllib.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))
