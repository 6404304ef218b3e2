"""The HTTP API through Flask's test client: every endpoint and every error."""

from __future__ import annotations

import json

import pytest

from .conftest import ARTICLE


def post(client, url, payload, **kwargs):
    return client.post(url, data=json.dumps(payload), content_type="application/json", **kwargs)


def assert_error(response, status, code, field=None):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    error = response.get_json()["error"]
    assert error["code"] == code
    assert error["message"]
    if field is not None:
        assert error["field"] == field
    return error


def test_classify_text_segments_flags_and_scores(client, app):
    response = post(client, "/v1/classify", {"text": ARTICLE})
    assert response.status_code == 200
    body = response.get_json()
    labels = app.extensions["framing"].model.labels
    assert body["model"]["name"] == "small" and len(body["model"]["version"]) == 12
    paragraphs = body["paragraphs"]
    assert [p["boilerplate_kind"] for p in paragraphs] == [
        None, "byline", "dateline", "caption", None, None, "related", "url"
    ]
    for p in paragraphs:
        assert ARTICLE[p["start"]:p["end"]].split() == p["text"].split()
        assert set(p["scores"]) == set(labels)
        assert sum(p["scores"].values()) == pytest.approx(1.0, abs=1e-3)
        assert p["confidence"] == max(p["scores"].values())
        assert p["label"] == max(p["scores"], key=p["scores"].get)
        if p["boilerplate"]:
            assert p["label"] == "none"
        assert "evidence" not in p
    assert "in a critical condition after the blast." in paragraphs[5]["text"]
    summary = body["summary"]
    assert summary["paragraphs"] == 8 and summary["boilerplate"] == 5
    assert sum(summary["counts"].values()) == 3
    assert summary["dominant_frame"] in labels


def test_classify_paragraphs_with_evidence(client):
    paragraphs = ["Police denied that officers had ignored the warnings.",
                  "Mourners lit candles for the victims outside the hospital."]
    response = post(client, "/v1/classify", {"paragraphs": paragraphs, "explain": True,
                                             "top_k": 3})
    assert response.status_code == 200
    body = response.get_json()
    for sent, p in zip(paragraphs, body["paragraphs"], strict=True):
        assert p["text"] == sent and p["start"] is None and p["boilerplate"] is False
        assert 0 < len(p["evidence"]) <= 3
        for e in p["evidence"]:
            assert e["weight"] > 0
            for start, end in e["spans"]:
                assert sent[start:end]


def test_batch(client):
    response = post(client, "/v1/classify/batch", {"documents": [
        {"id": "a", "text": ARTICLE}, {"id": "b", "paragraphs": ["Rescuers dug all night."]},
    ]})
    assert response.status_code == 200
    docs = response.get_json()["documents"]
    assert [d["id"] for d in docs] == ["a", "b"]
    assert len(docs[0]["paragraphs"]) == 8 and len(docs[1]["paragraphs"]) == 1


def test_model_frames_health(client):
    model = client.get("/v1/model").get_json()
    assert model["manifest"]["labels"] and model["manifest"]["metrics"]["cv"]["macro_f1"] > 0
    frames = client.get("/v1/frames").get_json()["frames"]
    assert {f["name"] for f in frames} == set(model["manifest"]["labels"])
    assert all(f["definition"] for f in frames)
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json()["status"] == "ready"


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/v1/classify", "/v1/classify/batch", "/v1/model", "/v1/frames", "/healthz",
            "/readyz"} <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    assert schemas["BatchRequest"]["properties"]["documents"]["maxItems"] == 3
    assert schemas["ClassifyRequest"]["properties"]["paragraphs"]["maxItems"] == 50
    assert {"required": ["text"]} in schemas["ClassifyRequest"]["oneOf"]
    page = client.get("/docs").get_data(as_text=True)
    assert "swagger-ui-bundle.js" in page and "//cdn" not in page
    with client.get("/docs/static/swagger-ui-bundle.js") as response:
        assert response.status_code == 200


def test_web_page_uses_no_external_resources(client):
    page = client.get("/").get_data(as_text=True)
    assert '<label for="article">' in page
    assert "http://" not in page and "https://" not in page
    with client.get("/static/app.js") as response:
        assert response.status_code == 200


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "text", "exactly one"),
        ({"text": "a", "paragraphs": ["b"]}, "text", "exactly one"),
        ({"text": "   "}, "text", "empty"),
        ({"text": 42}, "text", "string"),
        ({"text": "x" * 20_001}, "text", "longer than"),
        ({"paragraphs": []}, "paragraphs", "at least one"),
        ({"paragraphs": "not a list"}, "paragraphs", "list"),
        ({"paragraphs": ["ok", 7]}, "paragraphs[1]", "string"),
        ({"paragraphs": ["ok", " "]}, "paragraphs[1]", "empty"),
        ({"paragraphs": ["p"] * 51}, "paragraphs", "More than 50"),
        ({"paragraphs": ["y" * 5_001]}, "paragraphs[0]", "longer than"),
        ({"text": "ok", "explain": "yes"}, "explain", "boolean"),
        ({"text": "ok", "explain": 0}, "explain", "boolean"),
        ({"text": "ok", "top_k": 0}, "top_k", "greater than or equal"),
        ({"text": "ok", "top_k": "3"}, "top_k", "integer"),
        ({"text": "ok", "colour": "red"}, "colour", "Unknown field"),
    ],
)
def test_invalid_fields_are_422(client, payload, field, message):
    error = assert_error(post(client, "/v1/classify", payload), 422, "invalid_field", field)
    assert message.lower() in error["message"].lower()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "documents"),
        ({"documents": []}, "documents"),
        ({"documents": [{"id": str(i), "text": "t"} for i in range(4)]}, "documents"),
        ({"documents": [{"text": "t"}]}, "documents[0].id"),
        ({"documents": [{"id": "a", "text": "t"}, {"id": "a", "text": "u"}]}, "documents[1].id"),
        ({"documents": [{"id": "a"}]}, "documents[0].text"),
        ({"documents": ["just text"]}, "documents[0]"),
    ],
)
def test_invalid_batches_are_422(client, payload, field):
    assert_error(post(client, "/v1/classify/batch", payload), 422, "invalid_field", field)


def test_protocol_errors_are_json(client):
    assert_error(client.post("/v1/classify", data="{not json", content_type="application/json"),
                 400, "bad_request")
    assert_error(client.post("/v1/classify", data="text=hi",
                             content_type="application/x-www-form-urlencoded"),
                 415, "unsupported_media_type")
    assert_error(client.post("/v1/classify", data="x"), 415, "unsupported_media_type")
    big = json.dumps({"text": "word " * 20_000})
    assert_error(client.post("/v1/classify", data=big, content_type="application/json"),
                 413, "request_entity_too_large")
    assert_error(client.get("/v1/nothing"), 404, "not_found")
    response = client.get("/v1/classify")
    assert_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
    for body in ("null", "[]", '"text"', "3"):
        response = client.post("/v1/classify", data=body, content_type="application/json")
        assert response.status_code == 422, body


def test_missing_model_is_503_not_500(tmp_path, monkeypatch):
    from service import create_app

    broken = create_app({"MODEL": str(tmp_path / "absent")})
    client = broken.test_client()
    assert client.get("/healthz").status_code == 200
    assert_error(client.get("/readyz"), 503, "model_unavailable")
    error = assert_error(post(client, "/v1/classify", {"text": "x"}), 503, "model_unavailable")
    assert "no model at" in error["message"]


def test_settings_from_the_environment(trained_model, monkeypatch):
    from service import create_app

    monkeypatch.setenv("FRAMING_MAX_BATCH_DOCUMENTS", "7")
    monkeypatch.setenv("FRAMING_MODEL", str(trained_model))
    app = create_app()
    assert app.config["MAX_BATCH_DOCUMENTS"] == 7
    assert app.extensions["framing"].model is not None
