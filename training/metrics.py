"""Scores of a probabilistic classifier: F1 per label, calibration (ECE, Brier)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

ECE_BINS = 15


def expected_calibration_error(
    y_true: Sequence[str], proba: np.ndarray, labels: Sequence[str], bins: int = ECE_BINS
) -> float:
    """Top-label ECE: the gap between confidence and accuracy, averaged over bins."""
    proba = np.asarray(proba)
    confidence = proba.max(axis=1)
    predicted = np.asarray(labels)[proba.argmax(axis=1)]
    correct = predicted == np.asarray(y_true)
    edges = np.linspace(0.0, 1.0, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        in_bin = (confidence > lo) & (confidence <= hi)
        if in_bin.any():
            ece += in_bin.mean() * abs(correct[in_bin].mean() - confidence[in_bin].mean())
    return float(ece)


def reliability(
    y_true: Sequence[str], proba: np.ndarray, labels: Sequence[str], bins: int = 10
) -> list[dict[str, float]]:
    """Per-bin mean confidence, accuracy and count, for a reliability diagram."""
    proba = np.asarray(proba)
    confidence = proba.max(axis=1)
    correct = np.asarray(labels)[proba.argmax(axis=1)] == np.asarray(y_true)
    edges = np.linspace(0.0, 1.0, bins + 1)
    out = []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        in_bin = (confidence > lo) & (confidence <= hi)
        if in_bin.any():
            out.append({
                "low": float(lo), "high": float(hi), "count": int(in_bin.sum()),
                "confidence": float(confidence[in_bin].mean()),
                "accuracy": float(correct[in_bin].mean()),
            })
    return out


def brier_score(y_true: Sequence[str], proba: np.ndarray, labels: Sequence[str]) -> float:
    """Multi-class Brier score: mean squared distance to the one-hot truth (0 is best)."""
    onehot = (np.asarray(y_true)[:, None] == np.asarray(labels)[None, :]).astype(float)
    return float(np.mean(np.sum((np.asarray(proba) - onehot) ** 2, axis=1)))


def classification_metrics(
    y_true: Sequence[str], proba: np.ndarray, labels: Sequence[str]
) -> dict[str, Any]:
    """Macro-F1, accuracy, per-label precision/recall/F1/support, ECE, Brier, confusion.

    Labels in ``y_true`` that the model does not know count as errors, and appear in the
    per-label table with zero precision and recall.
    """
    labels = list(labels)
    y_true = [str(y) for y in y_true]
    predicted = [labels[i] for i in np.asarray(proba).argmax(axis=1)]
    all_labels = labels + sorted(set(y_true) - set(labels))
    p, r, f, s = precision_recall_fscore_support(
        y_true, predicted, labels=all_labels, zero_division=0
    )
    known = [y in labels for y in y_true]
    return {
        "n": len(y_true),
        "macro_f1": float(np.mean(f)),
        "accuracy": float(accuracy_score(y_true, predicted)),
        "per_label": {
            lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                  "support": int(s[i])}
            for i, lab in enumerate(all_labels)
        },
        "ece": expected_calibration_error(y_true, proba, labels),
        "brier": brier_score(
            [y for y, k in zip(y_true, known, strict=True) if k], np.asarray(proba)[known], labels
        ) if any(known) else None,
        "labels": all_labels,
        "confusion": confusion_matrix(y_true, predicted, labels=all_labels).tolist(),
    }
