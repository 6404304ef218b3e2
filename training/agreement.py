"""Label quality: a blind second pass over a random sample, compared with the authors'.

``sample`` writes the sample for the second annotator (id and text only);
``compare`` joins their labels with the corpus's into training/data/agreement.csv, where
each disagreement is then adjudicated by hand (``adjudicated`` and ``note`` columns).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, confusion_matrix

from framing.frames import LABELS
from framing.paths import AGREEMENT_CSV, CORPUS_CSV
from training.corpus import read_rows, write_rows

AGREEMENT_COLUMNS = (
    "id", "sample", "author_label", "blind_label", "adjudicated", "author_secondary",
    "blind_secondary", "note",
)


def sample(
    corpus_csv: Path, out: Path, fraction: float, seed: int, prefixes: Sequence[str] = ()
) -> int:
    """Write a random sample of paragraphs, shuffled, without their labels.

    ``prefixes`` limits the sample to ids starting with one of them (a later round).
    """
    rows = [r for r in read_rows(corpus_csv) if not prefixes or r["id"].startswith(tuple(prefixes))]
    picked = random.Random(seed).sample(rows, round(len(rows) * fraction))
    write_rows(out, ("id", "text"), ({"id": r["id"], "text": r["text"]} for r in picked))
    return len(picked)


def compare(
    corpus_csv: Path, blind_csv: Path, sample_name: str, out: Path = AGREEMENT_CSV
) -> int:
    """Join blind labels with the authors' labels; keep earlier passes and adjudications."""
    corpus = {r["id"]: r for r in read_rows(corpus_csv)}
    previous = {r["id"]: r for r in read_rows(out)} if out.exists() else {}
    blind = read_rows(blind_csv)
    new_ids = {b["id"] for b in blind}
    joined = [r for r in previous.values() if r["id"] not in new_ids]
    start = len(joined)
    for b in blind:
        if b["label"] not in LABELS:
            raise ValueError(f"{blind_csv}: id {b['id']}: unknown label {b['label']!r}")
        a = previous.get(b["id"]) or {}
        author = a.get("author_label") or corpus[b["id"]]["label"]
        joined.append({
            "id": b["id"],
            "sample": a.get("sample") or sample_name,
            "author_label": author,
            "blind_label": b["label"],
            "adjudicated": a.get("adjudicated") or (author if author == b["label"] else ""),
            "author_secondary": a.get("author_secondary", corpus[b["id"]]["secondary"]),
            "blind_secondary": b.get("secondary", ""),
            "note": a.get("note", ""),
        })
    write_rows(out, AGREEMENT_COLUMNS, joined)
    return sum(r["author_label"] != r["blind_label"] for r in joined[start:])


def agreement_figures(rows: list[dict[str, str]]) -> dict:
    """Raw agreement, Cohen's kappa and the confusion between the two passes."""
    author = [r["author_label"] for r in rows]
    blind = [r["blind_label"] for r in rows]
    adjudicated = [r["adjudicated"] for r in rows]
    return {
        "n": len(rows),
        "agreement": sum(a == b for a, b in zip(author, blind, strict=True)) / len(rows),
        "kappa": float(cohen_kappa_score(author, blind, labels=list(LABELS))),
        "confusion": confusion_matrix(author, blind, labels=list(LABELS)).tolist(),
        "disagreements": sum(a != b for a, b in zip(author, blind, strict=True)),
        "kept_author": sum(
            a != b and j == a for a, b, j in zip(author, blind, adjudicated, strict=True)
        ),
        "took_blind": sum(
            a != b and j == b for a, b, j in zip(author, blind, adjudicated, strict=True)
        ),
        "pending": sum(not j for j in adjudicated),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.agreement", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="write a blind sample for a second annotator")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--fraction", type=float, default=0.1)
    s.add_argument("--seed", type=int, default=2026)
    s.add_argument("--id-prefix", nargs="*", default=[], help="sample only these ids")
    c = sub.add_parser("compare", help="join the second annotator's labels (id,label,secondary)")
    c.add_argument("blind", type=Path)
    c.add_argument("--sample", required=True, help="name of this blind sample")
    args = parser.parse_args(argv)
    if args.command == "sample":
        n = sample(CORPUS_CSV, args.out, args.fraction, args.seed, args.id_prefix)
        print(f"wrote {n} paragraphs")
    else:
        print(f"{compare(CORPUS_CSV, args.blind, args.sample)} disagreements to adjudicate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
