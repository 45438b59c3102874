"""Turn TOML message catalogs into Fluent (``.ftl``) files, incrementally and idempotently.

``locales/<lang>.toml`` goes to ``locales/<lang>/main.ftl`` and ``locales/<lang>/<part>.toml`` to
``locales/<lang>/<part>.ftl``. A dotted key becomes a Fluent id (``reply.offer`` → ``reply-offer``); a key and
its ``"key@vous"`` variant become one message with a register selector. Only the ids not already in the target
file are appended, so running it twice changes nothing; every appended message is rendered back and compared
with the TOML before anything is written. French text gets its typography on the way (a narrow no-break space
before ? ! ;, a no-break space before : and inside « »). Once converted, the TOML file can be deleted.

Usage: ``python scripts/catalog_toml_to_ftl.py companion/engine/locales/fr/reply.toml [...]``
(no argument: every TOML file under ``companion/engine/locales``).
"""

from __future__ import annotations

import re
import string
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's companion, not an installed one
from companion.engine.text import french_typography  # noqa: E402

FORMAL_SUFFIX = "@vous"
LOCALES = Path(__file__).resolve().parent.parent / "companion" / "engine" / "locales"
_ID = re.compile(r"^([a-zA-Z][a-zA-Z0-9_-]*) *=", re.MULTILINE)
_SPECIAL_START = ("[", "*", ".")


def fluent_id(key: str) -> str:
    """The Fluent id of a dotted catalog key."""
    return key.replace(".", "-")


def flatten(table: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    """``{"a": {"b": "x"}}`` → ``{"a.b": "x"}``."""
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


def _literal(text: str) -> str:
    """A Fluent string literal for characters that cannot stand as plain text."""
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04X}" for c in text)
    return '{"' + escaped + '"}'


def pattern(template: str, indent: str) -> str:
    """A Python ``str.format`` template as a Fluent pattern; continuation lines start with ``indent``."""
    parts: list[str] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(literal.replace("{", "\x00").replace("}", "\x01"))
        if name is not None:
            if spec or conversion or not name.isidentifier():
                raise ValueError(f"unsupported placeholder {{{name}}} in {template!r}")
            parts.append("{ $" + name + " }")
    text = "".join(parts).replace("\x00", '{"{"}').replace("\x01", '{"}"}')
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    body = text.strip()
    head = _literal(text[:lead]) if lead else ""
    tail = _literal(text[len(text) - trail:]) if trail else ""
    if not body:
        return _literal(text) if text else '{""}'
    lines = body.split("\n")
    out = [head + lines[0]]
    for line in lines[1:]:
        if not line.strip():
            out.append("")
            continue
        stripped = line.lstrip(" ")
        pad = line[: len(line) - len(stripped)]
        if pad:  # a line's own indentation survives Fluent's dedent only as a literal
            stripped = _literal(pad) + stripped
        elif stripped.startswith(_SPECIAL_START):
            stripped = _literal(stripped[0]) + stripped[1:]
        out.append(indent + stripped)
    if out[0].startswith(_SPECIAL_START) or out[0].startswith(" "):
        out[0] = _literal(out[0][0]) + out[0][1:]
    return "\n".join(out) + tail


def message(key: str, tu: str, vous: str | None) -> str:
    """One Fluent message: plain, or with a ``$register`` selector when a *vous* variant exists."""
    name = fluent_id(key)
    if vous is None or vous == tu:
        return f"{name} = {pattern(tu, '    ')}\n"
    return (f"{name} =\n    {{ $register ->\n        [vous] {pattern(vous, '            ')}\n"
            f"       *[tu] {pattern(tu, '            ')}\n    }}\n")


def target_of(toml: Path) -> Path:
    """Where the messages of ``toml`` go."""
    if toml.parent.name in ("fr", "en"):
        return toml.with_suffix(".ftl")
    return toml.parent / toml.stem / "main.ftl"


def existing_ids(ftl: Path) -> set[str]:
    """Ids already defined in ``ftl`` (none when it does not exist)."""
    return set(_ID.findall(ftl.read_text("utf-8"))) if ftl.exists() else set()


def _check(source: str, lang: str, flat: dict[str, str]) -> None:
    bundle = FluentBundle([lang], use_isolating=False)
    bundle.add_resource(FluentResource(source))
    for key, template in flat.items():
        base = key.removesuffix(FORMAL_SUFFIX)
        names = {n for _, n, _, _ in string.Formatter().parse(template) if n}
        values: dict[str, object] = {n: f"<{n}>" for n in names}
        values["register"] = "vous" if key.endswith(FORMAL_SUFFIX) else "tu"
        got, errors = bundle.format_pattern(bundle.get_message(fluent_id(base)).value, values)
        want = template.format(**{n: f"<{n}>" for n in names})
        want = french_typography(want) if lang == "fr" else want
        if errors or got != want:
            raise ValueError(f"{key}: {got!r} != {want!r} ({errors})")


def convert(toml: Path) -> tuple[Path, int]:
    """Append the messages of ``toml`` missing from its ``.ftl``; return the file and how many were added."""
    flat = flatten(tomllib.loads(toml.read_text("utf-8")))
    target = target_of(toml)
    have = existing_ids(target)
    added = []
    for key, tu in flat.items():
        if key.endswith(FORMAL_SUFFIX):
            continue
        if fluent_id(key) in have:
            continue
        vous = flat.get(key + FORMAL_SUFFIX)
        if target.parent.name == "fr":
            tu, vous = french_typography(tu), (french_typography(vous) if vous is not None else None)
        added.append((key, message(key, tu, vous)))
    orphans = [k for k in flat if k.endswith(FORMAL_SUFFIX) and k.removesuffix(FORMAL_SUFFIX) not in flat]
    if orphans:
        raise ValueError(f"{toml}: a @vous variant without its key: {orphans[:3]}")
    if not added:
        return target, 0
    source = "".join(text for _, text in added)
    wanted = {k: v for k, v in flat.items() if fluent_id(k.removesuffix(FORMAL_SUFFIX)) not in have}
    _check(source, target.parent.name, wanted)
    target.parent.mkdir(parents=True, exist_ok=True)
    previous = target.read_text("utf-8") if target.exists() else ""
    joiner = "" if not previous or previous.endswith("\n\n") else ("\n" if previous.endswith("\n") else "\n\n")
    target.write_text(previous + joiner + source, "utf-8")
    return target, len(added)


def main(argv: list[str]) -> int:
    """Convert the files given, or every TOML catalog."""
    files = [Path(a) for a in argv] or sorted(LOCALES.glob("*.toml")) + sorted(LOCALES.glob("*/*.toml"))
    for toml in files:
        target, count = convert(toml)
        print(f"{toml} → {target}: {count} new messages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
