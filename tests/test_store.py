"""The model store round-trips models and refuses anything it cannot vouch for."""

from __future__ import annotations

import json

import joblib
import pytest
from sklearn.dummy import DummyClassifier

from framing import store
from framing.store import (
    CorruptModelError,
    IncompatibleModelError,
    ModelNotFoundError,
    load_model,
    save_model,
)


def _save(path, strategy="prior"):
    model = DummyClassifier(strategy=strategy).fit([[0], [1], [1]], ["a", "b", "b"])
    return save_model(
        model, path, labels=["a", "b"], training_data={"file": "t.csv", "sha256": "0", "rows": 3},
        params={"strategy": strategy}, metrics={"cv": {"macro_f1": 0.5}}, model_card="# card\n",
    )


def test_round_trip_keeps_model_and_manifest(tmp_path) -> None:
    manifest = _save(tmp_path / "m")
    loaded = load_model(tmp_path / "m")
    assert loaded.manifest == manifest
    assert list(loaded.pipeline.predict([[0]])) == ["b"]
    assert manifest["format_version"] == store.FORMAT_VERSION
    assert set(manifest["versions"]) == {"python", "scikit-learn", "nltk", "joblib"}
    assert (tmp_path / "m" / "MODEL_CARD.md").read_text() == "# card\n"


def test_refuses_altered_artifact(tmp_path) -> None:
    _save(tmp_path / "m")
    artifact = tmp_path / "m" / store.ARTIFACT
    data = bytearray(artifact.read_bytes())
    data[len(data) // 2] ^= 0xFF
    artifact.write_bytes(bytes(data))
    with pytest.raises(CorruptModelError, match="truncated or altered"):
        load_model(tmp_path / "m")


def test_refuses_truncated_artifact(tmp_path) -> None:
    _save(tmp_path / "m")
    artifact = tmp_path / "m" / store.ARTIFACT
    artifact.write_bytes(artifact.read_bytes()[:40])
    with pytest.raises(CorruptModelError, match="truncated or altered"):
        load_model(tmp_path / "m")


def test_refuses_foreign_file_even_with_matching_checksum(tmp_path) -> None:
    _save(tmp_path / "m")
    artifact = tmp_path / "m" / store.ARTIFACT
    artifact.write_bytes(b"not a pickle at all")
    manifest_path = tmp_path / "m" / store.MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["artifact"]["sha256"] = store.sha256_of(artifact)
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(CorruptModelError, match="could not be loaded"):
        load_model(tmp_path / "m")


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda m: m.update(format_version=99), IncompatibleModelError, "format version 99"),
        (lambda m: m["versions"].update({"scikit-learn": "0.24.2"}), IncompatibleModelError,
         "scikit-learn 0.24.2"),
        (lambda m: m.pop("artifact"), CorruptModelError, "lacks"),
    ],
)
def test_checks_manifest_before_unpickling(tmp_path, monkeypatch, change, error, message) -> None:
    _save(tmp_path / "m")
    manifest_path = tmp_path / "m" / store.MANIFEST
    manifest = json.loads(manifest_path.read_text())
    change(manifest)
    manifest_path.write_text(json.dumps(manifest))
    monkeypatch.setattr(joblib, "load", lambda *_: pytest.fail("unpickled before checks"))
    with pytest.raises(error, match=message):
        load_model(tmp_path / "m")


def test_missing_and_unreadable_manifests(tmp_path) -> None:
    with pytest.raises(ModelNotFoundError):
        load_model(tmp_path / "nothing-here")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / store.MANIFEST).write_text("{not json")
    with pytest.raises(CorruptModelError, match="not valid JSON"):
        load_model(tmp_path / "bad")
    assert issubclass(ModelNotFoundError, FileNotFoundError)
    assert issubclass(CorruptModelError, ValueError)


def test_failed_write_leaves_previous_model_whole(tmp_path, monkeypatch) -> None:
    first = _save(tmp_path / "m", strategy="prior")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store.joblib, "dump", crash)
    with pytest.raises(KeyboardInterrupt):
        _save(tmp_path / "m", strategy="most_frequent")
    assert load_model(tmp_path / "m").manifest == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]


def test_replacing_a_model_swaps_it_whole(tmp_path) -> None:
    _save(tmp_path / "m", strategy="prior")
    second = _save(tmp_path / "m", strategy="most_frequent")
    assert load_model(tmp_path / "m").manifest == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]  # no old or temporary copies
