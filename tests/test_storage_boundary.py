"""No SQL outside ``companion/storage``: no SQLAlchemy import, session, engine or connection anywhere else."""

from __future__ import annotations

import re
from pathlib import Path

import companion

PACKAGE = Path(companion.__file__).resolve().parent
STORAGE = PACKAGE / "storage"

FORBIDDEN = re.compile(
    r"^\s*(?:from|import)\s+sqlalchemy\b"  # the library itself
    r"|\bsessionmaker\b|\bSession\b"  # ORM sessions
    r"|\.session\b"  # a unit of work's session, reached into
    r"|\bstore\.engine\b"  # the store's engine, reached into
    r"|\bengine\.(?:begin|connect|raw_connection|dispose)\("  # a SQLAlchemy engine's connections
    r"|\bmake_engine\(",
    re.MULTILINE,
)


def violations(root: Path, exclude: Path | None = None) -> list[str]:
    """``path:line: text`` for every forbidden use under ``root`` (``exclude`` left out)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if exclude is not None and path.is_relative_to(exclude):
            continue
        source = path.read_text(encoding="utf-8")
        for match in FORBIDDEN.finditer(source):
            line = source.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(root)}:{line}: {match.group(0).strip()}")
    return found


def test_no_sqlalchemy_outside_storage() -> None:
    assert violations(PACKAGE, exclude=STORAGE) == []


def test_storage_itself_is_where_the_sql_is() -> None:
    # The scan sees SQLAlchemy where it is: were the pattern broken, this would find nothing.
    assert any("sqlalchemy" in v for v in violations(STORAGE))


def test_the_scan_finds_each_kind_of_violation(tmp_path: Path) -> None:
    bad = tmp_path / "pkg"
    (bad / "storage").mkdir(parents=True)
    (bad / "storage" / "ok.py").write_text("from sqlalchemy import select\n")
    (bad / "handler.py").write_text(
        "import sqlalchemy as sa\n"
        "from sqlalchemy.orm import Session\n"
        "def f(uow, store, services):\n"
        "    rows = claim(uow.session, 10)\n"
        "    with store.engine.connect() as c:\n"
        "        pass\n"
        "    make_engine('sqlite://')\n"
        "    services.store.engine.dispose()\n"
    )
    (bad / "prose.py").write_text('"""A reply session (one step at a time): session.press(x) is not SQL."""\n')
    found = violations(bad, exclude=bad / "storage")
    assert sorted({int(v.split(":")[1]) for v in found}) == [1, 2, 4, 5, 7, 8]  # not 3 and 6, nor the prose
    assert all(v.startswith("handler.py:") for v in found)
