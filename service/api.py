"""The JSON API: validate the request, call the core in ``framing``, serialise."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flask import Blueprint, current_app, jsonify, request
from werkzeug.exceptions import UnsupportedMediaType

from framing.article import ArticleResult, classify_list, classify_text
from framing.frames import FRAMES
from framing.model import FrameClassifier
from service.errors import ModelUnavailable
from service.schemas import BatchRequest, ClassifyRequest

bp = Blueprint("api", __name__)


def model() -> FrameClassifier:
    """The model loaded at start-up, or a 503 explaining why there is none."""
    state = current_app.extensions["framing"]
    if state.model is None:
        raise ModelUnavailable(f"The model could not be loaded: {state.error}")
    return state.model


def body() -> Any:
    """The request's JSON; 415 for another content type, 400 for malformed JSON."""
    if not request.is_json:
        raise UnsupportedMediaType()
    return request.get_json()


def _model_ref(m: FrameClassifier) -> dict[str, str]:
    return {"name": m.name, "version": m.version}


def _serialise(result: ArticleResult) -> dict[str, Any]:
    paragraphs = []
    for p in result.paragraphs:
        item = {
            "index": p.index, "text": p.text, "start": p.start, "end": p.end,
            "label": p.label, "confidence": round(p.confidence, 4),
            "scores": {k: round(v, 4) for k, v in p.scores.items()},
            "boilerplate": p.boilerplate, "boilerplate_kind": p.kind,
        }
        if p.evidence is not None:
            item["evidence"] = [
                {"term": e.term, "weight": e.weight, "spans": [list(s) for s in e.spans]}
                for e in p.evidence
            ]
        paragraphs.append(item)
    return {"paragraphs": paragraphs, "summary": result.summary}


def _classify(m: FrameClassifier, doc: dict[str, Any], options: dict[str, Any]) -> ArticleResult:
    if "text" in doc:
        return classify_text(m, doc["text"], explain=options["explain"], top_k=options["top_k"])
    return classify_list(m, doc["paragraphs"], explain=options["explain"],
                         top_k=options["top_k"])


@bp.post("/v1/classify")
def classify() -> Any:
    """Classify one article given as raw text or as paragraphs."""
    req = ClassifyRequest().load(body())
    m = model()
    return jsonify({"model": _model_ref(m), **_serialise(_classify(m, req, req))})


@bp.post("/v1/classify/batch")
def classify_batch() -> Any:
    """Classify several articles in one request."""
    req = BatchRequest().load(body())
    m = model()
    documents = [
        {"id": doc["id"], **_serialise(_classify(m, doc, req))} for doc in req["documents"]
    ]
    return jsonify({"model": _model_ref(m), "documents": documents})


@bp.get("/v1/model")
def model_info() -> Any:
    """The loaded model's manifest: labels, training data, parameters, metrics, versions."""
    m = model()
    return jsonify({"name": m.name, "version": m.version, "path": str(m.stored.path),
                    "manifest": m.manifest})


@bp.get("/v1/frames")
def frames() -> Any:
    """The codebook's definition of each label the loaded model uses."""
    known = {f.name: asdict(f) for f in FRAMES}
    state = current_app.extensions["framing"]
    labels = state.model.labels if state.model else [f.name for f in FRAMES]
    return jsonify({
        "frames": [known.get(lab, {"name": lab, "title": lab, "definition": None})
                   for lab in labels],
        "codebook": "docs/codebook.md",
    })


@bp.get("/healthz")
def healthz() -> Any:
    """The process is up."""
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz() -> Any:
    """The model is loaded and answers."""
    m = model()
    return jsonify({"status": "ready", "model": _model_ref(m)})
