"""``companion eval …`` and ``companion bench …``: figures on labelled data, and capacity measurements."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from companion.config import load_settings_or_exit
from companion.evals.bench_reading import bench_reading
from companion.evals.bench_reminders import bench_reminders
from companion.evals.bench_updates import bench_updates
from companion.evals.bench_voice import bench_voice

eval_app = typer.Typer(no_args_is_help=True, help="Measure Compagnon on labelled data.")
bench_app = typer.Typer(no_args_is_help=True, help="Measure Compagnon's capacity.")
bench_app.command("reminders")(bench_reminders)
bench_app.command("updates")(bench_updates)
bench_app.command("reading")(bench_reading)
bench_app.command("voice")(bench_voice)


@eval_app.command("retrieval")
def eval_retrieval(
    queries: Annotated[Path, typer.Option("--queries", exists=True, dir_okay=False, help="JSONL: text, theme.")],
) -> None:
    """Score retrieval; the last line is ``recall@1=… recall@3=… mrr=… p50_ms=… p95_ms=… n=…``."""
    from companion.bootstrap import build_knowledge, configure_logging
    from companion.evals.retrieval import evaluate_retrieval

    configure_logging("WARNING")
    knowledge = build_knowledge(load_settings_or_exit())
    rows = [json.loads(line) for line in queries.read_text("utf-8").splitlines() if line.strip()]
    scores = evaluate_retrieval(knowledge.retriever, rows)
    typer.echo(f"mode={knowledge.retriever.mode}")
    typer.echo(f"recall@1={scores['recall@1']:.3f} recall@3={scores['recall@3']:.3f} mrr={scores['mrr']:.3f} "
               f"p50_ms={scores['p50_ms']:.1f} p95_ms={scores['p95_ms']:.1f} n={scores['n']:.0f}")


@eval_app.command("tension")
def eval_tension(
    data: Annotated[Path, typer.Option("--data", exists=True, dir_okay=False, help="CSV: text, label (1 = toxic).")],
) -> None:
    """Score the reading's toxicity decision; the last line is ``accuracy=… precision=… recall=… f1=… p95_ms=… n=…``."""
    from companion.analysis.tension import evaluate_tension, read_labelled_csv

    reader = quiet_reader()
    typer.echo(f"reader={'rules+heads' if reader.learned else 'rules'}")
    scores = evaluate_tension(read_labelled_csv(data), lambda text: reader.read(text).tension.toxic_probability >= 0.5)
    typer.echo(f"accuracy={scores['accuracy']:.3f} precision={scores['precision']:.3f} recall={scores['recall']:.3f} "
               f"f1={scores['f1']:.3f} p95_ms={scores['p95_ms']:.1f} n={scores['n']:.0f}")


@eval_app.command("drafts")
def eval_drafts(
    scenarios: Annotated[Path, typer.Option("--scenarios", exists=True, dir_okay=False,
                                            help='JSONL: {"received", "user_draft", "lang", "context", "register", '
                                                 '"channel", "expect_protection"} (the last four optional).')],
) -> None:
    """Run scenarios through the reply session; one JSON per scenario, then the summary line ``n=… …``."""
    import json

    from companion.analysis.reader import build_reader
    from companion.engine import Engine
    from companion.evals.reply_batch import read_scenarios, run_batch, summary_line
    from companion.prompts import load_nvc_lists, load_question_bank

    engine = Engine(nvc=load_nvc_lists(), questions=load_question_bank(), reader=build_reader())
    rows = list(read_scenarios(scenarios))
    results = []
    for result in run_batch(engine, rows):
        results.append(result)
        typer.echo(json.dumps(result, ensure_ascii=False))
    typer.echo(summary_line(results, rows))


def quiet_reader():  # noqa: ANN201 - imported lazily to keep `--help` fast
    """The message reader, with warnings only in the logs."""
    from companion.analysis.reader import build_reader
    from companion.bootstrap import configure_logging

    configure_logging("WARNING")
    return build_reader()


def _read_rows(data: Path, need: str):  # noqa: ANN202
    from companion.evals.reading import read_jsonl, timed_readings

    reader = quiet_reader()
    typer.echo(f"reader={'rules+heads' if reader.learned else 'rules'}")
    rows = [row for row in read_jsonl(data) if need in row]
    reader.read("échauffement")
    timed = list(timed_readings(reader, rows))
    return [(row, reading) for row, reading, _ in timed], [ms for _, _, ms in timed]


def _figures(scores: dict[str, float]) -> str:
    return " ".join(f"{key}={value:.3f}" if isinstance(value, float) else f"{key}={value}"
                    for key, value in scores.items())


@eval_app.command("crisis")
def eval_crisis(
    data: Annotated[Path, typer.Option("--data", exists=True, dir_okay=False,
                                       help="JSONL: text, crisis (and tiers, see LABELS.md).")],
) -> None:
    """Score crisis screening; the last line gives the tier figures, and ``recall=… precision=…`` of crisis+checkin."""
    from companion.evals.reading import crisis_figures

    pairs, _ = _read_rows(data, "crisis")
    tp = sum(1 for row, r in pairs if row["crisis"] and r.crisis.concerning)
    fp = sum(1 for row, r in pairs if not row["crisis"] and r.crisis.concerning)
    fn = sum(1 for row, r in pairs if row["crisis"] and not r.crisis.concerning)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    typer.echo(f"tp={tp} fp={fp} fn={fn} tn={len(pairs) - tp - fp - fn}")
    typer.echo(f"recall={recall:.3f} precision={precision:.3f}")
    typer.echo(_figures(crisis_figures(pairs)))


@eval_app.command("intent")
def eval_intent(
    data: Annotated[Path, typer.Option("--data", exists=True, dir_okay=False, help="JSONL: text, intent.")],
) -> None:
    """Score the intent outside flows; confusions, then ``n=… accuracy=…``."""
    from companion.evals.reading import intent_figures

    pairs, _ = _read_rows(data, "intent")
    scores, confusions = intent_figures(pairs)
    for (label, predicted), count in confusions.most_common():
        typer.echo(f"  {label} -> {predicted}: {count}")
    typer.echo(_figures(scores))


@eval_app.command("levels")
def eval_levels(
    data: Annotated[Path, typer.Option("--data", exists=True, dir_okay=False,
                                       help="JSONL: text, level, protection, markers.")],
) -> None:
    """Score tension levels and protection (LABELS.md); the last line gives the figures."""
    from companion.evals.reading import level_figures, percentile

    pairs, times = _read_rows(data, "level")
    typer.echo(_figures(level_figures(pairs)) + f" p95_ms={percentile(times, 95):.1f}")


@eval_app.command("feelings")
def eval_feelings(
    data: Annotated[Path, typer.Option("--data", exists=True, dir_okay=False, help="JSONL: text, feelings, not.")],
) -> None:
    """Score feelings read from free text; the last line gives the figures."""
    from companion.evals.reading import feeling_figures

    pairs, _ = _read_rows(data, "feelings")
    typer.echo(_figures(feeling_figures(pairs)))
