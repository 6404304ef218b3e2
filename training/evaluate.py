"""Evaluate a stored model on a labeled CSV, or a configuration by cross-validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from framing.model import FrameClassifier, top_terms
from training.data import LabeledData, read_labeled_csv
from training.metrics import classification_metrics
from training.pipeline import build_pipeline
from training.report import build_report, write_report
from training.train import Progress, _no_progress, cross_validate


def evaluate_model(model_dir: Path, data_path: Path, out_dir: Path) -> dict[str, Any]:
    """Score a stored model on a labeled CSV and write the three reports."""
    model = FrameClassifier.load(model_dir)
    data = read_labeled_csv(data_path, min_per_label=1, folds=0)
    proba = model.predict_proba(data.texts)
    metrics = classification_metrics(data.labels, proba, model.labels)
    return _write(f"Evaluation of {model.name} on {data.path.name}", data, model.labels,
                  proba, metrics, model.top_terms(), out_dir)


def evaluate_cv(
    data_path: Path,
    out_dir: Path,
    *,
    params: dict[str, Any] | None = None,
    seed: int = 0,
    progress: Progress = _no_progress,
) -> dict[str, Any]:
    """The same report from grouped cross-validation of a training configuration."""
    data = read_labeled_csv(data_path)
    proba, metrics = cross_validate(data, params or {}, seed=seed, progress=progress)
    # Top terms come from the configuration fitted on all rows, as it would ship.
    full = build_pipeline(**(params or {}), seed=seed).fit(data.texts, data.labels)
    progress("top terms", 1)
    grouped = f", grouped by {data.group_column}" if data.group_column else ""
    return _write(f"Cross-validation on {data.path.name}{grouped}", data, data.label_set,
                  proba, metrics, top_terms(full), out_dir)


def _write(
    title: str, data: LabeledData, labels: list[str], proba: Any, metrics: dict[str, Any],
    terms: dict[str, list[tuple[str, float]]], out_dir: Path,
) -> dict[str, Any]:
    report = build_report(
        title=title, source=str(data.path), labels=labels, texts=data.texts,
        y_true=data.labels, proba=proba, metrics=metrics, top_terms=terms, ids=data.ids,
    )
    write_report(report, out_dir)
    return report
