"""Classify a whole article: segment it, label each paragraph, summarise the frames."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from framing.frames import NO_FRAME
from framing.model import Evidence, FrameClassifier
from framing.segment import Paragraph, segment


@dataclass(frozen=True)
class LabeledParagraph:
    """A paragraph with its place in the article, its label and its scores."""

    index: int
    text: str
    start: int | None
    end: int | None
    label: str
    confidence: float
    scores: dict[str, float]
    boilerplate: bool
    kind: str | None = None
    evidence: list[Evidence] | None = None


@dataclass(frozen=True)
class ArticleResult:
    """Every paragraph's frame and the article's summary."""

    paragraphs: list[LabeledParagraph]
    summary: dict[str, Any] = field(default_factory=dict)


def classify_paragraphs(
    model: FrameClassifier,
    paragraphs: list[Paragraph],
    *,
    explain: bool = False,
    top_k: int = 5,
) -> ArticleResult:
    """Label segmented paragraphs; boilerplate is ``none`` without asking the model.

    A model trained on a label set without ``none`` labels boilerplate like any text.
    """
    rule_none = NO_FRAME in model.labels
    to_model = [p for p in paragraphs if not (p.boilerplate and rule_none)]
    predictions = iter(model.predict([p.text for p in to_model], explain=explain, top_k=top_k))
    one_hot = {lab: float(lab == NO_FRAME) for lab in model.labels}
    out = []
    for p in paragraphs:
        if p.boilerplate and rule_none:
            out.append(LabeledParagraph(
                p.index, p.text, p.start, p.end, NO_FRAME, 1.0, dict(one_hot), True, p.kind,
                [] if explain else None,
            ))
        else:
            pred = next(predictions)
            out.append(LabeledParagraph(
                p.index, p.text, p.start, p.end, pred.label, pred.confidence, pred.scores,
                p.boilerplate, p.kind, pred.evidence,
            ))
    return ArticleResult(out, summarise(out, model.labels))


def classify_text(
    model: FrameClassifier, text: str, *, explain: bool = False, top_k: int = 5
) -> ArticleResult:
    """Segment raw article text and classify it."""
    return classify_paragraphs(model, segment(text), explain=explain, top_k=top_k)


def classify_list(
    model: FrameClassifier, texts: list[str], *, explain: bool = False, top_k: int = 5
) -> ArticleResult:
    """Classify paragraphs the caller has already split; no offsets, no boilerplate rule."""
    paragraphs = [Paragraph(i, " ".join(t.split()), None, None, False) for i, t in enumerate(texts)]
    return classify_paragraphs(model, paragraphs, explain=explain, top_k=top_k)


def summarise(paragraphs: list[LabeledParagraph], labels: list[str]) -> dict[str, Any]:
    """Counts and shares per label over the article's text (boilerplate excluded), the
    mean score of each label, and the dominant frame (``none`` only if no frame occurs)."""
    body = [p for p in paragraphs if not p.boilerplate]
    counts = Counter(p.label for p in body)
    n = len(body)
    frames = [lab for lab in labels if lab != NO_FRAME]
    ranked = sorted(frames, key=lambda lab: (-counts[lab], -_mean(body, lab)))
    dominant = ranked[0] if ranked and counts[ranked[0]] else (NO_FRAME if n else None)
    return {
        "paragraphs": len(paragraphs),
        "boilerplate": len(paragraphs) - n,
        "counts": {lab: counts[lab] for lab in labels},
        "shares": {lab: round(counts[lab] / n, 4) if n else 0.0 for lab in labels},
        "mean_scores": {lab: round(_mean(body, lab), 4) for lab in labels},
        "dominant_frame": dominant,
    }


def _mean(paragraphs: list[LabeledParagraph], label: str) -> float:
    return sum(p.scores[label] for p in paragraphs) / len(paragraphs) if paragraphs else 0.0
