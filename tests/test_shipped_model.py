"""The shipped model loads from a fresh clone and is the one the corpus trains."""

from __future__ import annotations

import hashlib

from framing.article import classify_text
from framing.frames import LABELS
from framing.model import FrameClassifier
from framing.paths import CORPUS_CSV, DEFAULT_MODEL_DIR


def test_shipped_model_loads_and_matches_the_corpus() -> None:
    model = FrameClassifier.load(DEFAULT_MODEL_DIR)
    manifest = model.manifest
    assert sorted(model.labels) == sorted(LABELS)
    assert manifest["training_data"]["sha256"] == hashlib.sha256(
        CORPUS_CSV.read_bytes()
    ).hexdigest(), "frames.csv changed: retrain models/default (see README)"
    assert manifest["metrics"]["cv"]["macro_f1"] > 0.7
    assert "dev" in manifest["metrics"], "the card must report the real-news dev set"
    card = (DEFAULT_MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert f"**{manifest['metrics']['dev']['macro_f1']:.3f}**" in card
    assert "Candidates compared" in card


def test_shipped_model_reads_an_article() -> None:
    model = FrameClassifier.load(DEFAULT_MODEL_DIR)
    text = (
        "The army said on Monday that the strike had hit a militant command post and "
        "rejected reports that a school was struck as baseless.\n\n"
        "Relatives buried the seven children killed in the strike on Tuesday, as hundreds "
        "of mourners wept at the cemetery.\n\nBy Tomas Fell\n"
    )
    labels = [p.label for p in classify_text(model, text).paragraphs]
    assert labels == ["official_denial", "humanitarian", "none"]
