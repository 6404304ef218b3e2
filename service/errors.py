"""The service's errors, and the one handler that turns every error into JSON.

Body: ``{"error": {"code": ..., "message": ..., "field": ...}}`` (``field`` only when one
field is to blame). No input produces a 500: anything unexpected is logged and answered
with a generic JSON 500 that leaks no traceback.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException


class APIError(Exception):
    """An error with an HTTP status and a stable machine-readable code."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidField(APIError):
    """A request field has the wrong type or value."""

    status = 422
    code = "invalid_field"


class ModelUnavailable(APIError):
    """The model could not be loaded at start-up."""

    status = 503
    code = "model_unavailable"


def _body(status: int, code: str, message: str, field: str | None = None) -> Any:
    error: dict[str, Any] = {"code": code, "message": message}
    if field is not None:
        error["field"] = field
    response = jsonify({"error": error})
    response.status_code = status
    return response


def first_validation_error(messages: Any, path: str = "") -> tuple[str, str]:
    """The first (field path, message) of marshmallow's nested error messages."""
    if isinstance(messages, dict):
        key = next(iter(messages))
        if isinstance(key, int):
            child = f"{path}[{key}]"
        else:
            child = key if key != "_schema" or not path else path
            child = f"{path}.{child}" if path and key != "_schema" else child
        return first_validation_error(messages[key], child)
    if isinstance(messages, list) and messages:
        if isinstance(messages[0], (dict, list)):
            return first_validation_error(messages[0], path)
        return path, str(messages[0])
    return path, str(messages)


def register_error_handlers(app: Flask) -> None:
    """Answer every error with the JSON error body."""

    @app.errorhandler(APIError)
    def api_error(exc: APIError) -> Any:
        return _body(exc.status, exc.code, exc.message, exc.field)

    @app.errorhandler(ValidationError)
    def validation_error(exc: ValidationError) -> Any:
        field, message = first_validation_error(exc.messages)
        return _body(422, "invalid_field", message, None if field == "_schema" else field)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Any:
        code = (exc.name or "error").lower().replace(" ", "_").replace("'", "")
        messages = {
            400: "The request body is not valid JSON.",
            404: "No such endpoint. See /openapi.json or /docs.",
            405: "This endpoint does not accept that method.",
            413: f"The request body is larger than the limit of "
                 f"{app.config.get('MAX_CONTENT_LENGTH', 0):,} bytes.",
            415: "Send the request body as JSON with 'Content-Type: application/json'.",
        }
        response = _body(exc.code or 500, code, messages.get(exc.code or 0, exc.description or ""))
        if exc.code == 405 and hasattr(exc, "valid_methods") and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Any:
        app.logger.exception("unhandled error")
        return _body(500, "internal_error", "An unexpected error occurred; it has been logged.")
