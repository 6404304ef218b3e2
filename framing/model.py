"""The classifier as the rest of the product uses it: scores, labels and evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.store import StoredModel, load_model
from framing.text import NEGATIONS, stem, token_spans

# Left out of evidence: function words and numbers. Negations stay: they carry denials.
_FUNCTION_WORDS = frozenset(
    stem(w) for w in ENGLISH_STOP_WORDS if w not in NEGATIONS
) | {"<num>"}


@dataclass(frozen=True)
class Evidence:
    """A feature that pushed a paragraph towards its label, with where it occurs."""

    term: str
    weight: float
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Prediction:
    """One paragraph's label, its probability and the probability of every label."""

    label: str
    confidence: float
    scores: dict[str, float]
    evidence: list[Evidence] | None = None


class FrameClassifier:
    """A stored pipeline with the operations the CLI and the service need."""

    def __init__(self, stored: StoredModel) -> None:
        self.stored = stored
        self.pipeline = stored.pipeline
        self.labels: list[str] = [str(c) for c in self.pipeline.classes_]

    @classmethod
    def load(cls, model_dir: Path) -> FrameClassifier:
        """Load from the model store (checks format, versions and checksum)."""
        return cls(load_model(model_dir))

    @property
    def manifest(self) -> dict[str, Any]:
        return self.stored.manifest

    @property
    def name(self) -> str:
        return str(self.manifest.get("name", self.stored.path.name))

    @property
    def version(self) -> str:
        """A short identifier of the exact artifact: its checksum's first 12 digits."""
        return str(self.manifest["artifact"]["sha256"][:12])

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Probabilities, one row per text, columns in ``self.labels`` order."""
        if not texts:
            return np.zeros((0, len(self.labels)))
        return np.asarray(self.pipeline.predict_proba(texts), dtype=float)

    def predict(
        self, texts: list[str], *, explain: bool = False, top_k: int = 5
    ) -> list[Prediction]:
        """Label, confidence and all scores for each text, with evidence on request."""
        if not explain or not texts:
            proba, features = self.predict_proba(texts), None
        else:  # featurise once, for the scores and the evidence alike
            features = self.pipeline[:-1].transform(texts).tocsr()
            proba = np.asarray(self.pipeline[-1].predict_proba(features), dtype=float)
        out = []
        for i, text in enumerate(texts):
            best = int(np.argmax(proba[i]))
            scores = {lab: float(p) for lab, p in zip(self.labels, proba[i], strict=True)}
            evidence = (
                self._evidence(text, features[i], best, top_k) if features is not None else None
            )
            out.append(Prediction(self.labels[best], float(proba[i, best]), scores, evidence))
        return out

    def top_terms(self, k: int = 15) -> dict[str, list[tuple[str, float]]]:
        """The k highest-weighted features of each label (empty for non-linear models)."""
        return top_terms(self.pipeline, k)

    @cached_property
    def _feature_names(self) -> np.ndarray:
        return np.asarray(self.pipeline[:-1].get_feature_names_out())

    @cached_property
    def _weights(self) -> list[np.ndarray | None]:
        return [_linear_weights(self.pipeline, i) for i in range(len(self.labels))]

    def _evidence(self, text: str, row: Any, class_index: int, top_k: int) -> list[Evidence]:
        """The terms of ``text`` (featurised as ``row``) that weigh most for a class."""
        weights = self._weights[class_index]
        if weights is None:
            return []
        contributions = row.data * weights[row.indices]
        names = self._feature_names
        order = np.argsort(-contributions)
        spans = token_spans(text)
        out: list[Evidence] = []
        for j in order:
            if contributions[j] <= 0 or len(out) >= top_k:
                break
            name = str(names[row.indices[j]])
            term = name.split("__", 1)[-1]
            if name.startswith("cue__") or all(w in _FUNCTION_WORDS for w in term.split()):
                continue  # real weight, but "as" or "of the" explains nothing to a reader
            out.append(Evidence(term, round(float(contributions[j]), 4), _locate(term, spans)))
        return out


def top_terms(pipeline: Any, k: int = 15) -> dict[str, list[tuple[str, float]]]:
    """The k highest-weighted features of each class of a fitted linear pipeline."""
    names = pipeline[:-1].get_feature_names_out()
    out: dict[str, list[tuple[str, float]]] = {}
    for i, label in enumerate(pipeline.classes_):
        weights = _linear_weights(pipeline, i)
        if weights is None:
            return {}
        order = np.argsort(-weights)
        out[str(label)] = [
            (str(names[j]).split("__", 1)[-1], round(float(weights[j]), 4)) for j in order[:k]
        ]
    return out


def _linear_weights(pipeline: Any, class_index: int) -> np.ndarray | None:
    """Per-feature weights of one class, for the linear classifiers we train."""
    clf = pipeline[-1]
    estimators = [clf]
    if hasattr(clf, "calibrated_classifiers_"):
        estimators = [c.estimator for c in clf.calibrated_classifiers_]
    rows = []
    for est in estimators:
        if hasattr(est, "coef_"):
            coef = np.asarray(est.coef_)
            # A binary linear model keeps one row of weights, for the second class.
            sign = 1 if class_index else -1
            rows.append(coef[class_index] if coef.shape[0] > 1 else sign * coef[0])
        elif hasattr(est, "feature_log_prob_"):
            logp = np.asarray(est.feature_log_prob_)
            rows.append(logp[class_index] - logp.mean(axis=0))
        else:
            return None
    return np.mean(rows, axis=0)


def _locate(term: str, spans: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """Character spans of the tokens whose stems make up ``term`` (an n-gram of stems)."""
    wanted = term.split()
    stems = [stem(tok) for tok, _, _ in spans]
    found = []
    for i in range(len(stems) - len(wanted) + 1):
        if stems[i : i + len(wanted)] == wanted:
            found.append((spans[i][1], spans[i + len(wanted) - 1][2]))
    return found
