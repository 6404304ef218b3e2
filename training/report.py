"""Evaluation reports: report.json, report.md and a self-contained report.html with plots."""

from __future__ import annotations

import base64
import html
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # reports are written on servers without a display

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from training.card import metrics_table  # noqa: E402
from training.metrics import reliability  # noqa: E402

MAX_MISCLASSIFIED = 200


def build_report(
    *,
    title: str,
    source: str,
    labels: Sequence[str],
    texts: Sequence[str],
    y_true: Sequence[str],
    proba: np.ndarray,
    metrics: dict[str, Any],
    top_terms: dict[str, list[tuple[str, float]]],
    ids: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Everything a report shows, as plain JSON-ready data."""
    labels = list(labels)
    predicted = [labels[i] for i in proba.argmax(axis=1)]
    wrong = [i for i, (t, p) in enumerate(zip(y_true, predicted, strict=True)) if t != p]
    wrong.sort(key=lambda i: -float(proba[i].max()))
    return {
        "title": title,
        "source": source,
        "labels": labels,
        "metrics": metrics,
        "reliability": reliability(y_true, proba, labels),
        "top_terms": {k: [[t, w] for t, w in v] for k, v in top_terms.items()},
        "misclassified_total": len(wrong),
        "misclassified": [
            {
                "id": ids[i] if ids else str(i + 1),
                "text": texts[i],
                "label": y_true[i],
                "predicted": predicted[i],
                "scores": {
                    lab: round(float(p), 4) for lab, p in zip(labels, proba[i], strict=True)
                },
            }
            for i in wrong[:MAX_MISCLASSIFIED]
        ],
    }


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _confusion_plot(report: dict[str, Any]) -> str:
    m = report["metrics"]
    matrix = np.asarray(m["confusion"], dtype=float)
    share = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
    fig, ax = plt.subplots(figsize=(6.4, 5.2))
    image = ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(m["labels"])), m["labels"], rotation=35, ha="right")
    ax.set_yticks(range(len(m["labels"])), m["labels"])
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            ax.text(j, i, f"{int(matrix[i, j])}", ha="center", va="center",
                    color="white" if share[i, j] > 0.5 else "black", fontsize=9)
    fig.colorbar(image, ax=ax, label="share of the true label's rows")
    ax.set_title("Confusion matrix")
    return _png(fig)


def _prf_plot(report: dict[str, Any]) -> str:
    per = report["metrics"]["per_label"]
    labels = list(per)
    x = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(7.2, 3.8))
    for k, (key, colour) in enumerate(
        (("precision", "#4c72b0"), ("recall", "#dd8452"), ("f1", "#55a868"))
    ):
        ax.bar(x + (k - 1) * 0.27, [per[lab][key] for lab in labels], 0.27, label=key,
               color=colour)
    ax.set_xticks(x, labels, rotation=25, ha="right")
    ax.set_ylim(0, 1)
    ax.set_ylabel("score")
    ax.legend(loc="lower right")
    ax.set_title("Precision, recall and F1 per label")
    return _png(fig)


def _reliability_plot(report: dict[str, Any]) -> str:
    bins = report["reliability"]
    fig, ax = plt.subplots(figsize=(4.8, 4.6))
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    ax.plot([b["confidence"] for b in bins], [b["accuracy"] for b in bins], marker="o",
            color="#c44e52", label="model")
    for b in bins:
        ax.annotate(str(b["count"]), (b["confidence"], b["accuracy"]), fontsize=7,
                    textcoords="offset points", xytext=(4, -10))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("confidence of the top label")
    ax.set_ylabel("accuracy")
    ax.legend(loc="upper left")
    ax.set_title(f"Reliability (ECE {report['metrics']['ece']:.3f})")
    return _png(fig)


def render_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown (no plots)."""
    m = report["metrics"]
    lines = [
        f"# {report['title']}",
        "",
        f"Data: `{report['source']}`, {m['n']} paragraphs. Macro-F1 **{m['macro_f1']:.3f}**, "
        f"accuracy {m['accuracy']:.3f}, ECE {m['ece']:.3f}, Brier "
        + (f"{m['brier']:.3f}" if m["brier"] is not None else "-")
        + ".",
        "",
        metrics_table(m),
        "",
        "## Confusion matrix (rows: true, columns: predicted)",
        "",
        "| | " + " | ".join(m["labels"]) + " |",
        "|---|" + "---|" * len(m["labels"]),
        *(
            f"| **{lab}** | " + " | ".join(str(v) for v in row) + " |"
            for lab, row in zip(m["labels"], m["confusion"], strict=True)
        ),
        "",
    ]
    if report["top_terms"]:
        lines += ["## Top terms per label", ""]
        lines += [
            f"- **{lab}**: " + ", ".join(t for t, _ in terms[:12])
            for lab, terms in report["top_terms"].items()
        ]
        lines.append("")
    lines += [
        f"## Misclassified paragraphs ({report['misclassified_total']}, most confident "
        f"first, {len(report['misclassified'])} shown)",
        "",
        "| id | true | predicted | confidence | text |",
        "|---|---|---|---|---|",
    ]
    for row in report["misclassified"]:
        text = row["text"].replace("|", "\\|").replace("\n", " ")
        lines.append(
            f"| {row['id']} | {row['label']} | {row['predicted']} | "
            f"{row['scores'][row['predicted']]:.2f} | {text[:200]} |"
        )
    return "\n".join(lines) + "\n"


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1b1b1b;
padding:0 1rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f2f2f2}
.plots{display:flex;flex-wrap:wrap;gap:1rem}.plots img{max-width:100%;border:1px solid #ddd}
.num{text-align:right;font-variant-numeric:tabular-nums}.terms li{margin:.2rem 0}
"""


def render_html(report: dict[str, Any]) -> str:
    """A single self-contained HTML page: the plots are embedded PNGs."""
    m = report["metrics"]
    esc = html.escape
    per_rows = "".join(
        f"<tr><th scope='row'>{esc(lab)}</th><td class=num>{v['precision']:.3f}</td>"
        f"<td class=num>{v['recall']:.3f}</td><td class=num>{v['f1']:.3f}</td>"
        f"<td class=num>{v['support']}</td></tr>"
        for lab, v in m["per_label"].items()
    )
    terms = "".join(
        f"<li><strong>{esc(lab)}</strong>: {esc(', '.join(t for t, _ in ts[:12]))}</li>"
        for lab, ts in report["top_terms"].items()
    )
    labels = report["labels"]
    wrong_rows = "".join(
        f"<tr><td>{esc(r['id'])}</td><td>{esc(r['label'])}</td><td>{esc(r['predicted'])}</td>"
        + "".join(f"<td class=num>{r['scores'][lab]:.2f}</td>" for lab in labels)
        + f"<td>{esc(r['text'])}</td></tr>"
        for r in report["misclassified"]
    )
    brier = f"{m['brier']:.3f}" if m["brier"] is not None else "-"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(report['title'])}</title><style>{_CSS}</style></head><body>
<h1>{esc(report['title'])}</h1>
<p>Data: <code>{esc(report['source'])}</code>, {m['n']} paragraphs.
Macro-F1 <strong>{m['macro_f1']:.3f}</strong>, accuracy {m['accuracy']:.3f},
ECE {m['ece']:.3f}, Brier score {brier}.</p>
<table><caption>Per label</caption><tr><th>label</th><th>precision</th><th>recall</th>
<th>F1</th><th>support</th></tr>{per_rows}</table>
<div class="plots">
<img src="{_confusion_plot(report)}" alt="Confusion matrix: true against predicted labels">
<img src="{_prf_plot(report)}" alt="Bar chart of precision, recall and F1 for each label">
<img src="{_reliability_plot(report)}" alt="Reliability diagram: accuracy against confidence">
</div>
<h2>Top terms per label</h2>
<ul class="terms">{terms or '<li>not available for this model</li>'}</ul>
<h2>Misclassified paragraphs</h2>
<p>{report['misclassified_total']} in all, the most confident first
({len(report['misclassified'])} shown).</p>
<table><tr><th>id</th><th>true</th><th>predicted</th>
{''.join(f'<th>{esc(lab)}</th>' for lab in labels)}<th>text</th></tr>{wrong_rows}</table>
</body></html>
"""


def write_report(report: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write report.json, report.md and report.html into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "report.json", out_dir / "report.md", out_dir / "report.html"]
    paths[0].write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    paths[1].write_text(render_markdown(report), encoding="utf-8")
    paths[2].write_text(render_html(report), encoding="utf-8")
    return paths
