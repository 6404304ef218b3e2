"""Generalisation check of the corpus: a plain TF-IDF + logistic regression baseline,
scored by grouped cross-validation on the corpus and on the real-news dev set.

The dev set is only measured, never trained on. ``--record ROUND`` appends the figures to
the corpus's dev curve and stores them for the datasheet.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import Pipeline

from framing.frames import LABELS
from framing.paths import CORPUS_CSV, DEV_CSV, DEV_CURVE_CSV, GENERALISATION_JSON
from training.corpus import read_rows

CURVE_COLUMNS = ("round", "rows", "articles", "cv_macro_f1", "dev_macro_f1") + tuple(
    f"dev_f1_{label}" for label in LABELS
)


def baseline_pipeline() -> Pipeline:
    """The plain baseline: word 1-2 gram TF-IDF and a multinomial logistic regression."""
    return Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
        ("clf", LogisticRegression(C=10.0, max_iter=3000)),
    ])


def scores(y_true: Sequence[str], y_pred: Sequence[str]) -> dict:
    """Macro-F1 and per-label F1 over the codebook's labels."""
    per_label = f1_score(y_true, y_pred, labels=list(LABELS), average=None, zero_division=0)
    return {
        "macro_f1": round(float(np.mean(per_label)), 4),
        "per_label": {lab: round(float(f), 4) for lab, f in zip(LABELS, per_label, strict=True)},
    }


def grouped_cv(texts: list[str], labels: list[str], groups: list[str], folds: int = 5) -> dict:
    """Out-of-fold scores with no event in both a training and a test fold."""
    predicted = np.empty(len(texts), dtype=object)
    for train, test in GroupKFold(n_splits=folds).split(texts, labels, groups):
        model = baseline_pipeline().fit([texts[i] for i in train], [labels[i] for i in train])
        predicted[test] = model.predict([texts[i] for i in test])
    return scores(labels, list(predicted))


def check(corpus_csv: Path = CORPUS_CSV, dev_csv: Path = DEV_CSV) -> dict:
    """Grouped CV on the corpus and, where the dev set is present, its dev-set scores."""
    rows = read_rows(corpus_csv)
    texts = [r["text"] for r in rows]
    labels = [r["label"] for r in rows]
    result: dict = {
        "model": "TF-IDF word 1-2 grams (sublinear tf, min_df 2) + logistic regression (C=10)",
        "rows": len(rows),
        "articles": len({r["article_id"] for r in rows}),
        "cv": grouped_cv(texts, labels, [r["event_id"] for r in rows]),
        "dev": None,
    }
    if dev_csv.exists():
        dev = read_rows(dev_csv)
        model = baseline_pipeline().fit(texts, labels)
        result["dev"] = {
            "rows": len(dev),
            **scores([r["label"] for r in dev], list(model.predict([r["text"] for r in dev]))),
        }
    return result


def record(result: dict, round_name: str) -> None:
    """Store the figures for the datasheet and append them to the dev curve."""
    if result["dev"] is None:
        raise FileNotFoundError("the dev set is needed to record a round")
    GENERALISATION_JSON.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    new = not DEV_CURVE_CSV.exists()
    with open(DEV_CURVE_CSV, "a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if new:
            writer.writerow(CURVE_COLUMNS)
        writer.writerow([
            round_name, result["rows"], result["articles"], result["cv"]["macro_f1"],
            result["dev"]["macro_f1"], *(result["dev"]["per_label"][lab] for lab in LABELS),
        ])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.generalisation", description=__doc__)
    parser.add_argument("--data", type=Path, default=CORPUS_CSV)
    parser.add_argument("--dev", type=Path, default=DEV_CSV)
    parser.add_argument("--record", metavar="ROUND", help="append to the dev curve as ROUND")
    args = parser.parse_args(argv)
    result = check(args.data, args.dev)
    print(json.dumps(result, indent=2))
    if args.record:
        record(result, args.record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
