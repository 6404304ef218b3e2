"""The model card: what a model is for, what it learned from, and how well it does."""

from __future__ import annotations

from typing import Any


def _f(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def metrics_table(metrics: dict[str, Any]) -> str:
    """Per-label precision, recall, F1 and support as a Markdown table."""
    lines = ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for label, m in metrics["per_label"].items():
        lines.append(
            f"| {label} | {_f(m['precision'])} | {_f(m['recall'])} | {_f(m['f1'])} | "
            f"{m['support']} |"
        )
    lines.append(
        f"| **macro-F1** | | | **{_f(metrics['macro_f1'])}** | {metrics['n']} |"
    )
    return "\n".join(lines)


def comparison_table(comparison: dict[str, Any]) -> str:
    """Candidates side by side: dev and grouped-CV macro-F1, per-label dev F1, speed."""
    labels = comparison["labels"]
    head = ["candidate", "dev macro-F1", "CV macro-F1", *(f"dev {lab}" for lab in labels),
            "dev ECE", "paragraphs/s"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for c in comparison["candidates"]:
        dev = c.get("dev") or {}
        per = dev.get("per_label", {})
        lines.append("| " + " | ".join([
            c["name"], _f(dev.get("macro_f1", "-")), _f(c["cv"]["macro_f1"]),
            *(_f(per[lab]["f1"]) if lab in per else "-" for lab in labels),
            _f(dev.get("ece", "-")), f"{c['paragraphs_per_second']:,.0f}",
        ]) + " |")
    return "\n".join(lines)


def render_model_card(
    *,
    name: str,
    labels: list[str],
    training_data: dict[str, Any],
    params: dict[str, Any],
    metrics: dict[str, Any],
    extra: dict[str, Any],
    comparison: dict[str, Any] | None = None,
) -> str:
    """Markdown text of MODEL_CARD.md."""
    cv = metrics["cv"]
    out = [
        f"# Model card: {name}",
        "",
        "Labels each paragraph of a news article with one frame and a probability for "
        f"every frame: {', '.join(f'`{lab}`' for lab in labels)}.",
        "",
    ]
    dev = metrics.get("dev")
    if dev:
        out += [
            f"## Held-out real news ({dev['data']}, {dev['n']} paragraphs, never trained on)",
            "",
            "The figure to trust: cross-validation on authored text overstates accuracy on "
            "real coverage.",
            "",
            metrics_table(dev),
            "",
            f"Calibration on it: ECE {dev['ece']:.3f}, Brier score "
            f"{_f(dev['brier'])} (0 is best).",
            "",
        ]
    grouped = extra["cv"]["grouped_by"]
    out += [
        f"## Cross-validation ({extra['cv']['folds']}-fold, "
        + (f"grouped by `{grouped}`" if grouped else "stratified, not grouped")
        + f", seed {extra['cv']['seed']})",
        "",
        metrics_table(cv),
        "",
        f"Calibration: ECE {cv['ece']:.3f}, Brier score {_f(cv['brier'])}.",
        "",
        "## Training data",
        "",
        f"`{training_data['file']}`: {training_data['rows']} rows, sha256 "
        f"`{training_data['sha256'][:16]}…`; per label: "
        + ", ".join(f"{k} {v}" for k, v in training_data["label_counts"].items())
        + ".",
        "",
        "## Configuration",
        "",
        "`" + ", ".join(f"{k}={v}" for k, v in params.items()) + "`; trained in "
        f"{extra['training_seconds']} s.",
        "",
    ]
    if comparison:
        out += [
            "## Candidates compared",
            "",
            comparison.get("note", ""),
            "",
            comparison_table(comparison),
            "",
        ]
    out += [
        "## Intended use and limits",
        "",
        "- For studying how coverage of a crisis is framed, paragraph by paragraph, and "
        "for finding paragraphs to read; not for judging a single article or outlet "
        "automatically.",
        "- English news only. Scores are calibrated on the data above; on other kinds of "
        "text they are less reliable, and the top label should be read with its score.",
        "- See docs/codebook.md for what each label means.",
        "",
    ]
    return "\n".join(out)
