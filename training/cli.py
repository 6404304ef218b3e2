"""The ``framing`` command: train, evaluate, classify and serve.

Each subcommand adds its own arguments and calls one typed function that tests call
directly. Exit codes: 0 success, 1 bad input data, 2 bad usage, 3 missing or unusable
model, 130 interrupted.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from framing.article import classify_text
from framing.model import FrameClassifier
from framing.paths import DEFAULT_MODEL_DIR
from framing.store import ModelStoreError
from training.data import TrainingDataError

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_MODEL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


@contextmanager
def progress_bar(console: Console, total: int) -> Iterator[Callable[[str, int], None]]:
    """A progress callback drawing one bar on stderr (silent when not a terminal)."""
    with Progress(
        TextColumn("{task.description:<18}"), BarColumn(), TextColumn("{task.completed}/"
        "{task.total}"), TimeElapsedColumn(), console=console, transient=True,
    ) as bar:
        task = bar.add_task("starting", total=total)

        def advance(stage: str, steps: int) -> None:
            bar.update(task, advance=steps, description=stage)

        yield advance


def _console(stream: TextIO) -> Console:
    # Piped output gets a fixed width so tables do not collapse to 80 columns.
    width = None if stream.isatty() else 140
    return Console(file=stream, highlight=False, soft_wrap=False, width=width)


# --- train -------------------------------------------------------------------------------


def add_train_parser(sub: Any) -> None:
    p = sub.add_parser("train", help="train a model from a labeled CSV (columns text,label)")
    p.add_argument("--data", type=Path, required=True, help="labeled CSV file")
    p.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR, help="model directory")
    p.add_argument("--seed", type=int, default=0, help="seed for folds and models")
    p.add_argument("--search", action="store_true", help="grid-search the main parameters")
    p.add_argument("--dev", type=Path, help="held-out labeled CSV to score into the card")
    p.add_argument("--comparison", type=Path, help="candidate comparison JSON for the card")
    p.set_defaults(run=run_train)


def run_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from training.train import FOLDS, SEARCH_GRID, train

    steps = FOLDS + 2
    if args.search:
        steps += FOLDS * math.prod(len(values) for values in SEARCH_GRID.values())
    comparison = json.loads(args.comparison.read_text("utf-8")) if args.comparison else None
    with progress_bar(_console(err), steps) as advance:
        manifest = train(
            args.data, args.out, seed=args.seed, do_search=args.search, dev_path=args.dev,
            progress=advance, comparison=comparison,
        )
    _summary(manifest, _console(out))
    return EXIT_OK


def _summary(manifest: dict[str, Any], console: Console) -> None:
    cv = manifest["metrics"]["cv"]
    dev = manifest["metrics"].get("dev")
    table = Table(title=f"{manifest['name']}: grouped cross-validation"
                  + (" and held-out data" if dev else ""))
    table.add_column("label")
    table.add_column("CV F1", justify="right")
    if dev:
        table.add_column("held-out F1", justify="right")
    table.add_column("rows", justify="right")
    for label in manifest["labels"]:
        row = [label, f"{cv['per_label'][label]['f1']:.3f}"]
        if dev:
            per = dev["per_label"].get(label)
            row.append(f"{per['f1']:.3f}" if per else "-")
        row.append(str(manifest["training_data"]["label_counts"][label]))
        table.add_row(*row)
    total = ["macro-F1", f"{cv['macro_f1']:.3f}"]
    if dev:
        total.append(f"{dev['macro_f1']:.3f}")
    total.append(str(manifest["training_data"]["rows"]))
    table.add_row(*total, style="bold")
    console.print(table)
    console.print(
        f"ECE {cv['ece']:.3f}, Brier {cv['brier']:.3f}; trained in "
        f"{manifest['training_seconds']} s; saved to {manifest['name']}/ "
        f"(sha256 {manifest['artifact']['sha256'][:12]})"
    )


# --- evaluate ----------------------------------------------------------------------------


def add_evaluate_parser(sub: Any) -> None:
    p = sub.add_parser("evaluate", help="write report.html, report.json and report.md")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", type=Path, help="stored model to evaluate on --data")
    source.add_argument("--cv", action="store_true", help="grouped cross-validation instead")
    p.add_argument("--data", type=Path, required=True, help="labeled CSV file")
    p.add_argument("--out", type=Path, required=True, help="directory for the reports")
    p.add_argument("--seed", type=int, default=0, help="seed for --cv folds")
    p.set_defaults(run=run_evaluate)


def run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from training.evaluate import evaluate_cv, evaluate_model
    from training.train import FOLDS

    if args.cv:
        with progress_bar(_console(err), FOLDS + 1) as advance:
            report = evaluate_cv(args.data, args.out, seed=args.seed, progress=advance)
    else:
        report = evaluate_model(args.model, args.data, args.out)
    m = report["metrics"]
    print(
        f"{report['title']}: macro-F1 {m['macro_f1']:.3f}, accuracy {m['accuracy']:.3f}, "
        f"ECE {m['ece']:.3f} on {m['n']} paragraphs\n"
        f"wrote {args.out / 'report.html'}, report.json, report.md",
        file=out,
    )
    return EXIT_OK


# --- classify ----------------------------------------------------------------------------


def add_classify_parser(sub: Any) -> None:
    p = sub.add_parser("classify", help="label every paragraph of an article")
    p.add_argument("file", nargs="?", default="-", help="article text file, or - for stdin")
    p.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR, help="model directory")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(run=run_classify)


def classify_rows(model: FrameClassifier, text: str) -> list[dict[str, Any]]:
    """Per-paragraph label, confidence and scores of an article, segmented as the
    service does (hard wraps joined, broken sentences re-joined, boilerplate flagged)."""
    result = classify_text(model, text)
    return [
        {"index": p.index, "start": p.start, "end": p.end, "text": p.text, "label": p.label,
         "confidence": round(p.confidence, 4), "boilerplate": p.kind,
         "scores": {k: round(v, 4) for k, v in p.scores.items()}}
        for p in result.paragraphs
    ]


def run_classify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.file == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.file)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            print(f"framing classify: {path}: file not found", file=err)
            return EXIT_DATA
        except UnicodeDecodeError:
            print(f"framing classify: {path}: not UTF-8 text", file=err)
            return EXIT_DATA
    if not text.strip():
        print("framing classify: the input has no text", file=err)
        return EXIT_DATA
    model = FrameClassifier.load(args.model)
    rows = classify_rows(model, text)
    if args.format == "json":
        json.dump({"model": model.name, "version": model.version, "paragraphs": rows}, out,
                  indent=2, ensure_ascii=False)
        out.write("\n")
    elif args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["index", "label", "confidence", *model.labels, "boilerplate", "text"])
        for r in rows:
            writer.writerow([r["index"], r["label"], r["confidence"],
                             *(r["scores"][lab] for lab in model.labels), r["boilerplate"] or "",
                             r["text"]])
    else:
        table = Table(title=f"{model.name} ({model.version})", show_lines=True)
        table.add_column("#", justify="right")
        table.add_column("label")
        for lab in model.labels:
            table.add_column(lab.replace("_", " "), justify="right", max_width=11)
        table.add_column("paragraph", overflow="fold", min_width=40, ratio=1)
        for r in rows:
            snippet = r["text"] if len(r["text"]) <= 160 else r["text"][:157] + "..."
            label = r["label"] + (f"\n({r['boilerplate']})" if r["boilerplate"] else "")
            table.add_row(str(r["index"]), label,
                          *(f"{r['scores'][lab]:.2f}" for lab in model.labels), snippet)
        _console(out).print(table)
    return EXIT_OK


# --- serve -------------------------------------------------------------------------------


def add_serve_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="run the HTTP service with gunicorn")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (0.0.0.0 for all)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    p.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR, help="model directory")
    p.set_defaults(run=run_serve)


def gunicorn_command(host: str, port: int, workers: int) -> list[str]:
    """The gunicorn command line that serves ``service.create_app()``."""
    return [
        sys.executable, "-m", "gunicorn",
        "--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "--workers", str(workers),
        "--preload",  # load the model once, before forking the workers
        "--access-logfile", "-",
        "--timeout", "120",
        "service:create_app()",
    ]


def run_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import os

    model = FrameClassifier.load(args.model)  # fail here, clearly, rather than in a worker
    print(f"serving {model.name} ({model.version}) on http://{args.host}:{args.port} "
          f"with {args.workers} workers", file=err, flush=True)
    env = {**os.environ, "FRAMING_MODEL": str(args.model.resolve())}
    command = gunicorn_command(args.host, args.port, args.workers)
    os.execvpe(command[0], command, env)
    return EXIT_OK  # not reached: exec replaces this process


# --- entry point -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing", description="Label news paragraphs by frame; train and evaluate models."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_train_parser(sub)
    add_evaluate_parser(sub)
    add_classify_parser(sub)
    add_serve_parser(sub)
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command; return its exit code instead of raising."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its usage message
        return int(exc.code or 0)
    try:
        return int(args.run(args, out, err))
    except TrainingDataError as exc:
        print(f"framing {args.command}: {exc}", file=err)
        return EXIT_DATA
    except ModelStoreError as exc:
        print(f"framing {args.command}: {exc}", file=err)
        return EXIT_MODEL
    except KeyboardInterrupt:
        print(f"framing {args.command}: interrupted; nothing was written", file=err)
        return EXIT_INTERRUPTED


def entry_point() -> None:
    raise SystemExit(main())
