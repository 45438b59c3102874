"""scripts/catalog_toml_to_ftl.py: TOML catalogs become Fluent messages, once, with a register selector."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "catalog_toml_to_ftl.py"
_spec = importlib.util.spec_from_file_location("catalog_toml_to_ftl", SCRIPT)
assert _spec is not None and _spec.loader is not None
converter = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(converter)

TOML = '''
[plan]
ask = "Tu veux en parler ? Écris : « {words} »."
"ask@vous" = "Vous voulez en parler ? Écrivez : « {words} »."
list = """Trois pistes :
[1] respirer
  - écrire"""
'''


def _render(ftl: Path, key: str, **values: object) -> str:
    bundle = FluentBundle(["fr"], use_isolating=False)
    bundle.add_resource(FluentResource(ftl.read_text("utf-8")))
    text, errors = bundle.format_pattern(bundle.get_message(key).value, values)
    assert not errors
    return text


def test_converts_once_with_register_and_french_typography(tmp_path: Path) -> None:
    toml = tmp_path / "fr" / "plan.toml"
    toml.parent.mkdir()
    toml.write_text(TOML, "utf-8")
    target, added = converter.convert(toml)
    assert target == tmp_path / "fr" / "plan.ftl" and added == 2
    before = target.read_text("utf-8")
    assert converter.convert(toml) == (target, 0) and target.read_text("utf-8") == before
    said = _render(target, "plan-ask", register="tu", words="stop")
    assert said == "Tu veux en parler\u202f? Écris\u00a0: «\u00a0stop\u00a0»."
    assert _render(target, "plan-ask", register="vous", words="stop").startswith("Vous voulez en parler\u202f?")
    assert _render(target, "plan-list") == "Trois pistes\u00a0:\n[1] respirer\n  - écrire"


def test_appends_only_new_keys(tmp_path: Path) -> None:
    toml = tmp_path / "fr" / "plan.toml"
    toml.parent.mkdir()
    toml.write_text('[plan]\nask = "Une."\n', "utf-8")
    target, _ = converter.convert(toml)
    target.write_text(target.read_text("utf-8").replace("Une.", "Une, retouchée à la main."), "utf-8")
    toml.write_text('[plan]\nask = "Une."\nmore = "Deux."\n', "utf-8")
    assert converter.convert(toml) == (target, 1)
    assert _render(target, "plan-ask") == "Une, retouchée à la main." and _render(target, "plan-more") == "Deux."
    assert converter.fluent_id("reply.guess.group-chat") == "reply-guess-group-chat"
