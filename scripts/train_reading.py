"""Train the heads of the message reading (companion/analysis/data/reading_heads.npz) and print honest figures.

    .venv/bin/pip install -e ".[train]"    # scikit-learn, for training only; the shipped heads need numpy alone
    .venv/bin/python scripts/train_reading.py
    .venv/bin/python scripts/train_reading.py --only jab   # retrain one head, keep the others as shipped

Training data (see scripts/data/SOURCES.md): sentences we wrote (scripts/data/*.jsonl and
scripts/data/written/*.jsonl) and the public French toxicity sets in ../shared/eval/toxicity/ (read in place).
Never trained on: ../shared/eval/*_dev.jsonl (the development sets, for measuring only).
Figures printed: 5-fold cross-validation on the training data, and the ToxiFrench half in ../shared cross-validated
(each fold's model never saw that fold). Thresholds are chosen on the cross-validated predictions, never on a dev set.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from companion.analysis.features import MARKER_KINDS, feature_vector  # noqa: E402
from companion.analysis.heads import HEADS_FILE, Head, read_heads, save_heads  # noqa: E402
from companion.analysis.normalise import detect_language, expand_phone_spelling  # noqa: E402
from companion.analysis.reader import MAX_EMBED_CHARS, _markers  # noqa: E402
from companion.embedding import shared_e5  # noqa: E402

DATA = ROOT / "scripts" / "data"
WRITTEN = DATA / "written"
TOXICITY = ROOT.parent / "shared" / "eval" / "toxicity"
CACHE = Path.home() / ".cache" / "compagnon" / "train-embeddings.npz"
SEED = 7


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def public_csv(name: str) -> list[tuple[str, int]]:
    path = TOXICITY / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = []
        for row in csv.DictReader(handle):
            label = row["label"].strip().lower()
            rows.append((row["text"], 1 if label in ("1", "hateful", "toxic") else 0))
        return rows


class Featuriser:
    """Features of every text, embeddings cached on disk by content hash (training is run again and again)."""

    def __init__(self) -> None:
        self.model = shared_e5()
        self.store: dict[str, np.ndarray] = {}
        if CACHE.exists():
            with np.load(CACHE) as stored:
                self.store = {key: stored[key] for key in stored.files}
        self.added = 0

    def embedding(self, text: str) -> np.ndarray:
        expanded = expand_phone_spelling(text, detect_language(text))[:MAX_EMBED_CHARS]
        key = hashlib.sha1(expanded.encode("utf-8")).hexdigest()
        if key not in self.store:
            self.store[key] = np.asarray(self.model.query(expanded), dtype=np.float32)
            self.added += 1
        return self.store[key]

    def features(self, texts: list[str]) -> np.ndarray:
        rows = []
        for i, text in enumerate(texts):
            kinds = [m.kind for m in _markers(text, "fr")]
            rows.append(feature_vector(self.embedding(text), text, kinds))
            if (i + 1) % 2000 == 0:
                print(f"  features {i + 1}/{len(texts)}", flush=True)
        return np.stack(rows)

    def save(self) -> None:
        if self.added:
            CACHE.parent.mkdir(parents=True, exist_ok=True)
            np.savez(CACHE, **self.store)


def softmax_head(name: str, x: np.ndarray, labels: list[str], weights: np.ndarray | None = None,
                 c: float = 4.0) -> tuple[Head, np.ndarray]:
    """A multinomial logistic regression, and its 5-fold cross-validated probabilities."""
    y = np.array(labels)
    classes = sorted(set(labels))
    cv = np.zeros((len(labels), len(classes)))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(x, y):
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(x[train], y[train], sample_weight=None if weights is None else weights[train])
        cv[test] = model.predict_proba(x[test])
    model = LogisticRegression(C=c, max_iter=3000).fit(x, y, sample_weight=weights)
    assert list(model.classes_) == classes
    return Head(name, model.coef_.T.copy(), model.intercept_.copy(), tuple(classes), "softmax"), cv


def sigmoid_head(name: str, x: np.ndarray, targets: np.ndarray, classes: list[str], c: float = 4.0,
                 weights: np.ndarray | None = None) -> tuple[Head, np.ndarray]:
    """One logistic regression per label (labels with fewer than 3 positives never fire), with CV probabilities."""
    w = np.zeros((x.shape[1], len(classes)), dtype=np.float32)
    b = np.full(len(classes), -20.0, dtype=np.float32)
    cv = np.zeros(targets.shape)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(x, targets.argmax(1)))
    for j in range(len(classes)):
        y = targets[:, j]
        if y.sum() < 3:
            continue
        for train, test in folds:
            if 0 < y[train].sum() < len(train):
                model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
                model.fit(x[train], y[train], sample_weight=None if weights is None else weights[train])
                cv[test, j] = model.predict_proba(x[test])[:, 1]
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        model.fit(x, y, sample_weight=weights)
        w[:, j] = model.coef_[0]
        b[j] = model.intercept_[0]
    return Head(name, w, b, tuple(classes), "sigmoid"), cv


# -- the heads -------------------------------------------------------------------------------------------


def crisis_rows() -> list[tuple[str, str, str | None]]:
    """(text, tier class, kind) with classes crisis / concern (crisis or check-in) / heavy / none."""
    rows: list[tuple[str, str, str | None]] = []
    tiers_class = {("crisis",): "crisis", ("crisis", "checkin"): "concern", ("none", "checkin"): "heavy",
                   ("none",): "none"}
    written = [WRITTEN / "crisis_tiers.jsonl", WRITTEN / "crisis_tiers_2.jsonl"]
    for item in (item for path in written if path.exists() for item in jsonl(path)):
        label = tiers_class[tuple(item["tiers"])]
        rows.append((item["text"], label, item.get("kind") if label in ("crisis", "concern") else None))
    for name in ("crisis_train.jsonl", "crisis_calm.jsonl"):
        for item in jsonl(DATA / name):
            kind = item.get("kind")
            if item["crisis"]:
                known = kind if kind in ("suicide", "self-harm", "danger") else "suicide"
                rows.append((item["text"], "concern", known))
            else:
                rows.append((item["text"], "heavy" if kind == "other-negative" else "none", None))
    return rows


def easy_rows() -> list[tuple[str, str, str | None]]:
    """Messages that are never a crisis, not used to set the thresholds: everyday messages, venting (written
    without any crisis content), sentences about one's feelings, received messages and drafts that need no
    protection, odd pastes."""
    rows = [(item["text"], "none", None) for name in ("intent_fr.jsonl", "intent_en.jsonl")
            for item in jsonl(WRITTEN / name) if item["intent"] != "received_message"]
    rows += [(item["text"], "none", None) for item in jsonl(WRITTEN / "feelings.jsonl")]
    rows += [(item["text"], "none", None) for item in tension_rows() if not item["protection"]]
    return rows + [(item["text"], "none", None) for item in jsonl(DATA / "odd_texts.jsonl")]


def train_crisis(feat: Featuriser, heads: dict[str, Head], thresholds: dict[str, float]) -> None:
    rows = crisis_rows()
    hard = len(rows)  # thresholds are set on these rows only (the crisis data with its hard negatives)
    rows += easy_rows()
    print(f"crisis: {len(rows)} rows {Counter(r[1] for r in rows)}, of which {hard} from the crisis data")
    x = feat.features([r[0] for r in rows])
    head, cv = softmax_head("crisis", x, [r[1] for r in rows], c=8.0)
    heads["crisis"] = head
    index = {c: i for i, c in enumerate(head.classes)}
    labels = np.array([r[1] for r in rows[:hard]])
    risk = cv[:hard, index["crisis"]] + cv[:hard, index["concern"]]
    p_crisis = cv[:hard, index["crisis"]]
    # Check-in: the lowest threshold that keeps false alarms within 12 % of our "none" rows, which are mostly
    # adversarial (figurative speech, games, news, anger): real everyday messages are far easier.
    none = labels == "none"
    checkin = float(np.quantile(risk[none], 0.88))
    thresholds["checkin"] = round(max(checkin, 0.2), 3)
    calmish = none | (labels == "heavy")
    thresholds["crisis"] = round(max(float(np.quantile(p_crisis[calmish], 0.985)), 0.35), 3)
    thresholds["risk"] = round(max(float(np.quantile(risk[calmish], 0.97)), thresholds["checkin"]), 3)
    concern = np.isin(labels, ["crisis", "concern"])
    at_crisis = (p_crisis >= thresholds["crisis"]) | (risk >= thresholds["risk"])
    print(f"  cv: concerning caught {np.mean(risk[concern] >= thresholds['checkin']):.3f} "
          f"(crisis rows at crisis tier {np.mean(at_crisis[labels == 'crisis']):.3f}); "
          f"none rows checkin+ {np.mean(risk[none] >= thresholds['checkin']):.3f}, "
          f"crisis {np.mean(at_crisis[none]):.3f}; thresholds {thresholds}")
    kinds = [(i, r[2]) for i, r in enumerate(rows) if r[2] in ("suicide", "self-harm", "danger", "other-at-risk")]
    kind_head, kind_cv = softmax_head("crisis_kind", x[[i for i, _ in kinds]], [k for _, k in kinds], c=2.0)
    heads["crisis_kind"] = kind_head
    truth = np.array([k for _, k in kinds])
    print(f"  crisis kind cv accuracy {np.mean(np.array(kind_head.classes)[kind_cv.argmax(1)] == truth):.3f}")


def train_intent(feat: Featuriser, heads: dict[str, Head]) -> None:
    rows = [item for name in ("intent_fr.jsonl", "intent_en.jsonl") for item in jsonl(WRITTEN / name)]
    print(f"intent: {len(rows)} rows {Counter(r['intent'] for r in rows)}")
    x = feat.features([r["text"] for r in rows])
    head, cv = softmax_head("intent", x, [r["intent"] for r in rows], c=4.0)
    heads["intent"] = head
    truth = np.array([r["intent"] for r in rows])
    print(f"  cv accuracy {np.mean(np.array(head.classes)[cv.argmax(1)] == truth):.3f}")


def tension_rows() -> list[dict]:
    names = ("tension_fr.jsonl", "tension_en.jsonl", "tension_2.jsonl", "tension_3.jsonl")
    return [item for name in names if (WRITTEN / name).exists() for item in jsonl(WRITTEN / name)]


def train_tension(feat: Featuriser, heads: dict[str, Head], thresholds: dict[str, float]) -> None:
    ours = tension_rows()
    public = {name: public_csv(name) for name in ("toxifrench_dev.csv", "hateday_fr.csv", "rtplx_fr.csv",
                                                  "jigsaw_fr.csv", "multihatecheck_fr.csv", "ftr_fr.csv")}
    print(f"tension: {len(ours)} rows of ours {Counter(r['level'] for r in ours)}; public "
          f"{ {k: len(v) for k, v in public.items()} }")
    x_ours = feat.features([r["text"] for r in ours])
    # Level: our rows, plus the public sets as weak evidence (toxic -> 2, hateful -> 3, else 0).
    texts, levels, weights, protect = [], [], [], []
    for name, rows in public.items():
        for text, label in rows:
            texts.append(text)
            hate = name in ("multihatecheck_fr.csv", "ftr_fr.csv")
            levels.append(("3" if hate else "2") if label else "0")
            protect.append(1 if (hate and label) else 0)
            weights.append(0.25)
    # Everyday messages (greetings, thanks, questions…) and odd pastes (lists, code, passages) are calm.
    for item in jsonl(DATA / "odd_texts.jsonl"):
        texts.append(item["text"])
        levels.append("0")
        protect.append(0)
        weights.append(0.5)
    for name in ("intent_fr.jsonl", "intent_en.jsonl"):
        for item in jsonl(WRITTEN / name):
            if item["intent"] not in ("venting", "received_message"):
                texts.append(item["text"])
                levels.append("0")
                protect.append(0)
                weights.append(0.5)
    x_public = feat.features(texts)
    x = np.vstack([x_ours, x_public])
    level_labels = [str(r["level"]) for r in ours] + levels
    w = np.array([1.0] * len(ours) + weights)
    head, cv = softmax_head("level", x, level_labels, w, c=8.0)
    heads["level"] = head
    ours_cv = np.array(head.classes)[cv[: len(ours)].argmax(1)].astype(int)
    truth = np.array([r["level"] for r in ours])
    print(f"  level cv on ours: exact {np.mean(ours_cv == truth):.3f}, "
          f"within one {np.mean(abs(ours_cv - truth) <= 1):.3f}, "
          f"tense caught {np.mean(ours_cv[truth > 0] > 0):.3f}, calm kept {np.mean(ours_cv[truth == 0] == 0):.3f}")
    protection = np.array([[1.0 if r["protection"] else 0.0] for r in ours] + [[p] for p in protect])
    p_head, p_cv = sigmoid_head("protection", x, protection, ["protection"], c=8.0, weights=w)
    heads["protection"] = p_head
    n = len(ours)
    thresholds["protection"] = 0.5
    print(f"  protection cv on ours: recall {np.mean(p_cv[:n, 0][protection[:n, 0] == 1] >= 0.5):.3f}, "
          f"false {np.mean(p_cv[:n, 0][protection[:n, 0] == 0] >= 0.5):.3f}")
    markers = np.array([[1.0 if any(m["kind"] == k for m in r["markers"]) else 0.0 for k in MARKER_KINDS]
                        for r in ours])
    m_head, _ = sigmoid_head("markers", x_ours, markers, list(MARKER_KINDS), c=1.0)
    heads["markers"] = m_head
    thresholds["markers"] = 0.7
    thresholds["unmarked"] = 0.65  # a message without any lexicon marker needs a surer model to be tense
    # Toxicity, as the public sets define it; ToxiFrench cross-validated by its own folds.
    # Toxicity as the general sets define it (the two hate-speech sets are left to the level and protection heads).
    general = ("toxifrench_dev.csv", "hateday_fr.csv", "rtplx_fr.csv", "jigsaw_fr.csv")
    n_general = sum(len(public[name]) for name in general)
    assert list(public)[: len(general)] == list(general)
    toxic_texts = [t for name in general for t, _ in public[name]] + [r["text"] for r in ours]
    toxic_y = np.array([label for name in general for _, label in public[name]] + [int(r["level"] >= 2) for r in ours])
    x_toxic = np.vstack([x_public[:n_general], x_ours])
    tf = len(public["toxifrench_dev.csv"])
    scores = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(x_toxic[:tf], toxic_y[:tf]):
        keep = np.concatenate([train, np.arange(tf, len(toxic_texts))])
        model = LogisticRegression(C=4.0, max_iter=3000).fit(x_toxic[keep], toxic_y[keep])
        scores.append(np.mean(model.predict(x_toxic[test]) == toxic_y[test]))
    print(f"  toxic: ToxiFrench 5-fold accuracy {np.mean(scores):.3f} ({', '.join(f'{s:.3f}' for s in scores)})")
    model = LogisticRegression(C=4.0, max_iter=3000).fit(x_toxic, toxic_y)
    heads["toxic"] = Head("toxic", np.stack([-model.coef_[0], model.coef_[0]], 1) / 2,
                          np.array([-model.intercept_[0] / 2, model.intercept_[0] / 2]), ("calm", "toxic"), "softmax")


def train_feelings(feat: Featuriser, heads: dict[str, Head], thresholds: dict[str, float]) -> None:
    import yaml

    nvc = ROOT / "companion" / "knowledge" / "content" / "nvc"
    feelings_yaml = yaml.safe_load((nvc / "feelings.yaml").read_text("utf-8"))
    needs_yaml = yaml.safe_load((nvc / "needs.yaml").read_text("utf-8"))
    feeling_ids = [f["id"] for key in ("unmet", "met") for f in feelings_yaml[key]]
    need_ids = [n["id"] for family in needs_yaml["families"] for n in family["needs"]]
    rows = jsonl(WRITTEN / "feelings.jsonl")
    print(f"feelings: {len(rows)} rows")
    x = feat.features([r["text"] for r in rows])
    for name, ids, key in (("feelings", feeling_ids, "feelings"), ("needs", need_ids, "needs")):
        y = np.array([[1.0 if i in r.get(key, []) else 0.0 for i in ids] for r in rows])
        head, cv = sigmoid_head(name, x, y, ids, c=2.0)
        heads[name] = head
        best = (0.0, 0.5)
        for floor in np.arange(0.3, 0.96, 0.05):
            picked = [[j for j in np.argsort(-cv[i])[:3] if cv[i, j] >= floor] for i in range(len(rows))]
            right = sum(sum(y[i, j] for j in p) for i, p in enumerate(picked))
            total = sum(len(p) for p in picked)
            hit = np.mean([any(y[i, j] for j in p) for i, p in enumerate(picked) if y[i].any()])
            precision = right / total if total else 0.0
            score = 2 * precision * hit / (precision + hit) if precision + hit else 0.0
            if score > best[0]:
                best = (score, float(floor), precision, hit)
        thresholds[name] = round(best[1], 2)
        print(f"  {name}: cv precision {best[2]:.3f} rows with a right id {best[3]:.3f} at threshold {best[1]:.2f}")


JAB_KINDS = ("sarcasm", "passive_aggression", "condescension", "mockery", "contempt", "blame", "dismissal")


def train_jab(feat: Featuriser, heads: dict[str, Head], thresholds: dict[str, float]) -> None:
    """A jab in a reply one is about to send, insult-free (irony, mock thanks, a dig with a smiley), or none.

    Softmax over "none" and the jab kinds, on the replies we wrote for it, plus our tension rows (a calm row is
    "none") and everyday messages (never a jab) as lighter evidence. The threshold on 1 - p(none) is the lowest
    that keeps cross-validated false alarms on sincere replies within 8 %.
    """
    rows = jsonl(WRITTEN / "draft_jabs.jsonl") + jsonl(WRITTEN / "draft_jabs_more.jsonl")
    texts = [r["text"] for r in rows]
    labels = [r["kind"] if r["jab"] and r["kind"] in JAB_KINDS else "none" for r in rows]
    weights = [1.0] * len(rows)
    for item in tension_rows():
        kinds = [m["kind"] for m in item["markers"] if m["kind"] in JAB_KINDS]
        if item["level"] == 0 or kinds:
            texts.append(item["text"])
            labels.append(kinds[0] if item["level"] > 0 else "none")
            weights.append(0.5)
    for name in ("intent_fr.jsonl", "intent_en.jsonl"):
        for item in jsonl(WRITTEN / name):
            if item["intent"] not in ("venting", "received_message"):
                texts.append(item["text"])
                labels.append("none")
                weights.append(0.3)
    print(f"jab: {len(rows)} replies of ours, {len(texts)} rows in all {Counter(labels)}")
    x = feat.features(texts)
    head, cv = softmax_head("jab", x, labels, np.array(weights), c=4.0)
    heads["jab"] = head
    none = list(head.classes).index("none")
    p_jab = 1.0 - cv[:, none]
    n = len(rows)
    truth = np.array([lab != "none" for lab in labels[:n]])
    sincere = p_jab[:n][~truth]
    threshold = max(float(np.quantile(sincere, 0.92)), 0.3)
    thresholds["jab"] = round(threshold, 3)
    print(f"  cv on our replies: jabs caught {np.mean(p_jab[:n][truth] >= threshold):.3f}, "
          f"sincere flagged {np.mean(sincere >= threshold):.3f} at threshold {threshold:.3f}")


def main() -> None:
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None
    feat = Featuriser()
    heads: dict[str, Head] = {}
    thresholds: dict[str, float] = {}
    meta: dict = {}
    if only:  # start from the shipped heads and retrain the named ones
        shipped = read_heads(ROOT / "companion" / "analysis" / "data" / HEADS_FILE)
        heads = dict(shipped.heads)
        thresholds = dict(shipped.meta.get("thresholds", {}))
        meta = dict(shipped.meta)
    steps = {"crisis": lambda: train_crisis(feat, heads, thresholds), "intent": lambda: train_intent(feat, heads),
             "tension": lambda: train_tension(feat, heads, thresholds),
             "feelings": lambda: train_feelings(feat, heads, thresholds),
             "jab": lambda: train_jab(feat, heads, thresholds)}
    try:
        for name, step in steps.items():
            if only is None or name in only:
                step()
    finally:
        feat.save()
    out = ROOT / "companion" / "analysis" / "data" / HEADS_FILE
    meta.update({"thresholds": thresholds, "features": "e5-small query + surface + markers"})
    save_heads(out, heads, meta)
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KiB); thresholds {thresholds}")


if __name__ == "__main__":
    main()
