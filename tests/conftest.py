"""Shared fixtures: small labeled CSVs cut from the corpus, and a trained model."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from framing.paths import CORPUS_CSV
from training.corpus import read_rows

# A user's own label set, mapped from the codebook's, to prove nothing assumes ours.
CUSTOM_LABELS = {
    "official_denial": "accountability",
    "blame_attribution": "accountability",
    "security_failure": "accountability",
    "humanitarian": "human_cost",
    "none": "other",
}


def _sample_rows(n_events: int) -> list[dict[str, str]]:
    rows = read_rows(CORPUS_CSV)
    events = sorted({r["event_id"] for r in rows})[::3][:n_events]
    keep = set(events)
    return [r for r in rows if r["event_id"] in keep]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture(scope="session")
def small_csv(tmp_path_factory) -> Path:
    """About 900 corpus paragraphs from 24 events, with the corpus's columns."""
    path = tmp_path_factory.mktemp("data") / "small.csv"
    rows = _sample_rows(24)
    return write_csv(
        path,
        ["id", "event_id", "text", "label", "secondary", "ignored_extra"],
        [[r["id"], r["event_id"], r["text"], r["label"], r["secondary"], "x"] for r in rows],
    )


@pytest.fixture(scope="session")
def custom_csv(tmp_path_factory) -> Path:
    """The same kind of data under a user's own three labels, grouped by `group`."""
    path = tmp_path_factory.mktemp("data") / "custom.csv"
    rows = _sample_rows(24)
    return write_csv(
        path, ["text", "label", "group"],
        [[r["text"], CUSTOM_LABELS[r["label"]], r["event_id"]] for r in rows],
    )


@pytest.fixture(scope="session")
def trained_model(tmp_path_factory, small_csv) -> Path:
    """A model trained once through the CLI for the tests that only read it."""
    from training.cli import main

    out = tmp_path_factory.mktemp("models") / "small"
    assert main(["train", "--data", str(small_csv), "--out", str(out)]) == 0
    return out
