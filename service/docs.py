"""The OpenAPI document (built with apispec from the marshmallow schemas) and its docs page.

Swagger UI's files come from the swagger-ui-bundle package and are served by the app
itself, so the docs work with no CDN and no network.
"""

from __future__ import annotations

from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Blueprint, current_app, jsonify, render_template, send_from_directory
from swagger_ui_bundle import swagger_ui_path

from service import schemas

bp = Blueprint("docs", __name__)

_ERRORS = {
    "400": "Malformed JSON.",
    "413": "Body larger than the limit.",
    "415": "Content type is not application/json.",
    "422": "A field has the wrong type or value; `field` names it.",
    "503": "The model could not be loaded.",
}


def _responses(ok: str, *codes: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "200": {"description": "OK", "content": {"application/json": {"schema": ok}}}
    }
    for code in codes:
        out[code] = {"description": _ERRORS[code],
                     "content": {"application/json": {"schema": "Error"}}}
    return out


def build_spec(limits: dict[str, int]) -> dict[str, Any]:
    """The OpenAPI 3 document of the API, with this app's size limits."""
    spec = APISpec(
        title="media-framing",
        version="1.0.0",
        openapi_version="3.0.3",
        plugins=[MarshmallowPlugin()],
        info={"description": "Label each paragraph of a news article by its frame, with a "
                             "calibrated score for every frame."},
    )
    for name, schema in (
        ("ClassifyRequest", schemas.ClassifyRequest), ("BatchRequest", schemas.BatchRequest),
        ("ClassifyResponse", schemas.ClassifyResponse), ("BatchResponse", schemas.BatchResponse),
        ("Error", schemas.ErrorSchema),
    ):
        spec.components.schema(name, schema=schema)
    write = ("400", "413", "415", "422", "503")
    spec.path("/v1/classify", operations={"post": {
        "summary": "Classify one article",
        "description": "Send raw `text` (segmented into paragraphs, boilerplate flagged) or "
                       "`paragraphs` already split. Options: `explain`, `top_k`.",
        "requestBody": {"required": True,
                        "content": {"application/json": {"schema": "ClassifyRequest"}}},
        "responses": _responses("ClassifyResponse", *write),
    }})
    spec.path("/v1/classify/batch", operations={"post": {
        "summary": "Classify several articles",
        "description": "Up to the configured maximum of documents, each with an `id`.",
        "requestBody": {"required": True,
                        "content": {"application/json": {"schema": "BatchRequest"}}},
        "responses": _responses("BatchResponse", *write),
    }})
    for path, summary in (
        ("/v1/model", "The loaded model's manifest and metrics"),
        ("/v1/frames", "The codebook's definitions of the labels"),
        ("/healthz", "Liveness"),
        ("/readyz", "Readiness: the model is loaded"),
    ):
        codes = ("503",) if path in ("/v1/model", "/readyz") else ()
        spec.path(path, operations={"get": {
            "summary": summary,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {
                    "schema": {"type": "object"}}}},
                **{c: {"description": _ERRORS[c], "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Error"}}}} for c in codes},
            },
        }})
    document = spec.to_dict()
    # "Exactly one of text or paragraphs" is a schema-level rule marshmallow cannot
    # describe; state it in the document so clients and fuzzers see it.
    # The size limits are settings, so they are filled in from the app's config.
    schemas_ = document["components"]["schemas"]
    for name in ("ClassifyRequest", "BatchDocument"):
        schemas_[name]["oneOf"] = [{"required": ["text"]}, {"required": ["paragraphs"]}]
        props = schemas_[name]["properties"]
        props["text"]["maxLength"] = limits["MAX_TEXT_CHARS"]
        props["paragraphs"]["maxItems"] = limits["MAX_PARAGRAPHS"]
        props["paragraphs"]["items"]["maxLength"] = limits["MAX_PARAGRAPH_CHARS"]
    schemas_["BatchRequest"]["properties"]["documents"]["maxItems"] = limits[
        "MAX_BATCH_DOCUMENTS"
    ]
    return document


@bp.get("/openapi.json")
def openapi() -> Any:
    if "framing.openapi" not in current_app.extensions:
        current_app.extensions["framing.openapi"] = build_spec({
            name: int(current_app.config[name])
            for name in ("MAX_TEXT_CHARS", "MAX_PARAGRAPHS", "MAX_PARAGRAPH_CHARS",
                         "MAX_BATCH_DOCUMENTS")
        })
    return jsonify(current_app.extensions["framing.openapi"])


@bp.get("/docs")
def docs_page() -> Any:
    return render_template("docs.html")


@bp.get("/docs/static/<path:filename>")
def swagger_static(filename: str) -> Any:
    return send_from_directory(swagger_ui_path, filename)
