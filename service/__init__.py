"""The HTTP service: ``create_app(config)`` builds the Flask app (run it with gunicorn)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask

from framing.model import FrameClassifier
from framing.paths import DEFAULT_MODEL_DIR
from framing.store import ModelStoreError

DEFAULTS: dict[str, Any] = {
    "MODEL": str(DEFAULT_MODEL_DIR),
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "MAX_TEXT_CHARS": 200_000,
    "MAX_PARAGRAPHS": 1_000,
    "MAX_PARAGRAPH_CHARS": 20_000,
    "MAX_BATCH_DOCUMENTS": 50,
}


@dataclass
class ModelState:
    """The model loaded at start-up, or why it could not be."""

    model: FrameClassifier | None
    error: str | None = None


def load_state(path: str) -> ModelState:
    try:
        return ModelState(FrameClassifier.load(Path(path)))
    except (ModelStoreError, OSError) as exc:
        return ModelState(None, str(exc))


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app; settings come from ``config``, then ``FRAMING_*`` environment
    variables (``FRAMING_MODEL=models/other``, ``FRAMING_MAX_BATCH_DOCUMENTS=20``)."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    if config:
        app.config.from_mapping(config)
    app.config.from_prefixed_env("FRAMING")
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["framing"] = load_state(app.config["MODEL"])
    if app.extensions["framing"].model is None:
        app.logger.error("model not loaded: %s", app.extensions["framing"].error)

    from service import api, docs, errors, web

    errors.register_error_handlers(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(docs.bp)
    app.register_blueprint(web.bp)
    return app
