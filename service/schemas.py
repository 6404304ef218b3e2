"""Request and response schemas: they validate requests and document the API."""

from __future__ import annotations

from typing import Any

from flask import current_app
from marshmallow import (
    RAISE,
    Schema,
    ValidationError,
    fields,
    validate,
    validates,
    validates_schema,
)


class _Strict(Schema):
    class Meta:
        unknown = RAISE


def _limit(name: str) -> int:
    return int(current_app.config[name])


class StrictBoolean(fields.Boolean):
    """JSON true or false only: marshmallow's Boolean takes 0 and 1, since 0 == False."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


# A JSON Schema pattern is searched, a marshmallow Regexp is matched at the start.
_NOT_BLANK = r"\s*\S"


class DocumentSchema(_Strict):
    """One article: raw text, or paragraphs already split."""

    text = fields.String(
        validate=validate.Regexp(_NOT_BLANK, error="Text is empty."),
        metadata={"description": "Raw article text; it is segmented. Give this or "
                                 "`paragraphs`, not both."},
    )
    paragraphs = fields.List(
        fields.String(validate=validate.Regexp(_NOT_BLANK, error="Paragraph is empty.")),
        validate=validate.Length(min=1, error="Give at least one paragraph."),
        metadata={"description": "Paragraphs already split, in order."},
    )

    @validates("text")
    def _text(self, value: str, **_: Any) -> None:
        if not value.strip():
            raise ValidationError("Text is empty.")
        if len(value) > _limit("MAX_TEXT_CHARS"):
            raise ValidationError(f"Text is longer than {_limit('MAX_TEXT_CHARS'):,} characters.")

    @validates("paragraphs")
    def _paragraphs(self, value: list[str], **_: Any) -> None:
        if not value:
            raise ValidationError("Give at least one paragraph.")
        if len(value) > _limit("MAX_PARAGRAPHS"):
            raise ValidationError(f"More than {_limit('MAX_PARAGRAPHS'):,} paragraphs.")
        for i, para in enumerate(value):
            if not para.strip():
                raise ValidationError({i: ["Paragraph is empty."]})
            if len(para) > _limit("MAX_PARAGRAPH_CHARS"):
                raise ValidationError(
                    {i: [f"Paragraph is longer than {_limit('MAX_PARAGRAPH_CHARS'):,} characters."]}
                )

    @validates_schema
    def _one_of(self, data: dict[str, Any], **_: Any) -> None:
        if ("text" in data) == ("paragraphs" in data):
            raise ValidationError("Give exactly one of 'text' or 'paragraphs'.", "text")


class OptionsSchema(Schema):
    explain = StrictBoolean(
        load_default=False,
        metadata={"description": "Add the evidence terms that weigh most for each label."},
    )
    top_k = fields.Integer(
        load_default=5, strict=True, validate=validate.Range(1, 50),
        metadata={"description": "How many evidence terms per paragraph (with explain)."},
    )


class ClassifyRequest(DocumentSchema, OptionsSchema):
    """POST /v1/classify."""


class BatchDocumentSchema(DocumentSchema):
    id = fields.String(required=True, validate=validate.Length(1, 200))


class BatchRequest(_Strict, OptionsSchema):
    """POST /v1/classify/batch."""

    documents = fields.List(
        fields.Nested(BatchDocumentSchema), required=True,
        validate=validate.Length(min=1, error="Give at least one document."),
    )

    @validates("documents")
    def _documents(self, value: list[dict[str, Any]], **_: Any) -> None:
        if not value:
            raise ValidationError("Give at least one document.")
        if len(value) > _limit("MAX_BATCH_DOCUMENTS"):
            raise ValidationError(
                f"More than {_limit('MAX_BATCH_DOCUMENTS'):,} documents in one batch."
            )
        seen: set[str] = set()
        for i, doc in enumerate(value):
            # Documents that failed their own validation arrive incomplete or missing.
            doc_id = doc.get("id") if isinstance(doc, dict) else None
            if doc_id is not None and doc_id in seen:
                raise ValidationError({i: {"id": ["Duplicate document id."]}})
            if doc_id is not None:
                seen.add(doc_id)


# Response schemas: documentation only (responses are built by the views).


class EvidenceSchema(Schema):
    term = fields.String(metadata={"description": "A stemmed word or bigram."})
    weight = fields.Float(metadata={"description": "Its contribution to the label's score."})
    spans = fields.List(fields.List(fields.Integer()), metadata={
        "description": "[start, end] character offsets of the term in the paragraph text."})


class ParagraphSchema(Schema):
    index = fields.Integer()
    text = fields.String(metadata={"description": "The paragraph, lines joined."})
    start = fields.Integer(allow_none=True, metadata={
        "description": "Offset of the paragraph in the submitted text (null for paragraphs)."})
    end = fields.Integer(allow_none=True)
    label = fields.String()
    confidence = fields.Float(metadata={"description": "Probability of the label."})
    scores = fields.Dict(keys=fields.String(), values=fields.Float(), metadata={
        "description": "Probability of every label; they sum to 1."})
    boilerplate = fields.Boolean(metadata={
        "description": "Byline, date line, caption, credit, related-article line or URL."})
    boilerplate_kind = fields.String(allow_none=True)
    evidence = fields.List(fields.Nested(EvidenceSchema), metadata={
        "description": "Only with explain."})


class SummarySchema(Schema):
    paragraphs = fields.Integer()
    boilerplate = fields.Integer()
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    shares = fields.Dict(keys=fields.String(), values=fields.Float())
    mean_scores = fields.Dict(keys=fields.String(), values=fields.Float())
    dominant_frame = fields.String(allow_none=True)


class ModelRefSchema(Schema):
    name = fields.String()
    version = fields.String(metadata={"description": "First 12 hex digits of the sha256."})


class ClassifyResponse(Schema):
    model = fields.Nested(ModelRefSchema)
    paragraphs = fields.List(fields.Nested(ParagraphSchema))
    summary = fields.Nested(SummarySchema)


class BatchDocumentResult(Schema):
    id = fields.String()
    paragraphs = fields.List(fields.Nested(ParagraphSchema))
    summary = fields.Nested(SummarySchema)


class BatchResponse(Schema):
    model = fields.Nested(ModelRefSchema)
    documents = fields.List(fields.Nested(BatchDocumentResult))


class ErrorBody(Schema):
    code = fields.String()
    message = fields.String()
    field = fields.String()


class ErrorSchema(Schema):
    error = fields.Nested(ErrorBody)
