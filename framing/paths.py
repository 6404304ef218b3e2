"""Every file location the project knows, in one place."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = PROJECT_ROOT / "models"
DEFAULT_MODEL_DIR = MODELS_DIR / "default"

TRAINING_DATA_DIR = PROJECT_ROOT / "training" / "data"
CORPUS_CSV = TRAINING_DATA_DIR / "frames.csv"
ARTICLES_CSV = TRAINING_DATA_DIR / "articles.csv"
AGREEMENT_CSV = TRAINING_DATA_DIR / "agreement.csv"
RELABELS_CSV = TRAINING_DATA_DIR / "relabels.csv"
DEV_CURVE_CSV = TRAINING_DATA_DIR / "dev_curve.csv"
GENERALISATION_JSON = TRAINING_DATA_DIR / "generalisation.json"
DATASHEET_MD = TRAINING_DATA_DIR / "README.md"

CODEBOOK_MD = PROJECT_ROOT / "docs" / "codebook.md"

# The real-news dev set lives outside the repository and is never trained on.
DEV_CSV = PROJECT_ROOT.parent / "shared" / "realnews" / "dev.csv"
