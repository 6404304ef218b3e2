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


@pytest.fixture()
def app(trained_model, monkeypatch):
    """The service on the small trained model, with small limits to test them."""
    from service import create_app

    for name in [n for n in __import__("os").environ if n.startswith("FRAMING_")]:
        monkeypatch.delenv(name)
    return create_app({
        "MODEL": str(trained_model),
        "MAX_CONTENT_LENGTH": 64 * 1024,
        "MAX_TEXT_CHARS": 20_000,
        "MAX_PARAGRAPHS": 50,
        "MAX_PARAGRAPH_CHARS": 5_000,
        "MAX_BATCH_DOCUMENTS": 3,
    })


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()


# An original article written for the tests, with the page furniture a paste carries.
ARTICLE = """Ministry rejects claims that warnings were ignored

By Ilse Marrow

14 March 2025

Firefighters outside the depot on Tuesday. Photo: Jon Areth/Northlight Images

The interior ministry on Tuesday dismissed reports that its officers had ignored two
warnings about the depot, calling them "baseless speculation".

Rescuers were still searching the rubble for three missing workers, and the regional
hospital said it was treating 41 people, eleven of them in a critical

condition after the blast.

Related article: Inquiry into depot blast to open in April

https://news.example.org/2025/03/14/depot-blast
"""
