"""Layer rules: the engine and the analysis stay pure."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "companion"
FORBIDDEN = ("telegram", "sqlalchemy", "alembic", "langchain", "langchain_core", "chromadb")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ["engine", "analysis", "embedding"])
def test_pure_packages_import_no_adapter_library(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files
    for path in files:
        bad = _imports(path) & set(FORBIDDEN)
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_engine_imports_no_storage_or_channel_module() -> None:
    for path in sorted((ROOT / "engine").rglob("*.py")):
        source = path.read_text("utf-8")
        for layer in ("companion.storage", "companion.channels", "companion.bootstrap"):
            assert layer not in source, f"{path.name} reaches into {layer}"


def test_the_engine_gets_its_readings_through_a_port() -> None:
    """Importing the engine loads no analysis code, numpy, database, Telegram, Chroma or langchain."""
    code = ("import sys, companion.engine; "
            "print(sorted(m for m in ('numpy', 'sqlalchemy', 'telegram', 'chromadb', 'langchain', 'langchain_core', "
            "'companion.analysis') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert run.stdout.strip() == "[]"
    for path in sorted((ROOT / "engine").rglob("*.py")):
        assert "companion.analysis" not in path.read_text("utf-8").replace("``companion.analysis``", ""), path.name
