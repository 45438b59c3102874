"""Settings: defaults, and one clear line naming a malformed variable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from companion.config import SettingsError, load_settings


def test_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.telegram_token is None
    assert settings.telegram_base_url == "https://api.telegram.org/bot"
    assert settings.default_language == "fr"
    assert settings.resolved_database_url.startswith("sqlite:///")
    assert settings.resolved_database_url.endswith("data/companion.db")


def test_env_file_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("COMPANION_DEFAULT_LANGUAGE=en\n")
    assert load_settings().default_language == "en"


@pytest.mark.parametrize(
    ("variable", "value"),
    [("COMPANION_TELEGRAM_TOKEN", "not-a-token"), ("COMPANION_DEFAULT_LANGUAGE", "de"),
     ("COMPANION_TELEGRAM_BASE_URL", "ftp://x")],
)
def test_malformed_setting_names_the_variable(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=variable):
        load_settings()


def test_token_is_never_echoed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPANION_TELEGRAM_TOKEN", "secret-value-123")
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert "secret-value-123" not in str(error.value)


@pytest.mark.parametrize("command", [["migrate"], ["eval", "retrieval", "--queries", "queries.jsonl"]])
def test_cli_prints_one_line_not_a_traceback(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "queries.jsonl").write_text('{"text": "merci", "theme": "x"}\n', encoding="utf-8")
    env = {"COMPANION_DEFAULT_LANGUAGE": "klingon", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "companion.cli", *command], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "COMPANION_DEFAULT_LANGUAGE" in done.stderr and "Traceback" not in done.stderr
