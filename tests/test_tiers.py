"""The tier table itself: every test module has a tier, and every entry names a module and a test that exist."""

from __future__ import annotations

import ast
import socket
import subprocess
from pathlib import Path

import hypothesis
import pytest

from tests.support import devset
from tests.support.tiers import DEVSET, LEVELS, TIERS, tier_of

TESTS = Path(__file__).resolve().parent


def _test_names(module: str) -> set[str]:
    tree = ast.parse((TESTS / module).read_text(encoding="utf-8"))
    return {node.name for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_")}


def test_every_test_module_has_one_tier() -> None:
    modules = {path.name for path in TESTS.glob("test_*.py")}
    assert modules - set(TIERS) == set()
    assert {tier_of(module, "any") for module in modules} <= set(LEVELS)


@pytest.mark.parametrize("entry", sorted(set(TIERS) | DEVSET))
def test_every_entry_names_a_module_and_test_that_exist(entry: str) -> None:
    module, _, name = entry.partition("::")
    assert (TESTS / module).is_file(), entry
    assert not name or name in _test_names(module), entry
    assert TIERS.get(entry, TIERS[module]) in LEVELS


def test_a_test_of_its_own_keeps_its_module_tier_and_an_exception_wins() -> None:
    assert tier_of("test_terminal.py", "test_render_numbers_choices") == "unit"
    assert tier_of("test_terminal.py", "test_printf_start_consent_and_talk") == "integration"
    assert tier_of("test_not_listed.py", "test_x") is None


def test_a_unit_test_starts_no_process_and_opens_no_connection() -> None:
    with pytest.raises(AssertionError, match="is a unit test"):
        subprocess.run(["true"], check=False)
    with pytest.raises(AssertionError, match="is a unit test"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def test_a_missing_dev_set_fails_and_says_how_to_leave_it_out(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(devset, "EVAL", tmp_path)
    with pytest.raises(AssertionError, match='-m "not devset"'):
        devset.dev_file("crisis_dev.jsonl")


def test_hypothesis_asserts_no_duration() -> None:
    assert hypothesis.settings().deadline is None
    assert hypothesis.HealthCheck.too_slow in hypothesis.settings().suppress_health_check
