"""Cross-validate and train a model from a labeled CSV, and write it to the model store."""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

from framing.store import save_model
from training.card import render_model_card
from training.data import LabeledData, read_labeled_csv
from training.metrics import classification_metrics
from training.pipeline import DEFAULTS, build_pipeline

FOLDS = 5
SEARCH_GRID: dict[str, list[Any]] = {
    "features": ["word", "word+char"],
    "C": [1.0, 3.0, 10.0, 30.0],
}

Progress = Callable[[str, int], None]


def _no_progress(task: str, advance: int) -> None:
    """Progress callback that reports nothing."""


def splits(data: LabeledData, seed: int, folds: int = FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds; with a grouping column, no group is in both train and test."""
    index = np.zeros(len(data))
    if data.groups is not None:
        splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
        return list(splitter.split(index, data.labels, data.groups))
    return list(
        StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(index, data.labels)
    )


def cross_validate(
    data: LabeledData,
    params: dict[str, Any],
    *,
    seed: int = 0,
    folds: int = FOLDS,
    progress: Progress = _no_progress,
) -> tuple[np.ndarray, dict[str, Any]]:
    """Out-of-fold probabilities and their metrics for one configuration."""
    labels = data.label_set
    texts = np.asarray(data.texts, dtype=object)
    y = np.asarray(data.labels, dtype=object)
    proba = np.zeros((len(data), len(labels)))
    template = build_pipeline(**params, seed=seed)
    for train_idx, test_idx in splits(data, seed, folds):
        model = clone(template).fit(list(texts[train_idx]), list(y[train_idx]))
        # A fold may miss a rare label; its columns stay zero for that fold.
        cols = [labels.index(c) for c in model.classes_]
        proba[np.ix_(test_idx, cols)] = model.predict_proba(list(texts[test_idx]))
        progress("cross-validation", 1)
    return proba, classification_metrics(data.labels, proba, labels)


def search(
    data: LabeledData, seed: int, progress: Progress = _no_progress
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Grid search of the main parameters by grouped-CV macro-F1."""
    trials = []
    for values in itertools.product(*SEARCH_GRID.values()):
        params = dict(zip(SEARCH_GRID, values, strict=True))
        _, metrics = cross_validate(data, params, seed=seed, progress=progress)
        trials.append({"params": params, "macro_f1": metrics["macro_f1"]})
    best = max(trials, key=lambda t: t["macro_f1"])
    return dict(best["params"]), trials


def train(
    data_path: Path,
    out_dir: Path,
    *,
    seed: int = 0,
    do_search: bool = False,
    params: dict[str, Any] | None = None,
    dev_path: Path | None = None,
    progress: Progress = _no_progress,
    comparison: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Validate, cross-validate, fit and store a model; return its manifest.

    Nothing is written unless every step succeeds, and the store swaps the new model
    in atomically, so a failed or interrupted run leaves the previous model whole.
    """
    started = time.perf_counter()
    data = read_labeled_csv(data_path, folds=FOLDS)
    dev = read_labeled_csv(dev_path, min_per_label=1, folds=0) if dev_path else None
    chosen = dict(params or {})
    trials: list[dict[str, Any]] = []
    if do_search:
        found, trials = search(data, seed, progress)
        chosen.update(found)
    _, cv_metrics = cross_validate(data, chosen, seed=seed, progress=progress)
    pipeline = build_pipeline(**chosen, seed=seed).fit(data.texts, data.labels)
    progress("final fit", 1)
    metrics: dict[str, Any] = {"cv": cv_metrics}
    if dev is not None:
        labels = [str(c) for c in pipeline.classes_]
        metrics["dev"] = {
            "data": dev.path.name,
            "sha256": dev.sha256,
            **classification_metrics(dev.labels, pipeline.predict_proba(dev.texts), labels),
        }
    full_params = {**DEFAULTS, **chosen, "seed": seed}
    training_data = {
        "file": data.path.name,
        "sha256": data.sha256,
        "rows": len(data),
        "label_counts": dict(sorted(Counter(data.labels).items())),
        "group_column": data.group_column,
        "groups": len(set(data.groups)) if data.groups else None,
    }
    extra = {
        "training_seconds": round(time.perf_counter() - started, 1),
        "cv": {"folds": FOLDS, "grouped_by": data.group_column, "seed": seed},
    }
    if trials:
        extra["search"] = trials
    described: dict[str, Any] = {
        "labels": [str(c) for c in pipeline.classes_],
        "training_data": training_data,
        "params": full_params,
        "metrics": metrics,
        "extra": extra,
    }
    card = render_model_card(name=out_dir.name, comparison=comparison, **described)
    manifest = save_model(pipeline, out_dir, model_card=card, **described)
    progress("saved", 1)
    return manifest
