"""The model store: one directory per model with the artifact, its manifest and card.

``models/<name>/`` holds ``model.joblib``, ``manifest.json`` and ``MODEL_CARD.md``. A
model is written to a temporary directory and renamed into place, so an interrupted
write leaves the previous model whole; loading checks the manifest's format version,
the scikit-learn version and the artifact's sha256 before anything is unpickled.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib
import nltk
import sklearn

FORMAT_VERSION = 1
ARTIFACT = "model.joblib"
MANIFEST = "manifest.json"
MODEL_CARD = "MODEL_CARD.md"


class ModelStoreError(Exception):
    """Base class of the store's errors."""


class ModelNotFoundError(ModelStoreError, FileNotFoundError):
    """No model at the given place."""


class CorruptModelError(ModelStoreError, ValueError):
    """The artifact or manifest is truncated, altered or not a model of ours."""


class IncompatibleModelError(ModelStoreError, ValueError):
    """The model was written by another format or scikit-learn version."""


@dataclass(frozen=True)
class StoredModel:
    """A loaded pipeline with its manifest."""

    pipeline: Any
    manifest: dict[str, Any]
    path: Path

    @property
    def labels(self) -> list[str]:
        return list(self.manifest["labels"])


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    """Versions recorded in a manifest and checked on load."""
    return {
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "nltk": nltk.__version__,
        "joblib": joblib.__version__,
    }


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def save_model(
    pipeline: Any,
    out_dir: Path,
    *,
    labels: list[str],
    training_data: dict[str, Any],
    params: dict[str, Any],
    metrics: dict[str, Any],
    model_card: str,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write a model atomically into ``out_dir`` and return its manifest."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.tmp-"))
    try:
        tmp.chmod(0o755)  # mkdtemp's 0700 would hide the model from a service's own user
        joblib.dump(pipeline, tmp / ARTIFACT)
        manifest = {
            "format_version": FORMAT_VERSION,
            "name": out_dir.name,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "labels": list(labels),
            "training_data": training_data,
            "params": params,
            "metrics": metrics,
            "versions": library_versions(),
            "artifact": {"file": ARTIFACT, "sha256": sha256_of(tmp / ARTIFACT)},
            **(extra or {}),
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        (tmp / MODEL_CARD).write_text(model_card, encoding="utf-8")
        for name in (ARTIFACT, MANIFEST, MODEL_CARD):
            with open(tmp / name, "rb") as fh:
                os.fsync(fh.fileno())
        _swap_into_place(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def _swap_into_place(tmp: Path, out_dir: Path) -> None:
    """Rename ``tmp`` to ``out_dir``; the old model is removed only after the swap."""
    old = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.old-"))
        os.rmdir(old)
        os.replace(out_dir, old)
    try:
        os.replace(tmp, out_dir)
    except BaseException:
        if old is not None:
            os.replace(old, out_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def read_manifest(model_dir: Path) -> dict[str, Any]:
    """The manifest of a stored model, checked for format and library version."""
    model_dir = Path(model_dir)
    path = model_dir / MANIFEST
    if not path.is_file():
        raise ModelNotFoundError(f"no model at {model_dir} (missing {MANIFEST})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptModelError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(manifest, dict) or "format_version" not in manifest:
        raise CorruptModelError(f"{path} is not a media-framing manifest")
    if manifest["format_version"] != FORMAT_VERSION:
        raise IncompatibleModelError(
            f"{model_dir} has format version {manifest['format_version']}, this version "
            f"reads {FORMAT_VERSION}: retrain it with `framing train`"
        )
    try:
        trained_with = manifest["versions"]["scikit-learn"]
        expected = manifest["artifact"]["sha256"]
        manifest["labels"]
    except (KeyError, TypeError) as exc:
        raise CorruptModelError(f"{path} lacks {exc}") from exc
    if _minor(trained_with) != _minor(sklearn.__version__):
        raise IncompatibleModelError(
            f"{model_dir} was trained with scikit-learn {trained_with}, this is "
            f"{sklearn.__version__}: install scikit-learn=={trained_with} or retrain"
        )
    if not isinstance(expected, str):
        raise CorruptModelError(f"{path} has no artifact checksum")
    return manifest


def load_model(model_dir: Path) -> StoredModel:
    """Load a stored model after checking its manifest and checksum."""
    model_dir = Path(model_dir)
    manifest = read_manifest(model_dir)
    artifact = model_dir / ARTIFACT
    if not artifact.is_file():
        raise ModelNotFoundError(f"no model at {model_dir} (missing {ARTIFACT})")
    if sha256_of(artifact) != manifest["artifact"]["sha256"]:
        raise CorruptModelError(
            f"{artifact} does not match the checksum in its manifest: the file is "
            "truncated or altered; retrain or restore it"
        )
    try:
        pipeline = joblib.load(artifact)
    except Exception as exc:  # a checksummed file that still fails is a foreign pickle
        raise CorruptModelError(f"{artifact} could not be loaded: {exc}") from exc
    return StoredModel(pipeline=pipeline, manifest=manifest, path=model_dir)
