"""The labeled corpus keeps the contract that training and the datasheet rely on."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict

import pytest

from framing.frames import LABELS, NO_FRAME
from framing.paths import ARTICLES_CSV, CORPUS_CSV
from training.corpus import (
    ARTICLE_COLUMNS,
    CORPUS_COLUMNS,
    MAX_PARAGRAPHS,
    MIN_PARAGRAPHS,
    STYLES,
    near_duplicates,
    read_rows,
    split_secondary,
)

FRAME_MINIMUM = 450
NONE_MINIMUM = 350


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_rows(CORPUS_CSV)


@pytest.fixture(scope="module")
def articles() -> list[dict[str, str]]:
    return read_rows(ARTICLES_CSV)


def test_schema_is_exact_and_strictly_quoted() -> None:
    with open(CORPUS_CSV, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, strict=True)
        header = next(reader)
        widths = {len(record) for record in reader}
    assert tuple(header) == CORPUS_COLUMNS
    assert widths == {len(CORPUS_COLUMNS)}


def test_labels_are_the_codebooks(rows) -> None:
    for r in rows:
        assert r["label"] in LABELS, r["id"]
        secondary = split_secondary(r["secondary"])
        assert len(set(secondary)) == len(secondary), r["id"]
        for s in secondary:
            assert s in LABELS and s not in (NO_FRAME, r["label"]), r["id"]


def test_ids_unique_and_text_present(rows) -> None:
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["text"].strip() == r["text"] and r["text"] for r in rows)


def test_no_exact_duplicate_text(rows) -> None:
    dupes = [t for t, n in Counter(r["text"] for r in rows).items() if n > 1]
    assert dupes == []


def test_no_near_duplicates_across_articles(rows) -> None:
    assert near_duplicates(rows, threshold=0.8) == []


def test_minimum_counts(rows, articles) -> None:
    labels = Counter(r["label"] for r in rows)
    assert len(rows) >= 2500
    assert len(articles) >= 250
    assert len({a["event_id"] for a in articles}) >= 80
    assert len({a["event_type"] for a in articles}) >= 15
    assert len({a["country"] for a in articles}) >= 30
    for label in LABELS:
        assert labels[label] >= (NONE_MINIMUM if label == NO_FRAME else FRAME_MINIMUM), label


def test_articles_complete_with_contiguous_positions(rows) -> None:
    positions = defaultdict(list)
    for r in rows:
        positions[r["article_id"]].append(int(r["position"]))
    for article_id, found in positions.items():
        assert found == list(range(len(found))), article_id
        assert MIN_PARAGRAPHS <= len(found) <= MAX_PARAGRAPHS, article_id


def test_articles_table_matches_paragraphs(rows, articles) -> None:
    with open(ARTICLES_CSV, encoding="utf-8", newline="") as fh:
        assert tuple(next(csv.reader(fh))) == ARTICLE_COLUMNS
    by_id = {a["article_id"]: a for a in articles}
    assert len(by_id) == len(articles)
    assert set(by_id) == {r["article_id"] for r in rows}
    for r in rows:
        a = by_id[r["article_id"]]
        assert (r["event_id"], r["event_type"]) == (a["event_id"], a["event_type"]), r["id"]
    for a in articles:
        assert a["style"] in STYLES and a["country"] and a["outlet"], a["article_id"]


def test_events_are_covered_by_several_outlets(articles) -> None:
    outlets = defaultdict(set)
    for a in articles:
        outlets[a["event_id"]].add(a["outlet"])
    single = [e for e, o in outlets.items() if len(o) < 2]
    assert len(single) <= len(outlets) // 10, single
