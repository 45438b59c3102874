"""The production stack's files: docker-compose.yml validates, .env.example documents every setting."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from companion.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def _compose_command() -> list[str] | None:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True)
        if probe.returncode == 0:
            return ["docker", "compose"]
    return None


def test_env_example_documents_every_setting() -> None:
    documented = (ROOT / ".env.example").read_text("utf-8")
    missing = [f"COMPANION_{name.upper()}" for name in Settings.model_fields
               if f"COMPANION_{name.upper()}" not in documented]
    assert not missing, f".env.example does not document {missing}"


def test_compose_file_has_the_production_services() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    services = compose["services"]
    assert {"proxy", "bot-1", "bot-2", "postgres", "chroma", "llm"} <= set(services)
    for bot in ("bot-1", "bot-2"):
        assert services[bot]["command"] == ["companion", "webhook"]
        assert services[bot]["environment"]["COMPANION_DATABASE_URL"].startswith("postgresql://")
        assert "healthcheck" in services[bot]
    assert "healthcheck" in services["postgres"] and services["llm"]["profiles"] == ["llm"]
    assert "COMPANION_PUBLIC_HOST" in (ROOT / "deploy" / "Caddyfile").read_text("utf-8")


def test_docker_compose_config_validates(tmp_path: Path) -> None:
    command = _compose_command()
    if command is None:
        pytest.skip("neither docker-compose nor the compose plugin is installed (.ci/run installs it)")
    for name in ("docker-compose.yml", "Dockerfile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "deploy", tmp_path / "deploy")
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    result = subprocess.run([*command, "config"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    rendered = yaml.safe_load(result.stdout)
    assert rendered["services"]["bot-1"]["environment"]["COMPANION_CHROMA_HOST"] == "chroma"
    with_llm = subprocess.run([*command, "--profile", "llm", "config", "--services"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=60)
    assert with_llm.returncode == 0 and "llm" in with_llm.stdout.split()
