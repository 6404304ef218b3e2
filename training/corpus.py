"""Read, check and extend the labeled corpus in training/data/.

``frames.csv`` holds one row per paragraph; ``articles.csv`` one row per article with the
facts that do not belong on every paragraph (country, outlet, style).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

from framing.frames import LABELS, NO_FRAME
from framing.paths import ARTICLES_CSV, CORPUS_CSV, RELABELS_CSV

CORPUS_COLUMNS = (
    "id", "article_id", "event_id", "event_type", "position", "text", "label", "secondary",
)
ARTICLE_COLUMNS = ("article_id", "event_id", "event_type", "country", "outlet", "style")
STYLES = (
    "wire", "broadsheet", "local", "state_media", "tabloid", "broadcast", "live_blog",
    "press_release", "foreign", "analysis",
)
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 6, 14
RELABEL_COLUMNS = (
    "id", "review", "old_label", "old_secondary", "new_label", "new_secondary", "reason",
)


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file as dicts."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split_secondary(value: str) -> list[str]:
    """The `;`-separated secondary labels of a row."""
    return [s for s in (part.strip() for part in value.split(";")) if s]


def write_rows(path: Path, columns: Sequence[str], rows: Iterable[dict[str, object]]) -> None:
    """Write a CSV atomically: a crash mid-write leaves the old file whole."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def near_duplicates(
    rows: Sequence[dict[str, str]], threshold: float = 0.8
) -> list[tuple[str, str, float]]:
    """Pairs of paragraphs from different articles whose TF-IDF cosine is >= threshold."""
    matrix = TfidfVectorizer().fit_transform([r["text"] for r in rows])
    similar = (matrix @ matrix.T).tocoo()
    return [
        (rows[i]["id"], rows[j]["id"], round(float(v), 3))
        for i, j, v in zip(similar.row, similar.col, similar.data, strict=True)
        if i < j and v >= threshold and rows[i]["article_id"] != rows[j]["article_id"]
    ]


def article_problems(article: dict) -> list[str]:
    """What is wrong with one article in the JSON Lines form writers deliver."""
    problems = []
    for key in ARTICLE_COLUMNS + ("paragraphs",):
        if key not in article:
            problems.append(f"missing {key}")
    if article.get("style") not in STYLES:
        problems.append(f"style {article.get('style')!r} not one of {STYLES}")
    paragraphs = article.get("paragraphs", [])
    if not MIN_PARAGRAPHS <= len(paragraphs) <= MAX_PARAGRAPHS:
        problems.append(f"{len(paragraphs)} paragraphs, expected {MIN_PARAGRAPHS}-{MAX_PARAGRAPHS}")
    for i, par in enumerate(paragraphs):
        if not str(par.get("text", "")).strip():
            problems.append(f"paragraph {i}: empty text")
        if par.get("label") not in LABELS:
            problems.append(f"paragraph {i}: label {par.get('label')!r} not in {LABELS}")
        for sec in par.get("secondary", []):
            if sec not in LABELS or sec in (NO_FRAME, par.get("label")):
                problems.append(f"paragraph {i}: bad secondary label {sec!r}")
    return problems


def add_articles(
    sources: Sequence[Path], corpus_csv: Path = CORPUS_CSV, articles_csv: Path = ARTICLES_CSV
) -> int:
    """Append the articles of JSON Lines files to the corpus; return how many were added.

    Refuses the whole batch if any article is malformed or already present.
    """
    rows = read_rows(corpus_csv) if corpus_csv.exists() else []
    articles = read_rows(articles_csv) if articles_csv.exists() else []
    known = {a["article_id"] for a in articles}
    new_rows: list[dict[str, object]] = []
    new_articles: list[dict[str, object]] = []
    errors = []
    for source in sources:
        with open(source, encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                article = json.loads(line)
                where = f"{source}:{line_no} ({article.get('article_id')})"
                problems = article_problems(article)
                if article.get("article_id") in known:
                    problems.append("article_id already in the corpus")
                if problems:
                    errors.extend(f"{where}: {p}" for p in problems)
                    continue
                known.add(article["article_id"])
                new_articles.append({k: article[k] for k in ARTICLE_COLUMNS})
                for pos, par in enumerate(article["paragraphs"]):
                    new_rows.append({
                        "id": f"{article['article_id']}-p{pos:02d}",
                        "article_id": article["article_id"],
                        "event_id": article["event_id"],
                        "event_type": article["event_type"],
                        "position": pos,
                        "text": " ".join(par["text"].split()),
                        "label": par["label"],
                        "secondary": ";".join(par.get("secondary", [])),
                    })
    if errors:
        raise ValueError("\n".join(errors))
    write_rows(corpus_csv, CORPUS_COLUMNS, [*rows, *new_rows])
    write_rows(articles_csv, ARTICLE_COLUMNS, [*articles, *new_articles])
    return len(new_articles)


def relabel(
    changes_csv: Path, review: str, corpus_csv: Path = CORPUS_CSV, log_csv: Path = RELABELS_CSV
) -> int:
    """Apply a review's label changes (id,label,secondary,reason) and log each one."""
    rows = read_rows(corpus_csv)
    by_id = {r["id"]: r for r in rows}
    log = read_rows(log_csv) if log_csv.exists() else []
    changes = read_rows(changes_csv)
    for c in changes:
        row = by_id[c["id"]]
        secondary = ";".join(split_secondary(c["secondary"]))
        if c["label"] not in LABELS or any(
            s not in LABELS or s in (NO_FRAME, c["label"]) for s in split_secondary(secondary)
        ):
            raise ValueError(f"{changes_csv}: {c['id']}: invalid {c['label']!r} / {secondary!r}")
        log.append({
            "id": c["id"], "review": review, "old_label": row["label"],
            "old_secondary": row["secondary"], "new_label": c["label"],
            "new_secondary": secondary, "reason": c["reason"],
        })
        row["label"], row["secondary"] = c["label"], secondary
    write_rows(corpus_csv, CORPUS_COLUMNS, rows)
    write_rows(log_csv, RELABEL_COLUMNS, log)
    return len(changes)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.corpus", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="append articles from JSON Lines files")
    add.add_argument("sources", nargs="+", type=Path)
    fix = sub.add_parser("relabel", help="apply a label review (id,label,secondary,reason)")
    fix.add_argument("changes", type=Path)
    fix.add_argument("--review", required=True, help="name of the review, for the log")
    args = parser.parse_args(argv)
    try:
        if args.command == "add":
            print(f"added {add_articles(args.sources)} articles")
        else:
            print(f"relabelled {relabel(args.changes, args.review)} paragraphs")
    except ValueError as exc:
        print(exc)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
