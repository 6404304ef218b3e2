"""The one place a classification pipeline is built, for every candidate model.

Everything inside the pipeline (the analyser, the cue features) comes from ``framing`` so
that a saved model unpickles wherever the package is installed, without ``training``.
Feature extraction is fitted inside the pipeline, so cross-validation never lets a test
fold shape the vocabulary or its weights.
"""

from __future__ import annotations

from typing import Any

from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from framing.cues import CueFeatures
from framing.text import StemNgrams

FEATURES = ("word", "word+char", "word+cues", "word+char+cues", "word+embed")
CLASSIFIERS = ("logreg", "svm", "cnb")

# The defaults are the shipped model's configuration (see models/default/MODEL_CARD.md).
DEFAULTS: dict[str, Any] = {
    "features": "word",
    "classifier": "logreg",
    "C": 10.0,
    "ngram_max": 2,
    "min_df": 2,
    "char_max": 5,
    "cue_weight": 1.0,
    "embed_weight": 1.0,
    "class_weight": None,
    "calibration": "none",
}

# The candidates compared for the default model, by name.
CANDIDATES: dict[str, dict[str, Any]] = {
    "tfidf_logreg": {"features": "word", "classifier": "logreg"},
    "tfidf_char_logreg": {"features": "word+char", "classifier": "logreg"},
    "tfidf_char_svm_calibrated": {"features": "word+char", "classifier": "svm", "C": 0.5},
    "tfidf_complement_nb": {"features": "word", "classifier": "cnb", "C": 0.3},
    "tfidf_cues_logreg": {"features": "word+cues", "classifier": "logreg"},
    # Needs the optional `embeddings` extra; about a hundred times slower.
    "tfidf_embeddings_logreg": {"features": "word+embed", "classifier": "logreg", "C": 3.0},
}
OPTIONAL = {"tfidf_embeddings_logreg"}


def _word(ngram_max: int, min_df: int) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=StemNgrams(ngram_max), min_df=min_df, sublinear_tf=True)


def _char(char_max: int, min_df: int) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, char_max),
        min_df=min_df,
        sublinear_tf=True,
        max_features=150_000,
    )


def build_pipeline(**params: Any) -> Pipeline:
    """A fresh, unfitted pipeline; unknown parameters are an error, not ignored.

    ``C`` is the inverse regularisation of logistic regression and the SVM, and the
    smoothing ``alpha`` of complement naive Bayes.
    """
    unknown = set(params) - set(DEFAULTS) - {"seed"}
    if unknown:
        raise TypeError(f"unknown pipeline parameter(s): {', '.join(sorted(unknown))}")
    p = {**DEFAULTS, **params}
    seed = params.get("seed", 0)
    if p["features"] not in FEATURES:
        raise ValueError(f"features must be one of {FEATURES}, not {p['features']!r}")
    parts: list[tuple[str, Any]] = [("word", _word(p["ngram_max"], p["min_df"]))]
    if "char" in p["features"]:
        parts.append(("char", _char(p["char_max"], p["min_df"])))
    if "cues" in p["features"]:
        parts.append(("cues", CueFeatures(scale=p["cue_weight"])))
    if "embed" in p["features"]:
        from framing.embed import SentenceEmbeddings

        parts.append(("embed", SentenceEmbeddings(scale=p["embed_weight"])))
    features: Any = parts[0][1] if len(parts) == 1 else FeatureUnion(parts)

    if p["classifier"] == "logreg":
        clf: Any = LogisticRegression(
            C=p["C"], max_iter=5000, class_weight=p["class_weight"], random_state=seed
        )
        if p["calibration"] != "none":
            clf = CalibratedClassifierCV(clf, method=p["calibration"], cv=5)
    elif p["classifier"] == "svm":
        clf = CalibratedClassifierCV(
            LinearSVC(C=p["C"], class_weight=p["class_weight"], random_state=seed),
            method="sigmoid" if p["calibration"] == "none" else p["calibration"],
            cv=5,
        )
    elif p["classifier"] == "cnb":
        clf = CalibratedClassifierCV(
            ComplementNB(alpha=p["C"]),
            method="sigmoid" if p["calibration"] == "none" else p["calibration"],
            cv=5,
        )
    else:
        raise ValueError(f"classifier must be one of {CLASSIFIERS}, not {p['classifier']!r}")
    return Pipeline([("features", features), ("clf", clf)])
