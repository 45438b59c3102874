"""A wheel built with ``pip wheel .`` runs ``companion ask`` and ``companion chat`` from outside the repository.

The wheel is installed alone (``--no-deps``) in a fresh virtualenv under a temporary folder; its dependencies
come from the environment running the tests, added to the virtualenv's path by a ``.pth`` file that sits after
the virtualenv's own site-packages, so ``companion`` is the wheel's copy and never the checkout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from companion.knowledge.documents import load_passages
from tests.support.reading import short_answers

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "comment réagir quand on m'insulte ?"
HEAVY = ("numpy", "sqlalchemy", "telegram", "chromadb", "langchain", "langchain_core")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The virtualenv's folder, with the wheel of this checkout installed in it."""
    scratch = tmp_path_factory.mktemp("wheel")
    source = scratch / "source"  # a copy, so the build leaves nothing in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "companion", source / "companion",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.so", "*.egg-info"))
    dist = scratch / "dist"
    _run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--quiet", "-w", str(dist)], scratch)
    wheels = sorted(dist.glob("compagnon-*.whl"))
    assert len(wheels) == 1, wheels
    venv = scratch / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], scratch)
    python = venv / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], scratch))
    (site / "zz_test_dependencies.pth").write_text(
        "\n".join(dict.fromkeys((sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]))) + "\n")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheels[0])],
         scratch)
    return venv


def _env(tmp: Path) -> dict[str, str]:
    """Offline settings: BM25 retrieval, no language model, a SQLite database in a temporary folder."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("COMPANION_") and key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(COMPANION_DATA_DIR=str(tmp / "data"), COMPANION_RETRIEVAL="bm25", COMPANION_LLM="none",
               PYTHONDONTWRITEBYTECODE="1")
    return env


def _run(command: list[str], cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, input=stdin, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{command[:4]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done.stdout.strip()


def test_the_installed_package_is_the_wheel_with_its_data(installed: Path, tmp_path: Path) -> None:
    code = ("import companion, companion.prompts as p, companion.knowledge.documents as d; "
            "print(companion.__file__); print(len(d.load_passages())); print(len(p.load_question_bank().by_lang))")
    where, passages, langs = _run([str(installed / "bin" / "python"), "-c", code], tmp_path, env=_env(tmp_path)
                                  ).splitlines()
    assert Path(where).is_relative_to(installed) and not Path(where).is_relative_to(ROOT)
    assert int(passages) == len(load_passages()) and int(langs) == 2


def test_ask_answers_from_the_knowledge_base(installed: Path, tmp_path: Path) -> None:
    out = _run([str(installed / "bin" / "companion"), "ask", QUESTION], tmp_path, env=_env(tmp_path))
    titles = {passage.title for passage in load_passages()}
    quoted = re.findall(r"«\s*(.+?)\s*»", out)
    assert any(title in titles for title in quoted), out
    assert "(Source\u00a0:" in out and "Pour aller plus loin" in out, out


def test_a_terminal_chat_greets_and_answers(installed: Path, tmp_path: Path) -> None:
    out = _run([str(installed / "bin" / "companion"), "chat"], tmp_path, stdin="/start\n1\nbonjour\n",
               env=_env(tmp_path))
    assert "Je suis un programme, pas un humain" in out
    assert "Merci. On y va" in out and any(said in out for said in short_answers("fr", "greeting"))
    assert (tmp_path / "data" / "companion.db").exists()


def test_importing_the_engine_loads_no_adapter_library(installed: Path, tmp_path: Path) -> None:
    code = f"import sys, companion.engine; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    assert _run([str(installed / "bin" / "python"), "-c", code], tmp_path, env=_env(tmp_path)) == "[]"
